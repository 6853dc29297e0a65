"""E-mail messages (.eml): the headers that name people and every text part, decoded.

A message arrives as MIME: a body in base64 or quoted-printable, in any charset, perhaps only as
HTML. Read raw, its body would pass unscreened; so the message is decoded first. Headers that name
people (From, To, Cc...) and the subject are kept as lines; the plain-text parts are the body, or the
HTML parts turned to text when there is no plain one. Attachments and inline pictures are not yet
redacted: a message that carries any is refused by name (nothing written), never released with them
left out unsaid.
"""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from bs4 import BeautifulSoup

from ..errors import InputFileError

MESSAGE_SUFFIX = ".eml"
_HEADERS = ("From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Date", "Subject")
_NOT_TEXT = ("script", "style", "head")


def decode_message(data: bytes, name: str, max_bytes: int) -> str:
    """The text of a message: its people's headers, then its body, decoded; refused like a file would be."""
    if len(data) > max_bytes:
        raise InputFileError(f"{name}: too large to screen ({len(data)} bytes; the limit is {max_bytes}).")
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
        attachments = sum(1 for part in message.walk() if _carried(part))
        headers = [f"{header}: {message[header]}" for header in _HEADERS if message[header]]
        body = _body(message)
    except (LookupError, ValueError, UnicodeError) as exc:  # a charset or an encoding it cannot decode
        raise InputFileError(f"{name}: not a readable e-mail message ({type(exc).__name__}).") from None
    if attachments:
        raise InputFileError(f"{name}: an e-mail with {attachments} attachment{'s' if attachments > 1 else ''} "
                             "(pictures shown in the body included), which brightline does not redact yet: save each "
                             "and redact it on its own. Nothing was written.")
    text = "\n".join(headers) + "\n\n" + body
    if not body.strip() and not headers:
        raise InputFileError(f"{name}: empty document.")
    return text


def _carried(part: EmailMessage) -> bool:
    """An attachment, or any part that is no text: an inline picture may show a name as surely as a file."""
    return part.is_attachment() or (not part.is_multipart() and part.get_content_maintype() != "text")


def _body(message: EmailMessage) -> str:
    """The plain-text parts, or the HTML parts as text when there is no plain one."""
    parts = [part for part in message.walk() if part.get_content_maintype() == "text" and not part.is_attachment()]
    plain = [str(part.get_content()) for part in parts if part.get_content_subtype() == "plain"]
    if plain:
        return "\n\n".join(text.strip("\n") for text in plain) + "\n"
    pages = [_html_text(str(part.get_content())) for part in parts if part.get_content_subtype() == "html"]
    return "\n\n".join(pages) + "\n"


def _html_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for element in soup(_NOT_TEXT):
        element.decompose()
    lines = (line.strip() for line in soup.get_text("\n").splitlines())
    return "\n".join(line for line in lines if line)
