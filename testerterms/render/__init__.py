"""Scorecards, rules and profiles as text: table, markdown, json, jsonl, csv, sarif.

Renderers only format what the scorer produced; they never score and never print. The CLI's
``--format`` choices are the keys of :data:`REPORTERS`.
"""

from __future__ import annotations

from ._base import Reporter, Scored, grade_text
from .catalogue import grades_text, profile_json, profiles_text, rule_json, rule_text, rules_text
from .data import CsvReporter, JsonLinesReporter, JsonReporter, document_json, program_json
from .sarif import SarifReporter
from .text import MarkdownReporter, TableReporter

REPORTERS: dict[str, type[Reporter]] = {
    "table": TableReporter,
    "markdown": MarkdownReporter,
    "json": JsonReporter,
    "jsonl": JsonLinesReporter,
    "csv": CsvReporter,
    "sarif": SarifReporter,
}

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
