"""The rule catalogue and the profiles as text: table, Markdown and JSON."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from typing import Any

from .. import _escape
from .._escape import json_dumps
from .._version import __version__
from ..profiles import Profile, ProfileCitation, Standard
from ..rules import CATALOGUE, CATEGORIES, TEXTS, Citation, Rule
from ._width import fit_table, paragraphs, terminal_width, wrap_lines


def rule_json(rule: Rule, profiles: Sequence[Profile]) -> dict[str, Any]:
    return {
        "code": rule.code,
        "title": rule.title,
        "category": rule.category,
        "basis": rule.basis,
        "rationale": rule.rationale,
        "citations": [_citation_json(c) for c in rule.citations],
        "profile_citations": {
            p.id: [_profile_citation_json(c) for c in p.citations_for(rule.code)]
            for p in profiles
            if p.citations_for(rule.code)
        },
        "terms": list(rule.terms),
        "remedy": {
            "terms": dict(rule.remedy.terms),
            "clause": rule.remedy.clause_for(profiles[0].parameters),
        },
        "fallback": None
        if rule.fallback is None
        else {
            "terms": dict(rule.fallback.terms),
            "clause": rule.fallback.clause_for(profiles[0].parameters),
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
        "standard": None if profile.standard is None else profile.standard.model_dump(),
        "citations": [_profile_citation_json(c) for c in profile.citations],
    }


def _citation_json(citation: Citation) -> dict[str, Any]:
    return {
        "source": citation.source,
        "title": citation.title,
        "url": citation.url,
        "quote": citation.quote,
    }


def _profile_citation_json(citation: ProfileCitation) -> dict[str, Any]:
    return citation.model_dump(mode="json")


def _citation_line(citation: Citation) -> str:
    """A rule's citation as one line: the text's name, its title, the quote, its URL."""
    titled = f" ({citation.title})" if citation.title and citation.title != citation.source else ""
    where = f" <{citation.url}>" if citation.url else ""
    return f'  - {citation.source}{titled}: "{citation.quote}"{where}'


def _profile_citation_line(citation: ProfileCitation, fmt: str = "table") -> str:
    """A profile's citation as one line, escaped for ``fmt`` (its text comes from a file)."""
    t = _text_for(fmt)
    by = f"{citation.publisher}, " if citation.publisher else ""
    dated = f" ({citation.date})" if citation.date else ""
    line = t(f'{by}{citation.title}{dated}: "{citation.quote}"')
    return line + _link(citation.url, fmt)


def standard_text(standard: Standard | None, fmt: str = "table") -> str:
    """A profile's standard in one line, escaped for ``fmt``: publisher, title, date, URL."""
    if standard is None:
        return "–"
    line = _text_for(fmt)(f"{standard.publisher}: {standard.title} ({standard.date})")
    return line + (_link(standard.url, fmt) if standard.url else "")


def sources_text(fmt: str = "table") -> str:
    """Every text the catalogue cites: its name, title and URL (the seed articles have none)."""
    cited = dict.fromkeys(c.source for r in CATALOGUE.values() for c in r.citations)
    lines = ["Sources the rules cite:"]
    for name in cited:
        text = TEXTS.get(name)
        if text is None:
            lines.append(f"- {name}")
            continue
        t = _text_for(fmt)
        title = f" — {text.title}" if text.title != name else ""
        by = (
            f" ({text.publisher}" + (f", {text.date}" if text.date else "") + ")"
            if text.publisher
            else ""
        )
        where = _link(text.url, fmt) if text.url else t(" (a seed article, read as a file)")
        note = t(f"; {text.note}") if text.note else ""
        lines.append(f"- {t(name + title + by)}{where}{note}")
    return "\n".join(lines)


def rules_text(profiles: Sequence[Profile], fmt: str) -> str:
    """The whole catalogue: one row per rule, with its weight under each profile."""
    if fmt == "json":
        payload = {
            "tool_version": __version__,
            "profiles": [profile_json(p) for p in profiles],
            "rules": [rule_json(r, profiles) for r in CATALOGUE.values()],
        }
        return json_dumps(payload, indent=2) + "\n"
    t = _text_for(fmt)
    rows = [
        [t(r.code), t(CATEGORIES[r.category]), t(r.basis), t(r.title)]
        + [t(_weight(p, r.code)) for p in profiles]
        for r in CATALOGUE.values()
    ]
    headers = ["code", "category", "basis", "title"] + [t(p.id) for p in profiles]
    sources = sources_text(fmt)
    if fmt == "table":
        sources = wrap_lines(sources, terminal_width())
        return (
            fit_table(rows, headers) + "\n\n" + grades_text(profiles, fmt) + "\n\n" + sources + "\n"
        )
    table = _markdown_table(rows, headers)
    return table + "\n\n" + grades_text(profiles, fmt) + "\n\n" + sources + "\n"


def _markdown_table(rows: Sequence[Sequence[Any]], headers: Sequence[str]) -> str:
    """A GitHub Markdown table (tabulate is imported here: the terminal's tables do not use
    it, and importing it costs a fifth of a catalogue command's start-up)."""
    from tabulate import tabulate

    return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)


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
    return _markdown_table(rows, headers)


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
        *(_citation_line(c) for c in rule.citations),
        "",
        "Terms read: " + ", ".join(rule.terms),
        "",
        "Remedy: " + ", ".join(f"{k}: {_yaml_value(v)}" for k, v in rule.remedy.terms.items()),
        "Clause: " + rule.remedy.clause_for(profiles[0].parameters),
        *(
            []
            if rule.fallback is None
            else [
                "Fallback (meets it at least in part): "
                + ", ".join(f"{k}: {_yaml_value(v)}" for k, v in rule.fallback.terms.items()),
                "Fallback clause: " + rule.fallback.clause_for(profiles[0].parameters),
            ]
        ),
        "",
        "Weight per profile: " + ", ".join(f"{p.id} {_weight(p, rule.code)}" for p in profiles),
    ]
    backing = [(p, c) for p in profiles for c in p.citations_for(rule.code)]
    if backing:
        lines += ["", "Profiles that weigh it, and the words they rest on:"]
        lines += [f"  - {p.id}: {_profile_citation_line(c)}" for p, c in backing]
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
    t = _text_for(fmt)
    rows = [
        [t(p.id), t(p.version), t(p.title), len(p.rules), t(p.disputes), t(_standard_cell(p))]
        for p in profiles
    ]
    headers = ["profile", "version", "title", "rules", "disputes", "standard"]
    table = fit_table(rows, headers) if fmt == "table" else _markdown_table(rows, headers)
    lines = ["", "Sources:"]
    for p in profiles:
        lines.append(f"- {t(p.id)}: {standard_text(p.standard, fmt)}")
        lines += [f"  - {_profile_citation_line(c, fmt)}" for c in p.citations]
    sources = "\n".join(lines)
    if fmt == "table":
        sources = wrap_lines(sources, terminal_width())
    return table + "\n" + sources + "\n"


def _standard_cell(profile: Profile) -> str:
    if profile.standard is None:
        return "–"
    return f"{profile.standard.publisher} ({profile.standard.date})"


def _link(url: str, fmt: str) -> str:
    """A URL after the text it locates: ``<url>``, an autolink in Markdown where the URL is a
    safe web link; otherwise shown as escaped text, never as a link."""
    target = _escape.link_target(url)
    if fmt == "markdown":
        if target is not None and not any(c in target for c in " <>\\`"):
            return f" <{target}>"
        return f" {_escape.markdown(url)}"
    return f" <{_escape.terminal(url)}>"
