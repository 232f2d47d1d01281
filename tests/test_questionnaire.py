"""`testerterms ask`: a program file from answers to plain questions, piped or typed."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from testerterms import load_program, score
from testerterms.advice import QUESTIONS, parse_answer
from testerterms.advice.questionnaire import MAX_TEXT
from testerterms.advice.questions import BY_TERM

from .conftest import REPO, SORA, run_cli

SORA_BYTES = SORA.read_bytes()

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


# --- hostile answers (issue 21 part 6) ---------------------------------------------------------
# tests/ask/invalid-utf8.txt: line 8 holds the bytes 0xff 0xfe, which are not UTF-8.
# tests/ask/escapes-in-name.txt: a program name with a window-title, a screen-clear and a hide
# sequence and a bidi override, which the next question echoes as its default.

ASK = REPO / "tests" / "ask"
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def ask_bytes(
    path: Path, answers: bytes, *extra: str, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "testerterms", "ask", str(path), *extra],
        input=answers,
        capture_output=True,
        cwd=cwd or REPO,
        timeout=120,
    )


def test_an_echoed_answer_reaches_the_terminal_escaped(tmp_path: Path) -> None:
    result = ask_bytes(tmp_path / "offer.yaml", (ASK / "escapes-in-name.txt").read_bytes())
    assert result.returncode == 0, result.stderr
    shown = result.stdout.decode("utf-8")
    assert not UNSAFE.search(shown), shown
    unwrapped = " ".join(shown.split())  # the question may wrap to fit the terminal
    assert r"[Terms of Quiet\x1b]0;pwned\x07 beta\x1b[2J\x1b[8m hidden \u202eevil]" in unwrapped


def test_piped_answers_that_are_not_utf8_stop_at_their_line_and_are_kept(tmp_path: Path) -> None:
    out = tmp_path / "offer.yaml"
    result = ask_bytes(out, (ASK / "invalid-utf8.txt").read_bytes())
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2
    assert "<stdin>:8:1: error: this answer is not UTF-8 text (the byte 0xff)" in stderr
    assert "Traceback" not in stderr
    assert not out.exists()
    # The first question after the bad line was never asked: it stopped at the answer.
    assert "Do participants get free access" not in result.stdout.decode("utf-8")  # next one
    kept = tmp_path / "offer.answers.txt"
    assert kept.read_text(encoding="utf-8").splitlines() == [
        "Acme beta",
        "Acme",
        "creative partner",
        "Acme terms",
        "https://example.org/terms",
        "1",
        "1",
    ]
    assert f"--answers {kept}" in stderr
    # Going on from the kept answers gives the program a whole run gives.
    rest = "".join(line + "\n" for line in ["40", "yes", *["0"] * len(QUESTIONS)])
    again = ask_bytes(out, rest.encode(), "--answers", str(kept))
    assert again.returncode == 0, again.stderr
    program = load_program(out)
    assert program.name == "Acme beta" and program.kind == "creative-partner"
    assert program.terms.compensation.money.value == "everyone"
    assert program.terms.compensation.hourly_rate.value == 40
    assert program.terms.compensation.in_kind.value is True


def test_an_answer_longer_than_its_question_allows_is_refused_at_that_question(
    tmp_path: Path,
) -> None:
    out = tmp_path / "offer.yaml"
    long_name = b"A" * 5_000_000 + b"\n"
    result = ask_bytes(out, long_name + b"Acme\n")
    assert result.returncode == 2
    stderr = result.stderr.decode("utf-8")
    assert f"<stdin>:1:{MAX_TEXT + 1}: error: this answer is too long" in stderr
    assert "Who runs it?" not in result.stdout.decode("utf-8")  # refused at the first question
    assert not out.exists()


def test_ask_never_replaces_a_program_with_one_the_answers_left_out(tmp_path: Path) -> None:
    existing = tmp_path / "existing.yaml"
    existing.write_bytes(SORA_BYTES)
    result = ask_bytes(existing, b"", "--force")
    assert result.returncode == 2
    assert b"is not replaced" in result.stderr
    assert existing.read_bytes() == SORA_BYTES
    half = "".join(line + "\n" for line in [*IDENTITY, "https://example.org", "1", "1"])
    result = ask_bytes(existing, half.encode(), "--force")
    assert result.returncode == 2 and existing.read_bytes() == SORA_BYTES
    assert (tmp_path / "existing.answers.txt").read_text(encoding="utf-8") == half
    # Answers for every question may replace it: that is what --force asks for.
    whole = [*IDENTITY, "https://example.org", "1", *["0"] * len(QUESTIONS)]
    result = ask_bytes(existing, "".join(x + "\n" for x in whole).encode(), "--force")
    assert result.returncode == 0, result.stderr
    assert load_program(existing).name == IDENTITY[0]


def _at_a_terminal(path: Path) -> tuple[subprocess.Popen[bytes], int, Path]:
    """``ask`` with a pseudo-terminal as its standard input (so it is interactive)."""
    controller, terminal = os.openpty()
    transcript = path.with_suffix(".out")
    process = subprocess.Popen(
        [sys.executable, "-m", "testerterms", "ask", str(path)],
        stdin=terminal,
        stdout=transcript.open("wb"),
        stderr=subprocess.PIPE,
        cwd=REPO,
    )
    os.close(terminal)
    return process, controller, transcript


def _wait_for(transcript: Path, text: str, process: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        if text in transcript.read_text(encoding="utf-8", errors="replace"):
            return
        assert process.poll() is None, transcript.read_text(encoding="utf-8", errors="replace")
        time.sleep(0.05)
    raise AssertionError(f"never asked: {text}")


def test_at_a_terminal_an_answer_that_is_not_utf8_is_asked_again(tmp_path: Path) -> None:
    out = tmp_path / "offer.yaml"
    process, controller, transcript = _at_a_terminal(out)
    try:
        os.write(controller, b"Caf\xe9 beta\n")
        _wait_for(transcript, "answer again", process)
        os.write(controller, "Café beta\n".encode())
        _wait_for(transcript, "Who runs it?", process)
        os.write(controller, b"\x04")  # Ctrl-D: the end of the input, don't know for the rest
        _, stderr = process.communicate(timeout=60)
    finally:
        os.close(controller)
        process.kill()
    assert process.returncode == 0, stderr
    shown = transcript.read_text(encoding="utf-8")
    assert "Sorry, this answer is not UTF-8 text (the byte 0xe9); answer again." in shown
    assert load_program(out).name == "Café beta"


def test_ctrl_c_keeps_the_answers_given_so_far(tmp_path: Path) -> None:
    out = tmp_path / "offer.yaml"
    process, controller, transcript = _at_a_terminal(out)
    try:
        for answer in IDENTITY[:2]:
            os.write(controller, answer.encode() + b"\n")
        _wait_for(transcript, "What kind of program is it?", process)
        os.write(controller, b"4\n")
        _wait_for(transcript, "What is the title of the offer document?", process)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        os.close(controller)
        process.kill()
    assert process.returncode == 130
    assert not out.exists()
    kept = tmp_path / "offer.answers.txt"
    assert kept.read_text(encoding="utf-8").splitlines() == [*IDENTITY[:2], "4"]
    assert b"3 answers given so far are kept" in stderr
