"""The command line as a user runs it: a real subprocess, its output and exit status."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from testerterms import CATALOGUE

from .conftest import REPO, SORA, run_cli

EXAMPLES = REPO / "tests" / "examples"
PROGRAM_KEYS = {"id", "name", "score", "range", "coverage", "grade", "blockers", "findings"}
FINDING_KEYS = {"rule", "outcome", "credit", "weight", "evidence", "sources", "reason"}


def test_score_with_no_path_prints_a_table_of_the_bundled_programs(tmp_path: Path) -> None:
    result = run_cli("score", cwd=tmp_path)  # from any folder
    assert result.returncode == 0, result.stderr
    header = result.stdout.splitlines()[2]
    for column in ("program", "score", "range", "coverage", "grade"):
        assert column in header
    assert "sora-alpha-artists" in result.stdout
    assert "reference" in result.stdout


def test_score_json_has_the_documented_shape() -> None:
    result = run_cli("score", "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert {"tool_version", "profile", "programs"} <= set(document)
    assert document["profile"] == {"id": "articles", "version": "1.0.0"}
    assert len(document["programs"]) >= 2
    for program in document["programs"]:
        assert set(program) >= PROGRAM_KEYS
        assert len(program["range"]) == 2
        assert 0 <= program["coverage"] <= 1
        assert program["grade"] in (None, "A", "B", "C", "D", "E")
        assert len(program["findings"]) == 15  # one per rule, unknown and n/a included
        for finding in program["findings"]:
            assert set(finding) >= FINDING_KEYS
            assert finding["outcome"] in ("met", "partly", "not-met", "unknown", "n/a")
            assert finding["evidence"] in (None, "official", "reported", "claimed", "disputed")


def test_jsonl_writes_one_program_object_a_line() -> None:
    result = run_cli("score", str(SORA), str(EXAMPLES / "partly-paid.yaml"), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    for line in lines:
        entry = json.loads(line)
        assert set(entry) >= PROGRAM_KEYS
        assert entry["profile"]["id"] == "articles"


def test_csv_has_one_row_per_program_and_one_per_finding_with_details() -> None:
    rows = list(csv.DictReader(io.StringIO(run_cli("score", str(SORA), "--format", "csv").stdout)))
    assert [r["id"] for r in rows] == ["sora-alpha-artists"]
    assert rows[0]["grade"] == "E"
    detailed = run_cli("score", str(SORA), "--format", "csv", "--details").stdout
    assert len(list(csv.DictReader(io.StringIO(detailed)))) == 15


def test_markdown_prints_a_pipe_table() -> None:
    result = run_cli("score", str(SORA), "--format", "markdown")
    assert "| sora-alpha-artists" in result.stdout


def test_details_explain_every_finding_with_its_sources() -> None:
    result = run_cli("score", str(SORA), "--details")
    assert result.returncode == 0
    for code in ("PAY001", "CTL001", "SEC002"):
        assert code in result.stdout
    assert "every output needs approval" in result.stdout
    assert "S1: PR-Puppets open letter" in result.stdout
    # Under `articles` no finding turns on a dispute: the disputes are listed apart.
    assert "Other disputes (no finding depends on them): participants" in result.stdout
    assert "Disputed terms (they move a finding)" not in result.stdout


def test_fail_under_exits_1_when_a_program_scores_below() -> None:
    below = run_cli("score", str(SORA), "--fail-under", "50")
    assert below.returncode == 1
    assert "sora-alpha-artists" in below.stderr
    above = run_cli("score", str(EXAMPLES / "partly-paid.yaml"), "--fail-under", "50")
    assert above.returncode == 0, above.stdout + above.stderr


def test_a_yaml_syntax_error_is_located_and_exits_2_without_traceback() -> None:
    result = run_cli("score", str(EXAMPLES / "syntax-error.yaml"))
    assert result.returncode == 2
    assert "syntax-error.yaml:7:1: error: YAML syntax" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_wrong_type_is_located_at_the_value() -> None:
    result = run_cli("score", str(EXAMPLES / "wrong-type.yaml"))
    assert result.returncode == 2
    assert "wrong-type.yaml:10:18: error: expected a number, got 'twenty dollars'" in result.stderr
    assert "Traceback" not in result.stderr


def test_one_bad_file_in_a_folder_does_not_stop_the_others(tmp_path: Path) -> None:
    shutil.copy(SORA, tmp_path / "sora.yaml")
    shutil.copy(EXAMPLES / "wrong-type.yaml", tmp_path / "wrong-type.yaml")
    result = run_cli("score", str(tmp_path))
    assert result.returncode == 2
    assert "sora-alpha-artists" in result.stdout
    assert "wrong-type.yaml:10:18" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["score", "--profile", "nope"], "no profile 'nope'"),
        (["score", "no/such/file.yaml"], "no such file or folder"),
        (["score", "--format", "xml"], "invalid choice"),
        (["rules", "XYZ001"], "no rule 'XYZ001'"),
        ([], "required"),
    ],
)
def test_usage_errors_exit_2_with_a_message(args: list[str], message: str) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_user_profile_file_is_accepted(tmp_path: Path) -> None:
    own = tmp_path / "own.yaml"
    own.write_text("id: own\nversion: '0.1'\nextends: articles\nrules: {PAY001: 9}\n")
    result = run_cli("score", str(SORA), "--profile", str(own), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["profile"] == {"id": "own", "version": "0.1"}


def test_rules_lists_the_catalogue_with_weights_grade_bands_and_blockers() -> None:
    result = run_cli("rules")
    assert result.returncode == 0
    for text in (
        "PAY001",
        "SEC002",
        "articles",
        "testers-letter",
        "industry-practice",
        "≥85",
        "blockers",
    ):
        assert text in result.stdout


def test_rules_code_explains_one_rule() -> None:
    result = run_cli("rules", "ctl001")
    assert result.returncode == 0
    for text in (
        "CTL001",
        "Citations:",
        "001_7b43d2c3fe14ff21.txt",
        "Remedy:",
        "Clause:",
        "Weight per profile",
    ):
        assert text in result.stdout


def test_rules_json_carries_rationale_citations_and_remedy() -> None:
    rules = json.loads(run_cli("rules", "--format", "json").stdout)["rules"]
    assert len(rules) == len(CATALOGUE)
    assert all(r["rationale"] and r["citations"] and r["remedy"]["clause"] for r in rules)


def test_profiles_lists_ids_and_versions() -> None:
    result = run_cli("profiles")
    assert result.returncode == 0
    assert "testers-letter" in result.stdout and "1.0.0" in result.stdout


def test_version_flag() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("testerterms ")
