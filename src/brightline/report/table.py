"""Tables for the terminal: a screened document (findings, risk, decision) and the disclosure log."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..types import ScreenResult

_LEVEL_STYLE = {"LOW": "green", "MEDIUM": "yellow", "HIGH": "dark_orange", "CRITICAL": "bold red"}


def render_table(result: ScreenResult, console: Console) -> None:
    """Print one document's findings and risk."""
    if result.error is not None:
        console.print(f"[bold red]error[/] {result.error}", markup=True, highlight=False)
        return
    assert result.risk is not None and result.decision is not None
    level = str(result.risk.level)
    console.rule(f"{result.path}", style="dim")
    table = Table(show_header=True, header_style="bold", expand=False)
    for column in ("label", "text", "offsets", "score", "detector", "rule"):
        table.add_column(column, overflow="fold")
    for finding in result.findings:
        table.add_row(
            str(finding.label), finding.text.replace("\n", " "), f"{finding.start}-{finding.end}",
            f"{finding.score:.2f}", finding.detector, finding.explanation.rule,
        )
    console.print(table)
    console.print(
        f"risk [{_LEVEL_STYLE[level]}]{level}[/] {result.risk.score}/100, decision: {result.decision}",
        highlight=False,
    )
    for reason in result.risk.reasons:
        console.print(f"  {reason.points:+3d} {reason.factor}: {reason.evidence}  [dim]({reason.basis})[/]",
                      highlight=False)
    for why in result.decision_reasons:
        console.print(f"  decision, {why.rule}: {why.detail}  [dim]({why.basis})[/]", highlight=False)


_LOG_COLUMNS = ("id", "created_at", "released_by", "recipient", "basis", "decision", "risk_level", "redacted_counts")


def render_disclosures(rows: list[dict[str, object]], console: Console) -> None:
    """The disclosure log as a table (hashes left to the CSV and JSON exports)."""
    table = Table(show_header=True, header_style="bold", expand=False, title="disclosure log")
    for column in _LOG_COLUMNS:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(str(row[column]) for column in _LOG_COLUMNS))
    console.print(table)
