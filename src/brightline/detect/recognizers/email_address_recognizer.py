"""Presidio's e-mail recognizer, without the profile links its pattern also takes."""

from __future__ import annotations

from presidio_analyzer.predefined_recognizers import EmailRecognizer


class EmailAddressRecognizer(EmailRecognizer):
    """E-mail addresses as Presidio finds them; "tiktok.com/@name" is an account's page, not a mailbox.

    No mailbox name holds a "/" in practice; a profile link does, and SocialHandleRecognizer takes it.
    """

    def __init__(self) -> None:
        super().__init__(name="EmailRecognizer")  # findings keep their detector's name: presidio_email

    def invalidate_result(self, pattern_text: str) -> bool:
        return "/" in pattern_text.partition("@")[0]
