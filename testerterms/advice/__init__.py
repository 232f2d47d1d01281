"""Advice for the people who negotiate terms: compare programs, suggest the smallest set of
changes that reaches a grade, draft a proposal (or a model agreement), diff two versions, ask
the questions the rules need. Advice reads scorecards and the rule catalogue; it never
reaches into the scorer's internals, and, like the rest of the library, never prints.

The names are imported on first use (PEP 562), so that ``diff`` and ``ask`` load only the
advice they give, not compare's sampling or suggest's search.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_LAZY: dict[str, str] = {
    **dict.fromkeys(["TermChange", "apply_changes"], "_changes"),
    **dict.fromkeys(["headline_grade", "possible_outcomes", "worst_grade"], "_outcomes"),
    **dict.fromkeys(["Comparison", "Disagreement", "ProfileView", "compare"], "compare"),
    **dict.fromkeys(["FindingDiff", "ProgramDiff", "Standing", "TermDiff", "diff"], "diff"),
    **dict.fromkeys(["ModelAgreement", "draft_new"], "agreement"),
    **dict.fromkeys(
        ["Ask", "OpenPoint", "Priority", "Proposal", "Round", "SectionProposal", "TermSheet"],
        "draft",
    ),
    "draft": "draft",
    **dict.fromkeys(["Pivot", "pivotal_findings"], "pivotal"),
    **dict.fromkeys(["parse_answer", "run_questionnaire"], "questionnaire"),
    **dict.fromkeys(["QUESTIONS", "Question"], "questions"),
    **dict.fromkeys(["render_comparison", "render_diff", "render_suggestion"], "render"),
    **dict.fromkeys(["Robustness", "robustness"], "robustness"),
    **dict.fromkeys(["Step", "Suggestion", "change_cost", "suggest"], "suggest"),
}
"""Each public name and the module it comes from."""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


class _Package(types.ModuleType):
    """This package, whose names ``compare``, ``diff``, ``draft``, ``robustness`` and
    ``suggest`` are functions although modules of the same names sit in it: importing such a
    module sets the package's attribute of its name to the module, which is left out here, so
    the name stays the function however the modules are first imported."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __dir__() -> list[str]:
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})


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
