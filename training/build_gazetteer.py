"""Build models/people/{given_names,surnames}.v1.txt: names of many cultures, for telling names from words.

    python training/build_gazetteer.py

Latin-script names come from Faker's locales (its first-name lists, read whole) and the romanised
names of training/names.yaml; lower-cased, accents kept, one per line, sorted. Rebuilt by
`make model`; committed so that installing needs nothing but the repository.
"""

from __future__ import annotations

import sys
from pathlib import Path

import regex
import yaml
from faker import Faker

HERE = Path(__file__).resolve().parent
PEOPLE = HERE.parent / "models" / "people"
_LATIN_NAME = r"\p{Latin}[\p{Latin}\p{M}'’]*(?:-[\p{Latin}\p{M}'’]+)*"
sys.path.insert(0, str(HERE))
from generate import LOCALES  # noqa: E402


def provider_names(locale: str, kinds: tuple[str, ...]) -> set[str]:
    """Every name of these kinds a Faker locale knows (its provider's lists, not samples)."""
    provider = Faker(locale).provider("faker.providers.person")
    names: set[str] = set()
    for kind in kinds:
        for attribute in (f"{kind}s", f"{kind}s_male", f"{kind}s_female", f"{kind}s_nonbinary"):
            value = getattr(provider, attribute, ())
            names.update(value.keys() if isinstance(value, dict) else value)
    return names


def write(name: str, names: set[str]) -> None:
    lowered = {n.strip().lower() for n in names}
    words = sorted(n for n in lowered if regex.fullmatch(_LATIN_NAME, n))
    header = f"# {name} of many cultures (training/build_gazetteer.py: Faker's locales and training/names.yaml)\n"
    target = PEOPLE / f"{name}.v1.txt"
    target.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} {name} -> {target.relative_to(HERE.parent)}", file=sys.stderr)


def main() -> int:
    extra = yaml.safe_load((HERE / "names.yaml").read_text(encoding="utf-8"))
    given = {n for locale in LOCALES for n in provider_names(locale, ("first_name",))}
    surnames = {n for locale in LOCALES for n in provider_names(locale, ("last_name",))}
    write("given_names", given | {n for group in extra["given"].values() for n in group})
    write("surnames", surnames | {n for group in extra["surnames"].values() for n in group})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
