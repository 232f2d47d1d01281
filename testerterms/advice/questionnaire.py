"""A guided questionnaire for people who do not write YAML.

It asks who runs the program and where the offer document is (the document becomes the
source of every answer), then the questions of :mod:`.questions` one at a time. Every
question accepts "don't know" (``0``, ``?``, an empty line, or the end of the input),
which leaves the term unknown. Answers are a number from the list, or the option's words.
It reads lines from any stream, so it works as well from piped answers as at a terminal.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any, Final, get_args

from ..model import Kind, Program
from .questions import QUESTIONS, Question

DONT_KNOW: Final = ("", "0", "?", "don't know", "dont know", "do not know", "idk", "unknown")
SOURCE_ID: Final = "offer"
PARTIES: Final = (
    ("the company that runs it", "organization"),
    ("participants", "participants"),
    ("the press", "press"),
    ("someone else", "other"),
)
KINDS: Final = tuple(
    (kind.replace("-", " "), kind) for kind in get_args(Kind) if kind != "reference"
)
_URL: Final = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)

Read = Callable[[], "str | None"]
Write = Callable[[str], None]


def _normal(text: str) -> str:
    return " ".join(text.strip().lower().replace("’", "'").split())


def parse_answer(question: Question, text: str | None) -> tuple[bool, Any]:
    """(understood, value): value None means "don't know"."""
    answer = _normal(text or "")
    if answer in DONT_KNOW:
        return True, None
    if question.numeric:
        try:
            number = float(answer.removeprefix("$").replace(",", ""))
        except ValueError:
            return False, None
        if not math.isfinite(number) or number < 0:
            return False, None
        return True, number
    if answer.isdigit() and 1 <= int(answer) <= len(question.options):
        return True, question.options[int(answer) - 1][1]
    for label, value in question.options:
        written = "true" if value is True else "false" if value is False else str(value)
        words = _normal(label)
        if answer in (words, written.lower(), words.split(", ")[-1]):
            return True, value
    # The start of one option's words is enough ("the part" for "the participants").
    starts = [v for label, v in question.options if _normal(label).startswith(answer)]
    if len(answer) >= 3 and len(starts) == 1:
        return True, starts[0]
    return False, None


def _choices(options: tuple[tuple[str, Any], ...]) -> str:
    listed = [f"{n}) {label}" for n, (label, _) in enumerate(options, start=1)]
    return "   " + "   ".join([*listed, "0) don't know"])


def _ask(question: Question, read: Read, write: Write) -> Any:
    while True:
        write(f"{question.text}\n")
        write(
            "   a number, or 0 / empty for don't know\n"
            if question.numeric
            else _choices(question.options) + "\n"
        )
        write("> ")
        line = read()
        if line is None:  # end of input: don't know, for this and every later question
            write("\n")
            return None
        understood, value = parse_answer(question, line)
        if understood:
            return value
        write("Sorry, that is not one of the answers; try again.\n")


def _text(prompt: str, default: str, read: Read, write: Write) -> str:
    write(f"{prompt} [{default}]\n> ")
    line = read()
    answer = " ".join((line or "").split())
    return answer or default


def run_questionnaire(read: Read, write: Write, *, program_id: str) -> dict[str, Any]:
    """Ask every question; return the program as data (validate it with
    :meth:`Program.model_validate` or write it with :func:`program_yaml`)."""
    write("Answer each question with a number from the list, or 0 for don't know.\n\n")
    name = _text("What is the program called?", "Untitled offer", read, write)
    organization = _text("Who runs it?", "Unknown organization", read, write)
    kind = _ask(Question("kind", "What kind of program is it?", KINDS), read, write)
    title = _text("What is the title of the offer document?", f"Terms of {name}", read, write)
    where = _text("Where is it (a URL, or a file path)?", "not given", read, write)
    party = _ask(Question("party", "Who wrote that document?", PARTIES), read, write)
    source: dict[str, Any] = {"title": title, "party": party or "organization"}
    if _URL.match(where):
        source["url"] = where
    else:
        source["path"] = where
    if party is None:
        source["note"] = "Who wrote the document was not known; taken as the organization."
    answers: dict[str, Any] = {}
    for question in QUESTIONS:
        if any(answers.get(term) == value for term, value in question.skip_if):
            continue
        write("\n")
        value = _ask(question, read, write)
        if value is not None:
            answers[question.term] = value
    terms: dict[str, dict[str, Any]] = {}
    for key, value in answers.items():
        section, term = key.split(".")
        terms.setdefault(section, {"source": SOURCE_ID})[term] = value
    data: dict[str, Any] = {
        "id": program_id,
        "name": name,
        "organization": organization,
        "kind": kind or "early-access",
        "sources": {SOURCE_ID: source},
        "terms": terms,
    }
    return data


def program_from_answers(data: dict[str, Any]) -> Program:
    return Program.model_validate(data)
