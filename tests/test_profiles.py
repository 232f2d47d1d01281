"""Profiles are data: bundled YAML, user files that extend them, validated with located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from testerterms import LoadError, UsageError, bundled_profiles, load_profile, load_program, score

from .conftest import SORA


def test_three_profiles_ship_with_versions() -> None:
    assert {"articles", "testers-letter", "industry-practice"} <= set(bundled_profiles())
    for name in bundled_profiles():
        profile = load_profile(name)
        assert profile.version and profile.rules and profile.grades


def test_a_user_profile_extends_a_bundled_one_and_changes_only_what_it_names(
    tmp_path: Path,
) -> None:
    own = tmp_path / "guild.yaml"
    own.write_text(
        "id: guild\nversion: '2'\nextends: articles\ntitle: Our guild\n"
        "rules:\n  PAY001: 10\n  SEC001: null\nparameters:\n  min_hourly_pay: 45\n"
    )
    profile = load_profile(own)
    base = load_profile("articles")
    assert profile.rules["PAY001"] == 10
    assert "SEC001" not in profile.rules
    assert profile.rules["CTL001"] == base.rules["CTL001"]
    assert profile.parameters.min_hourly_pay == 45
    assert profile.parameters.max_review_days == base.parameters.max_review_days
    card = score(load_program(SORA), profile)
    assert (card.profile_id, card.profile_version) == ("guild", "2")
    assert all(f.rule != "SEC001" for f in card.findings)


def test_a_profile_with_an_unknown_rule_is_refused_with_its_location(tmp_path: Path) -> None:
    own = tmp_path / "bad.yaml"
    own.write_text("id: bad\nversion: '1'\nextends: articles\nrules:\n  PAY01: 2\n")
    with pytest.raises(LoadError) as caught:
        load_profile(own)
    assert "unknown rule 'PAY01' (did you mean 'PAY001'?)" in str(caught.value)
    assert caught.value.path.endswith("bad.yaml")
    assert (caught.value.line, caught.value.col) == (5, 3)


def test_a_weight_that_is_not_positive_is_refused_at_its_line(tmp_path: Path) -> None:
    own = tmp_path / "zero.yaml"
    own.write_text("id: zero\nversion: '1'\nextends: articles\nrules:\n  PAY001: 0\n")
    with pytest.raises(LoadError, match="weight of PAY001 must be a positive number") as caught:
        load_profile(own)
    assert caught.value.line == 5


def test_grade_bands_must_fall_from_a_to_d(tmp_path: Path) -> None:
    own = tmp_path / "bands.yaml"
    own.write_text(
        "id: bands\nversion: '1'\nextends: articles\ngrades: {A: 50, B: 70, C: 55, D: 40}\n"
    )
    with pytest.raises(LoadError, match="fall from A to D"):
        load_profile(own)


def test_profiles_that_extend_each_other_in_a_circle_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: a\nversion: '1'\nextends: b.yaml\n")
    (tmp_path / "b.yaml").write_text("id: b\nversion: '1'\nextends: a.yaml\n")
    with pytest.raises(LoadError, match="circle"):
        load_profile(tmp_path / "a.yaml")


def test_an_unknown_profile_name_lists_the_bundled_ones() -> None:
    with pytest.raises(UsageError, match="articles"):
        load_profile("articlez")


def test_a_blocker_caps_the_grade() -> None:
    """Under articles, PAY001 not met caps the grade at D whatever the score."""
    from testerterms import remedy_terms

    from .conftest import build

    terms = {
        **remedy_terms(),
        "expectations.role": "tester",
        "compensation.money": "none",
        "compensation.in_kind": False,
    }
    card = score(build(terms), load_profile("articles"))
    assert card.score is not None and card.score >= 70
    assert card.blockers == ("PAY001",)
    assert card.grade == "D"


def test_no_grade_without_enough_evidence() -> None:
    from .conftest import build

    card = score(build({"access.credentials": "per-participant"}), load_profile("articles"))
    assert card.score == 100.0
    assert card.coverage < load_profile("articles").min_coverage
    assert card.grade is None
