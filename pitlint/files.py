"""The files pitlint reads and writes: finding drafts under folders without leaving them, and
writing outputs so that no input is ever overwritten and no half-written file is left in use.

A pull request to a drafts repository is untrusted: a symbolic link in it may point at a
credentials file outside the repository, so a folder walk never follows a link out of the folder
it was given (a link named on the command line is the user's own choice, and is read).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pitlint.errors import UsageError


@dataclass
class Discovered:
    files: list[Path] = field(default_factory=list)
    problems: list[tuple[Path, str]] = field(default_factory=list)  # (path, reason) for one line each


def _skipped(name: str) -> bool:
    """Hidden entries (.git, .pitlint-index) and Word's "~$" lock files."""
    return name.startswith(".") or name.startswith("~$")


def discover(paths: Iterable[Path], supported: Callable[[Path], bool]) -> Discovered:
    """Each file named, and every supported file under each folder named, in a stable order and
    without repeats. Links under a folder are followed only when they stay inside it; folders
    that cannot be opened are problems, not silence."""
    found = Discovered()
    for path in paths:
        try:
            folder = path.is_dir()
        except OSError:  # a name too long, a loop of links: reading the file says so, for this file
            folder = False
        if folder:
            _walk(path, supported, found)
        else:
            found.files.append(path)
    found.files = list(dict.fromkeys(found.files))
    return found


def _walk(root: Path, supported: Callable[[Path], bool], found: Discovered) -> None:
    real_root = os.path.realpath(root)
    first = len(found.files)
    inside_links: list[tuple[Path, str]] = []  # (link, its target), read only if the target is not
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            found.problems.append((folder, f"cannot open the folder: {error.strerror or error}"))
            continue
        folders = []
        for entry in entries:
            if _skipped(entry.name):
                continue
            path = Path(entry.path)
            try:
                if entry.is_symlink():
                    target = os.path.realpath(path)
                    if os.path.commonpath([real_root, target]) != real_root:
                        if supported(path) or os.path.isdir(target):
                            found.problems.append((path, "a link to outside the checked folder: not followed"))
                        continue
                    if entry.is_dir():
                        continue  # inside the folder: its files are found under their own names
                    if supported(path) and os.path.isfile(target):
                        inside_links.append((path, target))
                    continue
                if entry.is_dir(follow_symlinks=False):
                    folders.append(path)
                elif supported(path) and entry.is_file():
                    found.files.append(path)
            except (OSError, ValueError) as error:
                found.problems.append((path, f"cannot open: {getattr(error, 'strerror', None) or error}"))
        pending.extend(reversed(folders))
    walked = {os.path.realpath(path) for path in found.files[first:]}
    found.files.extend(link for link, target in inside_links if target not in walked)
    found.files[first:] = sorted(found.files[first:], key=lambda path: path.parts)


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file: the same path, a symbolic link to it, or a hard link."""
    try:
        one, other = os.stat(first), os.stat(second)
    except OSError:
        return False
    return (one.st_dev, one.st_ino) == (other.st_dev, other.st_ino)


def refuse_inputs(target: Path, inputs: Iterable[Path], what: str) -> None:
    """Stop before an output lands on a file being read, by any name."""
    for path in inputs:
        if same_file(target, path):
            raise UsageError(f"{target}: the {what} would overwrite {path}, which is being checked; give another file")


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file renamed into place, so that a reader
    never sees half a file and an interrupted write leaves the old one. A device or pipe given
    as the target (/dev/stdout) is written directly; a link given as the target is replaced by
    the file, never written through."""
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        with open(target, "wb") as stream:
            stream.write(data)
        return
    folder = target.parent
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
