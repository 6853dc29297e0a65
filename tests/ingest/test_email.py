"""E-mail messages: every body decoded and screened, headers' names too; attachments refused; nothing skipped unsaid."""

from __future__ import annotations

from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path

import pytest

from brightline.errors import InputFileError
from brightline.ingest.email import decode_message
from tests.test_cli import run

NAME, STUDENT_ID, PHONE = "Teodora Ostrowska-Penn", "SASID 8830417265", "(617) 555-0861"
BODY = f"Student {NAME} ({STUDENT_ID}) was sent home. Her mother's number is {PHONE}. The family is undocumented.\n"
PLANTED = [NAME, "Ostrowska-Penn", "8830417265", "555-0861", "undocumented"]


def message(body: str, *, cte: str = "base64", charset: str = "utf-8", html: bool = False) -> bytes:
    mail = EmailMessage()
    mail["From"] = Address(display_name="Rosalind Quillfeather", addr_spec="r.quillfeather@example.org")
    mail["To"] = Address(display_name=NAME, addr_spec="top.family@example.net")  # a name the header carries
    mail["Subject"] = "Tuesday"
    if html:
        mail.set_content(f"<html><body><p>{body.replace(chr(10), '<br>')}</p><script>x()</script></body></html>",
                         subtype="html", charset=charset, cte=cte)
    else:
        mail.set_content(body, charset=charset, cte=cte)
    return bytes(mail)


@pytest.mark.parametrize(
    ("raw", "hidden_in_raw"),
    [
        (message(BODY), True),  # base64, as most mail clients send it
        (message(BODY.replace("Teodora", "Teódora"), cte="quoted-printable", charset="latin-1"), False),
        (message(BODY, html=True, cte="base64"), True),  # an HTML-only body
    ],
    ids=["base64", "quoted_printable_latin1", "html_only"],
)
def test_every_body_is_decoded(raw: bytes, hidden_in_raw: bool) -> None:
    text = decode_message(raw, "m.eml", 1_000_000)
    assert ("8830417265" not in raw.decode("ascii", "replace")) == hidden_in_raw  # unreadable as the file stands
    assert STUDENT_ID in text and PHONE in text and "undocumented" in text
    assert f"To: {NAME} <top.family@example.net>" in text and "x()" not in text


def test_a_message_with_an_attachment_or_an_inline_picture_is_refused() -> None:
    mail = EmailMessage()
    mail["Subject"] = "report attached"
    mail.set_content("See the attached report.")
    mail.add_attachment(BODY.encode(), maintype="application", subtype="octet-stream", filename="report.bin")
    refusal = "an e-mail with 1 attachment .pictures shown in the body included., which brightline does not redact yet"
    with pytest.raises(InputFileError, match=refusal):
        decode_message(bytes(mail), "m.eml", 1_000_000)
    inline = EmailMessage()
    inline.set_content("See the photo of the name tag below.")
    inline.add_related(b"\x89PNG\r\n", maintype="image", subtype="png", cid="<tag>")  # shown in the body, no file
    with pytest.raises(InputFileError, match="an e-mail with 1 attachment"):
        decode_message(bytes(inline), "m.eml", 1_000_000)


def test_messages_are_redacted_and_other_files_named(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    (inbox / "note.eml").write_bytes(message(BODY))
    attached = EmailMessage()
    attached["Subject"] = "report attached"
    attached.set_content("See attached.")
    attached.add_attachment(BODY.encode(), maintype="text", subtype="plain", filename="report.txt")
    (inbox / "with_attachment.eml").write_bytes(bytes(attached))
    (inbox / "minutes.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (inbox / "old.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    proc = run("redact", str(inbox), "--out", str(out), "-q")
    assert proc.returncode == 2, proc.stderr  # the message with an attachment is refused
    copy = (out / "withheld" / "note.eml.txt").read_bytes().decode("utf-8")  # held: immigration status
    assert not [value for value in PLANTED if value in copy] and "[PERSON 1]" in copy
    assert not list(out.rglob("with_attachment*"))
    assert "with_attachment.eml: an e-mail with 1 attachment" in proc.stderr
    assert "minutes.doc: passed over, a Word document" in proc.stderr
    assert "old.zip: passed over, an archive: brightline batch reads .zip archives" in proc.stderr

    named = run("screen", str(inbox / "old.zip"))
    assert named.returncode == 2 and "brightline batch reads .zip archives" in named.stderr
