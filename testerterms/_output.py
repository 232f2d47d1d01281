"""Writing files the way every command does: never over an existing file unless asked, and
atomically (a temporary file in the same folder, then a rename), so a reader never sees a
half-written file and an interrupted write leaves the old one intact.

The file written gets ordinary permissions: a replaced file's read and write bits are kept,
never its setuid, setgid or sticky bits. The temporary file is removed however the write
ends: an error, Ctrl-C, or SIGTERM (which ends the process with status 143 once it is gone).
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from .errors import UsageError


def write_file(path: str | Path, text: str | bytes, *, force: bool = False) -> Path:
    """Write ``text`` (UTF-8, or bytes as they are) to ``path``; refuse to replace an existing
    file unless ``force``."""
    path = Path(path)
    if path.is_dir():
        raise UsageError(f"{path} is a folder: give a file name")
    if not force and (path.exists() or path.is_symlink()):
        raise UsageError(f"{path} already exists: use --force to overwrite it")
    folder = path.parent
    if not folder.is_dir():
        raise UsageError(f"no such folder: {folder}")
    mode = _mode_for(path)
    with _terminate_cleanly():
        return _write(path, folder, text, mode, force=force)


def _write(path: Path, folder: Path, text: str | bytes, mode: int, *, force: bool) -> Path:
    try:
        handle, temporary = tempfile.mkstemp(
            dir=folder, prefix=f".{path.name[:100]}.", suffix=".tmp"
        )
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8") if isinstance(text, str) else text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        if force:
            os.replace(temporary, path)
        else:
            _link_new(temporary, path)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    return path


def _link_new(temporary: str, path: Path) -> None:
    """Put the finished file in place only if nothing took the name meanwhile."""
    try:
        os.link(temporary, path)  # fails if the name exists: no check-then-write race
    except FileExistsError:
        raise UsageError(f"{path} already exists: use --force to overwrite it") from None
    except OSError:  # the file system cannot hard-link: fall back to a checked rename
        if path.exists():
            raise UsageError(f"{path} already exists: use --force to overwrite it") from None
        os.replace(temporary, path)


@contextlib.contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """While writing, SIGTERM unwinds like an exception (so ``finally`` removes the temporary
    file), then ends the process with status 143."""

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
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
