import pytest

from brightline.detect.recognizers import ImmigrationRecognizer
from tests.assertions import assert_exact, assert_none
from tests.detect.recognizers.run import run

recognizer = ImmigrationRecognizer()

POSITIVE = [
    ("The family is undocumented.", "undocumented"),
    ("She is here on a J-1 exchange program.", "J-1"),  # a visa class near a word of status
    ("La mamá dijo que tienen un caso de asilo.", "caso de asilo"),
    ("Manman li di yo pè imigrasyon.", "imigrasyon"),
    ("The family holds COFA documents from the islands.", "COFA documents"),
    ("Status: U4U parole exp. 06/2026", "U4U parole"),
    ("Immigrant student: in the US less than three years", "in the US less than three years"),
    ("Su papá se lo llevó migración el lunes.", "migración"),
    ("El niño nació en Honduras.", "nació en Honduras"),
    ("Kids said her mom does not have any papers.", "does not have any papers"),
    ("The Compact of Free Association lets the family live here.", "The Compact of Free Association"),
    ("Her father was picked up by ICE on Sunday.", "father was picked up by ICE"),
    ("He recently arrived from Guatemala.", "recently arrived from Guatemala"),
    ("Placed as an unaccompanied minor with a sponsor.", "unaccompanied minor"),
    ("She has a green card.", "green card"),
    ("They are in removal proceedings.", "in removal proceedings"),
    ("He is an ELL newcomer in ESL 1.", "ELL"),
    ("Country of birth: Honduras", "Country of birth"),
    ("The family overstayed tourist visas.", "overstayed tourist visas"),
    ("She came to the U.S. in 2019.", "came to the U.S. in 2019"),
    ("He crossed the border alone.", "crossed the border alone"),
    # the refugee and parole process by its steps, crossings, arrival and first enrolment
    ("The family came from the Nyarugusu camps last spring.", "came from the Nyarugusu camps"),
    ("Mother says the follow-to-join case was approved.", "follow-to-join case was approved"),
    ("Father: SIV holder since 2022.", "SIV holder"),
    ("Her humanitarian parole expires in 2026.", "humanitarian parole expires in 2026"),
    ("He says they crossed in June 2021 near Yuma.", "crossed in June 2021"),
    ("Intake: U.S. arrival: 11/2023", "U.S. arrival: 11/2023"),
    ("La familia sigue en proceso de asilo.", "proceso de asilo"),
    ("Mother filed a parole application last month.", "parole application"),
    ("Date entered the United States: 3/2024", "Date entered the United States: 3/2024"),
    ("Class of admission: unknown", "Class of admission"),
    ("Dad has no US passport yet.", "has no US passport"),
    ("Lawful permanent residents may apply.", "Lawful permanent residents"),
    ("La niña no tiene número de seguro social.", "no tiene número de seguro social"),
]
NEGATIVE = [
    "Incident No. LPR-24-0031, filed on District Form 12.",  # a district's initials as a case number's prefix
    "Return the signed LPR Form 7 to the front office.",
    "1. OKAFOR, Ada   LPR ID 5512093   Grade 8",  # the district's student ID
    "The family lives off BIA Route 12 past the chapter house.",  # the Bureau of Indian Affairs
    "The nurse gave him an ice pack for his knee.",
    "The crossing guard moved to the new corner; students crossed the street safely.",
    "Room B-2 is closed; the F-1 form is due Friday.",  # letters and numbers that are no visa class
    "Skating party at the Maple ICE Arena; ICE Hockey starts at 6.",  # a rink
    "A second offense will result in removal from the team.",
    "A Tigrinya interpreter can be provided at no cost to any family.",  # a notice to every family
    "This notice is available in English, Spanish, Somali and Hmong.",
    "Raffle prize: a $50 Visa gift card.",
    "SNOW AND ICE: walkways treated with ice melt by 6 AM.",
    "Ice cream cups are back on Fridays.",
    "Interpreters are available at the meeting.",
    "Pupusas will be served for Heritage Month.",
    "The bus waited at the Border St loading zone.",
    "Entry date: 03/05/2018",
    "Observed by NTA Mr. Ferris near the gym; NTA Okafor assisted.",  # a non-teaching assistant
]


@pytest.mark.parametrize(("text", "fragment"), POSITIVE)
def test_finds_immigration_language(text: str, fragment: str) -> None:
    assert_exact(run(recognizer, text), "IMMIGRATION", text, fragment)


@pytest.mark.parametrize("text", NEGATIVE)
def test_ignores_look_alikes(text: str) -> None:
    assert_none(run(recognizer, text), "IMMIGRATION")


def test_status_and_proxy_categories() -> None:
    text = "He is undocumented and recently arrived."
    categories = {r.recognition_metadata["category"] for r in run(recognizer, text)}
    assert categories == {"D", "P"}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Met with mom via interpreter; home language is Pashto.", "L"),  # language access: a weak proxy
        ("Parent reports limited English proficiency.", "L"),
        ("She is an English learner in the newcomer program.", "P"),  # an English-learner status
    ],
)
def test_language_access_is_a_weaker_proxy_than_learner_status(text: str, category: str) -> None:
    assert {r.recognition_metadata["category"] for r in run(recognizer, text)} == {category}
