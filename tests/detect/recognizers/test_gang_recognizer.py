import pytest

from brightline.detect.recognizers import GangRecognizer
from tests.assertions import assert_exact, assert_none
from tests.detect.recognizers.run import run

recognizer = GangRecognizer()

POSITIVE = [
    ("Staff believe he is a known associate of the crew.", "known associate"),
    ("He was observed with known Elm Park members at the mall.", "observed with known Elm Park members"),
    ("She said he is an associate of the Southside crew.", "associate of the Southside crew"),
    ("Student was throwing up signs at passing cars.", "throwing up signs"),
    ("The officer says the boy is listed in a crew database.", "crew database"),
    ("Rival gang members wrote KRZ or nothing on the wall.", "KRZ or nothing"),
    ("In the clip they are flashing gang hand signs.", "flashing gang hand signs"),
    ("The group calls itself the Harbor Street Boys.", "Harbor Street Boys"),
    ("He is listed in the gang database.", "gang database"),
    ("A copy went to the Gang Unit.", "Gang Unit"),
    ("He said his brother runs with tango blast now.", "tango blast"),  # a national gang, in lower case
    ("The officer said she was entered in GangNet last year.", "GangNet"),
    ("His name is on the county gang list.", "gang list"),
    ("Report forwarded to the regional intelligence center.", "regional intelligence center"),
    ("Admitted being in MS-13 during questioning.", "Admitted being in MS-13"),
    ("Three were wearing blue bandanas today.", "wearing blue bandanas"),
    ("He was believed to be affiliated with the Latin Kings.", "believed to be affiliated with the Latin Kings"),
    ("They are feuding with a set from Lakeview.", "feuding with a set from Lakeview"),
    ("Graffiti of a gang tag was on the wall; the tagging matched.", "tagging"),
    ("He runs with the Eastgate Bloc. Both were assessed as associates.", "assessed as associates"),
    ("He is an associate of the Eastgate Bloc, staff said.", "associate of the Eastgate Bloc"),
    ("The gang unit lists him as a validated Eastgate member.", "validated Eastgate member"),
    ("Gang detectives identified him as an associate.", "identified him as an associate"),
    ("The group calls itself the Marsh Lane Hitmen.", "Marsh Lane Hitmen"),
    ("Rival gang members from Eastside 628 were there.", "Eastside 628"),  # a side and an area code
    ("Copy to Det. Vance, Gang Violence Reduction Squad.", "Gang Violence Reduction Squad"),  # a unit by its work
]
NEGATIVE = [
    "The Eastside 628 bus leaves at noon.",  # no gang spoken of
    '{"last": "TOH", "first": "SAY", "note": "tagging incident"}',  # an export's values, not tags
    "The stage crew of the spring musical met after school.",
    "The custodial crew cleared the walkways.",
    "STAGE CREW AND AUDITORIUM",
    "She is listed as a member of the debate team and was confirmed as a member of the band.",
    "The club keeps a list of validated members; she identified the student as a member.",
    "Update for the CUSTODIAL CREW: salt the ramps.",
    "Spirit day: students may wear the school colors.",
    "He lost a set of keys in the gym.",
    "The girls ganged up on her in the hallway.",
    "Finished asset tagging of the new Chromebooks.",
    "Blood was drawn by the nurse for the screening.",
]


@pytest.mark.parametrize(("text", "fragment"), POSITIVE)
def test_finds_gang_language(text: str, fragment: str) -> None:
    assert_exact(run(recognizer, text), "GANG", text, fragment)


@pytest.mark.parametrize("text", NEGATIVE)
def test_ignores_look_alikes(text: str) -> None:
    assert_none(run(recognizer, text), "GANG")


def test_category_is_carried() -> None:
    results = run(recognizer, "He is a verified gang member.")
    assert {r.recognition_metadata["category"] for r in results} == {"L"}
