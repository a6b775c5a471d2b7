"""Which index a `--corpus` argument means, building it into the cache when there is none.

- no argument: the corpus shipped inside the package, indexed once into the cache;
- an index folder (it holds ``pitlint-index.json``): used as it is, refused if PITs were added
  to, removed from or renamed in the corpus folder it was built from since (``folder_listing``);
- a folder of PITs with an up-to-date ``.pitlint-index`` inside (what `pitlint corpus build DIR`
  writes by default): that index;
- any other folder of PITs: an index built into the cache, keyed by the folder's content (its
  files' names, sizes and modification times), so it is built once and reused until they change;
- a ``redis://`` (``rediss://``, ``unix://``) address: the shared index on that server.

The cache is ``$PITLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/pitlint``, else ``~/.cache/pitlint``.
Builds go to a temporary folder renamed into place, so concurrent runs never see half an index.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from pitlint.caches import cache_dir
from pitlint.errors import CorpusError
from pitlint.reuse import index as index_module
from pitlint.shipped import shipped

DEFAULT_CORPUS = shipped("corpus")
IN_FOLDER = ".pitlint-index"
Notify = Callable[[str], None]


def default_index_path(corpus: Path) -> Path:
    """Where `pitlint corpus build DIR` writes when no --index is given."""
    return corpus / IN_FOLDER


def _stale(index: index_module.Index) -> str | None:
    """Why an index no longer matches the corpus folder it was built from, or None."""
    corpus = index.header["corpus"]
    if not corpus or not Path(corpus).is_dir():
        return None
    if index.corpus_stamps is not None and index_module.unchanged(Path(corpus), index.corpus_stamps):
        return None  # no folder of the corpus has changed: none of its PITs can have (a stat a folder)
    if index_module.folder_listing(Path(corpus)) != index.corpus_listing:
        return f"the corpus folder {corpus} has changed since the index was built"
    return None


def _cached(corpus: Path, notify: Notify | None) -> Path:
    """The cache's index of a folder, built when missing."""
    signature = index_module.folder_signature(corpus)
    key = hashlib.sha256(f"{index_module.FORMAT}\0{corpus.resolve()}\0{signature}".encode()).hexdigest()[:20]
    target = cache_dir() / f"index-{key}"
    if index_module.is_index(target):
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".probe-"):
            pass
    except OSError:
        target = Path(tempfile.mkdtemp(prefix="pitlint-index-")) / "index"  # an unwritable cache
    if notify and corpus != DEFAULT_CORPUS:
        notify(f"indexing {corpus} (once; kept in {target.parent})")
    _build(corpus, target, keep_existing=True)  # concurrent runs: the first one finished wins
    return target


def _build(corpus: Path, target: Path, *, keep_existing: bool = False) -> None:
    """Index a folder for a check, with a progress bar on a terminal: a large corpus takes a while."""
    from pitlint.progress import progress_bar
    from pitlint.reuse.corpus import load_folder

    files, manifest = load_folder(corpus)
    with progress_bar("Indexing", len(files)) as update:
        index_module.build(corpus, target, files=files, manifest=manifest, progress=update, keep_existing=keep_existing)


def _open_cached(corpus: Path, notify: Notify | None, thorough: bool) -> index_module.Index:
    """The cache's index of a folder, opened; rebuilt if it is damaged (it is only a cache)."""
    target = _cached(corpus, notify)
    try:
        opened = index_module.Index.open(target, thorough=thorough)
    except index_module.DamagedIndex:
        if notify:
            notify(f"the cached index at {target} is damaged; indexing {corpus} again")
        _build(corpus, target)
        opened = index_module.Index.open(target, thorough=thorough)
    if opened.document_count == 0:  # an empty corpus would silently find no reuse at all
        opened.close()
        raise CorpusError(
            f"{corpus}: no issued PITs in this folder (give a folder of .docx, .pdf, .md, .txt or .html "
            "PITs, or an index made by `pitlint corpus build`)"
        )
    return opened


def open_index(corpus: str | None, notify: Notify | None = None, *, thorough: bool = False) -> index_module.CorpusIndex:
    """The index for ``--corpus``, opened once (a damaged index is refused before a stale one;
    ``thorough``: every byte of a folder index checked, see `pitlint.reuse.index`)."""
    if corpus is None:
        return _open_cached(DEFAULT_CORPUS, notify, thorough)
    from pitlint.reuse.shared import is_address

    if is_address(corpus):
        from pitlint.reuse.shared import RedisIndex

        return RedisIndex.open(corpus)
    if "://" in corpus:
        raise CorpusError(f"{corpus}: not a corpus folder, an index or a redis:// address")
    path = Path(corpus)
    if not path.exists():
        raise CorpusError(f"{corpus}: no such corpus folder or index")
    if index_module.is_index(path):
        opened = index_module.Index.open(path, thorough=thorough)
        reason = _stale(opened)
        if reason:
            opened.close()
            raise CorpusError(f"{corpus}: stale index: {reason}; rebuild it with `pitlint corpus build`")
        return opened
    if not path.is_dir():
        raise CorpusError(f"{corpus}: not a folder of issued PITs or an index")
    inside = default_index_path(path)
    if index_module.is_index(inside):
        opened = index_module.Index.open(inside, thorough=thorough)
        reason = _stale(opened)
        if not reason:
            return opened
        opened.close()
        if notify:
            notify(f"{inside} is out of date ({reason}); using a fresh index in the cache")
    return _open_cached(path, notify, thorough)


def resolve(corpus: str | None, notify: Notify | None = None) -> Path:
    """The index folder ``--corpus`` means (building it into the cache if need be)."""
    opened = open_index(corpus, notify)
    opened.close()
    return Path(opened.path)


def stderr_notify(message: str) -> None:
    print(f"pitlint: {message}", file=sys.stderr)
