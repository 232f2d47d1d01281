"""Suggest and draft ask for what the profile asks: a bounded number at the profile's own
bound, so that suggest's smallest set is the smallest and draft's priorities hold the ask."""

from __future__ import annotations

import itertools

from testerterms import load_profile, load_program, score, suggest
from testerterms.advice import apply_changes, draft, render_term_sheet
from testerterms.advice._outcomes import worst_grade
from testerterms.advice.suggest import candidate_changes

from .conftest import REPO

OFFER = REPO / "examples" / "my-offer.yaml"
GUILD = REPO / "examples" / "guild-profile.yaml"


def test_suggest_raises_pay_to_the_profiles_floor_and_its_smallest_set_is_the_smallest() -> None:
    """The offer pays 30 an hour, the guild's floor is 45: raising pay to 45 is a candidate,
    the set suggest finds makes A certain, and no smaller set of the candidates does."""
    program, profile = load_program(OFFER), load_profile(GUILD)
    found = suggest(program, profile, "A")
    assert found.reached and found.proven
    assert found.changes.get("compensation.hourly_rate") == 45
    after = score(apply_changes(program, found.changes), profile)
    assert worst_grade(after.findings, profile) == "A"
    candidates = candidate_changes(program, found.before, profile)
    assert candidates["compensation.hourly_rate"] == 45
    keys = sorted(candidates)
    assert len(keys) <= 20  # the check below tries every set smaller than the answer
    for size in range(1, len(found.changes)):
        for chosen in itertools.combinations(keys, size):
            card = score(apply_changes(program, {k: candidates[k] for k in chosen}), profile)
            assert worst_grade(card.findings, profile) != "A", chosen


def test_a_stated_number_within_the_profiles_bound_is_not_changed() -> None:
    """Under the guild, a rate of 50 already keeps to the 45 floor: no candidate lowers it."""
    program, profile = load_program(OFFER), load_profile(GUILD)
    richer = apply_changes(program, {"compensation.hourly_rate": 50})
    candidates = candidate_changes(richer, score(richer, profile), profile)
    assert "compensation.hourly_rate" not in candidates


def test_drafts_priorities_open_with_the_pay_rise_the_guild_weighs_most() -> None:
    program, profile = load_program(OFFER), load_profile(GUILD)
    proposal = draft(program, profile, date="2025-01-01")
    pay = [p for p in proposal.priorities if p.rule == "PAY001"]
    assert pay and dict(pay[0].changes) == {"compensation.hourly_rate": 45}
    first_page = render_term_sheet(proposal).split("## 1.")[0]
    assert "(PAY001)" in first_page
    everything = {k: v for p in proposal.priorities for k, v in p.changes.items()}
    accepted = score(apply_changes(program, everything), profile)
    assert worst_grade(accepted.findings, profile) == proposal.grade_if_accepted == "A"
