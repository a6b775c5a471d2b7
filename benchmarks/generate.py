"""Synthetic corpora of issued PITs, mixed as real ones are: the seed PITs' boilerplate sentences
(most copied unchanged, some with the edits copying makes: a word misspelt, a small word dropped,
a noun changed, a clause added) and new request-specific wording, under the usual headings.

    python benchmarks/generate.py OUT_DIR --pits 1000 [--seed 1]

Also writes OUT_DIR.draft.txt, a draft of about 1,500 words made the same way.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus"
HEADINGS = ["Harm", "Factors favouring disclosure", "Factors against disclosure", "Balancing Test"]
SUBJECTS = [
    "drones",
    "body-worn cameras",
    "ANPR cameras",
    "firearms licences",
    "custody records",
    "mobile phones",
    "software contracts",
    "fleet vehicles",
    "overtime payments",
    "informants",
    "surveillance equipment",
    "cyber security",
    "helicopters",
    "tasers",
    "police dogs",
    "stop and search data",
    "cloud storage",
    "email systems",
    "radio handsets",
    "speed cameras",
    "knife crime",
    "domestic abuse",
    "missing persons",
    "hate crime",
    "fraud",
    "road collisions",
    "custody deaths",
    "vetting",
    "sickness absence",
    "recruitment",
]
FUNCTION_WORDS = [
    "the",
    "of",
    "to",
    "and",
    "in",
    "that",
    "would",
    "be",
    "a",
    "for",
    "this",
    "is",
    "on",
    "by",
    "with",
    "as",
    "it",
    "could",
    "not",
]
_SYLLABLES = [
    "ba",
    "ce",
    "di",
    "fo",
    "gu",
    "ha",
    "ke",
    "li",
    "mo",
    "nu",
    "pa",
    "re",
    "si",
    "to",
    "vu",
    "wa",
    "ye",
    "zo",
    "tra",
    "ple",
]
# New wording: function words and a large vocabulary of made-up content words, so that new
# sentences share phrases about as rarely as real prose does.
CONTENT_WORDS = [a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES][:5000]


def seed_sentences() -> list[str]:
    from pitlint.readers import read
    from pitlint.reuse.text import passages

    found: list[str] = []
    for path in sorted(SEEDS.glob("0*.txt")):
        for paragraph in read(path).paragraphs:
            found.extend(paragraph.text[s.start : s.end] for s in passages(paragraph.text))
    return list(dict.fromkeys(found))


def _misspell(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    position = rng.randrange(1, len(word) - 1)
    return word[:position] + word[position + 1] + word[position] + word[position + 2 :]


def edit(sentence: str, rng: random.Random) -> str:
    """One to three of the edits that copying by hand makes."""
    words = sentence.split()
    for _ in range(rng.randint(1, 3)):
        kind = rng.random()
        position = rng.randrange(len(words))
        if kind < 0.35:
            words[position] = _misspell(words[position], rng)
        elif kind < 0.55 and len(words) > 8:
            small = [i for i, w in enumerate(words) if w.lower() in {"the", "a", "of", "to", "and", "that"}]
            if small:
                del words[rng.choice(small)]
        elif kind < 0.8:
            words[position] = rng.choice(CONTENT_WORDS)
        else:
            words.insert(position, f"in relation to {rng.choice(SUBJECTS)}")
    return " ".join(words)


def new_sentence(subject: str, rng: random.Random) -> str:
    words = [
        rng.choice(FUNCTION_WORDS) if rng.random() < 0.35 else rng.choice(CONTENT_WORDS)
        for _ in range(rng.randint(10, 24))
    ]
    words.insert(rng.randrange(len(words)), subject)
    return " ".join(words).capitalize() + "."


def pit(boilerplate: list[str], rng: random.Random, words: int, reused: float = 0.55) -> str:
    """A PIT of about ``words`` words, ``reused`` of its sentences drawn from the boilerplate."""
    subject = rng.choice(SUBJECTS)
    blocks = [f"Public Interest Test {rng.randint(100, 9999)}/{rng.randint(18, 26)}", f"Request: {subject}"]
    written = 0
    sections = iter(HEADINGS * 10)
    while written < words:
        blocks.append(next(sections))
        paragraph = []
        for _ in range(rng.randint(2, 5)):
            if rng.random() < reused:
                sentence = rng.choice(boilerplate)
                if rng.random() < 0.3:
                    sentence = edit(sentence, rng)
            else:
                sentence = new_sentence(subject, rng)
            paragraph.append(sentence)
            written += len(sentence.split())
        blocks.append(" ".join(paragraph))
    return "\n\n".join(blocks) + "\n"


def generate(out: Path, pits: int, seed: int = 1, words: int = 700) -> Path:
    """Write ``pits`` PITs into ``out`` (in sub-folders of 1,000) and a draft beside it."""
    rng = random.Random(seed)
    boilerplate = seed_sentences()
    out.mkdir(parents=True, exist_ok=True)
    for number in range(pits):
        folder = out / f"{number // 1000:04d}"
        folder.mkdir(exist_ok=True)
        (folder / f"pit-{number:07d}.txt").write_text(pit(boilerplate, rng, words), encoding="utf-8")
    draft = out.with_name(out.name + ".draft.txt")
    draft.write_text(pit(boilerplate, random.Random(seed + 1), 1500), encoding="utf-8")
    return draft


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pits", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(generate(args.out, args.pits, args.seed))


if __name__ == "__main__":
    main()
