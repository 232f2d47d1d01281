"""The bundled Sora and reference programs, read under the three bundled profiles."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from testerterms import Profile, load_profile, load_program, remedy_terms, score

from .conftest import PROGRAMS, REFERENCE, SORA, run_cli

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


def test_sora_disputes_that_move_no_finding_are_listed_apart(sora: Any) -> None:
    for name in ("articles", "industry-practice"):
        card = score(sora, load_profile(name))
        assert "events.leak" in card.other_disputes  # the seeds disagree on the leak date
        assert card.disputed_terms == ()


def test_sora_feedback_rests_on_openais_word_where_the_letter_says_no_more(sora: Any) -> None:
    """The letter says the testers gave feedback unpaid, not that it was required; an
    article's summary that they were "made to" is not the testers' claim (docs/codebook.md,
    "Who speaks"), so OpenAI's "no obligation to provide feedback" stands undisputed."""
    term = sora.terms.expectations.feedback_required
    assert term.value is False and not term.disputed
    (fact,) = term.claims
    assert fact.quoting == "organization"


def test_sora_leak_dates_that_the_seeds_disagree_on_are_all_recorded(sora: Any) -> None:
    assert set(sora.events["leak"].values) == {"2024-11-26", "2024-11-25", "2023-11-14"}


def test_a_dispute_that_decides_a_rule_makes_a_disputed_finding_inside_the_range(
    tmp_path: Any,
) -> None:
    """The Sora file with a dispute written in: a made-up participants' claim that feedback was
    required, against OpenAI's word that it was not. Under industry-practice the dispute decides
    PAY001."""
    text = SORA.read_text(encoding="utf-8")
    coded = """    feedback_required:
      value: false
      source: S4
      quoting: organization
      quote: "no obligation to provide feedback or use the tool."
"""
    disputed = """    feedback_required:
      claims:
        - {value: true, source: S1, quote: "we were required to give feedback"}
        - value: false
          source: S4
          quoting: organization
          quote: "no obligation to provide feedback or use the tool."
"""
    start = text.index(coded)
    end = text.index("\n\n", start)
    path = tmp_path / "sora-disputed.yaml"
    path.write_text(text[:start] + disputed + text[end:], encoding="utf-8")
    card = score(load_program(path), load_profile("industry-practice"))
    assert card.disputed_terms == ("expectations.feedback_required",)
    finding = card.finding("PAY001")
    assert finding.disputed and finding.evidence == "disputed"
    assert "feedback_required" in finding.reason
    assert card.range[0] <= (card.score or 0) <= card.range[1]


def test_the_three_profiles_read_sora_differently(sora: Any) -> None:
    best = {name: score(sora, load_profile(name)).range[1] for name in PROFILE_NAMES}
    assert best["testers-letter"] < best["articles"] < best["industry-practice"]


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


# --- judgements a fair reader of the quotes would make (issue 9) ---------------------------------


def _program(name: str) -> Any:
    return load_program(PROGRAMS / f"{name}.yaml")


def test_playtestcloud_pays_every_completed_playtest_so_pay001_is_at_least_partly_met(
    articles: Profile,
) -> None:
    finding = score(_program("playtestcloud"), articles).finding("PAY001")
    assert finding.outcome in ("met", "partly")
    assert finding.evidence == "official"


def test_playtestcloud_five_year_nda_cannot_meet_nda001_whether_or_not_it_ends_at_release(
    articles: Profile,
) -> None:
    """The help page gives a five-year term and says nothing of release: the end at release
    stays unknown, and the broad duty can at best be partly met."""
    program = _program("playtestcloud")
    confidentiality = program.terms.confidentiality
    assert confidentiality.duration_months.value == 60
    assert not confidentiality.ends_at_release.known
    assert score(program, articles).finding("NDA001").possible == ("partly", "not-met")


def test_hypernatural_discretionary_stipend_per_approved_video_is_coded_as_a_bounty(
    articles: Profile,
) -> None:
    """A discretionary stipend per approved video is pay per accepted result, as a
    discretionary bounty is (docs/codebook.md, "Discretionary pay"): partly met, like them."""
    program = _program("hypernatural-creative-partnership")
    compensation = program.terms.compensation
    assert compensation.money.value == "per-result"
    assert compensation.withholding.value == "discretionary"
    assert compensation.amount.value == "$25 USD per approved video"
    assert score(program, articles).finding("PAY001").outcome == "partly"
    bounty = score(_program("microsoft-copilot-bounty"), articles).finding("PAY001")
    assert bounty.outcome == "partly"


def test_hypernatural_perpetual_licence_to_repost_keeps_ctl003_from_being_met(
    articles: Profile,
) -> None:
    """The stored terms break off before saying who owns the videos; whoever does, the
    perpetual, royalty-free licence to use, display and repost them keeps CTL003 from met."""
    program = _program("hypernatural-creative-partnership")
    ownership = program.terms.ownership
    assert ownership.output_licence_perpetual.value is True
    assert "repost" in ownership.output_licence_uses.value
    finding = score(program, articles).finding("CTL003")
    assert finding.possible == ("partly", "not-met")
    assert "met" not in finding.possible


def test_openai_bug_bounty_disclosure_changed_over_time_and_is_not_disputed(
    articles: Profile,
) -> None:
    program = _program("openai-bug-bounty")
    disclosure = program.terms.confidentiality.disclosure
    assert [fact.value for fact in disclosure.history] == ["discretionary", "forbidden"]
    assert disclosure.history[0].since == "2023-04" and disclosure.history[0].until
    assert disclosure.value == "forbidden" and not disclosure.disputed
    money = program.terms.compensation.money
    assert [fact.value for fact in money.history] == ["none", "per-result"]
    assert money.value == "per-result"
    assert disclosure.history[1].since == disclosure.history[0].until  # one change, dated
    assert program.terms.content_review.share_ban.value == "all"
    card = score(program, articles)
    assert "confidentiality.disclosure" not in card.disputed_terms
    assert not any(finding.disputed for finding in card.findings)


# --- the reference program is an example, not a real program ------------------------------------


def test_only_the_reference_program_is_marked_as_an_example_in_json() -> None:
    result = run_cli("score", "--format", "json")
    assert result.returncode == 0, result.stderr
    programs = json.loads(result.stdout)["programs"]
    examples = [entry["id"] for entry in programs if entry["example"]]
    assert examples == ["reference"]
    assert all(entry["example"] is False for entry in programs if entry["id"] != "reference")


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_the_score_table_labels_the_reference_program_as_an_example(fmt: str) -> None:
    result = run_cli("score", "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert "reference (example)" in result.stdout
    assert "sora-alpha-artists (example)" not in result.stdout


def test_no_examples_leaves_the_reference_program_out_of_every_format() -> None:
    ids: dict[str, list[str]] = {}
    for fmt in ("table", "csv", "json"):
        result = run_cli("score", "--no-examples", "--format", fmt, env={"COLUMNS": "1000"})
        assert result.returncode == 0, result.stderr
        if fmt == "json":
            ids[fmt] = [entry["id"] for entry in json.loads(result.stdout)["programs"]]
        elif fmt == "csv":
            ids[fmt] = [row["id"] for row in csv.DictReader(io.StringIO(result.stdout))]
        else:  # the table: a heading, a blank line, the header and its rule, then one per row
            ids[fmt] = [line.split()[0] for line in result.stdout.splitlines()[4:]]
    for fmt, found in ids.items():
        assert "reference" not in found, fmt
        assert "sora-alpha-artists" in found, fmt
    assert sorted(ids["table"]) == sorted(ids["csv"]) == sorted(ids["json"])


def test_details_name_the_copy_a_source_was_read_on_beside_its_original() -> None:
    result = run_cli(
        "score", str(PROGRAMS / "playtestcloud.yaml"), "--details", env={"COLUMNS": "1000"}
    )  # unwrapped lines
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.strip().startswith("D35:"))
    assert "https://www.playtestcloud.com/player_terms_of_service" in line
    assert "read on http://uni-love.org/player-terms-of-service.html" in line


def test_no_examples_says_so_when_it_leaves_out_every_program() -> None:
    result = run_cli("score", "--no-examples", str(REFERENCE))
    assert result.returncode == 0
    assert result.stdout == ""
    assert "--no-examples left out every program given" in result.stderr
