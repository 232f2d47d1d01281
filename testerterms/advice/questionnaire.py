"""A guided questionnaire for people who do not write YAML.

It asks who runs the program and where the offer document is (the document becomes the
source of every answer), then the questions of :mod:`.questions` one at a time. Every
question accepts "don't know" (``0``, ``?``, an empty line, or the end of the input),
which leaves the term unknown. Answers are a number from the list, or the option's words.

Answers are read as bytes, one a line, from any stream (:class:`AnswerReader`), so the
questionnaire works as well from piped answers as at a terminal, and a hostile answer
costs no more than its question allows: a line longer than the question's cap
(:data:`MAX_CHOICE`, :data:`MAX_TEXT`, :data:`MAX_WHERE` characters) or not UTF-8 is
refused at that question. At a terminal the question is asked again; from a pipe or a file
the questionnaire stops with :class:`AnswersStopped`, which names the line. The answers
accepted so far stay in :attr:`AnswerReader.accepted`, one line each, in the form this
questionnaire reads back. Text an answer echoes (the name, in the next question) is escaped
for the terminal.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, Final

from .._escape import terminal
from ..errors import LoadError, Problem
from .questions import QUESTIONS, Question

if TYPE_CHECKING:
    from ..model import Program

DONT_KNOW: Final = ("", "0", "?", "don't know", "dont know", "do not know", "idk", "unknown")
SOURCE_ID: Final = "offer"
PARTIES: Final = (
    ("the company that runs it", "organization"),
    ("participants", "participants"),
    ("the press", "press"),
    ("someone else", "other"),
)
_URL: Final = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)

MAX_CHOICE: Final = 100
"""Characters in the answer to a question with options or a number."""
MAX_TEXT: Final = 300
"""Characters in a name, an organization or a document's title."""
MAX_WHERE: Final = 2000
"""Characters in the offer document's URL or path."""
_DISCARD_CHUNK: Final = 1 << 16
"""Bytes read at a time while skipping the rest of a line that is too long."""

Read = Callable[[], "str | None"]
Write = Callable[[str], None]


KINDS: Final = (
    "beta",
    "early-access",
    "red-team",
    "creative-partner",
    "bug-bounty",
    "user-research",
    "commission",
    "playtest",
    "grant",
    "crowd-work",
)
"""The kinds a program asked about can be: the model's :data:`~testerterms.model.Kind` but
``reference`` (spelled here so that the questions import no model; a test keeps the two
alike)."""


def _kinds() -> tuple[tuple[str, str], ...]:
    return tuple((k.replace("-", " "), k) for k in KINDS)


class AnswersStopped(LoadError):
    """Piped answers the questionnaire cannot use: the line and why (an answer that is not
    UTF-8, or longer than its question allows). The answers before it are in the reader's
    :attr:`~AnswerReader.accepted`."""


class _Refused(Exception):
    """One answer refused; at a terminal the question is asked again."""

    def __init__(self, message: str, line: int, col: int, source: str) -> None:
        super().__init__(message)
        self.message, self.line, self.col, self.source = message, line, col, source


@dataclass
class _Input:
    stream: IO[bytes]
    name: str
    interactive: bool
    echo: bool
    line: int = 0


@dataclass
class AnswerReader:
    """Answers, one a line, read as bytes from one stream after another (an answers file,
    then the terminal): each line decoded as UTF-8 and capped at its question's length."""

    inputs: list[_Input] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    """The answers accepted so far, one line each (what the questionnaire reads back)."""
    ended: bool = False
    """The input ended before the last question (the rest were taken as "don't know")."""

    def add(
        self, stream: IO[bytes], name: str, *, interactive: bool = False, echo: bool = False
    ) -> AnswerReader:
        """Read from ``stream`` once the streams added before it end. ``interactive``: a
        person answers (a refused answer is asked again); ``echo``: show each answer read
        after its prompt (answers read from a file during a session at a terminal)."""
        self.inputs.append(_Input(stream, name, interactive, echo))
        return self

    @property
    def interactive(self) -> bool:
        return bool(self.inputs) and self.inputs[0].interactive

    def read(self, limit: int, write: Write) -> str | None:
        """The next line, without its line end; None at the end of every input. Raises
        ``_Refused`` for a line that is not UTF-8 or longer than ``limit`` characters."""
        while self.inputs:
            source = self.inputs[0]
            raw = source.stream.readline(4 * limit + 2)  # a character is at most 4 bytes
            if raw == b"":
                self.inputs.pop(0)
                continue
            source.line += 1
            ended = raw.endswith(b"\n")
            if not ended and len(raw) > 4 * limit:
                self._skip_line(source.stream)
                raise _Refused(
                    f"this answer is too long: at most {limit} characters",
                    source.line,
                    limit + 1,
                    source.name,
                )
            raw = raw.removesuffix(b"\n").removesuffix(b"\r")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                column = len(raw[: exc.start].decode("utf-8", "replace")) + 1
                raise _Refused(
                    f"this answer is not UTF-8 text (the byte 0x{raw[exc.start]:02x})",
                    source.line,
                    column,
                    source.name,
                ) from None
            if len(text) > limit:
                raise _Refused(
                    f"this answer is too long: at most {limit} characters",
                    source.line,
                    limit + 1,
                    source.name,
                )
            if source.echo:
                write(terminal(text) + "\n")
            return text
        return None

    @staticmethod
    def _skip_line(stream: IO[bytes]) -> None:
        """Read on to the end of the line, a chunk at a time (memory bounded by the chunk)."""
        while True:
            chunk = stream.readline(_DISCARD_CHUNK)
            if chunk == b"" or chunk.endswith(b"\n"):
                return


class _Callable:
    """An :class:`AnswerReader` over a function that returns one line of text at a time."""

    def __init__(self, read: Read) -> None:
        self._read = read
        self.accepted: list[str] = []
        self.ended = False
        self.interactive = False
        self.line = 0

    def read(self, limit: int, write: Write) -> str | None:
        line = self._read()
        if line is None:
            return None
        self.line += 1
        line = line.removesuffix("\n").removesuffix("\r")
        if len(line) > limit:
            raise _Refused(
                f"this answer is too long: at most {limit} characters",
                self.line,
                limit + 1,
                "<answers>",
            )
        return line


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


_Reader = AnswerReader | _Callable


def _line(reader: _Reader, limit: int, write: Write) -> tuple[bool, str | None]:
    """(read, text): read is False when the answer was refused and the question must be
    asked again; text None is the end of the input."""
    try:
        line = reader.read(limit, write)
    except _Refused as refused:
        if not reader.interactive:
            problem = Problem(refused.source, refused.line, refused.col, refused.message)
            raise AnswersStopped([problem]) from None
        write(f"Sorry, {refused.message}; answer again.\n")
        return False, None
    if line is None:
        reader.ended = True
        write("\n")
    return True, line


def _ask(question: Question, reader: _Reader, write: Write) -> Any:
    while True:
        write(f"{question.text}\n")
        write(
            "   a number, or 0 / empty for don't know\n"
            if question.numeric
            else _choices(question.options) + "\n"
        )
        write("> ")
        read, line = _line(reader, MAX_CHOICE, write)
        if not read:
            continue
        if line is None:  # end of input: don't know, for this and every later question
            return None
        understood, value = parse_answer(question, line)
        if understood:
            reader.accepted.append(line)
            return value
        write("Sorry, that is not one of the answers; try again.\n")


def _text(prompt: str, default: str, reader: _Reader, write: Write, limit: int) -> str:
    while True:
        write(f"{prompt} [{terminal(default)}]\n> ")
        read, line = _line(reader, limit, write)
        if read:
            break
    answer = " ".join((line or "").split())
    if line is not None:
        reader.accepted.append(answer)
    return answer or default


def run_questionnaire(
    read: AnswerReader | Read, write: Write, *, program_id: str
) -> dict[str, Any]:
    """Ask every question; return the program as data (validate it with
    :meth:`Program.model_validate` or write it with :func:`program_yaml`).

    ``read`` is an :class:`AnswerReader`, or a function that returns the next line of text
    (None at the end). Raises :class:`AnswersStopped` for piped answers it cannot use."""
    reader: _Reader = read if isinstance(read, AnswerReader) else _Callable(read)
    write("Answer each question with a number from the list, or 0 for don't know.\n\n")
    name = _text("What is the program called?", "Untitled offer", reader, write, MAX_TEXT)
    organization = _text("Who runs it?", "Unknown organization", reader, write, MAX_TEXT)
    kind = _ask(Question("kind", "What kind of program is it?", _kinds()), reader, write)
    title = _text(
        "What is the title of the offer document?", f"Terms of {name}", reader, write, MAX_TEXT
    )
    where = _text("Where is it (a URL, or a file path)?", "not given", reader, write, MAX_WHERE)
    party = _ask(Question("party", "Who wrote that document?", PARTIES), reader, write)
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
        value = _ask(question, reader, write)
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


def answers_text(accepted: Sequence[str]) -> str:
    """Answers as an answers file: one a line, read back by ``ask`` in the same order."""
    return "".join(line + "\n" for line in accepted)


def program_from_answers(data: dict[str, Any]) -> Program:
    """The :class:`~testerterms.model.Program` of the questionnaire's data."""
    from ..model import Program

    return Program.model_validate(data)
