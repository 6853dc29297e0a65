"""The report in a real browser (Debian's headless Chromium): everything renders, nothing is fetched."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from brightline import Pipeline
from brightline.report.html import render_report
from brightline.report.review import review

ROOT = Path(__file__).parents[2]
ARTIFACTS = ROOT / "out" / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("BRIGHTLINE_REQUIRE_BROWSER"),
                    reason="needs Debian's chromium (.ci/run installs it and requires this test)")
def test_report_renders_in_chromium_without_a_request(pipeline: Pipeline, tmp_path: Path) -> None:
    from playwright import sync_api

    assert CHROMIUM is not None, "chromium is not installed"
    result = next(pipeline.screen_paths([ROOT / "samples" / "instagram_threat_supplement.txt"]))
    page_file = tmp_path / "report.html"
    page_file.write_text(render_report([review(pipeline, result)]), encoding="utf-8")
    outside: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})

        def guard(route, request) -> None:  # type: ignore[no-untyped-def]
            if request.url.startswith("file://"):
                route.continue_()
            else:
                outside.append(request.url)
                route.abort()

        page.route("**/*", guard)
        page.goto(page_file.as_uri())
        marks = page.locator("mark")
        assert marks.count() >= len({(f.start, f.end) for f in result.findings})
        assert all(marks.nth(i).is_visible() for i in range(marks.count()))
        assert page.get_by_role("heading", name="Legend").is_visible()
        risk_rows = page.locator("table:has(caption:text('Risk, factor by factor')) tbody tr")
        assert risk_rows.count() == len(result.risk.reasons)
        for _ in range(40):  # the highlights are reachable from the keyboard
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.tagName") == "MARK":
                break
        assert page.evaluate("document.activeElement.tagName") == "MARK"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
        browser.close()
    assert outside == []
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000
