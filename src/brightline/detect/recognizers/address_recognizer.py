"""Street addresses and PO boxes: US ones confirmed by usaddress's parser, and addresses abroad by shape."""

from __future__ import annotations

import usaddress

from ..vocab import CompiledRule
from .rule_set_recognizer import RuleSetRecognizer

_STREET_PARTS = {"AddressNumber", "StreetName"}
# shapes usaddress does not parse: streets abroad, Puerto Rico's urbanización and block-lot numbers,
# military mail, and an address opening with its lot or building (its city, state and ZIP confirm it)
_NOT_PARSED = {"street_kind_first", "compound_street", "puerto_rico", "military_mail", "unit_first"}


class AddressRecognizer(RuleSetRecognizer):
    """Number + street + suffix with units, floors and city/state/ZIP; PO boxes."""

    RULES_FILE = "patterns/address.v8.yaml"

    def accept(self, text: str, start: int, end: int, rule: CompiledRule) -> bool:
        if rule.id in _NOT_PARSED:
            return True
        candidate = text[start:end]
        try:
            tagged, kind = usaddress.tag(candidate)
        except usaddress.RepeatedLabelError:
            return True  # the regex shape is strong; a parser disagreement is not a reason to leak
        if kind == "PO Box":
            return True
        return set(tagged) >= _STREET_PARTS
