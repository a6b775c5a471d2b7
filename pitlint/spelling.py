"""Spelling in British English for PIT403: pyspellchecker's English dictionary, British spellings
accepted by the usual correspondences (organise/organize, colour/color, centre/center, defence/
defense, catalogue/catalog, travelled/traveled, programme/program, judgement/judgment), plus the
words of the rule packs' vocabulary and of the corpus of issued PITs."""

from __future__ import annotations

from collections.abc import Iterable

# British spelling -> American, tried anywhere in the word
_ANYWHERE = (
    ("isation", "ization"),
    ("ise", "ize"),
    ("yse", "yze"),
    ("our", "or"),
    ("tre", "ter"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("ogue", "og"),
    ("ement", "ment"),
)
# ... and at the end of the word
_ENDINGS = (("ence", "ense"), ("ences", "enses"), ("mme", "m"), ("mmes", "ms"), ("tres", "ters"), ("ogues", "ogs"))


class Speller:
    """Which words are known, and the likeliest correction of one that is not."""

    def __init__(self, extra: Iterable[str] = ()) -> None:
        from spellchecker import SpellChecker

        self._checker = SpellChecker(distance=1)
        self._extra = {word.lower() for word in extra}

    def _american(self, word: str) -> Iterable[str]:
        for british, american in _ANYWHERE:
            if british in word[2:]:
                yield word[:2] + word[2:].replace(british, american, 1)
        for british, american in _ENDINGS:
            if word.endswith(british):
                yield word[: -len(british)] + american

    def known(self, word: str) -> bool:
        word = word.lower()
        if word in self._extra or word in self._checker:
            return True
        return any(candidate in self._checker for candidate in self._american(word))

    def unknown(self, words: Iterable[str]) -> list[str]:
        return [word for word in dict.fromkeys(words) if not self.known(word)]

    def suggest(self, word: str) -> str | None:
        correction = self._checker.correction(word.lower())
        return correction if correction and correction != word.lower() else None
