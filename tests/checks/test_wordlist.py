"""The spelling dictionary's file form (pitlint/wordlist.py) and the Speller over it: the same
words, counts and corrections as pyspellchecker gives over the same list."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

from pitlint import spelling, wordlist
from pitlint.spelling import Speller
from pitlint.wordlist import SET_AFTER, WordList

COUNTS = {"colour": 120, "café": 7, "naïve": 3, "the": 9000, "o'clock": 40, "zebra": 1}


def test_a_word_list_keeps_every_word_and_count(tmp_path: Path):
    path = tmp_path / "words"
    wordlist.write(path, COUNTS)
    found = WordList(path)
    assert len(found) == 6
    assert list(found) == sorted(COUNTS)
    assert [found.count(word) for word in sorted(COUNTS)] == [COUNTS[word] for word in sorted(COUNTS)]
    assert "café" in found and "cafe" not in found and "" not in found and "colours" not in found
    assert found.count("nothing") == 0
    assert found.longest == 7  # "o'clock"
    assert found.letters == frozenset("colurafénïvetho'ckzb")
    assert not path.read_bytes().startswith(b"{")  # not JSON: a table read as arrays


def test_many_look_ups_switch_to_a_set_with_the_same_answers(tmp_path: Path):
    path = tmp_path / "words"
    wordlist.write(path, COUNTS)
    found = WordList(path)
    asked = ["colour", "color", "café", "zebra", "zebras"]
    assert found.listed(asked) == {"colour", "café", "zebra"}
    found.listed(f"x{n}" for n in range(SET_AFTER))  # a run that has asked about many words
    assert found.listed(asked) == {"colour", "café", "zebra"}


def test_not_a_word_list_is_refused(tmp_path: Path):
    path = tmp_path / "words.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(ValueError, match="not a pitlint word list"):
        WordList(path)


def test_spellers_share_one_loaded_list():
    assert Speller()._words is Speller(["pitlintish"])._words
    assert Speller(["pitlintish"]).known("Pitlintish") and not Speller().known("pitlintish")


def _typos(words: list[str], rng: random.Random) -> list[str]:
    made = []
    for word in words:
        at = rng.randrange(len(word))
        made += [
            word[:at] + word[at + 1 :],
            word[:at] + rng.choice("aeiouy") + word[at:],
            word[:at] + "x" + word[at + 1 :],
        ]
    return made


def test_corrections_are_pyspellchecker_s_over_the_same_list(tmp_path: Path):
    """pyspellchecker, given the shipped list in its own format, finds the same candidates for
    every slip, and the same correction wherever the commonest candidate is not a tie (a tie it
    settles by the order of a set, which changes from run to run; pitlint takes the first
    alphabetically)."""
    from spellchecker import SpellChecker

    shipped = spelling._words()
    exported = tmp_path / "en_GB.json.gz"
    with gzip.open(exported, "wt", encoding="utf-8") as handle:
        json.dump({word: shipped.count(word) for word in shipped}, handle)
    theirs = SpellChecker(language=None, local_dictionary=str(exported), distance=1)
    ours = Speller()
    rng = random.Random(15)
    words = rng.sample([word for word in shipped.words() if word.isalpha() and len(word) > 4], 300)
    slips = [*_typos(words, rng), "publically", "recieve", "goverment", "cafe", "12", "3.5", "nan", "!", "q" * 60]
    compared = 0
    for slip in slips:
        assert ours._candidates(slip) == theirs.candidates(slip), slip
        found = theirs.candidates(slip) or set()
        best = max((theirs[word] for word in found), default=None)
        if sum(theirs[word] == best for word in found) == 1:
            assert ours._correction(slip) == theirs.correction(slip), slip
            compared += 1
    assert compared > 500
    assert ours.suggest("publically", far=True) == "publicly"


def test_english_counts_are_symspell_s_read_without_numpy():
    """The counts file holds SymSpell's numbers (these were read from the numpy arrays it
    replaced), and reading it imports no numpy."""
    import subprocess
    import sys

    from pitlint import language

    assert language.count("the") == 23135851162
    assert language.count("The") == language.count("the")
    assert language.pair("of", "the") == 177045273024
    assert language.counts(["the", "zzqxv", "threat"]) == [23135851162, 0, language.count("threat")]
    assert language.count("zzqxv") == 0 and language.pair("zebra", "invoice") == 0
    probe = "import sys; from pitlint import language; language.pair('of', 'the'); print('numpy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout == "False\n", done.stderr


def test_a_draft_s_suggestions_do_not_depend_on_the_drafts_checked_before_it(tmp_path: Path):
    """One Speller serves a whole run, but each draft has its own budget of words to work out:
    a draft after one full of slips gets the suggestions it gets alone."""
    from tests.conftest import run_pitlint

    shipped = spelling._words()
    slips = []
    for word in shipped.words():
        # common words (a rare one's slip may have no suggestion), each with one pair of letters swapped
        if word.isalpha() and 7 <= len(word) <= 10 and word.islower() and shipped.count(word) >= 1000:
            slip = word[:3] + word[4] + word[3] + word[5:]
            if slip not in shipped and slip not in slips:
                slips.append(slip)
        if len(slips) > spelling.MAX_CORRECTED + 50:
            break
    full = tmp_path / "a-full-of-slips.txt"
    # each slip in a sentence of English (a line mostly of unknown words is taken for another language's)
    full.write_text(
        "Harm\n\n" + "\n".join(f"The {slip} was held by the force." for slip in slips) + "\n", encoding="utf-8"
    )
    later = tmp_path / "b-later.txt"
    later.write_text("Harm\n\nThe informaiton was held by the polcie for the requester.\n", encoding="utf-8")
    alone = run_pitlint("check", "--select", "PIT403", "--format", "json", later)
    batch = run_pitlint("check", "--select", "PIT403", "--format", "json", full, later)
    found = {Path(entry["path"]).name: entry["findings"] for entry in batch.json["files"]}
    first = found["a-full-of-slips.txt"]
    assert len(slips) > spelling.MAX_CORRECTED and any(f["suggestion"] for f in first)
    assert any(f["code"] == "PIT403" and f["suggestion"] is None for f in first)  # it spent its whole budget
    suggestions = [finding["suggestion"] for finding in alone.json["files"][0]["findings"]]
    assert suggestions and all(suggestions)
    assert found["b-later.txt"] == alone.json["files"][0]["findings"]


def test_a_word_list_written_again_leaves_a_reader_of_the_old_one_reading(tmp_path: Path):
    path = tmp_path / "words.words"
    wordlist.write(path, {"police": 5, "force": 3})
    old = WordList(path)  # mapped
    wordlist.write(path, {"constable": 7})  # put in place beside it, not written over the mapped file
    assert "police" in old and old.count("force") == 3
    new = WordList(path)
    assert "constable" in new and "police" not in new
    assert [p.name for p in tmp_path.iterdir()] == ["words.words"]  # no partial file left
