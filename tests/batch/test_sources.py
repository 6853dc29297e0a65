"""What a batch reads: hostile archive entries and folder links are refused one by one, with a reason."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import pytest

from brightline.batch.sources import REFUSED, SKIPPED, Entry, Limits, Refusal, scan

LIMITS = Limits(per_file=100_000, total=10_000_000, ratio=100)


def entry(name: str, data: bytes = b"Student: report text.\n", external_attr: int = 0) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = external_attr
    return info, data


@pytest.mark.parametrize(
    ("info", "reason"),
    [
        (entry("../../etc/cron.d/evil.txt"), "climbs out of the archive"),
        (entry("/etc/passwd.txt"), "absolute path"),
        (entry("C:/Windows/evil.txt"), "absolute path"),
        (entry("link.txt", b"/etc/passwd", external_attr=0o120777 << 16), "symbolic link"),
        (entry("secret.txt"), "encrypted entry"),
        (entry("huge.txt", b"x" * 150_000), "larger than 100000 bytes"),
        (entry("bomb.txt", b"\0" * 90_000), "compressed more than 100 to 1"),
    ],
    ids=["dot_dot", "absolute", "drive_letter", "symlink", "encrypted", "too_large", "zip_bomb"],
)
def test_hostile_entries_are_refused(tmp_path: Path, info: tuple[zipfile.ZipInfo, bytes], reason: str) -> None:
    archive = tmp_path / "archive.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr(*entry("reports/ok.txt"))
        handle.writestr(*info)
    if info[0].filename == "secret.txt":
        _mark_encrypted(archive)
    found = list(scan(archive, LIMITS))
    assert isinstance(found[0], Entry) and found[0].relative == "reports/ok.txt"
    assert found[1] == Refusal(found[1].relative, REFUSED, found[1].reason) and reason in found[1].reason


def _mark_encrypted(archive: Path) -> None:
    """Set the 'encrypted' flag of the last entry in the central directory (zipfile cannot write one)."""
    data = bytearray(archive.read_bytes())
    flag = data.rindex(b"PK\x01\x02") + 8
    data[flag] |= 0x1
    archive.write_bytes(bytes(data))


def test_duplicates_and_other_files(tmp_path: Path) -> None:
    archive = tmp_path / "archive.zip"
    with zipfile.ZipFile(archive, "w") as handle, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate it is asked to write
        handle.writestr(*entry("a/report.txt"))
        handle.writestr(*entry("a/report.txt", b"a second file of the same name"))
        handle.writestr(*entry("a/minutes.doc", b"\xd0\xcf"))
        handle.writestr(*entry("a/inner.zip", b"PK"))
    found = [(f.relative, getattr(f, "status", "entry"), getattr(f, "reason", "")) for f in scan(archive, LIMITS)]
    assert found == [
        ("a/report.txt", "entry", ""),
        ("a/report.txt", REFUSED, "duplicate name in the archive"),
        ("a/minutes.doc", SKIPPED, "a Word document, not read yet: save it as PDF and redact that"),
        ("a/inner.zip", SKIPPED, "an archive: brightline batch reads .zip archives (give it this one on its own)"),
    ]


def test_an_entry_whose_header_lies_about_its_size_is_cut_off(tmp_path: Path) -> None:
    archive = tmp_path / "archive.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr(*entry("big.txt", b"word " * 30_000))  # 150 kB of text
    with zipfile.ZipFile(archive) as handle:
        real = handle.getinfo("big.txt")
    small = Limits(per_file=real.file_size, ratio=10_000)  # allowed by its header...
    found = list(scan(archive, small))
    assert isinstance(found[0], Entry) and len(found[0].read()) == real.file_size
    tighter = Limits(per_file=real.file_size - 1, ratio=10_000)
    assert isinstance(next(scan(archive, tighter)), Refusal)


def test_folder_links_are_not_followed(tmp_path: Path) -> None:
    source = tmp_path / "source"
    (source / "cases").mkdir(parents=True)
    (source / "cases" / "report.txt").write_text("Student: report text.\n")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not part of the archive\n")
    (source / "cases" / "linked.txt").symlink_to(outside / "secret.txt")
    (source / "linked_folder").symlink_to(outside)
    found = {f.relative: getattr(f, "reason", "entry") for f in scan(source, LIMITS)}
    assert found == {
        "cases/report.txt": "entry",
        "cases/linked.txt": "symbolic link; not followed",
        "linked_folder": "symbolic link; not followed",
    }
