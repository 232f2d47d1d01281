"""`score --format sarif`: SARIF 2.1.0 for code-scanning views, each result at its term."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from testerterms import load_profile
from testerterms.rules import CATALOGUE

from .conftest import PROGRAMS, REPO, SORA, run_cli

# The articles profile (the default) weighs the seed rules, not the standards' rules.
ARTICLES = [code for code in CATALOGUE if code in load_profile("articles").rules]
ARTICLE_CATEGORIES = {CATALOGUE[code].category for code in ARTICLES}

SCHEMA = json.loads((REPO / "tests" / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
HOSTILE = REPO / "tests" / "report" / "hostile.yaml"


def _sarif(*args: str) -> dict[str, Any]:
    result = run_cli("score", "--format", "sarif", *args)
    assert result.returncode == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@pytest.fixture(scope="module")
def bundled() -> dict[str, Any]:
    return _sarif()


def test_the_output_is_valid_sarif_2_1_0(bundled: dict[str, Any]) -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(bundled)
    assert bundled["version"] == "2.1.0"


def test_a_hostile_program_still_gives_valid_sarif() -> None:
    document = _sarif(str(HOSTILE))
    jsonschema.Draft4Validator(SCHEMA).validate(document)
    messages = [r["message"]["text"] for r in document["runs"][0]["results"]]
    assert messages and all(m.startswith("<script>alert(1)</script>: ") for m in messages)


def test_one_result_per_finding_not_met_or_partly_met(bundled: dict[str, Any]) -> None:
    scores = json.loads(run_cli("score", "--format", "json").stdout)
    expected = sorted(
        (p["id"], f["rule"], f["outcome"])
        for p in scores["programs"]
        for f in p["findings"]
        if f["outcome"] in ("not-met", "partly")
    )
    results = bundled["runs"][0]["results"]
    got = sorted(
        (r["properties"]["program"], r["ruleId"], r["properties"]["outcome"]) for r in results
    )
    assert got == expected
    assert {r["level"] for r in results if r["properties"]["outcome"] == "partly"} == {"warning"}
    assert {r["level"] for r in results if r["properties"]["outcome"] == "not-met"} == {"error"}


def test_rules_carry_their_title_and_help_text(bundled: dict[str, Any]) -> None:
    driver = bundled["runs"][0]["tool"]["driver"]
    assert driver["name"] == "testerterms"
    rules = {r["id"]: r for r in driver["rules"]}
    assert list(rules) == ARTICLES
    for code in ARTICLES:
        rule = CATALOGUE[code]
        assert rules[code]["shortDescription"]["text"] == rule.title
        assert "What to ask for: " in rules[code]["help"]["text"]
    for result in bundled["runs"][0]["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert bundled["runs"][0]["properties"]["profile"] == {"id": "articles", "version": "1.0.0"}


def _located(result: dict[str, Any]) -> tuple[Path, int, int, str]:
    location = result["locations"][0]
    physical = location["physicalLocation"]
    path = REPO / physical["artifactLocation"]["uri"]
    region = physical["region"]
    return path, region["startLine"], region["startColumn"], location["message"]["text"]


def test_each_result_points_at_its_term_in_the_program_file(bundled: dict[str, Any]) -> None:
    results = bundled["runs"][0]["results"]
    assert results
    for result in results:
        path, line, column, term = _located(result)
        assert path.parent == PROGRAMS
        text = path.read_text(encoding="utf-8").splitlines()[line - 1]
        name = term.split(".")[-1]
        assert text[column - 1 :].startswith(f"{name}:"), (result["ruleId"], path.name, text)


def test_sora_pay001_is_located_at_compensation_money() -> None:
    document = _sarif(str(SORA))
    pay = next(r for r in document["runs"][0]["results"] if r["ruleId"] == "PAY001")
    path, line, column, term = _located(pay)
    assert path == SORA and term == "compensation.money"
    lines = SORA.read_text(encoding="utf-8").splitlines()
    assert lines[line - 1].strip() == "money:" and lines[line - 2].strip() == "compensation:"
    assert column == lines[line - 1].index("money") + 1


def test_a_file_outside_the_working_folder_gets_a_file_uri(tmp_path: Path) -> None:
    program = tmp_path / "sora copy.yaml"
    program.write_bytes(SORA.read_bytes())
    document = _sarif(str(program))
    uri = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert uri["artifactLocation"]["uri"] == program.resolve().as_uri()
    jsonschema.Draft4Validator(SCHEMA).validate(document)
