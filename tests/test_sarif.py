"""`score --format sarif`: SARIF 2.1.0 for code-scanning views, each result at its term."""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jsonschema
import pytest

from testerterms import Profile, Program, Scorecard, load_profile, score
from testerterms._escape import json_dumps, sarif_message
from testerterms.cli import main
from testerterms.loading import ProgramFile, load_located
from testerterms.render.sarif import BUNDLED_BASE, SarifReporter
from testerterms.rules import CATALOGUE

from .conftest import PROGRAMS, REFERENCE, REPO, SORA, run_cli

# The articles profile (the default) weighs the seed rules, not the standards' rules.
ARTICLES = [code for code in CATALOGUE if code in load_profile("articles").rules]
ARTICLE_CATEGORIES = {CATALOGUE[code].category for code in ARTICLES}

SCHEMA = json.loads((REPO / "tests" / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
HOSTILE = REPO / "tests" / "report" / "hostile.yaml"


def _sarif(*args: str) -> dict[str, Any]:
    result = run_cli("score", "--format", "sarif", *args)
    assert result.returncode == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@pytest.fixture(scope="module")
def bundled() -> dict[str, Any]:
    return _sarif()


def test_the_output_is_valid_sarif_2_1_0(bundled: dict[str, Any]) -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(bundled)
    assert bundled["version"] == "2.1.0"


def test_a_hostile_program_still_gives_valid_sarif() -> None:
    document = _sarif(str(HOSTILE))
    jsonschema.Draft4Validator(SCHEMA).validate(document)
    messages = [r["message"]["text"] for r in document["runs"][0]["results"]]
    assert messages and all("<script>alert(1)</script>" in m for m in messages)


def test_one_result_per_finding_not_met_or_partly_met(bundled: dict[str, Any]) -> None:
    scores = json.loads(run_cli("score", "--format", "json").stdout)
    expected = sorted(
        (p["id"], f["rule"], f["outcome"])
        for p in scores["programs"]
        for f in p["findings"]
        if f["outcome"] in ("not-met", "partly")
    )
    results = bundled["runs"][0]["results"]
    got = sorted(
        (r["properties"]["program"], r["ruleId"], r["properties"]["outcome"]) for r in results
    )
    assert got == expected
    assert {r["level"] for r in results if r["properties"]["outcome"] == "partly"} == {"warning"}
    assert {r["level"] for r in results if r["properties"]["outcome"] == "not-met"} == {"error"}


def test_rules_carry_their_title_and_help_text(bundled: dict[str, Any]) -> None:
    driver = bundled["runs"][0]["tool"]["driver"]
    assert driver["name"] == "testerterms"
    rules = {r["id"]: r for r in driver["rules"]}
    assert list(rules) == ARTICLES
    for code in ARTICLES:
        rule = CATALOGUE[code]
        assert rules[code]["shortDescription"]["text"] == rule.title
        assert "What to ask for: " in rules[code]["help"]["text"]
    for result in bundled["runs"][0]["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert bundled["runs"][0]["properties"]["profile"] == {"id": "articles", "version": "1.0.0"}


def _located(result: dict[str, Any]) -> tuple[Path, int, int, str]:
    location = result["locations"][0]
    physical = location["physicalLocation"]
    path = REPO / physical["artifactLocation"]["uri"]
    region = physical["region"]
    return path, region["startLine"], region["startColumn"], location["message"]["text"]


def test_each_result_points_at_its_term_in_the_program_file(bundled: dict[str, Any]) -> None:
    results = bundled["runs"][0]["results"]
    assert results
    for result in results:
        path, line, column, term = _located(result)
        assert path.parent == PROGRAMS
        text = path.read_text(encoding="utf-8").splitlines()[line - 1]
        name = term.split(".")[-1]
        assert text[column - 1 :].startswith(f"{name}:"), (result["ruleId"], path.name, text)


def test_sora_pay001_is_located_at_compensation_money() -> None:
    document = _sarif(str(SORA))
    pay = next(r for r in document["runs"][0]["results"] if r["ruleId"] == "PAY001")
    path, line, column, term = _located(pay)
    assert path == SORA and term == "compensation.money"
    lines = SORA.read_text(encoding="utf-8").splitlines()
    assert lines[line - 1].strip() == "money:" and lines[line - 2].strip() == "compensation:"
    assert column == lines[line - 1].index("money") + 1


def test_a_file_outside_the_working_folder_gets_a_file_uri(tmp_path: Path) -> None:
    program = tmp_path / "sora copy.yaml"
    program.write_bytes(SORA.read_bytes())
    document = _sarif(str(program))
    uri = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert uri["artifactLocation"]["uri"] == "file://" + quote(os.path.abspath(program))
    assert "%20" in uri["artifactLocation"]["uri"]
    jsonschema.Draft4Validator(SCHEMA).validate(document)


# --- hostile text, hostile names (issue 21 part 4) -------------------------------------------

LINKS = REPO / "tests" / "sarif" / "links-and-bidi.yaml"
UNESCAPED_BRACKET = re.compile(r"(?<!\\)[\[\]]")
RAW_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _messages(document: dict[str, Any]) -> list[str]:
    """Every message text of the document: results, their locations, and the rules'."""
    run = document["runs"][0]
    texts = []
    for result in run["results"]:
        texts.append(result["message"]["text"])
        for location in [*result["locations"], *result.get("relatedLocations", [])]:
            texts.append(location["message"]["text"])
    for rule in run["tool"]["driver"]["rules"]:
        texts += [rule[key]["text"] for key in ("shortDescription", "fullDescription", "help")]
    return texts


def _sarif_here(*args: str) -> dict[str, Any]:
    """``score --format sarif`` run in this process (in the current working folder)."""
    out, err = io.StringIO(), io.StringIO()
    assert main(["score", "--format", "sarif", *args], out=out, err=err) == 0, err.getvalue()
    document: dict[str, Any] = json.loads(out.getvalue())
    return document


def test_message_text_makes_no_link_no_placeholder_and_no_control_character() -> None:
    document = _sarif_here(str(LINKS))
    jsonschema.Draft4Validator(SCHEMA).validate(document)
    texts = _messages(document)
    for text in texts:
        assert not UNESCAPED_BRACKET.search(text), text  # section 3.11.6: no embedded link
        assert not RAW_CONTROL.search(text.replace("\n", "")), text
        assert not re.search(r"(?<!\{)\{(?!\{)", text), text  # section 3.11.5: braces doubled
    results = [r["message"]["text"] for r in document["runs"][0]["results"]]
    assert all("\n" not in text for text in results)  # one result, one line
    # Still readable: the words are there, the link only escaped.
    assert any(r"\[Claim your reward\](https://evil.example/login)" in text for text in results)
    assert any("\\u202eevil" in text and "{{0}}" in text for text in results)


def test_message_text_escapes_only_what_a_viewer_would_read_as_markup() -> None:
    assert sarif_message("plain text: a, b (c)") == "plain text: a, b (c)"
    assert sarif_message("[x](1) {0}") == r"\[x\](1) {{0}}"
    assert sarif_message("a\u202eb\x1b[2J\nc") == r"a\u202eb\x1b\[2J\nc"
    assert sarif_message("one\n\ntwo", keep_newlines=True) == "one\n\ntwo"


def test_messages_start_with_what_was_found_not_with_the_program(bundled: dict[str, Any]) -> None:
    """A viewer groups results by rule under its title: each message must read on its own."""
    names = {p.stem for p in PROGRAMS.glob("*.yaml")}
    for result in bundled["runs"][0]["results"]:
        text = result["message"]["text"]
        assert text.startswith(("Not met in ", "Partly met in ")), text
        assert not any(text.startswith(name) for name in names)


def test_a_file_name_that_is_not_utf8_gets_a_percent_encoded_uri(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = b"caf\xe9 #1%.yaml"  # Latin-1, not UTF-8; a fragment mark and a percent sign
    (tmp_path / os.fsdecode(name)).write_bytes(SORA.read_bytes())
    monkeypatch.chdir(tmp_path)
    document = _sarif_here(os.fsdecode(name))
    jsonschema.Draft4Validator(SCHEMA).validate(document)
    uris = {_location(r)["artifactLocation"]["uri"] for r in document["runs"][0]["results"]}
    assert uris == {"caf%E9%20%231%25.yaml"}


def test_a_utf8_name_under_an_ascii_locale_gets_a_percent_encoded_uri(tmp_path: Path) -> None:
    (tmp_path / "café.yaml").write_bytes(SORA.read_bytes())
    env = {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}
    result = run_cli("score", "--format", "sarif", "café.yaml", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    document = json.loads(result.stdout)
    uris = {_location(r)["artifactLocation"]["uri"] for r in document["runs"][0]["results"]}
    assert uris == {"caf%C3%A9.yaml"}


def _location(result: dict[str, Any]) -> dict[str, Any]:
    physical: dict[str, Any] = result["locations"][0]["physicalLocation"]
    return physical


def test_a_symlink_is_named_as_given_never_by_its_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "elsewhere" / "secret-target.yaml"
    target.parent.mkdir()
    target.write_bytes(SORA.read_bytes())
    work = tmp_path / "work"
    work.mkdir()
    (work / "offer.yaml").symlink_to(target)
    monkeypatch.chdir(work)
    document = _sarif_here("offer.yaml")
    text = json.dumps(document)
    assert "secret-target" not in text and "elsewhere" not in text
    uris = {_location(r)["artifactLocation"]["uri"] for r in document["runs"][0]["results"]}
    assert uris == {"offer.yaml"}


def test_bundled_programs_get_a_stable_uri_wherever_the_package_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    document = _sarif_here()
    text = json.dumps(document)
    assert "file:" not in text and str(PROGRAMS) not in text
    jsonschema.Draft4Validator(SCHEMA).validate(document)
    run = document["runs"][0]
    assert BUNDLED_BASE in run["originalUriBaseIds"]
    locations = [_location(r)["artifactLocation"] for r in run["results"]]
    assert {loc["uriBaseId"] for loc in locations} == {BUNDLED_BASE}
    assert {"sora-alpha-artists.yaml"} <= {loc["uri"] for loc in locations}


def test_results_are_written_as_each_program_is_scored(articles: Profile) -> None:
    """Head, each program's results as it arrives, tail: the reporter keeps no program and
    takes each program's file off the caller's list as it writes it."""
    pulled = []
    files: list[ProgramFile] = []

    def scored() -> Iterator[tuple[Program, Scorecard]]:
        for path in (SORA, PROGRAMS / "openai-bug-bounty.yaml", PROGRAMS / "reference.yaml"):
            where, program = load_located(path)
            files.append(where)
            pulled.append(path.name)
            yield program, score(program, articles)

    pieces = SarifReporter(articles, files=files).stream(scored())
    head = next(pieces)
    assert head.rstrip().endswith('"results": [') and pulled == []
    first = next(pieces)
    assert pulled == ["sora-alpha-artists.yaml"] and files == []
    assert '"PAY001"' in first and "openai-bug-bounty" not in first
    text = head + first + "".join(pieces)
    assert pulled == ["sora-alpha-artists.yaml", "openai-bug-bounty.yaml", "reference.yaml"]
    assert text == json_dumps(json.loads(text), indent=2) + "\n"  # the whole document's text
    jsonschema.Draft4Validator(SCHEMA).validate(json.loads(text))


def test_a_document_with_no_result_is_still_complete(articles: Profile) -> None:
    where, program = load_located(REFERENCE)
    text = SarifReporter(articles, files=[where]).render([(program, score(program, articles))])
    document = json.loads(text)
    assert document["runs"][0]["results"] == []
    assert text == json_dumps(document, indent=2) + "\n"
