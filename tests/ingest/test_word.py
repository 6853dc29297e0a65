"""Word documents: a name in the body, a comment, a tracked deletion, a header, a text box or a property is read."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from brightline.errors import InputFileError
from brightline.ingest.word import decode_word
from tests.test_cli import run

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# each hiding place holds a value the body does not
BODY = (f'<w:document {W}><w:body>'
        '<w:p><w:r><w:t>Incident: Oriel Penhallow was late to homeroom.</w:t></w:r></w:p>'
        '<w:p><w:del><w:r><w:delText>SASID 4409127736</w:delText></w:r></w:del>'
        '<w:ins><w:r><w:t xml:space="preserve">ID removed</w:t></w:r></w:ins></w:p>'
        '<w:p><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>Mother: Marisol Quennell</w:t></w:r></w:p>'
        '</w:txbxContent></w:pict></w:r></w:p>'
        '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>DOB</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:p><w:r><w:t>06/11/2011</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
        '</w:body></w:document>')
PARTS = {
    "word/document.xml": BODY,
    "word/header1.xml": f'<w:hdr {W}><w:p><w:r><w:t>Student: PENHALLOW, Oriel</w:t></w:r></w:p></w:hdr>',
    "word/comments.xml": (f'<w:comments {W}><w:comment w:id="0"><w:p><w:r><w:t>Phone (617) 555-0816 per the '
                          'counselor</w:t></w:r></w:p></w:comment></w:comments>'),
    "docProps/core.xml": ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
                          'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                          '<dc:title>Penhallow incident</dc:title><dc:creator>R. Officer</dc:creator>'
                          '</cp:coreProperties>'),
}
PLANTED = ["Penhallow", "PENHALLOW", "4409127736", "Quennell", "06/11/2011", "555-0816"]


def docx(parts: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        for name, content in parts.items():
            package.writestr(name, content)
    return buffer.getvalue()


def test_every_hiding_place_is_read() -> None:
    text = decode_word(docx(PARTS), "r.docx", 1_000_000)
    assert text.startswith("Incident: Oriel Penhallow was late to homeroom.\n SASID 4409127736 ID removed\n")
    for value in ("Mother: Marisol Quennell", "DOB\n06/11/2011", "[header]\nStudent: PENHALLOW, Oriel",
                  "[comments]\nPhone (617) 555-0816", "[document properties]\ntitle: Penhallow incident"):
        assert value in text


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ({**PARTS, "word/media/image1.png": b"\x89PNG"}, "1 picture or embedded object"),
        ({"word/document.xml": '<!DOCTYPE x [<!ENTITY a "aaaa">]><w:document/>'}, "unsafe XML part"),
        ({"word/document.xml": f"<w:document {W}><w:body/></w:document>"}, "empty document"),
    ],
    ids=["picture", "entity_declaration", "empty"],
)
def test_what_cannot_be_read_safely_is_refused(parts: dict[str, str | bytes], message: str) -> None:
    with pytest.raises(InputFileError, match=message):
        decode_word(docx(parts), "r.docx", 1_000_000)


def test_a_redacted_copy_is_new_text(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "report.docx").write_bytes(docx(PARTS))
    proc = run("redact", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-q")
    assert proc.returncode in (0, 5), proc.stderr
    copies = list((tmp_path / "out").rglob("report.docx*"))
    assert [c.name for c in copies] == ["report.docx.txt"]  # never the package with its text swapped
    copy = copies[0].read_text(encoding="utf-8")
    assert not [value for value in PLANTED if value in copy] and "[PERSON 1]" in copy
