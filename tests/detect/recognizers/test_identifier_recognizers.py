"""Table-driven tests of the identifier recognizers, each row with its exact span."""

import pytest

from brightline.detect.recognizers import (
    AddressRecognizer,
    AgeRecognizer,
    DateOfBirthRecognizer,
    EmailPatternRecognizer,
    GovIdRecognizer,
    NameWordRecognizer,
    PersonPatternRecognizer,
    PhoneNumberRecognizer,
    PhonePatternRecognizer,
    SchoolRecognizer,
    SocialHandleRecognizer,
    SsnRecognizer,
    StudentIdRecognizer,
    TableColumnRecognizer,
)
from tests.assertions import assert_exact, assert_none
from tests.detect.recognizers.run import run

NUMBERED_ROSTER = "| # | Student | DOB | Local ID |\n|---|---|---|---|\n| 1 | VARGA, Ilona | 03/14/2010 | 7781204 |\n"
EXPORT_ROSTER = "STUDENT_ID;LAST_NAME;FirstName;GR\n600412987;QUILLA;Renzo;8\n"
CSV_ROSTER = 'Name,DOB,Student ID,Grade\n"PHAM, Thi Mai",071209,30021146,7\npa lor,2010-04-12,30021147,7\n'
MARKDOWN_ROSTER = (
    "| Case | Student | DOB | UID | Gr |\n|---|---|---|---|---|\n| 31-7 | DOS REIS, Lia | 05/30/2010 | 77215 | 8 |\n"
)
# a wide Markdown table read back from a PDF: each row wraps over the next lines, inside a cell or after a "|"
WRAPPED_MARKDOWN = (
    "| Student | Gr | DOB | Local ID | Contact | Note |\n|---|---|---|---|---|---|\n"
    "| HALVORSEN, Pia | 9 | 2010-02-11 |\n8830214 | Ruth Halvorsen | late bus twice |\n"
    "| OKWU, Dara | 10 | 7/19/2009 | 8830215 | Ben\nOkwu, 555-0100 | left at noon |\n"
)
# a "Student" column with a note in brackets holds names
NOTED_STUDENT_COLUMN = "PUPIL (surname first)     GR  LOCAL ID\nOyelaran, Tobi            4   5530198\n"
# a report's title line stands over its real headings
TITLED_REPORT = (
    "DISTRICT SIS        DISC-7   INCIDENT DETAIL\n"
    "Run: 10/01   Output: FIXED WIDTH   User: SVC\n"
    "-----------------------------------------------\n"
    "LOCAL_ID   STUDENT_NAME        GR  DOB         CODE\n"
    "-----------------------------------------------\n"
    "000481122  BERG, ASTRID M      07  2011-05-16  DR01\n"
)
FIXED_ROSTER = "LAST NAME     FIRST    DOB         PHONE\nFarah         Idil     09/17/2010  (612) 555-0177\n"
# hand-aligned: a heading holds " / ", a long name pushes the next cell two characters left
DRIFTING_LOG = (
    "TIME   STUDENT       ID#         NOTE / ACTION\n"
    "0810   Asante, Yaw   4410982     cough, sent back\n"
    "0905   Holmgren, Elsa    4410377     h/a\n"
)
# a heading with a question mark, under a title row of merged cells
MERGED_CSV = "STUDENT,,,FOLLOW-UP\nLast,First,Student #,SRO involved?\nBarros,Ines,1184402,N\n"
# a mainframe extract: a ruler under the headings sets each column's width; a cell may be empty
# and a column one character wide; the trailer line runs across the columns
RULED_EXTRACT = (
    "LCL-ID  FAMILY-NAME   FIRST-NAME MI S DOB      SSN       STREET-ADDR\n"
    "------- ------------- ---------- -- - -------- --------- ----------------\n"
    "0071234 SOLBERG-AMOS  TRYGVE     K  M 20110304           14 ELM ST APT 2\n"
    "0071235 IWU           ADAEZE        F 20100915 000000000 7 ASH RD\n"
    "TRL RECS=000002  FLAGGED=000001 END\n"
)
# a health office's visit log: the assessment and treatment beside a complaint column are health
VISIT_LOG = (
    "date,student,complaint,assessment,treatment,disposition\n"
    '2025-02-03,"Lind, Aksel",dizzy after PE,"pale, HR 112",rest + water,back to class\n'
)
# a physician's statement: a form's health fields, one with its list under it
PHYSICIAN_FORM = (
    "Diagnosis / ICD-10:\n  1. Juvenile arthritis, polyarticular (M08.00)\n  2. Iron-deficiency anemia\n"
    "Current medications: naproxen 250 mg BID; ferrous sulfate daily\nActivity restrictions: no contact sports\n"
)
# a contact card: its properties name their fields; its UID is the card's own
CONTACT_CARD = (
    "BEGIN:VCARD\nVERSION:3.0\nUID:4471-2209-88\nFN:Oskar Vale-Lindqvist\nBDAY:20090412\n"
    "TEL;TYPE=CELL:+1 555 0134 881\nADR;TYPE=HOME:;;18 Birch Row Apt 4;Tacoma;WA;98402\nEND:VCARD\n"
)
JSON_EXPORT = '{"students": [{"first_name": "Maile", "osis_like": "x", "age": 15, "dob": null}]}'
KEY_VALUE_EXPORT = "student.last=PIRES | student.age=fifteen | student.i94=77120045611\n"
BILINGUAL_TABLE = ("| Nom / Name | Naissance / DOB | Classe / Grade |\n|---|---|---|\n| Odile Sarr | 2012-04-09 | 6 |\n"
                   "| Yann Sarr | 2014-11-30 | 4 |\n")
# a log line whose key=value pair holds a JSON object: the object's members are the fields
LOGGED_JSON = 'GET /students/77 200 body={"id":"77","name":{"first":"ILKA","last":"MORROW-SAIF"},"age":13} ok\n'
YAML_EXPORT = 'records:\n  - local_id: "7730419"\n    preferred_name: "Tam"\n    guardian:\n      name: "Ola Birk"\n'
XML_EXPORT = (
    '<Pupil>\n  <Surname>Adeyemi-Strand</Surname>\n  <PassNo>BP-7-0042</PassNo>\n  <Zip kind="x">04917</Zip>\n</Pupil>\n'
)

ROWS = [
    (StudentIdRecognizer, "STUDENT_ID", "PAEZ, LINO     Gr 7     UID 4402 7719 35    DOB 02/11/2012", "4402 7719 35"),
    (StudentIdRecognizer, "STUDENT_ID", "Núm. de alumno 30457719 (escuela intermedia)", "30457719"),
    (StudentIdRecognizer, "STUDENT_ID", "SASID: 1092837465    District ID: 773104", "1092837465"),
    (StudentIdRecognizer, "STUDENT_ID", "SASID: 1092837465    District ID: 773104", "773104"),
    (StudentIdRecognizer, "STUDENT_ID", "Student ID numbers: Haddad 640021; Brennan 640388.", "640388"),
    (StudentIdRecognizer, "STUDENT_ID", "Student No.: WP-44102       Age: 11", "WP-44102"),
    (StudentIdRecognizer, "STUDENT_ID", "her bus pass (no. 5520-1187-0093) was found", "5520-1187-0093"),
    (StudentIdRecognizer, "STUDENT_ID", "Nwosu, Ada / 1230098815   cum file", "1230098815"),  # no cue at all
    (TableColumnRecognizer, "STUDENT_ID", "Name / DOB / Student ID\n1. Lund, Tova / 2/9/2010 / 551207 /", "551207"),
    (TableColumnRecognizer, "PERSON", CSV_ROSTER, "PHAM, Thi Mai"),
    (TableColumnRecognizer, "HEALTH", "Student\tGr\tMeds\tMath\nLund, Tova\t7\tcetirizine daily\t81\n", "cetirizine daily"),
    (TableColumnRecognizer, "DATE_OF_BIRTH", CSV_ROSTER, "071209"),
    (TableColumnRecognizer, "DATE_OF_BIRTH", CSV_ROSTER, "2010-04-12"),
    (TableColumnRecognizer, "PERSON", CSV_ROSTER, "pa lor"),
    (TableColumnRecognizer, "STUDENT_ID", CSV_ROSTER, "30021147"),
    (TableColumnRecognizer, "PERSON", FIXED_ROSTER, "Idil"),
    (TableColumnRecognizer, "DATE_OF_BIRTH", TITLED_REPORT, "2011-05-16"),
    (TableColumnRecognizer, "PERSON", NOTED_STUDENT_COLUMN, "Oyelaran, Tobi"),
    (TableColumnRecognizer, "STUDENT_ID", TITLED_REPORT, "000481122"),
    (TableColumnRecognizer, "PHONE", FIXED_ROSTER, "(612) 555-0177"),
    (TableColumnRecognizer, "PERSON", MARKDOWN_ROSTER, "DOS REIS, Lia"),
    (TableColumnRecognizer, "DATE_OF_BIRTH", NUMBERED_ROSTER, "03/14/2010"),  # a "#" column heads the table
    (TableColumnRecognizer, "STUDENT_ID", NUMBERED_ROSTER, "7781204"),
    (TableColumnRecognizer, "DATE_OF_BIRTH", WRAPPED_MARKDOWN, "2010-02-11"),  # rows wrapped over two lines
    (TableColumnRecognizer, "STUDENT_ID", WRAPPED_MARKDOWN, "8830214"),
    (TableColumnRecognizer, "STUDENT_ID", WRAPPED_MARKDOWN, "8830215"),
    (TableColumnRecognizer, "PERSON", EXPORT_ROSTER, "QUILLA"),  # LAST_NAME, FirstName: words run together
    (TableColumnRecognizer, "PERSON", EXPORT_ROSTER, "Renzo"),
    (TableColumnRecognizer, "STUDENT_ID", EXPORT_ROSTER, "600412987"),
    (TableColumnRecognizer, "STUDENT_ID", MARKDOWN_ROSTER, "77215"),
    (TableColumnRecognizer, "STUDENT_ID", "LAST     FIRST    STATE NO.\nEze      Obi      5530917728\n", "5530917728"),
    (TableColumnRecognizer, "STUDENT_ID", DRIFTING_LOG, "4410377"),
    (TableColumnRecognizer, "PERSON", DRIFTING_LOG, "Holmgren, Elsa"),
    (TableColumnRecognizer, "STUDENT_ID", MERGED_CSV, "1184402"),
    (TableColumnRecognizer, "PERSON", JSON_EXPORT, "Maile"),
    # headings after a label and a blank line; a name in another script in brackets after the name
    (TableColumnRecognizer, "DATE_OF_BIRTH", "Fields: ID;Student;DOB;Gr\n\n7701;Kowal, Ivanka;2011-02-04;8\n",
     "2011-02-04"),
    (TableColumnRecognizer, "PERSON", "ID;Student;DOB\n7702;Haddad, Rami (رامي حداد);2010-05-06\n", "رامي حداد"),
    (TableColumnRecognizer, "AGE", JSON_EXPORT, "15"),
    (TableColumnRecognizer, "AGE", KEY_VALUE_EXPORT, "fifteen"),
    (TableColumnRecognizer, "PERSON", LOGGED_JSON, "MORROW-SAIF"),
    # headings in the family's language and in English
    (TableColumnRecognizer, "DATE_OF_BIRTH", BILINGUAL_TABLE, "2014-11-30"),
    (TableColumnRecognizer, "AGE", LOGGED_JSON, "13"),
    (TableColumnRecognizer, "GOV_ID", KEY_VALUE_EXPORT, "77120045611"),
    (TableColumnRecognizer, "PERSON", XML_EXPORT, "Adeyemi-Strand"),
    (TableColumnRecognizer, "PERSON", YAML_EXPORT, "Tam"),
    (TableColumnRecognizer, "PERSON", YAML_EXPORT, "Ola Birk"),
    (TableColumnRecognizer, "STUDENT_ID", YAML_EXPORT, "7730419"),
    (TableColumnRecognizer, "STUDENT_ID", XML_EXPORT, "BP-7-0042"),
    (TableColumnRecognizer, "ADDRESS", XML_EXPORT, "04917"),  # the home's ZIP, an element with attributes
    (PhonePatternRecognizer, "PHONE", "Her aunt said to call 81 442 90 17 after six.", "81 442 90 17"),  # abroad
    (PhonePatternRecognizer, "PHONE", "Send messages to 733 5120 only.", "733 5120"),
    (PhonePatternRecognizer, "PHONE", "Mi número: cuatro uno dos, cinco cinco cinco, cero dos uno ocho.",
     "cuatro uno dos, cinco cinco cinco, cero dos uno ocho"),
    (EmailPatternRecognizer, "EMAIL", "escriba a lena punto vas arroba correo punto com hoy",
     "lena punto vas arroba correo punto com"),
    (EmailPatternRecognizer, "EMAIL", "mail dt_ridge88 (at) yahoo . com, not the school", "dt_ridge88 (at) yahoo . com"),
    (AddressRecognizer, "ADDRESS", "Mail: PSC 7 Box 120, APO AE 09021.", "PSC 7 Box 120, APO AE 09021"),
    (AddressRecognizer, "ADDRESS", "lives at Lot 14-C Calle Pao, Dededo, GU 96929 now",
     "Lot 14-C Calle Pao, Dededo, GU 96929"),
    (AddressRecognizer, "ADDRESS", "home: 3320 County Road 9, Lusk, WY 82225", "3320 County Road 9, Lusk, WY 82225"),
    (AddressRecognizer, "ADDRESS", "moved to 3150 S 2700 E, Millcreek, UT 84109 in May",
     "3150 S 2700 E, Millcreek, UT 84109"),
    (GovIdRecognizer, "GOV_ID", "his Ohio driver license, no. 204417735, was", "204417735"),
    (AddressRecognizer, "ADDRESS", "Residencial Los Pinos, edificio 3, apartamento 41 (abuela)",
     "Residencial Los Pinos, edificio 3, apartamento 41"),
    (PhonePatternRecognizer, "PHONE", "call the front desk at 617-555-0143 ext 4", "617-555-0143 ext 4"),
    (PhonePatternRecognizer, "PHONE", "Please call me on 07-55312980 tomorrow", "07-55312980"),
    (PhonePatternRecognizer, "PHONE", "abuela in Guatemala: +502 5512 3344", "+502 5512 3344"),
    (PhonePatternRecognizer, "PHONE", "5127730098 mobile", "5127730098"),
    (PhonePatternRecognizer, "PHONE", "AUNT: it's four one two, five five five, oh one nine eight.",
     "four one two, five five five, oh one nine eight"),  # said aloud
    (NameWordRecognizer, "PERSON", "My name is Zeynep Aydemir and I teach.", "Zeynep Aydemir"),
    (NameWordRecognizer, "PERSON", "Wojciech: what a day.", "Wojciech"),
    # a date of birth in brackets is a name's particular, in capitals too
    (PersonPatternRecognizer, "PERSON", "Seen with DESHAWNTE KOLLER (DOB 04/19/2008) at noon.", "DESHAWNTE KOLLER"),
    (PersonPatternRecognizer, "PERSON", "Seen with Tia Marsh (born 2010) at noon.", "Tia Marsh"),
    # a name field labelled in English and in the family's language
    (PersonPatternRecognizer, "PERSON", "Student name / Magaca ardayga: Hodan Abdi Warsame    Grade: 5",
     "Hodan Abdi Warsame"),
    # a kin word in lower case, no determiner, before a capitalised name
    (PersonPatternRecognizer, "PERSON", "Released to grandmother Wenona Little Elk at 3.", "Wenona Little Elk"),
    (PersonPatternRecognizer, "PERSON", "alt. contact (uncle Idris, speaks French)", "Idris"),
    (NameWordRecognizer, "PERSON", "Then Ja'Marcus Odom sat down.", "Ja'Marcus Odom"),  # a prefix joined by an apostrophe
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "Her date of birth. It is 5/2/2011 per the form", "5/2/2011"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "SUBJ EZE, OBI DOB 092410 DETAINED", "092410"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "Mi hija nació el 4 de marzo de 2011.", "4 de marzo de 2011"),
    # Chinese, Japanese and Korean: the cue unspaced before the date, or the sign for born after it
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "儿子今年9岁。出生日期：2015年6月2日", "2015年6月2日"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "生年月日：2013年11月5日", "2013年11月5日"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "딸은 2012년 4월 9일생입니다", "2012년 4월 9일"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "تاریخ تولد: ۱۳۹۱/۰۲/۱۵", "۱۳۹۱/۰۲/۱۵"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "Li fèt 7 avril 2012 Jakmèl.", "7 avril 2012"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "DOB: 11/02/2008    Grade: 10", "11/02/2008"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "DOB: 09-Mar-2011   (Age 13)", "09-Mar-2011"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "She says she was born on June 3, 2009 but", "June 3, 2009"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "DOB (per aunt): 2009-06-03", "2009-06-03"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "Gr 4   F de nac: 07/02/2015   9 años", "07/02/2015"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "DOB per intake: 4 de mayo de 2010 (as told by aunt) / 05/04/2010",
     "05/04/2010"),  # the date written a second way on the same field
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "Народився 3 квітня 2011 р. у Харкові.", "3 квітня 2011 р."),
    (TableColumnRecognizer, "DATE_OF_BIRTH", "Name / DOB / ID\n1. Doe, Jan / 3/2/2008 / 1", "3/2/2008"),
    (AgeRecognizer, "AGE", "RP ADV JUV 14 YOA LEFT HOME", "14 YOA"),
    (AgeRecognizer, "AGE", "Mi hijo tiene 14 años y", "14 años"),
    (AgeRecognizer, "AGE", "아들은 이제 만 11살이에요", "만 11살"),
    (AgeRecognizer, "AGE", "息子は8歳です", "8歳"),
    (AgeRecognizer, "AGE", "پسرم ۱۲ ساله است", "۱۲ ساله"),
    (AgeRecognizer, "AGE", "Mom says she's only 13 and scared.", "13"),  # a contracted "is", a clause going on
    (AgeRecognizer, "AGE", "Wiilkeygu waa 10 jir.", "10 jir"),  # Somali
    (AgeRecognizer, "AGE", "Ang anak ko ay 9 taong gulang.", "9 taong gulang"),  # Tagalog
    (AgeRecognizer, "AGE", "제 딸은 11살입니다.", "11살"),  # Korean
    (AddressRecognizer, "ADDRESS", "Home: 31 Bérénice Loop, Lafayette, LA 70501", "31 Bérénice Loop, Lafayette, LA 70501"),
    (StudentIdRecognizer, "STUDENT_ID", "Gr: 6   stu #: 553 0912", "553 0912"),  # "stu" for student
    (AgeRecognizer, "AGE", "Su hijo tiene once (11) años y", "once (11) años"),
    (AgeRecognizer, "AGE", "vive con su abuela y su prima de tres años", "tres años"),
    (AgeRecognizer, "AGE", "Alumno: Ana Ruiz / Edad: 15 / Curso: 4", "15"),
    (AgeRecognizer, "AGE", "Counselor note: Lior, fifteen, lives with an aunt.", "fifteen"),
    (AgeRecognizer, "AGE", "Grandma says he's only twelve.", "twelve"),
    (AgeRecognizer, "AGE", "Age at referral: 15     Race/Sex: W/F", "15"),
    (AgeRecognizer, "AGE", "Edad: 12    Age: eleven    Gr 5", "eleven"),
    (AgeRecognizer, "AGE", "Ana stays home with her cousin Teo (6, kindergarten) most days", "6"),
    (AgeRecognizer, "AGE", "Subject 2: D.K. (juv., 14), seen at the park", "14"),
    (AgeRecognizer, "AGE", "ASSOCIATE: DIALLO, SEKOU  M/16  DOB 04/19/2009", "16"),
    (AgeRecognizer, "AGE", "SUSP RAN EB ON ELM, W/M 15, RED HOODIE", "15"),
    (AgeRecognizer, "AGE", "Tomasz is fifteen and new to the school.", "fifteen"),  # a clause that goes on
    (AgeRecognizer, "AGE", "She says he is only eleven, and scared.", "eleven"),
    (AgeRecognizer, "AGE", "Both girls are 14.", "14"),
    (AgeRecognizer, "AGE", "found Ilse Brandt (fourteen) by the gym", "fourteen"),
    (AgeRecognizer, "AGE", "Birthdate: Oct. 2, 2010   (thirteen)", "thirteen"),
    (AgeRecognizer, "AGE", "Ines Dahl, gr 8 (13) - photos are hers", "13"),
    (AgeRecognizer, "AGE", "sami: im only 16 and", "16"),
    (AgeRecognizer, "AGE", "she will be 12 in June", "12"),
    (AgeRecognizer, "AGE", "SRO: How old are you?\nSTUDENT: fifteen.", "fifteen"),
    (AgeRecognizer, "AGE", "PEÑA, Yadira (13) | 8-1", "13"),
    (AgeRecognizer, "AGE", "- Tomas is 14 (DOB 3/09/2011), lives with his aunt", "14"),
    (AgeRecognizer, "AGE", "was eleven (11) years of age then", "eleven (11) years of age"),
    (AgeRecognizer, "AGE", "Witness Ilse Brandt, 14, saw it.", "14"),  # between commas after a name
    (AgeRecognizer, "AGE", "Em Lan (11 tuổi) bị ngã.", "11 tuổi"),
    (AgeRecognizer, "AGE", "Noé, 7 ans, est arrivé en retard.", "7 ans"),  # ages in more family languages
    (AgeRecognizer, "AGE", "Ma fille, elle a 9 ans, pleure.", "9 ans"),
    (AgeRecognizer, "AGE", "我的弟弟12岁了。", "12岁"),
    (AgeRecognizer, "AGE", "ابنتي عمرها ٩ سنوات", "٩ سنوات"),
    (AgeRecognizer, "AGE", "Mtoto ana umri wa miaka 10 sasa.", "miaka 10"),
    (AgeRecognizer, "AGE", "witnesses wafa and beto (8th grade, 14) ran", "14"),
    (AgeRecognizer, "AGE", "Pitit mwen gen sèz an.", "sèz an"),
    (AgeRecognizer, "AGE", "Marco is sixteen.", "sixteen"),
    (EmailPatternRecognizer, "EMAIL", "write to lulu.k22 at gmail dot com today", "lulu.k22 at gmail dot com"),
    (EmailPatternRecognizer, "EMAIL", "rico [at] mail [dot] com", "rico [at] mail [dot] com"),
    (EmailPatternRecognizer, "EMAIL", "Reply to j.ortiz@nurse.district.local.", "j.ortiz@nurse.district.local"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "mira3x: who took it\nben: not me", "mira3x"),  # a digit between letters
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "nia.b_07   9:41 PM   u see that\n", "nia.b_07"),  # a DM export
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "Accounts:\nnia.b_07 = Nia Brooks (15)\n", "nia.b_07"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "She plays as gamertag zZLunaBeeZz online.", "zZLunaBeeZz"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "A reply by user rio.v_22 said the same.", "rio.v_22"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "on Discord as NightOwl#4471 last week", "NightOwl#4471"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "[3:41 PM] kiki.lam07: u see this", "kiki.lam07"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "dre_9914: nah", "dre_9914"),
    # a username standing alone, with no cue
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "Members of this chat: tay.mrz_22, rocio.vb\n", "tay.mrz_22"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "Members of this chat: tay.mrz_22, rocio.vb\n", "rocio.vb"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "then lil.kq907 replied with a laughing face", "lil.kq907"),
    (AgeRecognizer, "AGE", "these are 13-year-old girls", "13-year-old"),
    (AgeRecognizer, "AGE", "Age: 16        DOB: x", "16"),
    (AgeRecognizer, "AGE", "I spoke with Lindqvist, age 13, in the office", "age 13"),
    (AgeRecognizer, "AGE", "The victim, Tomas Okafor (14), grade 9", "14"),
    (AgeRecognizer, "AGE", "lives with Efrain (uncle, 31), at home", "31"),
    (AgeRecognizer, "AGE", "He is 17 years old.", "17 years old"),
    (AgeRecognizer, "AGE", "H/F   DOB 07/12/2009   15 yrs", "15 yrs"),
    (GovIdRecognizer, "GOV_ID", "which lists A# 301-442-978.", "A# 301-442-978"),
    (GovIdRecognizer, "GOV_ID", "a grey van, plate OR KXT 219, parked", "OR KXT 219"),
    (GovIdRecognizer, "GOV_ID", "a black sedan, ND plate 7-2290C, parked", "7-2290C"),
    (GovIdRecognizer, "GOV_ID", "I-94 no. 44120577B31 on the card", "44120577B31"),
    (GovIdRecognizer, "GOV_ID", "ID on file: OR DL WKR9H2LX84CC2; car", "WKR9H2LX84CC2"),
    (GovIdRecognizer, "GOV_ID", "DL# S310-5521-0917-44 on file", "S310-5521-0917-44"),
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
    (AddressRecognizer, "ADDRESS", "now at 41 Orchard Street, apartment 3 since May", "41 Orchard Street, apartment 3"),
    (AddressRecognizer, "ADDRESS", "lives at 9 Pine St., Apt. 2 (Rear), Dayton, Ohio 45402, with",
     "9 Pine St., Apt. 2 (Rear), Dayton, Ohio 45402"),
    (AddressRecognizer, "ADDRESS", "mail to HC 74 Box 19, Red Mesa AZ 86514 please", "HC 74 Box 19, Red Mesa AZ 86514"),
    (AddressRecognizer, "ADDRESS", "Home: 37 Elm St, Unit 2, Revere, MA 02151\n", "37 Elm St, Unit 2, Revere, MA 02151"),
    (AddressRecognizer, "ADDRESS", "at 23 Oakdale Ave, 3rd floor, with", "23 Oakdale Ave, 3rd floor"),
    (AddressRecognizer, "ADDRESS", "They live at 907 Saddle Ridge Loop now.", "907 Saddle Ridge Loop"),  # USPS suffix
    (AddressRecognizer, "ADDRESS", "Grandmother: Rua das Laranjeiras 88, Niterói", "Rua das Laranjeiras 88"),  # abroad
    (AddressRecognizer, "ADDRESS", "Father's address: Kastanienallee 12, Berlin", "Kastanienallee 12"),
    # numbered streets in any case, quarter directions, a street's kind first, a rural route as "Rt"
    (AddressRecognizer, "ADDRESS", "she stays at 2208 w 51st pl w/ her aunt", "2208 w 51st pl"),
    (AddressRecognizer, "ADDRESS", "Home: 4410 SW 7 Ave apt 12, near the park", "4410 SW 7 Ave apt 12"),
    (AddressRecognizer, "ADDRESS", "ADDR: 771 N 32ND ST 3RD FL. VEH PARKED", "771 N 32ND ST 3RD FL"),
    (AddressRecognizer, "ADDRESS", "Mother lives at 64 Calle de la Paz, Apt. 2B with", "64 Calle de la Paz, Apt. 2B"),
    (AddressRecognizer, "ADDRESS", "moved to 903 Avenue K, Unit 5, Galveston TX 77550.",
     "903 Avenue K, Unit 5, Galveston TX 77550"),
    (AddressRecognizer, "ADDRESS", "Mail: Rt 4 Box 212, Harlan KY 40831", "Rt 4 Box 212, Harlan KY 40831"),
    (AddressRecognizer, "ADDRESS", "CALL FOR SERVICE AT 880 MAGNOLIA AVE; CALLER ON SCENE", "880 MAGNOLIA AVE"),
    (AddressRecognizer, "ADDRESS", "Dir: Calle 9 B-14, Urb. Villa Carolina, Carolina, PR 00985 tel",
     "Calle 9 B-14, Urb. Villa Carolina, Carolina, PR 00985"),
    (AddressRecognizer, "ADDRESS", "Home: Urb. Monte Verde, Calle 3 2C-11, Dorado, PR 00646.",
     "Urb. Monte Verde, Calle 3 2C-11, Dorado, PR 00646"),
    (AddressRecognizer, "ADDRESS", "at 41-220 Hinano Pl, Unit B, Waimānalo-Uka, HI 96795 now",
     "41-220 Hinano Pl, Unit B, Waimānalo-Uka, HI 96795"),
    (SchoolRecognizer, "SCHOOL", "7 | Harbor Bluff HS | tardy", "Harbor Bluff HS"),  # an abbreviated kind
    (StudentIdRecognizer, "STUDENT_ID", "Gr 6 - bus pass TR-31-0457 - route 9", "TR-31-0457"),  # dashed groups
    (StudentIdRecognizer, "STUDENT_ID", "The note was left in his locker, K-204, on Friday.", "K-204"),
    (SchoolRecognizer, "SCHOOL", "Escuela Primaria Los Olivos - Oficina", "Escuela Primaria Los Olivos"),
    (AddressRecognizer, "ADDRESS", "mail to PO Box 3307 please", "PO Box 3307"),
    (TableColumnRecognizer, "PERSON", RULED_EXTRACT, "SOLBERG-AMOS"),  # FAMILY-NAME: hyphen-joined heading
    (TableColumnRecognizer, "PERSON", RULED_EXTRACT, "K"),  # a middle initial
    (TableColumnRecognizer, "DATE_OF_BIRTH", RULED_EXTRACT, "20100915"),  # after an empty cell
    (TableColumnRecognizer, "ADDRESS", RULED_EXTRACT, "7 ASH RD"),  # STREET-ADDR, the last column
    (TableColumnRecognizer, "STUDENT_ID", RULED_EXTRACT, "0071235"),
    (TableColumnRecognizer, "HEALTH", VISIT_LOG, "dizzy after PE"),
    (TableColumnRecognizer, "HEALTH", '{"id": "88", "accommodations": "504: diabetes, snacks in class"}',
     "504: diabetes, snacks in class"),
    (TableColumnRecognizer, "HEALTH", '{"id": "88", "counseling": "biweekly, grief group"}', "biweekly, grief group"),
    (TableColumnRecognizer, "HEALTH", "Grade: 4\nDisability / IEP: IEP - speech language impairment\n",
     "IEP - speech language impairment"),
    (TableColumnRecognizer, "HEALTH", VISIT_LOG, "pale, HR 112"),  # beside the complaint column
    (TableColumnRecognizer, "HEALTH", VISIT_LOG, "rest + water"),
    (TableColumnRecognizer, "EMAIL", "Name;E-Mail;Grade\nOdu, Ife;ife.odu@example.net;7\n", "ife.odu@example.net"),
    (TableColumnRecognizer, "HEALTH", PHYSICIAN_FORM, "Juvenile arthritis, polyarticular (M08.00)"),
    (TableColumnRecognizer, "HEALTH", PHYSICIAN_FORM, "Iron-deficiency anemia"),
    (TableColumnRecognizer, "HEALTH", PHYSICIAN_FORM, "naproxen 250 mg BID; ferrous sulfate daily"),
    (TableColumnRecognizer, "HEALTH", PHYSICIAN_FORM, "no contact sports"),
    (TableColumnRecognizer, "PERSON", CONTACT_CARD, "Oskar Vale-Lindqvist"),
    (TableColumnRecognizer, "DATE_OF_BIRTH", CONTACT_CARD, "20090412"),
    (TableColumnRecognizer, "ADDRESS", CONTACT_CARD, "18 Birch Row Apt 4;Tacoma;WA;98402"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "Nha fidju nase dia 3 di marsu 2011 na Praia.", "3 di marsu 2011"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "Certidão: nascida aos 9 de maio de 2012, em Mindelo", "9 de maio de 2012"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "ابنتي مولودة في ٣ يونيو ٢٠١٢ في صنعاء", "٣ يونيو ٢٠١٢"),
    (AgeRecognizer, "AGE", "Age at time of referral: twelve", "twelve"),
    (AgeRecognizer, "AGE", "Age (as of 9/1): 13   Grade: 8", "13"),
    (AgeRecognizer, "AGE", "CA: 9 yrs 2 mos    Examiner: staff", "9 yrs 2 mos"),
    (AgeRecognizer, "AGE", "Mom said Tomasz is fourteen -- and", "fourteen"),
    (AgeRecognizer, "AGE", "Mam trzynaście lat i chodzę", "trzynaście lat"),  # Polish
    (AgeRecognizer, "AGE", "Дочка? Ей 11 лет, она", "11 лет"),  # Russian
    (AgeRecognizer, "AGE", "Nws muaj 12 xyoo xwb", "12 xyoo"),  # Hmong
    (AgeRecognizer, "AGE", "ລູກສາວອາຍຸ 9 ປີ", "9 ປີ"),  # Lao
    (AgeRecognizer, "AGE", "সে মাত্র বারো বছরের মেয়ে", "বারো বছরের"),  # Bengali
    (AgeRecognizer, "AGE", "छोरा बाह्र वर्षको भयो", "बाह्र वर्षको"),  # Nepali
    (AgeRecognizer, "AGE", "بیٹا دس سال کا ہے", "دس سال"),  # Urdu
    (AgeRecognizer, "AGE", "Nha fidju ten 13 anu.", "13 anu"),  # Kriolu
    (AgeRecognizer, "AGE", "Teacher, my son has 11 years only.", "11 years"),  # a family's English
    (StudentIdRecognizer, "STUDENT_ID", "Local ID ......... 4410092     Grade ... 6", "4410092"),  # dot leaders
    (StudentIdRecognizer, "STUDENT_ID", "State SSID: KQ4410092T", "KQ4410092T"),  # a check letter
    (StudentIdRecognizer, "STUDENT_ID", "bus pass # .. ABC-STU-0041 (fall)", "ABC-STU-0041"),
    (GovIdRecognizer, "GOV_ID", "Passaporte n.º PT0193375 (válido)", "PT0193375"),
    (GovIdRecognizer, "GOV_ID", "Placa del carro: TX KLM-2203.", "TX KLM-2203"),
    (GovIdRecognizer, "GOV_ID", "Cédula de identidad: 0801-2009-11234", "0801-2009-11234"),
    (GovIdRecognizer, "GOV_ID", "su curp es LOPA090412MJCPRNA7 y", "LOPA090412MJCPRNA7"),  # CURP by its form
    (GovIdRecognizer, "GOV_ID", "Padre, DUI: 04417729-3", "04417729-3"),  # El Salvador's identity card
    (AddressRecognizer, "ADDRESS", "Home: 2208 Pulaski St, Upper, Toledo, OH 43611",
     "2208 Pulaski St, Upper, Toledo, OH 43611"),
    (AddressRecognizer, "ADDRESS", "Address: 77 Elk St (rear), Buffalo, NY 14210", "77 Elk St (rear), Buffalo, NY 14210"),
    (PersonPatternRecognizer, "PERSON", "3:40 | Avery T. / K-1 | bit a peer", "Avery T."),  # given name, initial
    (PersonPatternRecognizer, "PERSON", "the tall one, they call him Lil-Dre, ran", "Lil-Dre"),  # no quotes
    (PersonPatternRecognizer, "PERSON", "security says marco aka ghost was there", "ghost"),
    (PersonPatternRecognizer, "PERSON", 'Appeal -- Darnell Oyelowo, Jr. ("DJ")', "DJ"),  # after a suffix
]
NEGATIVE = [
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "新规定自2025年1月6日生效。"),  # takes effect: not born
    (AgeRecognizer, "AGE", "۳ سال در این شهر زندگی کرده‌اند"),  # three years in this city: a span of time
    (TableColumnRecognizer, "HEALTH", "Student\tMath\tHealth\nLund, Tova\t81\tB+\n"),  # a subject's grade
    (TableColumnRecognizer, "STUDENT_ID", CONTACT_CARD),  # the card's UID
    # a notice's rule for students at large; a heading line's title
    (TableColumnRecognizer, "HEALTH", "Medications: any student who needs one brings a signed form.\n"),
    (TableColumnRecognizer, "HEALTH", "SPECIAL EDUCATION: ANNUAL REVIEW MEETING NOTES\n"),
    (TableColumnRecognizer, "PERSON", "FN:Oskar Vale\nTEL:555 0134\n"),  # property lines, but no card
    (AgeRecognizer, "AGE", "Mieszkamy tu od 3 lat; жили там 5 лет; ३ वर्षदेखि यहाँ; تین سال سے یہاں"),  # spans of time
    # a threat assessment's table: no health column beside it
    (TableColumnRecognizer, "HEALTH", "Student | Date | Assessment | Intervention\nLind, Aksel | 2/3 | low | check-in\n"),
    (StudentIdRecognizer, "STUDENT_ID", "Case no. 221840375 filed"),
    (StudentIdRecognizer, "STUDENT_ID", "SASID: 0000000000"),
    (StudentIdRecognizer, "STUDENT_ID", "CAD # 2024012345 and incident 202401234567 closed"),
    (DateOfBirthRecognizer, "DATE_OF_BIRTH", "Date of incident: 03/11/2021     Period: 2"),
    (AgeRecognizer, "AGE", "Report in Room (12) at approx. 30 ft"),
    (GovIdRecognizer, "GOV_ID", "Raffle prize: a Visa gift card worth $50"),
    (GovIdRecognizer, "GOV_ID", "regarding the 04/02 fight"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "write to hsalgado@example.org today"),
    (AddressRecognizer, "ADDRESS", "Route 0417: Centre St at Perkins St: 7:02 AM"),
    (TableColumnRecognizer, "PERSON", "Teacher | Room | Period\nEze | 204 | 3\n"),  # a staff column
    (TableColumnRecognizer, "DATE_OF_BIRTH", "Reported on 3/2, 4/5, and 6/7 by staff\nDOB, age, grade\n"),
    (TableColumnRecognizer, "STUDENT_ID", "Name | DOB | SASID\nLund, Tova | 2/9/2010 | N/A\n"),  # a blank
    (TableColumnRecognizer, "DATE_OF_BIRTH", JSON_EXPORT),  # null is a blank
    (AgeRecognizer, "AGE", "He is 15 an hour late"),
    (AgeRecognizer, "AGE", "Rooms are 12. Grades are 10 and 11."),
    (AgeRecognizer, "AGE", "I am 15 minutes late; the bus will be 10 minutes"),
    (AgeRecognizer, "AGE", "The score is 12 and rising; Grades 9, 10, 11 meet today."),
    (PhonePatternRecognizer, "PHONE", "SASID 1023456789 and case 2024-0117"),
    (PhonePatternRecognizer, "PHONE", "Count: one two three four five six seven eight nine."),
    (PhonePatternRecognizer, "PHONE", "Call #: 2026-0031190 received; we will call 911 if needed."),
    (NameWordRecognizer, "PERSON", "Will Grace visit Paris? Hope so."),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "Note: see attached"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", YAML_EXPORT),  # an export's keys are no usernames
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "student.first=Oleg | student.last_name=Marek\n"),  # an export's keys
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "The user agreed to the terms."),
    # dotted and underscored tokens that are no usernames
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "Saved as notes_final.docx at 3 p.m. per Sec.504, e.g. the U.S. form"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "first_name,last_name,dob\nfrom St.Louis; gave 2.5mg; see www.district.org"),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", '{"exported_at": "2024-11-06", "parent_notified": false}'),
    (SocialHandleRecognizer, "SOCIAL_HANDLE", "record.type=INTAKE_FORM\nguardian1.phone=555-0100\nID;INCIDENT_DATE;GR"),
    (AddressRecognizer, "ADDRESS", "He claims Calle 18 and was seen near the Plaza 3 cinema."),  # no name, no street
    (AddressRecognizer, "ADDRESS", "| 4 | Stop 5 Calle Nueve / gas station | 6:40 |"),  # a bus stop's number
    (AgeRecognizer, "AGE", "Vive aquí desde hace dos años con su tía."),  # a span of time
    (AgeRecognizer, "AGE", "Clothing closet: shoes (women's 7, kids 13)."),  # a possessive, not "is"
    (AgeRecognizer, "AGE", "Met in Room (12, east wing) on 4/12/2024; the M/F ratio is even."),
    (AgeRecognizer, "AGE", "Witness: Yonas Kamau (gr. 11) saw it; so did Lea Vos (gr 9)."),  # the grade
    (AgeRecognizer, "AGE", "Il y a 2 ans, la famille est partie; depuis 3 ans ici."),  # spans of time
    (AgeRecognizer, "AGE", "Walikaa kwa miaka 3 kambini; منذ 3 سنوات"),
    (GovIdRecognizer, "GOV_ID", "Fall registration opens 8/14; the plate reads STAFF ONLY."),  # no plate
    (GovIdRecognizer, "GOV_ID", "Father's DUI 24-00317 is pending in county court."),  # a charge, not an ID
    (SchoolRecognizer, "SCHOOL", "Dr. Ana Ruiz MS called the office."),  # MS after a name is a credential
]


@pytest.mark.parametrize(("recognizer", "label", "text", "fragment"), ROWS)
def test_exact_span(recognizer: type, label: str, text: str, fragment: str) -> None:
    assert_exact(run(recognizer(), text), label, text, fragment)


@pytest.mark.parametrize(("recognizer", "label", "text"), NEGATIVE)
def test_no_span(recognizer: type, label: str, text: str) -> None:
    assert_none(run(recognizer(), text), label)


def test_a_note_under_an_aligned_table_is_no_row() -> None:
    """A line of prose right under a space-aligned table has one cell: it is not read as a name."""
    text = "LAST NAME   FIRST   DOB\nAbara       Chidi   1/2/2011\nsee the nurse note about this\n"
    names = [text[r.start:r.end] for r in run(TableColumnRecognizer(), text) if r.entity_type == "PERSON"]
    assert names == ["Abara", "Chidi"]


def test_a_trailer_line_under_a_ruled_table_is_no_row() -> None:
    found = [(r.entity_type, RULED_EXTRACT[r.start:r.end]) for r in run(TableColumnRecognizer(), RULED_EXTRACT)]
    assert [value for label, value in found if label == "ADDRESS"] == ["14 ELM ST APT 2", "7 ASH RD"]
    assert not any("=" in value for _, value in found)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Call her mother at (208) 555-0176 after six.", ["(208) 555-0176"]),
        ("Tío en Guatemala: +502 5555 1234", ["+502 5555 1234"]),
        ("WO-31-0417  02/11  Gym door closer replaced.", []),  # a work order and the next column's date
    ],
)
def test_presidio_phone_numbers_stay_in_one_cell(text: str, found: list[str]) -> None:
    results = PhoneNumberRecognizer().analyze(text, ["PHONE_NUMBER"])
    assert [text[r.start:r.end] for r in results] == found
