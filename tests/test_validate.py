"""`validate` and the folder of invalid inputs: every mistake located, reported, and failing.

tests/invalid/ holds one file per kind of mistake; tests/invalid/expected.json says, for
each, what the mistake is, the exit status of `validate FILE`, every error it must report
(line, column, message) and whether the JSON Schema can express it.
"""

from __future__ import annotations

import json
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

from testerterms import LoadError, load_program
from testerterms._validation import github_annotation
from testerterms.errors import Problem

from .conftest import PROGRAMS, REPO, SORA, run_cli

INVALID = REPO / "tests" / "invalid"
EXPECTED: dict[str, Any] = json.loads((INVALID / "expected.json").read_text(encoding="utf-8"))
CASES = sorted(EXPECTED)
MINIMUM_CASES = 25


@cache
def _validated() -> dict[str, CompletedProcess[str]]:
    """`validate FILE` for every invalid example, run side by side (each is a new process)."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        runs = pool.map(lambda name: run_cli("validate", name, cwd=INVALID), CASES)
        return dict(zip(CASES, runs, strict=True))


def _error_lines(name: str) -> list[str]:
    return [
        f"{name}:{e['line']}:{e['col']}: error: {e['message']}" for e in EXPECTED[name]["errors"]
    ]


def test_the_invalid_folder_holds_one_file_per_kind_of_mistake() -> None:
    on_disk = sorted(p.name for p in INVALID.iterdir() if p.suffix == ".yaml")
    assert on_disk == CASES, "every file in tests/invalid needs an entry in expected.json"
    assert len(CASES) >= MINIMUM_CASES
    for name, case in EXPECTED.items():
        assert case["mistake"], name
        assert case["errors"], f"{name}: say which errors it must report"


@pytest.mark.parametrize("name", CASES)
def test_validate_reports_every_error_of_an_invalid_file_located(name: str) -> None:
    result = _validated()[name]
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == EXPECTED[name]["exit"], result.stderr
    reported = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert reported == _error_lines(name)


@pytest.mark.parametrize("name", CASES)
def test_the_library_raises_one_load_error_with_the_same_problems(name: str) -> None:
    with pytest.raises(LoadError) as caught:
        load_program(INVALID / name)
    path = str(INVALID / name)
    expected = [Problem(path, e["line"], e["col"], e["message"]) for e in EXPECTED[name]["errors"]]
    assert list(caught.value.problems) == expected
    first = expected[0]
    assert (caught.value.path, caught.value.line, caught.value.col) == (path, first.line, first.col)


def test_a_folder_is_validated_file_by_file_and_one_bad_file_hides_no_other(
    tmp_path: Path,
) -> None:
    for name in ("yaml-syntax.yaml", "alias-bomb.yaml", "unknown-key.yaml"):
        shutil.copy(INVALID / name, tmp_path / name)
    shutil.copy(SORA, tmp_path / SORA.name)
    result = run_cli("validate", str(tmp_path))
    assert result.returncode == 1
    for name in ("yaml-syntax.yaml", "alias-bomb.yaml", "unknown-key.yaml"):
        assert f"{tmp_path / name}:" in result.stderr
    assert SORA.name not in result.stderr
    assert "3 of 4 files invalid" in result.stderr


def test_validate_with_no_path_checks_the_bundled_programs(tmp_path: Path) -> None:
    result = run_cli("validate", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    count = len(list(PROGRAMS.glob("*.yaml")))
    assert f"{count} files valid" in result.stderr


def test_valid_files_exit_zero_and_print_no_errors() -> None:
    result = run_cli("validate", str(SORA))
    assert result.returncode == 0
    assert ": error: " not in result.stderr
    assert result.stderr.strip() == "testerterms: 1 file valid"


def test_a_path_that_does_not_exist_is_a_usage_error_but_the_others_are_still_checked() -> None:
    result = run_cli("validate", "no-such-file.yaml", str(INVALID / "kind.yaml"), str(SORA))
    assert result.returncode == 2
    assert "no-such-file.yaml:1:1: error: no such file or folder" in result.stderr
    assert "kind.yaml:4:7: error:" in result.stderr


def test_a_folder_without_program_files_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("validate", str(tmp_path))
    assert result.returncode == 2
    assert "no program files" in result.stderr


def test_an_unknown_format_is_a_usage_error() -> None:
    result = run_cli("validate", "--format", "xml", str(SORA))
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_warnings_are_reported_but_fail_only_with_strict(tmp_path: Path) -> None:
    program = tmp_path / "uncited.yaml"
    program.write_text(
        (INVALID / "unknown-source.yaml")
        .read_text(encoding="utf-8")
        .replace("source: S2", "source: S1")
        .replace(
            "sources:\n",
            "sources:\n  S9: {title: Never cited, party: press, url: https://example.org/x}\n",
        ),
        encoding="utf-8",
    )
    relaxed = run_cli("validate", str(program))
    assert relaxed.returncode == 0, relaxed.stderr
    assert f"{program}:6:3: warning: source 'S9' is never cited" in relaxed.stderr
    strict = run_cli("validate", "--strict", str(program))
    assert strict.returncode == 1


def test_json_format_lists_every_file_with_its_errors() -> None:
    result = run_cli(
        "validate", "--format", "json", str(INVALID / "several-mistakes.yaml"), str(SORA)
    )
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["valid"] is False
    assert document["summary"] == {
        "files": 2,
        "invalid": 1,
        "errors": 5,
        "warnings": 0,
        "unusable": [],
    }
    bad, good = document["files"]
    assert bad["valid"] is False and good["valid"] is True
    expected = EXPECTED["several-mistakes.yaml"]["errors"]
    assert bad["errors"] == expected
    assert good["errors"] == [] and good["warnings"] == []


def test_github_format_writes_one_workflow_annotation_per_problem() -> None:
    result = run_cli("validate", "--format", "github", "several-mistakes.yaml", cwd=INVALID)
    assert result.returncode == 1
    annotations = result.stdout.splitlines()
    assert len(annotations) == 5
    assert annotations[0] == (
        "::error file=several-mistakes.yaml,line=7,col=3,title=testerterms::"
        "duplicate key 'S1': it is already set on line 6"
    )
    assert all(a.startswith("::error file=several-mistakes.yaml,line=") for a in annotations)


def test_github_annotations_escape_what_would_break_the_command() -> None:
    problem = Problem("a,b:c.yaml", 3, 4, "100% wrong\nsecond line", severity="warning")
    assert github_annotation(problem) == (
        "::warning file=a%2Cb%3Ac.yaml,line=3,col=4,title=testerterms::100%25 wrong%0Asecond line"
    )


def test_the_authoring_guide_shows_what_validate_prints_for_several_mistakes() -> None:
    guide = (REPO / "docs" / "authoring.md").read_text(encoding="utf-8")
    shown = [line for line in guide.splitlines() if line.startswith("programs/acme-beta.yaml:")]
    assert shown == [
        line.replace("several-mistakes.yaml", "programs/acme-beta.yaml")
        for line in _error_lines("several-mistakes.yaml")
    ], "docs/authoring.md: update the example output of validate"
