"""How firm a headline is (issue 18 part 4, DESIGN section 3): blockers known not met shown
graded or not, with the best grade they allow; the grades the range still allows; what a
grade turns on; and no score outside its range, in every output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from testerterms import Program, load_program, score
from testerterms.advice import suggest
from testerterms.cli import main
from testerterms.profiles import Profile

from .conftest import SORA, run_cli
from .test_scoring_properties import PROFILES, programs

# Frozen copies of two bundled files as coded before the re-read (tests/headline/): the
# headline's mechanics are pinned on them, whatever later readings of the programs say.
HEADLINE = Path(__file__).resolve().parent / "headline"
GEMINI = HEADLINE / "gemini-earth-before-the-reread.yaml"
PLAYTESTCLOUD = HEADLINE / "playtestcloud-before-the-reread.yaml"


def cli(*args: str) -> str:
    """What ``testerterms ARGS`` prints, run in this process (at 200 columns)."""
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out, err)
    assert status in (0, 1), err.getvalue()
    return out.getvalue()


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")


def read_otherwise(raw: dict[str, Any], key: str, value: Any) -> Program:
    """The program with ``key`` unstated (``value`` None) or stated as ``value`` alone."""
    section, name = key.split(".")
    terms = {s: dict(body) for s, body in raw["terms"].items()}
    if value is None:
        terms[section].pop(name, None)
    else:
        terms[section][name] = {"claims": [{"value": value, "source": "S0"}]}
    return Program.model_validate({**raw, "terms": terms})


def stated(raw: dict[str, Any], key: str) -> list[Any]:
    section, name = key.split(".")
    return [claim["value"] for claim in raw["terms"][section][name]["claims"]]


@settings(max_examples=10, deadline=None)
@given(programs(), st.sampled_from(PROFILES))
def test_each_turning_point_gives_the_grade_it_names_and_no_other_fact_would(
    raw: dict[str, Any], profile: Profile
) -> None:
    """Checked from outside: the program scored again with the fact left out, or with the
    named claim alone, has the grade the turning point names; every other fact the scored
    findings rest on, left out, keeps the grade."""
    program = Program.model_validate(raw)
    card = score(program, profile)
    if card.grade is None:
        return
    named = {point.term for point in card.turns_on}
    for point in card.turns_on:
        if point.disputed:
            value = next(v for v in stated(raw, point.term) if _spelt(v) == point.value)
            other = score(read_otherwise(raw, point.term, value), profile)
        else:
            other = score(read_otherwise(raw, point.term, None), profile)
        assert other.grade == point.grade != card.grade, (profile.id, point)
    for key in {k for f in card.findings if f.credit is not None and f.weight > 0 for k in f.terms}:
        if key not in named and len({json.dumps(v) for v in stated(raw, key)}) == 1:
            assert score(read_otherwise(raw, key, None), profile).grade == card.grade, key


def _spelt(value: Any) -> str:
    from testerterms.scoring import show_value

    return show_value(tuple(value) if isinstance(value, list) else value)


def test_an_ungraded_program_shows_the_blockers_it_fails_in_every_output(tmp_path: Any) -> None:
    """Gemini in Google Earth under `articles`: PAY001 and CTL001 are not met on Google's own
    words, both blockers; too little is known for a grade, but it can be no better than D."""
    card = score(load_program(GEMINI), "articles")
    assert card.grade is None and card.blockers == ("PAY001", "CTL001")
    assert card.blocker_cap == "D" and card.possible_grades[0] == "D"
    table = cli("score", str(GEMINI))
    assert "E–D, not enough known" in table and "PAY001, CTL001 (at best D)" in table
    markdown = cli("score", str(GEMINI), "--format", "markdown")
    assert "| E–D, not enough known" in markdown and "PAY001, CTL001 (at best D)" in markdown
    entry = json.loads(cli("score", str(GEMINI), "--format", "json"))["programs"][0]
    assert entry["grade"] is None and entry["blockers"] == ["PAY001", "CTL001"]
    assert entry["blocker_cap"] == "D" and entry["possible_grades"] == ["D", "E"]
    row = next(csv.DictReader(io.StringIO(cli("score", str(GEMINI), "--format", "csv"))))
    assert (row["grade"], row["blockers"], row["blocker_cap"]) == ("none", "PAY001 CTL001", "D")
    assert row["possible_grades"] == "D E"


def test_a_grade_that_turns_on_one_fact_is_marked_in_every_output() -> None:
    """PlaytestCloud's C rests, among others, on `share_ban` (CTL001): without it, B."""
    card = score(load_program(PLAYTESTCLOUD), "articles")
    assert card.grade == "C" and card.possible_grades == ("C", "D")
    share_ban = next(p for p in card.turns_on if p.term == "content_review.share_ban")
    assert share_ban.rules == ("CTL001",) and share_ban.grade == "B" and not share_ban.disputed
    details = cli("score", str(PLAYTESTCLOUD), "--details")
    assert "grade C (D–C possible)" in details
    assert "CTL001: share_ban (B without it)" in details
    entry = json.loads(cli("score", str(PLAYTESTCLOUD), "--format", "json"))
    points = entry["programs"][0]["turns_on"]
    assert {
        "term": "content_review.share_ban",
        "rules": ["CTL001"],
        "disputed": False,
        "value": None,
        "grade": "B",
    } in points
    row = next(csv.DictReader(io.StringIO(cli("score", str(PLAYTESTCLOUD), "--format", "csv"))))
    assert "CTL001: share_ban (B without it)" in row["turns_on"]


def test_a_grade_that_turns_on_a_disputed_claim_names_the_claim() -> None:
    program = Program.model_validate(
        {
            "id": "disputed-pay",
            "name": "Disputed pay",
            "organization": "Org",
            "kind": "beta",
            "sources": {
                "T": {"title": "terms", "party": "organization", "url": "https://e.org/t"},
                "L": {"title": "letter", "party": "participants", "url": "https://e.org/l"},
            },
            "terms": {
                "compensation": {
                    "money": {
                        "claims": [
                            {"value": "everyone", "source": "T"},
                            {"value": "none", "source": "L"},
                        ]
                    },
                    "in_kind": {"value": True, "source": "T"},
                },
                "content_review": {"pre_approval": {"value": "none", "source": "T"}},
                "credit": {
                    "attribution": {"value": "everyone", "source": "T"},
                    "marketing_use": {"value": False, "source": "T"},
                },
                "expectations": {
                    "written_terms": {"value": True, "source": "T"},
                    "states_expectations": {"value": True, "source": "T"},
                    "states_compensation": {"value": True, "source": "T"},
                    "states_content_use": {"value": True, "source": "T"},
                },
                "voice": {"channel": {"value": True, "source": "T"}},
            },
        }
    )
    card = score(program, "articles")
    money = next(p for p in card.turns_on if p.term == "compensation.money")
    assert money.disputed and money.value == "everyone" and money.grade != card.grade


def test_no_bundled_program_shows_a_score_outside_its_range_in_the_table() -> None:
    """Under `beta-industry` five programs once printed score 0.0 with range 11.1–44.4."""
    for profile in ("articles", "beta-industry", "writers-authors"):
        markdown = cli("score", "--profile", profile, "--format", "markdown")
        for line in markdown.splitlines()[4:]:
            cells = [c.strip() for c in line.strip("|").split("|")]
            if len(cells) < 4 or cells[2] == "–":
                continue
            worst, best = (float(x) for x in cells[3].split()[0].split("–"))
            assert worst <= float(cells[2]) <= best, (profile, cells[0])


def test_suggest_never_prints_a_score_outside_its_range() -> None:
    """It once ended with "score 97.2, range 72.0–96.0"."""
    suggestion = suggest(load_program(SORA), "articles", "B")
    for card in (suggestion.before, suggestion.after):
        assert card.score is not None and card.range[0] <= card.score <= card.range[1]
    for step in suggestion.steps:
        assert step.score is None or step.range[0] <= step.score <= step.range[1]
    text = cli("suggest", str(SORA))
    for line in text.splitlines():
        if line.startswith(("now:", "after:")):
            low, high = (float(x) for x in line.split("range ")[1].split(",")[0].split("–"))
            assert low <= float(line.split("score ")[1].split(",")[0]) <= high, line


@pytest.mark.slow
def test_the_report_headline_says_how_firm_the_grade_is(tmp_path: Any) -> None:
    pytest.importorskip("jinja2")
    page = tmp_path / "report.html"
    result = run_cli("report", str(PLAYTESTCLOUD), str(GEMINI), "-o", str(page))
    assert result.returncode == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert "Grade C (D–C possible)" in html
    assert "The grade turns on:" in html and "CTL001: share_ban (B without it)" in html
    assert "Blockers known not met: PAY001, CTL001 (at best D)." in html
    assert "Grades still possible: E–D." in html
