"""Hostile and mistaken input: what the loader refuses, where it says so, and what it decides."""

from __future__ import annotations

import os
import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from testerterms import LoadError, load_program, parse_program
from testerterms import _yaml as reader
from testerterms.loading import load_program_with_warnings

from .conftest import REPO

INVALID = REPO / "tests" / "invalid"
HEAD = """\
id: example
name: Example program
organization: Example Org
kind: beta
sources:
  S1: {title: The terms, party: organization, url: https://example.org/terms}
"""


def _problems(text: str | bytes) -> list[str]:
    with pytest.raises(LoadError) as caught:
        parse_program(text, "f.yaml")
    return [str(problem) for problem in caught.value.problems]


# --- refused before anything is built ----------------------------------------------------------


def test_the_alias_bomb_is_refused_at_its_first_anchor_before_any_structure_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pulled = 0
    real_parse = yaml.parse

    def counting_parse(*args: Any, **kwargs: Any) -> Iterator[Any]:
        nonlocal pulled
        for event in real_parse(*args, **kwargs):
            pulled += 1
            yield event

    monkeypatch.setattr(reader.yaml, "parse", counting_parse)
    bomb = (INVALID / "alias-bomb.yaml").read_text(encoding="utf-8")
    tracemalloc.start()
    try:
        problems = _problems(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert problems == ["f.yaml:2:4: error: anchors (&name) are not allowed: write each value out"]
    # stream start, document start, mapping start, key `a`, the anchored list: then stop.
    assert pulled <= 5
    assert peak < 1_000_000


def test_an_alias_bomb_written_with_aliases_only_is_refused_at_the_first_alias() -> None:
    bomb = "a: [" + ", ".join(["*x"] * 10_000) + "]\n"
    assert _problems(bomb) == [
        "f.yaml:1:5: error: aliases (*name) are not allowed: write the value out"
    ]


def test_a_huge_file_is_refused_from_its_size_without_being_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(4 * 1024**3)  # 4 GB, sparse: costs no disk
    tracemalloc.start()
    try:
        with pytest.raises(LoadError) as caught:
            load_program(huge)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.msg == f"the file is larger than {reader.MAX_BYTES:,} bytes"
    assert peak < 1_000_000


def test_a_file_just_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(HEAD.encode() + b"summary: " + b"x" * reader.MAX_BYTES + b"\n")
    with pytest.raises(LoadError, match="larger than 1,000,000 bytes"):
        load_program(path)


def test_text_and_bytes_over_the_size_cap_are_refused_too() -> None:
    too_long = "a: " + "x" * reader.MAX_BYTES
    assert "longer than 1,000,000 characters" in _problems(too_long)[0]
    assert "larger than 1,000,000 bytes" in _problems(too_long.encode())[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    with pytest.raises(LoadError, match="not a regular file"):
        load_program(pipe)


def test_a_folder_or_a_missing_file_is_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="is a folder"):
        load_program(tmp_path)
    with pytest.raises(LoadError, match="no such file or folder"):
        load_program(tmp_path / "missing.yaml")


def test_an_unreadable_file_is_a_load_error(tmp_path: Path) -> None:
    if sys.platform == "win32" or os.geteuid() == 0:
        pytest.skip("permissions do not stop this user")
    path = tmp_path / "locked.yaml"
    path.write_text(HEAD, encoding="utf-8")
    path.chmod(0)
    with pytest.raises(LoadError, match="cannot read the file"):
        load_program(path)


# --- text that is not what it claims -------------------------------------------------------------


def test_a_number_too_long_to_convert_is_read_as_text_not_a_crash() -> None:
    digits = "9" * 5000
    assert reader.parse(f"n: {digits}\n", "f.yaml").data["n"] == digits
    terms = f"terms:\n  compensation:\n    source: S1\n    hourly_rate: {digits}\n"
    problems = _problems(HEAD + terms)
    assert problems == ["f.yaml:10:18: error: expected a number, got a number too large to use"]


def test_a_lone_surrogate_in_text_given_by_a_caller_is_a_load_error() -> None:
    assert _problems("name: \ud800\n") == ["f.yaml:1:7: error: the text is not valid Unicode"]


def test_bytes_are_checked_as_a_file_is() -> None:
    assert _problems(b"name: caf\xe9\n") == ["f.yaml:1:10: error: the file is not UTF-8 text"]
    assert _problems(b"a: 1\x00") == [
        "f.yaml:1:1: error: the file is binary (it contains NUL bytes), not YAML text"
    ]


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    program, _ = parse_program(b"\xef\xbb\xbf" + HEAD.encode())
    assert program.id == "example"


# --- what plain YAML values mean ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("2024-11-26", "2024-11-26"),  # dates stay text
        ("2024-11-26T10:00:00Z", "2024-11-26T10:00:00Z"),
        ("yes", "yes"),  # yes/no/on/off stay text
        ("No", "No"),
        ("on", "on"),
        (".inf", ".inf"),  # infinity and NaN are text
        ("-.Inf", "-.Inf"),
        (".nan", ".nan"),
        ("0x1F", "0x1F"),  # no hexadecimal, octal or sexagesimal numbers
        ("0o17", "0o17"),
        ("1:30", "1:30"),
        ("1_000", "1_000"),
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("", None),
        ("42", 42),
        ("-7", -7),
        ("0789", 789),
        ("2.5", 2.5),
        ("1e3", 1000.0),
        ('"42"', "42"),  # quoted: always text
        ("'true'", "true"),
    ],
)
def test_plain_values_resolve_only_to_text_numbers_booleans_and_null(
    written: str, read: object
) -> None:
    value = reader.parse(f"key: {written}\n", "f.yaml").data["key"]
    assert value == read
    assert type(value) is type(read)


def test_a_year_written_as_a_number_in_the_period_is_kept_as_text() -> None:
    program, _ = parse_program(HEAD + "period: {start: 2024, end: 2024-06}\n")
    assert (program.period.start, program.period.end) == ("2024", "2024-06")


# --- located messages ---------------------------------------------------------------------------


def test_a_missing_key_points_at_the_mapping_that_lacks_it() -> None:
    text = HEAD + "terms:\n  expectations:\n    time:\n      value: {per: week}\n      source: S1\n"
    assert _problems(text) == [
        "f.yaml:10:14: error: missing required key 'hours' in terms.expectations.time.value"
    ]


def test_a_missing_top_level_key_points_at_the_top_mapping_after_leading_comments() -> None:
    text = "# comment\n# another\n" + HEAD.replace("kind: beta\n", "")
    assert _problems(text) == ["f.yaml:3:1: error: missing required key 'kind'"]


def test_a_duplicate_key_names_both_lines_and_the_rest_of_the_file_is_still_checked() -> None:
    text = HEAD + "name: Second name\norganisation: Example Org\n"
    assert _problems(text) == [
        "f.yaml:7:1: error: duplicate key 'name': it is already set on line 2",
        "f.yaml:8:1: error: unknown key 'organisation' (did you mean 'organization'?)",
    ]


def test_the_first_of_two_duplicate_keys_is_the_one_kept() -> None:
    document = reader.compose("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert document.data == {"a": 1, "b": 2}
    assert [str(p) for p in document.problems] == [
        "f.yaml:3:1: error: duplicate key 'a': it is already set on line 1"
    ]


def test_a_value_fitting_no_member_of_a_union_is_one_message() -> None:
    assert _problems(HEAD + "participants: {value: 2.5, source: S1}\n") == [
        "f.yaml:7:23: error: expected a whole number or text, got 2.5"
    ]


def test_a_misspelt_key_inside_claims_gets_a_did_you_mean() -> None:
    text = HEAD + (
        "terms:\n  credit:\n    attribution:\n      claims:\n"
        "        - {value: none, source: S1, partty: press}\n"
    )
    assert _problems(text) == ["f.yaml:11:37: error: unknown key 'partty' (did you mean 'party'?)"]


def test_an_unknown_source_gets_a_did_you_mean_when_one_is_close() -> None:
    text = HEAD.replace("  S1:", "  seed-001:") + (
        "terms:\n  credit:\n    attribution: {value: none, source: seed-01}\n"
    )
    assert _problems(text) == [
        "f.yaml:9:40: error: unknown source 'seed-01' (did you mean 'seed-001'?)"
    ]


def test_a_file_with_hundreds_of_mistakes_reports_the_first_hundred_and_counts_the_rest() -> None:
    text = HEAD + "".join(f"organisation{n}: x\n" for n in range(500))
    problems = _problems(text)
    assert len(problems) == 101
    assert problems[0] == (
        "f.yaml:7:1: error: unknown key 'organisation0' (did you mean 'organization'?)"
    )
    assert problems[99].startswith("f.yaml:106:1: error: unknown key 'organisation99'")
    assert problems[100] == (
        "f.yaml:107:1: error: 400 more errors not shown: fix the ones above first"
    )


def test_long_keys_and_values_are_shortened_in_messages() -> None:
    problems = _problems(HEAD + "x" * 5000 + ": 1\n")
    assert len(problems[0]) < 150


# --- warnings -------------------------------------------------------------------------------------


def test_a_source_never_cited_is_a_warning_not_an_error() -> None:
    text = HEAD + (
        "  S2: {title: Unused, party: press, url: https://example.org/b}\n"
        "terms:\n  credit:\n    attribution: {value: none, source: S1}\n"
    )
    _, warnings = parse_program(text, "f.yaml")
    assert [str(w) for w in warnings] == ["f.yaml:7:3: warning: source 'S2' is never cited"]


def test_a_source_named_as_a_sections_default_counts_as_cited(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(HEAD + "terms:\n  credit:\n    source: S1\n", encoding="utf-8")
    _, warnings = load_program_with_warnings(path)
    assert warnings == []
