"""The reviewer's report: golden HTML for a fixed sample, self-contained, every finding shown."""

from __future__ import annotations

import re
from pathlib import Path

from brightline import Pipeline
from brightline.report.html import render_report
from brightline.report.review import review
from tests.redact import pdf_factory
from tests.report.golden_files import assert_golden

SAMPLE = Path(__file__).parents[2] / "samples" / "instagram_threat_supplement.txt"


def report_of(pipeline: Pipeline, path: Path, shown_as: str) -> str:
    result = next(pipeline.screen_paths([path]))
    result.path = shown_as  # the golden file must not depend on where the test runs
    return render_report([review(pipeline, result)])


def test_report_golden(pipeline: Pipeline) -> None:
    page = report_of(pipeline, SAMPLE, "samples/instagram_threat_supplement.txt")
    assert_golden("report_instagram.html", page)


def test_report_shows_everything_and_fetches_nothing(pipeline: Pipeline) -> None:
    result = next(pipeline.screen_paths([SAMPLE]))
    page = render_report([review(pipeline, result)])
    assert not re.search(r"(?:src|href)=['\"](?:https?:)?//", page) and "<script" not in page and "@import" not in page
    marks = re.findall(r"<mark [^>]*>", page)
    assert len(marks) >= len({(f.start, f.end) for f in result.findings})  # every finding is highlighted
    for reason in result.risk.reasons:
        assert reason.factor in page and reason.basis.replace("'", "&#x27;") in page
    assert "Legend" in page and str(result.decision) in page
    riskiest = page.index("<caption>Findings, riskiest first</caption>")
    first_row = page[riskiest:].split("<tr>")[2]
    assert "IMMIGRATION" in first_row or "GANG" in first_row  # the dangerous language leads


def test_pdf_report_has_each_page_before_and_after(pipeline: Pipeline, tmp_path: Path) -> None:
    source = pdf_factory.base(tmp_path / "report.pdf")
    page = report_of(pipeline, source, "report.pdf")
    assert page.count("data:image/png;base64,") == 2
    assert "QUISPE" in page  # the original side shows what was found...
    redacted_side = page.split("<h4>Redacted</h4>")[1].split("</div>")[0]
    assert "QUISPE" not in redacted_side and "[PERSON 1]" in redacted_side  # ...the redacted side does not
