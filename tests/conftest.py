from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from testerterms import Profile, Program, load_profile

REPO = Path(__file__).resolve().parent.parent
PROGRAMS = REPO / "programs"
SORA = PROGRAMS / "sora-alpha-artists.yaml"
REFERENCE = PROGRAMS / "reference.yaml"


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

    Output goes to a pipe, as for a user who redirects it: pytest's own ``COLUMNS`` is not
    passed on (``env`` adds variables, such as a terminal width)."""
    environment = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    return subprocess.run(
        [sys.executable, "-m", "testerterms", *args],
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        timeout=120,
        env={**environment, **(env or {})},
    )
