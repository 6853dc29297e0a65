"""Table-driven tests of the identifier recognizers, each row with its exact span."""

import pytest

from brightline.detect.recognizers import (
    AddressRecognizer,
    AgeRecognizer,
    DateOfBirthRecognizer,
    GovIdRecognizer,
    SocialHandleRecognizer,
    SsnRecognizer,
    StudentIdRecognizer,
)
from tests.assertions import assert_exact, assert_none
from tests.detect.recognizers.run import run

ROWS = [
    (StudentIdRecognizer, "STUDENT_ID", "SASID: 1038274619    BPS ID: 246318", "1038274619"),
    (StudentIdRecognizer, "STUDENT_ID", "SASID: 1038274619    BPS ID: 246318", "246318"),
    (StudentIdRecognizer, "STUDENT_ID", "Student ID numbers: Owens 258114; Pierce 261903.", "261903"),
    (StudentIdRecognizer, "STUDENT_ID", "Student No.: EA-20817       Age: 12", "EA-20817"),
    (StudentIdRecognizer, "STUDENT_ID", "his student pass (no. 7731-0048-2265) was lost", "7731-0048-2265"),
    (StudentIdRecognizer, "STUDENT_ID", "Name / DOB / Student ID\n1. Abreu, Gabi / 1/14/2008 / 388190 /", "388190"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "DOB: 04/17/2002    Grade: 10", "04/17/2002"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "He says he was born on August 15, 2002 but", "August 15, 2002"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "DOB (per sponsor): 2002-08-15", "2002-08-15"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "Name / DOB / ID\n1. Doe, Jan / 3/2/2008 / 1", "3/2/2008"),
    (AgeRecognizer, "AGE", "these are 13-year-old girls", "13-year-old"),
    (AgeRecognizer, "AGE", "Age: 16        DOB: x", "16"),
    (AgeRecognizer, "AGE", "I spoke with Ramirez, age 14, in the office", "age 14"),
    (AgeRecognizer, "AGE", "The victim, Jaylen Pierce (15), grade 9", "15"),
    (AgeRecognizer, "AGE", "sponsor Marcos (cousin, 24), at home", "24"),
    (AgeRecognizer, "AGE", "He is 17 years old.", "17 years old"),
    (AgeRecognizer, "AGE", "B/M   DOB 05/30/2002   16 yrs", "16 yrs"),
    (GovIdRecognizer, "GOV_ID", "which lists A# 213-558-904.", "A# 213-558-904"),
    (GovIdRecognizer, "GOV_ID", "A# on NTA A208774519", "A208774519"),
    (GovIdRecognizer, "GOV_ID", "I-94 record no. 69382749101, admitted", "69382749101"),
    (GovIdRecognizer, "GOV_ID", "Haitian passport no. RD4471093 (student)", "RD4471093"),
    (GovIdRecognizer, "GOV_ID", "ID shown: MA learner's permit S71204836", "S71204836"),
    (GovIdRecognizer, "GOV_ID", "Gray Honda Accord, MA reg. 7TK491, parked", "7TK491"),
    (SsnRecognizer, "SSN", "Social Security no. (optional field, given by mother): 031-74-5590", "031-74-5590"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "by the account @flaco_eastside503. In", "@flaco_eastside503"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "IG instagram.com/chuy.18.eastie; snap: chuydemon01", "instagram.com/chuy.18.eastie"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "IG instagram.com/chuy.18.eastie; snap: chuydemon01", "chuydemon01"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "his username on it is acal.lahan04. I", "acal.lahan04"),
    (AddressRecognizer, "ADDRESS", "Address: 112 Bennington St, Apt 3L, East Boston", "112 Bennington St, Apt 3L"),
    (AddressRecognizer, "ADDRESS", "Home: 37 Chelsea St, Unit 2, Revere, MA 02151\n", "37 Chelsea St, Unit 2, Revere, MA 02151"),
    (AddressRecognizer, "ADDRESS", "at 58 Trenton St, 2nd floor, with", "58 Trenton St, 2nd floor"),
    (AddressRecognizer, "ADDRESS", "mail to PO Box 1142 please", "PO Box 1142"),
]
NEGATIVE = [
    (StudentIdRecognizer, "STUDENT_ID", "BPD CC#: 162071334 filed"),
    (StudentIdRecognizer, "STUDENT_ID", "SASID: 0000000000"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "Date of incident: 02/06/2019     Period: 4"),
    (AgeRecognizer, "AGE", "Report in Room (12) at approx. 30 ft"),
    (GovIdRecognizer, "GOV_ID", "Raffle prize: a Visa gift card worth $50"),
    (GovIdRecognizer, "GOV_ID", "regarding the 01/18 fight"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "write to hsalgado@example.org today"),
    (AddressRecognizer, "ADDRESS", "Route 0417: Centre St at Perkins St: 7:02 AM"),
]


@pytest.mark.parametrize(("recognizer", "label", "text", "fragment"), ROWS)
def test_exact_span(recognizer: type, label: str, text: str, fragment: str) -> None:
    assert_exact(run(recognizer(), text), label, text, fragment)


@pytest.mark.parametrize(("recognizer", "label", "text"), NEGATIVE)
def test_no_span(recognizer: type, label: str, text: str) -> None:
    assert_none(run(recognizer(), text), label)
