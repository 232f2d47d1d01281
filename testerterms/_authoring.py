"""Writing program files: the commented starter file of ``init``, and programs back to YAML.

The starter's comments are generated: each term's description is the docstring under its
field in :mod:`testerterms.model`, its allowed values come from its type, and the values
that meet each rule come from the remedies in :data:`testerterms.rules.CATALOGUE`.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from types import UnionType
from typing import Annotated, Any, Final, Literal, Union, get_args, get_origin

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from . import _yaml
from ._files import DEFAULT_ID
from .model import UNKNOWN, Fact, Program, Section, Term, Terms, term_value_type
from .rules import CATALOGUE

WIDTH: Final = 92
"""Where comments in the starter file wrap."""

# --- the starter file ----------------------------------------------------------------------------

_HEADER: Final = """\
A tester program for testerterms, started by `testerterms init`.

Write down what the program's terms say, with the source each fact rests on, and leave
the rest `unknown`: unknown is a value, never counted as met or as not met. Which words give
which value: docs/codebook.md in the testerterms repository (silence is unknown, a message
after a decision is not notice, "should" is not a duty, the press quoting the company by name
is written `quoting: organization`). Check the file with `testerterms validate FILE`; score it
with `testerterms score FILE`.

A term is written in one of four ways:
  money: everyone                     # a plain value, backed by the section's `source:`
  conditions: [winners]               # a list is a plain value too
  money: {value: everyone, source: S1, quote: "every participant is paid"}
  money:                              # sources that disagree: the term is disputed
    claims:
      - {value: some, source: S1}
      - {value: none, source: S2, party: participants}
  money:                              # a value that changed: not a dispute
    history:                          # the entries without `until` are current and score
      - {value: per-result, until: "2025-01", source: S1}
      - {value: none, since: "2025-01", source: S2}
Outside the sections (participants, events) there is no section source: write
participants: {value: 200, source: S1}.
Dates and numbers-as-words are text: write "2024-11-26" or 2024-11-26, both stay text.
Booleans are true or false (yes/no are not booleans here)."""

_PLACEHOLDERS: Final = {
    "name": "Name of the program",
    "organization": "Who runs it",
    "kind": "beta",
}
_COMMENTED: Final = {
    "period": 'period: {start: "2025-01", end: "2025-06"}',
    "as_of": 'as_of: "2025-01-31"',
    "summary": "summary: >-\n  What the program is, who takes part, and what happened.",
    "events": 'events:\n  launch: {value: "2025-03", source: S1}',
}
_SOURCE: Final = """\
sources:
  # {doc}
  S1:
    title: The program's written terms (replace with the real title)
    party: organization  # {party}
    url: https://example.org/terms"""


def starter_program(program_id: str = DEFAULT_ID, *, schema: str | None = None) -> str:
    """The commented starter program file ``init`` writes.

    Every term is ``unknown``, so the file validates and scores as unknown throughout.
    ``schema`` is where the ``yaml-language-server`` modeline points, if given.
    """
    lines: list[str] = []
    if schema:
        lines += [f"# yaml-language-server: $schema={schema}", "#"]
    lines += _comment(_HEADER, keep_lines=True)
    lines.append("#")
    lines += _rules_index()
    lines.append("")
    from ._schema import field_docs  # here: dump_program (ask, suggest) needs none of it

    docs = field_docs(Program)
    for name, info in Program.model_fields.items():
        if name == "terms":
            continue
        lines += _identity_field(name, info, docs.get(name, ""), program_id)
    lines.append("")
    lines.append("terms:")
    for section_name in Terms.SECTIONS:
        section = Terms.model_fields[section_name].annotation
        assert isinstance(section, type) and issubclass(section, Section)
        lines.append("")
        lines += _section(section_name, section)
    return "\n".join(lines) + "\n"


def _identity_field(name: str, info: FieldInfo, doc: str, program_id: str) -> list[str]:
    if name == "id":
        return [*_comment(doc), f"id: {program_id}"]
    if name in _PLACEHOLDERS:
        value = _PLACEHOLDERS[name]
        if name == "kind":
            doc += f" One of: {describe_values(info.annotation, info.metadata)}."
        return [*_comment(doc), f"{name}: {value}"]
    if name in _COMMENTED:
        return [*_comment(doc), *_comment(_COMMENTED[name], keep_lines=True)]
    if name == "participants":
        return [*_comment(doc), f"{name}: {UNKNOWN}"]
    if name == "participant_unit":
        doc += f" One of: {describe_values(info.annotation, info.metadata)}."
        return [*_comment(doc), f"{name}: people"]
    if name == "sources":
        party = describe_values(get_args(info.annotation)[1].model_fields["party"].annotation)
        return ["", *_SOURCE.format(doc=doc, party=party).splitlines()]
    raise AssertionError(f"the starter file does not say how to write Program.{name}")


def _section(name: str, section: type[Section]) -> list[str]:
    from ._schema import field_docs, model_doc

    lines = [f"  {name}:", *_comment(model_doc(section), indent=4)]
    lines += _comment("The source that backs the plain values of this section.", indent=4)
    lines.append("    source: S1")
    docs = field_docs(section)
    remedies = _remedies()
    for term_name, info in section.model_fields.items():
        value_type = term_value_type(info.annotation, info.metadata)
        if value_type is None:
            continue
        lines += _comment(docs.get(term_name, term_name), indent=4)
        values = describe_values(value_type)
        if isinstance(value_type, type) and issubclass(value_type, BaseModel):
            values += ", written inside `value:` ({value: {...}, source: ...})"
        lines += _comment(f"values: {values}", indent=4, lead="  ", hanging="  ")
        for value, codes in remedies.get(f"{name}.{term_name}", {}).items():
            lines += _comment(f"meets {', '.join(codes)}: {value}", indent=4, lead="  ")
        lines.append(f"    {term_name}: {UNKNOWN}")
    return lines


def _rules_index() -> list[str]:
    lines = _comment(
        "The rules, and the term values that meet each one "
        "(`testerterms rules CODE` explains a rule and its clause):"
    )
    for rule in CATALOGUE.values():
        lines += _comment(f"{rule.code}  {rule.title}", hanging=" " * 8)
        remedy = ", ".join(f"{k}: {_yaml_scalar(v)}" for k, v in rule.remedy.terms.items())
        lines += _comment(f"        -> {remedy}", hanging="           ")
    return lines


def _remedies() -> dict[str, dict[str, list[str]]]:
    """For each term, the rules whose remedy sets it, grouped by the value they need."""
    found: dict[str, dict[str, list[str]]] = {}
    for rule in CATALOGUE.values():
        for key, value in rule.remedy.terms.items():
            found.setdefault(key, {}).setdefault(_yaml_scalar(value), []).append(rule.code)
    return found


def describe_values(annotation: Any, metadata: Any = ()) -> str:
    """The values a type allows, in words (``none, some, per-result, everyone``)."""
    bounds = list(metadata)
    while get_origin(annotation) is Annotated:
        annotation, *extra = get_args(annotation)
        bounds += extra
    origin = get_origin(annotation)
    at_least_zero = any(getattr(b, "ge", None) == 0 for b in _flatten(bounds))
    if origin is Literal:
        return ", ".join(str(a) for a in get_args(annotation))
    if origin in (Union, UnionType):
        members = [a for a in get_args(annotation) if a is not type(None)]
        described = " or ".join(describe_values(a) for a in members)
        return described + (" (optional)" if len(members) < len(get_args(annotation)) else "")
    if origin is tuple:
        return f"a list of: {describe_values(get_args(annotation)[0])}"
    if annotation is bool:
        return "true, false"
    if annotation is int:
        return "a whole number" + (", 0 or more" if at_least_zero else "")
    if annotation is float:
        return "a number" + (", 0 or more" if at_least_zero else "")
    if annotation is str:
        return "text"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        parts = [
            f"{name}: {describe_values(info.annotation, info.metadata)}"
            for name, info in annotation.model_fields.items()
        ]
        return "{" + "; ".join(parts) + "}"
    return str(annotation)


def _flatten(bounds: list[Any]) -> Iterator[Any]:
    for bound in bounds:
        yield bound
        yield from getattr(bound, "metadata", ())


def _comment(
    text: str, *, indent: int = 0, keep_lines: bool = False, lead: str = "", hanging: str = ""
) -> list[str]:
    prefix = " " * indent + "# " + lead
    text = text.replace("``", "`")  # docstrings use reST literals; a comment reads Markdown
    if keep_lines:
        return [(prefix + line).rstrip() for line in text.splitlines()]
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=prefix,
        subsequent_indent=prefix + hanging,
        break_on_hyphens=False,
    )


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# --- programs back to YAML -----------------------------------------------------------------------


def dump_program(program: Program, *, schema: str | None = None) -> str:
    """``program`` as program YAML that :func:`testerterms.parse_program` reads back equal.

    A term with one fact is written ``{value, source, ...}``, with several as ``claims``;
    unknown terms and default values are left out.
    """
    text = yaml.dump(
        _plain(program),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=WIDTH,
    )
    modeline = f"# yaml-language-server: $schema={schema}\n" if schema else ""
    return modeline + text


def _plain(value: Any) -> Any:
    if isinstance(value, Term):
        if value.history:
            return {"history": [_plain(fact) for fact in value.history]}
        facts = [_plain(fact) for fact in value.claims]
        if not facts:
            return UNKNOWN
        return facts[0] if len(facts) == 1 else {"claims": facts}
    if isinstance(value, Fact):
        fact = {"value": _plain(value.value), "source": _source_ids(value.source)}
        fact.update(
            {
                k: v
                for k in ("quote", "party", "quoting", "note", "since", "until")
                if (v := getattr(value, k)) is not None
            }
        )
        return fact
    if isinstance(value, BaseModel):
        out: dict[str, Any] = {}
        for name, info in type(value).model_fields.items():
            item = getattr(value, name)
            if item is None or (not info.is_required() and item == info.get_default()):
                continue
            out[name] = _source_ids(item) if name == "source" else _plain(item)
        return out
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    return value


def _source_ids(ids: tuple[str, ...]) -> str | list[str]:
    return ids[0] if len(ids) == 1 else list(ids)


class _Dumper(yaml.SafeDumper):
    """Safe YAML out, quoting any text that the reader would otherwise take for a number."""

    def ignore_aliases(self, data: Any) -> bool:
        return True  # the reader refuses anchors and aliases

    def write_double_quoted(self, text: str, split: bool = True) -> None:
        # With allow_unicode, PyYAML writes bidi controls (U+202E...) as they are, and a
        # terminal showing the file would reorder the text around them ("Trojan Source"):
        # a text holding one is written with every character past ASCII as an escape
        # (\u202E), which reads back to the same text.
        if not _BIDI.search(text):
            super().write_double_quoted(text, split)
            return
        keep = self.allow_unicode
        self.allow_unicode = False
        try:
            super().write_double_quoted(text, split)
        finally:
            self.allow_unicode = keep


_BIDI: Final = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    # PyYAML quotes what YAML 1.1 would misread; the reader here also reads 1e5 and 0789
    # as numbers and refuses a plain `<<`, so quote those too.
    # Unicode line breaks (NEL, LS, PS) fold to spaces unless escaped in double quotes.
    style: str | None = None
    if any(character in _UNICODE_BREAKS for character in text) or _BIDI.search(text):
        style = '"'
    elif text == "<<" or _yaml.resolve_plain(text) != text:
        style = "'"
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_UNICODE_BREAKS: Final = frozenset("\x85\u2028\u2029")


_Dumper.add_representer(str, _represent_text)
