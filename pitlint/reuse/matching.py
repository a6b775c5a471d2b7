"""A draft against the corpus index: which sentences are reused, from where, merged into runs;
where reused wording has drifted from the wording most issued PITs use; and how much of the
draft is reused at all.

Fingerprints find candidate passages; rapidfuzz confirms each candidate on the normalised text
(a draft sentence is a copy at ratio >= 85, or at partial ratio >= 90 when one side is a sentence
embedded in a longer one); word alignment tells slips from tailoring.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz

from pitlint.document import Document, Paragraph
from pitlint.reuse import align, text
from pitlint.reuse.corpus import document_digest
from pitlint.reuse.fingerprints import fingerprints
from pitlint.reuse.index import Index, Occurrence, Passage

SIMILARITY = 85.0  # rapidfuzz ratio (0-100) at or above which a sentence is a copy
PARTIAL_SIMILARITY = 90.0  # partial ratio for a sentence embedded in a longer one
PARTIAL_MIN_WORDS = 8  # the shorter side of a partial match is at least this long
MAX_CANDIDATES = 40  # per draft sentence, those sharing the most fingerprints


@dataclass
class SentenceMatch:
    paragraph: Paragraph
    sentence: text.Sentence
    passage: Passage
    similarity: float  # 0-1
    occurrences: list[Occurrence]  # where the passage is used (the draft's own document excluded)


@dataclass
class ReusedRun:
    """Consecutive reused sentences of one paragraph, reported as one passage."""

    paragraph: Paragraph
    matches: list[SentenceMatch]
    document: str  # the source document most of the run comes from
    source_paragraph: int
    similarity: float
    used_by: int  # how many issued PITs use this wording (its best-known sentence)

    @property
    def start(self) -> int:
        return self.matches[0].sentence.start

    @property
    def end(self) -> int:
        return self.matches[-1].sentence.end


@dataclass
class Slip:
    """Reused wording that differs from the majority wording in the way a slip does."""

    paragraph: Paragraph
    start: int  # draft offsets of the words to flag (with a little context)
    end: int
    approved: str  # the majority wording of the same words
    majority: int  # how many issued PITs use the majority wording here
    total: int  # how many use any wording of the passage
    passage: int  # the majority wording's passage
    document: str = ""  # one of the PITs using it


@dataclass
class Analysis:
    runs: list[ReusedRun] = field(default_factory=list)
    slips: list[Slip] = field(default_factory=list)
    reused_fraction: float = 0.0
    identical_to: str | None = None  # the corpus document this draft is, if it is one
    corpus_documents: int = 0


def _body_sentences(document: Document) -> list[tuple[Paragraph, text.Sentence]]:
    from pitlint.outline import is_heading

    return [
        (paragraph, sentence)
        for paragraph in document.paragraphs
        if not is_heading(paragraph)
        for sentence in text.sentences(paragraph.text)
    ]


def _candidates(index: Index, words: list[list[str]]) -> list[list[int]]:
    """For each sentence, the passages sharing the most fingerprints with it."""
    prints, owners = [], []
    for number, sentence_words in enumerate(words):
        found = fingerprints(sentence_words)
        prints.append(found)
        owners.append(np.full(len(found), number, dtype=np.int64))
    if not prints:
        return []
    items, passages = index.lookup(np.concatenate(prints), np.concatenate(owners))
    result: list[list[int]] = [[] for _ in words]
    if not len(items):
        return result
    pairs, shared = np.unique(np.stack([items, passages], axis=1), axis=0, return_counts=True)
    for (item, passage), count in zip(pairs.tolist(), shared.tolist(), strict=True):
        result[item].append((count, passage))
    return [[passage for _, passage in sorted(found, reverse=True)[:MAX_CANDIDATES]] for found in result]


def _score(draft: str, candidate: str) -> float:
    """Similarity 0-100 of two normalised sentences, allowing one embedded in the other."""
    score = fuzz.ratio(draft, candidate)
    if score >= SIMILARITY:
        return score
    shorter, longer = sorted((draft, candidate), key=len)
    if len(shorter.split()) >= PARTIAL_MIN_WORDS and len(shorter) < 0.8 * len(longer):
        partial = fuzz.partial_ratio(shorter, longer)
        if partial >= PARTIAL_SIMILARITY:
            return partial
    return 0.0


def _runs(matches: list[SentenceMatch], order: dict[int, int]) -> list[ReusedRun]:
    runs: list[ReusedRun] = []
    group: list[SentenceMatch] = []

    def close() -> None:
        if not group:
            return
        votes = Counter(o.document for match in group for o in {x.document: x for x in match.occurrences}.values())
        best = max(group, key=lambda match: match.similarity)
        document = max(votes, key=lambda name: (votes[name], name == best.occurrences[0].document))
        first = next(o for match in group for o in match.occurrences if o.document == document)
        weights = [len(match.sentence.tokens) for match in group]
        similarity = sum(m.similarity * w for m, w in zip(group, weights, strict=True)) / sum(weights)
        used_by = max(len({o.document for o in match.occurrences}) for match in group)
        runs.append(ReusedRun(group[0].paragraph, list(group), document, first.paragraph, similarity, used_by))
        group.clear()

    for match in matches:
        if group and (match.paragraph is not group[-1].paragraph or order[id(match)] != order[id(group[-1])] + 1):
            close()
        group.append(match)
    close()
    return runs


def _window(words: int, start: int, end: int) -> tuple[int, int]:
    """Token range [first, last] of an edit with a word before and two after, for context."""
    first = max(start - 1, 0)
    last = min(max(end, start + 1) + 1, words - 1)
    return first, last


def _slips(match: SentenceMatch, members: list[Passage], documents_of: dict[int, set[int]]) -> list[Slip]:
    """Slips between a reused sentence and the wording most issued PITs use for it. The
    majority is the variant of the passage most documents use; each slip is reported with how
    many documents use the majority's words at that place and how many use any variant."""
    if not members:
        return []
    ranked = sorted(members, key=lambda p: (len(documents_of.get(p.id, ())), -p.id), reverse=True)
    majority = ranked[0]
    draft_words = match.sentence.words
    if majority.norm == " ".join(draft_words) or fuzz.ratio(" ".join(draft_words), majority.norm) < SIMILARITY:
        return []
    total = len(set().union(*(documents_of.get(p.id, set()) for p in members)))
    approved_words = majority.norm.split()
    approved_tokens = text.tokens(majority.text)
    if len(approved_tokens) != len(approved_words):
        return []
    found = []
    for edit in align.slips(draft_words, approved_words):
        first, last = _window(len(draft_words), edit.draft_start, edit.draft_end)
        a_first, a_last = _window(len(approved_words), edit.approved_start, edit.approved_end)
        approved_phrase = " ".join(approved_words[a_first : a_last + 1])
        draft_phrase = " ".join(draft_words[first : last + 1])
        using_approved = set().union(*(documents_of.get(p.id, set()) for p in members if approved_phrase in p.norm))
        using_draft = set().union(*(documents_of.get(p.id, set()) for p in members if draft_phrase in p.norm))
        if len(using_approved) < 2 or len(using_approved) <= len(using_draft):
            continue
        tokens = match.sentence.tokens
        found.append(
            Slip(
                match.paragraph,
                tokens[first].start,
                tokens[last].end,
                majority.text[approved_tokens[a_first].start : approved_tokens[a_last].end],
                len(using_approved),
                total,
                majority.id,
            )
        )
    return found


def analyse(document: Document, index: Index) -> Analysis:
    """Compare a draft with the corpus."""
    identical = index.document_with_digest(document_digest([p.text for p in document.paragraphs]))
    excluded = identical[0] if identical else None
    analysis = Analysis(identical_to=identical[1] if identical else None)
    analysis.corpus_documents = index.document_count - (1 if identical else 0)
    body = _body_sentences(document)
    comparable = [
        (paragraph, sentence) for paragraph, sentence in body if len(sentence.tokens) >= text.MIN_SENTENCE_TOKENS
    ]
    candidates = _candidates(index, [sentence.words for _, sentence in comparable])
    rows = index.passages(passage for found in candidates for passage in found)
    used = index.occurrences(rows)
    for passage in used:
        used[passage] = [o for o in used[passage] if o.document_id != excluded]

    matches: list[SentenceMatch] = []
    for (paragraph, sentence), found in zip(comparable, candidates, strict=True):
        norm = sentence.norm
        scored = [(_score(norm, rows[p].norm), len(used[p]), p) for p in found if used.get(p)]
        scored = [item for item in scored if item[0] > 0]
        if scored:
            score, _, passage = max(scored)
            matches.append(SentenceMatch(paragraph, sentence, rows[passage], score / 100, used[passage]))

    order = {id(match): position for position, match in enumerate(matches)}
    positions = {(id(p), s.start): n for n, (p, s) in enumerate(body)}
    for match in matches:
        order[id(match)] = positions[(id(match.paragraph), match.sentence.start)]
    analysis.runs = _runs(matches, order)

    groups = index.group_members({match.passage.group for match in matches})
    group_occurrences = index.occurrences(p.id for members in groups.values() for p in members)
    documents_of = {
        passage: {o.document_id for o in found if o.document_id != excluded}
        for passage, found in group_occurrences.items()
    }
    for match in matches:
        analysis.slips.extend(_slips(match, groups.get(match.passage.group, []), documents_of))
    for slip in analysis.slips:
        slip.document = next((o.document for o in group_occurrences[slip.passage] if o.document_id != excluded), "")

    words = sum(len(sentence.tokens) for _, sentence in body)
    reused = sum(len(match.sentence.tokens) for match in matches)
    analysis.reused_fraction = round(reused / words, 3) if words else 0.0
    return analysis
