"""Advice as text: tables for the terminal, Markdown, JSON and CSV.

Renderers only format what the advice functions return. Text that came from a program
file is escaped for the format it lands in (see :mod:`._text`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final

from .._version import __version__
from ..profiles import Profile
from ..render import _csv
from ..rules import CATALOGUE, CATEGORIES
from ..scoring import Scorecard, show_value
from ._text import fit, grade_words, headline, md, num, plain, table

if TYPE_CHECKING:  # `diff` renders without importing compare's and suggest's machinery
    from .compare import Comparison
    from .diff import ProgramDiff
    from .suggest import Suggestion

SYMBOLS: Final = {"met": "✓", "partly": "½", "not-met": "✗", "unknown": "?", "n/a": "–"}
ASCII_SYMBOLS: Final = {"met": "+", "partly": "~", "not-met": "x", "unknown": "?", "n/a": "-"}
DISPUTED: Final = "!"

COMPARE_FORMATS: Final = ("table", "markdown", "json", "csv")
SUGGEST_FORMATS: Final = ("table", "markdown", "json", "csv")
DIFF_FORMATS: Final = ("table", "markdown", "json", "csv")


def _text_for(fmt: str) -> Any:
    return md if fmt == "markdown" else plain


# --- compare -------------------------------------------------------------------------------------


def _cell(outcome: str, disputed: bool, symbols: dict[str, str]) -> str:
    return symbols[outcome] + (DISPUTED if disputed else "")


def legend(ascii_only: bool = False) -> str:
    symbols = ASCII_SYMBOLS if ascii_only else SYMBOLS
    parts = [
        f"{symbols['met']} met",
        f"{symbols['partly']} partly",
        f"{symbols['not-met']} not met",
        f"{symbols['unknown']} unknown",
        f"{symbols['n/a']} does not apply",
        f"{DISPUTED} disputed (after the headline outcome the profile's policy picks)",
    ]
    return "Legend: " + ", ".join(parts)


def compare_json(comparison: Comparison) -> dict[str, Any]:
    return {
        "tool_version": __version__,
        "profiles": [
            {
                "id": view.profile.id,
                "version": view.profile.version,
                "programs": [
                    {
                        "id": card.program_id,
                        "name": card.program_name,
                        "score": card.score,
                        "range": list(card.range),
                        "coverage": card.coverage,
                        "grade": card.grade,
                        "rank": view.ranks[card.program_id],
                        "keeps_rank": None
                        if view.robustness is None
                        else view.robustness.kept[card.program_id],
                        "categories": {
                            c.category: {"score": c.score, "coverage": c.coverage}
                            for c in card.categories
                        },
                        "findings": {
                            f.rule: {"outcome": f.outcome, "disputed": f.disputed}
                            for f in card.findings
                        },
                    }
                    for card in view.cards
                ],
                "robustness": None
                if view.robustness is None
                else {
                    "samples": view.robustness.samples,
                    "seed": view.robustness.seed,
                    "spread": view.robustness.spread,
                },
            }
            for view in comparison.views
        ],
        "disagreements": [
            {"program": d.program_id, "grades": d.grades, "ranks": d.ranks, "rules": d.rules}
            for d in comparison.disagreements
        ],
    }


def render_comparison(
    comparison: Comparison,
    fmt: str = "table",
    *,
    ascii_only: bool = False,
    width: int | None = None,
) -> str:
    """The comparison as text; a ``table`` fits ``width`` columns (default: ``COLUMNS``, the
    terminal's width, or 100)."""
    if fmt == "json":
        return json.dumps(compare_json(comparison), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return _comparison_csv(comparison)
    symbols = ASCII_SYMBOLS if ascii_only else SYMBOLS
    text = _text_for(fmt)
    dash = "-" if ascii_only else "–"
    parts: list[str] = []
    for view in comparison.views:
        p = view.profile
        title = f"Profile: {text(p.id)} {text(p.version)} ({text(p.title)})"
        parts.append(f"**{title}**" if fmt == "markdown" else title)
        ids = [card.program_id for card in view.cards]
        rows = []
        for code in comparison.rules:
            if code not in p.rules:
                continue
            rows.append(
                [code, text(CATEGORIES[CATALOGUE[code].category])]
                + [
                    _cell(card.finding(code).outcome, card.finding(code).disputed, symbols)
                    for card in view.cards
                ]
            )
        for category in CATEGORIES:
            subtotals = [
                next((c for c in card.categories if c.category == category), None)
                for card in view.cards
            ]
            if all(s is None for s in subtotals):
                continue
            rows.append(
                [f"({text(CATEGORIES[category])})", "subtotal"]
                + [dash if s is None or s.score is None else f"{s.score:.0f}" for s in subtotals]
            )
        rows.append(["range", ""] + [f"{c.range[0]:.0f}{dash}{c.range[1]:.0f}" for c in view.cards])
        rows.append(["coverage", ""] + [f"{c.coverage * 100:.0f}%" for c in view.cards])
        rows.append(["score", ""] + [dash if c.grade is None else num(c.score) for c in view.cards])
        rows.append(["grade", ""] + [c.grade or "none" for c in view.cards])
        rows.append(["rank", ""] + [str(view.ranks[c.program_id]) for c in view.cards])
        if view.robustness is not None:
            rows.append(
                ["keeps rank", ""]
                + [f"{view.robustness.kept[c.program_id] * 100:.0f}%" for c in view.cards]
            )
        headers = ["rule", "category", *(text(i) for i in ids)]
        parts += ["", table(rows, headers, fmt, width), ""]
        if view.robustness is not None:
            r = view.robustness
            parts += [
                f"Keeps rank: the share of {r.samples} samples (seed {r.seed}) in which the "
                f"program keeps its rank when every weight varies by up to "
                f"{r.spread * 100:.0f}% either way.",
                "",
            ]
    parts.append(legend(ascii_only))
    parts.append(
        "Score is shown only with a grade; range and coverage always. Ranked by grade, then "
        "the worst case of the range."
    )
    if len(comparison.views) > 1:
        parts += ["", "Where the profiles disagree:"]
        if not comparison.disagreements:
            parts.append("  nowhere: every program has the same grade and rank under each profile")
        for d in comparison.disagreements:
            grades = ", ".join(f"{text(p)} {g or 'none'}" for p, g in d.grades.items())
            placed = ", ".join(f"{text(p)} #{r}" for p, r in d.ranks.items())
            parts.append(f"  {text(d.program_id)}: grade {grades}; rank {placed}")
            for code, outcomes in d.rules.items():
                said = ", ".join(f"{text(p)} {o}" for p, o in outcomes.items())
                parts.append(f"    {code}: {said}")
    return fit("\n".join(parts), fmt, width) + "\n"


COMPARE_CSV_FIELDS: Final = [
    "profile",
    "profile_version",
    "rank",
    "id",
    "name",
    *_csv.STANDING,
    "keeps_rank_percent",
    "rule",
    "outcome",
    "disputed",
]


def _comparison_csv(comparison: Comparison) -> str:
    """One row per profile, program and rule, in the CSV dialect every command writes; the
    programs of each profile in their ranking order."""

    def rows() -> Iterator[dict[str, object]]:
        for view in comparison.views:
            ranked = sorted(view.cards, key=lambda card: view.ranks[card.program_id])
            for card in ranked:
                kept = None if view.robustness is None else view.robustness.kept[card.program_id]
                common = {
                    "profile": view.profile.id,
                    "profile_version": view.profile.version,
                    "rank": view.ranks[card.program_id],
                    "id": card.program_id,
                    "name": card.program_name,
                    **_csv.standing(card.score, card.range, card.coverage, card.grade),
                    "keeps_rank_percent": None if kept is None else _csv.coverage_percent(kept),
                }
                for f in card.findings:
                    yield {
                        **common,
                        "rule": f.rule,
                        "outcome": _csv.outcome(f.outcome),
                        "disputed": f.disputed,
                    }

    return _csv.document(COMPARE_CSV_FIELDS, rows())


# --- suggest -------------------------------------------------------------------------------------


def suggestion_json(suggestion: Suggestion) -> dict[str, Any]:
    return {
        "tool_version": __version__,
        "profile": {"id": suggestion.profile_id, "version": suggestion.profile_version},
        "program": suggestion.program_id,
        "target": suggestion.target,
        "reached": suggestion.reached,
        "proven": suggestion.proven,
        "sets_tried": suggestion.sets_tried,
        "before": _standing_json(suggestion.before, suggestion.before_worst_grade),
        "after": _standing_json(suggestion.after, suggestion.after_worst_grade),
        "changes": [
            {
                "term": s.change.term,
                "old": s.change.old,
                "new": s.change.new,
                "settles_unknown": s.change.settles_unknown,
                "rules": list(s.rules),
                "clause": s.clause,
                "cost": s.cost,
                "score": s.score,
                "range": list(s.range),
                "grade": s.grade,
                "worst_grade": s.worst_grade,
            }
            for s in suggestion.steps
        ],
    }


def _standing_json(card: Any, worst_grade: Any) -> dict[str, Any]:
    return {
        "score": card.score,
        "range": list(card.range),
        "coverage": card.coverage,
        "grade": card.grade,
        "worst_grade": worst_grade,
    }


def render_suggestion(
    suggestion: Suggestion, fmt: str = "table", *, width: int | None = None
) -> str:
    """The suggestion as text; a ``table`` fits ``width`` (see :func:`render_comparison`)."""
    if fmt == "json":
        return json.dumps(suggestion_json(suggestion), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return _suggestion_csv(suggestion)
    text = _text_for(fmt)
    s = suggestion
    b, a = s.before, s.after
    lines = [
        f"{text(s.program_id)} under {text(s.profile_id)} {text(s.profile_version)}: "
        f"target grade {s.target} for certain (with every remaining unknown at its worst)",
        f"now:   {headline(b.score, b.range, b.coverage, b.grade)}; certain grade "
        f"{grade_words(s.before_worst_grade)}",
    ]
    if not s.steps:
        lines.append("No change needed: the target is already certain.")
        return fit("\n".join(lines), fmt, width) + "\n"
    if not s.reached:
        lines.append(
            "The remedies cannot make the target certain; the changes below are every remedy "
            "change, and what they reach."
        )
    if not s.proven:
        lines.append(
            f"The smallest set found after trying {s.sets_tried:,} sets of changes; the search "
            "stopped there, so a smaller or cheaper one may exist."
        )
    rows = [
        [
            str(index),
            text(step.change.term),
            f"{text(step.change.old)} -> {text(show_value(step.change.new))}",
            "settles an unknown" if step.change.settles_unknown else "changes a stated term",
            ", ".join(step.rules),
            num(step.score) if step.grade else "–",
            f"{step.range[0]:.1f}–{step.range[1]:.1f}",
            grade_words(step.grade) if step.grade else "none",
            step.worst_grade or "none",
        ]
        for index, step in enumerate(s.steps, start=1)
    ]
    headers = ["#", "term", "old -> new", "kind", "rules", "score", "range", "grade", "certain"]
    lines += ["", table(rows, headers, fmt, width), ""]
    lines.append("Clauses:")
    for index, step in enumerate(s.steps, start=1):
        lines.append(f"  {index}. {text(step.clause)}")
    lines += [
        "",
        f"after: {headline(a.score, a.range, a.coverage, a.grade)}; certain grade "
        f"{grade_words(s.after_worst_grade)}",
        f"{len(s.steps)} changes, {sum(st.change.settles_unknown for st in s.steps)} of them "
        "only settle an unknown. Score, range and grade in each row hold after that change "
        "and the ones above it; 'certain' is the grade whatever the remaining unknowns are.",
    ]
    return fit("\n".join(lines), fmt, width) + "\n"


SUGGEST_CSV_FIELDS: Final = [
    "profile",
    "profile_version",
    "id",
    "target",
    "step",
    "term",
    "old",
    "new",
    "settles_unknown",
    "rules",
    "cost",
    "clause",
    "grade",
    "score",
    "worst",
    "best",
    "certain_grade",
]


def _suggestion_csv(s: Suggestion) -> str:
    """One row per change, in order, with where the program stands once it and the ones
    above it are made; ``certain_grade`` is the grade whatever the remaining unknowns are."""
    rows = []
    for index, step in enumerate(s.steps, start=1):
        headline = _csv.standing(step.score, step.range, 0.0, step.grade)
        del headline["coverage_percent"]  # a step states no coverage
        rows.append(
            {
                "profile": s.profile_id,
                "profile_version": s.profile_version,
                "id": s.program_id,
                "target": s.target,
                "step": index,
                "term": step.change.term,
                "old": step.change.old,
                "new": show_value(step.change.new),
                "settles_unknown": step.change.settles_unknown,
                "rules": " ".join(step.rules),
                "cost": step.cost,
                "clause": step.clause,
                **headline,
                "certain_grade": step.worst_grade or _csv.NO_GRADE,
            }
        )
    return _csv.document(SUGGEST_CSV_FIELDS, rows)


# --- diff ----------------------------------------------------------------------------------------


def diff_json(d: ProgramDiff) -> dict[str, Any]:
    def standing(s: Any) -> dict[str, Any]:
        return {"score": s.score, "range": list(s.range), "coverage": s.coverage, "grade": s.grade}

    return {
        "tool_version": __version__,
        "profile": {"id": d.profile_id, "version": d.profile_version},
        "old": d.old_id,
        "new": d.new_id,
        "terms": [{"term": t.term, "old": t.old, "new": t.new} for t in d.terms],
        "findings": [
            {"rule": f.rule, "old": f.old, "new": f.new, "reason": f.new_reason} for f in d.findings
        ],
        "before": standing(d.before),
        "after": standing(d.after),
        "score_delta": d.score_delta,
        "worse": d.worse,
        "better": d.better,
    }


def render_diff(d: ProgramDiff, fmt: str = "table", *, width: int | None = None) -> str:
    """The diff as text; a ``table`` fits ``width`` columns (see :func:`render_comparison`)."""
    if fmt == "json":
        return json.dumps(diff_json(d), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return _diff_csv(d)
    text = _text_for(fmt)
    b, a = d.before, d.after
    lines = [
        f"{text(d.old_id)} -> {text(d.new_id)} under "
        f"{text(d.profile_id)} {text(d.profile_version)}",
        f"before: {headline(b.score, b.range, b.coverage, b.grade)}",
        f"after:  {headline(a.score, a.range, a.coverage, a.grade)}",
    ]
    delta = d.score_delta
    verdict = "worse" if d.worse else "better" if d.better else "neither better nor worse"
    moved = "" if delta is None else f"score {delta:+.1f}, "
    lines.append(
        f"change: {moved}worst case {a.range[0] - b.range[0]:+.1f}, grade "
        f"{b.grade or 'none'} -> {a.grade or 'none'}: {verdict}"
    )
    lines.append("")
    if d.terms:
        rows = [[text(t.term), text(t.old), text(t.new)] for t in d.terms]
        lines += [
            f"Terms changed ({len(d.terms)}):",
            table(rows, ["term", "old", "new"], fmt, width),
        ]
    else:
        lines.append("No term changed.")
    lines.append("")
    if d.findings:
        rows = [[f.rule, f.old, f.new, text(f.new_reason)] for f in d.findings]
        lines += [
            f"Findings changed ({len(d.findings)}):",
            table(rows, ["rule", "old", "new", "now, because"], fmt, width),
        ]
    else:
        lines.append("No finding changed.")
    return fit("\n".join(lines), fmt, width) + "\n"


DIFF_CSV_FIELDS: Final = [
    "profile",
    "profile_version",
    "old_id",
    "new_id",
    "change",
    "item",
    "old",
    "new",
    "reason",
]


def _diff_csv(d: ProgramDiff) -> str:
    """One row per change: each term (``change`` term), each finding (finding: the rule, its
    outcomes, the new reason), then the headline columns before and after (standing: grade,
    score, worst, best, coverage_percent) and whether the new version is worse (verdict)."""
    common = {
        "profile": d.profile_id,
        "profile_version": d.profile_version,
        "old_id": d.old_id,
        "new_id": d.new_id,
    }
    rows: list[dict[str, object]] = [
        {**common, "change": "term", "item": t.term, "old": t.old, "new": t.new} for t in d.terms
    ]
    rows += [
        {
            **common,
            "change": "finding",
            "item": f.rule,
            "old": _csv.outcome(f.old),
            "new": _csv.outcome(f.new),
            "reason": f.new_reason,
        }
        for f in d.findings
    ]
    before = _csv.standing(d.before.score, d.before.range, d.before.coverage, d.before.grade)
    after = _csv.standing(d.after.score, d.after.range, d.after.coverage, d.after.grade)
    rows += [
        {
            **common,
            "change": "standing",
            "item": column,
            "old": before[column],
            "new": after[column],
        }
        for column in _csv.STANDING
    ]
    rows.append({**common, "change": "verdict", "item": "worse", "new": d.worse})
    return _csv.document(DIFF_CSV_FIELDS, rows)


# --- score --details: what to ask for -----------------------------------------------------------


def ask_lines(card: Scorecard, profile: Profile) -> list[str]:
    """For ``score --details``: the remedy clause of every rule not met (or unknown), with the
    profile's parameters; and each single finding that, gone the other way, changes the grade."""
    from .pivotal import pivotal_findings

    lines: list[str] = []
    open_findings = [f for f in card.findings if f.outcome in ("not-met", "partly", "unknown")]
    if open_findings:
        lines += [
            "",
            "What to ask for (each rule not met or unknown, and the clause that meets it):",
        ]
        for f in open_findings:
            clause = CATALOGUE[f.rule].remedy.clause_for(profile.parameters)
            lines.append(f"  {f.rule} ({f.outcome}): {clause}")
    pivots = pivotal_findings(card, profile)
    grade = card.grade or "none"
    if pivots:
        lines += ["", f"Findings that alone would change the grade ({grade}):"]
        for p in pivots:
            lines.append(f"  {p.rule} {p.outcome} -> {p.instead}: grade {p.grade or 'none'}")
    else:
        lines += [
            "",
            f"No single finding changes the grade ({grade}); `testerterms suggest` finds the "
            "smallest set of changes that does.",
        ]
    return lines
