"""The published standards as rules and profiles: each new rule's outcomes, each profile's
sources, and programs read from the standards' positions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from testerterms import (
    CATALOGUE,
    LoadError,
    bundled_profiles,
    evaluate,
    get_rule,
    load_profile,
    load_program,
    score,
)
from testerterms.rules import TEXTS

from .conftest import REFERENCE, build, run_cli

STANDARDS = Path(__file__).resolve().parent / "standards"
BUNDLED = Path(__file__).resolve().parent.parent / "programs"
SEED_PROFILES = ("articles", "testers-letter", "industry-practice")
NEW_PROFILES = tuple(name for name in bundled_profiles() if name not in SEED_PROFILES)
STANDARD_PREFIXES = ("PMT", "LIK", "RES", "REP", "DUE")
STANDARD_RULES = [code for code in CATALOGUE if code[:3] in STANDARD_PREFIXES]

PAID = {"compensation.money": "everyone"}

# (rule, terms, expected outcome under a profile that weighs every rule, with the articles'
# parameters: min_hourly_pay 20, max_payment_days 30, max_ack_days 5, max_decision_days 15,
# min_change_notice_days 7). tests/test_rules.py runs these beside the seed rules' cases.
STANDARD_CASES: list[tuple[str, dict[str, Any], str]] = [
    (
        "PMT001",
        {**PAID, "compensation.hourly_rate": 25, "compensation.rate_measured": True},
        "met",
    ),
    (
        "PMT001",
        {**PAID, "compensation.hourly_rate": 25, "compensation.rate_measured": False},
        "partly",
    ),
    (
        "PMT001",
        {"compensation.money": "per-result", "compensation.hourly_rate": 40},
        "partly",
    ),
    ("PMT001", {**PAID, "compensation.hourly_rate": 12}, "not-met"),
    ("PMT001", {"compensation.money": "none"}, "not-met"),
    ("PMT001", {"compensation.money": "some"}, "not-met"),
    ("PMT001", PAID, "unknown"),
    ("PMT001", {**PAID, "compensation.hourly_rate": 25}, "unknown"),
    ("PMT002", {**PAID, "compensation.payment_days": 14}, "met"),
    ("PMT002", {**PAID, "compensation.payment_days": 60}, "partly"),
    ("PMT002", {"compensation.money": "none"}, "not-met"),
    ("PMT002", {"compensation.payment_days": 7}, "unknown"),
    ("PMT002", PAID, "unknown"),
    ("PMT003", {"compensation.onboarding_paid": True}, "met"),
    ("PMT003", {"compensation.onboarding_paid": False}, "not-met"),
    ("PMT003", {}, "unknown"),
    ("PMT004", {"compensation.withholding": "none"}, "met"),
    ("PMT004", {"compensation.withholding": "listed-grounds"}, "partly"),
    ("PMT004", {"compensation.withholding": "discretionary"}, "not-met"),
    ("PMT004", {}, "unknown"),
    (
        "LIK001",
        {
            "likeness.captured": True,
            "likeness.separate_consent": True,
            "likeness.use_described": True,
            "likeness.paid": True,
        },
        "met",
    ),
    (
        "LIK001",
        {
            "likeness.captured": True,
            "likeness.separate_consent": True,
            "likeness.use_described": True,
            "likeness.paid": False,
        },
        "partly",
    ),
    (
        "LIK001",
        {
            "likeness.captured": True,
            "likeness.separate_consent": True,
            "likeness.use_described": False,
            "likeness.paid": True,
        },
        "partly",
    ),
    ("LIK001", {"likeness.captured": True, "likeness.separate_consent": False}, "not-met"),
    ("LIK001", {"likeness.captured": False}, "n/a"),
    ("LIK001", {"likeness.captured": True, "likeness.separate_consent": True}, "unknown"),
    ("LIK001", {"likeness.separate_consent": False}, "unknown"),  # captured at all?
    ("LIK002", {"ownership.training_grant": "none"}, "met"),
    (
        "LIK002",
        {"ownership.training_grant": "express", "ownership.training_paid": True},
        "met",
    ),
    (
        "LIK002",
        {"ownership.training_grant": "express", "ownership.training_paid": False},
        "partly",
    ),
    ("LIK002", {"ownership.training_grant": "implied"}, "not-met"),
    ("LIK002", {"ownership.training_grant": "express"}, "unknown"),
    ("LIK002", {}, "unknown"),
    ("RES001", {"safety.safe_harbor": "full"}, "met"),
    ("RES001", {"safety.safe_harbor": "partial"}, "partly"),
    ("RES001", {"safety.safe_harbor": "none"}, "not-met"),
    ("RES001", {}, "unknown"),
    ("RES002", {"safety.safe_harbor": "partial", "safety.safe_harbor_ai": True}, "met"),
    ("RES002", {"safety.safe_harbor": "full", "safety.safe_harbor_ai": False}, "not-met"),
    ("RES002", {"safety.safe_harbor": "none"}, "not-met"),
    ("RES002", {"safety.safe_harbor": "full"}, "unknown"),
    ("RES003", {"confidentiality.disclosure": "coordinated"}, "met"),
    (
        "RES003",
        {"confidentiality.disclosure": "coordinated", "confidentiality.disclosure_window_days": 90},
        "met",
    ),
    ("RES003", {"confidentiality.disclosure": "discretionary"}, "partly"),
    ("RES003", {"confidentiality.disclosure": "forbidden"}, "not-met"),
    ("RES003", {"confidentiality.disclosure_window_days": 90}, "unknown"),
    ("REP001", {"voice.representation": "collective-agreement"}, "met"),
    ("REP001", {"voice.representation": "consultation"}, "partly"),
    ("REP001", {"voice.representation": "none"}, "not-met"),
    ("REP001", {}, "unknown"),
    (
        "DUE001",
        {"access.reason_given": True, "access.appeal": True, "access.notice": True},
        "met",
    ),
    (
        "DUE001",
        {
            "access.reason_given": True,
            "access.appeal": True,
            "access.notice": True,
            "access.suspension_notice_days": 14,
        },
        "met",
    ),
    ("DUE001", {"access.reason_given": True, "access.appeal": True}, "unknown"),
    (
        "DUE001",
        {"access.reason_given": True, "access.appeal": True, "access.notice": False},
        "partly",
    ),
    ("DUE001", {"access.reason_given": True, "access.appeal": False}, "partly"),
    ("DUE001", {"access.reason_given": False, "access.appeal": True}, "partly"),
    ("DUE001", {"access.reason_given": False, "access.appeal": False}, "not-met"),
    ("DUE001", {"access.reason_given": True}, "unknown"),
    ("DUE002", {"reports.ack_days": 3}, "met"),
    ("DUE002", {"reports.ack_days": 8}, "partly"),
    ("DUE002", {"reports.ack_days": 30}, "not-met"),
    ("DUE002", {}, "unknown"),
    ("DUE003", {"reports.decision_days": 15}, "met"),
    ("DUE003", {"reports.decision_days": 25}, "partly"),
    ("DUE003", {"reports.decision_days": 90}, "not-met"),
    ("DUE003", {}, "unknown"),
    ("DUE004", {"reports.dispute": True}, "met"),
    ("DUE004", {"reports.dispute": False}, "not-met"),
    ("DUE004", {}, "unknown"),
    ("DUE005", {"expectations.terms_changes": "agreed"}, "met"),
    (
        "DUE005",
        {"expectations.terms_changes": "with-notice", "expectations.change_notice_days": 30},
        "met",
    ),
    (
        "DUE005",
        {"expectations.terms_changes": "with-notice", "expectations.change_notice_days": 2},
        "partly",
    ),
    ("DUE005", {"expectations.terms_changes": "at-will"}, "not-met"),
    ("DUE005", {"expectations.terms_changes": "with-notice"}, "unknown"),
]


# --- the rules ----------------------------------------------------------------------------------


def test_the_standards_add_rules_in_new_categories_only() -> None:
    assert STANDARD_RULES == [
        "PMT001",
        "PMT002",
        "PMT003",
        "PMT004",
        "LIK001",
        "LIK002",
        "RES001",
        "RES002",
        "RES003",
        "REP001",
        "DUE001",
        "DUE002",
        "DUE003",
        "DUE004",
        "DUE005",
    ]
    assert {CATALOGUE[code].category for code in STANDARD_RULES} == {
        "payment",
        "likeness",
        "research",
        "representation",
        "due-process",
    }


@pytest.mark.parametrize("code", STANDARD_RULES)
def test_every_new_rule_cites_a_published_standard_by_url_with_a_quote(code: str) -> None:
    rule = CATALOGUE[code]
    assert rule.citations
    for citation in rule.citations:
        assert citation.quote.strip()
        assert citation.url and citation.url.startswith(("https://", "http://")), citation
        assert citation.title


def test_the_pay_floor_names_its_date_and_the_rate_it_read() -> None:
    profile = load_profile("crowd-pay-floor")
    program = build(
        {
            **PAID,
            "compensation.hourly_rate": 9,
            "compensation.rate_as_of": "2025-01",
            "compensation.rate_measured": True,
        }
    )
    finding = evaluate(get_rule("PMT001"), program, profile)
    assert finding.outcome == "not-met"
    assert finding.reason == (
        "9 USD an hour (stated 2025-01) is below the floor of 12 USD an hour, as of 2023-09"
    )


def test_the_same_rate_meets_fairworks_minimum_wage_and_misses_prolifics_floor() -> None:
    program = build({**PAID, "compensation.hourly_rate": 10, "compensation.rate_measured": True})
    fairwork = evaluate(get_rule("PMT001"), program, load_profile("fairwork"))
    prolific = evaluate(get_rule("PMT001"), program, load_profile("crowd-pay-floor"))
    assert (fairwork.outcome, prolific.outcome) == ("met", "not-met")


def test_parameters_reach_the_checks_deadlines_of_each_profile() -> None:
    program = build({"reports.ack_days": 4})
    assert evaluate(get_rule("DUE002"), program, load_profile("vdp-norms")).outcome == "met"
    strict = load_profile("vdp-norms").model_copy()
    strict = strict.model_copy(
        update={"parameters": strict.parameters.model_copy(update={"max_ack_days": 3})}
    )
    assert evaluate(get_rule("DUE002"), program, strict).outcome == "partly"


def test_the_seed_profiles_do_not_weigh_the_standards_rules() -> None:
    for name in SEED_PROFILES:
        assert not set(load_profile(name).rules) & set(STANDARD_RULES), name


def test_the_seed_articles_are_named_by_title_and_the_letter_by_its_own_url() -> None:
    seeds = [text for name, text in TEXTS.items() if name.endswith(".txt")]
    assert len(seeds) == 5 and all(text.title for text in seeds)
    assert TEXTS["001_7b43d2c3fe14ff21.txt"].title.startswith(
        "OpenAI’s Sora Video Generator Leaked by Artists"
    )
    letter = TEXTS["PR-Puppets open letter"]
    assert letter.url == "https://huggingface.co/spaces/PR-Puppets/PR-Puppet-Sora"
    assert "research/" not in letter.source + letter.title  # no pointer at our research notes


# --- the profiles --------------------------------------------------------------------------------


def test_at_least_eight_bundled_profiles_and_five_from_published_standards() -> None:
    assert len(bundled_profiles()) >= 8
    assert len(NEW_PROFILES) >= 5


@pytest.mark.parametrize("name", NEW_PROFILES)
def test_every_standard_profile_names_its_source(name: str) -> None:
    profile = load_profile(name)
    standard = profile.standard
    assert standard is not None
    assert standard.publisher and standard.title and standard.date
    assert standard.url is not None and standard.url.startswith("https://")
    assert "Leaves out" in profile.description  # what it covers, and what it does not


@pytest.mark.parametrize("name", NEW_PROFILES)
def test_every_rule_a_standard_profile_weighs_cites_a_url_and_a_quote(name: str) -> None:
    """A rule's own citations carry URLs for the standards' rules; a seed rule a standard's
    profile weighs is backed by the profile's own citation of that standard."""
    profile = load_profile(name)
    for code in profile.rules:
        cited = [(c.url, c.quote) for c in CATALOGUE[code].citations if c.url] + [
            (c.url, c.quote) for c in profile.citations_for(code)
        ]
        assert cited, f"{name} weighs {code}, which cites no URL"
        assert all(url and quote.strip() for url, quote in cited)


def test_industry_practice_rests_on_the_industrys_published_practice() -> None:
    profile = load_profile("industry-practice")
    assert len(profile.citations) >= 5
    assert {"PAY001", "TRN001", "NDA001"} <= {code for c in profile.citations for code in c.rules}
    assert "disagrees with the articles" in profile.description
    assert profile.rules == {
        **load_profile("articles").rules,
        **{
            "PAY001": 2,
            "PAY002": 0.5,
            "CTL001": 0.5,
            "CTL002": 0.5,
            "CRD002": 1,
            "TRN003": 1,
            "NDA001": 2,
            "SEC001": 3,
            "SEC002": 1,
        },
    }  # the weights the profile had before its citations


def test_a_profile_citation_must_name_known_rules(tmp_path: Path) -> None:
    own = tmp_path / "cited.yaml"
    own.write_text(
        "id: cited\nversion: '1'\nextends: articles\ncitations:\n"
        "  - {title: T, url: 'https://e.org', quote: q, rules: [PAY01]}\n"
    )
    with pytest.raises(LoadError, match="unknown rule 'PAY01'"):
        load_profile(own)


def test_a_standard_needs_a_web_url(tmp_path: Path) -> None:
    own = tmp_path / "std.yaml"
    own.write_text(
        "id: std\nversion: '1'\nextends: articles\n"
        "standard: {publisher: P, title: T, date: '2024', url: 'file:///etc/passwd'}\n"
    )
    with pytest.raises(LoadError, match="a URL must start with https:// or http://"):
        load_profile(own)


@pytest.mark.parametrize("name", bundled_profiles())
def test_the_reference_program_meets_every_bundled_profile(name: str) -> None:
    card = score(load_program(REFERENCE), load_profile(name))
    assert (card.score, card.grade, card.coverage) == (100.0, "A", 1.0)


# --- programs read from the standards' positions -------------------------------------------------


def card(path: str, profile: str) -> Any:
    return score(load_program(STANDARDS / path), load_profile(profile))


def test_a_bug_bounty_is_decided_by_the_disclosure_norms_own_rules() -> None:
    scorecard = card("bug-bounty.yaml", "vdp-norms")
    assert scorecard.grade is not None
    outcomes = {f.rule: f.outcome for f in scorecard.findings}
    assert outcomes["RES001"] == "partly"  # a promise not to sue: partial safe harbor
    assert outcomes["RES003"] == "met"
    assert outcomes["DUE002"] == "met"
    assert outcomes["PMT002"] == "met"


def test_a_red_team_network_is_decided_by_the_safe_harbor_profiles_rules() -> None:
    scorecard = card("red-team-network.yaml", "ai-safe-harbor")
    outcomes = {f.rule: f.outcome for f in scorecard.findings}
    assert outcomes == {
        "RES001": "partly",
        "RES002": "not-met",
        "DUE001": "not-met",
        "RES003": "partly",
    }
    assert scorecard.blockers == ("RES002",)
    assert scorecard.grade == "E"


def test_a_red_team_network_with_no_sourced_harbor_terms_gets_no_grade() -> None:
    """Unknown stays unknown: the same network with its safety terms left out."""
    program = load_program(STANDARDS / "red-team-network.yaml")
    bare = program.model_copy(
        update={"terms": program.terms.model_copy(update={"safety": type(program.terms.safety)()})}
    )
    scorecard = score(bare, load_profile("ai-safe-harbor"))
    assert scorecard.grade is None
    assert scorecard.finding("RES001").outcome == "unknown"


def test_a_creative_partner_program_is_decided_by_the_union_profiles() -> None:
    for name in ("equity-ai-vision", "sag-aftra-replica", "writers-authors"):
        scorecard = card("voice-partner.yaml", name)
        assert scorecard.grade is not None, name
    sag = card("voice-partner.yaml", "sag-aftra-replica")
    assert sag.finding("LIK001").outcome == "not-met"
    assert sag.blockers == ("LIK001",)
    writers = card("voice-partner.yaml", "writers-authors")
    assert writers.finding("LIK002").outcome == "not-met"


def test_the_standards_disagree_on_one_program() -> None:
    """The same program, read from several positions: the grades differ, and each is traceable
    to the rules its profile weighs."""
    grades = {name: card("voice-partner.yaml", name).grade for name in bundled_profiles()}
    assert len(set(grades.values()) - {None}) >= 2, grades


# --- the command line ----------------------------------------------------------------------------


def test_profiles_shows_each_standard_with_its_url() -> None:
    result = run_cli("profiles", env={"COLUMNS": "1000"})  # a URL is not wrapped mid-way
    assert result.returncode == 0, result.stderr
    for name in NEW_PROFILES:
        profile = load_profile(name)
        assert name in result.stdout
        assert profile.standard is not None and f"<{profile.standard.url}>" in result.stdout
    shown = json.loads(run_cli("profiles", "--format", "json").stdout)
    fairwork = next(p for p in shown if p["id"] == "fairwork")
    assert fairwork["standard"]["url"] == "https://fair.work/en/principles/cw01"
    assert fairwork["citations"] and fairwork["parameters"]["min_hourly_pay"] == 7.25
    markdown = run_cli("profiles", "--format", "markdown").stdout
    assert "| fairwork" in markdown and "https://fair.work/en/principles/cw01" in markdown


def test_rules_code_shows_a_standards_title_url_and_the_profiles_that_rest_on_it() -> None:
    result = run_cli("rules", "RES001")
    assert result.returncode == 0, result.stderr
    assert "https://github.com/disclose/dioterms" in result.stdout
    assert "The disclose.io Terms" in result.stdout
    assert "Profiles that weigh it" in result.stdout
    seed = run_cli("rules", "CTL001").stdout
    assert "001_7b43d2c3fe14ff21.txt (OpenAI’s Sora Video Generator Leaked by Artists" in seed


def test_rules_lists_every_cited_text_by_title_and_url() -> None:
    result = run_cli("rules")
    assert "Sources the rules cite:" in result.stdout
    assert "000_2ade1e3eb60892e5.txt — OpenAI's Sora tool leaked by beta testers" in result.stdout
    assert "<https://cybermaterial.com/openais-sora-tool-leaked-by-beta-testers>" in result.stdout
    assert "<https://huggingface.co/spaces/PR-Puppets/PR-Puppet-Sora>" in result.stdout
    data = json.loads(run_cli("rules", "--format", "json").stdout)
    pmt001 = next(r for r in data["rules"] if r["code"] == "PMT001")
    assert all(c["url"] for c in pmt001["citations"])
    assert "crowd-pay-floor" in pmt001["profile_citations"]


def test_scoring_under_a_standard_profile_from_the_cli() -> None:
    result = run_cli(
        "score", str(STANDARDS / "bug-bounty.yaml"), "--profile", "vdp-norms", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["profile"] == {"id": "vdp-norms", "version": "1.0.0"}
    assert document["programs"][0]["grade"] is not None


# --- bundled programs read from the standards' positions (the README's examples) ------------------


def bundled(program: str, profile: str) -> Any:
    return score(load_program(BUNDLED / f"{program}.yaml"), load_profile(profile))


@pytest.mark.parametrize(
    "program",
    [
        "anthropic-bug-bounty",
        "microsoft-copilot-bounty",
        "mozilla-0din-genai-bounty",
        "openai-bug-bounty",
    ],
)
def test_bundled_bounties_are_graded_by_the_disclosure_norms_own_rules(program: str) -> None:
    """Not all unknown: the safe harbor, disclosure and acknowledgement rules the profile adds
    speak, at least two of three. (HackerOne's and Bugcrowd's terms state only how disclosure
    works: the guidelines' safe harbor is a "should", and Bugcrowd's triage times are
    "typically"; see docs/corpus-changes.md.)"""
    scorecard = bundled(program, "vdp-norms")
    assert scorecard.grade is not None
    known = [
        code
        for code in ("RES001", "RES003", "DUE002")
        if scorecard.finding(code).outcome != "unknown"
    ]
    assert len(known) >= 2, (program, known)


def test_a_bounty_that_forbids_publication_fails_the_disclosure_norms_not_industry_practice() -> (
    None
):
    norms = bundled("openai-bug-bounty", "vdp-norms")
    assert norms.finding("RES003").outcome == "not-met"
    assert (norms.grade, norms.blockers) == ("E", ("RES003",))
    assert bundled("openai-bug-bounty", "industry-practice").blockers == ()


def test_a_discretionary_stipend_with_no_stated_rate_is_not_graded_by_the_pay_floors() -> None:
    """$25 per approved video, at Hypernatural's discretion, says nothing of an hourly rate:
    the pay floors cannot grade it until the rate is known."""
    floor = bundled("hypernatural-creative-partnership", "crowd-pay-floor")
    assert floor.grade is None and floor.range[0] < floor.range[1]


def test_a_training_grant_in_broad_wording_is_graded_only_by_the_writers() -> None:
    writers = bundled("xbox-360-kinect-beta", "writers-authors")
    assert (writers.grade, writers.blockers) == ("E", ("LIK002",))
    assert bundled("xbox-360-kinect-beta", "articles").grade is None
