"""Table-driven tests of the identifier recognizers, each row with its exact span."""

import pytest

from brightline.detect.recognizers import (
    AddressRecognizer,
    AgeRecognizer,
    DateOfBirthRecognizer,
    GovIdRecognizer,
    NameWordRecognizer,
    ObfuscatedEmailRecognizer,
    PhonePatternRecognizer,
    SocialHandleRecognizer,
    SsnRecognizer,
    StudentIdRecognizer,
    TableColumnRecognizer,
)
from tests.assertions import assert_exact, assert_none
from tests.detect.recognizers.run import run

CSV_ROSTER = 'Name,DOB,Student ID,Grade\n"NGUYEN, Thi Lan",063010,30021146,7\nnhia vang,2010-04-12,30021147,7\n'
MARKDOWN_ROSTER = (
    "| Case | Student | DOB | UID | Gr |\n|---|---|---|---|---|\n| 26-1 | DA SILVA, Ana | 02/11/2011 | 88044 | 9 |\n"
)
FIXED_ROSTER = "LAST NAME     FIRST    DOB         PHONE\nAbdi          Hodan    04/02/2011  (612) 555-0101\n"

ROWS = [
    (StudentIdRecognizer, "STUDENT_ID", "SASID: 1092837465    District ID: 773104", "1092837465"),
    (StudentIdRecognizer, "STUDENT_ID", "SASID: 1092837465    District ID: 773104", "773104"),
    (StudentIdRecognizer, "STUDENT_ID", "Student ID numbers: Haddad 640021; Brennan 640388.", "640388"),
    (StudentIdRecognizer, "STUDENT_ID", "Student No.: WP-44102       Age: 11", "WP-44102"),
    (StudentIdRecognizer, "STUDENT_ID", "her bus pass (no. 5520-1187-0093) was found", "5520-1187-0093"),
    (TableColumnRecognizer, "STUDENT_ID", "Name / DOB / Student ID\n1. Lund, Tova / 2/9/2010 / 551207 /", "551207"),
    (TableColumnRecognizer, "PERSON", CSV_ROSTER, "NGUYEN, Thi Lan"),
    (TableColumnRecognizer, "DATE_OF_BIRTH", CSV_ROSTER, "063010"),
    (TableColumnRecognizer, "DATE_OF_BIRTH", CSV_ROSTER, "2010-04-12"),
    (TableColumnRecognizer, "PERSON", CSV_ROSTER, "nhia vang"),
    (TableColumnRecognizer, "STUDENT_ID", CSV_ROSTER, "30021147"),
    (TableColumnRecognizer, "PERSON", FIXED_ROSTER, "Hodan"),
    (TableColumnRecognizer, "PHONE", FIXED_ROSTER, "(612) 555-0101"),
    (TableColumnRecognizer, "PERSON", MARKDOWN_ROSTER, "DA SILVA, Ana"),
    (TableColumnRecognizer, "STUDENT_ID", MARKDOWN_ROSTER, "88044"),
    (TableColumnRecognizer, "STUDENT_ID", "LAST     FIRST    MARSS NO.\nOdu      Tobi     1170028834\n", "1170028834"),
    (PhonePatternRecognizer, "PHONE", "call the front desk at 617-555-0143 ext 4", "617-555-0143 ext 4"),
    (PhonePatternRecognizer, "PHONE", "Can someone call me on 06-82237745? Thanks", "06-82237745"),
    (PhonePatternRecognizer, "PHONE", "abuela in Guatemala: +502 5512 3344", "+502 5512 3344"),
    (PhonePatternRecognizer, "PHONE", "8240084271 mobile", "8240084271"),
    (NameWordRecognizer, "PERSON", "My name is Nikolaj Lindqvist and I teach.", "Nikolaj Lindqvist"),
    (NameWordRecognizer, "PERSON", "Arya: what a day.", "Arya"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "Please tell me your date of birth. It's 4/24/1960", "4/24/1960"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "JUV ID'D AS ODU, TOBI DOB 031211 AT SCENE", "031211"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "Mi hijo nació el 21 de agosto de 2010.", "21 de agosto de 2010"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "Li fèt 19 jiyè 2009 nan Okap.", "19 jiyè 2009"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "DOB: 11/02/2008    Grade: 10", "11/02/2008"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "She says she was born on June 3, 2009 but", "June 3, 2009"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "DOB (per aunt): 2009-06-03", "2009-06-03"),
    (TableColumnRecognizer, "DATE_OF_BIRTH", "Name / DOB / ID\n1. Doe, Jan / 3/2/2008 / 1", "3/2/2008"),
    (AgeRecognizer, "AGE", "RP ADV JUV 14 YOA LEFT HOME", "14 YOA"),
    (AgeRecognizer, "AGE", "Mi hijo tiene 14 años y", "14 años"),
    (AgeRecognizer, "AGE", "Pitit mwen gen kenz an.", "kenz an"),
    (AgeRecognizer, "AGE", "Marco is sixteen.", "sixteen"),
    (ObfuscatedEmailRecognizer, "EMAIL", "write to abdi.w09 at gmail dot com today", "abdi.w09 at gmail dot com"),
    (ObfuscatedEmailRecognizer, "EMAIL", "rico [at] mail [dot] com", "rico [at] mail [dot] com"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "on Discord as GhostKing#2210 last week", "GhostKing#2210"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "[3:41 PM] viv.tran08: u see this", "viv.tran08"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "marcoo_253: nah", "marcoo_253"),
    (AgeRecognizer, "AGE", "these are 13-year-old girls", "13-year-old"),
    (AgeRecognizer, "AGE", "Age: 16        DOB: x", "16"),
    (AgeRecognizer, "AGE", "I spoke with Lindqvist, age 13, in the office", "age 13"),
    (AgeRecognizer, "AGE", "The victim, Tomas Okafor (14), grade 9", "14"),
    (AgeRecognizer, "AGE", "lives with Efrain (uncle, 31), at home", "31"),
    (AgeRecognizer, "AGE", "He is 17 years old.", "17 years old"),
    (AgeRecognizer, "AGE", "H/F   DOB 07/12/2009   15 yrs", "15 yrs"),
    (GovIdRecognizer, "GOV_ID", "which lists A# 301-442-978.", "A# 301-442-978"),
    (GovIdRecognizer, "GOV_ID", "number on the notice A087123456", "A087123456"),
    (GovIdRecognizer, "GOV_ID", "I-94 record no. 51208837460, admitted", "51208837460"),
    (GovIdRecognizer, "GOV_ID", "Brazilian passport no. FP2290417 (student)", "FP2290417"),
    (GovIdRecognizer, "GOV_ID", "ID shown: MA learner's permit S88120457", "S88120457"),
    (GovIdRecognizer, "GOV_ID", "Blue Nissan Altima, MA reg. 4LP882, parked", "4LP882"),
    (SsnRecognizer, "SSN", "Social Security no. (optional, from father): 044-81-2290", "044-81-2290"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "by the account @lilbear_northend77. In", "@lilbear_northend77"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "IG instagram.com/j.18.east; snap: jd01", "instagram.com/j.18.east"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "IG instagram.com/j.18.east; snap: jd01", "jd01"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "on Discord under the username tav_0#4417 since May", "tav_0#4417"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "her username on it is mira.k09. I", "mira.k09"),
    (AddressRecognizer, "ADDRESS", "Address: 418 Cambridge St, Apt 2R, Allston", "418 Cambridge St, Apt 2R"),
    (AddressRecognizer, "ADDRESS", "Home: 37 Elm St, Unit 2, Revere, MA 02151\n", "37 Elm St, Unit 2, Revere, MA 02151"),
    (AddressRecognizer, "ADDRESS", "at 23 Oakdale Ave, 3rd floor, with", "23 Oakdale Ave, 3rd floor"),
    (AddressRecognizer, "ADDRESS", "mail to PO Box 3307 please", "PO Box 3307"),
]
NEGATIVE = [
    (StudentIdRecognizer, "STUDENT_ID", "Case no. 221840375 filed"),
    (StudentIdRecognizer, "STUDENT_ID", "SASID: 0000000000"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "Date of incident: 03/11/2021     Period: 2"),
    (AgeRecognizer, "AGE", "Report in Room (12) at approx. 30 ft"),
    (GovIdRecognizer, "GOV_ID", "Raffle prize: a Visa gift card worth $50"),
    (GovIdRecognizer, "GOV_ID", "regarding the 04/02 fight"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "write to hsalgado@example.org today"),
    (AddressRecognizer, "ADDRESS", "Route 0417: Centre St at Perkins St: 7:02 AM"),
    (TableColumnRecognizer, "PERSON", "Teacher | Room | Period\nOkafor | 204 | 3\n"),  # a staff column
    (TableColumnRecognizer, "DATE_OF_BIRTH", "Reported on 3/2, 4/5, and 6/7 by staff\nDOB, age, grade\n"),
    (TableColumnRecognizer, "STUDENT_ID", "Name | DOB | SASID\nLund, Tova | 2/9/2010 | N/A\n"),  # a blank
    (AgeRecognizer, "AGE", "He is 15 an hour late"),
    (PhonePatternRecognizer, "PHONE", "SASID 1023456789 and case 2024-0117"),
    (NameWordRecognizer, "PERSON", "Will Grace visit Paris? Hope so."),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "Note: see attached"),
]


@pytest.mark.parametrize(("recognizer", "label", "text", "fragment"), ROWS)
def test_exact_span(recognizer: type, label: str, text: str, fragment: str) -> None:
    assert_exact(run(recognizer(), text), label, text, fragment)


@pytest.mark.parametrize(("recognizer", "label", "text"), NEGATIVE)
def test_no_span(recognizer: type, label: str, text: str) -> None:
    assert_none(run(recognizer(), text), label)
