"""Generate labeled documents for brightline's learned name detector (training data only).

    python training/generate.py --docs 4000 --seed 13 --out out/training/train.jsonl

Each document is one of the shapes a records office holds (narrative report, key: value form,
roster exported as CSV / pipes / fixed width, e-mail thread with headers and quoted replies, chat
transcript, interview transcript, court caption, dispatch log, a notice about no one), with names
drawn from Faker's Latin-script locales and training/names.yaml, in every form records use them:
full, "LAST, First", initials, given name alone, ALL CAPS, lower case, nickname in quotes, after a
title. Hard negatives stand beside them: headings and form labels made of common English words
(wordfreq's list, less given names), acronyms, schools, places, agencies, crews and platforms.
Documents are then upper-cased, lower-cased or given OCR noise at random. Every name of a
person is labeled PERSON, whoever the person is (telling officials from private people is the
job of detect/people.py), and titles stay outside the span. Output: JSON lines
{"text", "spans": [[start, end, "PERSON"]]}. Templates and names are this folder's data; nothing
comes from an evaluation corpus.
"""

from __future__ import annotations

import argparse
import json
import random
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from faker import Faker
from wordfreq import top_n_list

HERE = Path(__file__).resolve().parent
LOCALES = {
    "en_US": 6, "es_MX": 4, "es_CO": 1, "es_ES": 1, "es_AR": 1, "pt_BR": 2, "pt_PT": 1, "fr_FR": 1,
    "fr_CA": 1, "vi_VN": 2, "hu_HU": 1, "pl_PL": 1, "uk_UA": 0, "tr_TR": 1, "it_IT": 1, "de_DE": 1,
    "nl_NL": 1, "ga_IE": 1, "en_IN": 2, "sw": 1, "yo_NG": 1, "en_NG": 1, "zu_ZA": 1, "ro_RO": 1,
    "cs_CZ": 1, "hr_HR": 1, "lt_LT": 1, "az_AZ": 1, "id_ID": 1, "tw_GH": 1, "en_GB": 1,
}
EXTRA_WEIGHT = 8  # training/names.yaml's communities, as one pool
# same-length substitutions, so offsets survive the noise
OCR_SWAPS = {"l": "1", "I": "l", "O": "0", "o": "0", "e": "c", "S": "5", "B": "8", "i": "l", "a": "o", "n": "h"}


@dataclass
class Person:
    given: str
    surname: str
    middle: str = ""
    nick: str = ""


@dataclass
class Builder:
    """A document under construction: text and its PERSON spans."""

    parts: list[str] = field(default_factory=list)
    spans: list[list] = field(default_factory=list)
    length: int = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def name(self, text: str) -> None:
        if text:
            self.spans.append([self.length, self.length + len(text), "PERSON"])
        self.add(text)

    def doc(self) -> dict:
        return {"text": "".join(self.parts), "spans": self.spans}


class Generator:
    """Random documents from the templates, reproducible from a seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.templates = yaml.safe_load((HERE / "templates.yaml").read_text(encoding="utf-8"))
        extra = yaml.safe_load((HERE / "names.yaml").read_text(encoding="utf-8"))
        self.extra = [(extra["given"][k], extra["surnames"][k]) for k in extra["given"]]
        self.fakers: dict[str, Faker] = {}
        for locale in LOCALES:
            faker = Faker(locale)
            faker.seed_instance(seed)
            self.fakers[locale] = faker
        self.places = Faker("en_US")
        self.places.seed_instance(seed + 1)
        given = {f.first_name().lower() for f in self.fakers.values() for _ in range(300)}
        given |= {n.lower() for names in extra["given"].values() for n in names}
        self.common = [w for w in top_n_list("en", 5000) if w.isalpha() and len(w) > 2 and w not in given]

    # -- people ------------------------------------------------------------------------------
    def person(self) -> Person:
        rng = self.rng
        weights = [*LOCALES.values(), EXTRA_WEIGHT]
        choice = rng.choices([*LOCALES, "extra"], weights)[0]
        if choice == "extra":
            given, surnames = rng.choice(self.extra)
            g, s, m = rng.choice(given), rng.choice(surnames), ""
            if rng.random() < 0.2:
                m = rng.choice(given)
        else:
            faker = self.fakers[choice]
            g, s = faker.first_name(), faker.last_name()
            m = faker.first_name() if rng.random() < 0.25 else ""
            if choice.startswith("es") and rng.random() < 0.5:
                s = f"{s} {faker.last_name()}"
        if rng.random() < 0.08:
            s = f"{s}-{self.fakers['en_US'].last_name()}"
        nick = rng.choice([g[:3], g[:4] + "y", s[:4], "Lil " + g[:4], g.split("-")[0][:2].upper()]) if g else ""
        return Person(g.strip(), s.strip(), m.strip(), nick)

    def mention(self, b: Builder, p: Person, form: str | None = None, title: str = "") -> None:
        rng = self.rng
        form = form or rng.choices(
            ["full", "full_middle", "last_first", "caps_last_first", "given", "initials", "upper", "title_surname",
             "surname"],
            [30, 6, 6, 5, 16, 5, 4, 6, 4])[0]
        if title:
            b.add(title + " ")
        if form == "full":
            b.name(f"{p.given} {p.surname}")
        elif form == "full_middle":
            b.name(f"{p.given} {p.middle or p.given[:1] + '.'} {p.surname}")
        elif form == "last_first":
            b.name(f"{p.surname}, {p.given}")
        elif form == "caps_last_first":
            b.name(f"{p.surname.upper()}, {p.given}" + (f" {p.middle[:1]}." if p.middle else ""))
        elif form == "given":
            b.name(p.given)
        elif form == "initials":
            letters = [p.given[:1], *([p.middle[:1]] if p.middle else []), p.surname[:1]]
            b.name("".join(letters) if rng.random() < 0.2 else "".join(x + "." for x in letters))
        elif form == "upper":
            b.name(f"{p.given} {p.surname}".upper())
        elif form == "lower":
            b.name((p.given if rng.random() < 0.5 else f"{p.given} {p.surname}").lower())
        elif form == "title_surname":
            b.add(rng.choice(["Mr.", "Ms.", "Mrs.", "Mr", "Ms", "Miss", "Sr.", "Sra."]) + " ")
            b.name(p.surname)
        else:
            b.name(p.surname)

    # -- fillers -----------------------------------------------------------------------------
    def filler(self, key: str) -> str:
        rng, f = self.rng, self.places
        fillers = self.templates["fillers"]
        if key in fillers:
            return rng.choice(fillers[key])
        makers: dict[str, Callable[[], str]] = {
            "heading": self.heading,
            "heading_lower": lambda: " ".join(rng.sample(self.common, rng.randint(1, 4))),
            "acronym": lambda: "".join(rng.choice(string.ascii_uppercase) for _ in range(rng.randint(2, 5))),
            "agency": lambda: rng.choice([
                f"{f.city()} Police Department", f"{f.city()} County Sheriff's Office", f"{f.city()} Behavioral Health",
                f"{f.last_name()} Crisis Center", f"{f.city()} Juvenile Court", f"{f.state()} Department of Education",
                *fillers["agency"]]),
            "school2": lambda: f"{f.city()} {rng.choice(['HS', 'MS', 'ES', 'High', 'Middle', 'Elementary', 'Academy'])}",
            "crew": lambda: f"{rng.choice(['North', 'West', 'South', 'East', f.street_name().split()[0]])} "
                            f"{rng.choice(fillers['crew'])}",
            "school": lambda: f"{f.last_name()} {rng.choice(['Middle School', 'High School', 'Elementary', 'Academy'])}",
            "street": lambda: f.street_name(),
            "address": lambda: f"{f.building_number()} {f.street_name()}",
            "city": lambda: f.city(),
            "date": lambda: f.date(pattern=rng.choice(["%m/%d/%Y", "%B %d, %Y", "%Y-%m-%d", "%m/%d/%y"])),
            "date_es": lambda: f"{rng.randint(1, 28)} de {rng.choice(['enero', 'marzo', 'agosto', 'octubre'])}"
                               f" de 20{rng.randint(8, 14):02d}",
            "time": lambda: (f"{rng.randint(7, 15)}:{rng.randint(0, 59):02d}"
                             f" {rng.choice(['a.m.', 'p.m.', 'AM', 'PM', ''])}").strip(),
            "phone": lambda: f.numerify(rng.choice(["(###) ###-####", "###-###-####", "###.###.####"])),
            "age": lambda: rng.choice([f"{rng.randint(11, 18)}", f"age {rng.randint(11, 18)}"]),
            "age_num": lambda: str(rng.randint(11, 18)),
            "room": lambda: str(rng.randint(100, 350)),
            "number": lambda: str(rng.randint(2, 40)),
            "team2": lambda: f"{f.city()} {rng.choice(fillers['team'])}",
            "food2": lambda: rng.choice(fillers["food"]),
            "staff2": lambda: "",  # replaced in fill()
        }
        return makers[key]()

    def heading(self) -> str:
        words = " ".join(self.rng.sample(self.common, self.rng.randint(1, 3)))
        return words.upper() if self.rng.random() < 0.4 else words.title()

    def headings(self, b: Builder) -> None:
        """A few heading or form-label lines, as reports and exports open with."""
        for _ in range(self.rng.randint(1, 3)):
            line = self.heading()
            b.add(line + self.rng.choice(["\n", ":\n", ": " + self.heading() + "\n", "\n\n"]))

    def fill(self, b: Builder, template: str, cast: dict[str, Person]) -> None:
        """Render one template into b: people slots labeled, the rest plain."""
        rest = template
        while "{" in rest:
            head, _, tail = rest.partition("{")
            key, _, rest = tail.partition("}")
            b.add(head)
            base = key.removesuffix("_lower").removesuffix("_given").removesuffix("_surname")
            if key == "parent_surname":
                b.name(cast["parent"].surname)
            elif base in cast and key.endswith("_given_lower"):
                b.name(cast[key.split("_")[0]].given.lower())
            elif base in cast and key.endswith("_lower"):
                self.mention(b, cast[base], "lower")
            elif base in cast and key.endswith("_given"):
                b.name(cast[base].given)
            elif key in ("staff", "staff2"):
                self.mention(b, cast[key], self.rng.choice(["title_surname", "full", "surname"]),
                             title=self.rng.choice(self.templates["fillers"]["titles"]))
            elif key == "nick":
                b.name(cast["kid2"].nick)
            elif key in cast:
                self.mention(b, cast[key])
            else:
                b.add(self.filler(key))
        b.add(rest)

    # -- documents ---------------------------------------------------------------------------
    def cast(self) -> dict[str, Person]:
        people = {k: self.person() for k in ("kid", "kid2", "kid3", "parent", "staff", "staff2", "witness")}
        if self.rng.random() < 0.6:
            people["parent"].surname = people["kid"].surname
        return people

    def narrative(self) -> dict:
        b, cast, rng = Builder(), self.cast(), self.rng
        pool = self.templates["narrative"] + self.templates["plain"][:3]
        if rng.random() < 0.2:
            pool = pool + self.templates["multilingual"] * 2
        b.add(rng.choice(["INCIDENT REPORT\n\n", "Narrative:\n", "Summary of incident\n", "", "Supplemental Report\n"]))
        for _ in range(rng.randint(3, 10)):
            self.fill(b, rng.choice(pool), cast)
            b.add(rng.choice([" ", " ", "\n", "\n\n"]))
        return b.doc()

    def form(self) -> dict:
        b, cast, rng = Builder(), self.cast(), self.rng
        fields = self.templates["fields"]
        b.add(rng.choice(["STUDENT REFERRAL FORM\n", "Intake\n", "DISCIPLINE REFERRAL\n", "Enrollment - Newcomer\n", ""]))
        sep = rng.choice([": ", ":  ", ":\t", " - "])
        for role, key in (("kid", "student"), ("parent", "parent"), ("staff", "staff"), ("other", "other"),
                          ("kid2", "student"), ("other", "other")):
            b.add(rng.choice(fields[key]) + sep)
            if role == "other":
                b.add(self.filler(rng.choice(["date", "phone", "address", "school", "number"])))
            elif role == "staff":
                self.mention(b, cast[role], rng.choice(["full", "title_surname", "last_first"]))
            else:
                self.mention(b, cast[role], rng.choice(["full", "last_first", "caps_last_first", "upper", "full_middle"]))
            b.add("\n")
        b.add("\nNarrative: ")
        self.fill(b, rng.choice(self.templates["narrative"]), cast)
        return b.doc()

    def roster(self) -> dict:
        b, rng, f = Builder(), self.rng, self.places
        style = rng.choice(["csv", "pipe", "tab", "fixed"])
        split = rng.random() < 0.4  # Last / First in two columns
        heads = (["Last Name", "First Name"] if split else [rng.choice(["Name", "Student", "Student Name", "NAME"])])
        heads += rng.sample(["DOB", "Grade", "Student ID", "SASID", "Country", "Home Language", "Guardian", "Phone"], 3)
        b.add(rng.choice(["Per your request, the list:\n\n", "Roster export\n", "", "Attached below:\n\n"]))
        sep = {"csv": ",", "pipe": " | ", "tab": "\t", "fixed": "  "}[style]
        width = 22

        def cell(text: str, last: bool) -> str:
            return text if style != "fixed" or last else text.ljust(width)

        b.add(sep.join(cell(h, i == len(heads) - 1) for i, h in enumerate(heads)) + "\n")
        for _ in range(rng.randint(2, 9)):
            p = self.person()
            for i, head in enumerate(heads):
                last = i == len(heads) - 1
                if head == "Last Name":
                    value, named = p.surname, True
                elif head == "First Name":
                    value, named = p.given, True
                elif head in ("Name", "Student", "Student Name", "NAME"):
                    value, named = rng.choice([f"{p.surname}, {p.given}", f"{p.given} {p.surname}",
                                               f"{p.surname.upper()}, {p.given.upper()}"]), True
                elif head == "Guardian":
                    value, named = f"{self.person().given} {p.surname}", True
                else:
                    value, named = {
                        "DOB": f.date(pattern=rng.choice(["%m/%d/%Y", "%Y-%m-%d", "%m%d%y"])),
                        "Grade": str(rng.randint(6, 12)), "Student ID": f.numerify("#######"),
                        "SASID": f.numerify("##########"), "Country": f.country(),
                        "Home Language": rng.choice(["Spanish", "Somali", "Vietnamese", "Haitian Creole", "Portuguese"]),
                        "Phone": f.numerify("###-###-####"),
                    }[head], False
                if style == "csv" and "," in value:
                    b.add('"')
                    b.name(value)
                    b.add('"')
                elif named:
                    b.name(value)
                else:
                    b.add(value)
                if style == "fixed" and not last:
                    b.add(" " * max(1, width - len(value) - (2 if style == "csv" and "," in value else 0)))
                if not last:
                    b.add(sep if style != "fixed" else "")
            b.add("\n")
        return b.doc()

    def email(self) -> dict:
        b, cast, rng = Builder(), self.cast(), self.rng
        sender, to = cast["staff"], cast[rng.choice(["parent", "staff2"])]
        domain = rng.choice(["gmail.com", "yahoo.com", "district.k12.us", "schools.org", "hotmail.com"])
        b.add("From: ")
        self.mention(b, sender, "full")
        b.add(f" <{sender.given[:1].lower()}{sender.surname.split()[0].lower()}@{domain}>\nTo: ")
        self.mention(b, to, rng.choice(["full", "last_first"]))
        b.add(f"\nSent: {self.filler('date')} {self.filler('time')}\nSubject: {rng.choice(['RE: ', 'FW: ', ''])}")
        b.add(rng.choice(["incident today", "Follow up", "student records request", "your son"]) + "\n\n")
        b.add(rng.choice(["Hi ", "Good afternoon ", "Dear Ms. ", "Hello "]))
        self.mention(b, to, "given")
        b.add(",\n\n")
        for _ in range(rng.randint(2, 5)):
            self.fill(b, rng.choice(self.templates["narrative"]), cast)
            b.add(" ")
        b.add("\n\nThanks,\n")
        self.mention(b, sender, rng.choice(["full", "given"]))
        b.add("\n" + rng.choice(["Assistant Principal", "School Resource Officer", "Counselor", "Registrar"]) + "\n")
        if rng.random() < 0.6:
            b.add(f"\nOn {self.filler('date')}, ")
            self.mention(b, to, "full")
            b.add(" wrote:\n> ")
            self.fill(b, rng.choice(self.templates["narrative"]), cast)
            b.add("\n> ")
            self.fill(b, rng.choice(self.templates["narrative"]), cast)
            b.add("\n")
        return b.doc()

    def chat(self) -> dict:
        b, cast, rng = Builder(), self.cast(), self.rng
        speakers = [cast["kid"], cast["kid2"], cast["kid3"]]
        b.add(rng.choice(["Group chat (screenshot transcribed)\n", "Text messages\n", ""]))
        for _ in range(rng.randint(5, 14)):
            who = rng.choice(speakers)
            if rng.random() < 0.5:
                b.add(f"[{rng.randint(1, 12)}:{rng.randint(0, 59):02d} {rng.choice(['PM', 'AM'])}] ")
            b.name(rng.choice([who.given.lower(), who.given, f"{who.given} {who.surname[:1]}.", who.nick.lower()]))
            b.add(": ")
            self.fill(b, rng.choice(self.templates["chat_lines"]), cast)
            b.add("\n")
        return b.doc()

    def transcript(self) -> dict:
        b, cast, rng = Builder(), self.cast(), self.rng
        b.add("Body-worn camera transcript\n\n" if rng.random() < 0.5 else "Interview\n")
        for _ in range(rng.randint(5, 12)):
            self.fill(b, rng.choice(self.templates["transcript"]), cast)
            b.add("\n")
        return b.doc()

    def court(self) -> dict:
        b, cast, rng = Builder(), self.cast(), self.rng
        b.add(rng.choice(["IN THE MATTER OF ", "In re ", "IN RE THE INTEREST OF "]))
        self.mention(b, cast["kid"], "initials")
        b.add(", a minor\n\n")
        if rng.random() < 0.5:
            self.mention(b, cast["parent"], "upper")
            b.add(", Petitioner,\nv.\n" + self.filler("city").upper() + " SCHOOL DISTRICT, Respondent.\n\n")
        b.add("DECISION\n\n")
        for _ in range(rng.randint(3, 7)):
            sentence = rng.choice([
                "The Student, {k}, is {a} years old and attends {s}. ",
                "{k}'s parent, {p}, appeared with counsel. ",
                "Testimony was heard from {w} and from the Student's mother. ",
                "{k} was previously suspended for an incident involving {k2}. ",
                "The hearing officer credits the testimony of {p}. ",
            ])
            for piece in sentence.replace("}", "{").split("{"):
                if piece in ("k", "k2"):
                    self.mention(b, cast["kid" if piece == "k" else "kid2"], "initials")
                elif piece in ("p", "w"):
                    self.mention(b, cast["parent" if piece == "p" else "witness"], rng.choice(["full", "title_surname"]))
                elif piece == "a":
                    b.add(self.filler("age_num"))
                elif piece == "s":
                    b.add(self.filler("school"))
                else:
                    b.add(piece)
        return b.doc()

    def dispatch(self) -> dict:
        b, cast, rng = Builder(), self.cast(), self.rng
        for _ in range(rng.randint(3, 8)):
            b.add(f"{rng.randint(0, 23):02d}{rng.randint(0, 59):02d} ")
            kind = rng.random()
            if kind < 0.4:
                b.add(rng.choice(["RP ", "CALLER ", "COMP "]))
                self.mention(b, cast["parent"], rng.choice(["upper", "caps_last_first", "full"]))
                b.add(rng.choice([" ADV JUV ", " STATES ", " RPTS SON "]))
                self.mention(b, cast["kid"], rng.choice(["upper", "initials", "caps_last_first"]))
                b.add(f" {rng.randint(11, 18)} YOA " + rng.choice(["LEFT HOME", "NOT RETURNED", "IN FIGHT", "W/M", "H/F"]))
            elif kind < 0.7:
                b.add(rng.choice(["UNIT 4 ON SCENE", "ADVISED", "CLEARED", "SRO NOTIFIED", "NO REPORT"]))
            else:
                b.add("SUBJ ")
                self.mention(b, cast["kid2"], rng.choice(["upper", "caps_last_first"]))
                b.add(" " + self.filler("address").upper())
            b.add("\n")
        return b.doc()

    def notice(self) -> dict:
        b, cast, rng = Builder(), self.cast(), self.rng
        b.add(rng.choice(["NOTICE\n", "District Newsletter\n", "Memo\n", ""]))
        for _ in range(rng.randint(3, 7)):
            self.fill(b, rng.choice(self.templates["plain"]), cast)
            b.add(" ")
        if rng.random() < 0.5:
            b.add("\n\nQuestions: ")
            self.mention(b, cast["staff"], "full")
            b.add(f", {rng.choice(['Director', 'Principal', 'Board Chair'])}, {self.filler('phone')}\n")
        return b.doc()

    def document(self) -> dict:
        kinds = [self.narrative, self.form, self.roster, self.email, self.chat, self.transcript, self.court,
                 self.dispatch, self.notice]
        kind = self.rng.choices(kinds, [30, 12, 10, 12, 10, 7, 6, 6, 10])[0]
        if self.rng.random() < 0.5:
            opening = Builder()
            self.headings(opening)
            doc = kind()
            shift = opening.length
            doc = {"text": "".join(opening.parts) + doc["text"],
                   "spans": [[s + shift, e + shift, label] for s, e, label in doc["spans"]]}
        else:
            doc = kind()
        return self.augment(doc)

    def augment(self, doc: dict) -> dict:
        rng, text = self.rng, doc["text"]
        roll = rng.random()
        if roll < 0.1:
            text = text.upper()
        elif roll < 0.15:
            text = text.lower()
        if rng.random() < 0.1:
            text = "".join(OCR_SWAPS[c] if c in OCR_SWAPS and rng.random() < 0.04 else c for c in text)
        spans = doc["spans"]
        if rng.random() < 0.05:  # lines broken mid-word, as OCR and narrow columns do
            pieces, moved, shift = [], [], 0
            for c in text:
                moved.append(shift)
                pieces.append(c)
                if c in string.ascii_lowercase and rng.random() < 0.002:
                    pieces.append("-\n")
                    shift += 2
            moved.append(shift)
            text = "".join(pieces)
            spans = [[s + moved[s], e + moved[e - 1], label] for s, e, label in spans]
        return {"text": text, "spans": spans}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    generator = Generator(args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        for _ in range(args.docs):
            out.write(json.dumps(generator.document(), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
