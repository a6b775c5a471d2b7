#!/usr/bin/env python3
"""Build pitlint's British English dictionary (package data) from SCOWL, once, at development time.

SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson; the source of Debian's wbritish and
hunspell-en-gb) splits English into words common to every spelling, British-only words, American-only
words and acceptable variants, by size. From it this script writes, into pitlint/data/:

- en_GB.words: every British English word (common + British + British variants + proper names,
  upper-case words, abbreviations and contractions, up to SIZE) with a frequency for ranking
  suggestions, as a word-list file (pitlint/wordlist.py: a hash table that loads in a few ms).
  Frequencies come from pyspellchecker's English list; a British spelling takes its American
  counterpart's count ("colour" from "color").
- names.json.gz: SCOWL's capitalised words ("Adrian", "Jane", "Coventry"), lower-cased, so that a
  capitalised word beside a name is taken for part of it, and a property that holds a name is
  told from one that holds a team's.
- american.json: American-only spellings mapped to their British form ("color" -> "colour"),
  for the American-spelling rule. Only words whose British form SCOWL knows are listed.

Usage (Debian: apt-get install scowl):  python3 scripts/build_dictionary.py [/usr/share/dict/scowl]
"""

from __future__ import annotations

import gzip
import itertools
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pitlint import wordlist  # the checkout's, not an installed copy's

SIZE = 70  # SCOWL's "large": words in most dictionaries (60 misses legal and policing terms)
OUT = Path(__file__).resolve().parents[1] / "pitlint" / "data"
# SCOWL's "huge" adds words FOI responses use ("anonymised", "reputational", "organogram",
# "undernoted", "tenderers") among many that are a common word's slip ("acquited", "actons",
# "publically"). Its words in small letters are taken only where no common word is one slip away.
HUGE = 80
COMMON = 1000  # uses in pyspellchecker's counts: a word a slip is more likely to have meant
BRITISH = ("english", "british", "british_variant_1")
SUBCATEGORIES = ("words", "proper-names", "upper", "abbreviations", "contractions")

# American -> British spelling correspondences (a pattern for the American letters, the British
# ones), tried at every place in a word, one or two at once.
CORRESPONDENCES = (
    ("or", "our"),
    ("iz", "is"),
    ("yz", "ys"),
    (r"er(?=s?$)", "re"),
    (r"ered$", "red"),
    (r"ering$", "ring"),
    ("ense", "ence"),
    ("og", "ogue"),
    ("e", "ae"),
    ("e", "oe"),
    ("l", "ll"),
    ("ll", "l"),
    ("um", "ium"),
    ("ow", "ough"),
    ("ment", "ement"),
    ("am", "amme"),
    ("a", "ae"),
    ("o", "ou"),
    ("aj", "yj"),
    ("k", "que"),
)


def read(folder: Path, categories: tuple[str, ...], size: int) -> set[str]:
    words: set[str] = set()
    for category in categories:
        for sub in SUBCATEGORIES:
            for path in folder.glob(f"{category}-{sub}.*"):
                if int(path.suffix[1:]) <= size:
                    words.update(line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    words.discard("")
    return words


def read_sub(folder: Path, category: str, sub: str, size: int) -> set[str]:
    words: set[str] = set()
    for path in folder.glob(f"{category}-{sub}.*"):
        if int(path.suffix[1:]) <= size:
            words.update(line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    words.discard("")
    return words


def british_forms(word: str) -> set[str]:
    """Spellings reachable from an American one by one or two correspondences."""
    found = {word}
    for _ in range(2):
        step = set()
        for form in found:
            for american, british in CORRESPONDENCES:
                for match in re.finditer(american, form):
                    step.add(form[: match.start()] + british + form[match.end() :])
        found |= step
    found.discard(word)
    return found


LETTERS = "abcdefghijklmnopqrstuvwxyz"


def one_slip(word: str) -> Iterator[str]:
    """Every spelling one keystroke away: a letter dropped, added, changed, or two swapped."""
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        if tail:
            yield head + tail[1:]
        if len(tail) > 1:
            yield head + tail[1] + tail[0] + tail[2:]
        for letter in LETTERS:
            if tail:
                yield head + letter + tail[1:]
            yield head + letter + tail


def two_dropped(word: str) -> Iterator[str]:
    """The word with two letters dropped, not its last two (a suffix: "reputation-al")."""
    for i, j in itertools.combinations(range(len(word)), 2):
        if (i, j) != (len(word) - 2, len(word) - 1):
            yield word[:i] + word[i + 1 : j] + word[j + 1 :]


def rare_but_real(folder: Path, known: set[str], counts: dict[str, int]) -> set[str]:
    """Words in small letters of SCOWL's HUGE size that no common word is a slip away from."""
    common = {word for word in known if counts.get(word, 0) >= COMMON}
    found = set()
    for word in read(folder, BRITISH, HUGE):
        if not (word.isalpha() and word.islower()) or word in known:
            continue
        if any(near in common for near in one_slip(word)):
            continue
        if len(word) >= 6 and any(near in common for near in two_dropped(word)):
            continue  # "publically" for "publicly"
        found.add(word)
    return found


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/scowl")
    from spellchecker import SpellChecker

    counts = SpellChecker(distance=1).word_frequency.dictionary
    british = read(folder, BRITISH, SIZE)
    british_any = read(folder, (*BRITISH, "british_variant_2"), 95)
    british_only = read(folder, ("british", "british_variant_1"), SIZE)
    american = {w for w in read(folder, ("american", "british_z"), SIZE) if w not in british_any}

    to_british: dict[str, str] = {}
    for word in sorted(american):
        if not word.isalpha() or not word.islower():
            continue
        forms = sorted(form for form in british_forms(word) if form in british_only)
        if forms:
            to_british[word] = min(forms, key=lambda form: (len(form), form))

    british |= rare_but_real(folder, {word.lower() for word in british}, counts)
    frequencies: dict[str, int] = {}
    for word in british:
        key = word.lower()
        count = counts.get(key, 0)
        frequencies[key] = max(frequencies.get(key, 0), count, 1)
    for american_word, british_word in to_british.items():
        borrowed = counts.get(american_word, 0)
        if borrowed > frequencies.get(british_word, 0):
            frequencies[british_word] = borrowed

    proper = set()
    for category in BRITISH:
        for sub in ("proper-names", "upper"):
            proper |= {word for word in read_sub(folder, category, sub, SIZE) if word[:1].isupper()}
    names = sorted({re.sub(r"'s$", "", word).lower() for word in proper})

    OUT.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT / "names.json.gz", "wb", mtime=0) as handle:
        handle.write(json.dumps(names, separators=(",", ":")).encode())
    wordlist.write(OUT / "en_GB.words", frequencies)
    (OUT / "american.json").write_text(json.dumps(to_british, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(frequencies)} British words ({len(names)} proper names), {len(to_british)} American spellings mapped")


if __name__ == "__main__":
    main()
