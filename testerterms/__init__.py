"""testerterms: compare the terms of early-access tester programs against fairness recommendations.

>>> import testerterms
>>> program = testerterms.load_program("programs/sora-alpha-artists.yaml")
>>> card = testerterms.score(program, testerterms.load_profile("articles"))
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
    from .loading import (
        LoadResult,
        bundled_programs_dir,
        find_files,
        load_program,
        load_programs,
        parse_program,
    )
    from .model import (
        Access,
        Compensation,
        Confidentiality,
        ContentReview,
        Credit,
        Expectations,
        Fact,
        OwnershipTerms,
        Program,
        Source,
        Span,
        Term,
        Terms,
        TimeCommitment,
        Voice,
    )
    from .profiles import Profile, bundled_profiles, load_profile
    from .rules import CATALOGUE, Parameters, Remedy, Rule, get_rule, remedy_terms
    from .scoring import CategoryScore, Finding, Scorecard, evaluate, score, score_all

_LAZY: dict[str, str] = {
    **dict.fromkeys(
        [
            "LoadResult",
            "bundled_programs_dir",
            "find_files",
            "load_program",
            "load_programs",
            "parse_program",
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
            "OwnershipTerms",
            "Program",
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
    "Compensation",
    "Confidentiality",
    "ContentReview",
    "Credit",
    "Expectations",
    "Fact",
    "Finding",
    "LoadError",
    "LoadResult",
    "OwnershipTerms",
    "Parameters",
    "Problem",
    "Profile",
    "Program",
    "Remedy",
    "Rule",
    "Scorecard",
    "Source",
    "Span",
    "Term",
    "Terms",
    "TesterTermsError",
    "TimeCommitment",
    "UsageError",
    "Voice",
    "__version__",
    "bundled_profiles",
    "bundled_programs_dir",
    "evaluate",
    "find_files",
    "get_rule",
    "load_profile",
    "load_program",
    "load_programs",
    "parse_program",
    "remedy_terms",
    "score",
    "score_all",
]
