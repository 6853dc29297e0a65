"""Make scanned_hallway_note.png: an invented note typed, printed and scanned (slightly skewed, specks).

    python samples/make_scanned_sample.py

Every name, number and place in it is invented (see README.md). Needs reportlab and pypdfium2.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image
from reportlab.pdfgen import canvas

LINES = [
    "HARLOW BAY PUBLIC SCHOOLS - HALLWAY INCIDENT NOTE",
    "",
    "Student: PELLETIER, Oriana      Grade: 8      DOB: 11/02/2011",
    "Student ID: 1072264158",
    "Guardian: Celeste Pelletier, (413) 555-0164",
    "",
    "At 10:40 Oriana and another student argued at the lockers outside",
    "room 214. No one was hurt. Both students met with the assistant",
    "principal, Mr. Gideon Farrow, and apologised. Guardian informed by",
    "phone. No further action.",
]
DPI = 300


def main() -> None:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(612, 792))
    page.setFont("Courier", 11)
    for number, line in enumerate(LINES):
        page.drawString(72, 720 - number * 16, line)
    page.showPage()
    page.save()
    document = pdfium.PdfDocument(buffer.getvalue())
    scan = document[0].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    document.close()
    scan = scan.rotate(0.8, fillcolor=255, resample=Image.Resampling.BILINEAR)  # fed in a little crooked
    specks = random.Random(7)
    for _ in range(400):
        scan.putpixel((specks.randrange(scan.width), specks.randrange(scan.height)), 0)
    target = Path(__file__).with_name("scanned_hallway_note.png")
    scan.convert("1", dither=Image.Dither.NONE).save(target, optimize=True, dpi=(DPI, DPI))
    print(f"{target.name}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
