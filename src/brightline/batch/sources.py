"""What a batch reads: the documents of a folder tree or a zip file, with hostile entries refused.

Nothing from an archive is ever extracted to disk: entries are read into memory within bounds. An
entry is refused, with its reason, when its name is absolute or climbs out of the archive, when it is
a symbolic link, encrypted, a duplicate, or larger (or more compressed) than the limits allow.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import InputFileError
from ..ingest import SUPPORTED_SUFFIXES, why

SKIPPED = "skipped"
REFUSED = "refused"


@dataclass(frozen=True)
class Limits:
    """Bounds on what an archive may make brightline read."""

    per_file: int = 50_000_000  # bytes, uncompressed
    total: int = 20_000_000_000
    ratio: int = 200  # uncompressed / compressed; far above any real report


@dataclass(frozen=True)
class Entry:
    """A document to screen: its path inside the source (POSIX form) and how to read its bytes."""

    relative: str
    read: Callable[[], bytes]


@dataclass(frozen=True)
class Refusal:
    """Something in the source that is not screened: skipped (not a document type) or refused (unsafe)."""

    relative: str
    status: str
    reason: str


def scan(source: Path, limits: Limits, exclude: Path | None = None) -> Iterator[Entry | Refusal]:
    """The entries of a folder tree or a .zip, in a stable order."""
    if source.is_dir():
        yield from _scan_folder(source, limits, exclude)
    elif source.is_file() and zipfile.is_zipfile(source):
        yield from _scan_zip(source, limits)
    else:
        raise InputFileError(f"{source}: not a folder or a zip file.")


def _kind(relative: str) -> Refusal | None:
    path = PurePosixPath(relative)
    if path.name.startswith(".") or path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return Refusal(relative, SKIPPED, why(path))
    return None


def _scan_folder(root: Path, limits: Limits, exclude: Path | None) -> Iterator[Entry | Refusal]:
    excluded = exclude.resolve() if exclude is not None else None
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        for name in sorted(dirs):
            if (here / name).is_symlink():
                yield Refusal((here / name).relative_to(root).as_posix(), REFUSED, "symbolic link; not followed")
        dirs[:] = sorted(d for d in dirs if not (here / d).is_symlink() and (here / d).resolve() != excluded)
        for name in sorted(files):
            path = here / name
            relative = path.relative_to(root).as_posix()
            if path.is_symlink():
                yield Refusal(relative, REFUSED, "symbolic link; not followed")
            elif (refusal := _kind(relative)) is not None:
                yield refusal
            elif path.stat().st_size > limits.per_file:
                yield Refusal(relative, REFUSED, f"larger than {limits.per_file} bytes")
            else:
                yield Entry(relative, path.read_bytes)


def _scan_zip(archive: Path, limits: Limits) -> Iterator[Entry | Refusal]:
    seen: set[str] = set()
    total = 0
    with zipfile.ZipFile(archive) as handle:
        infos = handle.infolist()
    for info in infos:
        if info.is_dir():
            continue
        relative, problem = _safe_name(info.filename)
        if problem is None and relative.lower() in seen:
            problem = "duplicate name in the archive"
        if problem is None and stat.S_ISLNK(info.external_attr >> 16):
            problem = "symbolic link"
        if problem is None and info.flag_bits & 0x1:
            problem = "encrypted entry"
        if problem is None and info.file_size > limits.per_file:
            problem = f"larger than {limits.per_file} bytes"
        if problem is None and info.file_size > limits.ratio * max(info.compress_size, 1):
            problem = f"compressed more than {limits.ratio} to 1 (a zip bomb?)"
        if problem is None and total + info.file_size > limits.total:
            problem = f"the archive holds more than {limits.total} bytes"
        if problem is not None:
            yield Refusal(relative, REFUSED, problem)
            continue
        seen.add(relative.lower())
        if (refusal := _kind(relative)) is not None:
            yield refusal
            continue
        total += info.file_size
        yield Entry(relative, _zip_reader(archive, info, limits))


def _safe_name(name: str) -> tuple[str, str | None]:
    """An entry's path as it would be written under the output folder, or why it cannot be."""
    shown = name.replace("\\", "/")
    path = PurePosixPath(shown)
    if shown.startswith("/") or (len(shown) > 1 and shown[1] == ":"):
        return shown, "absolute path"
    if ".." in path.parts:
        return shown, "path climbs out of the archive"
    if not path.parts or "\\" in name or "\x00" in name:
        return shown, "unusable name"
    return path.as_posix(), None


def _zip_reader(archive: Path, info: zipfile.ZipInfo, limits: Limits) -> Callable[[], bytes]:
    def read() -> bytes:
        with zipfile.ZipFile(archive) as handle, handle.open(info) as entry:
            data = entry.read(limits.per_file + 1)  # the header's size may lie: never read past the bound
        if len(data) > limits.per_file:
            raise InputFileError(f"{info.filename}: larger than {limits.per_file} bytes once decompressed.")
        return data

    return read
