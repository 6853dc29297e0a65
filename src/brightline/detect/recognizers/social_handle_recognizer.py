"""@handles, profile URLs and usernames after a cue."""

from __future__ import annotations

from .rule_set_recognizer import RuleSetRecognizer


class SocialHandleRecognizer(RuleSetRecognizer):
    """@handles, profile URLs and usernames after a cue."""

    RULES_FILE = "patterns/social_handle.v5.yaml"
