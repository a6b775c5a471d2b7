"""Real-word slips: words spelt right that are not the word meant, which a dictionary cannot
catch. Each kind is a mechanism over English word and word-pair counts (pitlint.language), not a
list of known slips, and lives in a module of its own:

- terms.py: the packs' terms of art with a word slipped into a look-alike ("persona data") or an
  inner word missing ("the public test"), and names in the wrong capitals;
- pairs.py: two words English never puts side by side ("would could", "by withhold", "a
  estimate", "has not be", "the security the force's network");
- partners.py: a common word typed for its usual partner ("plan there routes") and a rare word
  typed for a common look-alike ("a serious thereat");
- agreement.py: a subject and its verb in different numbers ("The figures in the table shows");
- phrases.py: slips one pattern finds whole ("neither confirm or deny", "that there a").

words.py holds what they share: tokens, runs, and the tests of a word's class.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from pitlint.checks import Context
from pitlint.checks.wording.agreement import (
    cited_subject,
    lead_for_led,
    plural_subjects,
    subject_and_verb,
    verb_after_a_phrase,
    verb_for_a_count,
    verb_for_the_of_phrase,
)
from pitlint.checks.wording.pairs import (
    he_for_the,
    impossible_pairs,
    of_before_a_described_plural,
    of_before_an_acronym,
    perfect,
    preposition_left_out,
    that_for_than,
    verb_after_do,
    you_for_your,
)
from pitlint.checks.wording.partners import (
    confused_partner,
    noun_for_adjective,
    principal_of_an_idea,
    principle_before_a_noun,
    rare_words,
)
from pitlint.checks.wording.phrases import (
    body_plural_for_possessive,
    dates_run_together,
    more_without_than,
    phrase_slips,
    sections_before_one,
)
from pitlint.checks.wording.rules import NAME_CASE, REAL_WORD_SLIP, RULES, WORD_PAIR
from pitlint.checks.wording.terms import act_names, name_without_its_noun, term_index, term_slips
from pitlint.checks.wording.words import singular_form, tokens, word_runs
from pitlint.document import Document
from pitlint.findings import Finding
from pitlint.outline import Outline

__all__ = ["NAME_CASE", "REAL_WORD_SLIP", "RULES", "WORD_PAIR", "check"]


def check(document: Document, outline: Outline, context: Context) -> Iterator[Finding]:
    index = term_index(tuple(context.packs.terms))
    examined: set[str] = set()  # rare words looked at in this draft, up to MAX_RARE_WORDS
    # a rare word used more than once (in the request too), in any number, is the subject, not a
    # slip ("pagers"; "drones" in the request and "a drone" in the answer)
    words = [tokens(paragraph.text) for paragraph in document.paragraphs]
    uses = Counter(token.lower for paragraph_words in words for token in paragraph_words)
    lemma_uses: Counter[str] = Counter()
    for word, n in uses.items():
        lemma_uses[singular_form(word)] += n
    known = context.packs.vocabulary | {word for word in uses if lemma_uses[singular_form(word)] > 1}
    names = act_names(tuple(context.packs.terms))
    yield from body_plural_for_possessive(document, words, outline.quoted)
    for paragraph, paragraph_words in zip(document.paragraphs, words, strict=True):
        if paragraph.index in outline.quoted:
            continue  # the requester's words
        if names is not None:
            yield from name_without_its_noun(paragraph, names)
        yield from cited_subject(paragraph)
        yield from plural_subjects(paragraph)
        yield from lead_for_led(paragraph)
        yield from dates_run_together(paragraph)
        yield from sections_before_one(paragraph)
        yield from more_without_than(paragraph)
        yield from phrase_slips(paragraph)
        for run in word_runs(paragraph, paragraph_words):
            covered: set[int] = set()
            yield from term_slips(paragraph, run, index, covered, outline.environmental)
            yield from impossible_pairs(paragraph, run, covered)
            yield from perfect(paragraph, run, covered)
            yield from verb_after_do(paragraph, run, covered)
            yield from of_before_an_acronym(paragraph, run, covered)
            yield from of_before_a_described_plural(paragraph, run, covered)
            yield from you_for_your(paragraph, run, covered)
            yield from he_for_the(paragraph, run, covered)
            yield from that_for_than(paragraph, run, covered)
            yield from rare_words(paragraph, run, covered, known, context, examined)
            yield from confused_partner(paragraph, run, covered)
            yield from subject_and_verb(paragraph, run, covered)
            yield from verb_for_the_of_phrase(paragraph, run, covered)
            yield from verb_for_a_count(paragraph, run, covered)
            yield from verb_after_a_phrase(paragraph, run, covered)
            yield from principle_before_a_noun(paragraph, run, covered)
            yield from principal_of_an_idea(paragraph, run, covered)
            yield from noun_for_adjective(paragraph, run, covered)
            yield from preposition_left_out(paragraph, run, covered)
