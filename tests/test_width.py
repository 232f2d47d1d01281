"""Terminal tables fit the width they are given and never cut a value."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testerterms.render import _width

from .conftest import SORA, run_cli


def _score(columns: int, *args: str) -> str:
    result = run_cli("score", *args, env={"COLUMNS": str(columns)})
    assert result.returncode == 0, result.stderr
    return result.stdout


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _values(*args: str) -> list[str]:
    """Every value the table shows: program ids, organizations, reasons, facts' quotes."""
    document = json.loads(run_cli("score", "--format", "json", *args).stdout)
    values = []
    for program in document["programs"]:
        values += [program["id"], program["organization"]]
        for finding in program["findings"] if "--details" in args else ():
            values.append(finding["reason"])
            values += [fact["quote"] for fact in finding["facts"] if fact.get("quote")]
    return values


def test_a_table_too_wide_even_wrapped_becomes_one_block_per_row() -> None:
    output = _score(60, str(SORA), "--details")
    assert "rule      PAY001" in output.splitlines()
    assert "rule      SEC002" in output.splitlines()


def test_at_60_columns_no_line_is_longer_and_no_value_is_cut() -> None:
    for args in ((), (str(SORA), "--details")):
        output = _score(60, *args)
        assert max(len(line) for line in output.splitlines()) <= 60
        flat = _squeezed(output)
        for value in _values(*args):
            assert _squeezed(value) in flat, value


def test_a_wrapped_table_keeps_every_character_of_the_wide_one() -> None:
    def characters(text: str) -> Counter[str]:
        kept = [line for line in text.splitlines() if line.strip(" -")]  # not the rules
        return Counter(c for line in kept for c in line if not c.isspace())

    wide = _score(1000, str(SORA), "--details")
    for columns in (100, 120):
        narrow = _score(columns, str(SORA), "--details")
        assert max(len(line) for line in narrow.splitlines()) <= columns
        assert any(line.startswith("rule ") and "reason" in line for line in narrow.splitlines())
        assert characters(narrow) == characters(wide), columns


def test_an_abbreviated_value_has_a_legend_that_gives_it_in_full() -> None:
    output = _score(100)
    assert "E–A*" in output
    assert "E–A* = E–A, not enough known" in output.splitlines()
    assert "E–A*" not in _score(1000)


def test_without_a_terminal_or_columns_the_width_is_100() -> None:
    result = run_cli("score")
    assert max(len(line) for line in result.stdout.splitlines()) <= 100
    assert "sora-alpha-artists" in result.stdout  # ids stay whole at the default width


def test_markdown_keeps_one_line_per_row_whatever_the_width() -> None:
    result = run_cli("score", "--format", "markdown", str(SORA), "--details", env={"COLUMNS": "40"})
    table = [line for line in result.stdout.splitlines() if line.startswith("|")]
    assert len(table) == 2 + 1 + 2 + 15  # summary header, rule, row; findings header, rule, rows


cells = st.text(st.characters(codec="ascii", categories=["L", "N", "P", "Zs"]), max_size=30)


@given(
    data=st.data(),
    columns=st.integers(1, 6),
    width=st.integers(20, 140),
)
def test_any_table_fits_or_becomes_records_with_every_character_kept(
    data: st.DataObject, columns: int, width: int
) -> None:
    headers = [data.draw(st.from_regex(r"[a-z]{1,10}", fullmatch=True)) for _ in range(columns)]
    rows = data.draw(st.lists(st.lists(cells, min_size=columns, max_size=columns), max_size=5))
    fitted = _width.layout(rows, headers, width)
    text = (
        _width.plain_table(rows, headers, *fitted)
        if fitted is not None
        else _width.records(rows, headers, width)
    )
    if fitted is not None:
        assert max(len(line) for line in text.splitlines()) <= width
        body = [line for line in text.splitlines() if line.strip(" -")]
        original = Counter(c for row in [headers, *rows] for cell in row for c in cell)
        shown = Counter(c for line in body for c in line)
        for character in original:
            if not character.isspace() and character != "-":
                assert shown[character] == original[character], character
    else:
        assert all(_squeezed(cell) in _squeezed(text) for row in rows for cell in row)


@given(line=st.text(max_size=60), width=st.integers(1, 50))
def test_a_line_is_wrapped_as_textwrap_wraps_it(line: str, width: int) -> None:
    """Lines short enough are taken whole without textwrap (a comparison wraps thousands of
    cells): the result is textwrap's, for every character, spaces and controls included."""
    assert _width._wrap_line(line, width) == (
        textwrap.wrap(line, width, break_on_hyphens=True) or [""]
    )


def _shrunk_step_by_step(
    rows: list[list[str]], headers: list[str], width: int, gap: int
) -> tuple[list[int] | None, list[int]]:
    """:func:`_width.column_widths` as it is documented: one column narrowed by one, the
    least wrapped first, until the table fits or no column can give way; with the widths
    each pass could narrow the table to (where the shortcut starts)."""
    columns = list(zip(headers, *rows, strict=True)) if rows else [(h,) for h in headers]
    natural = [
        max(len(line) for cell in column for line in _width._lines(cell)) for column in columns
    ]
    widths = list(natural)
    gaps = gap * (len(widths) - 1)
    narrowest = []
    for cap in (None, _width.WORD_FLOOR):
        floors = []
        for column, full in zip(columns, natural, strict=True):
            word = _width._longest_word(column)
            heading = _width._longest_piece(column[:1])
            floor = max(_width.NARROWEST, heading, word if cap is None else min(word, cap))
            floors.append(min(full, floor))
        narrowest.append(sum(floors) + gaps)
        while sum(widths) > width - gaps:
            shrinkable = [i for i, (w, f) in enumerate(zip(widths, floors, strict=True)) if w > f]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda i: (widths[i] / natural[i], widths[i], -i))
            widths[widest] -= 1
        if sum(widths) <= width - gaps:
            return widths, narrowest
    return None, narrowest


@given(
    data=st.data(),
    columns=st.integers(1, 30),
    width=st.integers(10, 140),
    gap=st.integers(1, 2),
)
def test_column_widths_are_those_of_shrinking_one_step_at_a_time(
    data: st.DataObject, columns: int, width: int, gap: int
) -> None:
    """A table too wide even at its columns' floors takes them in one step (a comparison of
    hundreds of programs took thousands of steps): the widths, or None, are the same, at any
    width and at the widths where the floors just fit or just do not."""
    headers = [data.draw(st.from_regex(r"[a-z-]{1,24}", fullmatch=True)) for _ in range(columns)]
    rows = data.draw(st.lists(st.lists(cells, min_size=columns, max_size=columns), max_size=4))
    _, narrowest = _shrunk_step_by_step(rows, headers, 0, gap)  # neither pass fits: both
    edges = [edge + step for edge in narrowest for step in (-1, 0, 1)]
    for tried in (width, *edges):
        expected, _ = _shrunk_step_by_step(rows, headers, tried, gap)
        assert _width.column_widths(rows, headers, tried, gap=gap) == expected, tried


def test_the_rule_catalogue_and_profiles_fit_the_terminal_too() -> None:
    from testerterms.rules import CATALOGUE

    def characters(text: str) -> Counter[str]:
        kept = [line for line in text.splitlines() if line.strip(" -")]
        return Counter(c for line in kept for c in line if not c.isspace())

    for command in (["rules"], ["profiles"], ["rules", "PAY001"]):
        wide = run_cli(*command, env={"COLUMNS": "1000"}).stdout
        for columns in (60, 100):
            output = run_cli(*command, env={"COLUMNS": str(columns)}).stdout
            assert max(len(line) for line in output.splitlines()) <= columns, command
            # The catalogue has a column per profile (eleven): at 100 columns it is shown as
            # records, one block per rule, so only the other outputs keep a table's characters.
            if columns == 100 and command != ["rules"]:
                assert characters(output) == characters(wide), command
    records = run_cli("rules", env={"COLUMNS": "60"}).stdout
    for rule in CATALOGUE.values():
        assert _squeezed(rule.title) in _squeezed(records)


# Every text output, as a user at a terminal of that width sees it (stdout and stderr; the
# one-line messages on stderr, `path:line:col: error: ...` and `testerterms: wrote ...`,
# stay one line each so that they can be searched, and are left out here).
TEXT_OUTPUTS = {
    "score": ["score"],
    "score --details": ["score", str(SORA), "--details"],
    "compare": ["compare", str(SORA), "playtestcloud", "reference", "--samples", "3"],
    "compare, two profiles": [
        "compare",
        str(SORA),
        "reference",
        "--profile",
        "articles",
        "--profile",
        "testers-letter",
        "--samples",
        "0",
    ],
    "suggest": ["suggest", str(SORA), "--target", "B"],
    "diff": ["diff", str(SORA), "reference"],
    "rules": ["rules"],
    "rules CODE": ["rules", "CRD002"],
    "profiles": ["profiles"],
    "help": ["--help"],
    "score --help": ["score", "--help"],
    "ask": ["ask", "-", "--force"],
}


def _text_output(name: str, columns: int, folder: Path) -> str:
    args = TEXT_OUTPUTS[name]
    if name == "ask":  # the questions, answered from a pipe; the file is written in `folder`
        args = ["ask", str(folder / str(columns) / "offer.yaml")]
        result = subprocess.run(
            [sys.executable, "-m", "testerterms", *args],
            input="Offer\nStudio\nbeta\n",
            capture_output=True,
            text=True,
            env={**os.environ, "COLUMNS": str(columns)},
            timeout=120,
        )
    else:
        result = run_cli(*args, env={"COLUMNS": str(columns)})
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("name", TEXT_OUTPUTS)
def test_every_text_output_fits_columns_and_cuts_nothing(name: str, tmp_path: Path) -> None:
    def characters(text: str) -> Counter[str]:  # what is shown, not the spaces and rules
        return Counter(c for c in text if not c.isspace() and c != "-")

    wide = characters(_text_output(name, 1000, tmp_path))
    for columns in (60, 200):
        output = _text_output(name, columns, tmp_path)
        longest = max(output.splitlines(), key=len)
        assert len(longest) <= columns, (columns, longest)
        # Wrapped, or shown as records (a header beside each value), never cut.
        shown = characters(output)
        assert {c: n for c, n in wide.items() if shown[c] < n} == {}, columns


_CELL = st.text(max_size=14) | st.sampled_from(
    [
        "–",
        "True",
        "False",
        " padded ",
        "",
        "a\tb",
        "\x01",
        "two\nlines",
        "\x1b[31mred\x1b[0m",
        "1.50",
    ]
)


@given(
    st.integers(1, 5).flatmap(
        lambda n: st.tuples(
            st.lists(st.text(max_size=8), min_size=n, max_size=n),
            st.lists(st.lists(_CELL, min_size=n, max_size=n), max_size=6),
        )
    )
)
def test_a_markdown_table_is_what_tabulate_writes_for_any_cells(
    table: tuple[list[str], list[list[str]]],
) -> None:
    from tabulate import tabulate

    headers, rows = table
    expected = tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)
    assert _width.markdown_table(rows, headers) == expected


_WRAPPED = st.sampled_from(list(" \t\n\r\x0b\x0c\x1c\x85\u2028\xa0\u3000-ab")) | st.characters()


@given(st.text(_WRAPPED, max_size=25), st.integers(1, 30))
def test_a_cell_is_wrapped_as_textwrap_wraps_each_of_its_lines(text: str, width: int) -> None:
    import textwrap

    lines = text.splitlines() or [""]
    expected = [
        piece
        for line in lines
        for piece in textwrap.wrap(line, width, break_on_hyphens=True) or [""]
    ]
    assert _width._wrap(text, width) == expected
