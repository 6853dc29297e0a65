"""Gang language: labels, associations, symbols, names, units and databases."""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from .rule_set_recognizer import RuleSetRecognizer

_CREW_RULE = "crew_name"


class GangRecognizer(RuleSetRecognizer):
    """Gang language, and the initials of any crew the document names ("EPB" for a crew so named)."""

    RULES_FILE = "terms/gang.v8.yaml"

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts)
        crew_rule = self.rule(_CREW_RULE)
        initials = set()
        for result in results:
            if result.recognition_metadata.get("rule", "").endswith(_CREW_RULE):
                words = regex.findall(r"[\p{Lu}][\p{L}'$-]*", text[result.start:result.end])
                if len(words) >= 2:
                    initials.add("".join(word[0] for word in words))
        for acronym in initials:
            for match in regex.finditer(rf"(?<![\w.@/]){acronym}(?![\w@])", text):
                results.append(self.result(match.start(), match.end(), crew_rule))
        return results
