"""Who asks for a document and on what legal basis: the release context every score and decision reads."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Recipient(StrEnum):
    """Who would receive the document."""

    SCHOOL_POLICE = "school-police"
    POLICE = "police"
    GANG_UNIT = "gang-unit"  # also a regional intelligence (fusion) center
    IMMIGRATION = "immigration"
    COURT = "court"
    PARENT_OR_ELIGIBLE_STUDENT = "parent-or-eligible-student"
    PUBLIC_RECORDS = "public-records"
    RESEARCHER = "researcher"


# Names an office may use for a recipient on the command line.
RECIPIENT_ALIASES: dict[str, Recipient] = {"intelligence-center": Recipient.GANG_UNIT}


class Basis(StrEnum):
    """The legal basis the request rests on."""

    NONE = "none"
    JUDICIAL_SUBPOENA = "judicial-subpoena"
    COURT_ORDER = "court-order"
    ADMINISTRATIVE_SUBPOENA_OR_WARRANT = "administrative-subpoena-or-warrant"
    HEALTH_SAFETY_EMERGENCY = "health-safety-emergency"
    WRITTEN_CONSENT = "written-consent"


@dataclass(frozen=True)
class RequestContext:
    """A release context; the default is the one LABELS.md levels are given for."""

    recipient: Recipient = Recipient.POLICE
    basis: Basis = Basis.NONE


DEFAULT_CONTEXT = RequestContext()


def parse_recipient(name: str) -> Recipient:
    """A recipient from its name or alias (ValueError if unknown)."""
    return RECIPIENT_ALIASES.get(name) or Recipient(name)
