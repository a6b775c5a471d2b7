"""A corpus of issued PITs: documents read with the same readers as drafts, split into the
sentences the index stores, and named by their reference ("624A/23" -> "624A-23") where the
text gives one.

A folder may carry a ``manifest.json`` (a list of {"file", "id", "reference", "exemptions"});
what it says wins over what is derived from the text.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from pitlint import readers, regexes
from pitlint.errors import CorpusError
from pitlint.reuse import text

MANIFEST = "manifest.json"
_REFERENCE = regexes.compile(r"\b(?:FOI\s*)?(\d{3,5}[A-Z]?)\s?[/-]\s?(\d{2})\b")


class CorpusSentence(NamedTuple):
    """A sentence of an issued PIT. A tuple, its words one string: a build's worker processes send
    millions of these to the writer, and each object pickled is time on both sides."""

    paragraph: int  # 1-based paragraph in the document
    ordinal: int  # 1-based sentence within the paragraph
    text: str
    norm: str  # its normalised words, joined by single spaces

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.norm.split(" "))


@dataclass
class CorpusDocument:
    name: str  # the id findings cite, e.g. "624A-23"
    path: str  # as given (relative to the corpus folder when built from one)
    reference: str | None
    exemptions: list[str]
    digest: str  # of the normalised text: a draft with the same digest is this document
    paragraphs: int
    sentences: list[CorpusSentence] = field(default_factory=list)
    vocabulary: set[str] = field(default_factory=set)  # every word, for the spelling check


def document_digest(paragraph_texts: list[str]) -> str:
    return words_digest(text.words(" ".join(paragraph_texts)))


def words_digest(words: list[str]) -> str:
    """The digest of a document's normalised words, in order: a draft with the same is this document."""
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def reference_of(paragraph_texts: list[str]) -> str | None:
    """The request reference a PIT gives near its top ("502A-22", "Public Interest Test - 624A/23")."""
    for paragraph in paragraph_texts[:8]:
        match = _REFERENCE.search(paragraph)
        if match:
            return f"{match.group(1)}/{match.group(2)}"
    return None


def load_manifest(folder: Path) -> dict[str, dict]:
    """The manifest's entries by file name; a malformed manifest is a clear error."""
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
        return {entry["file"]: entry for entry in entries}
    except (ValueError, TypeError, KeyError) as error:
        raise CorpusError(f"{path}: not a valid corpus manifest ({error})") from None


def load_document(path: Path, label: str, manifest: dict[str, dict] | None = None) -> CorpusDocument:
    """Read one issued PIT. Raises ReadError when the file cannot be read."""
    from pitlint.outline import find_citations

    document = readers.read(path)
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    entry = (manifest or {}).get(path.name, {})
    reference = entry.get("reference", reference_of(paragraphs))
    name = entry.get("id") or (reference.replace("/", "-") if reference else path.stem)
    exemptions = entry.get("exemptions") or list(dict.fromkeys(c.label for c in find_citations(document)))
    corpus_document = CorpusDocument(name, label, reference, exemptions, "", len(paragraphs))
    # Each sentence's words are read once: the sentences of a paragraph hold all its words (only
    # white space lies between them), so they also give the vocabulary and the digest's text.
    every_word: list[str] = []
    for paragraph in document.paragraphs:
        for ordinal, (start, end) in enumerate(text.sentence_bounds(paragraph.text), start=1):
            words = text.words(paragraph.text[start:end])
            every_word += words
            if len(words) >= text.MIN_SENTENCE_TOKENS:
                corpus_document.sentences.append(
                    CorpusSentence(paragraph.index, ordinal, paragraph.text[start:end], " ".join(words))
                )
    corpus_document.vocabulary = set(every_word)
    corpus_document.digest = words_digest(every_word)
    return corpus_document


def is_corpus_file(name: str) -> bool:
    """A folder's manifest and READMEs describe the corpus; they are not PITs."""
    return name != MANIFEST and not name.upper().startswith("README")


def corpus_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise CorpusError(f"{folder}: not a folder of issued PITs")
    return [path for path in readers.discover([folder]) if is_corpus_file(path.name)]


def load_folder(folder: Path) -> tuple[list[tuple[Path, str]], dict[str, dict]]:
    """The files of a corpus folder with their labels (paths relative to the folder)."""
    return [(path, str(path.relative_to(folder))) for path in corpus_files(folder)], load_manifest(folder)
