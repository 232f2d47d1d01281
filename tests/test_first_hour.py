"""What a newcomer meets in the first hour: a mistyped name gets a "did you mean", --debug works
wherever it is written, help(testerterms) reads as a page, and nothing points at documents a
user does not have."""

from __future__ import annotations

import doctest
import pydoc
import re
from pathlib import Path

import pytest

import testerterms
from testerterms.cli import build_parser

from .conftest import REPO, run_cli


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["rules", "PAY01"], "no rule 'PAY01' (did you mean 'PAY001'?)"),
        (["rules", "ctl1"], "(did you mean 'CTL001'?)"),
        (["score", "--profile", "article"], "no profile 'article' (did you mean 'articles'?)"),
        (["score", "--profile", "testers_letter"], "(did you mean 'testers-letter'?)"),
    ],
)
def test_a_mistyped_rule_code_or_profile_name_gets_a_did_you_mean(
    args: list[str], hint: str
) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert hint in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["score", "compare", "suggest", "draft", "report"])
def test_a_programs_path_from_an_empty_folder_names_the_bundled_program(
    command: str, tmp_path: Path
) -> None:
    args = [command, "programs/sora-alpha-artists.yaml"]
    if command == "report":  # without its extra, report says so before it reads a path
        pytest.importorskip("jinja2")
        pytest.importorskip("matplotlib")
        args += ["-o", "report.html"]
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert "did you mean the bundled program `sora-alpha-artists`?" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_near_miss_of_a_bundled_id_gets_the_id() -> None:
    result = run_cli("score", "sora-alpha-artist")
    assert "did you mean the bundled program `sora-alpha-artists`?" in result.stderr


@pytest.mark.parametrize(
    "args",
    [["--debug", "rules", "PAY01"], ["rules", "PAY01", "--debug"], ["rules", "--debug", "PAY01"]],
)
def test_debug_shows_the_traceback_before_or_after_the_command(args: list[str]) -> None:
    result = run_cli(*args)
    assert result.returncode != 0
    assert "Traceback" in result.stderr and "UsageError" in result.stderr
    assert "Traceback" not in run_cli("rules", "PAY01").stderr


def test_every_command_takes_debug() -> None:
    parser = build_parser()
    (commands,) = [a for a in parser._actions if a.dest == "command"]
    for name, command in commands.choices.items():  # type: ignore[union-attr]
        assert "--debug" in command.format_help(), name
    assert parser.parse_args(["profiles", "--debug"]).debug is True
    assert parser.parse_args(["--debug", "profiles"]).debug is True
    assert parser.parse_args(["profiles"]).debug is False


def test_help_of_the_package_reads_as_a_page_not_as_the_models_internals() -> None:
    text = pydoc.render_doc(testerterms, renderer=pydoc.plaintext)
    lines = text.splitlines()
    assert len(lines) < 2500  # before: 10,324, most of it pydantic's inherited methods
    description = text.split("DESCRIPTION")[1].split("PACKAGE CONTENTS")[0]
    for name in ("load_program", "score", "compare", "suggest", "draft", "diff", "LoadError"):
        assert name in description, name
    documented = set(re.findall(r"^    class (\w+)", text, re.M))
    assert "Program" in documented and "Compensation" not in documented
    assert testerterms.Compensation is testerterms.model.Compensation  # still reachable


def test_the_package_docstring_example_runs() -> None:
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner()
    for test in finder.find(testerterms):
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert runner.summarize(verbose=False).attempted >= 4


def _help_texts() -> str:
    parser = build_parser()
    (commands,) = [a for a in parser._actions if a.dest == "command"]
    return parser.format_help() + "".join(
        c.format_help()
        for c in commands.choices.values()  # type: ignore[union-attr]
    )


def test_nothing_a_user_reads_points_at_design_documents_they_do_not_have() -> None:
    texts = {
        "README.md": (REPO / "README.md").read_text(encoding="utf-8"),
        "pyproject.toml": (REPO / "pyproject.toml").read_text(encoding="utf-8"),
        "--help": _help_texts(),
    }
    for path in sorted((REPO / "testerterms").rglob("*")):
        if path.suffix in (".py", ".yaml", ".j2", ".css"):
            texts[str(path.relative_to(REPO))] = path.read_text(encoding="utf-8")
    for path in sorted((REPO / "docs").glob("*.md")):
        texts[str(path.relative_to(REPO))] = path.read_text(encoding="utf-8")
    pattern = re.compile(r"DESIGN(\.md)?\b|design card|shared/(seeds|research)|\.\./shared")
    found = {name: m.group(0) for name, text in texts.items() if (m := pattern.search(text))}
    assert found == {}
