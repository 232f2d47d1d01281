"""Advice for the people who negotiate terms: compare programs, suggest the smallest set of
changes that reaches a grade, draft a term sheet, diff two versions, ask the questions the
rules need. Advice reads scorecards and the rule catalogue; it never reaches into the
scorer's internals, and, like the rest of the library, never prints."""

from __future__ import annotations

from ._changes import TermChange, apply_changes
from ._outcomes import headline_grade, possible_outcomes, worst_grade
from .compare import Comparison, Disagreement, ProfileView, compare
from .diff import FindingDiff, ProgramDiff, Standing, TermDiff, diff
from .draft import Clause, OpenPoint, TermSheet, draft, render_term_sheet
from .pivotal import Pivot, pivotal_findings
from .questionnaire import parse_answer, run_questionnaire
from .questions import QUESTIONS, Question
from .render import render_comparison, render_diff, render_suggestion
from .robustness import Robustness, robustness
from .suggest import Step, Suggestion, change_cost, suggest

__all__ = [
    "QUESTIONS",
    "Clause",
    "Comparison",
    "Disagreement",
    "FindingDiff",
    "OpenPoint",
    "Pivot",
    "ProfileView",
    "ProgramDiff",
    "Question",
    "Robustness",
    "Standing",
    "Step",
    "Suggestion",
    "TermChange",
    "TermDiff",
    "TermSheet",
    "apply_changes",
    "change_cost",
    "compare",
    "diff",
    "draft",
    "headline_grade",
    "parse_answer",
    "pivotal_findings",
    "possible_outcomes",
    "render_comparison",
    "render_diff",
    "render_suggestion",
    "render_term_sheet",
    "robustness",
    "run_questionnaire",
    "suggest",
    "worst_grade",
]
