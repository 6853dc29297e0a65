"""Presidio's e-mail recognizer as brightline runs it: profile links are no mailboxes."""

from brightline.detect.recognizers import EmailAddressRecognizer
from tests.assertions import assert_exact, assert_none
from tests.detect.recognizers.run import run


def test_an_address_is_found() -> None:
    text = "Write to lena.vas@mailbox.org today."
    assert_exact(run(EmailAddressRecognizer(), text), "EMAIL_ADDRESS", text, "lena.vas@mailbox.org")


def test_a_profile_link_is_no_address() -> None:
    assert_none(run(EmailAddressRecognizer(), "screenshots from tiktok.com/@lena.vas.22 and more"), "EMAIL_ADDRESS")
