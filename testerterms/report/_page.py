"""The report page: scorecards (already scored) in, one HTML document and its charts out."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import urlsplit

from .. import _escape
from .._version import __version__
from ..errors import UsageError
from ..model import Program, Source
from ..profiles import Profile
from ..render._base import blockers_text, grade_text, span_text, turning_point_text
from ..render._width import paragraphs
from ..rules import CATALOGUE, CATEGORIES
from ..scoring import FactUsed, Finding, Scorecard, rank_key
from ._charts import GRADE_COLOURS, UNGRADED, Chart, category_chart, range_chart

EXTRA: Final = "the report command needs the 'report' extra: pip install 'testerterms[report]'"
OUTCOME_WORDS: Final = {
    "met": "met",
    "partly": "partly met",
    "not-met": "not met",
    "unknown": "not known",
    "n/a": "does not apply",
}
LINK_SCHEMES: Final = frozenset({"http", "https"})


def check_extra() -> None:
    """Raise :class:`UsageError` naming the extra when Jinja2 or matplotlib is missing."""
    missing = []
    for module in ("jinja2", "matplotlib"):
        try:
            importlib.import_module(module)
        except ImportError:
            missing.append(module)
    if missing:
        raise UsageError(f"{EXTRA} ({', '.join(missing)} not installed)")


def safe_href(url: str | None) -> str | None:
    """``url`` if it may be a link (http or https, with a host), else None.

    Anything with whitespace or control characters is refused outright: browsers drop tabs
    and newlines inside a URL, so ``java\\tscript:`` would otherwise become ``javascript:``.
    """
    if not url or any(ord(c) <= 0x20 or 0x7F <= ord(c) <= 0x9F for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    return url if _escape.link_target(url) == url else None


def is_example(program: Program) -> bool:
    """An example built for comparison (the reference program), not a real program."""
    return program.kind == "reference"  # as Scorecard.example says


@dataclass(frozen=True)
class Report:
    html: str
    charts: tuple[Chart, ...] = field(default=())


# --- the view the template reads ---------------------------------------------------------------


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}".removesuffix(".0")


def _headline(card: Scorecard, profile: Profile) -> dict[str, Any]:
    worst, best = card.range
    return {
        "grade": card.grade,
        "colour": GRADE_COLOURS[card.grade] if card.grade else UNGRADED,
        "score": card.score if card.grade else None,
        "score_text": _num(card.score),
        "worst": worst,
        "best": best,
        "range_text": f"{_num(worst)}–{_num(best)}",
        "coverage": round(card.coverage * 100),
        "min_coverage": round(profile.min_coverage * 100),
        "blockers": list(card.blockers),
        "blockers_text": blockers_text(card),
        "blocker_cap": card.blocker_cap,
        "grade_text": grade_text(card),
        "possible_text": span_text(card.possible_grades),
        "turns_on": [turning_point_text(point) for point in card.turns_on],
        "range_exact": card.range_exact,
        "disputed_terms": list(card.disputed_terms),
        "other_disputes": list(card.other_disputes),
        "profile": profile.id,
    }


def _source(sid: str, source: Source, anchor: str) -> dict[str, Any]:
    return {
        "id": sid,
        "anchor": anchor,
        "title": source.title,
        "by": ", ".join(p for p in (source.author, source.publisher) if p),
        "via": source.via,
        "date": source.date,
        "party": source.party,
        "evidence": source.evidence,
        "url": source.url,
        "href": safe_href(source.url),
        "mirrors": [{"url": m, "href": safe_href(m)} for m in source.mirrors],
        "seed": source.seed,
        "path": source.path,
        "note": source.note,
    }


def _fact(fact: FactUsed) -> dict[str, Any]:
    return {
        "term": fact.term,
        "value": fact.value,
        "quote": fact.quote,
        "sources": list(fact.sources),
        "party": fact.party,
        "evidence": fact.evidence,
        "since": fact.since,
        "until": fact.until,
    }


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "title": finding.title,
        "outcome": finding.outcome,
        "outcome_text": OUTCOME_WORDS[finding.outcome],
        "possible": [OUTCOME_WORDS[o] for o in finding.possible]
        if len(finding.possible) > 1
        else [],
        "history": [_fact(fact) for fact in finding.history],
        "evidence": finding.evidence,
        "disputed": finding.disputed,
        "reason": finding.reason,
        "weight": f"{finding.weight:g}",
        "facts": [_fact(fact) for fact in finding.facts],
    }


def _asks(card: Scorecard, profile: Profile) -> dict[str, list[dict[str, str]]]:
    def clause(f: Finding) -> dict[str, str]:
        rule = CATALOGUE[f.rule]
        return {
            "rule": f.rule,
            "title": f.title,
            "clause": rule.remedy.clause_for(profile.parameters),
        }

    return {
        "change": [clause(f) for f in card.findings if f.outcome in ("not-met", "partly")],
        "confirm": [clause(f) for f in card.findings if f.outcome == "unknown"],
    }


def _disagreements(cards: Sequence[Scorecard]) -> list[dict[str, Any]]:
    """The rules whose outcome differs between profiles, with each profile's outcome."""
    rows = []
    for code in CATALOGUE:
        outcomes = []
        for card in cards:
            try:
                outcomes.append(OUTCOME_WORDS[card.finding(code).outcome])
            except KeyError:
                outcomes.append("not in profile")
        if len(set(outcomes)) > 1:
            rows.append({"rule": code, "title": CATALOGUE[code].title, "outcomes": outcomes})
    return rows


def _profile(profile: Profile) -> dict[str, Any]:
    bands = [(g, f"{profile.grades[g]:g}") for g in ("A", "B", "C", "D")]
    return {
        "id": profile.id,
        "version": profile.version,
        "title": profile.title,
        "description": paragraphs(profile.description),
        "bands": bands,
        "below_d": f"{profile.grades['D']:g}",
        "min_coverage": round(profile.min_coverage * 100),
        "disputes": profile.disputes,
        "blockers": [(code, grade) for code, grade in profile.blockers.items()],
        "parameters": [
            (k, f"{v:g}" if isinstance(v, float) else str(v).lower())
            for k, v in profile.parameters.model_dump().items()
        ],
    }


def _catalogue(profiles: Sequence[Profile]) -> list[dict[str, Any]]:
    return [
        {
            "code": rule.code,
            "title": rule.title,
            "category": CATEGORIES[rule.category],
            "basis": rule.basis,
            "rationale": paragraphs(rule.rationale),
            "citations": [{"source": c.source, "quote": c.quote} for c in rule.citations],
            "clause": rule.remedy.clause_for(profiles[0].parameters),
            "terms": list(rule.terms),
            "weights": [
                (p.id, f"{p.rules[rule.code]:g}" if rule.code in p.rules else "–") for p in profiles
            ],
        }
        for rule in CATALOGUE.values()
    ]


def build_report(
    scored: Sequence[tuple[Program, Sequence[Scorecard]]],
    profiles: Sequence[Profile],
    *,
    title: str = "How fair are the terms of tester programs?",
) -> Report:
    """The page for programs each scored under every profile (one card per profile, in the
    order of ``profiles``; the first profile ranks them)."""
    check_extra()
    import jinja2
    from markupsafe import Markup

    if not profiles:
        raise UsageError("a report needs at least one profile")
    main = profiles[0]
    entries: list[dict[str, Any]] = []
    for index, (program, cards) in enumerate(scored):
        card = cards[0]
        anchor = f"program-{index + 1}"
        # Source ids come from the file: anchors are numbered instead.
        sources = {sid: f"{anchor}-source-{n}" for n, sid in enumerate(program.sources, 1)}
        entries.append(
            {
                "anchor": anchor,
                "id": program.id,
                "name": program.name,
                "organization": program.organization,
                "kind": program.kind,
                "example": card.example,
                "period": str(program.period)
                if program.period.start or program.period.end
                else None,
                "as_of": program.as_of,
                "summary": program.summary,
                "headline": _headline(card, main),
                "by_profile": [_headline(c, p) for c, p in zip(cards, profiles, strict=True)],
                "categories": [
                    {
                        "name": CATEGORIES[c.category],
                        "score": _num(c.score),
                        "coverage": round(c.coverage * 100),
                    }
                    for c in card.categories
                ],
                "findings": [_finding(f) for f in card.findings],
                "asks": _asks(card, main),
                "disagreements": _disagreements(cards) if len(profiles) > 1 else [],
                "sources": [_source(sid, s, sources[sid]) for sid, s in program.sources.items()],
                "source_anchors": sources,
                "card": card,
            }
        )
    ranked = sorted(entries, key=lambda e: rank_key(e["card"]))
    real = [e for e in ranked if not e["example"]]
    groups = {
        "graded": [e for e in real if e["headline"]["grade"]],
        "ungraded": [e for e in real if not e["headline"]["grade"]],
        "examples": [e for e in ranked if e["example"]],
    }
    in_order = groups["graded"] + groups["ungraded"] + groups["examples"]
    cards_in_order = [e["card"] for e in in_order]
    charts: tuple[Chart, ...] = ()
    if cards_in_order:
        examples = len(groups["examples"])
        charts = (category_chart(cards_in_order, examples), range_chart(cards_in_order, examples))

    def shown(value: Any) -> Any:
        """Every value a template prints: control characters and bidi overrides shown as
        escapes, as in a terminal (the SVG of the charts, already markup, is left as it is).
        Autoescaping then makes it text."""
        if isinstance(value, str) and not isinstance(value, Markup):
            return _escape.terminal(value, keep_newlines=True)
        return value

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("testerterms.report", "templates"),
        autoescape=True,
        finalize=shown,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = environment.get_template("report.html.j2")
    html = template.render(
        title=title,
        tool_version=__version__,
        profiles=[_profile(p) for p in profiles],
        groups=groups,
        programs=in_order,
        charts=[
            {
                "name": c.name,
                "title": c.title,
                "description": c.description,
                # matplotlib escapes the text it draws; the SVG is its own markup.
                "svg": Markup(c.svg),
            }
            for c in charts
        ],
        catalogue=_catalogue(profiles),
        outcome_words=OUTCOME_WORDS,
    )
    return Report(html=html, charts=charts)
