"""Every CSV (score, compare, suggest, diff): one dialect a journalist can sort, filter and open
in a spreadsheet or pandas."""

from __future__ import annotations

import csv
import io
import json
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testerterms import Profile, _escape, load_profile, score
from testerterms.cli import main
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
            outcome = finding["outcome"]
            assert row[finding["rule"]] == ("not-applicable" if outcome == "n/a" else outcome)
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


# --- one dialect for every CSV -----------------------------------------------------------------

CSV_OUTPUTS = {
    "score": ["score", "--format", "csv"],
    "score --details": ["score", str(SORA), "tribeca-sora-shorts", "--details", "--format", "csv"],
    "compare": [
        "compare",
        str(SORA),
        "tribeca-sora-shorts",
        "reference",
        "--samples",
        "5",
        "--format",
        "csv",
    ],
    "suggest": ["suggest", str(SORA), "--format", "csv"],
    "diff": ["diff", str(SORA), "reference", "--format", "csv"],
}
BOOLEAN_COLUMNS = {"example", "disputed", "settles_unknown"}
OUTCOMES = {"met", "partly", "not-met", "unknown", "not-applicable"}
GRADES = {"A", "B", "C", "D", "E", "none"}


@cache
def _csv_text(name: str) -> str:
    """The command's CSV as it writes it (no newline translation on the way)."""
    out, err = io.StringIO(), io.StringIO()
    assert main(CSV_OUTPUTS[name], out, err) == 0, err.getvalue()
    return out.getvalue()


def _records(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_csv_text(name), newline="")))


@pytest.mark.parametrize("name", CSV_OUTPUTS)
def test_every_csv_ends_each_line_in_crlf_and_reads_back_with_the_csv_module(name: str) -> None:
    text = _csv_text(name)
    assert text.endswith("\r\n") and text.count("\n") == text.count("\r\n")
    header, *rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(set(header)) == len(header) and rows
    assert {len(row) for row in rows} == {len(header)}


@pytest.mark.parametrize("name", CSV_OUTPUTS)
def test_every_csv_spells_booleans_outcomes_and_grades_the_same_way(name: str) -> None:
    records = _records(name)
    columns = set(records[0])
    assert not columns & {"program", "coverage", "keeps_rank"}  # one name for one thing
    for row in records:
        assert "n/a" not in row.values() and not {"True", "False"} & set(row.values())
        for column in BOOLEAN_COLUMNS & columns:
            assert row[column] in ("true", "false"), column
        if "outcome" in columns:
            assert row["outcome"] in OUTCOMES
        for column in columns & set(CATALOGUE):
            assert row[column] in OUTCOMES
        if "grade" in columns:
            assert row["grade"] in GRADES
            # An ungraded program's score cell is empty; its range says what is known.
            assert (row["score"] == "") == (row["grade"] == "none")
            assert 0 <= float(row["worst"]) <= float(row["best"]) <= 100
        if "coverage_percent" in columns:
            assert 0 <= float(row["coverage_percent"]) <= 100


def test_diff_csv_spells_its_standing_in_the_same_columns_and_units() -> None:
    standing = {r["item"]: r for r in _records("diff") if r["change"] == "standing"}
    assert list(standing) == ["grade", "score", "worst", "best", "coverage_percent"]
    assert standing["coverage_percent"]["new"] == "100.0"
    assert standing["grade"]["old"] == "E" and standing["grade"]["new"] == "A"


def test_the_rank_column_follows_the_tables_order() -> None:
    markdown = run_cli("score", "--format", "markdown").stdout
    table_order = [
        line.split("|")[1].strip().removesuffix(" (example)")
        for line in markdown.splitlines()[4:]
        if line.startswith("|")
    ]
    records = _records("score")
    assert [r["id"] for r in records] == table_order
    ranks = [int(r["rank"]) for r in records]
    assert ranks[0] == 1 and ranks == sorted(ranks)
    for place, (rank, row) in enumerate(zip(ranks, records, strict=True), start=1):
        assert rank == place or rank == ranks[place - 2]  # a tie shares the rank above
        if rank == ranks[place - 2] and place > 1:
            above = records[place - 2]
            assert (row["grade"], row["worst"]) == (above["grade"], above["worst"])


@pytest.mark.parametrize("name", CSV_OUTPUTS)
def test_pandas_defaults_read_outcomes_as_text_and_only_missing_values_as_missing(
    name: str,
) -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(io.StringIO(_csv_text(name), newline=""))
    text_columns = [c for c in frame.columns if c in CATALOGUE or c in ("outcome", "grade")]
    for column in text_columns:
        assert not frame[column].isna().any(), column
    for column in BOOLEAN_COLUMNS & set(frame.columns):
        assert frame[column].dtype == bool, column
    if "grade" in frame.columns:
        assert (frame["score"].isna() == (frame["grade"] == "none")).all()
    if "coverage_percent" in frame.columns:
        assert frame["coverage_percent"].between(0, 100).all()


def test_more_programs_than_one_write_holds_each_row_once_in_ranking_order(
    articles: Profile,
) -> None:
    # The ranked rows are handed on a few hundred at a time: none lost, none repeated.
    reporter = CsvReporter(articles)
    keys = [[False, (n * 7) % 5, -float((n * 13) % 100)] for n in range(700)]
    pieces = [[key, [f"p{n},x\r\n", f"p{n},y\r\n"]] for n, key in enumerate(keys)]
    header, *written = list(reporter.assemble(iter(pieces)))
    assert header.startswith("rank,") and 1 < len(written) < 700
    lines = "".join(written).split("\r\n")[:-1]
    order = sorted(range(700), key=lambda n: tuple(keys[n]))  # stable: ties in file order
    assert [line.split(",")[1] for line in lines] == [f"p{n}" for n in order for _ in "xy"]
    ranks = [int(line.split(",")[0]) for line in lines]
    assert ranks[0] == 1 and ranks == sorted(ranks)
