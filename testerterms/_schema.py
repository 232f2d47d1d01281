"""The JSON Schema of a program file (draft-07, for editors and the YAML language server).

Built from the model, so there is one place for each fact: field names, allowed values,
bounds and the descriptions (the docstring under each field) all come from
:mod:`testerterms.model`. Pydantic writes JSON Schema 2020-12, and describes a term as the
``{claims: [...]}`` object it becomes after validation, whatever its value type. A program
file is what a person writes, so this module describes each term as it is written:
``unknown``; a plain value (in a section with a ``source:``: a scalar, a list, or a mapping
such as ``{hours: 5}``); ``{value, source, quote, party, note, since, until}``;
``{claims: [...]}``; or ``{history: [...]}``.

The schema is looser than :func:`testerterms.parse_program` in two ways JSON Schema
cannot say: it does not check that cited source ids exist, and it allows a plain value
in a section without a ``source:``. ``testerterms validate`` checks both.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import json
import textwrap
from functools import cache
from typing import Annotated, Any, Final, get_args, get_origin

from pydantic import BaseModel, TypeAdapter
from pydantic.fields import FieldInfo

from . import model as _model
from .model import UNKNOWN, Fact, Program, Section, Source, Span, Terms, term_value_type

DRAFT_07: Final = "http://json-schema.org/draft-07/schema#"
SCHEMA_FILE: Final = "program.schema.json"
"""The name the schema is published under (``schema/program.schema.json`` in the repository)."""

_REF: Final = "#/definitions/"
_SOURCE_IDS: Final = {
    "description": "The id of a source under `sources:`, or a list of ids.",
    "anyOf": [
        {"type": "string"},
        {"type": "array", "items": {"type": "string"}, "minItems": 1},
    ],
}
_TEXT_OR_EMPTY: Final = {"type": ["string", "null"]}
# What a model validator accepts beyond its fields' types, said in JSON Schema.
_MODEL_EXTRAS: Final[dict[type[BaseModel], dict[str, Any]]] = {
    Source: {
        "anyOf": [{"required": ["url"]}, {"required": ["seed"]}, {"required": ["path"]}],
    },
}
_FIELD_OVERRIDES: Final[dict[tuple[type[BaseModel], str], dict[str, Any]]] = {
    # Span turns a year written as a number (2024) into text.
    (Span, "start"): {"type": ["string", "integer", "null"]},
    (Span, "end"): {"type": ["string", "integer", "null"]},
}


def program_schema() -> dict[str, Any]:
    """The draft-07 JSON Schema of a program file, as a dict."""
    builder = _Builder()
    body = builder.model(Program)
    return {
        "$schema": DRAFT_07,
        "title": "testerterms program",
        **body,
        "definitions": dict(sorted(builder.definitions.items())),
    }


def schema_text() -> str:
    """:func:`program_schema` as the JSON text written to ``schema/program.schema.json``."""
    return json.dumps(program_schema(), indent=2, ensure_ascii=False) + "\n"


@cache
def field_docs(model: type[BaseModel]) -> dict[str, str]:
    """The docstring written under each field of ``model`` (and its bases), by field name."""
    docs: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if not (isinstance(cls, type) and issubclass(cls, BaseModel)) or cls is BaseModel:
            continue
        try:
            source = textwrap.dedent(inspect.getsource(cls))
        except (OSError, TypeError):  # no source (a frozen build): descriptions are optional
            continue
        tree = ast.parse(source)
        body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
        for statement, following in itertools.pairwise(body):
            if (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                docs[statement.target.id] = " ".join(following.value.value.split())
    return docs


def model_doc(model: type[BaseModel]) -> str:
    """The first paragraph of a model's docstring, on one line."""
    doc = inspect.getdoc(model) or ""
    return " ".join(doc.split("\n\n")[0].split())


CODEBOOK: Final = "docs/codebook.md"
"""How a source's words give each value of each term (in the repository and the sdist)."""


def codebook_anchor(key: str) -> str:
    """The anchor GitHub gives the codebook's heading for a term (``compensation.money`` ->
    ``compensationmoney``): lower case, punctuation other than ``-`` and ``_`` dropped."""
    return "".join(c for c in key.lower() if c.isalnum() or c in "-_ ").replace(" ", "-")


def codebook_link(key: str) -> str:
    """The sentence a term's schema description ends with: where the codebook reads it."""
    return f"Which words give each value: {CODEBOOK}#{codebook_anchor(key)}"


_SECTION_NAMES: Final = {Terms.model_fields[name].annotation: name for name in Terms.SECTIONS}


class _Builder:
    def __init__(self) -> None:
        self.definitions: dict[str, Any] = {
            "SourceIds": _SOURCE_IDS,
            "Party": _leaf(Fact.model_json_schema()["properties"]["party"]["anyOf"][0]),
        }

    def ref(self, model: type[BaseModel]) -> dict[str, Any]:
        name = model.__name__
        if name not in self.definitions:
            self.definitions[name] = {}  # reserve the name first: models may nest
            self.definitions[name] = self.model(model)
        return {"$ref": _REF + name}

    def model(self, model: type[BaseModel]) -> dict[str, Any]:
        docs = dict(field_docs(model))
        if issubclass(model, Section):
            section = _SECTION_NAMES[model]
            for name in model.term_names():
                docs[name] = f"{docs.get(name, '')} {codebook_link(f'{section}.{name}')}".strip()
        generated = model.model_json_schema()["properties"]
        properties: dict[str, Any] = {}
        for name, info in model.model_fields.items():
            written = self.field(model, name, info, generated.get(name, {}))
            if name in docs:
                # Draft-07 ignores keys beside "$ref"; "allOf" keeps the description.
                body = {"allOf": [written]} if "$ref" in written else written
                written = {"description": docs[name], **body}
            properties[name] = written
        required = [name for name, info in model.model_fields.items() if info.is_required()]
        schema: dict[str, Any] = {}
        if description := model_doc(model):
            schema["description"] = description
        schema.update({"type": "object", "properties": properties})
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        schema.update(_MODEL_EXTRAS.get(model, {}))
        return schema

    def field(
        self, owner: type[BaseModel], name: str, info: FieldInfo, generated: dict[str, Any]
    ) -> dict[str, Any]:
        if (owner, name) in _FIELD_OVERRIDES:
            return _FIELD_OVERRIDES[(owner, name)]
        if name == "source" and issubclass(owner, Section):
            return {"$ref": _REF + "SourceIds"}
        annotation: Any = info.annotation
        value_type = term_value_type(annotation, info.metadata)
        if value_type is not None:
            return self.term(value_type, plain=issubclass(owner, Section))
        if _is_model(annotation):
            return self.value(annotation, plain=issubclass(owner, Section))
        if get_origin(annotation) is dict:
            schema = {
                "type": "object",
                "additionalProperties": self.value(get_args(annotation)[1], plain=False),
            }
            if "minProperties" in generated:
                schema["minProperties"] = generated["minProperties"]
            return schema
        return _leaf(generated)

    def value(self, annotation: Any, *, plain: bool) -> dict[str, Any]:
        value_type = term_value_type(annotation)
        if value_type is not None:
            return self.term(value_type, plain=plain)
        if _is_model(annotation):
            return self.ref(annotation)
        return _leaf(TypeAdapter(annotation).json_schema())

    def term(self, value_type: Any, *, plain: bool) -> dict[str, Any]:
        """A term as written: unknown, a plain value, one fact, or several claims.

        ``plain`` is true inside a section, whose ``source:`` backs plain values and
        facts written without a source. Section terms share one definition per value
        type (``Term.Money``); the few terms outside sections are written out in place.
        """
        value = self.value(value_type, plain=False)
        shapes: list[dict[str, Any]] = [{"const": UNKNOWN}]
        if plain:  # any plain value (a list, a mapping such as {hours: 5}) in a section
            shapes.append(value)
        shapes.append(self.fact(value, source_required=not plain))
        shapes.append(
            {
                "type": "object",
                "properties": {
                    "claims": {
                        "description": "Facts from different sources, which may disagree.",
                        "type": "array",
                        "items": self.fact(value, source_required=True),
                    }
                },
                "required": ["claims"],
                "additionalProperties": False,
            }
        )
        dated = self.fact(value, source_required=not plain)
        dated["anyOf"] = [{"required": ["since"]}, {"required": ["until"]}]
        shapes.append(
            {
                "type": "object",
                "properties": {
                    "history": {
                        "description": "The values the term had over time, each with `since` "
                        "and/or `until`; the entries without `until` are current.",
                        "type": "array",
                        "items": dated,
                        "minItems": 1,
                    }
                },
                "required": ["history"],
                "additionalProperties": False,
            }
        )
        schema = {"anyOf": shapes}
        if not plain:
            return schema
        name = f"Term.{_type_name(value_type)}"
        self.definitions[name] = schema
        return {"$ref": _REF + name}

    def fact(self, value: dict[str, Any], *, source_required: bool) -> dict[str, Any]:
        docs = field_docs(Fact)
        properties = {
            "value": value,
            "source": {"$ref": _REF + "SourceIds"},
            "quote": _TEXT_OR_EMPTY,
            "party": {"description": docs.get("party", ""), "allOf": [{"$ref": _REF + "Party"}]},
            "quoting": {
                "description": docs.get("quoting", ""),
                "enum": list(get_args(_model.Quoted)),
            },
            "note": _TEXT_OR_EMPTY,
            "since": {
                "description": docs.get("since", ""),
                "type": ["string", "integer", "null"],
            },
            "until": {
                "description": docs.get("until", ""),
                "type": ["string", "integer", "null"],
            },
        }
        return {
            "type": "object",
            "properties": properties,
            "required": ["value", "source"] if source_required else ["value"],
            "additionalProperties": False,
        }


_TYPE_NAMES: Final = {"StrictBool": "Boolean", "StrictStr": "Text"}


def _type_name(annotation: Any) -> str:
    """A readable name for a term's value type: the alias it has in the model module."""
    for name, value in vars(_model).items():
        if not name.startswith("_") and value is annotation:
            return _TYPE_NAMES.get(name, name)
    if get_origin(annotation) is Annotated:  # a bound alias used inside a union
        return _type_name(get_args(annotation)[0])
    if get_origin(annotation) is tuple:
        return f"{_type_name(get_args(annotation)[0])}List"
    raise TypeError(f"name the value type {annotation!r} in testerterms.model")


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _leaf(generated: dict[str, Any]) -> dict[str, Any]:
    """Pydantic's schema of a plain field, without its generated title and null default."""
    schema = {k: v for k, v in generated.items() if k != "title"}
    if schema.get("default", 0) is None:
        del schema["default"]
    options = schema.get("anyOf")
    if isinstance(options, list) and {"type": "null"} in options and len(options) == 2:
        (other,) = (o for o in options if o != {"type": "null"})
        if set(other) == {"type"}:  # `str | None` reads better as one type list
            del schema["anyOf"]
            schema = {"type": [other["type"], "null"], **schema}
    return schema
