"""A fork server for the tests' ``run_cli``: ``python -m testerterms ARGS`` without paying
Python's start-up and testerterms' imports (pydantic, the model, matplotlib) for each run.

It imports what the commands import, once, then for each request forks a child that runs
the command as ``python -m testerterms`` would: in its own process, in the folder and with
the environment asked for, its standard streams on the files named, and ``os._exit`` with
the command's status. The child of a fork starts from the same state a fresh interpreter
reaches after those imports, so each run is as independent as a new process.

Protocol (one JSON object a line): the client writes ``{"args", "cwd", "env", "out", "err"}``
on the request pipe; the server answers ``{"pid": N}`` at once and ``{"status": S}`` (a
negative S: killed by signal -S) when the child ends.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import traceback
from typing import Any


def preload() -> None:
    """What the commands import, imported here once so that no child pays for it."""
    import testerterms.cli  # noqa: F401
    from testerterms import _authoring, _output, _parallel, _validation, advice, loading, scoring  # noqa: F401
    from testerterms.render import REPORTERS

    assert REPORTERS  # imports every reporter
    with contextlib.suppress(ImportError):  # the report extra, when it is installed
        import jinja2  # noqa: F401
        from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: F401
        from matplotlib.figure import Figure  # noqa: F401

        from testerterms.report import _charts, _page  # noqa: F401


def child(request: dict[str, Any], closing: tuple[int, ...]) -> None:
    """Run one command in this (forked) process, then leave with its exit status."""
    status = 1
    try:
        for fd in closing:
            os.close(fd)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        streams = [
            os.open(os.devnull, os.O_RDONLY),
            os.open(request["out"], os.O_WRONLY | os.O_TRUNC),
            os.open(request["err"], os.O_WRONLY | os.O_TRUNC),
        ]
        for target, fd in enumerate(streams):
            os.dup2(fd, target)
            os.close(fd)
        import testerterms

        main_module = os.path.join(os.path.dirname(testerterms.__file__), "__main__.py")
        sys.argv = [main_module, *request["args"]]
        sys.orig_argv = [sys.executable, "-m", "testerterms", *request["args"]]
        from testerterms import _entry
        from testerterms.cli import main

        _entry.guard_startup()
        try:
            status = main()
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except BaseException:
            traceback.print_exc()
            status = 1
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # as the interpreter does at exit: say so, status 120
                with contextlib.suppress(Exception):
                    os.write(2, b"Exception ignored while flushing a standard stream\n")
                status = status or 120
    finally:
        os._exit(status)


def serve(requests: int, answers: int) -> None:
    preload()
    with os.fdopen(requests, "rb") as incoming:
        for line in incoming:
            request = json.loads(line)
            pid = os.fork()
            if pid == 0:
                child(request, (requests, answers))
            os.write(answers, (json.dumps({"pid": pid}) + "\n").encode())
            _, waited = os.waitpid(pid, 0)
            status = os.waitstatus_to_exitcode(waited)
            os.write(answers, (json.dumps({"status": status}) + "\n").encode())


if __name__ == "__main__":  # a spawned worker imports this module: it must not serve
    serve(int(sys.argv[1]), int(sys.argv[2]))
