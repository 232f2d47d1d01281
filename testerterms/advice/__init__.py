"""Advice for the people who negotiate terms: compare programs, suggest the smallest set of
changes that reaches a grade, draft a proposal (or a model agreement), diff two versions, ask
the questions the rules need. Advice reads scorecards and the rule catalogue; it never
reaches into the scorer's internals, and, like the rest of the library, never prints."""

from __future__ import annotations

from ._changes import TermChange, apply_changes
from ._outcomes import headline_grade, possible_outcomes, worst_grade
from .agreement import ModelAgreement, draft_new
from .compare import Comparison, Disagreement, ProfileView, compare
from .diff import FindingDiff, ProgramDiff, Standing, TermDiff, diff
from .draft import (
    Ask,
    OpenPoint,
    Priority,
    Proposal,
    Round,
    SectionProposal,
    TermSheet,
    draft,
)
from .pivotal import Pivot, pivotal_findings
from .questionnaire import parse_answer, run_questionnaire
from .questions import QUESTIONS, Question
from .render import render_comparison, render_diff, render_suggestion
from .robustness import Robustness, robustness
from .suggest import Step, Suggestion, change_cost, suggest


def render_term_sheet(document: Proposal | ModelAgreement) -> str:
    """A proposal (or a model agreement) as Markdown: draft's Markdown writer."""
    from ..render.proposal import write

    text = write(document, "markdown")
    assert isinstance(text, str)
    return text


__all__ = [
    "QUESTIONS",
    "Ask",
    "Comparison",
    "Disagreement",
    "FindingDiff",
    "ModelAgreement",
    "OpenPoint",
    "Pivot",
    "Priority",
    "ProfileView",
    "ProgramDiff",
    "Proposal",
    "Question",
    "Robustness",
    "Round",
    "SectionProposal",
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
    "draft_new",
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
