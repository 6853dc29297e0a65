import pytest

from brightline.detect.recognizers import HealthRecognizer
from tests.assertions import assert_exact, assert_none
from tests.detect.recognizers.run import run

recognizer = HealthRecognizer()

POSITIVE = [
    ("Student has an IEP for reading.", "has an IEP"),
    ("Su hijo fue diagnosticado con asma el año pasado.", "diagnosticado con asma"),  # family languages
    ("Pitit la gen kriz epilepsi depi li te piti.", "gen kriz epilepsi"),
    ("Em có tiền sử động kinh.", "động kinh"),
    ("She is on a 504 plan.", "is on a 504 plan"),
    ("He was diagnosed with ADHD last year.", "was diagnosed with ADHD"),
    ("She is roughly twelve weeks pregnant.", "is roughly twelve weeks pregnant"),
    ("He missed his Concerta this morning.", "missed his Concerta"),
    ("She was prescribed fluoxetine by her doctor.", "was prescribed fluoxetine"),
    ("He reported active suicidal thoughts.", "active suicidal thoughts"),
    ("Pills identified as lorazepam 2 mg.", "lorazepam 2 mg"),
    ("She was hospitalized for ten days in March.", "hospitalized for ten days in March"),
    ("He started propranolol last week.", "started propranolol"),  # a medicine no list names, by its stem
    ("Takes famotidine at night.", "Takes famotidine"),
    # care by kind: settings, admissions, therapies by acronym, plans, clinical ranges, tuberculosis
    ("History: an inpatient admission in 2023.", "inpatient admission"),
    ("Dad called at noon: admitted to the pediatric psychiatric unit.", "admitted to the pediatric psychiatric unit"),
    ("Sent to the ER; psych eval pending.", "psych eval"),
    ("Started TF-CBT with the clinic counselor.", "TF-CBT"),
    ("Diabetes care plan is on file with the nurse.", "Diabetes care plan"),
    ("Parent rating scale: scores within the at-risk range for withdrawal.",
     "scores within the at-risk range for withdrawal"),
    ("Screening found tuberculosis infection last fall.", "tuberculosis infection"),
    # the statement around a detail, and details named by no list
    ("Mom says she is pregnant, about 18 weeks, and tired.", "is pregnant, about 18 weeks"),
    ("Now pregnant, due around June 3 per the clinic.", "pregnant, due around June 3"),
    ("In May he was put on fluoxetine.", "was put on fluoxetine"),
    ("The pediatrician diagnosed him with anxiety.", "diagnosed him with anxiety"),
    ("Aunt says he keeps skipping his meds on weekends.", "skipping his meds"),
    ("She wasn't on her seizure medication that week.", "wasn't on her seizure medication"),
    ("He can't sleep at night since the move.", "can't sleep"),
    ("CGM low alarm at 10:05; nurse gave glucose tabs.", "glucose tabs"),
    ("honestly i dont want to wake up any more lol", "i dont want to wake up any more"),
    ("Screen notes passive suicidal ideation with no plan.", "passive suicidal ideation"),
    ("She had a pain crisis during PE.", "had a pain crisis"),
    ("Evaluation notes selective mutism at school.", "selective mutism"),
    ("He received counseling for grief last year.", "received counseling for grief"),
    ("so it says in his i e p he gets a break", "i e p"),
    ("she said he was diagnosed with a d h d last year", "was diagnosed with a d h d"),
    ("Nurse: positive for strep on Monday.", "positive for strep"),
    ("He failed the vision screening in October.", "failed the vision screening"),
    ("She was treated for a concussion in 2022.", "was treated for a concussion in 2022"),
    ("En marzo le diagnosticaron diabetes de tipo 1.", "le diagnosticaron diabetes de tipo 1"),
    ("Nurse log: a third seizure this week, in the gym.", "a third seizure this week"),
    ("He came back from the weekend with a fractured wrist.", "with a fractured wrist"),
    ("Counselor saw fresh scratches on his arm today.", "fresh scratches on his arm"),
    ("Reading: high blood sugar (310) before lunch.", "high blood sugar (310)"),
    ("Gave 2 units of insulin at 11:40.", "2 units of insulin"),
    ("Clinic letter: behind on HPV and polio.", "behind on HPV and polio"),
    ("She cannot see well out of her left eye.", "cannot see well out of her left eye"),
    ("Told the counselor he thinks about not being alive.", "thinks about not being alive"),
    ("Parent says he has a diabetes check-up Friday.", "has a diabetes check-up"),
    ("Rescue med: Valtoco (diazepam) 10 mg nasal spray", "Valtoco (diazepam) 10 mg nasal spray"),  # brand (generic)
    ("Takes guanfacine (Intuniv) at night.", "Takes guanfacine (Intuniv)"),
    ("SECTION 504 SERVICE PLAN - reviewed", "SECTION 504 SERVICE PLAN"),
    ("Copy of the asthma medical management plan attached.", "asthma medical management plan"),
    ("Screening: moderate hearing loss, right ear.", "moderate hearing loss, right ear"),
    ("Clinic: latent TB, no symptoms.", "latent TB"),
    ("Mom says he has bad belly pain each night.", "has bad belly pain each night"),
    ("She does not sleep at night since the move.", "does not sleep at night"),
    ("Dx: bipolar II disorder, recurrent, mild.", "bipolar II disorder, recurrent, mild"),  # specifiers
    # an evaluation's results: a battery's line of scores, a composite, an index named in words
    ("  KTEA-3:  Letter & Word Recognition 79, Spelling 81\n", "Letter & Word Recognition 79, Spelling 81"),
    ("Prior testing: WISC-V FSIQ 88; see file.", "WISC-V FSIQ 88"),
    ("   Expressive Vocabulary Index 72 (3rd percentile)", "Expressive Vocabulary Index 72 (3rd percentile)"),
    # health in more of the families' languages
    ("Wiilku wuxuu qabaa neef.", "neef"),  # Somali: asthma
    ("У дочери эпилепсия с детства.", "эпилепсия"),  # Russian
    ("Syn ma cukrzycę typu 1.", "cukrzycę"),  # Polish
    ("छोरालाई मधुमेह छ।", "मधुमेह"),  # Nepali
    ("ওর হাঁপানি আছে।", "হাঁপানি"),  # Bengali
]
NEGATIVE = [
    "The health unit covers headaches and sleep hygiene.",  # a lesson, nobody's complaint
    "The bus stopped in front of room 504.",
    "Lunch will be served at 11:50.",
    "We met in April near the parrot cage.",  # words that only look like a stem's ending
    "The student completed 3 units of algebra.",  # credits, not a dose
    "Please call the 504 coordinator.",  # a post
    "Staff will review the building emergency plan and the day program schedule.",
    "The team treated for pizza after the game; the offer is due in May.",  # no condition, no pregnancy
    "Officers logged the seizure of the phone and two vapes.",  # property seized
    "Hearing moved to FRI 01/14 at 9:00; Total Score 12 on the team quiz.",  # a day, a game's score
]


@pytest.mark.parametrize(("text", "fragment"), POSITIVE)
def test_finds_health_details(text: str, fragment: str) -> None:
    assert_exact(run(recognizer, text), "HEALTH", text, fragment)


@pytest.mark.parametrize("text", NEGATIVE)
def test_ignores_ordinary_words(text: str) -> None:
    assert_none(run(recognizer, text), "HEALTH")
