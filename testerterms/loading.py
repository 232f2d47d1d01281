"""Program files in, :class:`Program` out, with every error located at ``path:line:col``."""

from __future__ import annotations

import heapq
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Final, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from . import _yaml
from ._checks import codebook_warnings, retired_value
from ._files import SUFFIXES as SUFFIXES  # where program files are: re-exported from here
from ._files import _given_paths, _stat_given
from ._files import bundled_hint as bundled_hint
from ._files import bundled_programs_dir as bundled_programs_dir
from ._files import find_files as find_files
from ._files import resolve_program as resolve_program
from ._files import walk as walk
from .errors import LoadError, Problem, did_you_mean
from .errors import closest as _closest
from .model import Fact, Program, Term, term_value_type

MAX_PROBLEMS: Final = 100
"""Most problems reported for one file; a file with more says how many more there are."""


@dataclass
class LoadResult:
    """Programs that loaded, and the problems of the files that did not."""

    programs: list[Program] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    failed: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(frozen=True)
class ProgramFile:
    """Where a loaded program came from: its path, and where each key stands in the file."""

    path: Path
    keys: Mapping[_yaml.Loc, _yaml.Position] = field(default_factory=dict)

    def position(self, loc: _yaml.Loc) -> _yaml.Position:
        """The line and column of the key at ``loc``, or of the nearest enclosing key."""
        for end in range(len(loc), 0, -1):
            if loc[:end] in self.keys:
                return self.keys[loc[:end]]
        return (1, 1)


def load_program(path: str | Path) -> Program:
    """Load one program file, or a bundled program by its id (``"sora-alpha-artists"``);
    raise :class:`LoadError` with every problem found."""
    program, _ = _load(resolve_program(path), warnings=False)  # score needs no warnings
    return program


def load_found(path: str | Path) -> Program:
    """Load one file that :func:`walk` found (never a bundled program's id, as
    :func:`load_program` takes one); raise :class:`LoadError` with every problem found."""
    program, _ = _load(path, warnings=False)
    return program


def load_program_with_warnings(path: str | Path) -> tuple[Program, list[Problem]]:
    """Load one program file; return it with its warnings (sources never cited)."""
    return _load(path, warnings=True)


def _load(path: str | Path, *, warnings: bool) -> tuple[Program, list[Problem]]:
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"a path must be str or os.PathLike, not {type(path).__name__}")
    info = _stat_given(path)
    if isinstance(info, Problem):
        raise LoadError([info])
    path = Path(path)
    if stat.S_ISDIR(info.st_mode):
        raise LoadError(
            [
                Problem(
                    str(path),
                    1,
                    1,
                    "is a folder, not a program file (score, validate and report read "
                    "folders; in Python, load_programs)",
                )
            ]
        )
    text = _yaml.read_text(path, info=info)
    program, found, _ = _parse(text, str(path), warnings=warnings, located=False)
    return program, found


def parse_program(text: str | bytes, path: str = "<text>") -> tuple[Program, list[Problem]]:
    """Parse program YAML; ``path`` is only used to name the file in messages.

    ``text`` may be bytes, which are checked as a file's bytes are (size, NUL bytes,
    UTF-8). Every problem found is raised at once in one :class:`LoadError`.
    """
    program, warnings, _ = _parse(text, path, warnings=True)
    return program, warnings


def _parse(
    text: str | bytes, path: str, *, warnings: bool, located: bool = True
) -> tuple[Program, list[Problem], _yaml.Document]:
    """The program in ``text``; with ``located`` (or ``warnings``), the document it was read
    from carries where each key and value stands."""
    if isinstance(text, bytes):
        text = _yaml.decode(text, path)
    invalid: ValidationError | None = None
    if not (located or warnings or len(text) > _READ_TWICE_UP_TO):
        # Most files load: read them without noting where each value stands, and read a
        # file again, noting it, only to say where what is wrong with it stands (a file
        # far larger than a program is read once, with positions: it is seldom one).
        plain = _yaml.compose(text, path, positions=False)
        try:
            program = Program.model_validate(plain.data)
        except ValidationError as exc:
            invalid = exc  # the same data with positions fails the same way
        else:
            if not plain.problems and _section_sources_known(plain.data):
                return program, [], plain
    document = _yaml.compose(text, path)
    try:
        if invalid is None:
            program = Program.model_validate(document.data)
    except ValidationError as exc:
        invalid = exc
    if invalid is not None:
        problems = document.problems + _source_problems(document)
        errors = invalid.errors(include_url=False)
        if problems:
            # The model repeats, unlocated, what _source_problems has already located.
            errors = [e for e in errors if not _is_source_summary(e)]
        raise LoadError(shown_errors(document, errors, Program, problems)) from None
    # A program that validates cites only sources it has (the model checks every fact),
    # but a section's `source:` that no plain value takes up is checked here only.
    if document.problems or not _section_sources_known(document.data):
        problems = document.problems + _source_problems(document)
        if problems:
            raise LoadError(_capped(problems, path))
    return program, _warnings(document, program) if warnings else [], document


_READ_TWICE_UP_TO: Final = 100_000
"""Characters of the largest text read first without positions (program files are 2-11 KB)."""


def _capped(problems: list[Problem], path: str, total: int | None = None) -> list[Problem]:
    """The first ``MAX_PROBLEMS`` problems in file order, and a count of the rest.

    ``total``: how many problems there are, where ``problems`` holds only those that can
    come first in file order (see :func:`shown_errors`)."""
    if total is None:
        total = len(problems)
    if total <= MAX_PROBLEMS:
        return problems
    ordered = sorted(problems, key=lambda p: (p.line, p.col))
    first_hidden = ordered[MAX_PROBLEMS]
    more = total - MAX_PROBLEMS
    note = f"{more:,} more errors not shown: fix the ones above first"
    return [*ordered[:MAX_PROBLEMS], Problem(path, first_hidden.line, first_hidden.col, note)]


def _is_source_summary(error: Any) -> bool:
    return error["loc"] == () and "unknown source ids" in str(error["msg"])


def load_programs(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] = (),
) -> LoadResult:
    """Load every program below ``paths``: one path (``str`` or path-like) or several; the
    bundled programs when empty.

    A file that fails does not stop the others: its problems go to ``problems``; what the
    walk skipped (a link out of a folder) goes to ``warnings``.
    """
    given = list(_given_paths(paths)) or [bundled_programs_dir()]
    result = LoadResult()
    for found in walk(given):
        if isinstance(found, Problem):
            if found.severity == "warning":
                result.warnings.append(found)
            else:
                result.problems.append(found)
                result.failed.append(Path(found.path))
            continue
        path = found
        try:
            program, warnings = load_program_with_warnings(path)
        except LoadError as exc:
            result.problems += exc.problems
            result.failed.append(path)
            continue
        result.programs.append(program)
        result.paths.append(path)
        result.warnings += warnings
    return result


def iter_programs(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> Iterator[tuple[Path, Program | LoadError]]:
    """Yield each file with its program or its error, one at a time.

    Streams: the folders are walked as the programs are read. What the walk cannot use
    comes as a :class:`LoadError` at its path (an unreadable folder; a link out of the
    folder, whose problem is only a warning).
    """
    for found in walk(paths):
        if isinstance(found, Problem):
            yield Path(found.path), LoadError([found])
            continue
        try:
            yield found, load_program(found)
        except LoadError as exc:
            yield found, exc


def load_located(path: Path) -> tuple[ProgramFile, Program]:
    """One program file loaded, with where each of its keys stands."""
    info = _stat_given(path)
    if isinstance(info, Problem):
        raise LoadError([info])
    program, _, document = _parse(_yaml.read_text(path), str(path), warnings=False)
    return ProgramFile(path, document.keys), program


# --- sources -----------------------------------------------------------------------------------


def _facts(raw: Any, loc: _yaml.Loc) -> Iterator[tuple[_yaml.Loc, Any]]:
    """(loc of the source value, source value) for each fact written in a raw term."""
    listed = False
    for key in ("claims", "history"):
        if isinstance(raw, dict) and isinstance(raw.get(key), list):
            listed = True
            for index, claim in enumerate(raw[key]):
                if isinstance(claim, dict) and "source" in claim:
                    yield (*loc, key, index, "source"), claim["source"]
    if listed:
        return
    if isinstance(raw, dict) and "source" in raw:
        yield (*loc, "source"), raw["source"]


def _raw_terms(data: dict[str, Any]) -> Iterator[tuple[_yaml.Loc, Any]]:
    yield ("participants",), data.get("participants")
    events = data.get("events")
    if isinstance(events, dict):
        for name, raw in events.items():
            yield ("events", name), raw
    terms = data.get("terms")
    if isinstance(terms, dict):
        for section, body in terms.items():
            if isinstance(body, dict):
                if "source" in body:
                    yield ("terms", section), {"source": body["source"]}
                for name, raw in body.items():
                    yield ("terms", section, name), raw


def _cited(document: _yaml.Document) -> Iterator[tuple[_yaml.Loc, str]]:
    data = document.data
    for loc, raw in _raw_terms(data):
        for source_loc, value in _facts(raw, loc):
            ids = [value] if isinstance(value, str) else value if isinstance(value, list) else []
            for index, source in enumerate(ids):
                if isinstance(source, str):
                    yield (source_loc if isinstance(value, str) else (*source_loc, index)), source


def _section_sources_known(data: dict[str, Any]) -> bool:
    """Whether every section's ``source:`` names one of the file's sources."""
    sources = data["sources"]
    for body in data.get("terms", {}).values():
        if "source" in body:
            value = body["source"]
            if any(
                source not in sources for source in ([value] if isinstance(value, str) else value)
            ):
                return False
    return True


def _source_problems(document: _yaml.Document) -> list[Problem]:
    sources = document.data.get("sources")
    if not isinstance(sources, dict):
        return []
    problems = []
    for loc, source in _cited(document):
        if source not in sources:
            hint = did_you_mean(source, sources)
            if not hint:
                known = ", ".join(_short(s) for s in list(sources)[:10])
                hint = f" (the sources are: {known}{', ...' if len(sources) > 10 else ''})"
            problems.append(document.problem(loc, f"unknown source {_short(source)}{hint}"))
    return problems


def _warnings(document: _yaml.Document, program: Program) -> list[Problem]:
    # A section's `source:` counts as cited: it names the document the section is read from.
    cited = program.cited_sources() | {
        source
        for name in program.terms.SECTIONS
        for source in getattr(program.terms, name).source or ()
    }
    uncited = [
        Problem(
            document.path,
            *document.position(("sources", sid), key=True),
            f"source {sid!r} is never cited",
            severity="warning",
        )
        for sid in program.sources
        if sid not in cited
    ]
    return sorted(uncited + codebook_warnings(document), key=lambda p: (p.line, p.col))


# --- pydantic errors to located problems -------------------------------------------------------

_FACT_KEYS: Final = ("value", "source", "quote", "party", "quoting", "note")
_TERM_SHAPES: Final = "`unknown`, {value: ..., source: ID}, or {claims: [...]}"
_EXPECTED: Final = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "string_type": "text",
    "bool_type": "true or false",
}


def _strip(annotation: Any) -> Any:
    """Peel ``Annotated[...]`` and ``X | None`` down to ``X``."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
            continue
        args = [a for a in get_args(annotation) if a is not type(None)]
        if origin in (Union, UnionType) and len(args) == 1:
            annotation = args[0]
            continue
        return annotation


def _holder(
    model: type[BaseModel], loc: tuple[str | int, ...]
) -> tuple[type[BaseModel] | None, Any]:
    """The model class whose field the last part of the pydantic ``loc`` names, and the value
    type of the term that holds it (None outside terms)."""
    current: Any = model
    value_type: Any = None
    for part in loc[:-1]:
        current = _strip(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field_info = current.model_fields.get(str(part))
            if field_info is None:
                return None, None
            if issubclass(current, Fact) and part == "value" and value_type is not None:
                current = value_type  # a fact's value has its term's type
                continue
            current = field_info.annotation
            value_type = term_value_type(current, field_info.metadata) or value_type
        elif get_origin(current) is dict:
            current = get_args(current)[1]
            value_type = term_value_type(current) or value_type
        elif get_origin(current) in (tuple, list) and isinstance(part, int):
            current = get_args(current)[0]
        else:
            return None, None
    current = _strip(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current, value_type
    return None, None


def _raw_loc(document: _yaml.Document, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Drop the ``claims, 0`` that the model inserts for a term written as one fact."""
    out: list[str | int] = []
    index = 0
    while index < len(loc):
        part = loc[index]
        if part == "claims" and tuple(out) in document.values:
            node = _node(document.data, tuple(out))
            if isinstance(node, dict) and "claims" not in node:
                index += 2
                continue
        out.append(part)
        index += 1
    return tuple(out)


def _node(data: Any, loc: tuple[str | int, ...]) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _union_branch(document: _yaml.Document, loc: tuple[str | int, ...]) -> bool:
    """Whether the last part of ``loc`` names a union member (``int``), not a key in the file.

    Pydantic reports a value that fits no member of ``int | str`` once per member, with the
    member's name appended to the location of the value, which is a scalar in the file.
    """
    if not loc or not isinstance(loc[-1], str) or loc[:-1] not in document.values:
        return False
    return not isinstance(_node(document.data, loc[:-1]), (dict, list))


def locate_errors(
    document: _yaml.Document,
    errors: Iterable[Any],
    model: type[BaseModel],
    *,
    limit: int | None = None,
) -> list[Problem]:
    """Every pydantic error as a located problem; a failed union becomes one problem.

    With ``limit``, only the first errors in file order are worked out in full (a hint
    costs a fuzzy match); the rest are located and counted, not explained.
    """
    errors = list(errors)
    hidden: list[Problem] = []
    if limit is not None and len(errors) > limit:
        errors.sort(key=lambda e: document.position(_raw_loc(document, tuple(e["loc"]))))
        for error in errors[limit:]:
            loc = _raw_loc(document, tuple(error["loc"]))
            key = error["type"] == "extra_forbidden"
            hidden.append(document.problem(loc, str(error["msg"]), key=key))
        errors = errors[:limit]
    problems: dict[Problem, None] = {}  # ordered, and one copy of a repeated problem
    branches: dict[tuple[str | int, ...], list[Any]] = {}
    for error in errors:
        loc = _raw_loc(document, tuple(error["loc"]))
        if _union_branch(document, loc):
            branches.setdefault(loc[:-1], []).append(error)
            continue
        problem = locate_error(document, error, model)
        if problem is not None:
            problems[problem] = None
    for loc, group in branches.items():
        # A member whose type fits but whose bound fails (-3 for a count) says most.
        near = [e for e in group if e["type"] not in _EXPECTED]
        if near:
            problem = locate_error(document, {**near[0], "loc": loc}, model)
            if problem is not None:
                problems[problem] = None
            continue
        wanted = " or ".join(dict.fromkeys(_EXPECTED[e["type"]] for e in group))
        got = _show(group[0].get("input"))
        problems[document.problem(loc, f"expected {wanted}, got {got}")] = None
    return list(problems) + hidden


def shown_errors(
    document: _yaml.Document,
    errors: Iterable[Any],
    model: type[BaseModel],
    before: Iterable[Problem] = (),
) -> list[Problem]:
    """What a file with these pydantic ``errors`` reports: the same problems as
    ``_capped([*before, *locate_errors(document, errors, model, limit=MAX_PROBLEMS)])``,
    working out only what can be shown.

    A file of 50,000 mistakes shows 100 of them and a count of the rest: the rest are
    ordered by where they stand, and only those that can still be among the first hundred
    shown become problems (building a located problem for each one of them cost about as
    much again as reading the file).
    """
    before = list(before)
    errors = list(errors)
    path = document.path
    if len(errors) <= MAX_PROBLEMS:
        return _capped(before + locate_errors(document, errors, model), path)
    # As locate_errors orders them: by where the value stands, ties in pydantic's order.
    raw = [_fast_raw_loc(document, error) for error in errors]
    order = sorted(range(len(errors)), key=lambda i: _fast_position(document, raw[i], False))
    shown = [errors[i] for i in order[:MAX_PROBLEMS]]
    hidden = order[MAX_PROBLEMS:]
    located = before + locate_errors(document, shown, model)
    if len(hidden) > MAX_PROBLEMS + 1:
        # Every problem after the first MAX_PROBLEMS + 1 hidden ones (by line, column and
        # then order) comes after MAX_PROBLEMS + 1 others: it cannot be shown, nor be the
        # first one not shown. The count says how many there are.
        where = [
            _fast_position(document, raw[i], errors[i]["type"] == "extra_forbidden") for i in hidden
        ]
        first = heapq.nsmallest(
            MAX_PROBLEMS + 1, range(len(hidden)), key=lambda rank: (*where[rank], rank)
        )
        kept = [hidden[rank] for rank in sorted(first)]
    else:
        kept = hidden
    problems = located + [
        document.problem(raw[i], str(errors[i]["msg"]), key=errors[i]["type"] == "extra_forbidden")
        for i in kept
    ]
    return _capped(problems, path, total=len(located) + len(hidden))


def _fast_raw_loc(document: _yaml.Document, error: Any) -> tuple[str | int, ...]:
    loc = tuple(error["loc"])
    return _raw_loc(document, loc) if "claims" in loc else loc


def _fast_position(
    document: _yaml.Document, loc: tuple[str | int, ...], key: bool
) -> _yaml.Position:
    """``document.position(loc, key=key)``, with a short way for a loc that is in the file."""
    if key:
        found = document.keys.get(loc)
        if found is not None:
            return found
    found = document.values.get(loc)
    if found is not None:
        return found
    return document.position(loc, key=key)


_LONGEST_NUMBER: Final = 4300  # digits Python converts; the reader keeps longer ones as text
_QUOTED: Final = re.compile(r"'([^']*)'")


def locate_error(document: _yaml.Document, error: Any, model: type[BaseModel]) -> Problem | None:
    """One pydantic error as a problem at the line and column of the key or value it is about."""
    pydantic_loc = tuple(error["loc"])
    loc = _raw_loc(document, pydantic_loc)
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        return _unknown_key(document, model, pydantic_loc, loc)
    if kind == "missing":
        parent = loc[:-1]
        where = f" in {'.'.join(str(p) for p in parent)}" if parent else ""
        return document.problem(parent, f"missing required key {_short(loc[-1])}{where}")
    if kind in ("literal_error", "enum"):
        choices = _QUOTED.findall(str(ctx.get("expected", "")))
        retired = (
            retired_value(".".join(map(str, loc[1:3])), value) if loc[:1] == ("terms",) else None
        )
        hint = f" ({retired})" if retired else did_you_mean(value, choices)
        return document.problem(loc, f"{_show(value)} is not one of: {', '.join(choices)}{hint}")
    if kind == "bool_type":
        hint = ""
        if isinstance(value, str) and value.lower() in ("true", "false"):
            hint = " (remove the quotes)"
        elif isinstance(value, str) and value.lower() in ("yes", "no", "on", "off", "y", "n"):
            hint = " (write true or false; yes/no/on/off are text)"
        return document.problem(loc, f"expected true or false, got {_show(value)}{hint}")
    if kind in ("float_type", "int_type", "float_parsing", "int_parsing"):
        return document.problem(loc, _not_a_number(kind, value))
    if kind == "finite_number":
        return document.problem(loc, f"expected a finite number, got {_show(value)}")
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        if bound == 0 and kind == "greater_than_equal":
            return document.problem(loc, f"must not be negative, got {_show(value)}")
        return document.problem(loc, f"must be at least {_show(bound)}, got {_show(value)}")
    if kind == "string_type":
        quote = " (put it in quotes to make it text)" if isinstance(value, (int, float)) else ""
        return document.problem(loc, f"expected text, got {_show(value)}{quote}")
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return document.problem(loc, f"expected a mapping of keys, got {_show(value)}")
    if kind in ("tuple_type", "list_type"):
        return document.problem(loc, f"expected a list, got {_show(value)}")
    if kind == "string_pattern_mismatch":
        return document.problem(
            loc, f"{_show(value)} must be lower-case letters, digits and dashes (like sora-alpha)"
        )
    if kind == "string_too_long":
        return document.problem(loc, f"must be at most {ctx.get('max_length')} characters long")
    if kind == "too_short":
        return document.problem(loc, "must not be empty")
    message = str(error["msg"]).removeprefix("Value error, ")
    if message.startswith("a value needs a source") and loc[:1] == ("terms",):
        message += ", or give the section a `source:`"
    return document.problem(loc, message)


def _unknown_key(
    document: _yaml.Document,
    model: type[BaseModel],
    pydantic_loc: tuple[str | int, ...],
    loc: tuple[str | int, ...],
) -> Problem:
    name = loc[-1]
    holder, value_type = _holder(model, pydantic_loc)
    if holder is not None and issubclass(holder, Term):
        # A mapping with neither `value` nor `claims`: say how a term is written, once.
        written = _node(document.data, loc[:-1])
        keys = list(written) if isinstance(written, dict) else [name]
        meant = [(k, c) for k in keys if (c := _closest(k, ("value", "claims")))]
        hint = f" (did you mean {meant[0][1]!r} for {_short(meant[0][0])}?)" if meant else ""
        if (
            isinstance(value_type, type)
            and issubclass(value_type, BaseModel)
            and set(keys) & set(value_type.model_fields)
        ):
            hint = " (put the mapping under `value:`, as in {value: {...}, source: ID})"
        return document.problem(
            loc[:-1],
            f"a term is written {_TERM_SHAPES}; this mapping has neither `value` nor "
            f"`claims` (its keys: {', '.join(_short(k) for k in keys)}){hint}",
        )
    fields = list(holder.model_fields) if holder is not None else []
    message = f"unknown key {_short(name)}{did_you_mean(name, fields)}"
    return document.problem(loc, message, key=True)


def _not_a_number(kind: str, value: Any) -> str:
    wanted = "a whole number" if kind.startswith("int") else "a number"
    if isinstance(value, str) and value.lower().lstrip("+-") in (".inf", ".nan"):
        return f"expected {wanted}, got {_show(value)} (infinity and NaN are not allowed)"
    if (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, str) and len(value) > _LONGEST_NUMBER and value.lstrip("+-").isdigit()
    ):
        return f"expected {wanted}, got a number too large to use"
    if isinstance(value, str) and value.strip().lstrip("+-").replace(".", "", 1).isdigit():
        return f"expected {wanted}, got the text {_show(value)} (remove the quotes)"
    return f"expected {wanted}, got {_show(value)}"


def _short(name: object) -> str:
    text = repr(name)
    return text if len(text) <= 60 else text[:56] + "...'"


def _show(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, float):  # short, unless that would hide what makes it wrong
        return f"{value:g}" if float(f"{value:g}") == value else repr(value)
    if isinstance(value, int) and len(str(value)) > 30:
        return "a very long number"
    return _short(value)
