"""`testerterms extract`: every spotter's examples and counter-examples, through the library
and the command line; the JSON contract; drafts that validate and score for every file type."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from testerterms.cli import main
from testerterms.extract import SPOTTERS, example_agreement, read_text
from testerterms.extract._docs import render

from .conftest import REPO
from .extract_files import docx_bytes, html_page, pdf_bytes

EXAMPLES = [
    pytest.param(term, sentence, value, id=f"{term}: {sentence[:40]}")
    for term, unit in SPOTTERS.items()
    for sentence, value in unit.examples.items()
]
COUNTER_EXAMPLES = [
    pytest.param(term, sentence, id=f"{term}: {sentence[:40]}")
    for term, unit in SPOTTERS.items()
    for sentence in unit.counter_examples
]


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out, err)
    return status, out.getvalue(), err.getvalue()


def _json_value(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


# --- the catalogue -----------------------------------------------------------------------------


def test_every_spotter_has_examples_counter_examples_and_documentation() -> None:
    for term, unit in SPOTTERS.items():
        assert unit.examples, term
        assert unit.counter_examples, term
        assert "Limits:" in unit.doc, term
        assert unit.summary, term


def test_the_catalogue_covers_the_terms_the_issue_names() -> None:
    named = [
        "compensation.money",
        "content_review.pre_approval",
        "content_review.share_ban",
        "confidentiality.nda",
        "confidentiality.scope",
        "confidentiality.duration_months",
        "confidentiality.ends_at_release",
        "confidentiality.carve_outs",
        "ownership.outputs",
        "ownership.output_limits",
        "ownership.output_licence",
        "ownership.output_licence_perpetual",
        "ownership.output_licence_irrevocable",
        "ownership.output_licence_exclusive",
        "ownership.output_licence_paid",
        "ownership.feedback_licence",
        "ownership.data_use",
        "expectations.terms_changes",
        "expectations.voluntary",
        "voice.arbitration",
        "voice.class_waiver",
        "access.revocation",
        "access.notice",
    ]
    assert set(named) <= set(SPOTTERS)


def test_every_example_value_is_one_the_program_model_accepts() -> None:
    from pydantic import TypeAdapter

    from testerterms.model import Terms

    for term, unit in SPOTTERS.items():
        adapter: TypeAdapter[Any] = TypeAdapter(Terms.value_type(term))
        for value in unit.examples.values():
            adapter.validate_python(value)


@pytest.mark.parametrize(("term", "sentence", "value"), EXAMPLES)
def test_a_spotter_proposes_its_examples_value_quoting_the_sentence(
    term: str, sentence: str, value: Any
) -> None:
    found = read_text(sentence, [term])
    assert term in found.values, f"{term} found nothing in {sentence!r}"
    chosen = found.values[term]
    assert chosen.value == value
    assert sentence[chosen.start : chosen.end] == chosen.quote
    assert chosen.why


@pytest.mark.parametrize(("term", "sentence"), COUNTER_EXAMPLES)
def test_a_spotter_proposes_nothing_on_its_counter_examples(term: str, sentence: str) -> None:
    found = read_text(sentence, [term])
    assert not found.clauses, [(c.value, c.why) for c in found.clauses]


@pytest.mark.parametrize(("term", "sentence", "value"), EXAMPLES)
def test_a_sentence_reporting_what_another_party_said_proposes_nothing(
    term: str, sentence: str, value: Any
) -> None:
    reported = "According to the testers, " + sentence[0].lower() + sentence[1:]
    assert not read_text(reported, [term]).clauses


@pytest.mark.parametrize("term", list(SPOTTERS))
def test_the_command_line_proposes_each_example_and_nothing_for_counter_examples(
    term: str, tmp_path: Path
) -> None:
    unit = SPOTTERS[term]
    for index, (sentence, value) in enumerate(unit.examples.items()):
        path = tmp_path / f"example-{index}.txt"
        path.write_text(sentence, encoding="utf-8")
        status, out, err = run("extract", str(path), "--format", "json")
        assert status == 0, err
        proposed = json.loads(out)["proposed"]
        assert proposed.get(term) == _json_value(value), sentence
    for index, sentence in enumerate(unit.counter_examples):
        path = tmp_path / f"counter-{index}.txt"
        path.write_text(sentence, encoding="utf-8")
        status, out, err = run("extract", str(path), "--format", "json")
        assert status == 0, err
        assert term not in json.loads(out)["proposed"], sentence


def test_where_sentences_disagree_the_preferred_value_is_written_and_the_note_says_so() -> None:
    text = (
        "Acme will not provide any compensation for your participation.\n\n"
        "The three winning films receive a cash prize of $5,000.\n"
    )
    found = read_text(text, ["compensation.money"])
    assert [c.value for c in found.clauses] == ["none", "some"]
    assert found.values["compensation.money"].value == "some"


def test_one_quote_backs_at_most_three_terms() -> None:
    from collections import Counter

    sentence = (
        "You must keep all information about the Program confidential for two years or until "
        "the public release, except information that is publicly available."
    )
    for text in (sentence, example_agreement()):
        found = read_text(text)
        counts = Counter(" ".join(c.quote.split()) for c in found.values.values())
        assert max(counts.values()) <= 3, counts
    terms = {c.term for c in read_text(sentence).clauses}
    assert {"confidentiality.nda", "confidentiality.scope", "confidentiality.carve_outs"} <= terms


def test_every_sentence_of_a_clause_that_states_the_term_is_cited_with_its_own_quote(
    tmp_path: Path,
) -> None:
    """An arbitration section states its term in several sentences: each is a clause of its
    own (its quote the text at its offsets), and the one written is the first; a sentence that
    only names the clause, or says what follows an opt-out, is not cited."""
    sentences = [
        "All disputes between you and Acme will be resolved by binding arbitration.",
        "The arbitration will take place in Boston.",
        "If you opt out of the agreement to arbitrate, the rest of these Terms still applies.",
        "You and Acme agree that the arbitrator shall have exclusive authority to resolve any "
        "dispute relating to this Agreement.",
        "The arbitral award is final and binding on both parties.",
    ]
    text = "\n\n".join(sentences)
    path = tmp_path / "terms.txt"
    path.write_text(text, encoding="utf-8")
    status, out, _ = run("extract", str(path), "--format", "json")
    assert status == 0
    clauses = [c for c in json.loads(out)["clauses"] if c["term"] == "voice.arbitration"]
    assert [c["line"] for c in clauses] == [1, 7, 9]
    assert all(text[c["start"] : c["end"]] == c["quote"] for c in clauses)
    assert [c["quote"] for c in clauses] == [sentences[0], sentences[3], sentences[4]]
    assert read_text(text).values["voice.arbitration"].line == 1


def test_silence_stays_unknown() -> None:
    found = read_text("Welcome to the Acme beta. We hope you enjoy the new features.")
    assert found.values == {}


# --- the JSON contract -------------------------------------------------------------------------

FILLER = [
    "Welcome to the program.",
    "The beta runs on phones and laptops.",
    "See the schedule below for the dates.",
    "Thank you for helping us build a better tool.",
    "Section headings are for convenience only.",
]
KNOWN = [(term, s, v) for term, unit in SPOTTERS.items() for s, v in unit.examples.items()]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(FILLER).map(lambda s: ("filler", s, None)),
            st.sampled_from(KNOWN),
        ),
        min_size=1,
        max_size=12,
    ),
    st.lists(st.sampled_from(["\n\n", "\r\n\r\n", "\n \n"]), min_size=12, max_size=12),
)
def test_json_clauses_quote_the_text_at_their_offsets_and_find_embedded_clauses(
    parts: list[tuple[str, str, Any]], separators: list[str]
) -> None:
    text = ""
    spans = []
    for (term, sentence, value), separator in zip(parts, separators, strict=False):
        start = len(text)
        text += sentence
        spans.append((term, value, start, len(text)))
        text += separator
    found = read_text(text)
    data = [c.as_json() for c in found.clauses]
    for clause in data:
        assert text[clause["start"] : clause["end"]] == clause["quote"]
        assert clause["line"] == text.count("\n", 0, clause["start"]) + 1
    for term, value, start, end in spans:
        if term == "filler":
            continue
        inside = [c for c in data if c["term"] == term and start <= c["start"] < end]
        assert _json_value(value) in [c["value"] for c in inside], (term, text[start:end])


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_text_gives_clauses_whose_quotes_are_the_text_at_their_offsets(text: str) -> None:
    for clause in read_text(text).clauses:
        assert text[clause.start : clause.end] == clause.quote


def test_json_offsets_are_into_a_text_files_own_text(tmp_path: Path) -> None:
    path = tmp_path / "terms.txt"
    path.write_text(example_agreement(), encoding="utf-8")
    status, out, _ = run("extract", str(path), "--format", "json")
    assert status == 0
    data = json.loads(out)
    text = path.read_text(encoding="utf-8")
    assert data["source"] == str(path)
    assert data["clauses"]
    for clause in data["clauses"]:
        assert set(clause) == {"term", "value", "quote", "start", "end", "line", "why"}
        assert text[clause["start"] : clause["end"]] == clause["quote"]


def test_terms_lists_what_extract_can_propose() -> None:
    status, out, _ = run("extract", "--terms", "--format", "json")
    assert status == 0
    assert json.loads(out) == {"terms": list(SPOTTERS)}
    status, out, _ = run("extract", "--terms")
    assert "voice.arbitration" in out


def test_details_show_each_sentence_the_term_the_value_and_why(tmp_path: Path) -> None:
    path = tmp_path / "terms.md"
    path.write_text(example_agreement(), encoding="utf-8")
    status, out, _ = run("extract", str(path), "--details")
    assert status == 0
    assert "voice.arbitration: true" in out
    assert (
        '"Any dispute arising from this Agreement will be resolved by binding arbitration."' in out
    )
    assert "why: " in out
    assert "not found (stay unknown):" in out


# --- drafts that validate and score, for every file type ---------------------------------------

AGREEMENT = [
    "Acme Beta Tester Agreement",
    "Acme will not provide any compensation for your participation in the Program.",
    "Every output needs to be approved by the Acme team before sharing.",
    "You agree to a non-disclosure agreement before every test session.",
    "Acme may suspend or terminate your participation at any time, for any reason.",
    "All disputes between you and Acme will be resolved by binding arbitration.",
]
EXPECTED = {
    "compensation.money": "none",
    "content_review.pre_approval": "all",
    "confidentiality.nda": True,
    "access.revocation": "at-will",
    "voice.arbitration": True,
}


def _agreement_file(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"agreement.{kind}"
    if kind == "txt":
        path.write_text("\n\n".join(AGREEMENT), encoding="utf-8")
    elif kind == "md":
        path.write_text(
            "# " + AGREEMENT[0] + "\n\n" + "\n\n".join(f"**{p}**" for p in AGREEMENT[1:]),
            encoding="utf-8",
        )
    elif kind == "html":
        path.write_text(html_page(AGREEMENT[1:], title=AGREEMENT[0]), encoding="utf-8")
    elif kind == "pdf":
        path.write_bytes(pdf_bytes(AGREEMENT))
    else:
        path.write_bytes(docx_bytes(AGREEMENT))
    return path


@pytest.mark.parametrize("kind", ["txt", "md", "html", "pdf", "docx"])
def test_the_draft_of_every_file_type_validates_strictly_and_scores(
    kind: str, tmp_path: Path
) -> None:
    source = _agreement_file(tmp_path, kind)
    target = tmp_path / "acme.yaml"
    status, _, err = run(
        "extract", str(source), "-o", str(target), "--organization", "Acme", "--kind", "beta"
    )
    assert status == 0, err
    assert run("validate", "--strict", str(target))[0] == 0
    status, _out, _ = run("score", str(target), "--format", "json")
    assert status == 0
    from testerterms import load_program

    program = load_program(target)
    for key, value in EXPECTED.items():
        assert program.terms.term(key).value == value, (kind, key)
    facts = [fact for _, term in program.terms.items() for fact in term.claims]
    assert facts and all(f.quote and "testerterms extract" in (f.note or "") for f in facts)


def test_standard_input_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    class Stdin:
        buffer = io.BytesIO("\n\n".join(AGREEMENT).encode())

    monkeypatch.setattr(sys, "stdin", Stdin())
    status, out, err = run("extract", "-", "--format", "json")
    assert status == 0, err
    assert json.loads(out)["proposed"]["voice.arbitration"] is True


def test_the_shipped_example_validates_strictly_and_scores(tmp_path: Path) -> None:
    status, text, _ = run("extract", "--example")
    assert status == 0
    agreement = tmp_path / "tester-agreement.md"
    agreement.write_text(text, encoding="utf-8")
    target = tmp_path / "northwind.yaml"
    status, _, err = run("extract", str(agreement), "-o", str(target))
    assert status == 0, err
    assert run("validate", "--strict", str(target))[0] == 0
    assert run("score", str(target))[0] == 0
    found = read_text(text).values
    assert len(found) >= 18  # the example states most covered terms


def test_a_program_is_never_overwritten_without_force(tmp_path: Path) -> None:
    source = _agreement_file(tmp_path, "txt")
    target = tmp_path / "acme.yaml"
    target.write_text("keep me", encoding="utf-8")
    status, _, err = run("extract", str(source), "-o", str(target))
    assert status == 2
    assert "already exists" in err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert run("extract", str(source), "-o", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("# Proposed by `testerterms extract`")


def test_the_agreement_read_is_never_written_over(tmp_path: Path) -> None:
    source = _agreement_file(tmp_path, "txt")
    before = source.read_bytes()
    status, _, _err = run("extract", str(source), "-o", str(source), "--force")
    assert status == 2
    assert source.read_bytes() == before


def test_several_sources_write_one_program_each_into_a_folder(tmp_path: Path) -> None:
    first = _agreement_file(tmp_path, "txt")
    second = _agreement_file(tmp_path, "md")
    second = second.rename(tmp_path / "other.md")
    status, _, err = run("extract", str(first), str(second), "-o", str(tmp_path / "drafts"))
    assert status == 0, err
    written = sorted(p.name for p in (tmp_path / "drafts").iterdir())
    assert written == ["agreement.yaml", "other.yaml"]
    assert run("validate", "--strict", str(tmp_path / "drafts"))[0] == 0
    status, _, err = run("extract", str(first), str(second))
    assert status == 2 and "-o DIR" in err


def test_one_unreadable_source_does_not_stop_the_others(tmp_path: Path) -> None:
    good = _agreement_file(tmp_path, "txt")
    status, _, err = run(
        "extract", str(tmp_path / "missing.txt"), str(good), "-o", str(tmp_path / "out")
    )
    assert status == 2
    assert "missing.txt: no such file" in err
    assert (tmp_path / "out" / "agreement.yaml").exists()


def test_the_head_options_fill_the_program(tmp_path: Path) -> None:
    source = _agreement_file(tmp_path, "txt")
    status, out, _ = run(
        "extract", str(source), "--id", "acme-beta", "--name", "Acme Beta",
        "--organization", "Acme", "--kind", "red-team", "--url", "https://acme.example/terms",
    )  # fmt: skip
    assert status == 0
    assert "id: acme-beta\nname: Acme Beta\norganization: Acme\nkind: red-team\n" in out
    assert "url: https://acme.example/terms" in out
    assert run("extract", str(source), "--kind", "spaceship")[0] == 2
    assert run("extract", str(source), "--id", "Not An Id")[0] == 2


# --- docs --------------------------------------------------------------------------------------


def test_docs_extract_coverage_table_is_current() -> None:
    document = (REPO / "docs" / "extract.md").read_text(encoding="utf-8")
    assert render(document) == document, "run python scripts/update_extract_docs.py"


def test_readme_reading_an_agreement_runs_from_an_empty_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README section's commands, run in order in an empty folder."""
    import shlex

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Reading an agreement", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block is not None
    monkeypatch.chdir(tmp_path)
    for line in block.group(1).splitlines():
        command = line.split("  #")[0].strip()
        if not command:
            continue
        words = shlex.split(command)
        assert words[0] == "testerterms"
        redirect = None
        if ">" in words:
            redirect = words[words.index(">") + 1]
            words = words[: words.index(">")]
        status, out, err = run(*words[1:])
        assert status == 0, (command, err)
        if redirect:
            Path(redirect).write_text(out, encoding="utf-8")
