"""The readable table `brightline screen` prints: findings by position, then the risk and its reasons."""

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
        console.print(f"  +{reason.points:>2} {reason.factor}: {reason.evidence}  [dim]({reason.basis})[/]",
                      highlight=False)
