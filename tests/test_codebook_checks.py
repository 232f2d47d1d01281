"""`validate`'s codebook checks, through the CLI: each with a failing and a passing file.

tests/codebook/failing/ holds one file per check; tests/codebook/expected.json says what each
must report (warnings, which fail only under --strict; a retired value is an error). The file
of the same name in tests/codebook/passing/ writes the same facts as the codebook asks and
validates clean under --strict.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from testerterms import parse_program
from testerterms._checks import NEGATION

from .conftest import REPO, run_cli

CASES_DIR = REPO / "tests" / "codebook"
EXPECTED: dict[str, Any] = json.loads((CASES_DIR / "expected.json").read_text(encoding="utf-8"))
CASES = sorted(EXPECTED)


def test_every_check_has_a_failing_and_a_passing_file() -> None:
    failing = sorted(p.name for p in (CASES_DIR / "failing").glob("*.yaml"))
    passing = sorted(p.name for p in (CASES_DIR / "passing").glob("*.yaml"))
    assert failing == CASES == passing


@cache
def _validated(folder: str, *options: str) -> tuple[int, str, dict[str, Any]]:
    """`validate [OPTIONS] --format json` of one folder of examples, once: exit status,
    stderr, and each file's report by name."""
    result = run_cli("validate", *options, "--format", "json", ".", cwd=CASES_DIR / folder)
    reports = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    return result.returncode, result.stderr, reports


@pytest.mark.parametrize("name", CASES)
def test_the_failing_file_is_reported_where_the_slip_stands(name: str) -> None:
    _, stderr, reports = _validated("failing")
    assert "Traceback" not in stderr
    assert reports[name]["warnings"] == EXPECTED[name]["warnings"]
    assert reports[name]["errors"] == EXPECTED[name]["errors"]
    assert reports[name]["warnings"] or reports[name]["errors"], name


def test_a_codebook_warning_fails_validate_only_under_strict() -> None:
    warned = "press-coded-as-organization.yaml"
    relaxed = run_cli("validate", warned, cwd=CASES_DIR / "failing")
    strict = run_cli("validate", "--strict", warned, cwd=CASES_DIR / "failing")
    assert relaxed.returncode == 0, relaxed.stderr
    assert strict.returncode == 1, strict.stderr
    (warning,) = EXPECTED[warned]["warnings"]
    shown = f"{warned}:{warning['line']}:{warning['col']}: warning: {warning['message']}"
    assert shown in relaxed.stderr.splitlines()


def test_every_passing_file_validates_clean_under_strict() -> None:
    status, stderr, reports = _validated("passing", "--strict")
    assert status == 0, stderr
    assert sorted(reports) == CASES
    assert all(not r["warnings"] and not r["errors"] for r in reports.values())


def test_the_library_returns_the_codebook_warnings_too() -> None:
    path = CASES_DIR / "failing" / "press-coded-as-organization.yaml"
    _, warnings = parse_program(path.read_text(encoding="utf-8"), str(path))
    assert [(w.line, w.col, w.message) for w in warnings] == [
        (w["line"], w["col"], w["message"])
        for w in EXPECTED["press-coded-as-organization.yaml"]["warnings"]
    ]
    assert all(w.severity == "warning" for w in warnings)


def test_the_press_quoting_the_company_by_name_counts_as_the_company() -> None:
    path = CASES_DIR / "passing" / "press-coded-as-organization.yaml"
    program, _ = parse_program(path.read_text(encoding="utf-8"), str(path))
    (quoted,) = program.terms.expectations.voluntary.claims
    (anonymous,) = program.terms.confidentiality.nda.claims
    assert program.evidence_of(quoted) == "official"
    assert program.evidence_of(anonymous) == "reported"


def test_a_date_left_unknown_shows_as_unknown_in_the_json_history() -> None:
    result = run_cli(
        "score", "--details", "--format", "json", str(CASES_DIR / "passing" / "history-date.yaml")
    )
    assert result.returncode == 0, result.stderr
    (program,) = json.loads(result.stdout)["programs"]
    (pay,) = [f for f in program["findings"] if f["rule"] == "PAY001"]
    assert [(e.get("since"), e.get("until")) for e in pay["history"]] == [
        (None, "unknown"),
        ("unknown", None),
    ]


def test_party_and_quoting_that_disagree_are_an_error(tmp_path: Path) -> None:
    text = (CASES_DIR / "passing" / "press-coded-as-organization.yaml").read_text(encoding="utf-8")
    program = tmp_path / "two-speakers.yaml"
    program.write_text(
        text.replace("quoting: organization", "quoting: organization\n      party: participants"),
        encoding="utf-8",
    )
    result = run_cli("validate", str(program))
    assert result.returncode == 1
    assert "`party: participants` and `quoting: organization` disagree" in result.stderr


@pytest.mark.parametrize(
    "quote",
    [
        "Google will not provide you any compensation",
        "there is no compensation for your participation",
        "You are not required to provide Feedback",
        "a perpetual, worldwide, royalty-free, non-exclusive license",
        "the contents of the report will remain private if the team doesn't act",
        "which prohibits you from sharing anything about the game with anyone",
        "hundreds of artists provide unpaid labor",
        "Feedback is optional.",
    ],
)
def test_words_that_say_no_are_read_as_negation(quote: str) -> None:
    assert NEGATION.search(quote)


@pytest.mark.parametrize(
    "quote",
    [
        "The five-year term in the NDA is the time in which you keep the game confidential.",
        "on Monday, OpenAI shared some of their creations and first impressions.",
        "felt misled about their role and contribution",
        "you sign a non-disclosure agreement before every playtest",
        "Notably, the knowledge base is nonetheless open",
        "You have the option to leave a program.",
    ],
)
def test_a_quote_without_negation_is_not_read_as_one(quote: str) -> None:
    assert not NEGATION.search(quote)
