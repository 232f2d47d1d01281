"""Program files in, :class:`Program` out, with every error located at ``path:line:col``."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, get_args, get_origin

from pydantic import BaseModel, ValidationError

from . import _yaml
from .errors import LoadError, Problem
from .model import Program, Section, Term

SUFFIXES: Final = (".yaml", ".yml")


def bundled_programs_dir() -> Path:
    """The program files shipped with the package (or the repository's, when run from source)."""
    here = Path(__file__).resolve().parent
    inside = here / "programs"
    return inside if inside.is_dir() else here.parent / "programs"


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


def find_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders into their ``*.yaml``/``*.yml`` files (sorted); keep files as given."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
        else:
            found.append(path)
    return found


def load_program(path: str | Path) -> Program:
    """Load one program file; raise :class:`LoadError` with every problem found."""
    program, _ = load_program_with_warnings(path)
    return program


def load_program_with_warnings(path: str | Path) -> tuple[Program, list[Problem]]:
    path = Path(path)
    if not path.exists():
        raise LoadError([Problem(str(path), 1, 1, "no such file or folder")])
    if path.is_dir():
        raise LoadError([Problem(str(path), 1, 1, "is a folder: use load_programs for folders")])
    text = _yaml.read_text(path)
    return parse_program(text, str(path))


def parse_program(text: str, path: str = "<text>") -> tuple[Program, list[Problem]]:
    """Parse program YAML ``text``; ``path`` is only used to name the file in messages."""
    document = _yaml.parse(text, path)
    problems = _source_problems(document)
    try:
        program = Program.model_validate(document.data)
    except ValidationError as exc:
        problems += [
            problem
            for error in exc.errors(include_url=False)
            if (problem := locate_error(document, error, Program)) is not None
        ]
        raise LoadError(problems) from None
    if problems:
        raise LoadError(problems)
    return program, _warnings(document, program)


def load_programs(paths: Iterable[str | Path] = ()) -> LoadResult:
    """Load every program below ``paths`` (the bundled ones when empty); bad files do not stop the rest."""
    given = list(paths) or [bundled_programs_dir()]
    result = LoadResult()
    for given_path in given:
        if not Path(given_path).exists():
            result.problems.append(Problem(str(given_path), 1, 1, "no such file or folder"))
            result.failed.append(Path(given_path))
    files = find_files(p for p in given if Path(p).exists())
    for path in files:
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


def iter_programs(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Program | LoadError]]:
    """Yield each file with its program or its error, one at a time (for streaming output)."""
    for path in find_files(paths):
        try:
            yield path, load_program(path)
        except LoadError as exc:
            yield path, exc


# --- sources -----------------------------------------------------------------------------------


def _facts(raw: Any, loc: _yaml.Loc) -> Iterator[tuple[_yaml.Loc, Any]]:
    """(loc of the source value, source value) for each fact written in a raw term."""
    if isinstance(raw, dict) and isinstance(raw.get("claims"), list):
        for index, claim in enumerate(raw["claims"]):
            if isinstance(claim, dict) and "source" in claim:
                yield (*loc, "claims", index, "source"), claim["source"]
    elif isinstance(raw, dict) and "source" in raw:
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


def _source_problems(document: _yaml.Document) -> list[Problem]:
    sources = document.data.get("sources")
    if not isinstance(sources, dict):
        return []
    problems = []
    for loc, source in _cited(document):
        if source not in sources:
            hint = _did_you_mean(source, sources)
            problems.append(document.problem(loc, f"unknown source {source!r}{hint}"))
    return problems


def _warnings(document: _yaml.Document, program: Program) -> list[Problem]:
    cited = program.cited_sources()
    return [
        Problem(document.path, *document.position(("sources", sid), key=True),
                f"source {sid!r} is never cited", severity="warning")
        for sid in program.sources
        if sid not in cited
    ]


# --- pydantic errors to located problems -------------------------------------------------------


def _did_you_mean(word: object, choices: Iterable[str]) -> str:
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that holds the last key of ``loc``, following the raw YAML path."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(current, type) and issubclass(current, BaseModel):
            field_info = current.model_fields.get(str(part))
            if field_info is None:
                return None
            current = field_info.annotation
        else:
            return None
        current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """Peel Optional, dict values and Term wrappers down to a model class where there is one."""
    origin = get_origin(annotation)
    if origin is dict:
        return get_args(annotation)[1]
    if isinstance(annotation, type) and issubclass(annotation, Term):
        return annotation
    args = [a for a in get_args(annotation) if a is not type(None)]
    if origin is not None and len(args) == 1:
        return _unwrap(args[0])
    return annotation


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


_QUOTED: Final = re.compile(r"'([^']*)'")


def locate_error(document: _yaml.Document, error: Any, model: type[BaseModel]) -> Problem | None:
    loc = _raw_loc(document, tuple(error["loc"]))
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        name = loc[-1]
        holder = _model_at(model, tuple(p for p in loc if not isinstance(p, int)))
        fields = [f for f in holder.model_fields if f not in ("source", "quote")] if holder else []
        if holder is not None and issubclass(holder, Section):
            fields += ["source", "quote"]
        return document.problem(loc, f"unknown key {name!r}{_did_you_mean(name, fields)}", key=True)
    if kind == "missing":
        parent = loc[:-1]
        where = f" in {'.'.join(str(p) for p in parent)}" if parent else ""
        return document.problem(parent, f"missing required key {loc[-1]!r}{where}")
    if kind in ("literal_error", "enum"):
        choices = _QUOTED.findall(error.get("ctx", {}).get("expected", ""))
        shown = ", ".join(choices)
        hint = _did_you_mean(value, choices)
        return document.problem(loc, f"{_show(value)} is not one of: {shown}{hint}")
    if kind == "bool_type":
        hint = " (write true or false; yes/no/on/off are text)" if isinstance(value, str) else ""
        return document.problem(loc, f"expected true or false, got {_show(value)}{hint}")
    if kind in ("float_type", "int_type", "float_parsing", "int_parsing"):
        return document.problem(loc, f"expected a number, got {_show(value)}")
    if kind == "finite_number":
        return document.problem(loc, f"expected a finite number, got {_show(value)}")
    if kind in ("greater_than_equal", "greater_than"):
        bound = error.get("ctx", {}).get("ge", error.get("ctx", {}).get("gt"))
        return document.problem(loc, f"must be at least {bound}, got {_show(value)}")
    if kind in ("string_type",):
        return document.problem(loc, f"expected text, got {_show(value)}")
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return document.problem(loc, f"expected a mapping of keys, got {_show(value)}")
    if kind in ("tuple_type", "list_type"):
        return document.problem(loc, f"expected a list, got {_show(value)}")
    if kind == "string_pattern_mismatch":
        return document.problem(
            loc, f"{_show(value)} must be lower-case letters, digits and dashes (like sora-alpha)"
        )
    if kind == "too_short":
        return document.problem(loc, "must not be empty")
    message = str(error["msg"]).removeprefix("Value error, ")
    return document.problem(loc, message)


def _show(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"
