"""Student identifiers: every ID-shaped token on a cue's line, up to the next field label."""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from ..sentences import line_span
from .rule_set_recognizer import RuleSetRecognizer

# What may stand between a cue and its IDs: spaces, punctuation, "no.", and words that are not
# function words (the students' names in "Student ID numbers: Haddad 640021; Brennan 640388").
_FILLER = regex.compile(r"(?:[\s:#.,;()/\-]|no\.?|nos\.?|numbers?|is|are|was|and|(?!(?:" + "|".join(
    sorted(w for w in STOP_WORDS if w.isalpha() and w not in {"no", "and", "is", "are", "was"})
) + r")\b)[\p{L}'\-]{1,20})*", regex.IGNORECASE)
# A field label ends the cue's reach: "Grade:", "DOB", "Phone".
_FIELD = regex.compile(r"\b[A-Za-z][A-Za-z /]{0,20}:|\b(?:DOB|Grade|Gr|Age|Phone|Tel|Address|Homeroom|Period)\b")
_CUE_TAIL = regex.compile(r"[ \t]*(?:\([^)\n]{0,25}\)|[\p{L} ]{0,25})[ \t]*:")
_REACH = 70

class StudentIdRecognizer(RuleSetRecognizer):
    """SASIDs, local and district IDs, student numbers, lockers and passes, each after its cue."""

    RULES_FILE = "patterns/student_id.v7.yaml"

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        cue, token = self.rule("cue"), self.rule("id_token")
        # the rules that find their own value (a SASID anywhere on its line, a locker, a long number alone)
        own_value = (self.rule("sasid_bare"), self.rule("locker"), self.rule("unexplained_number"))
        results = [self.result(s, e, rule) for rule in own_value
                   for s, e in rule.spans(text) if not _is_placeholder(text[s:e])]
        for cue_start, cue_end in cue.spans(text):
            own_label = _CUE_TAIL.match(text, cue_end)  # "Bus pass issued:", "SASID (assigned today):"
            if own_label is not None:
                cue_end = own_label.end()
            _, line_end = line_span(text, cue_start)
            reach_end = min(line_end, cue_end + _REACH)
            field = _FIELD.search(text, cue_end, reach_end)
            if field is not None:
                reach_end = field.start()
            position = cue_end
            for start, end in token.spans(text[cue_end:reach_end]):
                start, end = start + cue_end, end + cue_end
                if _FILLER.fullmatch(text, position, start) is None:
                    break  # ordinary words between: the cue's list has ended
                if not _is_placeholder(text[start:end]):
                    results.append(self.result(start, end, token))
                position = end
        return results


def _is_placeholder(value: str) -> bool:
    digits = [c for c in value if c.isdigit()]
    return len(set(digits)) <= 1  # 0000000 is a blank form, not an ID
