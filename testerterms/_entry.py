"""What the command line needs before anything else is imported: Ctrl-C during start-up
ends the run with one line and status 130, not a traceback from inside an import.

Imported first by the package's ``__init__``, for that effect; it acts only when the process is the
testerterms command (``testerterms ...`` or ``python -m testerterms ...``), never when a
program imports the library. Once :func:`testerterms.cli.main` runs, it takes Ctrl-C over.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from types import FrameType
from typing import Final

INTERRUPTED: Final = 130
"""The exit status of a run stopped by Ctrl-C (128 + SIGINT), as shells report it."""


def _interrupted(signum: int, frame: FrameType | None) -> None:
    # Nothing is half-written before main() starts, so leaving at once loses nothing.
    os.write(2, b"testerterms: interrupted\n")
    os._exit(INTERRUPTED)


def is_command() -> bool:
    """Whether this process is the testerterms command rather than a program using the library."""
    argv = getattr(sys, "orig_argv", [])
    as_module = any(argv[i : i + 2] == ["-m", "testerterms"] for i in range(len(argv) - 1))
    script = os.path.basename(sys.argv[0]) if sys.argv else ""
    return as_module or script in ("testerterms", "testerterms.exe")


def guard_startup() -> None:
    """Make Ctrl-C during the imports of the command a one-line exit 130."""
    if is_command():
        quiet_interrupt()


def quiet_interrupt() -> None:
    """From now on Ctrl-C ends the process at once with one line and status 130."""
    with contextlib.suppress(ValueError):  # not the main thread: leave signals alone
        signal.signal(signal.SIGINT, _interrupted)


guard_startup()
