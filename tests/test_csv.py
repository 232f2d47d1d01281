"""`score --format csv`: a table a journalist can sort, filter and open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import given
from hypothesis import strategies as st

from testerterms import Profile, _escape, load_profile, score
from testerterms.render import CsvReporter
from testerterms.rules import CATALOGUE, CATEGORIES

from .conftest import SORA, build, run_cli

# The articles profile (the default) weighs the seed rules, not the standards' rules.
ARTICLES = [code for code in CATALOGUE if code in load_profile("articles").rules]
ARTICLE_CATEGORIES = {CATALOGUE[code].category for code in ARTICLES}

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def _rows(*args: str) -> list[dict[str, str]]:
    result = run_cli("score", "--format", "csv", *args)
    assert result.returncode == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_a_row_per_program_with_identity_grade_coverage_categories_and_rules() -> None:
    rows = _rows()
    columns = list(rows[0])
    for column in ("name", "organization", "kind", "example", "grade", "coverage_percent"):
        assert column in columns
    assert [f"{c}_score" for c in CATEGORIES if c in ARTICLE_CATEGORIES] == [
        c for c in columns if c.endswith("_score")
    ]
    assert [c for c in columns if c in CATALOGUE] == ARTICLES
    scores = {
        p["id"]: p for p in json.loads(run_cli("score", "--format", "json").stdout)["programs"]
    }
    for row in rows:
        program = scores[row["id"]]
        assert row["grade"] == (program["grade"] or "none")
        assert float(row["coverage_percent"]) == round(program["coverage"] * 100, 1)
        for finding in program["findings"]:
            assert row[finding["rule"]] == finding["outcome"]
        for category, subtotal in program["categories"].items():
            shown = row[f"{category}_score"]
            assert shown == ("" if subtotal["score"] is None else str(subtotal["score"]))


def test_the_reference_program_is_marked_as_an_example() -> None:
    rows = _rows()
    assert {r["id"]: r["example"] for r in rows if r["example"] == "true"} == {"reference": "true"}
    assert {r["example"] for r in rows} == {"true", "false"}


def test_no_grade_reads_none_not_blank() -> None:
    rows = _rows()
    assert "" not in {r["grade"] for r in rows}
    assert "none" in {r["grade"] for r in rows}


def test_details_give_a_row_per_finding_with_true_and_false() -> None:
    rows = _rows(str(SORA), "--details")
    assert len(rows) == len(ARTICLES)
    assert {r["disputed"] for r in rows} <= {"true", "false"}
    assert {r["example"] for r in rows} == {"false"}
    assert [r["rule"] for r in rows] == ARTICLES
    assert all(r["title"] and r["reason"] and r["category"] in CATEGORIES for r in rows)


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_text_that_starts_a_formula_is_made_inert(articles: Profile) -> None:
    program = build(
        {"compensation.money": "none"},
        name='=HYPERLINK("http://evil.example","click")',
        organization="+cmd|' /C calc'!A0",
    )
    card = score(program, articles)
    for details in (False, True):
        text = CsvReporter(articles, details=details).render([(program, card)])
        assert not [c for c in _cells(text) if c.startswith(FORMULA_STARTS)]
    row = next(csv.DictReader(io.StringIO(CsvReporter(articles).render([(program, card)]))))
    assert row["name"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["organization"] == "'+cmd|' /C calc'!A0"


@given(name=st.text(min_size=1, max_size=40), organization=st.text(min_size=1, max_size=40))
def test_no_cell_ever_starts_a_formula(name: str, organization: str) -> None:
    from testerterms import load_profile

    profile = load_profile("articles")
    program = build({"compensation.money": "none"}, name=name, organization=organization)
    text = CsvReporter(profile).render([(program, score(program, profile))])
    row = next(csv.DictReader(io.StringIO(text)))
    for column in ("name", "organization"):
        assert not row[column].startswith(FORMULA_STARTS)
        shown = _escape.terminal(name if column == "name" else organization)
        assert row[column] in (shown, "'" + shown)  # control characters shown, never raw
