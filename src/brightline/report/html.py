"""The reviewer's report: one self-contained HTML page a person can check at a glance.

Original and redacted text side by side, every finding highlighted with its label, detector, score
and reason; the risk with each factor's points, evidence and legal basis; the decision and its
reasons; for PDFs, each page before and after. No script, font or stylesheet is fetched from
anywhere: the file opens from a USB stick. Colours come with the label written out, so nothing
depends on colour alone.
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass, field

from PIL import Image, ImageDraw

from ..types import ALWAYS_REDACTED, PII_LABELS, SENSITIVE_LABELS, Finding, ScreenResult

# background colours, each with black text at a contrast above 7:1
COLOURS: dict[str, str] = {
    "IMMIGRATION": "#ffb3b3", "GANG": "#ffc891", "SOCIAL_MEDIA": "#ffe680", "GOV_ID": "#f5b3e6",
    "HEALTH": "#d9c2ff", "PERSON": "#a8d8ff", "DATE_OF_BIRTH": "#b3ecd9", "AGE": "#c7f0b8",
    "STUDENT_ID": "#b3e0e6", "SSN": "#e6ccb3", "PHONE": "#d6e6b3", "EMAIL": "#cce0ff", "ADDRESS": "#e0d6c2",
    "SOCIAL_HANDLE": "#f0d1b3", "COVERED_TEXT": "#c8c8c8", "OFFICIAL": "#e8e8e8", "SCHOOL": "#ececec",
}
# riskiest first: what endangers a student most, then what identifies them
_PRIORITY = ["IMMIGRATION", "GOV_ID", "GANG", "SOCIAL_MEDIA", "HEALTH", "COVERED_TEXT", "PERSON", "DATE_OF_BIRTH",
             "STUDENT_ID", "SSN", "ADDRESS", "SOCIAL_HANDLE", "PHONE", "EMAIL", "AGE", "OFFICIAL", "SCHOOL"]
_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#111;background:#fff;line-height:1.45}
main{max-width:90rem;margin:0 auto;padding:1rem 1.5rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1.05rem}
.verdict{border:3px solid #111;padding:.6rem 1rem;display:inline-block;font-weight:700}
.withhold-for-legal-review{background:#ffd6d6}.release-redacted{background:#fff2c2}.release{background:#d9f2d9}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #555;padding:.25rem .5rem;
text-align:left;vertical-align:top}th{background:#e8e8e8}caption{text-align:left;font-weight:600;padding:.25rem 0}
.side{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.text{white-space:pre-wrap;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem;border:1px solid #555;
padding:.6rem;overflow-wrap:anywhere}
mark{color:#111;border-bottom:2px solid #111;padding:0 .1rem}mark:focus{outline:3px solid #005fcc}
.tag{font-size:.65rem;font-weight:700;vertical-align:super;margin-left:.1rem}
.legend span{display:inline-block;margin:.15rem .4rem .15rem 0;padding:.1rem .4rem;border:1px solid #555}
.pages{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.pages img{max-width:100%;border:1px solid #555}
a{color:#004a99}a:focus,summary:focus{outline:3px solid #005fcc}
"""


@dataclass
class PageImages:
    """A PDF page before (with the boxes outlined) and after redaction, as PNG bytes."""

    number: int
    before: bytes
    after: bytes


@dataclass
class ReportInput:
    """What one document's report shows."""

    result: ScreenResult
    redacted_text: str
    context: dict[str, str] = field(default_factory=dict)  # recipient, basis, policy
    pages: list[PageImages] = field(default_factory=list)


def render_report(documents: list[ReportInput], title: str = "brightline redaction report") -> str:
    """The whole page: an index when there are several documents, then one section each."""
    body = [f"<h1>{_e(title)}</h1>", _legend()]
    if len(documents) > 1:
        items = "".join(f"<li><a href='#doc{i}'>{_e(d.result.path)}</a>: {_e(str(d.result.decision))}</li>"
                        for i, d in enumerate(documents))
        body.append(f"<nav aria-label='documents'><h2>Documents</h2><ol>{items}</ol></nav>")
    body += [_document(index, document) for index, document in enumerate(documents)]
    return (f"<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{_e(title)}</title>"
            f"<style>{_STYLE}</style></head><body><main>{''.join(body)}</main></body></html>\n")


def outline_boxes(image: Image.Image, boxes: list[tuple[float, float, float, float]], scale: float) -> bytes:
    """A page image with the redaction boxes outlined in red, as PNG."""
    page = image.convert("RGB")
    draw = ImageDraw.Draw(page)
    for x0, top, x1, bottom in boxes:
        draw.rectangle((x0 * scale, top * scale, x1 * scale, bottom * scale), outline=(200, 0, 0), width=2)
    return png(page)


def png(image: Image.Image) -> bytes:
    """An image as PNG bytes."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _legend() -> str:
    spans = "".join(f"<span style='background:{colour}'>{label}</span>" for label, colour in COLOURS.items())
    return ("<section aria-labelledby='legend'><h2 id='legend'>Legend</h2><p class='legend'>" + spans +
            "</p><p>Student PII and sensitive language are redacted as the recipient's policy says; OFFICIAL and "
            "SCHOOL are context. Each highlight in the original carries its label; focus it (Tab) or hover it "
            "for the detector, score and rule.</p></section>")


def _rank(finding: Finding) -> tuple[int, float, int]:
    label = str(finding.label)
    return (_PRIORITY.index(label) if label in _PRIORITY else len(_PRIORITY), -finding.score, finding.start)


def _document(index: int, document: ReportInput) -> str:
    result = document.result
    heading = f"<h2 id='doc{index}'>{_e(result.path)}</h2>"
    if result.error is not None:
        failed = f"<p class='verdict withhold-for-legal-review'>Not screened: {_e(result.error)}</p>"
        return f"<section>{heading}{failed}</section>"
    assert result.risk is not None and result.decision is not None
    context = ", ".join(f"{k} {v}" for k, v in document.context.items())
    parts = [
        heading,
        f"<p class='verdict {_e(result.decision)}'>Decision: {_e(result.decision)}: risk {_e(result.risk.level)} "
        f"({result.risk.score}/100)</p>",
        f"<p>{result.pages} page{'s' if result.pages != 1 else ''}; {len(result.findings)} findings"
        + (f"; {_e(context)}" if context else "") + "</p>",
        "<h3>Why this decision</h3><ul>" + "".join(
            f"<li>{_e(r.detail)} <small>({_e(r.basis)})</small></li>" for r in result.decision_reasons) + "</ul>",
        html_table("Risk, factor by factor (the points add up to the score)",
                   ["factor", "points", "evidence", "legal basis"],
                   [[r.factor, f"{r.points:+d}", r.evidence, r.basis] for r in result.risk.reasons]),
        html_table("Findings, riskiest first", ["label", "text", "page", "offsets", "detector", "score", "rule", "why"],
                   [[f.label, f.text, f.page, f"{f.start}-{f.end}", f.detector, f"{f.score:.2f}", f.explanation.rule,
                     f.explanation.note or f.category or ""] for f in sorted(result.findings, key=_rank)]),
        "<h3>Original and redacted</h3><div class='side'>"
        f"<div><h4>Original, findings highlighted</h4><div class='text'>{_highlight(result)}</div></div>"
        f"<div><h4>Redacted</h4><div class='text'>{_e(document.redacted_text)}</div></div></div>",
    ]
    for page in document.pages:
        parts.append(
            f"<h3>Page {page.number}</h3><div class='pages'>"
            f"<figure><img alt='page {page.number} of the original, redactions outlined in red' "
            f"src='data:image/png;base64,{base64.b64encode(page.before).decode()}'><figcaption>before</figcaption></figure>"
            f"<figure><img alt='page {page.number} as released' "
            f"src='data:image/png;base64,{base64.b64encode(page.after).decode()}'><figcaption>after</figcaption></figure>"
            "</div>")
    return f"<section aria-labelledby='doc{index}'>{''.join(parts)}</section>"


_PLAIN_STYLE = ("body{font-family:system-ui,sans-serif;margin:2rem;color:#111;background:#fff;max-width:60rem}"
                "table{border-collapse:collapse;margin:0 0 1.5rem}"
                "caption{text-align:left;font-weight:600;padding:.3rem 0}"
                "th,td{border:1px solid #555;padding:.25rem .6rem;text-align:left}th{background:#e8e8e8}")


def plain_page(title: str, body: str) -> str:
    """A self-contained page of tables (a batch summary, a redaction log); `body` is HTML already escaped."""
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{_e(title)}</title>"
            f"<style>{_PLAIN_STYLE}</style></head><body><main><h1>{_e(title)}</h1>{body}</main></body></html>\n")


def html_table(caption: str, header: list[str], rows: list[list[object]]) -> str:
    """A captioned table with column headers, every cell escaped."""
    head = "".join(f"<th scope='col'>{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><caption>{_e(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _highlight(result: ScreenResult) -> str:
    """The original text with each finding marked; where findings nest, the innermost one is shown."""
    text = result.text
    cuts = sorted({0, len(text)} | {f.start for f in result.findings} | {f.end for f in result.findings})
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [f for f in result.findings if f.start <= start and end <= f.end]
        segment = _e(text[start:end])
        if not covering:
            pieces.append(segment)
            continue
        inner = min(covering, key=lambda f: f.end - f.start)
        label = str(inner.label)
        why = "; ".join(f"{f.label} by {f.detector}, score {f.score:.2f}, rule {f.explanation.rule}" for f in covering)
        kind = "redacted" if inner.label in PII_LABELS | SENSITIVE_LABELS | ALWAYS_REDACTED else "context"
        pieces.append(f"<mark tabindex='0' style='background:{COLOURS.get(label, '#ddd')}' title='{_e(why)}' "
                      f"aria-label='{_e(label)} ({kind}): {segment}'>{segment}<span class='tag'>{_e(label)}</span></mark>")
    return "".join(pieces)
