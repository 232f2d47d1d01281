"""Every shell block of the README runs as written, from an empty folder.

The README's snippets are this test's input, so the two cannot drift. The convention (the
README's Development section documents it for whoever adds a block):

- Each ``## `` section is one flow: its ``sh`` blocks run in order, in one new empty folder,
  with ``testerterms`` and ``python`` being the Python that runs the tests.
- Each command (a line, with ``\\`` continuations) must exit 0, unless its comment says
  ``exits N``.
- An HTML comment on the line before a block changes how it is used:
  ``<!-- readme-test: skip: REASON -->`` leaves it out (installs, the network, a checkout of
  the repository); ``<!-- readme-test: file NAME -->`` writes the block (any language) to
  NAME in the flow's folder; ``<!-- readme-test: needs MODULE ... -->`` skips the flow when a
  module (an extra's dependency) is not installed.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .conftest import REPO

README = REPO / "README.md"
MARKER = re.compile(r"<!--\s*readme-test:\s*(?P<what>skip|file|needs)\b:?\s*(?P<arg>.*?)\s*-->")
FENCE = re.compile(
    r"^(?P<indent> *)```(?P<language>[\w-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)```", re.M | re.S
)
EXIT = re.compile(r"#.*\bexits (\d+)\b")


@dataclass
class Block:
    language: str
    body: str
    line: int
    skip: str | None = None
    file: str | None = None
    needs: list[str] = field(default_factory=list)


@dataclass
class Flow:
    section: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def runs(self) -> bool:
        return any(b.language == "sh" and b.skip is None for b in self.blocks)


def flows(text: str) -> list[Flow]:
    """The README's sections, each with its blocks and the markers before them."""
    found: list[Flow] = []
    offset = 0
    for section in re.split(r"^(?=## )", text, flags=re.M):
        title = section.splitlines()[0].lstrip("# ").strip() if section.startswith("## ") else ""
        flow = Flow(title or "(top)")
        for fence in FENCE.finditer(section):
            before = section[: fence.start()].rstrip("\n").splitlines()
            block = Block(
                language=fence["language"],
                body=textwrap.dedent(fence["body"]),
                line=text.count("\n", 0, offset + fence.start()) + 1,
            )
            while before and (marker := MARKER.search(before[-1])):
                before.pop()
                if marker["what"] == "skip":
                    block.skip = marker["arg"] or "?"
                elif marker["what"] == "file":
                    block.file = marker["arg"]
                else:
                    block.needs += marker["arg"].split()
            flow.blocks.append(block)
        found.append(flow)
        offset += len(section)
    return found


def commands(body: str) -> list[str]:
    """A block's commands: its lines, with ``\\`` continuations joined, comments left as
    they are (the shell ignores them), blank and comment-only lines dropped."""
    joined = re.sub(r"\\\n\s*", " ", body)
    lines = joined.splitlines()
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


FLOWS = flows(README.read_text(encoding="utf-8"))


def test_every_shell_block_runs_or_says_why_not() -> None:
    for flow in FLOWS:
        for block in flow.blocks:
            if block.language == "sh" and block.skip is not None:
                assert block.skip not in ("", "?"), f"README.md:{block.line}: skip without a reason"


def test_the_convention_is_documented_where_a_contributor_looks() -> None:
    development = next(f for f in FLOWS if f.section == "Development")
    text = README.read_text(encoding="utf-8").split("## Development")[1].split("\n## ")[0]
    for marker in ("readme-test: skip:", "readme-test: file", "readme-test: needs", "exits N"):
        assert marker in text, marker
    assert development.blocks, "the Development section shows its commands"


def _shims(folder: Path) -> dict[str, str]:
    """``testerterms`` and ``python`` on PATH, both the Python running these tests."""
    folder.mkdir()
    for name, run in (("testerterms", "-m testerterms"), ("python", ""), ("python3", "")):
        shim = folder / name
        shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" {run} "$@"\n', encoding="utf-8")
        shim.chmod(0o755)
    environment = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    environment["PATH"] = f"{folder}{os.pathsep}{environment.get('PATH', '')}"
    return environment


@pytest.mark.parametrize("flow", [f for f in FLOWS if f.runs], ids=lambda f: f.section)
def test_the_readme_flow_runs_as_written_in_an_empty_folder(flow: Flow, tmp_path: Path) -> None:
    missing = [m for b in flow.blocks for m in b.needs if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (an extra that is not installed)")
    environment = _shims(tmp_path / "bin")
    folder = tmp_path / "empty"
    folder.mkdir()
    for block in flow.blocks:
        if block.file is not None:
            (folder / block.file).write_text(block.body, encoding="utf-8")
            continue
        if block.language != "sh" or block.skip is not None:
            continue
        for command in commands(block.body):
            expected = int(match[1]) if (match := EXIT.search(command)) else 0
            result = subprocess.run(
                ["/bin/sh", "-c", command],
                cwd=folder,
                env=environment,
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert result.returncode == expected, (
                f"README.md:{block.line}: `{command}` exited {result.returncode}, "
                f"not {expected}\n{result.stderr[-2000:]}"
            )
