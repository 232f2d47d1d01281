"""testerterms: compare the terms of early-access tester programs against fairness recommendations.

>>> import testerterms
>>> program = testerterms.load_program("sora-alpha-artists")  # a bundled program, or a path
>>> card = testerterms.score(program, "articles")
>>> card.grade
'E'
"""

# First: when this is the command, Ctrl-C while it starts is one line, not a traceback.
from . import _entry  # noqa: F401  (imported for that effect)
from ._authoring import dump_program
from ._version import __version__
from .advice import (
    Comparison,
    ProgramDiff,
    Suggestion,
    TermSheet,
    compare,
    diff,
    draft,
    render_comparison,
    render_diff,
    render_suggestion,
    render_term_sheet,
    robustness,
    suggest,
)
from .errors import LoadError, Problem, TesterTermsError, UsageError
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
from .render.data import scorecard_dict
from .rules import CATALOGUE, Parameters, Remedy, Rule, get_rule, remedy_terms
from .scoring import CategoryScore, Finding, Scorecard, evaluate, score, score_all

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
    "LoadError",
    "LoadResult",
    "OwnershipTerms",
    "Parameters",
    "Problem",
    "Profile",
    "Program",
    "ProgramDiff",
    "Remedy",
    "Rule",
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
