"""The rule catalogue: one entry per recommendation, the single source of every rule's text.

Each rule is a check function decorated with its metadata, in a module per category; its
docstring is the rule's rationale (``rules CODE`` prints it). The first fifteen cite the seed
articles (``_seeds``); the rules of the published standards (payment, likeness, research,
representation, due_process) cite the standards' own words with their URLs (``_standards``).
Importing this package registers every rule in :data:`CATALOGUE`, ordered by category (the
order of :data:`CATEGORIES`) and, within a category, in the order the rules are defined.
"""

from __future__ import annotations

from . import (  # published standards
    confidentiality,
    control,
    credit,
    due_process,
    likeness,
    pay,
    payment,
    representation,
    research,
    security,
    transparency,
    voice,
)
from ._core import (
    CATALOGUE,
    CATEGORIES,
    CREDIT,
    OUTCOMES,
    TEXTS,
    Basis,
    Check,
    Citation,
    CitedText,
    Outcome,
    Parameters,
    Remedy,
    Rule,
    Thresholds,
    Values,
    Verdict,
    get_rule,
    met,
    not_applicable,
    not_met,
    partly,
    remedy_terms,
    rule,
    thresholds_of,
)

_MODULES = (pay, control, credit, transparency, confidentiality, voice, security)  # registered
_STANDARDS = (payment, likeness, research, representation, due_process)  # registered


def _in_category_order() -> None:
    order = list(CATEGORIES)
    ordered = sorted(CATALOGUE.values(), key=lambda entry: order.index(entry.category))
    CATALOGUE.clear()
    CATALOGUE.update((entry.code, entry) for entry in ordered)


_in_category_order()

__all__ = [
    "CATALOGUE",
    "CATEGORIES",
    "CREDIT",
    "OUTCOMES",
    "TEXTS",
    "Basis",
    "Check",
    "Citation",
    "CitedText",
    "Outcome",
    "Parameters",
    "Remedy",
    "Rule",
    "Thresholds",
    "Values",
    "Verdict",
    "get_rule",
    "met",
    "not_applicable",
    "not_met",
    "partly",
    "remedy_terms",
    "rule",
    "thresholds_of",
]
