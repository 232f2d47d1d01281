"""Where program files are: the bundled folder, a bundled program's id, and the walk that
finds every program file below the folders given.

Kept apart from :mod:`.loading` so that finding files imports no program model: a command
that answers from the cache (:mod:`._cache`) walks the folders without loading anything.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final

from .errors import Problem, closest

SUFFIXES: Final = (".yaml", ".yml")


def bundled_programs_dir() -> Path:
    """The program files shipped with the package (or the repository's, when run from source)."""
    here = Path(__file__).resolve().parent
    inside = here / "programs"
    return inside if inside.is_dir() else here.parent / "programs"


def walk(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> Iterator[Path | Problem]:
    """Each program file below ``paths``, as a stream, with a problem for what it cannot use.

    A file given by name is yielded as it is (loading it says what is wrong with it). A
    folder is walked one folder at a time, in sorted order, keeping no list of every path:
    its ``*.yaml``/``*.yml`` entries are yielded (a FIFO, device or unreadable file among
    them too, so that loading it reports it); a subfolder that cannot be listed is an
    error problem, and the walk goes on. Symbolic links are followed only where they stay
    inside the folder given (a link to a folder is never followed, so a walk cannot loop);
    a link out of it is skipped with a warning problem that names it.
    """
    for given in _given_paths(paths):
        info = _stat_given(given)
        if isinstance(info, Problem):
            yield info
        elif stat.S_ISDIR(info.st_mode):
            yield from _walk_folder(Path(given), os.path.realpath(given))
        else:
            yield Path(given)


def _stat_given(given: str | os.PathLike[str]) -> os.stat_result | Problem:
    """What a path given by name is, or the problem that makes it unusable."""
    shown = os.fspath(given)
    if shown == "":
        return Problem(shown, 1, 1, "an empty path names nothing (write . for this folder)")
    try:
        return os.stat(given)
    except ValueError:
        return Problem(shown, 1, 1, "the path contains a NUL byte")
    except FileNotFoundError:
        return Problem(shown, 1, 1, "no such file or folder" + bundled_hint(shown))
    except OSError as exc:
        return Problem(shown, 1, 1, f"cannot use this path: {exc.strerror or exc}")


def _given_paths(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> Iterator[str | os.PathLike[str]]:
    """One path, or each of many: a string is one path, never its characters."""
    if isinstance(paths, (str, os.PathLike)):
        yield paths
        return
    if isinstance(paths, bytes):
        raise TypeError("give paths as str or os.PathLike, not bytes")
    for path in paths:
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"a path must be str or os.PathLike, not {type(path).__name__}")
        yield path


def _walk_folder(top: Path, root: str) -> Iterator[Path | Problem]:
    # A stack of listings, not recursion: a folder nested thousands deep cannot overflow it.
    stack: list[Iterator[tuple[str, os.DirEntry[str] | None]]] = []
    listing = _listing(top)
    if isinstance(listing, Problem):
        yield listing
        return
    stack.append(listing)
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
            continue
        where, entry = item
        path = Path(where)
        if entry is None:  # a plain file (neither a folder nor a link)
            if path.suffix in SUFFIXES:
                yield path
            continue
        try:
            is_link = entry.is_symlink()
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError as exc:
            yield Problem(str(path), 1, 1, f"cannot use this entry: {exc.strerror or exc}")
            continue
        wanted = path.suffix in SUFFIXES
        if is_link and (wanted or _is_folder(path)):
            if not _inside(os.path.realpath(path), root):
                yield Problem(
                    str(path), 1, 1, "a link out of the folder: not followed", severity="warning"
                )
                continue
            if not wanted:  # a link to a folder inside: walked where it really is
                continue
        if is_dir:
            listing = _listing(path)
            if isinstance(listing, Problem):
                yield listing
            else:
                stack.append(listing)
        elif wanted:
            yield path


def _listing(folder: Path) -> Iterator[tuple[str, os.DirEntry[str] | None]] | Problem:
    """The entries of one folder, sorted by name, or why it cannot be listed.

    Each entry comes as its path, with its :class:`os.DirEntry` where it is a folder, a link,
    or cannot be told; a plain file keeps only its name (a folder of 10,000 program files
    would otherwise hold 10,000 entries while it is walked)."""
    names: list[str] = []
    kept: dict[str, os.DirEntry[str]] = {}
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                names.append(entry.name)
                try:
                    plain = not entry.is_symlink() and not entry.is_dir(follow_symlinks=False)
                except OSError:
                    plain = False  # asked again where it is walked, to report why
                if not plain:
                    kept[entry.name] = entry
    except OSError as exc:
        return Problem(str(folder), 1, 1, f"cannot list the folder: {exc.strerror or exc}")
    names.sort()
    base = os.fspath(folder)
    return ((os.path.join(base, name), kept.get(name)) for name in names)


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def find_files(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Every program file :func:`walk` finds below ``paths``, as a list (its problems are
    left out: use :func:`walk` or :func:`iter_programs` to see them and to stream)."""
    return [found for found in walk(paths) if isinstance(found, Path)]


def bundled_hint(given: str) -> str:
    """For a path that names nothing: the bundled program it was most likely meant to be
    (``programs/sora-alpha-artists.yaml`` from a folder that has no ``programs/``)."""
    name = os.path.basename(os.path.normpath(given))
    for suffix in SUFFIXES:
        name = name.removesuffix(suffix)
    try:
        ids = sorted(entry.name.rsplit(".", 1)[0] for entry in os.scandir(bundled_programs_dir()))
    except OSError:
        return ""
    meant = name if name in ids else closest(name, ids)
    if meant is None or meant == given:
        return ""
    return (
        f"; did you mean the bundled program `{meant}`? (a bundled program is named by its id, "
        "from any folder)"
    )


def resolve_program(name: str | Path) -> Path:
    """``name`` as a path; or, where no such file exists and ``name`` is the id of a bundled
    program, that program's file (so a user's own file can be compared with the bundled
    programs from any folder)."""
    path = Path(name)
    if not isinstance(name, str) or "/" in name or "\\" in name or path.exists():
        return path
    for suffix in SUFFIXES:
        bundled = bundled_programs_dir() / f"{name}{suffix}"
        if bundled.is_file():
            return bundled
    return path


DEFAULT_ID: Final = "my-program"
"""The program id of a file whose name gives none."""


def program_id_for(stem: str) -> str:
    """A valid program id made from a file name (``Acme Beta.yaml`` -> ``acme-beta``)."""
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:80].strip("-")
    return slug or DEFAULT_ID
