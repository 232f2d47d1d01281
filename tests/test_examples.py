"""The examples a user copies from run as documented."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from testerterms import load_profile, load_program, score

from .conftest import REPO

EXAMPLES = REPO / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))


def run_example(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run an example as a user who copied it would: from a folder of their own."""
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


@pytest.fixture(autouse=True)
def _empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_every_example_runs_from_an_empty_folder_with_no_arguments(
    script: Path, tmp_path: Path
) -> None:
    result = run_example(str(script), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip()
    assert "Traceback" not in result.stderr


def test_the_drafting_flow_writes_a_proposal_a_changed_program_and_a_counter_proposal(
    tmp_path: Path,
) -> None:
    result = run_example(str(EXAMPLES / "drafting_flow.py"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    changed = load_program(tmp_path / "drafting-flow" / "sora-b.yaml")
    card = score(changed, "articles")
    assert card.grade in ("A", "B") and card.range[0] >= 70
    proposal = (tmp_path / "drafting-flow" / "proposal.md").read_text(encoding="utf-8")
    assert proposal.startswith("# Proposal:") and "## 1. Compensation" in proposal
    answer = (tmp_path / "drafting-flow" / "round-2.md").read_text(encoding="utf-8")
    assert "## Their answer to our last proposal" in answer
    assert "PAY001: meets" in result.stdout
    assert "compensation.money" in result.stdout and "better" in result.stdout
    again = run_example(str(EXAMPLES / "drafting_flow.py"), cwd=tmp_path)
    assert again.returncode == 2 and "not overwriting" in again.stderr


def test_compare_programs_ranks_the_offer_among_the_bundled_programs(tmp_path: Path) -> None:
    result = run_example(str(EXAMPLES / "compare_programs.py"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "#1 reference: grade A" in result.stdout
    assert "my-offer: grade B" in result.stdout
    assert "keeps its rank" in result.stdout


def test_the_guild_floor_example_reads_the_offer_under_the_higher_pay_floor(
    tmp_path: Path,
) -> None:
    result = run_example(str(EXAMPLES / "guild_floor.py"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "guild-floor (minimum 45 USD/hour)" in result.stdout
    assert "30 USD an hour is below the 45 minimum" in result.stdout


def test_compare_profiles_shows_each_program_under_every_profile() -> None:
    result = run_example(str(EXAMPLES / "compare_profiles.py"))
    assert result.returncode == 0, result.stderr
    header = result.stdout.splitlines()[0]
    for name in ("articles", "testers-letter", "industry-practice"):
        assert name in header
    assert "sora-alpha-artists" in result.stdout
    assert "PAY001: articles not-met" in result.stdout  # where the profiles disagree


def test_check_terms_fails_below_the_minimum_and_names_the_remedies() -> None:
    result = run_example(
        str(EXAMPLES / "check_terms.py"),
        str(EXAMPLES / "my-offer.yaml"),
        "--profile",
        str(EXAMPLES / "guild-profile.yaml"),
        "--minimum",
        "70",
    )
    assert result.returncode == 1
    assert "PAY001 partly" in result.stdout
    assert "at no less than 45 US dollars an hour" in result.stdout


def test_check_terms_passes_at_or_above_the_minimum() -> None:
    result = run_example(
        str(EXAMPLES / "check_terms.py"), str(EXAMPLES / "my-offer.yaml"), "--minimum", "50"
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_example_profile_and_offer_load_and_score() -> None:
    profile = load_profile(EXAMPLES / "guild-profile.yaml")
    card = score(load_program(EXAMPLES / "my-offer.yaml"), profile)
    assert profile.parameters.min_hourly_pay == 45
    assert card.grade is not None
