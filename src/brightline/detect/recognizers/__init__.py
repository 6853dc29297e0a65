"""brightline's recognizers, registered explicitly."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from .address_recognizer import AddressRecognizer
from .age_recognizer import AgeRecognizer
from .date_of_birth_recognizer import DateOfBirthRecognizer
from .email_address_recognizer import EmailAddressRecognizer
from .email_pattern_recognizer import EmailPatternRecognizer
from .gang_recognizer import GangRecognizer
from .gov_id_recognizer import GovIdRecognizer
from .health_recognizer import HealthRecognizer
from .immigration_recognizer import ImmigrationRecognizer
from .learned_name_recognizer import LearnedNameRecognizer
from .name_word_recognizer import NameWordRecognizer
from .person_pattern_recognizer import PersonPatternRecognizer
from .phone_number_recognizer import PhoneNumberRecognizer
from .phone_pattern_recognizer import PhonePatternRecognizer
from .rule_set_recognizer import RuleSetRecognizer
from .school_recognizer import SchoolRecognizer
from .social_handle_recognizer import SocialHandleRecognizer
from .social_media_recognizer import SocialMediaRecognizer
from .ssn_recognizer import SsnRecognizer
from .student_id_recognizer import StudentIdRecognizer
from .table_column_recognizer import TableColumnRecognizer

__all__ = [
    "AddressRecognizer", "AgeRecognizer", "DateOfBirthRecognizer", "EmailAddressRecognizer", "GangRecognizer",
    "GovIdRecognizer", "HealthRecognizer", "ImmigrationRecognizer", "LearnedNameRecognizer", "NameWordRecognizer",
    "EmailPatternRecognizer", "PersonPatternRecognizer", "PhoneNumberRecognizer", "PhonePatternRecognizer",
    "SchoolRecognizer", "SocialHandleRecognizer", "SocialMediaRecognizer", "SsnRecognizer", "StudentIdRecognizer",
    "TableColumnRecognizer", "BRIGHTLINE_RECOGNIZERS", "build_recognizers",
]

BRIGHTLINE_RECOGNIZERS: tuple[type[EntityRecognizer], ...] = (
    PersonPatternRecognizer, LearnedNameRecognizer, NameWordRecognizer, TableColumnRecognizer,
    DateOfBirthRecognizer, AgeRecognizer, StudentIdRecognizer, SsnRecognizer, PhonePatternRecognizer,
    AddressRecognizer, SocialHandleRecognizer, EmailPatternRecognizer, GovIdRecognizer, HealthRecognizer,
    GangRecognizer, SocialMediaRecognizer, ImmigrationRecognizer, SchoolRecognizer,
)


def build_recognizers(profile: str | None = None) -> list[EntityRecognizer]:
    """Presidio's NER, e-mail and phone recognizers, and every recognizer of brightline's own.

    The rule-set recognizers take the profile (models/profiles) a district turned on, if any.
    """
    presidio: list[EntityRecognizer] = [
        SpacyRecognizer(supported_entities=["PERSON"]),
        EmailAddressRecognizer(),
        PhoneNumberRecognizer(),
    ]
    return presidio + [
        recognizer(profile) if issubclass(recognizer, RuleSetRecognizer) else recognizer()
        for recognizer in BRIGHTLINE_RECOGNIZERS
    ]
