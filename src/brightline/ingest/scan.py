"""Read a page image with OCR: turned upright, straightened, each word split into boxed characters.

The engine reads an upright, straightened copy of the page; every character's box is mapped back to
the page image as it was given (pdfium's rendering of the unrotated page), where the redaction boxes
are burned. A word's box is shared among its characters by their widths in Helvetica: close enough
for a box around a name, and a line of characters keeps its own height.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy
from pdfminer.fontmetrics import FONT_METRICS
from PIL import Image

from .ocr import OcrEngine, OcrWord

Rect = tuple[float, float, float, float]  # x0, top, x1, bottom
_WIDTHS: dict[str, int] = FONT_METRICS["Helvetica"][1]  # 1/1000 em
_CHECK_ORIENTATION = 70.0  # mean word confidence under which the page may be sideways or upside down
_SKEW_RANGE, _SKEW_STEP = 5.0, 0.25  # degrees searched either way, and the step
# degrees; Tesseract reads a smaller skew as well straightened as not (bench_ocr: the same words at up to 1.5
# degrees), and turning the page blurs it and costs 0.2 s; at 2.5 to 4 degrees straightening reads ~0.5% more words
_SKEW_MIN = 1.0
_SKEW_SCALE = 4  # the skew is measured on a copy this many times smaller
_INK = 160


@dataclass(frozen=True)
class ReadWord:
    """A word read from a page image, with one box per character in pixels of that image."""

    text: str
    confidence: float
    line: tuple[int, int, int]
    chars: tuple[Rect, ...]

    @property
    def box(self) -> Rect:
        return (min(c[0] for c in self.chars), min(c[1] for c in self.chars), max(c[2] for c in self.chars),
                max(c[3] for c in self.chars))


def read_scan(image: Image.Image, engine: OcrEngine, dpi: int, deskew: bool = True) -> list[ReadWord]:
    """The words of a scanned page, read upright and straightened, boxed on the image as given."""
    skew = _skew(image) if deskew else 0.0
    words = _read(image, engine, dpi, 0, skew)
    if words and _mean_confidence(words) >= _CHECK_ORIENTATION and not _standing(words):
        return words
    rotation = engine.rotation(image.reduce(2), dpi // 2)  # orientation needs no fine detail: half the pixels
    if rotation == 0:
        return words
    upright = _transformed(image, rotation, 0.0)[0]
    turned = _read(image, engine, dpi, rotation, _skew(upright) if deskew else 0.0)
    return turned if _weight(turned) > _weight(words) else words


def read_region(image: Image.Image, region: Rect, engine: OcrEngine, dpi: int) -> list[ReadWord]:
    """The words inside one region (pixels) of a page image, boxed on the whole image; read as it stands."""
    left, top = int(region[0]), int(region[1])
    crop = image.crop((left, top, math.ceil(region[2]), math.ceil(region[3])))
    return [ReadWord(w.text, w.confidence, w.line, tuple((c[0] + left, c[1] + top, c[2] + left, c[3] + top)
                                                         for c in _char_boxes(w)))
            for w in engine.words(crop, dpi)]


def layout(words: list[ReadWord]) -> list[tuple[str, Rect | None]]:
    """The characters of words in reading order, each with its box; separators have none.

    A space parts words, a line break lines, a blank line blocks.
    """
    out: list[tuple[str, Rect | None]] = []
    previous: tuple[int, int, int] | None = None
    for word in words:
        if previous is not None:
            separator = " " if word.line == previous else "\n" if word.line[0] == previous[0] else "\n\n"
            out += [(c, None) for c in separator]
        out += list(zip(word.text, word.chars, strict=True))
        previous = word.line
    return out


def _read(image: Image.Image, engine: OcrEngine, dpi: int, rotation: int, skew: float) -> list[ReadWord]:
    if rotation == 0 and skew == 0.0:
        return [ReadWord(w.text, w.confidence, w.line, _char_boxes(w)) for w in engine.words(image, dpi)]
    upright, matrix = _transformed(image, rotation, skew)
    read = []
    for word in engine.words(upright, dpi):
        chars = tuple(_mapped(box, matrix) for box in _char_boxes(word))
        read.append(ReadWord(word.text, word.confidence, word.line, chars))
    return read


def _char_boxes(word: OcrWord) -> tuple[Rect, ...]:
    widths = [_WIDTHS.get(c, 556) for c in word.text]
    total = sum(widths) or 1
    boxes, x = [], float(word.left)
    for width in widths:
        step = (word.right - word.left) * width / total
        boxes.append((x, float(word.top), x + step, float(word.bottom)))
        x += step
    return tuple(boxes)


Matrix = tuple[float, float, float, float, float, float]


def _transformed(image: Image.Image, rotation: int, skew: float) -> tuple[Image.Image, Matrix]:
    """The image turned `rotation` degrees clockwise and `skew` degrees anticlockwise, on a white ground.

    Also the affine matrix from a pixel of the result to the pixel of `image` it came from.
    """
    angle = math.radians(skew - rotation)
    cos, sin = round(math.cos(angle), 12), round(math.sin(angle), 12)
    width, height = image.size
    out_w = math.ceil(abs(width * cos) + abs(height * sin) - 1e-6)
    out_h = math.ceil(abs(width * sin) + abs(height * cos) - 1e-6)
    # a point v from the output's centre came from the input's centre plus v turned back by the angle
    c = width / 2 - cos * out_w / 2 + sin * out_h / 2
    f = height / 2 - sin * out_w / 2 - cos * out_h / 2
    matrix = (cos, -sin, c, sin, cos, f)
    return image.transform((out_w, out_h), Image.Transform.AFFINE, matrix, Image.Resampling.BILINEAR,
                           fillcolor=255), matrix


def _mapped(box: Rect, matrix: Matrix) -> Rect:
    a, b, c, d, e, f = matrix
    corners = [(x, y) for x in (box[0], box[2]) for y in (box[1], box[3])]
    xs = [a * x + b * y + c for x, y in corners]
    ys = [d * x + e * y + f for x, y in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _skew(image: Image.Image) -> float:
    """The small anticlockwise turn (degrees) that makes the text lines level.

    It is the turn whose rows of ink change most sharply from one row to the next: lines and the gaps
    between them, rather than lines smeared across each other.
    """
    small = image.reduce(_SKEW_SCALE) if min(image.size) >= 8 * _SKEW_SCALE else image
    ink = Image.fromarray(((numpy.asarray(small.convert("L")) < _INK) * 255).astype(numpy.uint8))
    best, best_score = 0.0, -1.0
    for step in range(-round(_SKEW_RANGE / _SKEW_STEP), round(_SKEW_RANGE / _SKEW_STEP) + 1):
        angle = step * _SKEW_STEP
        rows = numpy.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST), dtype=numpy.int64).sum(axis=1)
        score = float((numpy.diff(rows) ** 2).sum())
        if score > best_score:
            best, best_score = angle, score
    return best if abs(best) >= _SKEW_MIN else 0.0


def _standing(words: list[ReadWord]) -> bool:
    """Whether most words of three letters or more stand taller than wide: text read sideways."""
    long = [w.box for w in words if len(w.text) >= 3]
    return sum(b[3] - b[1] > b[2] - b[0] for b in long) * 2 > len(long)


def _mean_confidence(words: list[ReadWord]) -> float:
    return sum(w.confidence for w in words) / len(words)


def _weight(words: list[ReadWord]) -> float:
    """How much a reading says: characters weighted by confidence (a sideways reading is junk, unsure)."""
    return sum(len(w.text) * w.confidence for w in words)
