"""A draft against the corpus index: which sentences are reused, from where, merged into runs;
where reused wording has drifted from the wording most issued PITs use; and how much of the
draft is reused at all.

Fingerprints find candidate passages; rapidfuzz confirms each candidate on the normalised text
(a draft sentence is a copy at ratio >= 85, or at partial ratio >= 90 when one side is a sentence
embedded in a longer one); word alignment tells slips from tailoring.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from pitlint.document import Document, Paragraph
from pitlint.reuse import align, text
from pitlint.reuse.corpus import document_digest
from pitlint.reuse.fingerprints import fingerprints_of_many
from pitlint.reuse.index import CorpusIndex, Occurrence, Passage

SIMILARITY = 85.0  # rapidfuzz ratio (0-100) at or above which a sentence is a copy
PARTIAL_SIMILARITY = 90.0  # partial ratio for a sentence embedded in a longer one
PARTIAL_MIN_WORDS = 8  # the shorter side of a partial match is at least this long
PARTIAL_MIN_SHARE = 0.6  # an issued sentence embedded in a draft one covers at least this share of it
MAX_CANDIDATES = 20  # per draft sentence, those sharing the most fingerprints
VECTORISED_POSTINGS = 200_000  # (sentence, passage) pairs ranked with numpy: a draft's tens of thousands are not
SOURCES_PER_PASSAGE = 20  # uses of a passage read to choose the source of a run
CLOSEST_DOCUMENTS = 3  # issued PITs sharing the most with a draft, whose every sentence is read
VARIANTS_COUNTED = 64  # a group's most used variants, over which the users of a phrase are counted


@dataclass
class SentenceMatch:
    paragraph: Paragraph
    sentence: text.Sentence
    passage: Passage
    similarity: float  # 0-1
    occurrences: list[Occurrence]  # the first uses of the passage (the draft's own document excluded)
    used_by: int  # how many issued PITs use the passage
    searched: Passage | None = None  # what the search found, where a closest PIT's own sentence replaced it

    @property
    def wording(self) -> Passage:
        """The passage whose group says how issued PITs usually word this sentence (for slips)."""
        return self.searched or self.passage


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
    draft_words: tuple[str, ...] = ()  # the draft's words at the slip, with a word of context each side
    approved_words: tuple[str, ...] = ()  # the majority's words at the same place


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


def _candidates(index: CorpusIndex, words: list[list[str]]) -> list[list[int]]:
    """For each sentence, the passages sharing the most with it, each shared fingerprint weighed
    by its rarity (ties: the older). Counted plainly, the many variants of a boilerplate sentence
    outrank the one rare variant a draft copied exactly, which then never reaches comparison."""
    result: list[list[int]] = [[] for _ in words]
    if not words:
        return result
    items, passages, weights = index.lookup(*fingerprints_of_many(words))
    if len(items) >= VECTORISED_POSTINGS:
        ranked = _ranked_vectorised(items, passages, weights)
    else:
        shared: dict[tuple[int, int], float] = {}
        for item, passage, weight in zip(items, passages, weights, strict=True):
            shared[item, passage] = shared.get((item, passage), 0.0) + weight
        # by sentence, then most shared, then the lowest id
        ranked = [pair for pair, _ in sorted(shared.items(), key=lambda e: (e[0][0], -e[1], e[0][1]))]
    for item, passage in ranked:
        if len(result[item]) < MAX_CANDIDATES:
            result[item].append(passage)
    return result


def _ranked_vectorised(
    items: Sequence[int], passages: Sequence[int], weights: Sequence[float]
) -> list[tuple[int, int]]:
    """The first MAX_CANDIDATES (sentence, passage) pairs of each sentence, by most shared, then
    the lowest id, as `_candidates` ranks them, for the tens of thousands of pairs a large
    corpus's boilerplate gives (numpy sums the weights in the same order, so ties fall the same
    way)."""
    import numpy as np

    if not len(items):
        return []
    items_array = np.asarray(items, dtype=np.int64)
    passages_array = np.asarray(passages, dtype=np.int64)
    width = int(passages_array.max()) + 1
    keys, inverse = np.unique(items_array * width + passages_array, return_inverse=True)
    shared = np.bincount(inverse.ravel(), weights=np.asarray(weights, dtype=float), minlength=len(keys))
    order = np.lexsort((keys % width, -shared, keys // width))
    ranked = keys[order]
    sentence = ranked // width
    first = np.flatnonzero(np.r_[True, sentence[1:] != sentence[:-1]])  # where each sentence's pairs start
    rank = np.arange(len(ranked)) - np.repeat(first, np.diff(np.r_[first, len(ranked)]))
    kept = rank < MAX_CANDIDATES  # (only these are read: convert no more)
    return list(zip(sentence[kept].tolist(), (ranked[kept] % width).tolist(), strict=True))


def _best(norm: str, candidates: list[Passage]) -> tuple[Passage, float] | None:
    """The candidate the sentence is a copy of, with the similarity 0-100."""
    if not candidates:
        return None
    norms = [passage.norm for passage in candidates]
    found = process.extractOne(norm, norms, scorer=fuzz.ratio, score_cutoff=SIMILARITY)
    if found is not None:
        return candidates[found[2]], found[1]
    best, best_score = None, 0.0
    for candidate, candidate_norm in zip(candidates, norms, strict=True):
        score = _score(norm, candidate_norm)
        if score > best_score:
            best, best_score = candidate, score
    return (best, best_score) if best is not None else None


def _score(draft: str, candidate: str) -> float:
    """Similarity 0-100 of two normalised sentences, allowing one embedded in the other: the draft's
    sentence cut from a longer issued one, or an issued sentence that is most of the draft's (a
    short issued heading inside a long draft sentence is not a copy of it)."""
    score = fuzz.ratio(draft, candidate)
    if score >= SIMILARITY:
        return score
    if len(candidate) < PARTIAL_MIN_SHARE * len(draft):
        return 0.0
    shorter, longer = sorted((draft, candidate), key=len)
    if len(shorter.split()) >= PARTIAL_MIN_WORDS and len(shorter) < 0.8 * len(longer):
        partial = fuzz.partial_ratio(shorter, longer)
        if partial >= PARTIAL_SIMILARITY:
            return partial
    return 0.0


def _closest_documents(matches: list[SentenceMatch]) -> list[int]:
    """The issued PITs the draft shares the most passages with, counted over the passages whose
    every use was read (the rarer ones, which say where a draft was copied from), each weighted
    by its rarity: at most CLOSEST_DOCUMENTS."""
    shared: Counter[int] = Counter()
    for match in matches:
        if len(match.occurrences) < SOURCES_PER_PASSAGE:
            for document in {use.document_id for use in match.occurrences}:
                shared[document] += _rarity(match)
    return [document for document, _ in shared.most_common(CLOSEST_DOCUMENTS)]


def _rarity(match: SentenceMatch) -> float:
    """How much a match says about where its run came from: a sentence only one issued PIT uses
    names its source; one that a hundred use says little (the inverse of its uses)."""
    return 1 / max(match.used_by, 1)


def _closer_variants(
    matches: list[SentenceMatch], closest: dict[int, list[Occurrence]], index: CorpusIndex, uses: _Uses
) -> list[SentenceMatch]:
    """Near copies compared again with the closest documents' own sentences. In a large corpus
    a rare variant of a boilerplate sentence may keep no fingerprint of its own (its common ones
    are capped), so the search offers only the common wording; the PIT the draft was copied from
    holds the exact one. Returns the matches whose passage changed."""
    near = [match for match in matches if match.similarity < 1.0]
    ids = {use.passage for document in closest.values() for use in document}
    if not near or not ids:
        return []
    rows = [row for row in index.passages(ids, with_text=False).values() if uses.of(row) > 0]
    norms = [row.norm for row in rows]
    changed = []
    for match in near:
        found = process.extractOne(match.sentence.norm, norms, scorer=fuzz.ratio, score_cutoff=SIMILARITY)
        if found is not None and found[1] / 100 > match.similarity and rows[found[2]].id != match.passage.id:
            match.searched = match.passage  # (its group still says what the usual wording is)
            match.passage, match.similarity, match.used_by = rows[found[2]], found[1] / 100, uses.of(rows[found[2]])
            changed.append(match)
    return changed


def _add_closest_uses(matches: list[SentenceMatch], closest: dict[int, list[Occurrence]]) -> None:
    """Add the closest documents' uses of each matched passage to its occurrences. A boilerplate
    sentence in thousands of PITs lists only its first uses, among which the PIT the draft was
    copied from is rarely found; without this, a run of such sentences is credited to whichever
    old PIT happens to come first."""
    for document, sentences in closest.items():
        first_use: dict[int, Occurrence] = {}
        for use in sentences:
            first_use.setdefault(use.passage, use)
        for match in matches:
            use = first_use.get(match.passage.id)
            if use is not None and all(o.document_id != document for o in match.occurrences):
                match.occurrences.append(use)


def _runs(matches: list[SentenceMatch], order: dict[int, int], closest: list[str]) -> list[ReusedRun]:
    runs: list[ReusedRun] = []
    closeness = {name: len(closest) - rank for rank, name in enumerate(closest)}
    group: list[SentenceMatch] = []

    def close() -> None:
        if not group:
            return
        # each source document's sentences in the run, the rarer weighing more; ties go to the
        # document the draft shares most with, then to the best match's source, then to the one met
        # first (occurrences come in document order), so every run agrees
        votes: Counter[str] = Counter()
        for match in group:
            for name in dict.fromkeys(o.document for o in match.occurrences):
                votes[name] += _rarity(match)
        first_met = {name: rank for rank, name in enumerate(votes)}
        best = max(group, key=lambda match: match.similarity)
        document = max(
            votes,
            key=lambda name: (
                votes[name],
                closeness.get(name, 0),
                name == best.occurrences[0].document,
                -first_met[name],
            ),
        )
        first = next(o for match in group for o in match.occurrences if o.document == document)
        weights = [len(match.sentence.tokens) for match in group]
        similarity = sum(m.similarity * w for m, w in zip(group, weights, strict=True)) / sum(weights)
        runs.append(
            ReusedRun(
                group[0].paragraph,
                list(group),
                document,
                first.paragraph,
                similarity,
                max(match.used_by for match in group),
            )
        )
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


class _Uses:
    """Document counts of passages and groups, leaving out the draft's own document when the
    draft is itself in the corpus."""

    def __init__(self, index: CorpusIndex, excluded: int | None) -> None:
        self.index = index
        self.own = (
            index.passages({use.passage for use in index.document_occurrences([excluded])[excluded]})
            if excluded is not None
            else {}
        )
        self._counted: dict[tuple[int, str | None], int] = {}
        self._variants: dict[int, list[Passage]] = {}

    def of(self, passage: Passage) -> int:
        return passage.documents - (1 if passage.id in self.own else 0)

    def read_variants(self, groups: Iterable[int]) -> None:
        """Read the groups' VARIANTS_COUNTED most used variants at once, as `in_group` may count
        over them (one question for all the draft's groups, not one per slip)."""
        wanted = sorted(set(groups) - set(self._variants))
        if wanted:
            self._variants.update(self.index.top_variants_of(wanted, VARIANTS_COUNTED))

    def in_group(self, group: int, containing: str | None = None) -> int:
        """Uses of a group's variants; with ``containing``, of the variants that contain those
        words, counted over the group's VARIANTS_COUNTED most used variants (exact for real
        corpora, whose groups are small; a bound on a huge group's long tail of one-off copies)."""
        key = (group, containing)
        if key not in self._counted:
            own = sum(
                1
                for p in self.own.values()
                if p.group == group and (containing is None or f" {containing} " in f" {p.norm} ")
            )
            if containing is None:
                total = self.index.group_documents(group)
            else:
                if group not in self._variants:
                    self._variants[group] = self.index.top_variants(group, VARIANTS_COUNTED)
                total = sum(p.documents for p in self._variants[group] if f" {containing} " in f" {p.norm} ")
            self._counted[key] = total - own
        return self._counted[key]


def _slips(match: SentenceMatch, top_variants: list[Passage], uses: _Uses) -> list[Slip]:
    """Slips between a reused sentence and the wording most issued PITs use for it. The
    majority is the variant of the passage most documents use (among ``top_variants``, its
    group's most used); each slip is reported with how many documents use the majority's words
    at that place and how many use any variant."""
    variants = sorted(top_variants, key=lambda p: (-uses.of(p), p.id))
    if not variants or uses.of(variants[0]) < 1:
        return []
    majority = variants[0]
    draft_words = match.sentence.words
    if majority.norm == " ".join(draft_words) or fuzz.ratio(" ".join(draft_words), majority.norm) < SIMILARITY:
        return []
    approved_words = majority.norm.split()
    approved_tokens = text.tokens(majority.text)
    if len(approved_tokens) != len(approved_words):
        return []
    found = []
    for edit in align.slips(draft_words, approved_words):
        first, last = _window(len(draft_words), edit.draft_start, edit.draft_end)
        a_first, a_last = _window(len(approved_words), edit.approved_start, edit.approved_end)
        using_approved = uses.in_group(majority.group, " ".join(approved_words[a_first : a_last + 1]))
        using_draft = uses.in_group(majority.group, " ".join(draft_words[first : last + 1]))
        if using_approved < 2 or using_approved <= using_draft:
            continue
        tokens = match.sentence.tokens
        found.append(
            Slip(
                match.paragraph,
                tokens[first].start,
                tokens[last].end,
                majority.text[approved_tokens[a_first].start : approved_tokens[a_last].end],
                using_approved,
                uses.in_group(majority.group),
                majority.id,
                draft_words=tuple(draft_words[first : last + 1]),
                approved_words=tuple(approved_words[a_first : a_last + 1]),
            )
        )
    return found


def _read_sources(matches: list[SentenceMatch], index: CorpusIndex, excluded: int | None) -> None:
    """Each match's passage text and its first uses (the draft's own document left out)."""
    sources = index.occurrences((m.passage.id for m in matches), limit=SOURCES_PER_PASSAGE, exclude=excluded)
    texts = index.passages(m.passage.id for m in matches)
    for match in matches:
        match.occurrences = sources[match.passage.id]
        match.passage = texts[match.passage.id]


def analyse(document: Document, index: CorpusIndex) -> Analysis:
    """Compare a draft with the corpus."""
    identical = index.document_with_digest(document_digest([p.text for p in document.paragraphs]))
    excluded = identical[0] if identical else None
    analysis = Analysis(identical_to=identical[1] if identical else None)
    analysis.corpus_documents = index.document_count - (1 if identical else 0)
    uses = _Uses(index, excluded)
    body = _body_sentences(document)
    comparable = [(p, s) for p, s in body if text.substantive(p.text[s.start : s.end])]
    candidates = _candidates(index, [sentence.words for _, sentence in comparable])
    rows = index.passages((passage for found in candidates for passage in found), with_text=False)

    matches: list[SentenceMatch] = []
    for (paragraph, sentence), found in zip(comparable, candidates, strict=True):
        best = _best(sentence.norm, [rows[p] for p in found if uses.of(rows[p]) > 0])
        if best is not None:
            passage, score = best
            matches.append(SentenceMatch(paragraph, sentence, passage, score / 100, [], uses.of(passage)))
    _read_sources(matches, index, excluded)
    ranked = _closest_documents(matches)
    closest = index.document_occurrences(ranked)
    _read_sources(_closer_variants(matches, closest, index, uses), index, excluded)
    _add_closest_uses(matches, closest)
    names = {use.document_id: use.document for match in matches for use in match.occurrences}

    positions = {(id(p), s.start): n for n, (p, s) in enumerate(body)}
    order = {id(m): positions[(id(m.paragraph), m.sentence.start)] for m in matches}
    analysis.runs = _runs(matches, order, [names[document] for document in ranked if document in names])
    uses.read_variants(match.wording.group for match in matches)
    top_variants = index.top_variants_of(match.wording.group for match in matches)
    for match in matches:
        analysis.slips.extend(_slips(match, top_variants[match.wording.group], uses))
    if analysis.slips:
        named = index.occurrences({slip.passage for slip in analysis.slips}, limit=1, exclude=excluded)
        for slip in analysis.slips:
            slip.document = named[slip.passage][0].document if named[slip.passage] else ""

    words = sum(len(sentence.tokens) for _, sentence in body)
    reused = sum(len(match.sentence.tokens) for match in matches)
    analysis.reused_fraction = round(reused / words, 3) if words else 0.0
    return analysis
