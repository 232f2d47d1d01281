"""Writing files the way every command does (as pip-tools and black do): one helper for every
output, so that no command can destroy anything but the file the user named.

:func:`write_files` takes every output of a command and:

1. checks each before any is written: it must be absent or a regular file (never a folder,
   a symbolic link, a device, a FIFO or a socket, even with ``--force``); never a file the
   command reads; never named twice; and an existing file is replaced only with ``force``;
2. creates the missing folders above them;
3. writes each to a temporary file in its own folder;
4. only when every one is complete, puts each in place: a hard link for a new name (which
   fails if the name was taken meanwhile), a rename over an old file with ``force``.

A reader never sees a half-written file, and an error before step 4 leaves nothing behind
(no temporary file, no folder it created). The file written gets ordinary permissions: a
replaced file's read and write bits are kept, never its setuid, setgid or sticky bits. The
temporary files are removed however the write ends: an error, Ctrl-C, or SIGTERM (which ends
the process with status 143 once they are gone).
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from ._escape import path as shown
from .errors import UsageError

Content = str | bytes
"""What a file holds: text (written as UTF-8) or bytes as they are."""
Readable = str | os.PathLike[str] | int
"""A file a command reads: its path, or an open file descriptor (standard input)."""


@dataclass(frozen=True)
class Written:
    """What :func:`write_files` did: the files written and the folders it created."""

    files: tuple[Path, ...]
    folders: tuple[Path, ...]


def write_file(
    path: str | os.PathLike[str],
    content: Content,
    *,
    force: bool = False,
    reads: Iterable[Readable] = (),
) -> Path:
    """Write one file (see :func:`write_files`); returns its path."""
    return write_files([(path, content)], force=force, reads=reads).files[0]


def write_files(
    outputs: Sequence[tuple[str | os.PathLike[str], Content]],
    *,
    force: bool = False,
    reads: Iterable[Readable] = (),
) -> Written:
    """Write every output of a command, or none of them (see the module's docstring).

    ``reads`` are the files the command read (programs, profiles, a file on standard input):
    no output may be one of them, whatever its name. Raises :class:`UsageError` naming the
    first output that cannot be written."""
    paths = check_outputs([path for path, _ in outputs], force=force, reads=reads)
    with _terminate_cleanly():
        folders = _make_folders(paths)
        try:
            temporaries = _write_temporaries(paths, [content for _, content in outputs])
        except BaseException:
            _remove_folders(folders)
            raise
        try:
            for path, temporary in zip(paths, temporaries, strict=True):
                _put_in_place(temporary, path, force=force)
        finally:
            for temporary in temporaries:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temporary)
    return Written(tuple(paths), tuple(folders))


def check_outputs(
    paths: Iterable[str | os.PathLike[str]],
    *,
    force: bool = False,
    reads: Iterable[Readable] = (),
) -> list[Path]:
    """Check that each path can be written (before a command does its work, and again when it
    writes); returns them as paths. Raises :class:`UsageError` for the first that cannot."""
    read = {identity for identity in map(_identity, reads) if identity is not None}
    checked: list[Path] = []
    seen: set[str] = set()
    for given in paths:
        path = _checked(given, force=force, read=read)
        key = os.path.normcase(os.path.abspath(path))
        if key in seen:
            raise UsageError(f"{shown(path)} is named twice as an output")
        seen.add(key)
        checked.append(path)
    return checked


def _identity(path: Readable) -> tuple[int, int] | None:
    """The file a read path or descriptor names (through links), as (device, inode)."""
    try:
        info = os.fstat(path) if isinstance(path, int) else os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino)


def _checked(given: str | os.PathLike[str], *, force: bool, read: set[tuple[int, int]]) -> Path:
    if os.fspath(given) == "":
        raise UsageError("an empty output path names no file")
    path = Path(given)
    try:
        info = os.lstat(path)
    except ValueError:
        raise UsageError(f"{shown(path)}: the path contains a NUL byte") from None
    except (FileNotFoundError, NotADirectoryError):
        _check_folder(path)
        return path
    except OSError as exc:
        raise UsageError(f"cannot write {shown(path)}: {exc.strerror or exc}") from None
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise UsageError(f"{shown(path)} is a folder: give a file name")
    if stat.S_ISLNK(mode):
        raise UsageError(
            f"{shown(path)} is a symbolic link: testerterms writes only over a regular file, "
            "even with --force (give the file it points to, or another name)"
        )
    if not stat.S_ISREG(mode):
        raise UsageError(
            f"{shown(path)} is not a regular file (a device, FIFO or socket): testerterms "
            "never writes over one, even with --force"
        )
    if (info.st_dev, info.st_ino) in read:
        raise UsageError(
            f"{shown(path)} is an input file of this command: write the output to another file"
        )
    if not force:
        raise UsageError(f"{shown(path)} already exists: use --force to overwrite it")
    return path


def _check_folder(path: Path) -> None:
    """The nearest existing folder above a new file must be a folder (the rest is created)."""
    for parent in path.absolute().parents:
        try:
            info = os.stat(parent)
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError as exc:
            raise UsageError(f"cannot write {shown(path)}: {exc.strerror or exc}") from None
        if not stat.S_ISDIR(info.st_mode):
            raise UsageError(f"cannot write {shown(path)}: {shown(parent)} is not a folder")
        return


def _make_folders(paths: Sequence[Path]) -> list[Path]:
    """Create each missing folder above the outputs, outermost first; returns those made."""
    made: list[Path] = []
    for path in paths:
        missing = []
        for parent in path.parents:
            if parent.exists():
                break
            missing.append(parent)
        for folder in reversed(missing):
            try:
                folder.mkdir()
            except FileExistsError:
                continue
            except OSError as exc:
                _remove_folders(made)
                reason = exc.strerror or str(exc)
                raise UsageError(f"cannot create the folder {shown(folder)}: {reason}") from None
            made.append(folder)
    return made


def _remove_folders(folders: Sequence[Path]) -> None:
    for folder in reversed(folders):
        with contextlib.suppress(OSError):
            folder.rmdir()


def _write_temporaries(paths: Sequence[Path], contents: Sequence[Content]) -> list[str]:
    """Each output written in full to a temporary file beside it; on any error, none is left."""
    temporaries: list[str] = []
    try:
        for path, content in zip(paths, contents, strict=True):
            mode = _mode_for(path)
            # The name's first 100 bytes, not characters: 100 CJK characters are 300 bytes,
            # and a file name is at most 255 (the cut may split a character; fsdecode keeps
            # the bytes as they are).
            prefix = f".{os.fsdecode(os.fsencode(path.name)[:100])}."
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
            temporaries.append(temporary)
            with os.fdopen(handle, "wb") as stream:
                stream.write(content.encode("utf-8") if isinstance(content, str) else content)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, mode)
    except BaseException as exc:
        for temporary in temporaries:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        if isinstance(exc, OSError):
            raise UsageError(f"cannot write {shown(path)}: {exc.strerror or exc}") from None
        raise
    return temporaries


def _put_in_place(temporary: str, path: Path, *, force: bool) -> None:
    try:
        if force and os.path.lexists(path):
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode):  # it changed since the check: still refuse
                raise UsageError(f"{shown(path)} is no longer a regular file: not replaced")
            os.replace(temporary, path)
        else:
            _link_new(temporary, path)
    except OSError as exc:
        raise UsageError(f"cannot write {shown(path)}: {exc.strerror or exc}") from None


def _link_new(temporary: str, path: Path) -> None:
    """Put the finished file in place only if nothing took the name meanwhile."""
    try:
        os.link(temporary, path)  # fails if the name exists: no check-then-write race
    except FileExistsError:
        raise UsageError(f"{shown(path)} already exists: use --force to overwrite it") from None
    except OSError:  # the file system cannot hard-link: fall back to a checked rename
        if os.path.lexists(path):
            raise UsageError(f"{shown(path)} already exists: use --force to overwrite it") from None
        os.replace(temporary, path)


@contextlib.contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """While writing, SIGTERM unwinds like an exception (so ``finally`` removes the temporary
    files), then ends the process with status 143."""

    def terminated(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, terminated)
    except ValueError:  # not the main thread: signals stay as they are
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _mode_for(path: Path) -> int:
    """Keep an overwritten file's read/write/execute bits (never setuid, setgid or sticky);
    give a new file the usual ones (umask)."""
    try:
        return os.lstat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
