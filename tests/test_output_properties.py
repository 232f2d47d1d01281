"""Arbitrary text in every string field of a program: each renderer's output keeps its shape
(Markdown rows keep the header's cell count; CSV parses back to the same columns with no
formula cell; the terminal gets no control character but newlines; JSON parses)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from testerterms import Problem, Profile, Program, score
from testerterms import _escape as escape
from testerterms.render import REPORTERS

from .conftest import examples
from .test_hostile_output import (
    FORMULA_STARTERS,
    UNSAFE,
    assert_markdown_tables_keep_their_shape,
    markdown_cells,
)

# Control characters, pipes, quotes, newlines, formula starters, markup, bidi overrides,
# lone surrogates, and ordinary letters.
HOSTILE = st.sampled_from(
    [
        *"\x00\x07\x08\t\n\r\x1b\x7f\x85\x9b|\\\"'`*_[]<>&#=+-@~,;:.",
        "\u202e",
        "\u2066",
        "\u2028",
        "\ud800",
        "\udcff",
        "＝",
        "é",
        " ",
        "a",
        "Z",
        "1",
    ]
)
TEXT = st.text(alphabet=HOSTILE, max_size=20) | st.text(max_size=20)
NONEMPTY = TEXT.filter(bool)


def as_json_reads_it(text: str) -> str:
    """JSON reads a high surrogate escape followed by a low one as the one character they
    encode: text holding such a pair comes back with the pair joined, and nothing else moves.
    (Program files cannot hold surrogates; generated text can.)"""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


@st.composite
def programs(draw: st.DrawFn) -> Program:
    def fact(value: Any) -> dict[str, Any]:
        return {"value": value, "source": "S1", "quote": draw(TEXT), "note": draw(TEXT)}

    data = {
        "id": "hostile",
        "name": draw(NONEMPTY),
        "organization": draw(NONEMPTY),
        "kind": "beta",
        "summary": draw(TEXT),
        "sources": {
            "S1": {
                "title": draw(NONEMPTY),
                "party": "organization",
                "author": draw(TEXT),
                "publisher": draw(TEXT),
                "url": draw(NONEMPTY),
                "note": draw(TEXT),
            },
            "S2": {"title": draw(NONEMPTY), "party": "participants", "seed": draw(NONEMPTY)},
        },
        "terms": {
            "compensation": {"money": fact("none"), "in_kind": fact(True)},
            "content_review": {
                "pre_approval": {
                    "claims": [
                        {"value": "all", "source": "S1", "quote": draw(TEXT)},
                        {"value": "none", "source": "S2", "quote": draw(TEXT)},
                    ]
                }
            },
            "credit": {"attribution": fact("selected")},
        },
    }
    return Program.model_validate(data)


FAST = settings(
    max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def render(fmt: str, program: Program, profile: Profile, *, details: bool) -> str:
    reporter = REPORTERS[fmt](profile, details=details)
    return reporter.render([(program, score(program, profile))])


@FAST
@given(programs(), st.booleans())
def test_terminal_output_has_no_control_character_but_newlines(
    program: Program, details: bool
) -> None:
    from testerterms import load_profile

    text = render("table", program, load_profile("articles"), details=details)
    assert not UNSAFE.search(text)
    assert not any("\ud800" <= c <= "\udfff" for c in text)


@FAST
@given(programs(), st.booleans())
def test_markdown_rows_keep_the_headers_cell_count(program: Program, details: bool) -> None:
    from testerterms import load_profile

    text = render("markdown", program, load_profile("articles"), details=details)
    assert_markdown_tables_keep_their_shape(text)
    header = next(line for line in text.splitlines() if line.startswith("| program"))
    row = next(line for line in text.splitlines() if line.startswith("| hostile"))
    assert len(markdown_cells(row)) == len(markdown_cells(header))
    assert not UNSAFE.search(text)


@FAST
@given(programs(), st.booleans())
def test_csv_parses_back_to_the_same_columns_with_no_formula_cell(
    program: Program, details: bool
) -> None:
    from testerterms import load_profile

    text = render("csv", program, load_profile("articles"), details=details)
    rows = list(csv.reader(io.StringIO(text)))
    assert len({len(row) for row in rows}) == 1
    assert len(rows) == (1 + 15 if details else 2)
    assert not any(cell.startswith(FORMULA_STARTERS) for row in rows for cell in row)


@FAST
@given(programs(), st.sampled_from(["json", "jsonl"]))
def test_json_parses_and_keeps_the_text(program: Program, fmt: str) -> None:
    from testerterms import load_profile

    text = render(fmt, program, load_profile("articles"), details=True)
    document = json.loads(text)
    entry = document["programs"][0] if fmt == "json" else document
    assert entry["name"] == as_json_reads_it(program.name)
    assert entry["organization"] == as_json_reads_it(program.organization)
    assert not UNSAFE.search(text.replace("\n", ""))


@given(TEXT, st.integers(1, 10**6), st.integers(1, 10**6), TEXT)
def test_an_error_line_is_one_line_whatever_its_path_and_message(
    path: str, line: int, col: int, message: str
) -> None:
    shown = str(Problem(path, line, col, message))
    assert "\n" not in shown and not UNSAFE.search(shown)
    assert shown.endswith(f":{line}:{col}: error: {escape.terminal(message)}")


@given(TEXT)
def test_each_escape_keeps_its_promise(text: str) -> None:
    assert not UNSAFE.search(escape.terminal(text)) and "\n" not in escape.terminal(text)
    cell = escape.markdown(text)
    assert "\n" not in cell and "<" not in cell.replace("<br>", "")
    assert markdown_cells(f"| {cell} |") == [f" {cell} "]
    value = escape.csv_cell(text)
    assert isinstance(value, str) and not value.startswith(FORMULA_STARTERS)
    written = escape.json_dumps({"t": text})
    assert json.loads(written)["t"] == as_json_reads_it(text) and not UNSAFE.search(written)
    html = escape.html(text)
    assert not any(c in html for c in "<>\"'") and not UNSAFE.search(html)
    assert escape.link_target("javascript:" + text) is None


@pytest.mark.parametrize("text", ["\x7f", "plain \x7f ascii", "\x1b[31m", "\u202e"])
def test_json_writes_control_characters_as_escapes_even_in_ascii_text(text: str) -> None:
    written = escape.json_dumps({"t": text})
    assert not UNSAFE.search(written) and json.loads(written)["t"] == text


_NEAR_UNSAFE = st.sampled_from(
    list("\x7f\x80\x9f\xa0\u061b\u061c\u200d\u200e\u200f\u2027\u2028\u202e\u202f\u2065\u2066")
    + list("\u2069\u206a\ud800\udfff\u2019\u2014\xe9")
)


@given(st.text(st.characters(codec=None) | _NEAR_UNSAFE, max_size=20))
def test_json_of_non_ascii_text_escapes_exactly_what_the_pattern_finds(text: str) -> None:
    # The bytes check that lets most non-ASCII lines skip the pattern agrees with it.
    written = escape.json_dumps({"t": "\u2019" + text})
    plain = json.dumps({"t": "\u2019" + text}, ensure_ascii=False)
    assert written == escape._JSON_UNSAFE.sub(escape._json_escape, plain)


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_json_never_holds_nan_or_infinity(number: float) -> None:
    text = escape.json_dumps({"n": escape.finite(number)})
    assert "NaN" not in text and "Infinity" not in text
    assert json.loads(text)["n"] in (None, number)
