"""The OCR engine: a page image in, its words out, each with a box in pixels and a confidence.

Tesseract is run as a program, fed the image on its standard input and read from its standard output
(TSV): no page image or recognised text ever touches the disk, so a killed run leaves nothing behind.
Its messages are never shown: they could quote a document. An engine that fails raises OcrError,
which names no content; the caller refuses that file by name.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from PIL import Image

INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa"
_TIMEOUT = 300  # seconds for one page: far above any real page, short of a hung process
_ROTATE = re.compile(r"^Rotate:\s*(\d+)", re.MULTILINE)
_ORIENTATION_CONFIDENCE = re.compile(r"^Orientation confidence:\s*([\d.]+)", re.MULTILINE)
_TRUSTED_ORIENTATION = 1.0  # Tesseract's own scale; below it a page's orientation is a guess


class OcrError(Exception):
    """The engine failed on an image; the message says how, never what the image holds."""


@dataclass(frozen=True)
class OcrWord:
    """A word as read: its text, its box in pixels of the image read, its confidence (0-100) and its line."""

    text: str
    left: int
    top: int
    right: int
    bottom: int
    confidence: float
    line: tuple[int, int, int]  # (block, paragraph, line) in reading order


class OcrEngine(Protocol):
    """What brightline needs of an OCR engine."""

    def words(self, image: Image.Image, dpi: int) -> list[OcrWord]:
        """The words of an image scanned at `dpi`, in reading order."""

    def rotation(self, image: Image.Image, dpi: int) -> int:
        """Degrees (0, 90, 180, 270) to turn the image clockwise so its text stands upright."""


@dataclass(frozen=True)
class TesseractEngine:
    """Tesseract 4 or later, through its command-line program."""

    program: str
    languages: str = "eng"

    def words(self, image: Image.Image, dpi: int) -> list[OcrWord]:
        output = self._run(image, ["--dpi", str(dpi), "-l", self.languages, "--psm", "3", "tsv"])
        return _parse_tsv(output)

    def rotation(self, image: Image.Image, dpi: int) -> int:
        try:
            output = self._run(image, ["--dpi", str(dpi), "--psm", "0"])
        except OcrError:
            return 0  # too few letters to tell (a blank or nearly blank page): read it as it is
        rotate, confidence = _ROTATE.search(output), _ORIENTATION_CONFIDENCE.search(output)
        if rotate is None or confidence is None or float(confidence.group(1)) < _TRUSTED_ORIENTATION:
            return 0
        return int(rotate.group(1)) % 360

    def _run(self, image: Image.Image, arguments: list[str]) -> str:
        buffer = io.BytesIO()
        image.convert("L").save(buffer, "PPM")  # binary PGM: the quickest format to write and to read
        # one thread per page: pages and documents run in parallel already, threads would oversubscribe
        environment = {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}
        try:
            done = subprocess.run([self.program, "stdin", "stdout", *arguments], input=buffer.getvalue(),
                                  capture_output=True, timeout=_TIMEOUT, env=environment, check=False)
        except subprocess.TimeoutExpired:
            raise OcrError(f"the OCR engine took more than {_TIMEOUT} s") from None
        except OSError as exc:
            raise OcrError(f"the OCR engine could not be started ({type(exc).__name__})") from None
        if done.returncode != 0:
            raise OcrError(f"the OCR engine failed (exit status {done.returncode})")
        return done.stdout.decode("utf-8", errors="replace")


def installed_engine() -> TesseractEngine | None:
    """Tesseract with English (and Spanish when installed) found on PATH now, or None."""
    return _engine_on(os.environ.get("PATH", ""))


@cache
def _engine_on(search_path: str) -> TesseractEngine | None:
    program = shutil.which("tesseract", path=search_path)
    if program is None:
        return None
    try:
        listed = subprocess.run([program, "--list-langs"], capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    languages = set(listed.stdout.decode("utf-8", errors="replace").split()[1:])  # after the heading line
    if "eng" not in languages:
        return None
    # Spanish too, so names and words with accents (Peña, Ibáñez) are read as written
    return TesseractEngine(program, "eng+spa" if "spa" in languages else "eng")


def _parse_tsv(output: str) -> list[OcrWord]:
    words = []
    for row in output.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) != 12 or fields[0] != "5" or not fields[11].strip():
            continue  # only word rows (level 5) with text
        block, paragraph, line = int(fields[2]), int(fields[3]), int(fields[4])
        left, top, width, height = (int(v) for v in fields[6:10])
        words.append(OcrWord(fields[11].strip(), left, top, left + width, top + height, float(fields[10]),
                             (block, paragraph, line)))
    return words
