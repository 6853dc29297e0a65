import pytest

from brightline.detect.recognizers import SocialMediaRecognizer
from tests.assertions import assert_exact, assert_none
from tests.detect.recognizers.run import run

recognizer = SocialMediaRecognizer()

POSITIVE = [
    ("He posted a video on Snapchat last night.", "posted a video"),
    ("Then she sent me her snap username.", "snap username"),  # the short name before what the app holds
    ("He posted a video on Snapchat last night.", "Snapchat"),
    ("The fight was planned in a group chat.", "group chat"),
    ("Her cousin was tagged in the photo.", "tagged in the photo"),
    ("One student sent me a screenshot of it.", "sent me a screenshot"),
    ("There were online threats between the groups.", "online threats"),
    ("The clip went around on TikTok.", "TikTok"),
    ("His Instagram story showed the gun.", "Instagram story"),
    ("Her Snap Map placed her at the park.", "Snap Map"),
    ("tell him stop dm'ing my cousin", "dm'ing"),
]
NEGATIVE = [
    "Please apply for SNAP benefits at the county office.",  # food assistance
    "Follow us on Instagram for snow-day updates!",
    "The district's own Instagram account posts the menu.",
    "The schedule is posted next to the trash stations.",
    "Please post the notice by the door.",
    "He dropped his iPhone in the locker room.",
]


@pytest.mark.parametrize(("text", "fragment"), POSITIVE)
def test_finds_social_media_language(text: str, fragment: str) -> None:
    assert_exact(run(recognizer, text), "SOCIAL_MEDIA", text, fragment)


@pytest.mark.parametrize("text", NEGATIVE)
def test_ignores_look_alikes(text: str) -> None:
    assert_none(run(recognizer, text), "SOCIAL_MEDIA")
