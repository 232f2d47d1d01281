"""`testerterms ask`: a program file from answers to plain questions, piped or typed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from testerterms import load_program, score
from testerterms.advice import QUESTIONS, parse_answer
from testerterms.advice.questions import BY_TERM

from .conftest import REPO, run_cli

IDENTITY = ["Acme creative beta", "Acme", "creative partner", "Acme beta terms"]


def ask(path: Path, lines: list[str], *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "testerterms", "ask", str(path), *extra],
        input="".join(line + "\n" for line in lines),
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def answer_lines(answers: dict[str, str]) -> list[str]:
    """One line per question asked, in order; questions made moot are not asked."""
    given: dict[str, Any] = {}
    lines = []
    for question in QUESTIONS:
        if any(given.get(term) == value for term, value in question.skip_if):
            continue
        text = answers.get(question.term, "don't know")
        understood, value = parse_answer(question, text)
        assert understood, (question.term, text)
        if value is not None:
            given[question.term] = value
        lines.append(text)
    return lines


def test_all_dont_know_writes_a_valid_program_with_every_term_unknown(tmp_path: Path) -> None:
    out = tmp_path / "offer.yaml"
    lines = [*IDENTITY, "https://example.org/offer", "don't know"]
    result = ask(out, lines + ["don't know"] * len(QUESTIONS))
    assert result.returncode == 0, result.stderr
    assert run_cli("validate", str(out)).returncode == 0
    program = load_program(out)
    assert program.id == "offer" and program.kind == "creative-partner"
    assert program.sources["offer"].url == "https://example.org/offer"
    assert all(not term.known for _, term in program.terms.items())
    card = score(program, "articles")
    assert card.grade is None and card.coverage == 0
    assert "offer" in result.stdout and "E–A, not enough known" in result.stdout


def test_end_of_input_counts_as_dont_know(tmp_path: Path) -> None:
    out = tmp_path / "empty.yaml"
    result = ask(out, [])
    assert result.returncode == 0, result.stderr
    program = load_program(out)
    assert program.name == "Untitled offer"
    assert all(not term.known for _, term in program.terms.items())


def test_a_mixed_set_of_answers_scores_as_the_answers_say(tmp_path: Path) -> None:
    out = tmp_path / "acme.yaml"
    answers = {
        "compensation.money": "1",  # everyone
        "compensation.hourly_rate": "$40",
        "compensation.in_kind": "yes",
        "content_review.pre_approval": "for every output",
        "content_review.criteria_published": "no",
        "content_review.response_days": "30",
        "ownership.outputs": "the participants",
        "credit.attribution": "2",  # selected
        "credit.marketing_use": "no",  # consent and pay are then not asked
        "confidentiality.nda": "no",  # scope, end and duration are then not asked
        "confidentiality.own_experience": "yes",
        "access.credentials": "shared keys",
        "access.revocation": "for everyone at once",
        "access.notice": "no",
    }
    lines = answer_lines(answers)
    assert len(lines) == len(QUESTIONS) - 5
    result = ask(out, [*IDENTITY, "docs/acme-terms.pdf", "1", "oops, a typo", *lines])
    assert result.returncode == 0, result.stderr
    assert "not one of the answers" in result.stdout  # asked again after the typo
    assert run_cli("validate", "--strict", str(out)).returncode == 0
    program = load_program(out)
    assert program.sources["offer"].path == "docs/acme-terms.pdf"
    assert program.sources["offer"].party == "organization"
    terms = program.terms
    assert terms.compensation.money.value == "everyone"
    assert terms.compensation.hourly_rate.value == 40
    assert terms.content_review.pre_approval.value == "all"
    assert not terms.content_review.release_on_silence.known
    assert not terms.credit.marketing_consent.known and terms.credit.marketing_use.value is False
    assert terms.access.credentials.value == "shared"
    card = score(program, "articles")
    outcomes = {f.rule: f.outcome for f in card.findings}
    assert outcomes["PAY001"] == "met"
    assert outcomes["CTL001"] == "not-met"
    assert outcomes["CTL003"] == "met"
    assert outcomes["CRD001"] == "partly"
    assert outcomes["CRD002"] == "met"  # work not used in marketing
    assert outcomes["NDA001"] == "met" and outcomes["NDA002"] == "met"
    assert outcomes["SEC001"] == "not-met" and outcomes["SEC002"] == "not-met"
    assert outcomes["TRN001"] == "unknown"
    assert "acme" in result.stdout


def test_ask_refuses_an_existing_file_before_asking(tmp_path: Path) -> None:
    out = tmp_path / "taken.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    result = ask(out, [])
    assert result.returncode == 2 and "--force" in result.stderr
    assert "What is the program called?" not in result.stdout
    assert out.read_text(encoding="utf-8") == "keep me\n"


def test_every_question_allows_dont_know() -> None:
    for question in QUESTIONS:
        for text in ("0", "?", "don't know", "", "Don’t know"):
            assert parse_answer(question, text) == (True, None)


def test_answers_are_a_number_or_the_option_words() -> None:
    money = BY_TERM["compensation.money"]
    assert parse_answer(money, "4") == (True, "none")
    assert parse_answer(money, "Nobody") == (True, "none")
    assert parse_answer(money, "per-result") == (True, "per-result")
    assert parse_answer(money, "9") == (False, None)
    rate = BY_TERM["compensation.hourly_rate"]
    assert parse_answer(rate, "-5") == (False, None)
    assert parse_answer(rate, "nan") == (False, None)
    assert parse_answer(rate, "1,200") == (True, 1200.0)
