"""Build test PDFs with reportlab and pikepdf, each hiding PII where redactors forget (one per leak vector)."""

from __future__ import annotations

import io
from pathlib import Path

import numpy
import pikepdf
import pypdfium2 as pdfium
from pdfminer.fontmetrics import FONT_METRICS
from PIL import Image, ImageDraw, ImageFilter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

NAME = "QUISPE, Mateo"
LINES = [
    "STUDENT INCIDENT REPORT",
    f"Name: {NAME}      DOB: 03/14/2009     SASID: 1047712345",
    "Mother: Elena Quispe, (508) 555-0172",
    "Quispe recently arrived from Peru and staff heard he is",
    "a known associate of the crew. The custodian fixed the boiler today.",
]
SECRETS = ["QUISPE", "Quispe", "Mateo", "Elena", "1047712345", "03/14/2009", "555-0172"]


def base(path: Path, *, rotate: int = 0, extra=None, pagesize=(612, 792), lines: list[str] = LINES) -> Path:
    c = canvas.Canvas(str(path), pagesize=pagesize)
    c.setFont("Helvetica", 11)
    y = pagesize[1] - 52
    for line in lines:
        c.drawString(72, y, line)
        y -= 18
    if extra is not None:
        extra(c)
    c.showPage()
    c.save()
    if rotate:
        with pikepdf.open(path, allow_overwriting_input=True) as pdf:
            pdf.pages[0].Rotate = rotate
            pdf.save(path)
    return path


def text_under_box(c: canvas.Canvas) -> None:
    c.drawString(72, 560, "Witness: Darnell Okoye")
    c.rect(120, 556, 130, 14, fill=1)


def words_under_box(c: canvas.Canvas) -> None:
    """An earlier redaction of ordinary words (no name in them) that left the text beneath."""
    c.drawString(72, 580, "Reason: fight over the vending machine")
    c.rect(110, 576, 120, 14, fill=1)


def heading_on_dark_band(c: canvas.Canvas) -> None:
    """White text on a black band: a visible heading, not hidden text."""
    c.rect(60, 600, 300, 16, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.drawString(72, 604, "SECTION TWO NARRATIVE")
    c.setFillColorRGB(0, 0, 0)


def in_font(path: Path, font: str) -> Path:
    """The base report set in another font (a TrueType subset, or a CID-keyed Type0 font)."""
    c = canvas.Canvas(str(path))
    c.setFont(font, 11)
    y = 740
    for line in LINES:
        c.drawString(72, y, line)
        y -= 18
    c.showPage()
    c.save()
    return path


def white_on_white(c: canvas.Canvas) -> None:
    c.setFillColorRGB(1, 1, 1)
    c.drawString(72, 540, "Note: Elena Quispe works nights")
    c.setFillColorRGB(0, 0, 0)


def invisible_mode(c: canvas.Canvas) -> None:
    text = c.beginText(72, 520)
    text.setTextRenderMode(3)
    text.textLine("Hidden: Mateo Quispe SASID 1047712345")
    c.drawText(text)


def off_page(c: canvas.Canvas) -> None:
    c.drawString(700, 900, "Quispe Mateo off the page")


def with_structures(path: Path) -> Path:
    """Info, XMP, an annotation, a form field, an attachment and an outline, all holding the name."""
    base(path)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.docinfo["/Title"] = f"Incident report {NAME}"
        pdf.docinfo["/Author"] = "Elena Quispe"
        with pdf.open_metadata() as meta:
            meta["dc:title"] = f"Report on {NAME}"
        page = pdf.pages[0]
        annot = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=[10, 10, 30, 30],
                                   Contents=pikepdf.String("Quispe is undocumented"))
        field = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, FT=pikepdf.Name.Tx,
                                   T=pikepdf.String("student"), V=pikepdf.String("Mateo Quispe"), Rect=[40, 10, 200, 30])
        page.Annots = pdf.make_indirect([pdf.make_indirect(annot), pdf.make_indirect(field)])
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=[page.Annots[1]])
        pdf.attachments["quispe.txt"] = pikepdf.AttachedFileSpec(pdf, b"SASID 1047712345 Quispe")
        with pdf.open_outline() as outline:
            outline.root.append(pikepdf.OutlineItem(f"Quispe {NAME}", 0))
        pdf.save(path)
    return path


def hidden_layer_and_actual_text(path: Path) -> Path:
    """Text in an optional-content layer switched off, and an /ActualText naming the student."""
    base(path)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0]
        layer = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("notes")))
        pdf.Root.OCProperties = pikepdf.Dictionary(OCGs=[layer], D=pikepdf.Dictionary(OFF=[layer]))
        resources = page.obj.Resources
        resources.Properties = pikepdf.Dictionary(oc1=layer)
        font = next(iter(resources.Font.keys()))
        extra = (
            f"/OC /oc1 BDC BT {font} 11 Tf 72 500 Td (Layer: Mateo Quispe 1047712345) Tj ET EMC\n"
            f"/Span <</ActualText (Elena Quispe)>> BDC BT {font} 11 Tf 72 480 Td (the boiler) Tj ET EMC\n"
        ).encode()
        page.contents_add(pdf.make_stream(extra), prepend=False)
        pdf.save(path)
    return path


def with_annotation_boxes(path: Path, *, square_fill: list[float], square_flags: int = 4, looped: bool = False) -> Path:
    """Earlier redactions made as annotations: a filled Square over the name line, a Redact mark over
    the sentence about arrival, and a sticky note (dropped, never shown). `looped`: the note's popup
    entry leads back to the note, as in files that made pdfplumber's `annots` recurse without end."""
    base(path)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        square = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Square, Rect=[100, 716, 300, 734],
                                    IC=square_fill, C=[0, 0, 0], F=square_flags)
        mark = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Redact, Rect=[70, 682, 200, 698])
        note = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text,
                                                    Rect=[400, 600, 420, 620], Contents=pikepdf.String("see the custodian")))
        if looped:
            note.Popup = note
        pdf.pages[0].Annots = pdf.make_indirect([pdf.make_indirect(square), pdf.make_indirect(mark), note])
        pdf.save(path)
    return path


def page_image(source: Path, dpi: int = 300, turn: int = 0, skew: float = 0.0) -> Image.Image:
    """The first page of a PDF as a scanner would give it: grayscale pixels, turned `turn` degrees
    anticlockwise and skewed `skew` degrees."""
    document = pdfium.PdfDocument(str(source))
    try:
        image = document[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()
    if turn:
        image = image.rotate(turn, expand=True)
    if skew:
        image = image.rotate(skew, expand=True, fillcolor=255, resample=Image.Resampling.BILINEAR)
    return image


def image_only_pdf(path: Path, images: list[Image.Image], dpi: int = 300) -> Path:
    """A PDF whose pages are images and nothing else: a scan, with no text layer."""
    first = images[0]
    c = canvas.Canvas(str(path), pagesize=(first.width * 72 / dpi, first.height * 72 / dpi))
    for image in images:
        size = (image.width * 72 / dpi, image.height * 72 / dpi)
        c.setPageSize(size)
        c.drawImage(ImageReader(image), 0, 0, *size)
        c.showPage()
    c.save()
    return path


def scanned(path: Path, *, turn: int = 0, skew: float = 0.0) -> Path:
    """The base report printed and scanned: one page image, no text layer."""
    source = base(path.with_name(path.stem + "_source.pdf"))
    return image_only_pdf(path, [page_image(source, turn=turn, skew=skew)])


def photographed(source: Path, dpi: int = 200) -> Image.Image:
    """A PDF's first page as a phone photographs it: held askew (perspective), soft focus, light falling
    off toward one corner, sensor noise; saved as a JPEG by the caller."""
    page = page_image(source, dpi=dpi)
    width, height = page.size
    tilted = page.transform((width, height), Image.Transform.PERSPECTIVE,
                            [1.02, 0.03, -20, 0.01, 1.01, -15, 0.00002, 0.00001], Image.Resampling.BICUBIC,
                            fillcolor=200).filter(ImageFilter.GaussianBlur(0.8))
    rows, columns = numpy.mgrid[0:height, 0:width]
    light = 0.75 + 0.25 * (1 - (columns / width + rows / height) / 2)
    noise = numpy.random.default_rng(7).normal(0, 6, (height, width))
    return Image.fromarray(numpy.clip(numpy.asarray(tilted, dtype=float) * light + noise, 0, 255).astype("uint8"))


def text_picture(lines: list[str], size: float = 14, dpi: int = 300) -> Image.Image:
    """A picture of typed lines, as a screenshot pasted into a report would be (grayscale pixels)."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(612, 40 + len(lines) * size * 1.5))
    c.setFont("Helvetica", size)
    for number, line in enumerate(lines):
        c.drawString(20, 20 + (len(lines) - number - 1) * size * 1.5, line)
    c.showPage()
    c.save()
    document = pdfium.PdfDocument(buffer.getvalue())
    try:
        image = document[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()
    inked = image.point(lambda v: 255 if v < 200 else 0).getbbox()
    return image.crop((max(inked[0] - 30, 0), max(inked[1] - 30, 0), min(inked[2] + 30, image.width),
                       min(inked[3] + 30, image.height)))


def photo(width: int = 300, height: int = 360) -> Image.Image:
    """A stand-in for a photograph: shaded shapes, no text at all."""
    image = Image.linear_gradient("L").resize((width, height))
    draw = ImageDraw.Draw(image)
    draw.ellipse((width * 0.25, height * 0.15, width * 0.75, height * 0.6), fill=60)
    draw.rectangle((width * 0.2, height * 0.65, width * 0.8, height), fill=110)
    return image


def with_picture(picture: Image.Image, dpi: int = 300, at: tuple[float, float] = (72, 300)):
    """An `extra` for base(): the picture placed on the page at its own resolution."""
    def draw(c: canvas.Canvas) -> None:
        c.drawImage(ImageReader(picture), at[0], at[1], picture.width * 72 / dpi, picture.height * 72 / dpi)
    return draw


# maps each printable code to the next character: the text extracts as "Tuvefou" where "Student" is drawn
_SHIFTED_CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Shifted def
/CMapType 2 def 1 begincodespacerange <00> <FF> endcodespacerange
1 beginbfrange <20> <7D> <0021> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end"""


def type3_text(path: Path, line: str = "Student: Mateo Quispe, DOB 03/14/2009") -> Path:
    """A line set in a Type3 font whose glyphs draw Helvetica's letters while its ToUnicode map says
    other ones: every extractor reads the shifted text, the page shows the real one."""
    pdf = pikepdf.new()
    helvetica = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                     BaseFont=pikepdf.Name.Helvetica))
    widths = FONT_METRICS["Helvetica"][1]
    procs, names = pikepdf.Dictionary(), []
    for code in range(32, 127):
        char = chr(code)
        escaped = char.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        procs[f"/g{code}"] = pikepdf.Stream(pdf, f"{widths.get(char, 556)} 0 d0 BT /H 1000 Tf ({escaped}) Tj ET".encode())
        names.append(pikepdf.Name(f"/g{code}"))
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type3, FontBBox=[0, -250, 1000, 1000],
        FontMatrix=[0.001, 0, 0, 0.001, 0, 0], CharProcs=procs, FirstChar=32, LastChar=126,
        Encoding=pikepdf.Dictionary(Type=pikepdf.Name.Encoding, Differences=[32, *names]),
        Widths=[widths.get(chr(code), 556) for code in range(32, 127)],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(H=helvetica)),
        ToUnicode=pikepdf.Stream(pdf, _SHIFTED_CMAP)))
    content = (f"BT /F1 11 Tf 72 720 Td (Incident report, page one.) Tj ET BT /T3 12 Tf 72 690 Td ({line}) Tj ET "
               "BT /F1 11 Tf 72 660 Td (The custodian fixed the boiler today.) Tj ET")
    pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, 612, 792], Contents=pikepdf.Stream(pdf, content.encode()),
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(T3=font, F1=helvetica)))))
    pdf.save(path)
    return path
