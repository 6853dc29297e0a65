"""Build models/people/given_names.v2.txt and surnames.v1.txt: names of many cultures, to tell names from words.

    python training/build_gazetteer.py

Latin-script names come from Faker's locales (its first-name lists, read whole), the romanised
names of training/names.yaml and, for given names, the US census's first-name lists (the `names`
package; Faker's American list holds only about 700); lower-cased, accents kept, one per line,
sorted. Rebuilt by `make model`; committed so that installing needs nothing but the repository.

given_names v2 adds the census's names, except those English or a family language uses often
("art", "chance", "esta", "kami"): listed, such a word would count as a name wherever a model
proposes it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import names
import regex
import yaml
from faker import Faker
from wordfreq import zipf_frequency

from brightline.detect.roles import GAZETTEER_VERSIONS
from brightline.detect.words import load_words

HERE = Path(__file__).resolve().parent
PEOPLE = HERE.parent / "models" / "people"
_LATIN_NAME = r"\p{Latin}[\p{Latin}\p{M}'’]*(?:-[\p{Latin}\p{M}'’]+)*"
# a census name at or above this Zipf frequency in English or a family language is left to the word lists
_CENSUS_WORD_ZIPF = 3.5
_CENSUS_FIRST_NAMES = ("dist.male.first", "dist.female.first")
sys.path.insert(0, str(HERE))
from generate import LOCALES  # noqa: E402


def provider_names(locale: str, kinds: tuple[str, ...]) -> set[str]:
    """Every name of these kinds a Faker locale knows (its provider's lists, not samples)."""
    provider = Faker(locale).provider("faker.providers.person")
    found: set[str] = set()
    for kind in kinds:
        for attribute in (f"{kind}s", f"{kind}s_male", f"{kind}s_female", f"{kind}s_nonbinary"):
            value = getattr(provider, attribute, ())
            found.update(value.keys() if isinstance(value, dict) else value)
    return found


def census_first_names() -> set[str]:
    """The US census's first names that are no frequent words of English or the families' languages."""
    folder = Path(names.__file__).parent
    languages = ("en", *load_words().family_languages)
    found = set()
    for file in _CENSUS_FIRST_NAMES:
        for line in (folder / file).read_text(encoding="utf-8").splitlines():
            name = line.split()[0].lower() if line.strip() else ""
            if name and all(zipf_frequency(name, language) < _CENSUS_WORD_ZIPF for language in languages):
                found.add(name)
    return found


def write(name: str, found: set[str]) -> None:
    lowered = {n.strip().lower() for n in found}
    words = sorted(n for n in lowered if regex.fullmatch(_LATIN_NAME, n))
    sources = "Faker's locales, training/names.yaml" + (", the US census" if name == "given_names" else "")
    header = f"# {name} of many cultures (training/build_gazetteer.py: {sources})\n"
    target = PEOPLE / f"{name}.v{GAZETTEER_VERSIONS[name]}.txt"
    target.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} {name} -> {target.relative_to(HERE.parent)}", file=sys.stderr)


def main() -> int:
    extra = yaml.safe_load((HERE / "names.yaml").read_text(encoding="utf-8"))
    given = {n for locale in LOCALES for n in provider_names(locale, ("first_name",))}
    surnames = {n for locale in LOCALES for n in provider_names(locale, ("last_name",))}
    write("given_names", given | census_first_names() | {n for group in extra["given"].values() for n in group})
    write("surnames", surnames | {n for group in extra["surnames"].values() for n in group})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
