"""Progress on stderr, for a person at a terminal: counts only, never file names or text."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

T = TypeVar("T")


def track(items: Iterable[T], total: int, description: str, quiet: bool = False) -> Iterator[T]:
    """Yield the items, drawing a bar on stderr when it is a terminal and there is more than one item."""
    if quiet or total < 2 or not sys.stderr.isatty():
        yield from items
        return
    columns = (TextColumn(description), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(description, total=total)
        for item in items:
            yield item
            progress.advance(task)
