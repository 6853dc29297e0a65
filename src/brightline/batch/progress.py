"""The batch progress bar on stderr: files, pages, rate and time left; counts only, never names."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.1f} files/s")


class BatchProgress:
    """A bar when stderr is a terminal and not --quiet; silent otherwise."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.pages = 0
        self.progress: Progress | None = None
        if not quiet and sys.stderr.isatty():
            self.progress = Progress(
                TextColumn("batch"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                TextColumn("{task.fields[pages]} pages"), _Rate(), TimeElapsedColumn(), TimeRemainingColumn(),
                console=Console(stderr=True),
            )
            self.task = self.progress.add_task("batch", total=total, pages=0)

    def advance(self, pages: int) -> None:
        """One more file finished (done, failed or already done), with its pages."""
        self.pages += pages
        if self.progress is not None:
            self.progress.update(self.task, advance=1, pages=self.pages)

    def __enter__(self) -> BatchProgress:
        if self.progress is not None:
            self.progress.start()
        return self

    def __exit__(self, *_: object) -> None:
        if self.progress is not None:
            self.progress.stop()
