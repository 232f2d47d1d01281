"""What the tests share: paths, program builders, the command runner, and how long a run is.

The README's test command (``pytest -q``) runs every test that guards behaviour, in a few
minutes: it leaves out the tests marked ``slow`` (stress cases, exhaustive searches, a wheel
build, the benchmark, a browser), and each Hypothesis property tries a fifth of its examples
(the ``quick`` profile). CI runs that command, then ``pytest -q -m "slow or hypothesis"
--hypothesis-profile=thorough``: the slow tests, and every property with all its examples.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from testerterms import Profile, Program, load_profile
from testerterms.render._width import DEFAULT_WIDTH

# A property's examples: ``examples(n)`` in its settings, or the profile's count for one that
# names none. Both profiles leave out the deadline: the machine running them may be busy.
settings.register_profile("quick", max_examples=20, deadline=None)
settings.register_profile("thorough", max_examples=100, deadline=None, print_blob=True)
settings.load_profile("quick")  # `--hypothesis-profile=thorough` loads the other one later


def examples(full: int) -> int:
    """The examples a property tries: ``full`` under the ``thorough`` profile (CI), a fifth
    of it (at least 5) under ``quick`` (the README's command): the profile's count per 100."""
    return max(5, full * settings().max_examples // 100)


SLOW_MODULES = {"test_browser.py": "starts a headless browser"}
"""Modules whose every test is slow, with why (the module is another area's to edit)."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.name in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


REPO = Path(__file__).resolve().parent.parent
PROGRAMS = REPO / "programs"
SORA = PROGRAMS / "sora-alpha-artists.yaml"
REFERENCE = PROGRAMS / "reference.yaml"
SERVER = Path(__file__).with_name("_cli_server.py")


def build(
    terms: dict[str, Any] | None = None, *, party: str = "organization", **identity: Any
) -> Program:
    """A program whose terms are given as {"section.name": value}, all backed by one source."""
    sections: dict[str, dict[str, Any]] = {}
    for key, value in (terms or {}).items():
        section, name = key.split(".")
        sections.setdefault(section, {"source": "S"})[name] = (
            {"value": value} if isinstance(value, (dict, list)) and not _is_claims(value) else value
        )
    data = {
        "id": "example",
        "name": "Example program",
        "organization": "Example Org",
        "kind": "beta",
        "sources": {
            "S": {"title": "The terms", "party": party, "url": "https://example.org/terms"}
        },
        "terms": sections,
        **identity,
    }
    return Program.model_validate(data)


def _is_claims(value: Any) -> bool:
    return isinstance(value, dict) and "claims" in value


@pytest.fixture(autouse=True)
def _cache_of_its_own(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the user's cache: each test (and every command it runs) gets
    an empty cache folder of its own."""
    monkeypatch.setenv("TESTERTERMS_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def _width_of_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands run in the test's process write tables as they do into a file (the width
    :data:`~testerterms.render._width.DEFAULT_WIDTH`), whatever terminal runs the tests and
    whichever worker runs the test; a test that wants a width sets ``COLUMNS`` itself."""
    monkeypatch.setenv("COLUMNS", str(DEFAULT_WIDTH))


@pytest.fixture(scope="session")
def articles() -> Profile:
    return load_profile("articles")


@pytest.fixture(scope="session")
def every_rule() -> Profile:
    """The articles profile, weighing every rule of the catalogue (the standards' rules too)."""
    from testerterms import CATALOGUE

    base = load_profile("articles")
    return base.model_copy(
        update={"rules": {code: base.rules.get(code, 1.0) for code in CATALOGUE}}
    )


def run_cli(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m testerterms ARGS`` as a user would, capturing its output.

    Output goes to a file, as for a user who redirects it: pytest's own ``COLUMNS`` is not
    passed on (``env`` adds variables, such as a terminal width). The command runs in a
    process forked from a server that has done the imports (see ``tests/_cli_server.py``);
    where ``env`` changes what Python reads at start-up, in a new interpreter."""
    environment = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    environment.update(env or {})
    command = [sys.executable, "-m", "testerterms", *args]
    folder = cwd or REPO
    if _SERVERS.can_run(environment):
        served = _SERVERS.run(command, folder, environment, timeout=120)
        if served is not None:
            return served
    return subprocess.run(
        command, capture_output=True, text=True, cwd=folder, timeout=120, env=environment
    )


class _Server:
    """One fork server (``tests/_cli_server.py``) and the two pipes to it."""

    def __init__(self) -> None:
        import random

        requests, self._requests = os.pipe()
        self._answers, answers = os.pipe()
        # Each server has its own hash seed, as each new interpreter would.
        environment = {**os.environ, "PYTHONHASHSEED": str(random.randrange(1, 2**32))}
        self.process = subprocess.Popen(
            [sys.executable, str(SERVER), str(requests), str(answers)],
            pass_fds=(requests, answers),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=environment,
            cwd=REPO,
        )
        os.close(requests)
        os.close(answers)
        # Unbuffered: a line read must not take the next one out of select()'s sight.
        self.replies = os.fdopen(self._answers, "rb", buffering=0)
        self.lock = threading.Lock()

    def run(
        self, command: list[str], cwd: Path, env: dict[str, str], timeout: float
    ) -> subprocess.CompletedProcess[str] | None:
        """The command's result, or None if the server is gone."""
        import json
        import locale
        import select
        import signal
        import tempfile

        with self.lock, tempfile.TemporaryDirectory(prefix="testerterms-run-") as folder:
            out, err = Path(folder, "out"), Path(folder, "err")
            out.touch()
            err.touch()
            request = {"args": command[3:], "cwd": str(cwd), "env": env}
            request.update(out=str(out), err=str(err))
            try:
                os.write(self._requests, (json.dumps(request) + "\n").encode())
                pid = json.loads(self.replies.readline())["pid"]
                ready, _, _ = select.select([self.replies], [], [], timeout)
                if not ready:
                    os.kill(pid, signal.SIGKILL)
                status = json.loads(self.replies.readline())["status"]
            except (OSError, ValueError, KeyError):
                return None
            if not ready:
                raise subprocess.TimeoutExpired(command, timeout)
            encoding = locale.getpreferredencoding(False)

            def text(path: Path) -> str:  # as subprocess.run(text=True) decodes a pipe
                decoded = path.read_bytes().decode(encoding)
                return decoded.replace("\r\n", "\n").replace("\r", "\n")

            return subprocess.CompletedProcess(command, status, text(out), text(err))

    def close(self) -> None:
        os.close(self._requests)
        self.replies.close()
        self.process.wait(timeout=10)


class _Servers:
    """Two fork servers, taken in turn: two runs a test compares differ in their hash seed,
    as two new interpreters would."""

    STARTUP = ("PYTHON", "LC_", "LANG")
    """Environment variables Python reads when it starts (encodings, flags): a run that
    changes one needs a new interpreter."""

    def __init__(self) -> None:
        self.servers: list[_Server] = []
        self.turn = 0
        self.lock = threading.Lock()
        self.started_with = dict(os.environ)
        self.broken = os.environ.get("TESTERTERMS_NO_FORK") == "1" or not hasattr(os, "fork")

    def can_run(self, environment: dict[str, str]) -> bool:
        changed = set(environment) ^ set(self.started_with) | {
            k for k in environment if environment[k] != self.started_with.get(k)
        }
        return not self.broken and not any(k.startswith(self.STARTUP) for k in changed)

    def run(
        self, command: list[str], cwd: Path, env: dict[str, str], timeout: float
    ) -> subprocess.CompletedProcess[str] | None:
        with self.lock:
            if not self.servers:
                try:
                    self.servers = [_Server(), _Server()]
                except (OSError, ValueError):  # no fork or no pipes to pass: new interpreters
                    self.broken = True
                    return None
                atexit.register(self.close)
            server = self.servers[self.turn % len(self.servers)]
            self.turn += 1
        return server.run(command, cwd, env, timeout)

    def close(self) -> None:
        for server in self.servers:
            with contextlib.suppress(OSError, subprocess.TimeoutExpired):
                server.close()


_SERVERS = _Servers()
