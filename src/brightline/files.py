"""Writing outputs safely: a temporary name beside the target, renamed only once complete."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path, PurePath

PART_PREFIX = ".brightline-"
PART_SUFFIX = ".part"
# under an output folder, the tree of copies held for legal review: for counsel, never among the releasable
WITHHELD_FOLDER = "withheld"


def withheld_copy(out: Path, relative: PurePath | str) -> Path:
    """Where a document held for legal review has its copy, `relative` being where it would stand under `out`."""
    return out / WITHHELD_FOLDER / relative


def write_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Let `write` fill a temporary file beside the target, then rename: never a half-written copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=PART_PREFIX, suffix=PART_SUFFIX)
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_bytes(path: Path, *, content: bytes) -> None:
    """Write and flush to disk, so a rename that follows never exposes an empty file after a crash."""
    with path.open("wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def write_text(path: Path, *, content: str) -> None:
    """Write UTF-8 text, flushed to disk."""
    write_bytes(path, content=content.encode("utf-8"))


def remove_leftovers(folder: Path) -> None:
    """Temporary files a killed run left: never a finished output, so always safe to remove."""
    for leftover in folder.rglob(f"{PART_PREFIX}*{PART_SUFFIX}"):
        leftover.unlink(missing_ok=True)
