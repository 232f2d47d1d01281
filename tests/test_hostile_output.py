"""Output a hostile file cannot forge: each fixture in tests/hostile-output/ through every
format, by a real subprocess, and the output stays well-formed (the README's "Hostile files
and environments")."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from testerterms import load_program

from .conftest import REPO, run_cli

HOSTILE = REPO / "tests" / "hostile-output"
FIXTURES = sorted(HOSTILE.glob("*.yaml"))
FORMATS = [
    ("table",),
    ("table", "--details"),
    ("markdown",),
    ("markdown", "--details"),
    ("json",),
    ("jsonl",),
    ("csv",),
    ("csv", "--details"),
]
FORMULA_STARTERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
# What may never reach a terminal raw: C0 (but the renderer's own newlines), DEL, C1, the
# bidi overrides and isolates, the line and paragraph separators.
UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)


def markdown_cells(line: str) -> list[str]:
    """The cells of a Markdown table row, reading ``\\|`` and ``\\\\`` as GitHub does."""
    cells, current, index = [], "", 0
    while index < len(line):
        char = line[index]
        if char == "\\" and index + 1 < len(line):
            current += line[index : index + 2]
            index += 2
            continue
        if char == "|":
            cells.append(current)
            current = ""
        else:
            current += char
        index += 1
    cells.append(current)
    return cells[1:-1]  # a row starts and ends with a pipe


def assert_markdown_tables_keep_their_shape(text: str) -> None:
    table: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            table.append(line)
            continue
        if table:
            widths = {len(markdown_cells(row)) for row in table}
            assert len(widths) == 1, f"rows with different cell counts: {table}"
            table = []
        assert "<" not in line or "<br>" in line.replace("&lt;", ""), line


def assert_well_formed(fmt: tuple[str, ...], text: str, fixture: Path) -> None:
    assert not UNSAFE.search(text), f"a raw control character reached the output: {text!r}"
    program = load_program(fixture)
    kind = fmt[0]
    if kind in ("table", "markdown"):
        # Each program is one row of the summary table: its id shows once in its own row.
        rows = [line for line in text.splitlines() if line.lstrip("| ").startswith(program.id)]
        assert len(rows) == 1, rows
    if kind == "markdown":
        assert_markdown_tables_keep_their_shape(text)
        assert "<script" not in text and "<img" not in text
    if kind == "json":
        document = json.loads(text)
        assert [p["name"] for p in document["programs"]] == [program.name]
        assert document["programs"][0]["organization"] == program.organization
    if kind == "jsonl":
        lines = text.splitlines()
        assert len(lines) == 1
        assert json.loads(lines[0])["name"] == program.name
    if kind == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert len({len(row) for row in rows}) == 1, "a row with a different number of columns"
        for row in rows:
            for cell in row:
                assert not cell.startswith(FORMULA_STARTERS), f"formula cell {cell!r}"
        if "--details" not in fmt:
            assert len(rows) == 2
            name = rows[1][rows[0].index("name")]
            assert name.lstrip("'") == program.name.lstrip("'") or "\\" in name


def test_every_class_of_hostile_text_has_a_fixture() -> None:
    names = {path.stem for path in FIXTURES}
    assert {"terminal-escapes", "markdown-cells", "csv-formulas"} <= names


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
@pytest.mark.parametrize("fmt", FORMATS, ids=["-".join(f) for f in FORMATS])
def test_hostile_text_cannot_break_any_format(fixture: Path, fmt: tuple[str, ...]) -> None:
    # A wide terminal: the table check reads one line per row (wrapping is tested elsewhere).
    result = run_cli("score", str(fixture), "--format", *fmt, env={"COLUMNS": "1000"})
    assert result.returncode == 0, result.stderr
    assert_well_formed(fmt, result.stdout, fixture)


def test_a_pipe_in_a_name_cannot_forge_a_grade_in_markdown() -> None:
    """The row once read as score 100.0 and grade A for a program that scored 0.0."""
    result = run_cli("score", str(HOSTILE / "markdown-cells.yaml"), "--format", "markdown")
    row = next(line for line in result.stdout.splitlines() if "markdown-cells" in line)
    cells = [cell.strip() for cell in markdown_cells(row)]
    assert len(cells) == 9
    assert cells[0] == "markdown-cells"
    assert cells[2] != "100.0" and cells[3].startswith("0.0–")
    assert cells[5].endswith(", not enough known")


def test_escape_sequences_are_shown_not_obeyed() -> None:
    result = run_cli("score", str(HOSTILE / "terminal-escapes.yaml"), "--details")
    assert "\x1b" not in result.stdout
    assert "Quiet\\x1b]0;pwned\\x07 beta" in result.stdout
    assert "\\u202eevil" in result.stdout


def test_formula_cells_are_prefixed_with_a_quote() -> None:
    result = run_cli("score", str(HOSTILE / "csv-formulas.yaml"), "--format", "csv")
    row = next(iter(csv.DictReader(io.StringIO(result.stdout))))
    assert row["name"] == '\'=HYPERLINK("https://evil.example","click")'
    assert row["organization"].startswith("'@SUM")


def test_a_hostile_profile_title_is_escaped_in_every_heading(tmp_path: Path) -> None:
    profile = tmp_path / "hostile.yaml"
    profile.write_text(
        'id: hostile\nversion: "1\\e[2J"\nextends: articles\n'
        'title: "Fair | terms\\n<b>x</b>\\e]0;pwned\\a"\n',
        encoding="utf-8",
    )
    program = HOSTILE / "csv-formulas.yaml"
    for fmt in ("table", "markdown"):
        result = run_cli("score", str(program), "--profile", str(profile), "--format", fmt)
        assert result.returncode == 0, result.stderr
        assert not UNSAFE.search(result.stdout)
        heading = result.stdout.splitlines()[0]
        assert "pwned" in heading and "\\x1b" in heading.replace("\\\\", "\\")
    markdown = run_cli("score", str(program), "--profile", str(profile), "--format", "markdown")
    assert "<b>" not in markdown.stdout and "Fair \\| terms<br>&lt;b&gt;" in markdown.stdout


# --- paths are text from a file too -------------------------------------------------------------

HOSTILE_NAMES = [
    "x.yaml:1:1: error: forged\nreal.yaml",
    "esc\x1b]0;pwned\x07\x1b[2J.yaml",
    "bidi\u202eworb.yaml",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=["newline", "escape", "bidi"])
def test_a_hostile_file_name_prints_one_line_per_error(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("id: x\nkind: beta\n", encoding="utf-8")
    for command in (["validate"], ["score"]):
        result = run_cli(*command, str(tmp_path))
        assert not UNSAFE.search(result.stderr)
        lines = result.stderr.splitlines()
        located = [line for line in lines if ": error: " in line]
        assert located, result.stderr
        assert all(line.startswith(str(tmp_path)) for line in located), located
        assert not any(line.startswith("real.yaml") for line in lines)
    github = run_cli("validate", "--format", "github", str(tmp_path))
    assert all(line.startswith("::error ") for line in github.stdout.splitlines())
    assert not UNSAFE.search(github.stdout + github.stderr)


def test_a_file_name_that_is_not_utf8_is_valid_json(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    with open(folder + b"/bad\xff.yaml", "wb") as handle:
        handle.write(b"id: x\n")
    shutil.copy(HOSTILE / "csv-formulas.yaml", tmp_path / "good.yaml")
    result = run_cli("validate", "--format", "json", str(tmp_path))
    assert result.returncode == 1
    document = json.loads(result.stdout)
    paths = [entry["path"] for entry in document["files"]]
    assert any(path.endswith("bad\\xff.yaml") for path in paths), paths
    text = run_cli("validate", str(tmp_path))
    assert "bad\\xff.yaml:" in text.stderr and "Traceback" not in text.stderr
