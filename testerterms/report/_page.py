"""The report page: scorecards (already scored) in, one HTML document and its charts out."""

from __future__ import annotations

import importlib
import io
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
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
from ._charts import (
    BADGE_TEXT,
    CHART_ROWS,
    GRADE_COLOURS,
    UNGRADED,
    UNGRADED_INK,
    Chart,
    category_chart,
    range_chart,
)

EXTRA: Final = "the report command needs the 'report' extra: pip install 'testerterms[report]'"
OUTCOME_WORDS: Final = {
    "met": "met",
    "partly": "partly met",
    "not-met": "not met",
    "unknown": "not known",
    "n/a": "does not apply",
}
LINK_SCHEMES: Final = frozenset({"http", "https"})
SHORT_NAME: Final = 120
"""The longest name or organization a table shows; the program's section shows it all."""
_FOLDED: Final = '<details class="program-body">'
"""How each program's section starts (folded); the page's only section is opened."""


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
    """The page and its charts. ``html`` is the page as UTF-8 bytes, ready to write: a page of
    thousands of programs is tens of megabytes, and text of that size would cost two to four
    times as much memory as a ``str``."""

    html: bytes
    charts: tuple[Chart, ...] = field(default=())
    programs: int = 0


# --- the view the template reads ---------------------------------------------------------------


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}".removesuffix(".0")


def _headline(card: Scorecard, profile: Profile) -> dict[str, Any]:
    worst, best = card.range
    return {
        "grade": card.grade,
        "colour": GRADE_COLOURS[card.grade] if card.grade else UNGRADED,
        "badge_text": BADGE_TEXT[card.grade] if card.grade else UNGRADED_INK,
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


@dataclass(frozen=True)
class _Ranked:
    """What the page keeps of a program once its section is written: its place in the
    ranking, its row, the scorecard for the charts (without findings) and the section itself
    (compressed: a few kilobytes of HTML each, thousands of them)."""

    key: tuple[bool, int, float]
    index: int
    row: dict[str, Any]
    card: Scorecard
    section: bytes


def _short(text: str, limit: int = SHORT_NAME) -> str:
    """``text`` for a table or a label: at most ``limit`` characters, cut at a space where
    there is one, with an ellipsis. The full text is in the program's section."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + "…"


def _environment() -> Any:
    import jinja2
    from markupsafe import Markup

    def shown(value: Any) -> Any:
        """Every value a template prints: control characters and bidi overrides shown as
        escapes, as in a terminal (the SVG of the charts, already markup, is left as it is).
        Autoescaping then makes it text."""
        if isinstance(value, str) and not isinstance(value, Markup):
            return _escape.terminal(value, keep_newlines=True)
        return value

    return jinja2.Environment(
        loader=jinja2.PackageLoader("testerterms.report", "templates"),
        autoescape=True,
        finalize=shown,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _section(
    index: int, program: Program, cards: Sequence[Scorecard], profiles: Sequence[Profile]
) -> dict[str, Any]:
    """The view of one program's section of the page."""
    card, main = cards[0], profiles[0]
    anchor = f"program-{index + 1}"
    # Source ids come from the file: anchors are numbered instead.
    sources = {sid: f"{anchor}-source-{n}" for n, sid in enumerate(program.sources, 1)}
    return {
        "anchor": anchor,
        "id": program.id,
        "name": program.name,
        "organization": program.organization,
        "kind": program.kind,
        "example": card.example,
        "period": str(program.period) if program.period.start or program.period.end else None,
        "as_of": program.as_of,
        "summary": program.summary,
        "headline": _headline(card, main),
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
        "sources": [_source(sid, s, sources[sid]) for sid, s in program.sources.items()],
        "source_anchors": sources,
    }


def _row(
    section: dict[str, Any], cards: Sequence[Scorecard], profiles: Sequence[Profile]
) -> dict[str, Any]:
    """The view of one program's rows in the page's tables (the ranking, the profiles'
    disagreements, the charts' tables): short texts only."""
    return {
        "anchor": section["anchor"],
        "id": section["id"],
        "name": _short(section["name"]),
        "organization": _short(section["organization"]),
        "kind": section["kind"],
        "example": section["example"],
        "headline": section["headline"],
        "by_profile": [_headline(c, p) for c, p in zip(cards, profiles, strict=True)],
        "disagreements": _disagreements(cards) if len(profiles) > 1 else [],
        "categories": {c.category: c for c in cards[0].categories},
    }


def _chart_view(chart: Chart, rows: Sequence[dict[str, Any]], total: int) -> dict[str, Any]:
    from markupsafe import Markup

    return {
        "name": chart.name,
        "title": chart.title,
        "description": chart.description,
        # matplotlib escapes the text it draws; the SVG is its own markup.
        "svg": Markup(chart.svg),
        "rows": rows,
        "cut": total > len(rows),
        "total": total,
    }


def build_report(
    scored: Iterable[tuple[Program, Sequence[Scorecard]]],
    profiles: Sequence[Profile],
    *,
    title: str = "How fair are the terms of tester programs?",
) -> Report:
    """The page for programs each scored under every profile (one card per profile, in the
    order of ``profiles``; the first profile ranks them).

    ``scored`` is read once, as it comes: each program's section is written as soon as it is
    scored, and only a compressed copy of it is kept, so a caller that yields programs one
    by one holds none of them for long. The charts show the first :data:`CHART_ROWS`
    programs in the ranking's order; the tables show every program."""
    check_extra()
    from markupsafe import Markup

    if not profiles:
        raise UsageError("a report needs at least one profile")
    environment = _environment()
    section_template = environment.get_template("program.html.j2")
    ranked: list[_Ranked] = []
    for index, (program, cards) in enumerate(scored):
        section = _section(index, program, cards, profiles)
        html = section_template.render(e=section)
        ranked.append(
            _Ranked(
                key=rank_key(cards[0]),
                index=index,
                row=_row(section, cards, profiles),
                card=replace(cards[0], findings=()),
                section=zlib.compress(html.encode("utf-8"), 1),
            )
        )
    ranked.sort(key=lambda r: (r.key, r.index))
    real = [r.row for r in ranked if not r.row["example"]]
    groups = {
        "graded": [row for row in real if row["headline"]["grade"]],
        "ungraded": [row for row in real if not row["headline"]["grade"]],
        "examples": [r.row for r in ranked if r.row["example"]],
    }
    # Rows are in the ranking's order already (graded, ungraded, then examples).
    shown = [r.card for r in ranked[:CHART_ROWS]]
    charts: tuple[Chart, ...] = ()
    if shown:
        charts = (category_chart(shown, len(ranked)), range_chart(shown, len(ranked)))
    chart_rows = [r.row for r in ranked[:CHART_ROWS]]
    categories = [
        (code, CATEGORIES[code])
        for code in CATEGORIES
        if any(code in row["categories"] for row in chart_rows)
    ]

    def sections() -> Iterator[Markup]:
        # A program's section opens by itself when it is the page's only one.
        for r in ranked:
            html = zlib.decompress(r.section).decode("utf-8")
            if len(ranked) == 1:
                html = html.replace(_FOLDED, f"{_FOLDED[:-1]} open>", 1)
            yield Markup(html)

    page = environment.get_template("report.html.j2").generate(
        title=title,
        tool_version=__version__,
        profiles=[_profile(p) for p in profiles],
        groups=groups,
        rows=[r.row for r in ranked],
        sections=sections(),
        charts=[_chart_view(c, chart_rows, len(ranked)) for c in charts],
        categories=categories,
        catalogue=_catalogue(profiles),
        outcome_words=OUTCOME_WORDS,
    )
    out = io.BytesIO()
    for chunk in page:
        out.write(chunk.encode("utf-8"))
    return Report(html=out.getvalue(), charts=charts, programs=len(ranked))
