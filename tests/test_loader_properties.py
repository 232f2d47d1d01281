"""Properties of the loader: whatever it is given, it fails only with LoadError; and a
valid program written back to YAML loads to an equal program."""

from __future__ import annotations

import random
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from testerterms import LoadError, Program, load_program, parse_program
from testerterms._authoring import dump_program
from testerterms.model import Party, Section, Terms, term_value_type

from .conftest import PROGRAMS, SORA

YAML_CHARACTERS = "ab:- \n\t[]{},&*!|>'\"#%@`?<~.0123456789eE+\\\x85\u2028\ufeff\x07é"
TRICKY_TEXT = [
    "yes", "No", "on", "true", "False", "null", "~", "", "1e5", "0789", "1_000", ".inf",
    "-.5", "2024-11-26", "12:30", "unknown", "<<", "a: b", "- x", "#c", " lead", "trail ",
    "two\nlines", "it's \"quoted\"", "\ttab", "%x", "@x", "`x", "!x", "&x", "*x", "{x}",
    "[x]", "?", ":", "-", "---", "...", "é ☃ 🎉", "\x85", "\u2028", "a\x00b", "\ufeff",
]  # fmt: skip
LOADER = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parse_or_refuse(text: str | bytes) -> None:
    try:
        parse_program(text, "f.yaml")
    except LoadError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.line >= 1 and problem.col >= 1 and problem.message


# --- anything in, only LoadError out ------------------------------------------------------------


@LOADER
@given(st.text())
def test_any_text_loads_or_raises_load_error(text: str) -> None:
    _parse_or_refuse(text)


@LOADER
@given(st.text(alphabet=YAML_CHARACTERS, max_size=200))
def test_yaml_looking_text_loads_or_raises_load_error(text: str) -> None:
    _parse_or_refuse(text)


@LOADER
@given(st.binary(max_size=400))
def test_any_bytes_load_or_raise_load_error(data: bytes) -> None:
    _parse_or_refuse(data)


@LOADER
@given(st.randoms(use_true_random=False), st.integers(min_value=1, max_value=20))
def test_a_real_program_mangled_at_random_loads_or_raises_load_error(
    rng: random.Random, edits: int
) -> None:
    text = list(SORA.read_text(encoding="utf-8"))
    pieces = [":", "-", " ", "\n", "{", "}", "[", "]", "&a", "*a", "!t", "'", '"', "yes", "x"]
    for _ in range(edits):
        at = rng.randrange(len(text))
        if rng.random() < 0.5:
            del text[at : at + rng.randrange(1, 40)]
        else:
            text.insert(at, rng.choice(pieces))
    _parse_or_refuse("".join(text))


# --- valid programs round-trip ------------------------------------------------------------------

texts = st.one_of(st.sampled_from(TRICKY_TEXT), st.text(max_size=40))
ids = st.one_of(
    st.sampled_from(["S1", "seed-000", "yes", "1", "null", "2024-01-01", "<<", "a b", ""]),
    st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,8}", fullmatch=True),
)


def values_of(annotation: Any) -> st.SearchStrategy[Any]:
    """Values a term of this type may hold."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    origin = get_origin(annotation)
    if origin is Literal:
        return st.sampled_from(get_args(annotation))
    if origin is Union:
        return st.one_of(*(values_of(a) for a in get_args(annotation)))
    if origin is tuple:
        return st.lists(values_of(get_args(annotation)[0]), max_size=3)
    if annotation is type(None):
        return st.none()
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        return st.integers(min_value=0, max_value=10**30)
    if annotation is float:
        return st.one_of(
            st.floats(min_value=0, allow_nan=False, allow_infinity=False),
            st.integers(min_value=0, max_value=10**6),
        )
    if annotation is str:
        return texts
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        model = annotation
        return st.fixed_dictionaries(
            {
                name: values_of(info.annotation)
                for name, info in annotation.model_fields.items()
                if info.is_required()
            },
            optional={
                name: values_of(info.annotation)
                for name, info in annotation.model_fields.items()
                if not info.is_required()
            },
        ).filter(lambda data: _valid(model, data))  # e.g. a time range must not run backwards
    raise AssertionError(f"no strategy for {annotation!r}")


def _valid(model: type[BaseModel], data: Any) -> bool:
    try:
        model.model_validate(data)
    except ValidationError:
        return False
    return True


@st.composite
def facts(draw: st.DrawFn, annotation: Any, sources: list[str], *, source: bool = True) -> Any:
    fact: dict[str, Any] = {"value": draw(values_of(annotation))}
    if source:
        one = st.sampled_from(sources)
        fact["source"] = draw(st.one_of(one, st.lists(one, min_size=1, max_size=2)))
    for key in ("quote", "note"):
        if draw(st.booleans()):
            fact[key] = draw(texts)
    if draw(st.booleans()):
        fact["party"] = draw(st.sampled_from(get_args(Party)))
    return fact


@st.composite
def terms_written(
    draw: st.DrawFn, annotation: Any, sources: list[str], *, section_source: bool
) -> Any:
    shapes = ["unknown", "fact", "claims"]
    if (
        section_source
        and get_origin(annotation) is not tuple
        and not (isinstance(annotation, type) and issubclass(annotation, BaseModel))
    ):
        shapes.append("plain")
    shape = draw(st.sampled_from(shapes))
    if shape == "unknown":
        return "unknown"
    if shape == "plain":
        return draw(values_of(annotation))
    if shape == "fact":
        return draw(facts(annotation, sources, source=not section_source or draw(st.booleans())))
    return {"claims": draw(st.lists(facts(annotation, sources), max_size=3))}


@st.composite
def programs(draw: st.DrawFn) -> Program:
    source_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    parties = get_args(Party)
    sources = {
        sid: {
            "title": draw(texts),
            "party": draw(st.sampled_from(parties)),
            draw(st.sampled_from(["url", "seed", "path"])): draw(texts),
            **({"author": draw(texts)} if draw(st.booleans()) else {}),
            **({"date": draw(texts)} if draw(st.booleans()) else {}),
        }
        for sid in source_ids
    }
    sections: dict[str, Any] = {}
    for section_name in draw(st.lists(st.sampled_from(Terms.SECTIONS), unique=True)):
        section = Terms.model_fields[section_name].annotation
        assert isinstance(section, type) and issubclass(section, Section)
        body: dict[str, Any] = {}
        has_source = draw(st.booleans())
        if has_source:
            body["source"] = draw(st.sampled_from(source_ids))
            if draw(st.booleans()):
                body["quote"] = draw(texts)
        names = [n for n in section.model_fields if n not in ("source", "quote")]
        for name in draw(st.lists(st.sampled_from(names), unique=True)):
            info = section.model_fields[name]
            value_type = term_value_type(info.annotation, info.metadata)
            body[name] = draw(terms_written(value_type, source_ids, section_source=has_source))
        sections[section_name] = body
    participants = Program.model_fields["participants"]
    raw: dict[str, Any] = {
        "id": draw(st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)),
        "name": draw(texts),
        "organization": draw(texts),
        "kind": draw(st.sampled_from(get_args(Program.model_fields["kind"].annotation))),
        "sources": sources,
        "terms": sections,
        "participants": draw(
            terms_written(
                term_value_type(participants.annotation, participants.metadata),
                source_ids,
                section_source=False,
            )
        ),
        "events": {
            name: draw(terms_written(str, source_ids, section_source=False))
            for name in draw(st.lists(ids, max_size=2, unique=True))
        },
    }
    if draw(st.booleans()):
        raw["period"] = {"start": draw(texts), "end": draw(texts)}
    if draw(st.booleans()):
        raw["summary"] = draw(texts)
    return Program.model_validate(raw)


@LOADER
@given(programs())
def test_any_valid_program_dumped_to_yaml_loads_to_an_equal_program(program: Program) -> None:
    text = dump_program(program)
    loaded, _ = parse_program(text, "dumped.yaml")
    assert loaded == program, text


@pytest.mark.parametrize("path", sorted(PROGRAMS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_bundled_program_dumped_to_yaml_loads_to_an_equal_program(path: Any) -> None:
    program = load_program(path)
    assert parse_program(dump_program(program))[0] == program
