"""The bundled Sora and reference programs, read under the three bundled profiles."""

from __future__ import annotations

import json
from typing import Any

import pytest

from testerterms import Profile, load_profile, load_program, remedy_terms, score

from .conftest import REFERENCE, SORA, run_cli

PROFILE_NAMES = ("articles", "testers-letter", "industry-practice")


@pytest.fixture(scope="module")
def sora() -> Any:
    return load_program(SORA)


def test_sora_grades_e_under_articles_with_the_core_complaints_not_met(
    sora: Any, articles: Profile
) -> None:
    card = score(sora, articles)
    assert card.grade == "E"
    for code in ("PAY001", "PAY002", "CTL001", "CRD002", "TRN003"):
        assert card.finding(code).outcome == "not-met", code


def test_sora_keeps_the_testers_claims_as_claims(sora: Any, articles: Profile) -> None:
    """Pre-approval rests on the testers' letter alone: claimed, not official."""
    finding = score(sora, articles).finding("CTL001")
    assert finding.evidence == "claimed"
    assert "S1" in finding.sources


def test_sora_disputed_terms_are_marked(sora: Any) -> None:
    card = score(sora, load_profile("articles"))
    assert "expectations.feedback_required" in card.other_disputes  # moves no finding here
    assert "events.leak" in card.other_disputes  # the seeds disagree on the leak date
    assert card.disputed_terms == ()
    industry = score(sora, load_profile("industry-practice"))
    assert "expectations.feedback_required" in industry.disputed_terms  # it moves PAY001


def test_sora_leak_dates_that_the_seeds_disagree_on_are_all_recorded(sora: Any) -> None:
    assert set(sora.events["leak"].values) == {"2024-11-26", "2024-11-25", "2023-11-14"}


def test_a_dispute_that_decides_a_rule_makes_a_disputed_finding_inside_the_range(sora: Any) -> None:
    card = score(sora, load_profile("industry-practice"))
    finding = card.finding("PAY001")
    assert finding.disputed and finding.evidence == "disputed"
    assert "feedback_required" in finding.reason
    assert card.range[0] <= (card.score or 0) <= card.range[1]


def test_the_three_profiles_read_sora_differently(sora: Any) -> None:
    scores = {name: score(sora, load_profile(name)).score for name in PROFILE_NAMES}
    assert scores["testers-letter"] < scores["articles"] < scores["industry-practice"]


@pytest.mark.parametrize("name", PROFILE_NAMES)
def test_reference_program_scores_100_and_grades_a(name: str) -> None:
    card = score(load_program(REFERENCE), load_profile(name))
    assert card.score == 100.0
    assert card.grade == "A"
    assert card.range == (100.0, 100.0)
    assert card.coverage == 1.0


def test_reference_program_is_exactly_the_catalogue_remedies() -> None:
    reference = load_program(REFERENCE)
    for key, value in remedy_terms().items():
        assert reference.terms.term(key).value == value, key


def test_profile_disagreement_is_visible_in_json() -> None:
    outcomes = {}
    for name in PROFILE_NAMES:
        result = run_cli("score", str(SORA), "--profile", name, "--format", "json")
        assert result.returncode == 0, result.stderr
        document = json.loads(result.stdout)
        assert document["profile"]["id"] == name
        (program,) = document["programs"]
        outcomes[name] = {f["rule"]: f["outcome"] for f in program["findings"]}
    assert outcomes["articles"]["PAY001"] == "not-met"
    assert outcomes["industry-practice"]["PAY001"] == "met"
