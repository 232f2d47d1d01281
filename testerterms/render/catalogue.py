"""The rule catalogue and the profiles as text: table, Markdown and JSON."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from typing import Any

from .. import _escape
from .._escape import json_dumps
from .._version import __version__
from ..profiles import Profile
from ..rules import CATALOGUE, CATEGORIES, Rule
from ._base import paragraphs
from ._width import fit_table, terminal_width, wrap_lines


def rule_json(rule: Rule, profiles: Sequence[Profile]) -> dict[str, Any]:
    return {
        "code": rule.code,
        "title": rule.title,
        "category": rule.category,
        "basis": rule.basis,
        "rationale": rule.rationale,
        "citations": [{"source": c.source, "quote": c.quote} for c in rule.citations],
        "terms": list(rule.terms),
        "remedy": {
            "terms": dict(rule.remedy.terms),
            "clause": rule.remedy.clause_for(profiles[0].parameters),
        },
        "weights": {p.id: p.rules.get(rule.code) for p in profiles},
        "blocker": {p.id: p.blockers.get(rule.code) for p in profiles},
    }


def profile_json(profile: Profile) -> dict[str, Any]:
    return {
        "id": profile.id,
        "version": profile.version,
        "title": profile.title,
        "description": profile.description,
        "rules": profile.rules,
        "parameters": profile.parameters.model_dump(),
        "grades": profile.grades,
        "min_coverage": profile.min_coverage,
        "disputes": profile.disputes,
        "blockers": profile.blockers,
    }


def rules_text(profiles: Sequence[Profile], fmt: str) -> str:
    """The whole catalogue: one row per rule, with its weight under each profile."""
    if fmt == "json":
        payload = {
            "tool_version": __version__,
            "profiles": [profile_json(p) for p in profiles],
            "rules": [rule_json(r, profiles) for r in CATALOGUE.values()],
        }
        return json_dumps(payload, indent=2) + "\n"
    from tabulate import tabulate

    t = _text_for(fmt)
    rows = [
        [t(r.code), t(CATEGORIES[r.category]), t(r.basis), t(r.title)]
        + [t(_weight(p, r.code)) for p in profiles]
        for r in CATALOGUE.values()
    ]
    headers = ["code", "category", "basis", "title"] + [t(p.id) for p in profiles]
    if fmt == "table":
        return fit_table(rows, headers) + "\n\n" + grades_text(profiles, fmt) + "\n"
    table = tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)
    return table + "\n\n" + grades_text(profiles, fmt) + "\n"


def _text_for(fmt: str) -> Callable[[object], str]:
    """The escape for text in a table of this format (Markdown cells, or a terminal's)."""
    return _escape.markdown if fmt == "markdown" else _escape.terminal


def _weight(profile: Profile, code: str) -> str:
    weight = profile.rules.get(code)
    if weight is None:
        return "–"
    cap = profile.blockers.get(code)
    return f"{weight:g}" + (f" (caps at {cap})" if cap else "")


def grades_text(profiles: Sequence[Profile], fmt: str) -> str:
    from tabulate import tabulate

    t = _text_for(fmt)
    rows = [
        [
            t(p.id),
            t(p.version),
            *(f"≥{p.grades[g]:g}" for g in ("A", "B", "C", "D")),  # numbers: nothing to escape
            f"<{p.grades['D']:g}",
            f"{p.min_coverage * 100:.0f}%",
            t(p.disputes),
            t(", ".join(f"{c} not met → at most {g}" for c, g in p.blockers.items()) or "–"),
        ]
        for p in profiles
    ]
    headers = [
        "profile",
        "version",
        "A",
        "B",
        "C",
        "D",
        "E",
        "grade needs coverage",
        "disputes",
        "blockers",
    ]
    if fmt == "table":
        return fit_table(rows, headers)
    return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)


def rule_text(rule: Rule, profiles: Sequence[Profile], fmt: str) -> str:
    """One rule explained: rationale, citations, terms read, remedy and weights."""
    if fmt == "json":
        return json_dumps(rule_json(rule, profiles), indent=2) + "\n"
    rationale = rule.rationale
    if fmt == "table":  # reflowed to the terminal's width
        rationale = "\n\n".join(
            textwrap.fill(p, terminal_width(), break_on_hyphens=False)
            for p in paragraphs(rule.rationale)
        )
    lines = [
        f"{rule.code}: {rule.title}",
        f"category: {CATEGORIES[rule.category]}; basis: {rule.basis}",
        "",
        rationale,
        "",
        "Citations:",
        *(f'  - {c.source}: "{c.quote}"' for c in rule.citations),
        "",
        "Terms read: " + ", ".join(rule.terms),
        "",
        "Remedy: " + ", ".join(f"{k}: {_yaml_value(v)}" for k, v in rule.remedy.terms.items()),
        "Clause: " + rule.remedy.clause_for(profiles[0].parameters),
        "",
        "Weight per profile: " + ", ".join(f"{p.id} {_weight(p, rule.code)}" for p in profiles),
    ]
    if rule.folds_into:
        lines.append(
            f"Does not apply without its subject; its weight then counts toward {rule.folds_into}."
        )
    # The catalogue is code, but a profile's id and parameters come from a file.
    text = "\n".join(_escape.terminal(line, keep_newlines=True) for line in lines)
    return (wrap_lines(text, terminal_width()) if fmt == "table" else text) + "\n"


def _yaml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def profiles_text(profiles: Sequence[Profile], fmt: str) -> str:
    if fmt == "json":
        return json_dumps([profile_json(p) for p in profiles], indent=2) + "\n"
    from tabulate import tabulate

    t = _text_for(fmt)
    rows = [[t(p.id), t(p.version), t(p.title), len(p.rules), t(p.disputes)] for p in profiles]
    headers = ["profile", "version", "title", "rules", "disputes"]
    if fmt == "table":
        return fit_table(rows, headers) + "\n"
    return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True) + "\n"
