"""testerterms: score the terms of early-access tester programs (betas, red teams, creative
partners, bug bounties) against fairness recommendations, and see what to change.

    >>> import testerterms
    >>> program = testerterms.load_program("sora-alpha-artists")  # a bundled id, or a path
    >>> card = testerterms.score(program, "articles")             # a profile id, file or Profile
    >>> card.grade                                                # range, coverage, findings...
    'E'

Loading (a program file is hostile input: every mistake is located)
    load_program(path_or_id) -> Program; load_programs(paths) -> LoadResult (bad files
    collected, not raised); parse_program(text); find_files(paths); resolve_program(name);
    bundled_programs_dir(); dump_program(program) -> YAML.
Profiles and rules
    load_profile(id_or_path) -> Profile; bundled_profiles(); CATALOGUE (code -> Rule);
    get_rule(code); remedy_terms(); Rule, Remedy, Parameters.
Scoring
    score(program, profile) -> Scorecard: findings (one Finding per rule: outcome, credit,
    evidence, sources, reason), score over known rules, range [worst, best], coverage,
    grade (None below the profile's minimum coverage), blockers; evaluate(rule, program,
    profile) -> Finding; scorecard_dict(program, card): what ``score --format json`` prints.
Advice
    compare(programs, profiles) -> Comparison; suggest(program, profile, target) ->
    Suggestion; draft(program, profile) -> TermSheet; diff(old, new, profile) ->
    ProgramDiff; robustness(programs, profile); render_comparison, render_suggestion,
    render_term_sheet and render_diff turn them into the text the commands print.
The model
    Program, and the classes of its parts (its sections, Term, Fact, Source...) in
    :mod:`testerterms.model`; ``help(testerterms.model)`` documents every term.
Errors
    TesterTermsError
     ├── LoadError    a file could not be loaded: path, line, col, msg and every problem
     └── UsageError   a name that does not exist (a rule code, a profile, a grade)

The library never prints and never exits; the command line (``testerterms --help``) does.
Names are imported when first used, so that ``testerterms --help`` stays quick.
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
    from .model import Program
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
    "Program": "model",
    **dict.fromkeys(["Profile", "bundled_profiles", "load_profile"], "profiles"),
    **dict.fromkeys(
        ["CATALOGUE", "Parameters", "Remedy", "Rule", "get_rule", "remedy_terms"], "rules"
    ),
    **dict.fromkeys(
        ["CategoryScore", "Finding", "Scorecard", "evaluate", "score", "score_all"], "scoring"
    ),
}
"""Each public name that is imported on first use, and the module it comes from."""
_MODEL_PARTS = frozenset(
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
        "Reports",
        "Safety",
        "Source",
        "Span",
        "Term",
        "Terms",
        "TimeCommitment",
        "Voice",
    ]
)
"""The parts of a program's model, reachable here as before but documented in
:mod:`testerterms.model`: ``__all__`` leaves them out, so that ``help(testerterms)`` reads as
the page above rather than as every pydantic model's inherited methods."""


def __getattr__(name: str) -> _Any:
    module = "model" if name in _MODEL_PARTS else _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})


__all__ = [
    "CATALOGUE",
    "CategoryScore",
    "Comparison",
    "Finding",
    "LoadError",
    "LoadResult",
    "ModelAgreement",
    "Parameters",
    "Problem",
    "Profile",
    "Program",
    "ProgramDiff",
    "Proposal",
    "Remedy",
    "Rule",
    "Scorecard",
    "Suggestion",
    "TermSheet",
    "TesterTermsError",
    "UsageError",
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
