"""Judgements safe to quote: reasons that state the facts, honest headlines and gates, dated
history, disputes that matter, and the authoring fixes, as a user meets them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from testerterms import Profile, evaluate, get_rule, load_profile, parse_program, score

from .conftest import build, run_cli

# --- reasons state the facts they used -----------------------------------------------------------

# (rule, terms, words the reason must contain); every value a branch uses shows in its reason.
REASONS: list[tuple[str, dict[str, Any], list[str]]] = [
    (
        "PAY001",
        {"compensation.money": "everyone", "compensation.hourly_rate": 8},
        ["8 USD an hour", "below the 20 minimum"],
    ),
    ("PAY001", {"compensation.money": "some", "compensation.in_kind": True}, ["select few"]),
    (
        "PAY002",
        {"compensation.money": "per-result", "compensation.conditions": ["first-reporter"]},
        ["accepted results", "first-reporter"],
    ),
    ("CTL001", {"content_review.share_ban": "all"}, ["forbidden outright"]),
    (
        "CTL001",
        {"content_review.share_ban": "narrow", "content_review.pre_approval": "none"},
        ["may not be shared at all", "no approval"],
    ),
    (
        "CTL002",
        {
            "content_review.pre_approval": "all",
            "content_review.criteria_published": False,
            "content_review.response_days": 30,
            "content_review.release_on_silence": True,
        },
        ["no published criteria", "30-day deadline", "longer than 14", "release on silence"],
    ),
    (
        "CTL003",
        {"ownership.outputs": "participant", "ownership.output_limits": ["non-commercial"]},
        ["own their outputs", "non-commercial"],
    ),
    (
        "CTL003",
        {
            "ownership.outputs": "participant",
            "ownership.output_licence": "broad",
            "ownership.output_licence_perpetual": True,
            "ownership.output_licence_paid": False,
        },
        ["perpetual", "royalty-free", "broad licence"],
    ),
    (
        "CTL003",
        {"ownership.outputs": "shared", "ownership.output_licence_exclusive": True},
        ["shared"],
    ),
    (
        "CTL003",
        {
            "ownership.outputs": "participant",
            "ownership.output_licence": "limited",
            "ownership.output_licence_exclusive": True,
        },
        ["exclusive limited licence"],
    ),
    ("CRD001", {"credit.attribution": "selected"}, ["selected"]),
    (
        "CRD002",
        {
            "ownership.output_licence": "broad",
            "ownership.output_licence_uses": ["display", "repost", "training"],
            "ownership.output_licence_paid": False,
        },
        ["covers display, repost", "without pay"],
    ),
    (
        "TRN001",
        {
            "expectations.written_terms": True,
            "expectations.states_expectations": True,
            "expectations.states_compensation": False,
            "expectations.states_content_use": True,
            "expectations.terms_changes": "at-will",
        },
        ["do not state compensation", "at any time without notice"],
    ),
    ("TRN003", {"expectations.role": "tester"}, ["tester"]),
    (
        "TRN003",
        {"expectations.role": "red-teamer", "compensation.money": "some"},
        ["red-teamer", "not everyone"],
    ),
    (
        "NDA001",
        {
            "confidentiality.nda": True,
            "confidentiality.scope": "broad",
            "confidentiality.ends_at_release": False,
            "confidentiality.duration_months": 24,
        },
        ["whole program", "ends only after 24 months", "12-month limit", "not at release"],
    ),
    (
        "NDA001",
        {
            "confidentiality.nda": True,
            "confidentiality.scope": "broad",
            "confidentiality.ends_at_release": False,
            "confidentiality.duration_months": 6,
        },
        ["ends after 6 months", "whole program"],
    ),
    (
        "NDA001",
        {
            "confidentiality.nda": True,
            "confidentiality.scope": "narrow",
            "confidentiality.carve_outs": ["after-release"],
        },
        ["narrow", "ends at public release (a carve-out)"],
    ),
    ("NDA002", {"confidentiality.carve_outs": ["own-experience"]}, ["carves out", "experience"]),
    (
        "VOI001",
        {
            "voice.channel": True,
            "voice.organising": True,
            "voice.arbitration": True,
            "voice.class_waiver": True,
        },
        ["binding arbitration", "waive class actions"],
    ),
    ("SEC001", {"access.credentials": "shared"}, ["share credentials"]),
    (
        "SEC002",
        {"access.revocation": "at-will", "access.notice": False},
        ["at any time", "without notice"],
    ),
]


@pytest.mark.parametrize(
    ("code", "terms", "words"), REASONS, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(REASONS)]
)
def test_a_reason_names_the_values_it_used(
    code: str, terms: dict[str, Any], words: list[str], articles: Profile
) -> None:
    reason = evaluate(get_rule(code), build(terms), articles).reason
    for word in words:
        assert word in reason, reason


def test_a_fixed_duration_is_an_end_not_a_duty_that_never_ends(articles: Profile) -> None:
    terms = {
        "confidentiality.nda": True,
        "confidentiality.scope": "broad",
        "confidentiality.ends_at_release": False,
        "confidentiality.duration_months": 24,
    }
    finding = evaluate(get_rule("NDA001"), build(terms), articles)
    assert finding.outcome == "not-met"
    assert "does not end" not in finding.reason


def test_facts_print_as_the_file_spells_them(articles: Profile) -> None:
    card = score(build({"voice.channel": True, "voice.organising": False}), articles)
    values = {fact.term: fact.value for fact in card.finding("VOI001").facts}
    assert values == {"voice.channel": "true", "voice.organising": "false"}
    details = run_cli("score", "--details", str(_write_terms(_SAMPLE)))
    assert "voice.channel = true" in details.stdout
    assert " = yes" not in details.stdout and " = no " not in details.stdout


# --- what a rule can still be, and the range ----------------------------------------------------


def test_a_broad_nda_can_at_best_be_partly_met_and_the_range_says_so(articles: Profile) -> None:
    card = score(build({"confidentiality.nda": True, "confidentiality.scope": "broad"}), articles)
    finding = card.finding("NDA001")
    assert finding.outcome == "unknown"
    assert finding.possible == ("partly", "not-met")
    assert card.range[1] < 100.0


def test_a_known_finding_can_take_one_outcome_only(articles: Profile) -> None:
    finding = score(build({"access.credentials": "shared"}), articles).finding("SEC001")
    assert finding.possible == ("not-met",)


def test_rules_that_share_a_term_are_assigned_together(articles: Profile) -> None:
    """PAY001 and PAY002 both read compensation.money: their best is both met, their worst
    both not met, never one met while the other is not."""
    card = score(build({"access.credentials": "per-participant"}), articles)
    assert card.finding("PAY001").possible == ("met", "partly", "not-met")
    worst, best = card.range
    assert worst > 0.0  # SEC001 is met whatever the rest is
    assert best == 100.0


# --- headlines and gates ------------------------------------------------------------------------

_SAMPLE = {"voice": {"source": "S1", "channel": True, "organising": False}}


def _write_terms(terms: dict[str, Any], tmp: Path | None = None, name: str = "p.yaml") -> Path:
    import tempfile

    folder = tmp or Path(tempfile.mkdtemp())
    path = folder / name
    data = {
        "id": path.stem,
        "name": "A program",
        "organization": "Org",
        "kind": "beta",
        "sources": {"S1": {"title": "Terms", "party": "organization", "url": "https://e.org"}},
        "terms": terms,
    }
    path.write_text(json.dumps(data), encoding="utf-8")  # JSON is YAML
    return path


def test_a_program_stating_one_favourable_term_fails_fail_under(tmp_path: Path) -> None:
    path = _write_terms(
        {"access": {"source": "S1", "credentials": "per-participant"}}, tmp_path, "one.yaml"
    )
    result = run_cli("score", str(path), "--fail-under", "70")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "one (no grade" in result.stderr


def test_fail_under_worst_gates_on_the_worst_case_of_the_range(tmp_path: Path) -> None:
    reference = Path(__file__).resolve().parent.parent / "programs" / "reference.yaml"
    assert run_cli("score", str(reference), "--fail-under-worst", "100").returncode == 0
    sora = Path(__file__).resolve().parent.parent / "programs" / "sora-alpha-artists.yaml"
    result = run_cli("score", str(sora), "--fail-under-worst", "0")
    assert result.returncode == 0, result.stderr  # worst case 0.0
    result = run_cli("score", str(sora), "--fail-under-worst", "10")
    assert result.returncode == 1
    assert "--fail-under-worst 10" in result.stderr and "worst case 0.0" in result.stderr
    assert "--fail-under-worst" in run_cli("score", "--help").stdout


def test_a_graded_program_with_an_open_rule_passes_fail_under_but_not_the_worst_case(
    tmp_path: Path,
) -> None:
    reference = (Path(__file__).resolve().parent.parent / "programs" / "reference.yaml").read_text(
        encoding="utf-8"
    )
    path = tmp_path / "open.yaml"
    path.write_text(reference.replace("    credentials: per-participant\n", ""), encoding="utf-8")
    assert run_cli("score", str(path), "--fail-under", "90").returncode == 0
    assert run_cli("score", str(path), "--fail-under-worst", "99").returncode == 1


def test_an_ungraded_program_shows_range_and_coverage_not_a_bare_score(tmp_path: Path) -> None:
    path = _write_terms(
        {"access": {"source": "S1", "credentials": "per-participant"}}, tmp_path, "thin.yaml"
    )
    for fmt in ("table", "markdown"):
        result = run_cli("score", str(path), "--format", fmt)
        row = next(line for line in result.stdout.splitlines() if "thin" in line)
        assert "100.0" not in row.replace("–100.0", ""), row  # only the range's best end
        assert "4.0–100.0" in row and "4%" in row
    details = run_cli("score", str(path), "--details").stdout
    headline = next(line for line in details.splitlines() if line.startswith("A program (thin)"))
    assert "score" not in headline and "range 4.0–100.0" in headline
    data = json.loads(run_cli("score", str(path), "--format", "json").stdout)["programs"][0]
    assert data["score"] == 100.0 and data["range"] == [4.0, 100.0] and data["grade"] is None


def test_rankings_order_by_grade_then_by_the_worst_case() -> None:
    result = run_cli("score", env={"COLUMNS": "1000"})  # one line per row, nothing wrapped
    rows = [line.split()[0] for line in result.stdout.splitlines()[4:] if line.strip()]
    assert rows[-1] == "reference"  # the example is not ranked among the real programs
    data = json.loads(run_cli("score", "--format", "json").stdout)["programs"]
    by_id = {p["id"]: p for p in data}
    grades = ["ABCDE".index(by_id[r]["grade"]) for r in rows[:-1] if by_id[r]["grade"]]
    # the real programs graded under articles (tests/test_corpus.py, GRADED_UNDER_ARTICLES)
    assert grades == sorted(grades) and len(grades) >= 4
    ungraded = [by_id[r] for r in rows if by_id[r]["grade"] is None]
    worsts = [p["range"][0] for p in ungraded]
    assert worsts == sorted(worsts, reverse=True)


# --- history and disputes -----------------------------------------------------------------------

_HISTORY = """\
id: halted
name: A reward later halted
organization: Org
kind: bug-bounty
sources:
  S1: {title: Old terms, party: organization, url: https://e.org/old}
  S2: {title: New terms, party: organization, url: https://e.org/new}
terms:
  compensation:
    money:
      history:
        - {value: per-result, until: "2025-01", source: S1, quote: "we pay per bug"}
        - {value: none, since: "2025-01", source: S2, quote: "no bounty is paid"}
"""


def test_a_dated_change_is_not_a_dispute_and_the_current_value_scores(tmp_path: Path) -> None:
    program, warnings = parse_program(_HISTORY)
    assert warnings == []  # S1 is cited by the past entry
    card = score(program, load_profile("articles"))
    assert card.disputed_terms == () and card.other_disputes == ()
    assert card.finding("PAY002").outcome == "not-met"  # none, not per-result
    path = tmp_path / "halted.yaml"
    path.write_text(_HISTORY, encoding="utf-8")
    details = run_cli("score", str(path), "--details").stdout
    assert "compensation.money = per-result (until 2025-01)" in details
    assert "compensation.money = none (since 2025-01)" in details
    finding = json.loads(run_cli("score", str(path), "--format", "json").stdout)["programs"][0][
        "findings"
    ][1]
    assert [(h["value"], h.get("since"), h.get("until")) for h in finding["history"]] == [
        ("per-result", None, "2025-01"),
        ("none", "2025-01", None),
    ]
    assert run_cli("validate", "--strict", str(path)).returncode == 0


@pytest.mark.parametrize(
    ("history", "message"),
    [
        ("- {value: none, source: S2}", "bad.yaml:12:11: error: a history entry needs `since`"),
        (
            "- {value: none, until: 2024, source: S2}",
            "bad.yaml:12:9: error: every history entry has `until`",
        ),
        (
            "- {value: none, since: 2025-02, until: 2025-01, source: S2}",
            "`until` 2025-01 comes before `since` 2025-02",
        ),
    ],
)
def test_a_history_entry_that_says_nothing_about_time_is_located(
    tmp_path: Path, history: str, message: str
) -> None:
    text = _HISTORY.split("      history:\n")[0] + "      history:\n        " + history + "\n"
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert message in result.stderr, result.stderr


def test_disputes_no_rule_reads_are_listed_apart(tmp_path: Path) -> None:
    sora = Path(__file__).resolve().parent.parent / "programs" / "sora-alpha-artists.yaml"
    data = json.loads(run_cli("score", str(sora), "--format", "json").stdout)["programs"][0]
    assert data["disputed_terms"] == []
    assert {"participants", "events.leak"} <= set(data["other_disputes"])
    row = next(line for line in run_cli("score", str(sora)).stdout.splitlines() if "sora" in line)
    assert row.rstrip().endswith("–")  # the disputed column: none moves a finding


# --- authoring ----------------------------------------------------------------------------------


def test_a_plain_list_is_backed_by_its_sections_source(tmp_path: Path) -> None:
    path = tmp_path / "bounty.yaml"
    path.write_text(
        _HISTORY.split("terms:")[0]
        + "terms:\n  compensation: {source: S1, money: per-result, conditions: [first-reporter]}\n"
        + "  expectations: {source: S2, time: {hours: 5, per: week}}\n",
        encoding="utf-8",
    )
    result = run_cli("score", str(path), "--details", env={"COLUMNS": "1000"})  # unwrapped
    assert result.returncode == 0, result.stderr
    assert "compensation.conditions" not in result.stderr
    assert "only accepted results are paid (first-reporter)" in result.stdout


def test_a_top_level_plain_value_asks_for_value_and_source(tmp_path: Path) -> None:
    path = tmp_path / "count.yaml"
    path.write_text(_HISTORY.replace("kind: bug-bounty\n", "kind: bug-bounty\nparticipants: 200\n"))
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert "count.yaml:5:15: error: a value needs a source: write {value: 200, source: ID}" in (
        result.stderr
    )
    assert "give the section" not in result.stderr


def test_init_text_has_no_python_reprs_or_rest_markup() -> None:
    text = run_cli("init", "-").stdout
    assert "<class" not in text and "NoneType" not in text
    assert "``" not in text
    assert "history:" in text


def test_a_source_cited_only_by_an_event_or_a_past_entry_counts_as_cited(tmp_path: Path) -> None:
    text = _HISTORY.replace(
        "sources:\n",
        "events:\n  halted: {value: '2025-01', source: S3}\nsources:\n"
        "  S3: {title: Announcement, party: organization, url: https://e.org/news}\n",
    )
    path = tmp_path / "cited.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_cli("validate", "--strict", str(path))
    assert result.returncode == 0, result.stderr
