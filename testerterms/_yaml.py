"""Safe YAML reading that keeps the source position of every key and value.

The file is read as a stream of parser events and composed here, not by PyYAML's
constructor, so that nothing the file says can run code or grow without bound:

- explicit tags (``!!python/object``, ``!custom``, even ``!!str``) are refused;
- anchors, aliases and merge keys are refused at the first event, before any
  structure is built, so an alias bomb costs nothing;
- a key given twice is reported, naming both lines (PyYAML keeps the last silently);
  composition goes on with the first value so that the file's other mistakes show too;
- size and nesting depth are capped, and a file is read no further than the size cap;
- plain scalars resolve only to text, whole numbers, decimal numbers, ``true``/``false``
  and null. Dates stay text (``2024-11-26`` is the string "2024-11-26"), and
  ``yes``/``no``/``on``/``off`` stay text, so a schema that wants a boolean rejects them
  with a hint instead of silently reading a yes/no answer. ``.inf`` and ``.nan`` are text,
  and so is a whole number too long to convert (over 4,300 digits).
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import yaml

from .errors import LoadError, Problem

_Parser: Final = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES: Final = 1_000_000
"""Largest file read; real program files are a few kilobytes."""
MAX_DEPTH: Final = 24
"""Deepest nesting of mappings and lists accepted."""

Loc = tuple[str | int, ...]
Position = tuple[int, int]

_INT: Final = re.compile(r"[-+]?[0-9]+")
_FLOAT: Final = re.compile(
    r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+"
)
_NULL: Final = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE: Final = frozenset({"true", "True", "TRUE"})
_FALSE: Final = frozenset({"false", "False", "FALSE"})
_NUMBER_START: Final = frozenset("+-.0123456789")
_UTF16_BOMS: Final = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass
class Document:
    """Plain data read from YAML, with where each value and key stands in the file.

    ``problems`` holds mistakes that did not stop composition (a duplicate key); the
    caller reports them together with what validating ``data`` finds.
    """

    path: str
    data: Any
    values: dict[Loc, Position] = field(default_factory=dict)
    keys: dict[Loc, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def position(self, loc: Loc, *, key: bool = False) -> Position:
        """The line and column of ``loc``, or of the nearest enclosing node that exists."""
        for end in range(len(loc), -1, -1):
            prefix = loc[:end]
            if key and prefix in self.keys:
                return self.keys[prefix]
            if prefix in self.values:
                return self.values[prefix]
        return (1, 1)

    def problem(self, loc: Loc, message: str, *, key: bool = False) -> Problem:
        line, col = self.position(loc, key=key)
        return Problem(self.path, line, col, message)


def read_text(path: Path, display: str | None = None, *, info: os.stat_result | None = None) -> str:
    """Read a file as UTF-8 text, refusing binary, oversized and undecodable files.

    ``info``: what ``os.stat`` has just said of ``path``, where the caller has asked."""
    name = display or str(path)
    try:
        if info is None:
            info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or device could block or never end; only plain files are read.
            raise LoadError([Problem(name, 1, 1, "not a regular file")])
        if info.st_size > MAX_BYTES:
            raise LoadError([_too_large(name)])
        with path.open("rb") as handle:
            # read() sets aside as many bytes as it is asked for: ask for what stat() saw.
            raw = handle.read(info.st_size + 1)
            if len(raw) > info.st_size:  # it grew since stat(): read on, to the cap
                raw += handle.read(MAX_BYTES + 1 - len(raw))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise LoadError([Problem(name, 1, 1, f"cannot read the file: {reason}")]) from None
    return decode(raw, name)


def _too_large(name: str) -> Problem:
    return Problem(name, 1, 1, f"the file is larger than {MAX_BYTES:,} bytes")


def decode(raw: bytes, name: str) -> str:
    """UTF-8 text from ``raw``, refusing oversized, binary and non-UTF-8 input."""
    if len(raw) > MAX_BYTES:
        raise LoadError([_too_large(name)])
    if raw.startswith(_UTF16_BOMS):
        raise LoadError([Problem(name, 1, 1, "the file is UTF-16 text: save it as UTF-8")])
    if b"\x00" in raw:
        message = "the file is binary (it contains NUL bytes), not YAML text"
        raise LoadError([Problem(name, 1, 1, message)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError([Problem(name, line, col, "the file is not UTF-8 text")]) from None
    return text


def compose(text: str, path: str, *, positions: bool = True) -> Document:
    """Compose ``text`` into plain data and positions.

    Raise :class:`LoadError` when the text cannot be composed at all (syntax, tags,
    aliases, depth, size); leave recoverable mistakes in ``Document.problems``.

    Without ``positions`` the document notes where no key or value stands (a fifth of the
    time of composing): for a file that is only read for its data. It raises the same
    errors; a file with a recoverable mistake is composed with positions, to report it.
    """
    if len(text) > MAX_BYTES:
        message = f"the text is longer than {MAX_BYTES:,} characters"
        raise LoadError([Problem(path, 1, 1, message)])
    if not positions:
        try:
            return _DataComposer(path).compose(text)
        except _NeedPositions:
            pass
    return _Composer(path).compose(text)


def parse(text: str, path: str) -> Document:
    """Compose ``text``; raise :class:`LoadError` on any problem, recoverable or not."""
    document = compose(text, path)
    if document.problems:
        raise LoadError(document.problems)
    return document


def resolve_plain(value: str) -> Any:
    """What an unquoted scalar means here: null, a boolean, a number, or else its text."""
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if value[0] not in _NUMBER_START:  # most values are words: no pattern to try
        return value
    if _INT.fullmatch(value):
        try:
            return int(value)
        except ValueError:  # longer than Python's integer conversion limit
            return value
    if _FLOAT.fullmatch(value):
        return float(value)
    return value


def _codepoint(character: int | str) -> int:
    return character if isinstance(character, int) else ord(character)


def _pos(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1)


def _offset_position(text: str, offset: int) -> Position:
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


class _Composer:
    def __init__(self, path: str) -> None:
        self.path = path
        self.fatal: list[Problem] = []
        self.doc = Document(path, None)

    def fail(self, mark: Any, message: str) -> None:
        line, col = _pos(mark)
        self.fatal.append(Problem(self.path, line, col, message))

    def compose(self, text: str) -> Document:
        parser = None
        try:
            parser = _Parser(text)  # the C parser encodes the text here
            # iter(get_event, None) rather than yaml.parse(): no Python generator frame per
            # event, which is a third of the reading time of a program file.
            self._document(iter(parser.get_event, None))
        except yaml.MarkedYAMLError as exc:
            self.fatal.append(self._syntax_problem(exc, text))
        except yaml.reader.ReaderError as exc:  # control characters and the like
            line, col = _offset_position(text, exc.position)
            code = _codepoint(exc.character)
            message = f"control character U+{code:04X} is not allowed in YAML"
            self.fatal.append(Problem(self.path, line, col, message))
        except yaml.YAMLError as exc:  # pragma: no cover - the parser raises the above
            self.fatal.append(Problem(self.path, 1, 1, f"YAML syntax: {exc}"))
        except UnicodeEncodeError as exc:  # lone surrogates in a str given by a caller
            line, col = _offset_position(text, exc.start)
            self.fatal.append(Problem(self.path, line, col, "the text is not valid Unicode"))
        except _Stop:
            pass
        finally:
            if parser is not None:
                parser.dispose()
        if self.fatal:
            raise LoadError(self.fatal + self.doc.problems)
        return self.doc

    def _syntax_problem(self, exc: yaml.MarkedYAMLError, text: str) -> Problem:
        mark = exc.problem_mark or exc.context_mark
        line, col = _pos(mark) if mark is not None else (1, 1)
        reason = exc.problem or exc.context or "invalid YAML"
        lines = text.splitlines()
        if 0 < line <= len(lines) and lines[line - 1][col - 1 : col] == "\t":
            reason = "a tab character: YAML is indented with spaces, never tabs"
        elif exc.context and exc.context_mark is not None and exc.problem_mark is not None:
            opened = exc.context_mark.line + 1
            if opened != line:
                reason += f" ({exc.context} that starts on line {opened})"
        return Problem(self.path, line, col, f"YAML syntax: {reason}")

    def _document(self, events: Iterator[Any]) -> None:
        documents = 0
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.fail(event.start_mark, "the file holds more than one YAML document")
                    raise _Stop
            elif isinstance(
                event, (yaml.StreamStartEvent, yaml.DocumentEndEvent, yaml.StreamEndEvent)
            ):
                continue
            else:
                self.doc.data = self._node(event, events, (), 0)
        if documents == 0 or self.doc.data is None:
            message = "the file is empty: a program is a mapping of keys"
            self.fatal.append(Problem(self.path, 1, 1, message))
        elif not isinstance(self.doc.data, dict):
            line, col = self.doc.values[()]
            message = "the top level must be a mapping of keys (such as `id: ...`)"
            self.fatal.append(Problem(self.path, line, col, message))

    def _refuse_extras(self, event: Any) -> None:
        # Called on node events only (scalar, sequence or mapping start, alias): each has an
        # anchor attribute, which an alias sets to the name it refers to.
        if event.anchor is not None:
            if type(event) is yaml.AliasEvent:
                self.fail(event.start_mark, "aliases (*name) are not allowed: write the value out")
            else:
                self.fail(event.start_mark, "anchors (&name) are not allowed: write each value out")
            raise _Stop
        tag = getattr(event, "tag", None)
        if tag is not None:
            self.fail(event.start_mark, f"tags such as {tag!r} are not allowed: write plain values")
            raise _Stop

    def _key(self, key_event: Any, kind: type) -> str:
        """The text of a mapping key; a key that is not plain text stops composing."""
        if key_event.anchor is not None or (kind is not _ALIAS and key_event.tag is not None):
            self._refuse_extras(key_event)
        if kind is not _SCALAR:
            self.fail(key_event.start_mark, "a key must be plain text, not a list or mapping")
            raise _Stop
        key: str = key_event.value
        if key == "<<" and key_event.implicit[0]:
            self.fail(key_event.start_mark, "merge keys (<<) are not allowed: write the keys out")
            raise _Stop
        return key

    def _node(self, event: Any, events: Iterator[Any], loc: Loc, depth: int) -> Any:
        # The hot path of loading: type() tests and attribute reads inlined, and a scalar
        # value read in the loop of its mapping or list rather than in a call of its own.
        kind = type(event)
        if event.anchor is not None or (kind is not _ALIAS and event.tag is not None):
            self._refuse_extras(event)
        start = event.start_mark
        self.doc.values[loc] = (start.line + 1, start.column + 1)
        if depth > MAX_DEPTH:
            self.fail(start, f"nesting is deeper than {MAX_DEPTH} levels")
            raise _Stop
        if kind is _SCALAR:
            return resolve_plain(event.value) if event.implicit[0] else event.value
        if kind is _SEQUENCE_START:
            return self._sequence(events, loc, depth)
        if kind is _MAPPING_START:
            return self._mapping(events, loc, depth)
        raise _Stop  # pragma: no cover - the parser yields no other node events

    def _sequence(self, events: Iterator[Any], loc: Loc, depth: int) -> list[Any]:
        items: list[Any] = []
        values = self.doc.values
        deeper = depth + 1
        for child in events:
            kind = type(child)
            if kind is _SEQUENCE_END:
                return items
            if (
                kind is _SCALAR
                and child.anchor is None
                and child.tag is None
                and deeper <= MAX_DEPTH
            ):
                start = child.start_mark
                at = (*loc, len(items))
                values[at] = (start.line + 1, start.column + 1)
                items.append(resolve_plain(child.value) if child.implicit[0] else child.value)
            else:
                items.append(self._node(child, events, (*loc, len(items)), deeper))
        raise _Stop

    def _mapping(self, events: Iterator[Any], loc: Loc, depth: int) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        doc = self.doc
        keys, values = doc.keys, doc.values
        deeper = depth + 1
        for key_event in events:
            kind = type(key_event)
            if kind is _MAPPING_END:
                return mapping
            key = self._key(key_event, kind)
            start = key_event.start_mark
            key_pos = (start.line + 1, start.column + 1)
            value_event = next(events)
            child = (*loc, key)
            if key in mapping:
                # Keep the first value, report the second, and read on for other mistakes.
                first_line = keys[child][0]
                doc.problems.append(
                    Problem(
                        self.path,
                        *key_pos,
                        f"duplicate key {_short(key)}: it is already set on line {first_line}",
                    )
                )
                self._node(value_event, events, ("\0duplicate", *child), deeper)
                continue
            keys[child] = key_pos
            if (
                type(value_event) is _SCALAR
                and value_event.anchor is None
                and value_event.tag is None
                and deeper <= MAX_DEPTH
            ):
                mark: Any = value_event.start_mark
                values[child] = (mark.line + 1, mark.column + 1)
                value = value_event.value
                mapping[key] = resolve_plain(value) if value_event.implicit[0] else value
            else:
                mapping[key] = self._node(value_event, events, child, deeper)
        raise _Stop


class _DataComposer(_Composer):
    """The data alone, with the same checks: where each key and value stands is not noted
    (but the top level's, which an error names). A duplicate key, whose message names the
    line of the first, stops it: the file is then composed with positions."""

    def _node(self, event: Any, events: Iterator[Any], loc: Loc, depth: int) -> Any:
        kind = type(event)
        if event.anchor is not None or (kind is not _ALIAS and event.tag is not None):
            self._refuse_extras(event)
        if not loc:
            self.doc.values[loc] = _pos(event.start_mark)
        if depth > MAX_DEPTH:
            self.fail(event.start_mark, f"nesting is deeper than {MAX_DEPTH} levels")
            raise _Stop
        if kind is _SCALAR:
            return resolve_plain(event.value) if event.implicit[0] else event.value
        if kind is _SEQUENCE_START:
            return self._sequence(events, loc, depth)
        if kind is _MAPPING_START:
            return self._mapping(events, loc, depth)
        raise _Stop  # pragma: no cover - the parser yields no other node events

    def _sequence(self, events: Iterator[Any], loc: Loc, depth: int) -> list[Any]:
        items: list[Any] = []
        deeper = depth + 1
        for child in events:
            kind = type(child)
            if kind is _SEQUENCE_END:
                return items
            if (
                kind is _SCALAR
                and child.anchor is None
                and child.tag is None
                and deeper <= MAX_DEPTH
            ):
                items.append(resolve_plain(child.value) if child.implicit[0] else child.value)
            else:
                items.append(self._node(child, events, _INSIDE, deeper))
        raise _Stop

    def _mapping(self, events: Iterator[Any], loc: Loc, depth: int) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        deeper = depth + 1
        for key_event in events:
            kind = type(key_event)
            if kind is _MAPPING_END:
                return mapping
            key = self._key(key_event, kind)
            if key in mapping:
                raise _NeedPositions
            value_event = next(events)
            if (
                type(value_event) is _SCALAR
                and value_event.anchor is None
                and value_event.tag is None
                and deeper <= MAX_DEPTH
            ):
                value = value_event.value
                mapping[key] = resolve_plain(value) if value_event.implicit[0] else value
            else:
                mapping[key] = self._node(value_event, events, _INSIDE, deeper)
        raise _Stop


_INSIDE: Final[Loc] = ("",)
"""The loc a :class:`_DataComposer` gives every node below the top (it notes none of them)."""
_SCALAR: Final = yaml.ScalarEvent
_ALIAS: Final = yaml.AliasEvent
_SEQUENCE_START: Final = yaml.SequenceStartEvent
_SEQUENCE_END: Final = yaml.SequenceEndEvent
_MAPPING_START: Final = yaml.MappingStartEvent
_MAPPING_END: Final = yaml.MappingEndEvent


def _short(key: str) -> str:
    shown = repr(key)
    return shown if len(shown) <= 60 else shown[:56] + "...'"


class _Stop(Exception):
    """Composition cannot go on; the reason is already in the problems."""


class _NeedPositions(Exception):
    """A mistake whose message needs where the keys stand: compose with positions."""
