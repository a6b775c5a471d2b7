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
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pitlint import wordlist  # the checkout's, not an installed copy's

SIZE = 70  # SCOWL's "large": words in most dictionaries (60 misses legal and policing terms)
OUT = Path(__file__).resolve().parents[1] / "pitlint" / "data"
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
