"""Social-media activity, content and monitoring."""

from __future__ import annotations

from .rule_set_recognizer import RuleSetRecognizer


class SocialMediaRecognizer(RuleSetRecognizer):
    """Social-media activity, content and monitoring."""

    RULES_FILE = "terms/social_media.v4.yaml"
