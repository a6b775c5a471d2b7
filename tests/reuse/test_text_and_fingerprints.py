"""Sentences, tokens and fingerprints: the units the corpus index is built from."""

from __future__ import annotations

import random
import subprocess
import sys

import numpy as np

from pitlint.reuse import fingerprints as fp
from pitlint.reuse.text import normalise, sentence_around, sentences, tokens


def test_sentences_keep_abbreviations_and_section_references_together():
    """'s. 31' and 'e.g.' do not end a sentence; 'etc.' before a capital does."""
    paragraph = (
        "Disclosure under s. 31(1)(a) would harm crime prevention, etc. The force uses e.g. cloud systems. "
        "\u201cQuoted start.\u201d 2 systems were named! Is that all?"
    )
    found = [paragraph[s.start : s.end] for s in sentences(paragraph)]
    assert found == [
        "Disclosure under s. 31(1)(a) would harm crime prevention, etc.",
        "The force uses e.g. cloud systems.",
        "\u201cQuoted start.\u201d",
        "2 systems were named!",
        "Is that all?",
    ]


def test_the_sentence_around_a_span():
    text = "In 2004 ACPO concluded, e.g. under the Act, that it held. ACPO guidance applies. It ends"
    acpo = text.index("ACPO")
    assert text[slice(*sentence_around(text, acpo, acpo + 4))] == (
        "In 2004 ACPO concluded, e.g. under the Act, that it held."
    )
    later = text.index("ACPO", acpo + 1)
    assert text[slice(*sentence_around(text, later, later + 4))] == "ACPO guidance applies."
    across = text.index("held")
    assert text[slice(*sentence_around(text, across, later + 4))] == (
        "In 2004 ACPO concluded, e.g. under the Act, that it held. ACPO guidance applies."
    )
    assert text[slice(*sentence_around(text, len(text) - 2, len(text)))] == "It ends"


def test_tokens_are_normalised_with_offsets():
    text = "The public\u2019s CONFIDENCE \u2013 cyber-attack"
    found = tokens(text)
    assert [t.norm for t in found] == ["the", "public's", "confidence", "cyber", "attack"]
    assert [(text[t.start : t.end]) for t in found] == ["The", "public\u2019s", "CONFIDENCE", "cyber", "attack"]
    assert normalise("Protecting   the\ncommunities, we serve.") == "protecting the communities we serve"


def test_fingerprints_are_stable_across_processes():
    words = normalise("The Police Service is charged with enforcing the law").split()
    here = fp.fingerprints(words)
    code = (
        "from pitlint.reuse.fingerprints import fingerprints; "
        "print(fingerprints('the police service is charged with enforcing the law'.split()))"
    )
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert here == eval(other.stdout)
    assert len(here) >= 2


def test_a_shared_run_of_six_words_always_shares_a_fingerprint():
    """Winnowing's guarantee: any K + W - 1 identical consecutive words give a common fingerprint."""
    generator = random.Random(7)
    vocabulary = [f"w{n}" for n in range(500)]
    for _ in range(300):
        shared = generator.choices(vocabulary, k=fp.K + fp.W - 1)
        first = generator.choices(vocabulary, k=generator.randint(0, 12)) + shared + generator.choices(vocabulary, k=5)
        second = generator.choices(vocabulary, k=generator.randint(0, 12)) + shared
        assert set(fp.fingerprints(first)) & set(fp.fingerprints(second))


def test_one_changed_word_leaves_most_fingerprints():
    words = normalise(
        "The Police Service is charged with enforcing the law, preventing and detecting crime and "
        "protecting the communities we serve."
    ).split()
    slipped = [("protection" if w == "protecting" else w) for w in words]
    common = len(set(fp.fingerprints(words)) & set(fp.fingerprints(slipped)))
    assert common >= len(fp.fingerprints(words)) // 2


def test_fingerprints_of_many_are_each_passages_own_in_order():
    generator = random.Random(3)
    vocabulary = [f"w{n}" for n in range(300)]
    for _ in range(100):
        passages = [generator.choices(vocabulary, k=generator.randint(0, 30)) for _ in range(generator.randint(1, 15))]
        prints, owners = fp.fingerprints_of_many(passages)
        assert owners == sorted(owners)  # passage by passage
        for number, words in enumerate(passages):
            assert [p for p, o in zip(prints, owners, strict=True) if o == number] == _numpy_fingerprints(words)


def _numpy_fingerprints(words: list[str]) -> list[int]:
    """The fingerprints as index format 3 first defined them, in numpy's uint64 arithmetic."""
    ids = np.fromiter((fp.word_id(word) for word in words), dtype=np.uint64, count=len(words))
    count = max(len(ids) - fp.K + 1, 1 if len(ids) else 0)
    hashes = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for position in range(min(fp.K, len(ids))):
            hashes = hashes * np.uint64(0x9E3779B97F4A7C15) + ids[position : position + count]
        hashes ^= hashes >> np.uint64(31)
    if len(hashes) <= fp.W:
        return np.unique(hashes[[int(np.argmin(hashes))]] if len(hashes) else hashes).tolist()
    windows = np.lib.stride_tricks.sliding_window_view(hashes, fp.W)
    return np.unique(hashes[np.arange(len(windows)) + windows.argmin(axis=1)]).tolist()


def test_fingerprints_are_those_the_index_format_defines():
    """Indexes built before keep working: the plain-Python hashes and winnowing give exactly the
    values of the uint64 formulation (wrapping multiplication, smallest hash per window)."""
    generator = random.Random(11)
    vocabulary = [f"w{n}" for n in range(2000)] + ["the", "police", "section", "31"]
    for _ in range(2000):
        words = generator.choices(vocabulary, k=generator.randint(0, 40))
        assert fp.fingerprints(words) == _numpy_fingerprints(words)
    assert fp.fingerprints([]) == []
    assert all(0 <= value < 2**64 for value in fp.fingerprints(vocabulary[:50]))


def _datasketch_signatures(passages: list[list[str]], **scheme) -> np.ndarray:
    from datasketch import MinHash

    from pitlint.reuse.signatures import NUM_PERM, _identity, _shingles

    minhashes = MinHash.bulk((_shingles(words) for words in passages), num_perm=NUM_PERM, hashfunc=_identity, **scheme)
    return np.vstack([minhash.hashvalues for minhash in minhashes]).astype(np.uint32)


def test_signatures_taken_at_once_equal_datasketch_s_one_by_one(monkeypatch):
    """The build's signatures, computed many passages at once, are datasketch's MinHash values
    exactly: for its default scheme and (on datasketch 2, which has schemes) the legacy one; across
    the chunks a large batch is cut into, for a passage of one word, and for one without words
    (datasketch's empty signature)."""
    import datasketch

    from pitlint.reuse import signatures as module

    rng = random.Random(7)
    vocabulary = [f"word{number}" for number in range(500)] + ["the", "force", "exempt"]
    passages = [[rng.choice(vocabulary) for _ in range(rng.randint(1, 40))] for _ in range(1500)]
    passages[3] = ["alone"]
    monkeypatch.setattr(module, "VALUES_AT_ONCE", 2000)  # many chunks, one passage over the bound
    passages[10] = [rng.choice(vocabulary) for _ in range(1500)]
    signed = module.signatures([*passages, []])
    assert signed.dtype == np.uint32 and signed.shape == (1501, module.NUM_PERM)
    assert np.array_equal(signed[:-1], _datasketch_signatures(passages))
    assert np.array_equal(signed[-1], np.full(module.NUM_PERM, 0xFFFFFFFF, dtype=np.uint32))
    if hasattr(datasketch.MinHash(num_perm=2), "scheme"):
        legacy = datasketch.MinHash(num_perm=module.NUM_PERM, hashfunc=module._identity, scheme="legacy")
        monkeypatch.setattr(module, "_scheme", lambda: ("legacy", *map(np.asarray, legacy.permutations)))
        assert np.array_equal(module.signatures(passages), _datasketch_signatures(passages, scheme="legacy"))


def test_a_batch_s_fingerprints_equal_each_passage_s():
    """The build's workers fingerprint a batch of new passages at once (numpy); the values and their
    order are `fingerprints`' of each passage in turn, for passages shorter than a k-gram, of one to
    W k-grams, and longer; capped values left out; a passage without words gives none."""
    from array import array

    from pitlint.reuse.folder.writer import fingerprint_batch

    rng = random.Random(11)
    vocabulary = [f"word{number}" for number in range(300)]
    norms = [" ".join(rng.choice(vocabulary) for _ in range(size)) for size in [1, 2, 3, 4, 5, 6, 7, 12, 30] * 60]
    norms.append("")
    capped = frozenset(fp.fingerprints(norms[100].split(" "))[:2])
    expected_hashes, expected_owners = array("Q"), array("I")
    for number, norm in enumerate(norms):
        prints = [value for value in fp.fingerprints(norm.split(" ") if norm else []) if value not in capped]
        expected_hashes.extend(prints)
        expected_owners.extend([500 + number] * len(prints))
    hashes, owners = fingerprint_batch([(500 + number, norm) for number, norm in enumerate(norms)], capped)
    assert hashes == expected_hashes.tobytes() and owners == expected_owners.tobytes()
    assert len(expected_hashes) > len(norms)
