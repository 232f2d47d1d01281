"""The short ways of loading and scoring many files give exactly what the plain ways give.

Bulk scoring reads a file without noting where each value stands (and again, with positions,
only to report a mistake), locates only the errors it shows, works out what a profile needs
of the catalogue once, and shares a finding that rests on no fact between programs. Each of
these is checked here against the plain way it stands in for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from testerterms import CATALOGUE, LoadError, Problem, evaluate, load_profile, load_program
from testerterms import _yaml as reader
from testerterms.loading import (
    MAX_PROBLEMS,
    _capped,
    load_found,
    locate_errors,
    parse_program,
    shown_errors,
)
from testerterms.model import Program
from testerterms.scoring import score

from .conftest import PROGRAMS, REPO
from .test_loading_errors import HEAD

YAML_FILES = sorted(
    path
    for folder in (REPO / "tests", PROGRAMS)
    for path in folder.rglob("*")
    if path.suffix in (".yaml", ".yml") and path.is_file()
)


def _composed(text: str, *, positions: bool) -> Any:
    try:
        return reader.compose(text, "f.yaml", positions=positions).data
    except LoadError as exc:
        return [str(problem) for problem in exc.problems]


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_a_file_read_without_positions_gives_the_same_data_or_the_same_errors(path: Path) -> None:
    try:
        text = reader.read_text(path)
    except LoadError:
        return  # refused before it is composed (binary, UTF-16, too large)
    assert _composed(text, positions=False) == _composed(text, positions=True)


@pytest.mark.parametrize(
    "text",
    [
        HEAD + "name: Again\n",  # a duplicate key: its message names the first key's line
        HEAD + "name: Again\nsummary: [1, 2\n",  # a duplicate, then a syntax error
        "- a list\n- at the top\n",
        "just text\n",
        HEAD + "summary: &anchor text\n",
        HEAD + "summary: !!str text\n",
    ],
)
def test_mistakes_found_while_composing_read_the_same_with_or_without_positions(text: str) -> None:
    assert _composed(text, positions=False) == _composed(text, positions=True)


def test_a_duplicate_key_is_reported_with_the_line_of_the_first_when_loaded_in_bulk(
    tmp_path: Path,
) -> None:
    path = tmp_path / "twice.yaml"
    path.write_text(HEAD + "name: Again\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_found(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:7:1: error: duplicate key 'name': it is already set on line 2"
    ]


def test_a_section_source_no_term_takes_up_is_still_checked_when_loaded_in_bulk(
    tmp_path: Path,
) -> None:
    path = tmp_path / "section.yaml"
    path.write_text(HEAD + "terms:\n  credit:\n    source: S9\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_found(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:9:13: error: unknown source 'S9' (the sources are: 'S1')"
    ]


def test_load_found_reads_the_path_it_is_given_not_a_bundled_program_of_that_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_program("sora-alpha-artists").id == "sora-alpha-artists"
    with pytest.raises(LoadError, match="no such file"):
        load_found("sora-alpha-artists")


# --- a file with more mistakes than are shown ---------------------------------------------------


def _errors(text: str) -> tuple[reader.Document, list[Any]]:
    document = reader.compose(text, "f.yaml")
    with pytest.raises(ValidationError) as caught:
        Program.model_validate(document.data)
    return document, caught.value.errors(include_url=False)


MANY_MISTAKES = {
    "unknown keys": HEAD + "".join(f"organisation{n}: x\n" for n in range(500)),
    "unknown keys, each a union that fails twice": (
        "".join(f"extra{n}: 1\n" for n in range(150))
        + HEAD.replace("kind: beta", "kind: betta")
        + "participants: {value: [1], source: S1}\n"
    ),
    "wrong values at the same place as unknown keys": HEAD
    + "terms:\n  credit:\n"
    + "".join(f"    attribution{n}: {{value: x, source: S1}}\n" for n in range(120))
    + "    opt_out: {value: maybe, source: S1}\n",
    "exactly one more than is shown": HEAD + "".join(f"k{n}: 1\n" for n in range(101)),
    "a few more than are shown, after located problems": HEAD
    + "".join(f"k{n}: 1\n" for n in range(103)),
    "unknown keys in every section": HEAD
    + "terms:\n"
    + "".join(
        f"  {section}:\n" + "".join(f"    x{n}: 1\n" for n in range(30))
        for section in ("compensation", "credit", "voice", "access", "reports", "safety")
    ),
}


@pytest.mark.parametrize("case", MANY_MISTAKES, ids=list(MANY_MISTAKES))
def test_only_the_shown_errors_are_located_and_the_report_is_the_same(case: str) -> None:
    document, errors = _errors(MANY_MISTAKES[case])
    before = [Problem("f.yaml", 3, 1, "a problem found before validating")]
    every = _capped(before + locate_errors(document, errors, Program, limit=MAX_PROBLEMS), "f.yaml")
    assert shown_errors(document, errors, Program, before) == every
    assert shown_errors(document, errors, Program) == _capped(
        locate_errors(document, errors, Program, limit=MAX_PROBLEMS), "f.yaml"
    )


def test_a_file_with_thousands_of_mistakes_shows_the_first_hundred_and_counts_the_rest() -> None:
    text = HEAD + "".join(f"key{n:05}: {n}\n" for n in range(5000))
    with pytest.raises(LoadError) as caught:
        parse_program(text, "f.yaml")
    shown = [str(problem) for problem in caught.value.problems]
    assert len(shown) == MAX_PROBLEMS + 1
    assert shown[0] == "f.yaml:7:1: error: unknown key 'key00000'"
    assert shown[99] == "f.yaml:106:1: error: unknown key 'key00099'"
    assert shown[100] == (
        "f.yaml:107:1: error: 4,900 more errors not shown: fix the ones above first"
    )


# --- scoring ------------------------------------------------------------------------------------


PROFILES = ["articles", "testers-letter", "industry-practice", "fairwork", "vdp-norms"]


@pytest.mark.parametrize("profile_id", PROFILES)
def test_score_gives_the_finding_evaluate_gives_for_each_rule(profile_id: str) -> None:
    profile = load_profile(profile_id)
    for path in sorted(PROGRAMS.glob("*.yaml")):
        program = load_program(path)
        card = score(program, profile)
        score(program, profile)  # a second time: from what the first one kept
        again = score(program, profile)
        assert again == card
        folded = {CATALOGUE[code].folds_into for code in profile.rules} | set(profile.rules)
        for finding in card.findings:
            plain = evaluate(CATALOGUE[finding.rule], program, profile)
            if finding.rule in folded and finding.weight != plain.weight:
                continue  # its weight moved to, or came from, the rule it folds into
            assert finding == plain, finding.rule


def test_a_profile_whose_weights_change_in_place_is_scored_with_the_new_weights() -> None:
    profile = load_profile("articles")
    program = load_program(PROGRAMS / "sora-alpha-artists.yaml")
    before = score(program, profile)
    code = next(iter(profile.rules))
    profile.rules[code] = profile.rules[code] * 3
    try:
        after = score(program, profile)
        rebuilt = score(program, profile.model_copy())
    finally:
        profile.rules[code] = profile.rules[code] / 3
    assert after.finding(code).weight == before.finding(code).weight * 3
    assert after == rebuilt
    assert score(program, profile) == before


def test_a_weight_made_invalid_in_place_is_refused_even_after_scoring() -> None:
    profile = load_profile("articles")
    program = load_program(PROGRAMS / "sora-alpha-artists.yaml")
    score(program, profile)
    code = next(iter(profile.rules))
    weight = profile.rules[code]
    profile.rules[code] = float("nan")
    try:
        with pytest.raises(ValueError, match="weight of"):
            score(program, profile)
    finally:
        profile.rules[code] = weight
