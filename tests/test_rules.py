"""Each rule of the catalogue on small programs: met, partly, not-met, unknown and n/a."""

from __future__ import annotations

from typing import Any

import pytest

from testerterms import CATALOGUE, Profile, evaluate, get_rule, remedy_terms
from testerterms.errors import UsageError

from .conftest import build
from .test_standards import STANDARD_CASES, STANDARD_PREFIXES

# (rule, terms, expected outcome under the articles profile)
CASES: list[tuple[str, dict[str, Any], str]] = [
    ("PAY001", {"compensation.money": "everyone"}, "met"),
    ("PAY001", {"compensation.money": "everyone", "compensation.hourly_rate": 35}, "met"),
    ("PAY001", {"compensation.money": "everyone", "compensation.hourly_rate": 8}, "partly"),
    ("PAY001", {"compensation.money": "per-result"}, "partly"),
    ("PAY001", {"compensation.money": "some", "compensation.in_kind": True}, "not-met"),
    ("PAY001", {"compensation.money": "none", "compensation.in_kind": False}, "not-met"),
    ("PAY001", {"compensation.money": "none"}, "not-met"),  # in kind or not, not met
    ("PAY001", {}, "unknown"),
    ("PAY002", {"compensation.money": "everyone"}, "met"),
    (
        "PAY002",
        {"compensation.money": "per-result", "compensation.conditions": ["first-reporter"]},
        "partly",
    ),
    ("PAY002", {"compensation.money": "some"}, "not-met"),
    ("PAY002", {"compensation.money": "none"}, "not-met"),
    ("PAY002", {}, "unknown"),
    ("CTL001", {"content_review.pre_approval": "none"}, "met"),
    ("CTL001", {"content_review.pre_approval": "narrow"}, "partly"),
    ("CTL001", {"content_review.pre_approval": "all"}, "not-met"),
    ("CTL001", {}, "unknown"),
    ("CTL002", {"content_review.pre_approval": "none"}, "n/a"),
    (
        "CTL002",
        {
            "content_review.pre_approval": "all",
            "content_review.criteria_published": True,
            "content_review.response_days": 7,
            "content_review.release_on_silence": True,
        },
        "met",
    ),
    (
        "CTL002",
        {
            "content_review.pre_approval": "all",
            "content_review.criteria_published": False,
            "content_review.response_days": 30,
            "content_review.release_on_silence": True,
        },
        "partly",
    ),
    (
        "CTL002",
        {
            "content_review.pre_approval": "narrow",
            "content_review.criteria_published": False,
            "content_review.response_days": 60,
            "content_review.release_on_silence": False,
        },
        "not-met",
    ),
    ("CTL002", {"content_review.pre_approval": "all"}, "unknown"),
    ("CTL003", {"ownership.outputs": "participant"}, "met"),
    ("CTL003", {"ownership.outputs": "shared"}, "partly"),
    (
        "CTL003",
        {
            "ownership.outputs": "participant",
            "ownership.feedback_licence": "broad",
            "ownership.licence_survives": True,
        },
        "partly",
    ),
    ("CTL003", {"ownership.outputs": "organization"}, "not-met"),
    ("CTL003", {"ownership.feedback_licence": "broad"}, "unknown"),
    ("CRD001", {"credit.attribution": "everyone"}, "met"),
    ("CRD001", {"credit.attribution": "everyone", "credit.opt_out": False}, "partly"),
    ("CRD001", {"credit.attribution": "selected"}, "partly"),
    ("CRD001", {"credit.attribution": "per-result"}, "partly"),
    ("CRD001", {"credit.attribution": "none"}, "not-met"),
    ("CRD001", {}, "unknown"),
    ("CRD002", {"credit.marketing_use": False}, "met"),
    (
        "CRD002",
        {
            "credit.marketing_use": True,
            "credit.marketing_consent": "opt-in",
            "credit.marketing_pay": True,
            "credit.attribution": "everyone",
        },
        "met",
    ),
    (
        "CRD002",
        {
            "credit.marketing_use": True,
            "credit.marketing_consent": "opt-out",
            "credit.marketing_pay": True,
            "credit.attribution": "everyone",
        },
        "partly",
    ),
    ("CRD002", {"credit.marketing_use": True, "credit.marketing_pay": False}, "not-met"),
    ("CRD002", {"credit.marketing_use": True}, "unknown"),
    (
        "TRN001",
        {
            "expectations.written_terms": True,
            "expectations.states_expectations": True,
            "expectations.states_compensation": True,
            "expectations.states_content_use": True,
        },
        "met",
    ),
    (
        "TRN001",
        {"expectations.written_terms": True, "expectations.states_compensation": False},
        "partly",
    ),
    ("TRN001", {"expectations.written_terms": False}, "not-met"),
    ("TRN001", {"expectations.written_terms": True}, "unknown"),
    ("TRN002", {"ownership.data_use": "none"}, "met"),
    ("TRN002", {"ownership.data_use": "disclosed", "ownership.data_opt_out": True}, "met"),
    ("TRN002", {"ownership.data_use": "disclosed", "ownership.data_opt_out": False}, "partly"),
    ("TRN002", {"ownership.data_use": "undisclosed"}, "not-met"),
    ("TRN002", {"ownership.data_use": "disclosed"}, "unknown"),
    ("TRN003", {"expectations.role": "tester"}, "n/a"),
    (
        "TRN003",
        {
            "expectations.role": "creative-partner",
            "compensation.money": "everyone",
            "credit.attribution": "everyone",
            "voice.channel": True,
        },
        "met",
    ),
    (
        "TRN003",
        {
            "expectations.role": "red-teamer",
            "compensation.money": "everyone",
            "credit.attribution": "none",
            "voice.channel": True,
        },
        "partly",
    ),
    ("TRN003", {"expectations.role": "creative-partner", "compensation.money": "some"}, "not-met"),
    ("TRN003", {"compensation.money": "none"}, "unknown"),
    ("NDA001", {"confidentiality.nda": False}, "met"),
    (
        "NDA001",
        {
            "confidentiality.nda": True,
            "confidentiality.scope": "narrow",
            "confidentiality.ends_at_release": True,
        },
        "met",
    ),
    (
        "NDA001",
        {
            "confidentiality.nda": True,
            "confidentiality.scope": "broad",
            "confidentiality.duration_months": 6,
        },
        "partly",
    ),
    (
        "NDA001",
        {
            "confidentiality.nda": True,
            "confidentiality.scope": "broad",
            "confidentiality.ends_at_release": False,
            "confidentiality.duration_months": 60,
        },
        "not-met",
    ),
    ("NDA001", {"confidentiality.nda": True}, "unknown"),
    ("NDA002", {"confidentiality.own_experience": True}, "met"),
    ("NDA002", {"confidentiality.own_experience": False}, "not-met"),
    ("NDA002", {"confidentiality.nda": False}, "unknown"),
    ("VOI001", {"voice.channel": True, "voice.organising": True}, "met"),
    ("VOI001", {"voice.channel": True, "voice.organising": False}, "partly"),
    (
        "VOI001",
        {"voice.channel": True, "voice.organising": True, "voice.grievance": False},
        "partly",
    ),
    ("VOI001", {"voice.channel": False}, "not-met"),
    ("VOI001", {"voice.channel": True}, "unknown"),
    ("SEC001", {"access.credentials": "per-participant"}, "met"),
    ("SEC001", {"access.credentials": "shared"}, "not-met"),
    ("SEC001", {}, "unknown"),
    ("SEC002", {"access.revocation": "for-cause", "access.notice": True}, "met"),
    ("SEC002", {"access.revocation": "for-cause", "access.notice": False}, "partly"),
    ("SEC002", {"access.revocation": "at-will", "access.notice": False}, "not-met"),
    ("SEC002", {"access.revocation": "at-will", "access.notice": True}, "partly"),
    ("SEC002", {"access.revocation": "for-cause"}, "unknown"),
    ("SEC002", {"access.revocation": "collective", "access.notice": True}, "partly"),
    ("SEC002", {"access.revocation": "collective", "access.notice": False}, "not-met"),
    ("SEC002", {"access.revocation": "collective"}, "unknown"),
    # content_review.share_ban (CTL001): a ban on all sharing is not met whatever approval is.
    ("CTL001", {"content_review.share_ban": "all"}, "not-met"),
    (
        "CTL001",
        {"content_review.share_ban": "all", "content_review.pre_approval": "none"},
        "not-met",
    ),
    (
        "CTL001",
        {"content_review.share_ban": "narrow", "content_review.pre_approval": "none"},
        "partly",
    ),
    (
        "CTL001",
        {"content_review.share_ban": "narrow", "content_review.pre_approval": "all"},
        "not-met",
    ),
    ("CTL001", {"content_review.share_ban": "none", "content_review.pre_approval": "none"}, "met"),
    ("CTL001", {"content_review.share_ban": "narrow"}, "unknown"),
    ("CTL002", {"content_review.share_ban": "all", "content_review.pre_approval": "none"}, "n/a"),
    # ownership.output_limits and the output licence (CTL003).
    (
        "CTL003",
        {"ownership.outputs": "participant", "ownership.output_limits": ["non-commercial"]},
        "partly",
    ),
    ("CTL003", {"ownership.outputs": "participant", "ownership.output_limits": []}, "met"),
    (
        "CTL003",
        {"ownership.outputs": "organization", "ownership.output_limits": ["personal-use"]},
        "not-met",
    ),
    ("CTL003", {"ownership.output_limits": ["non-commercial"]}, "unknown"),
    (
        "CTL003",
        {
            "ownership.outputs": "participant",
            "ownership.output_licence": "broad",
            "ownership.output_licence_perpetual": True,
            "ownership.output_licence_paid": False,
        },
        "partly",
    ),
    (
        "CTL003",
        {
            "ownership.outputs": "participant",
            "ownership.output_licence": "broad",
            "ownership.output_licence_perpetual": False,
            "ownership.output_licence_irrevocable": False,
            "ownership.output_licence_paid": True,
        },
        "met",
    ),
    ("CTL003", {"ownership.outputs": "participant", "ownership.output_licence": "broad"}, "partly"),
    ("CTL003", {"ownership.outputs": "participant", "ownership.output_licence": "limited"}, "met"),
    ("CTL003", {"ownership.outputs": "participant", "ownership.output_licence": "none"}, "met"),
    (
        "CTL003",
        {"ownership.output_licence": "limited", "ownership.output_licence_exclusive": True},
        "not-met",
    ),
    (
        "CTL003",
        {
            "ownership.outputs": "participant",
            "ownership.output_licence": "limited",
            "ownership.output_licence_exclusive": False,
            "ownership.output_licence_irrevocable": True,
        },
        "met",
    ),
    ("CTL003", {"ownership.output_licence": "broad"}, "unknown"),
    # An output licence that covers marketing, display or repost is marketing use (CRD002).
    (
        "CRD002",
        {
            "credit.marketing_use": False,
            "ownership.output_licence": "broad",
            "ownership.output_licence_uses": ["use", "display", "repost"],
            "ownership.output_licence_paid": False,
        },
        "not-met",
    ),
    (
        "CRD002",
        {
            "ownership.output_licence": "broad",
            "ownership.output_licence_uses": ["marketing"],
            "ownership.output_licence_paid": True,
            "credit.marketing_consent": "opt-in",
            "credit.attribution": "everyone",
        },
        "met",
    ),
    (
        "CRD002",
        {
            "ownership.output_licence": "broad",
            "ownership.output_licence_uses": ["marketing"],
            "ownership.output_licence_paid": True,
            "credit.marketing_consent": "opt-out",
            "credit.attribution": "everyone",
        },
        "partly",
    ),
    (
        "CRD002",
        {
            "credit.marketing_use": False,
            "ownership.output_licence": "limited",
            "ownership.output_licence_uses": ["use", "training"],
        },
        "met",
    ),
    (
        "CRD002",
        {"ownership.output_licence": "broad", "ownership.output_licence_uses": ["display"]},
        "unknown",
    ),
    # expectations.terms_changes (TRN001): at-will terms are at most partly met.
    (
        "TRN001",
        {
            "expectations.written_terms": True,
            "expectations.states_expectations": True,
            "expectations.states_compensation": True,
            "expectations.states_content_use": True,
            "expectations.terms_changes": "at-will",
        },
        "partly",
    ),
    (
        "TRN001",
        {
            "expectations.written_terms": True,
            "expectations.states_expectations": True,
            "expectations.states_compensation": True,
            "expectations.states_content_use": True,
            "expectations.terms_changes": "with-notice",
        },
        "met",
    ),
    (
        "TRN001",
        {"expectations.written_terms": False, "expectations.terms_changes": "at-will"},
        "not-met",
    ),
    ("TRN001", {"expectations.terms_changes": "at-will"}, "unknown"),
    # voice.arbitration and voice.class_waiver (VOI001).
    (
        "VOI001",
        {"voice.channel": True, "voice.organising": True, "voice.arbitration": True},
        "partly",
    ),
    (
        "VOI001",
        {"voice.channel": True, "voice.organising": True, "voice.class_waiver": True},
        "partly",
    ),
    (
        "VOI001",
        {
            "voice.channel": True,
            "voice.organising": True,
            "voice.arbitration": False,
            "voice.class_waiver": False,
        },
        "met",
    ),
    ("VOI001", {"voice.channel": False, "voice.arbitration": True}, "not-met"),
    ("VOI001", {"voice.class_waiver": True}, "unknown"),
    # confidentiality.carve_outs (NDA001, NDA002).
    (
        "NDA001",
        {
            "confidentiality.nda": True,
            "confidentiality.scope": "narrow",
            "confidentiality.carve_outs": ["after-release"],
        },
        "met",
    ),
    (
        "NDA001",
        {
            "confidentiality.nda": True,
            "confidentiality.scope": "broad",
            "confidentiality.carve_outs": ["after-release", "public-information"],
        },
        "partly",
    ),
    (
        "NDA001",
        {
            "confidentiality.nda": True,
            "confidentiality.scope": "broad",
            "confidentiality.ends_at_release": False,
            "confidentiality.duration_months": 24,
            "confidentiality.carve_outs": ["public-information"],
        },
        "not-met",
    ),
    (
        "NDA001",
        {"confidentiality.nda": True, "confidentiality.carve_outs": ["public-information"]},
        "unknown",
    ),
    ("NDA002", {"confidentiality.carve_outs": ["own-experience"]}, "met"),
    (
        "NDA002",
        {"confidentiality.own_experience": False, "confidentiality.carve_outs": ["own-experience"]},
        "met",
    ),
    (
        "NDA002",
        {"confidentiality.own_experience": False, "confidentiality.carve_outs": ["after-release"]},
        "not-met",
    ),
    ("NDA002", {"confidentiality.carve_outs": ["public-information"]}, "unknown"),
]
CASES += STANDARD_CASES


@pytest.mark.parametrize(
    ("code", "terms", "expected"),
    CASES,
    ids=[f"{code}-{expected}-{i}" for i, (code, _, expected) in enumerate(CASES)],
)
def test_rule_outcome(code: str, terms: dict[str, Any], expected: str, every_rule: Profile) -> None:
    finding = evaluate(get_rule(code), build(terms), every_rule)
    assert finding.outcome == expected, finding.reason


def test_every_rule_has_a_met_not_met_and_unknown_case() -> None:
    for code in CATALOGUE:
        outcomes = {expected for c, _, expected in CASES if c == code}
        assert {"met", "not-met", "unknown"} <= outcomes, code


def test_the_catalogue_holds_the_fifteen_rules_of_the_design() -> None:
    # The published standards' rules (tests/test_standards.py) sit among them by category.
    assert [code for code in CATALOGUE if code[:3] not in STANDARD_PREFIXES] == [
        "PAY001",
        "PAY002",
        "CTL001",
        "CTL002",
        "CTL003",
        "CRD001",
        "CRD002",
        "TRN001",
        "TRN002",
        "TRN003",
        "NDA001",
        "NDA002",
        "VOI001",
        "SEC001",
        "SEC002",
    ]


@pytest.mark.parametrize("code", list(CATALOGUE))
def test_every_rule_is_documented_cited_and_has_a_remedy(code: str) -> None:
    rule = CATALOGUE[code]
    assert rule.title and rule.rationale and rule.remedy.clause
    assert rule.basis in ("explicit", "derived")
    assert rule.citations and all(c.quote for c in rule.citations)
    assert rule.remedy.terms


@pytest.mark.parametrize("code", list(CATALOGUE))
def test_each_remedy_alone_meets_its_rule_when_the_rest_is_known(
    code: str, every_rule: Profile
) -> None:
    """Apply one rule's remedy to the reference program's terms: the rule stays met."""
    finding = evaluate(
        CATALOGUE[code],
        build(
            {
                **remedy_terms(),
                "expectations.role": "creative-partner",
                "confidentiality.nda": True,
                "credit.marketing_use": True,
                "likeness.captured": True,
            }
        ),
        every_rule,
    )
    assert finding.outcome in ("met", "n/a")


def test_an_unknown_fact_never_counts_as_met_or_not_met(articles: Profile) -> None:
    finding = evaluate(get_rule("CTL001"), build({}), articles)
    assert finding.outcome == "unknown"
    assert finding.credit is None
    assert "content_review.pre_approval" in finding.reason


def test_a_fact_that_decides_alone_makes_the_outcome_known(articles: Profile) -> None:
    """No confidentiality duty meets NDA001 whatever its scope would have been."""
    finding = evaluate(get_rule("NDA001"), build({"confidentiality.nda": False}), articles)
    assert finding.outcome == "met"
    assert finding.terms == ("confidentiality.nda",)


def test_finding_names_its_sources_and_evidence_class(articles: Profile) -> None:
    finding = evaluate(
        get_rule("SEC001"), build({"access.credentials": "shared"}, party="press"), articles
    )
    assert finding.sources == ("S",)
    assert finding.evidence == "reported"


def test_unknown_rule_code_is_a_usage_error_naming_the_rules() -> None:
    with pytest.raises(UsageError, match="PAY001"):
        get_rule("PAY999")
