#!/usr/bin/env python3
"""Build pitlint's English word and word-pair counts (package data) from symspellpy's frequency
lists, once, at development time.

symspellpy ships SymSpell's frequency dictionaries (MIT licence, Wolf Garbe), derived from the
Google Books n-gram corpus: 82,765 words and 242,342 word pairs with their counts. The real-word
checks ask two questions of them, how common a word is and how common a pair of words is, so
this script writes them as two sorted arrays of 64-bit keys with the counts beside them into
pitlint/data/english.counts (pitlint/language.py's format). Loading that takes a few milliseconds
and a few megabytes, where parsing the text lists takes 0.25 s and 100 MB of Python objects.

Usage:  pip install symspellpy && python3 scripts/build_frequencies.py
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pitlint.language import DATA as OUT
from pitlint.language import key, write  # the same key the checks look up


def read(name: str, width: int) -> dict[int, int]:
    counts: dict[int, int] = {}
    with resources.files("symspellpy").joinpath(name).open(encoding="utf-8") as handle:
        for line in handle:
            fields = line.split()
            if len(fields) != width + 1:
                continue
            hashed = key(*fields[:width])
            counts[hashed] = max(counts.get(hashed, 0), int(fields[width]))
    return counts


def main() -> None:
    words = read("frequency_dictionary_en_82_765.txt", 1)
    pairs = read("frequency_bigramdictionary_en_243_342.txt", 2)
    write(OUT, words, pairs)
    print(f"{len(words)} words and {len(pairs)} word pairs written to {OUT}")


if __name__ == "__main__":
    main()
