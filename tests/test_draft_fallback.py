"""A fallback ("If refused, at least") is a step up for the program, never a step back."""

from __future__ import annotations

from pathlib import Path

import pytest

from testerterms import CATALOGUE, load_profile, load_program, score
from testerterms.advice import apply_changes, draft, render_term_sheet
from testerterms.advice._changes import fallback_terms
from testerterms.advice._outcomes import possible_outcomes
from testerterms.scoring import Finding

from .conftest import REPO

RANK = {"not-met": 0, "unknown": 0, "partly": 1, "met": 2, "n/a": 2}
LOW_PAY = REPO / "tests" / "draft" / "everyone-paid-below-the-floor.yaml"
OFFER = REPO / "examples" / "my-offer.yaml"
GUILD = REPO / "examples" / "guild-profile.yaml"


def lowest(finding: Finding) -> int:
    """The rank of the worst outcome the finding can still take."""
    return min(RANK[o] for o in possible_outcomes(finding))


@pytest.mark.parametrize(("path", "profile"), [(LOW_PAY, "testers-letter"), (OFFER, str(GUILD))])
def test_a_program_that_pays_everyone_below_the_floor_is_not_told_to_settle_for_pay_per_result(
    path: Path, profile: str
) -> None:
    proposal = draft(load_program(path), load_profile(profile), date="2025-01-01")
    pay = next(ask for ask in proposal.asks if ask.rule == "PAY001")
    assert pay.outcome == "partly" and pay.fallback is None
    assert "accepted contribution is paid" not in render_term_sheet(proposal)


def test_a_program_that_pays_nobody_is_offered_pay_per_result_as_a_fallback() -> None:
    program = apply_changes(load_program(LOW_PAY), {"compensation.money": "none"})
    proposal = draft(program, load_profile("testers-letter"), date="2025-01-01")
    pay = next(ask for ask in proposal.asks if ask.rule == "PAY001")
    assert pay.fallback is not None and pay.fallback.startswith("Every accepted contribution")


@pytest.mark.parametrize("path", [LOW_PAY, OFFER, REPO / "tests" / "draft" / "sora-revised.yaml"])
@pytest.mark.parametrize("profile", ["articles", "testers-letter", str(GUILD)])
def test_every_fallback_printed_raises_its_rule_and_moves_no_stated_term_back(
    path: Path, profile: str
) -> None:
    program, chosen = load_program(path), load_profile(profile)
    card = score(program, chosen)
    for ask in draft(program, chosen, date="2025-01-01").asks:
        if ask.fallback is None:
            continue
        terms = fallback_terms(CATALOGUE[ask.rule], chosen.parameters)
        after = score(apply_changes(program, terms), chosen)
        assert lowest(after.finding(ask.rule)) > lowest(card.finding(ask.rule)), ask.rule
        for key, value in terms.items():
            alone = score(apply_changes(program, {key: value}), chosen)
            assert all(lowest(f) >= lowest(card.finding(f.rule)) for f in alone.findings), key
