"""testerterms: compare the terms of early-access tester programs against fairness recommendations.

>>> import testerterms
>>> program = testerterms.load_program("sora-alpha-artists")  # a bundled program, or a path
>>> card = testerterms.score(program, "articles")
>>> card.grade
'E'

The names below are imported when first used (PEP 562), so that ``testerterms --help`` or
``testerterms rules`` does not pay for the program model and the scorer.
"""

from __future__ import annotations

import importlib as _importlib
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

# First: when this is the command, Ctrl-C while it starts is one line, not a traceback.
from . import _entry  # noqa: F401  (imported for that effect)
from ._version import __version__
from .errors import LoadError, Problem, TesterTermsError, UsageError

if _TYPE_CHECKING:
    from ._authoring import dump_program
    from .advice import (
        Comparison,
        ModelAgreement,
        ProgramDiff,
        Proposal,
        Suggestion,
        TermSheet,
        compare,
        diff,
        draft,
        draft_new,
        render_comparison,
        render_diff,
        render_suggestion,
        render_term_sheet,
        robustness,
        suggest,
    )
    from .loading import (
        LoadResult,
        bundled_programs_dir,
        find_files,
        load_program,
        load_programs,
        parse_program,
        resolve_program,
    )
    from .model import (
        Access,
        Compensation,
        Confidentiality,
        ContentReview,
        Credit,
        Expectations,
        Fact,
        Likeness,
        OwnershipTerms,
        Program,
        Reports,
        Safety,
        Source,
        Span,
        Term,
        Terms,
        TimeCommitment,
        Voice,
    )
    from .profiles import Profile, bundled_profiles, load_profile
    from .render.data import scorecard_dict
    from .rules import CATALOGUE, Parameters, Remedy, Rule, get_rule, remedy_terms
    from .scoring import CategoryScore, Finding, Scorecard, evaluate, score, score_all

_LAZY: dict[str, str] = {
    "dump_program": "_authoring",
    "scorecard_dict": "render.data",
    **dict.fromkeys(
        [
            "Comparison",
            "ModelAgreement",
            "ProgramDiff",
            "Proposal",
            "Suggestion",
            "TermSheet",
            "compare",
            "diff",
            "draft",
            "draft_new",
            "render_comparison",
            "render_diff",
            "render_suggestion",
            "render_term_sheet",
            "robustness",
            "suggest",
        ],
        "advice",
    ),
    **dict.fromkeys(
        [
            "LoadResult",
            "bundled_programs_dir",
            "find_files",
            "load_program",
            "load_programs",
            "parse_program",
            "resolve_program",
        ],
        "loading",
    ),
    **dict.fromkeys(
        [
            "Access",
            "Compensation",
            "Confidentiality",
            "ContentReview",
            "Credit",
            "Expectations",
            "Fact",
            "Likeness",
            "OwnershipTerms",
            "Program",
            "Reports",
            "Safety",
            "Source",
            "Span",
            "Term",
            "Terms",
            "TimeCommitment",
            "Voice",
        ],
        "model",
    ),
    **dict.fromkeys(["Profile", "bundled_profiles", "load_profile"], "profiles"),
    **dict.fromkeys(
        ["CATALOGUE", "Parameters", "Remedy", "Rule", "get_rule", "remedy_terms"], "rules"
    ),
    **dict.fromkeys(
        ["CategoryScore", "Finding", "Scorecard", "evaluate", "score", "score_all"], "scoring"
    ),
}
"""Each public name that is imported on first use, and the module it comes from."""


def __getattr__(name: str) -> _Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})


__all__ = [
    "CATALOGUE",
    "Access",
    "CategoryScore",
    "Comparison",
    "Compensation",
    "Confidentiality",
    "ContentReview",
    "Credit",
    "Expectations",
    "Fact",
    "Finding",
    "Likeness",
    "LoadError",
    "LoadResult",
    "ModelAgreement",
    "OwnershipTerms",
    "Parameters",
    "Problem",
    "Profile",
    "Program",
    "ProgramDiff",
    "Proposal",
    "Remedy",
    "Reports",
    "Rule",
    "Safety",
    "Scorecard",
    "Source",
    "Span",
    "Suggestion",
    "Term",
    "TermSheet",
    "Terms",
    "TesterTermsError",
    "TimeCommitment",
    "UsageError",
    "Voice",
    "__version__",
    "bundled_profiles",
    "bundled_programs_dir",
    "compare",
    "diff",
    "draft",
    "draft_new",
    "dump_program",
    "evaluate",
    "find_files",
    "get_rule",
    "load_profile",
    "load_program",
    "load_programs",
    "parse_program",
    "remedy_terms",
    "render_comparison",
    "render_diff",
    "render_suggestion",
    "render_term_sheet",
    "resolve_program",
    "robustness",
    "score",
    "score_all",
    "scorecard_dict",
    "suggest",
]
