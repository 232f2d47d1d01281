"""testerterms: compare the terms of early-access tester programs against fairness recommendations.

>>> import testerterms
>>> program = testerterms.load_program("programs/sora-alpha-artists.yaml")
>>> card = testerterms.score(program, testerterms.load_profile("articles"))
>>> card.grade
'E'
"""

# First: when this is the command, Ctrl-C while it starts is one line, not a traceback.
from . import _entry  # noqa: F401  (imported for that effect)
from ._version import __version__
from .errors import LoadError, Problem, TesterTermsError, UsageError
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
