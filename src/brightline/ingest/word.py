"""Word documents (.docx): every text a reader or an extractor can find, read from the package's XML.

A name may live only in a comment, a tracked deletion, a header or a document property. So the
text is read from every part that holds text, not only from what Word shows: the body (tracked
insertions and deletions, text boxes and tables included), headers, footers, footnotes, endnotes,
comments, and the core and custom properties (author, last modified by, title). The redacted copy
is new text built from that content, never the original package with text swapped, so revisions,
properties, custom XML and embedded objects do not travel. A document with pictures or embedded
objects is refused by name until brightline reads them (save it as PDF: its pictures are then OCR'd).
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from ..errors import InputFileError

WORD_SUFFIX = ".docx"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# the parts that hold text, in reading order, each with the heading its text is given under
_PARTS = (
    (re.compile(r"word/document\.xml"), None),
    (re.compile(r"word/header\d*\.xml"), "header"),
    (re.compile(r"word/footer\d*\.xml"), "footer"),
    (re.compile(r"word/footnotes\.xml"), "footnotes"),
    (re.compile(r"word/endnotes\.xml"), "endnotes"),
    (re.compile(r"word/comments\.xml"), "comments"),
    (re.compile(r"docProps/core\.xml"), "document properties"),
    (re.compile(r"docProps/custom\.xml"), "custom properties"),
)
# parts whose content brightline cannot read as text: pictures, embedded files and objects
_OPAQUE = re.compile(r"word/(?:media|embeddings|activeX)/")
_EXPANSION = 50  # an unpacked package larger than this many times the size limit is refused (a zip bomb)


def decode_word(data: bytes, name: str, max_bytes: int) -> str:
    """The text of a .docx, every part that holds any, under headings; refused like a file would be."""
    if len(data) > max_bytes:
        raise InputFileError(f"{name}: too large to screen ({len(data)} bytes; the limit is {max_bytes}).")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = package.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise InputFileError(f"{name}: not a readable Word document.") from None
    if sum(member.file_size for member in members) > _EXPANSION * max_bytes:
        raise InputFileError(f"{name}: a Word document that unpacks too large to screen.")
    opaque = sum(1 for member in members if _OPAQUE.match(member.filename))
    if opaque:
        raise InputFileError(f"{name}: a Word document with {opaque} picture{'s' if opaque > 1 else ''} or embedded "
                             "object(s), which brightline does not read in Word files yet: save it as PDF and redact "
                             "that. Nothing was written.")
    sections = []
    for pattern, heading in _PARTS:
        for member in sorted((m for m in members if pattern.fullmatch(m.filename)), key=lambda m: m.filename):
            text = _text(_parse(package.read(member), name))
            if text:
                sections.append(text if heading is None else f"[{heading}]\n{text}")
    if not sections:
        raise InputFileError(f"{name}: empty document.")
    return "\n\n".join(sections) + "\n"


def _parse(xml: bytes, name: str) -> Element:
    try:
        return fromstring(xml, forbid_dtd=True)
    except (ParseError, DefusedXmlException):
        raise InputFileError(f"{name}: not a readable Word document (a damaged or unsafe XML part).") from None


def _text(root: Element) -> str:
    """A part's text: Word's runs joined, a line per paragraph; elsewhere (properties) a line per value."""
    if not root.tag.startswith(_W):  # properties: a custom one is named by its attribute, a core one by its tag
        values = ((child.get("name") or _local(child.tag), "".join(child.itertext()).strip()) for child in root)
        return "\n".join(f"{key}: {value}" for key, value in values if value)
    pieces: list[str] = []
    _walk(root, pieces)
    return re.sub(r"\n{3,}", "\n\n", "".join(pieces)).strip()


def _walk(element: Element, pieces: list[str]) -> None:
    tag = element.tag
    if tag == f"{_W}p" and pieces:
        pieces.append("\n")
    elif tag in (f"{_W}t", f"{_W}delText"):  # shown text, and text a tracked change deleted
        pieces.append(element.text or "")
    elif tag == f"{_W}tab":
        pieces.append("\t")
    elif tag in (f"{_W}br", f"{_W}cr"):
        pieces.append("\n")
    deleted = tag == f"{_W}del"  # a tracked deletion stands apart from the text inserted beside it
    if deleted:
        pieces.append(" ")
    for child in element:
        _walk(child, pieces)
    if deleted:
        pieces.append(" ")


def _local(tag: str) -> str:
    """A property's name without its namespace ("creator", "lastModifiedBy")."""
    return tag.rsplit("}", 1)[-1]
