"""A cache of what a command made of each program file, so that a second run over the same
files costs reading them, not loading and scoring them (ruff and mypy cache the same way).

``score`` keeps each program's piece of output (its table row, JSON entry, CSV rows...) with
what ``--fail-under`` reads; ``validate`` keeps each file's errors and warnings; ``diff``
and ``compare`` keep what they printed, under the keys of every file they read, in order
(``compare`` only where every file loaded, and at most a few megabytes of it); ``ask``
keeps the program file it wrote and the table it printed for a set of answers. A result is
found by a key made of everything it depends on:

- the file: its bytes and its path as given;
- the code: the tool's version, the Python running it, and the size and modification time
  of every file of the package and of its dependencies (an upgrade, or an edit to an
  editable install, starts afresh);
- what the command adds: for ``score``, the whole profile (not only its id) and the output's
  options (format, ``--details``, the width a table is fitted to); for ``compare``, every
  profile whole, the format, ``--ascii`` (or a terminal that cannot show the symbols),
  ``--samples`` and ``--seed``, and the width.

The results of one run (the same command and options over the same paths, from the same
folder) are kept together in one file, a pack, read at the start of the run and written at
its end where anything changed.

Where: ``$TESTERTERMS_CACHE_DIR``; else ``$XDG_CACHE_HOME/testerterms``; else the platform's
cache folder (``~/.cache/testerterms`` on Linux, ``~/Library/Caches/testerterms`` on macOS,
``%LOCALAPPDATA%\\testerterms\\Cache`` on Windows). Deleting it at any time is safe.

Why it can be trusted:

- a pack is written to a temporary file beside it and renamed into place, so a reader finds
  a whole pack or none, and of two runs writing at once the last one's pack stays, whole;
- a pack carries a checksum of its text, and each result the key it was kept under: a pack
  cut short or altered is ignored (and written again), a result of other bytes not used;
- a pack is data (JSON), never code that reading it would run;
- a result is kept only when the file is the same after it was computed as when its bytes
  were read (device, inode, size, modification and change times), so a file edited
  meanwhile is not cached under the old bytes;
- a folder that cannot be made, read or written is not used, and the command runs as it
  would without a cache.

Each version of the code keeps its packs in a folder of its own; when a new one is made, the
folders no run has used for :data:`UNUSED_DAYS` days are removed.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import stat
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from ._version import __version__

try:  # hashlib itself costs a few milliseconds to import (it loads OpenSSL)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover (not CPython)
    from hashlib import blake2b

ENV: Final = "TESTERTERMS_CACHE_DIR"
"""The environment variable that names the cache folder."""
LAYOUT: Final = 1
"""The version of the entries' layout (part of every folder's name)."""
FEWER_THAN: Final = 200
"""The cache serves runs of fewer files than this: the runs ``score`` makes in one process
(:data:`._parallel.PARALLEL_FROM`). A bigger folder is scored afresh: an entry a file would
cost more to write than it saves once, and fill the disk with a copy of the output."""
MAX_BYTES: Final = 1_000_000
"""Larger files are not cached (loading refuses them anyway)."""
UNUSED_DAYS: Final = 7
"""A code version's folder not used for this many days is removed when a new one is made."""
DEPENDENCIES: Final = ("pydantic", "pydantic_core", "yaml", "tabulate")
"""Packages whose upgrade can change what a command prints (parse errors, tables)."""
_DAY: Final = 86_400
_VERSION_FOLDER: Final = re.compile(r"v[0-9]+-[0-9a-f]{32}")
"""The name of a code version's folder: ``v{LAYOUT}-{code_signature()}``."""
_TAG: Final = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This folder is a cache made by testerterms; see https://bford.info/cachedir/\n"
)
_serial = itertools.count()


def cache_root() -> Path | None:
    """The cache folder (see the module's docstring), or None where there is none."""
    given = os.environ.get(ENV)
    if given:
        return Path(given)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):  # the XDG specification ignores a relative path
        return Path(xdg) / "testerterms"
    if os.name == "nt":
        local = os.environ.get("LOCALAPPDATA")
        return Path(local) / "testerterms" / "Cache" if local else None
    try:
        home = Path.home()
    except (RuntimeError, KeyError):  # no HOME and no password entry
        return None
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "testerterms"
    return home / ".cache" / "testerterms"


def code_signature() -> str:
    """What the code that makes every result is: the tool's version, the Python running it,
    and the size and modification time of each file of the package and its dependencies.

    Costs about a millisecond: one ``stat`` a file, no file read."""
    digest = blake2b(digest_size=16)
    package = Path(__file__).resolve().parent
    digest.update(f"{__version__}\0{sys.version}\0{sys.executable}\0{package}\0".encode())
    folders = [package]
    while folders:
        folder = folders.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name == "__pycache__" or (folder == package and entry.name == "programs"):
                continue  # bytecode follows the sources; programs are keyed by their bytes
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(Path(entry.path))
                    continue
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            digest.update(f"{entry.path}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    from importlib.util import find_spec

    for name in DEPENDENCIES:
        try:
            spec = find_spec(name)
            origin = spec.origin if spec is not None else None
            found = os.stat(origin) if origin else None
        except (ImportError, ValueError, OSError):
            found = None
        seen = f"{origin}\0{found.st_size}\0{found.st_mtime_ns}" if found else "absent"
        digest.update(f"{name}\0{seen}\0".encode())
    return digest.hexdigest()


def _seen(info: os.stat_result) -> tuple[int, ...]:
    """What tells that a file changed: its identity, size and times."""
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


@dataclass(frozen=True, slots=True)
class Slot:
    """One file's place in the cache: its key, and how the file was when its bytes were read."""

    path: str
    key: str
    seen: tuple[int, ...]


class Cache:
    """The results of one kind (a command's, with its options) for the files of one run.

    The entries of a run (the same command, options and paths given, from the same folder)
    are kept together, in one file read at the start and written once at the end, where
    anything changed: a file written costs more than a file scored, on some file systems
    (about a millisecond to make one, here), and a run of 30 programs would write 30.
    """

    def __init__(self, pack: Path, kind: str) -> None:
        self.pack = pack
        self.kind = blake2b(kind.encode(), digest_size=20).digest()
        self.entries: dict[str, list[Any]] = {}
        """Each path's [key, value], as read from the pack, then as found by this run."""
        self.used: dict[str, list[Any]] = {}
        self.changed = False

    @classmethod
    def open(
        cls, kind: str, given: Iterable[str | os.PathLike[str]], root: Path | None = None
    ) -> Cache | None:
        """The cache of results of ``kind`` for a run over the paths ``given``, under
        ``root`` (default :func:`cache_root`); None where no folder can be used."""
        root = root if root is not None else cache_root()
        if root is None:
            return None
        folder = root / f"v{LAYOUT}-{code_signature()}"
        try:
            info = folder.stat()
        except OSError:
            info = None
        try:
            if info is None:
                _make_root(root)
                folder.mkdir(mode=0o700, exist_ok=True)
                _prune(root, keep=folder)
            elif info.st_mtime < time.time() - _DAY:  # used today: not removed by _prune
                os.utime(folder)
            here = os.getcwd()  # relative paths given name other files elsewhere
        except OSError:
            return None
        run = "\0".join([kind, here, *(os.fspath(path) for path in given)])
        name = blake2b(os.fsencode(run), digest_size=20).hexdigest()
        cache = cls(folder / f"{name}.json", kind)
        cache.entries = _read_pack(cache.pack)
        return cache

    @classmethod
    def for_run(
        cls, kind: str, given: Sequence[str | os.PathLike[str]], root: Path | None = None
    ) -> Cache | None:
        """:meth:`open`, for a run over fewer than :data:`FEWER_THAN` files below ``given``."""
        from ._files import walk

        if len(list(itertools.islice(walk(given), FEWER_THAN))) >= FEWER_THAN:
            return None
        return cls.open(kind, given, root)

    def slot(self, path: str | os.PathLike[str]) -> Slot | None:
        """Read the file at ``path`` and find its key; None when it is not a plain file that
        can be read whole (loading it then says what is wrong with it)."""
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        try:
            handle = os.open(path, flags)
        except (OSError, ValueError):  # ValueError: a NUL byte in the path
            return None
        try:
            info = os.fstat(handle)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
                return None
            data = _read(handle, info.st_size + 1)
        except OSError:
            return None
        finally:
            os.close(handle)
        if len(data) != info.st_size:  # it changed while it was read
            return None
        shown = os.fspath(path)
        digest = blake2b(self.kind, digest_size=20)
        digest.update(b"\0" + os.fsencode(shown) + b"\0")
        digest.update(data)
        return Slot(shown, digest.hexdigest(), _seen(info))

    def text_slot(self, name: str, data: bytes) -> Slot:
        """The key of a result made from ``data`` rather than from a file's bytes (``ask``'s
        answers), kept under ``name``."""
        digest = blake2b(self.kind, digest_size=20)
        digest.update(b"\0" + os.fsencode(name) + b"\0")
        digest.update(data)
        return Slot(name, digest.hexdigest(), ())

    def get(self, slot: Slot) -> Any:
        """The value kept for the file, or None."""
        entry = self.entries.get(slot.path)
        if entry is None or entry[0] != slot.key:
            return None
        self.used[slot.path] = entry
        return entry[1]

    def unchanged(self, slot: Slot) -> bool:
        """Whether the file is as it was when :meth:`slot` read its bytes (always, for a
        :meth:`text_slot`: its data is in its key)."""
        if not slot.seen:
            return True
        try:
            return _seen(os.stat(slot.path)) == slot.seen
        except (OSError, ValueError):
            return False

    def put(self, slot: Slot, value: Any) -> None:
        """Keep ``value`` for the file, if it has not changed since :meth:`slot` read it."""
        if not self.unchanged(slot):
            return
        self.used[slot.path] = [slot.key, value]
        self.changed = True

    def save(self) -> None:
        """Write what this run found, if it differs from what was read: the entries of the
        files of this run (a file no longer there leaves the pack)."""
        if not (self.changed or self.used.keys() != self.entries.keys()):
            return
        text = json.dumps({"entries": self.used}, separators=(",", ":")).encode()
        temporary = self.pack.with_name(f".{self.pack.name}.{os.getpid()}.{next(_serial)}.tmp")
        try:
            with open(temporary, "xb") as handle:
                handle.write(_checksum(text).encode("ascii") + b"\n" + text)
            os.replace(temporary, self.pack)
        except OSError:  # a full disk or a read-only folder: the run goes on without it
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _read_pack(pack: Path) -> dict[str, list[Any]]:
    """The entries of a pack; none for one missing, cut short, altered or not of its shape."""
    try:
        with open(pack, "rb") as handle:
            data = handle.read()
    except OSError:
        return {}
    check, _, text = data.partition(b"\n")
    if check.decode("ascii", "replace") != _checksum(text):
        return {}
    try:
        entries = json.loads(text)["entries"]
    except (ValueError, KeyError, TypeError):
        return {}
    if not isinstance(entries, dict):
        return {}
    return {
        path: entry
        for path, entry in entries.items()
        if isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], str)
    }


def _read(handle: int, size: int) -> bytes:
    chunks = []
    while size > 0:
        chunk = os.read(handle, size)
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _checksum(text: bytes) -> str:
    return blake2b(text, digest_size=16).hexdigest()


def _make_root(root: Path) -> None:
    if root.is_dir():
        return
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # backup tools leave a folder with this tag out
        (root / "CACHEDIR.TAG").write_text(_TAG, encoding="ascii")


def _prune(root: Path, *, keep: Path) -> None:
    """Remove the folders of code versions no run has used for :data:`UNUSED_DAYS` days.

    Only in a cache folder this module made (it holds the tag :func:`_make_root` writes), and
    only folders named as :meth:`Cache.open` names them: ``$TESTERTERMS_CACHE_DIR`` may name a
    folder that holds other things (``~/.cache``, a project), and none of them is touched."""
    limit = time.time() - UNUSED_DAYS * _DAY
    try:
        if (root / "CACHEDIR.TAG").read_text(encoding="ascii") != _TAG:
            return
        folders = [entry for entry in os.scandir(root) if _VERSION_FOLDER.fullmatch(entry.name)]
    except (OSError, UnicodeDecodeError):
        return
    for entry in folders:
        try:
            old = entry.is_dir(follow_symlinks=False) and entry.stat().st_mtime < limit
        except OSError:
            continue
        if old and entry.path != os.fspath(keep):
            import shutil

            shutil.rmtree(entry.path, ignore_errors=True)
