"""Names in the shapes reports use, through the whole detector (real spaCy and Presidio)."""

import pytest

from brightline.detect import Detector
from brightline.detect.nlp import known_words
from brightline.detect.people import PeopleResolver
from brightline.detect.roles import load_roles
from brightline.types import Explanation, Finding, Label
from tests.assertions import offsets

CASES = [
    # (text, fragment that must be PERSON)
    ("Name: VELEZ, Tomas Ignacio    Grade: 10\nLater Velez said no.", "VELEZ, Tomas Ignacio"),
    ("Name: VELEZ, Tomas Ignacio    Grade: 10\nLater Velez said no.", "Velez"),
    ("Name: VELEZ, Tomas Ignacio    Grade: 10\nTomas left at noon.", "Tomas"),
    ("Student: Brennan, Caleb          Grade: 9\nCaleb had his phone out.", "Caleb"),
    ("2. HOLT, ANDRE \"DRE TWO\"   B/M   DOB 01/22/2008", "DRE TWO"),
    ("We have a juvenile, SOTO, Kevin a/k/a \"Guero\", DOB 6.02.2008.", "Guero"),
    ("Parent contact: mother, Denise Brennan, reached by phone.", "Denise Brennan"),
    # a chat export's speaker after a time without brackets
    ("SUN 8:02 PM  jory: u coming\nSUN 8:03 PM  pell: no", "jory"),
    ("4/3/25, 7:41 AM - pell: ok see u", "pell"),
    # a transcript in lower case: the surname after a known given name is part of the name
    ("hi yes good morning this is tameka tidwell i'm calling about my son he got sent home", "tameka tidwell"),
    # a cell under a name heading, in capitals, even where it is also a word
    ('{"id": "1", "last": "MOON", "first": "SAY HTOO", "dob": "2011-02-03"}', "MOON"),
    # a given name the census lists (the gazetteer's American names are more than Faker's)
    ("Her brothers Tobin (6) and Adell (3) stayed home.", "Adell"),
    # the short name a person goes by, in brackets after the full name
    ("Involved: Andrea Olsen (Andi) and two others. Andi left.", "Andi"),
    # a name a scan split in two is followed whole
    ("Student: HALVORSEN, Margret he   Grade: 9\nMargrethe was absent.", "Margrethe"),
    ("- MALIK OYELARAN (\"Lucky\"), grade 10, SASID 1055120934", "MALIK OYELARAN"),
    ("Student: Joy Nakamura   Grade 8\nWe spoke to Joy after lunch. It was a joy to see her calm.", "Joy"),
    ("name: marisol reyes, grade 7\nspoke w/ marisol and her mom after 3rd period", "marisol"),
    ("Emergency contact\n1. Pham, Linh / Thuy Pham 617-555-0177", "Thuy Pham"),
    ("Student: Abdi Warsame (15), prefers \"Bashi\"   Grade 9\nBashi came in at noon.", "Bashi"),
    ("[9:41 PM] tavo: u seen it\nIdentified by staff:\n- \"tavo\" / \"t\" = Gustavo Ibarra, grade 8", "tavo"),
    # issue 10's classes: capitals, lower case, initials, honorifics, words that are also names, rosters
    ("IN THE MATTER OF K.M.T., a minor\nPetitioner: DARIUSZ KOWALCZYK-ORTEGA, father", "K.M.T."),
    ("IN THE MATTER OF K.M.T., a minor\nPetitioner: DARIUSZ KOWALCZYK-ORTEGA, father", "DARIUSZ KOWALCZYK-ORTEGA"),
    ("The hearing officer finds that T.R. was present and that T.R. left early.", "T.R."),
    ("The bus left at noon. J.M. said nothing to staff.", "J.M"),  # initials opening a sentence
    ("[4:02 PM] ikenna obi: u good?\n[4:03 PM] dre: ya", "ikenna obi"),
    ("Mrs. Okonkwo called the office about her son, who missed the bus.", "Okonkwo"),
    ("Student: Marcus Hall   Grade 9\nHall was absent on Friday.", "Hall"),
    ('Name,DOB,ID,Grade\n"LIMA, Joana",2011-03-02,4455123,6\n', "LIMA, Joana"),
    ("From: Rosa Quispe <rquispe@familymail.net>\nSubject: my son\n\nHe was sick.", "Rosa Quispe"),
    ("2. OKEKE, DAMIAN   B/M\nSgt. Ruiz saw OKEKE near the gym.", "OKEKE"),  # not the officer's
    ("Parent/Guardian: Thu Tran (mother), 503-555-0148", "Thu Tran"),  # a name that is also a day
    ("Student: LUONG, MAI     Goes by: Moose | Grade 7\nMoose was late.", "Moose"),  # a form's alias field
    ("ADV CONTACTED: M/O JUV 2 IRMA CHEE 928-555-0164. RESPONDED.", "IRMA CHEE"),  # dispatch shorthand
    # a family language's words are words only where the document is written in it
    ("we seen it\nhe said his cousin pepito got him the thing", "pepito"),
    ("ok so tia noemi brought the form back today", "noemi"),  # a relative before what she did
    # a given name the lexicon also lists, written in lower case in the same note, is still the person
    ("Present: Brooke Ames, Omar Fikre.\nomar said brooke took his phone at lunch, brooke said no", "brooke"),
    ("[4:10 PM] me: where u at\n[4:11 PM] nando: bus stop", "nando"),  # a chat export's contact name
    ('Seen at the park: ABARA, Dele and "Sparky", both grade 9.', "Sparky"),  # quotes make a word a nickname
    ("Estimada familia: su hija Elvira Tamayo tuvo un problema durante el recreo en la escuela.",
     "Elvira Tamayo"),
    ("Kính gửi ông bà: nhà trường xin thông báo về em Đoàn Gia Huy trong giờ học.", "Đoàn Gia Huy"),
    ("1140 | Vo, Kiet | 11 | Wanted an ice pack", "Vo, Kiet"),  # a rare word at a name's edge stays
    # a numbered roster line with a column gap before the particulars; a later mention by the same words
    ("Students:\n1. Tevita Vaka Latu     Gr 7     Student # 5510432\n2. Hser Nay Blut     Gr 8", "Tevita Vaka Latu"),
    ("1. Hser Nay Blut     Gr 8     Student # 5510977\nFrom the driver's seat I watched Hser Nay Blut throw it.",
     "Hser Nay Blut"),
    ('"ID";"Last";"First";"Preferred";"Gr"\n"448120";"Okpik";"Siqiniq";"Niqi";"10"\n', "Niqi"),
    # a relation's name that is also a rare dictionary word; a sibling by kind; a name before an age
    ("He kept talking about his brother Sterling, who moved away in May.", "Sterling"),
    ("Late most days: walks younger sister Zhanna to the elementary school first.", "Zhanna"),
    ("She shares a room with two siblings, including Tefera (9, 4th grade at Lincoln).", "Tefera"),
    ("Uncle Ostap (age 22) picks him up after practice.", "Ostap"),
    ("Oleh lives with his aunt; brother Nazar (age 19) says he games all night.", "Nazar"),
    ('Witnesses: Ivanka "Vanya" Kowal (gr 10) and two others.', 'Ivanka "Vanya" Kowal'),  # one name, one span
    ("Columns: ID;Student;Gr;DOB\n\n5501;WIREMU, TANE (تانه);7;2012-02-11\n", "تانه"),  # a name in another script
    ("Sibling: Tamana Haidari (تمنا), age 9, enrolling in grade 4", "تمنا"),
    ("Name (Arabic): رامي حداد     Grade: 7", "رامي حداد"),
    # a surname that is also a particle elsewhere ("Do", "Le"), followed from the roster's "LAST, First"
    ("Aggressor: DO, Minh Anh, grade 8\nFinding: HIB substantiated against Minh Anh Do (threats).", "Minh Anh Do"),
]


@pytest.mark.parametrize(("text", "fragment"), CASES)
def test_person_found(detector: Detector, text: str, fragment: str) -> None:
    occurrence = 1 if fragment in {"marisol", "OKEKE", "brooke"} else 0  # the later mention
    start, end = offsets(text, fragment, occurrence)
    covered = [f for f in detector.detect(text) if f.label is Label.PERSON and f.start <= start and end <= f.end]
    assert covered, f"{fragment!r} not covered by a PERSON finding"


def test_a_preferred_word_is_not_a_name(detector: Detector) -> None:
    text = 'Student: Abdi Warsame   Grade 9\nHe prefers "quiet time" before tests; quiet time helps.'
    assert not [f for f in detector.detect(text) if f.label is Label.PERSON and "quiet" in f.text]


def test_common_word_stays_a_word(detector: Detector) -> None:
    text = "Student: Joy Nakamura   Grade 8\nWe spoke to Joy after lunch. It was a joy to see her calm."
    start, end = offsets(text, "joy")
    assert not [f for f in detector.detect(text) if f.label is Label.PERSON and f.start <= start < f.end]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Reporting officer: Ofc. Paul Rinaldi, Badge #2210\nOfc. Rinaldi arrived.", "Paul Rinaldi"),
        ("I was called by lunch monitor Greta Salo to the table.", "Greta Salo"),
        ("Thanks,\nMiriam Lowe\nDean of Students, Harbor High School", "Miriam Lowe"),
        ("From: Dana Whitlock <dwhitlock@westfield.k12.or.us>\nTo: front office\n\nSee below.", "Dana Whitlock"),
        ("Staff witnesses: Mr. Tobias Renner (choir director)", "Tobias Renner"),
        ("Assessment team: Lena Park, Ph.D., school psychologist (lead)", "Lena Park"),
        # boards, courts and hearings
        ("The meeting was opened by Vice Chair Oren Whitcombe at 7 p.m.", "Oren Whitcombe"),
        ("The matter was heard by Magistrate Ines Vallardo on May 2.", "Ines Vallardo"),
        ("BEFORE: PRISCILLA DUNMORE, ALJ", "PRISCILLA DUNMORE"),
        # titles in the families' languages, and a district's mail domain with its number
        ("Puede apelar ante el director, el Sr. Anselmo Quiroga, en diez días.", "Anselmo Quiroga"),
        ("Cc: Odette Marchetti <omarchetti@pinecrestd204.org>\nSubject: bus", "Odette Marchetti"),
    ],
)
def test_officials_are_told_apart(detector: Detector, text: str, fragment: str) -> None:
    start, end = offsets(text, fragment)
    labels = {f.label for f in detector.detect(text) if f.start <= start and end <= f.end}
    assert labels == {Label.OFFICIAL}


def test_a_student_sharing_an_officials_surname_stays_private(detector: Detector) -> None:
    text = "Officer: Sgt. Maria Quintero #22\nStudent: QUINTERO, Lia   Grade 6\nQuintero was calm."
    start, end = offsets(text, "Quintero was")
    labels = {f.label for f in detector.detect(text) if f.start <= start < f.end}
    assert labels == {Label.PERSON}


def test_mentions_of_one_person_share_an_entity(detector: Detector) -> None:
    text = "Name: ABARA, Chidi    Grade: 11\nMother: Ngozi Abara\nAbara stated he was pushed."
    findings = [f for f in detector.detect(text) if f.label is Label.PERSON]
    by_text = {f.text: f.entity for f in findings}
    assert by_text["Abara"] == by_text["ABARA, Chidi"]
    assert by_text["Ngozi Abara"] != by_text["ABARA, Chidi"]


def test_school_named_for_a_person_is_not_a_person(detector: Detector) -> None:
    text = "School: Frederick W. Lane High School\nLocation: main entrance"
    assert not [f for f in detector.detect(text) if f.label is Label.PERSON]


@pytest.mark.parametrize(
    "text",
    [
        "ANNUAL REVIEW LIST\nPrepared for the grading team on Tuesday.",
        "Languages spoken at home: Dari (دری) and English.",  # a language's own name, not a person
        "Per FERPA and HIPAA guidance, sealed records stay sealed.",
        '2. Crane Hollow Ledger (Thu) - "Council weighs curfew"',  # a publication in a news digest
        "The Ridgeline Locos were named in the 1990s history unit; the Ridgeline Locos crew is gone.",
        # words a model reads as names: capitalised at a line's start, inflected, or a family language's
        "1105 | Ice pack | Went back to gym\n1130 | Ice pack | Went back to gym\nVolunteers arrived at noon.",
        "To: Front Office <office@district.org>\nSubject: bus times",
        "Estimada familia: hubo un problema con otro estudiante en la clase de educación física.\n"
        "Después de hablar con los maestros, la directora decidió que no habrá consecuencias.",
        '<Guardian role="Aunt" primary="yes">\n<Referral date="2024-10-30" kind="LATE">',  # markup
        "La escuela le proporcionara un autobus al TEAP. Sale a las 7.",  # an acronym a model read as a name
    ],
)
def test_words_and_acronyms_are_not_names(detector: Detector, text: str) -> None:
    assert not [f.text for f in detector.detect(text) if f.label is Label.PERSON]


def test_the_learned_detector_adds_what_spacy_misses(detector: Detector) -> None:
    """Switched off, the lower-case chat name is missed; on (the default), it is found."""
    text = "[4:02 PM] ikenna obi: u good?\n[4:03 PM] dre: ya"
    without = Detector(learned_names=False)
    assert not [f for f in without.detect(text) if f.label is Label.PERSON and "ikenna" in f.text]
    found = [f for f in detector.detect(text) if f.label is Label.PERSON and "ikenna" in f.text]
    assert found and found[0].explanation.detector == "learned_name"



def test_a_header_row_is_no_name(detector: Detector) -> None:
    """A semicolon ends a name: a model's reading across a quoted header row is cut back to nothing."""
    text = '"ID";"Last";"First";"Preferred";"Gr"\n"448120";"Okpik";"Siqiniq";"Niqi";"10"\n'
    names = [f.text for f in detector.detect(text) if f.label is Label.PERSON]
    assert sorted(names) == ["Niqi", "Okpik", "Siqiniq"]


def test_dashes_are_never_a_name(detector: Detector) -> None:
    """A spaced dash ends a name, and a run of dashes is no name word to follow through a table's empty cells."""
    text = ("Ilse -- see the note attached before Monday.\n"
            "11:40a | OKEKE, Ilse | -- | -- | late from lunch\n"
            "Re: Ilse O. -- records request")
    names = [f.text for f in detector.detect(text) if f.label is Label.PERSON]
    assert names and all(any(c.isalpha() for c in name) and "--" not in name for name in names)



def test_a_given_name_taken_in_beside_a_surname_is_followed() -> None:
    """Only the mother's name was read; her son's hyphenated given name joins the surname, then is followed."""
    text = "Mother: Marie-Lourdes Saint-Vil. Her son Paul-Henri Saint-Vil was hit. Paul-Henri cried."
    start, end = offsets(text, "Marie-Lourdes Saint-Vil")
    read = Finding(Label.PERSON, start, end, text[start:end], Explanation("spacy_ner", "SpacyRecognizer", 0.85))
    found = {f.text for f in PeopleResolver(load_roles(), known_words()).apply(text, [read])}
    assert {"Paul-Henri Saint-Vil", "Paul-Henri"} <= found, found
