"""Scorecards, rules and profiles as text: table, markdown, json, jsonl, csv, sarif.

Renderers only format what the scorer produced; they never score and never print. The CLI's
``--format`` choices are the keys of :data:`REPORTERS`.

The names are imported on first use (PEP 562): ``rules`` and ``profiles`` need only
:mod:`.catalogue`, not the scorecard reporters and the program model behind them.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from ._base import Reporter, Scored, grade_text
    from .catalogue import (
        grades_text,
        profile_json,
        profiles_text,
        rule_json,
        rule_text,
        rules_text,
    )
    from .data import CsvReporter, JsonLinesReporter, JsonReporter, document_json, program_json
    from .sarif import SarifReporter
    from .text import MarkdownReporter, TableReporter

    REPORTERS: Mapping[str, type[Reporter]]


_REPORTER_CLASSES: Final = {
    "table": "TableReporter",
    "markdown": "MarkdownReporter",
    "json": "JsonReporter",
    "jsonl": "JsonLinesReporter",
    "csv": "CsvReporter",
    "sarif": "SarifReporter",
}


class _Reporters(Mapping[str, "type[Reporter]"]):
    """The reporters by format name, each imported when it is first looked up: a table
    written from the cache's pieces imports no other reporter (SARIF's reads the loader)."""

    def __getitem__(self, name: str) -> type[Reporter]:
        reporter: type[Reporter] = __getattr__(_REPORTER_CLASSES[name])
        return reporter

    def __iter__(self) -> Iterator[str]:
        return iter(_REPORTER_CLASSES)

    def __len__(self) -> int:
        return len(_REPORTER_CLASSES)


def _reporters() -> Mapping[str, type[Reporter]]:
    return _Reporters()


_LAZY = {
    **dict.fromkeys(["Reporter", "Scored", "grade_text"], "_base"),
    **dict.fromkeys(
        ["grades_text", "profile_json", "profiles_text", "rule_json", "rule_text", "rules_text"],
        "catalogue",
    ),
    **dict.fromkeys(
        ["CsvReporter", "JsonLinesReporter", "JsonReporter", "document_json", "program_json"],
        "data",
    ),
    **dict.fromkeys(["MarkdownReporter", "TableReporter"], "text"),
    "SarifReporter": "sarif",
}


def __getattr__(name: str) -> Any:
    if name == "REPORTERS":
        value: Any = _reporters()
    elif name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})


__all__ = [
    "REPORTERS",
    "CsvReporter",
    "JsonLinesReporter",
    "JsonReporter",
    "MarkdownReporter",
    "Reporter",
    "SarifReporter",
    "Scored",
    "TableReporter",
    "document_json",
    "grade_text",
    "grades_text",
    "profile_json",
    "profiles_text",
    "program_json",
    "rule_json",
    "rule_text",
    "rules_text",
]
