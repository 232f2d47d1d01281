"""The examples a user copies from run as documented."""

from __future__ import annotations

import subprocess
import sys

from testerterms import load_profile, load_program, score

from .conftest import REPO

EXAMPLES = REPO / "examples"


def run_example(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=REPO, timeout=120
    )


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
