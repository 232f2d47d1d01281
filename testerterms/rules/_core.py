"""The machinery of the rule catalogue: rules, verdicts, remedies, parameters and the registry.

Each rule is a check function decorated with its metadata. The function's docstring is the
rule's rationale; ``rules CODE`` prints it. A check sees the values of the terms it reads
(``reads``) as plain values, never "unknown": the scorer calls it once for each value an
unknown or disputed term could take, and reports an outcome only when it does not depend on
what is unknown. Terms in ``refines`` are passed as ``None`` when unknown instead: they
sharpen an outcome (a stated rate below the profile's minimum) but never decide it alone.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

from .._record import (
    Issue,
    Loc,
    Record,
    bool_issues,
    fail,
    keys_issues,
    number_issues,
    text_issues,
)
from ..errors import UsageError, did_you_mean

Outcome = Literal["met", "partly", "not-met", "unknown", "n/a"]
Basis = Literal["explicit", "derived"]
CREDIT: Final[dict[str, float | None]] = {
    "met": 1.0,
    "partly": 0.5,
    "not-met": 0.0,
    "unknown": None,
    "n/a": None,
}
OUTCOMES: Final[tuple[Outcome, ...]] = ("met", "partly", "not-met", "unknown", "n/a")

CATEGORIES: Final[dict[str, str]] = {
    "pay": "Pay",
    "payment": "Payment terms",
    "control": "Control of one's work",
    "credit": "Credit and marketing",
    "likeness": "Likeness and training use",
    "transparency": "Transparency",
    "confidentiality": "Confidentiality",
    "research": "Research safe harbor and disclosure",
    "voice": "Voice",
    "representation": "Representation",
    "security": "Access and security",
    "due-process": "Due process",
}
"""Category id -> heading, in catalogue order. The categories the published standards added
(payment terms, likeness, research, representation, due process) sit beside the seed
category they extend."""


@dataclass(frozen=True, kw_only=True)
class Parameters(Record):
    """The numbers and switches a profile sets for the checks.

    Checked when built (numbers finite and not negative, switches true or false, no other
    key), as a profile file's ``parameters:`` is; whole numbers are kept as floats."""

    min_hourly_pay: float = 20.0
    """Lowest effective pay per hour, in US dollars, that meets PAY001 in full."""
    max_review_days: float = 14.0
    """Longest acceptable review deadline, in days (CTL002)."""
    max_nda_months: float = 12.0
    """Longest acceptable fixed confidentiality period, in months (NDA001)."""
    free_access_counts: bool = False
    """Free access or other benefits in kind count as part payment (PAY001 partly)."""
    optional_work_needs_no_pay: bool = False
    """Where feedback is not required, free access meets PAY001 in full."""
    pay_floor_as_of: str | None = None
    """The date of the hourly floor ``min_hourly_pay`` states (floors move: PMT001 names it)."""
    max_payment_days: float = 30.0
    """Longest acceptable time, in days, between work done (or accepted) and pay (PMT002)."""
    max_ack_days: float = 5.0
    """Longest acceptable time, in days, to acknowledge a report (DUE002)."""
    max_decision_days: float = 15.0
    """Longest acceptable time, in days, to decide on a report (DUE003)."""
    min_change_notice_days: float = 7.0
    """Shortest acceptable notice, in days, before changed terms apply (DUE005)."""

    def __post_init__(self) -> None:
        fail("parameters", parameter_issues(dict(self)))
        for name, kind in _PARAMETER_KINDS.items():
            if kind == "float":
                object.__setattr__(self, name, float(getattr(self, name)))


_PARAMETER_KINDS: Final[dict[str, str]] = {
    name: str(spec.type) for name, spec in Parameters.__dataclass_fields__.items()
}
"""Each parameter's type as written: ``float``, ``bool`` or ``str | None``."""


def parameter_issues(data: Any, loc: Loc = ()) -> list[Issue]:
    """What is wrong with ``data`` as parameters: every mistake, each at its key."""
    issues = keys_issues(data, Parameters, loc)
    if not isinstance(data, dict):
        return issues
    for name, value in data.items():
        kind = _PARAMETER_KINDS.get(name)
        if kind == "float":
            issues += number_issues(value, (*loc, name), negative=False)
        elif kind == "bool":
            issues += bool_issues(value, (*loc, name))
        elif kind is not None:
            issues += text_issues(value, (*loc, name), nullable=True)
    return issues


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    reason: str


def met(reason: str) -> Verdict:
    return Verdict("met", reason)


def partly(reason: str) -> Verdict:
    return Verdict("partly", reason)


def not_met(reason: str) -> Verdict:
    return Verdict("not-met", reason)


def not_applicable(reason: str) -> Verdict:
    return Verdict("n/a", reason)


@dataclass(frozen=True)
class Citation:
    """Where a rule comes from: a text and a quote from it.

    ``source`` names the text (a seed article's file name, or a short name such as
    "Fairwork Cloudwork Principles"); ``title`` is what a reader can search for (a seed's
    headline, a standard's own title); ``url`` is the copy that was read (for a seed article,
    the page whose text the seed file is)."""

    source: str
    quote: str
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class CitedText:
    """A text rules cite, registered once by :func:`cited_text` and looked up by name."""

    source: str
    title: str
    url: str | None = None
    publisher: str | None = None
    date: str | None = None
    note: str | None = None
    """How it was read (a mirror, a historic version), where that matters."""


TEXTS: dict[str, CitedText] = {}
"""Every text the catalogue cites, by the name rules cite it by."""


def cited_text(
    source: str,
    title: str,
    url: str | None = None,
    *,
    publisher: str | None = None,
    date: str | None = None,
    note: str | None = None,
) -> str:
    """Register a text rules may cite; returns its name, for ``cites=[(NAME, quote)]``."""
    text = CitedText(source, title, url, publisher, date, note)
    if TEXTS.get(source, text) != text:
        raise ValueError(f"text {source!r} is registered twice, differently")
    TEXTS[source] = text
    return source


@dataclass(frozen=True)
class Remedy:
    """The term values that meet a rule, and the clause that says so in plain words."""

    terms: Mapping[str, Any]
    clause: str
    """May name a profile parameter, as ``{min_hourly_pay:g}``: see :meth:`clause_for`."""

    def clause_for(self, parameters: Parameters) -> str:
        """The clause with the profile's parameters filled in."""
        return self.clause.format(**parameters.model_dump())


Check = Callable[["Values", Parameters], Verdict]
Thresholds = Callable[[Parameters], Mapping[str, tuple[float, ...]]]
"""For each number a check reads: the numbers it compares it with, under some parameters."""


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    category: str
    basis: Basis
    citations: tuple[Citation, ...]
    remedy: Remedy
    reads: tuple[str, ...]
    check: Check
    refines: tuple[str, ...] = ()
    folds_into: str | None = None
    """Where this rule's weight goes when it does not apply (its subject is absent)."""
    fallback: Remedy | None = None
    """The terms, and the clause, that at least partly meet the rule: what a negotiator may
    settle for when the remedy is refused. None where the rule has no partial outcome."""
    thresholds: Thresholds | None = None
    """The numbers the check compares each number it reads with (the profile's bounds and
    the rule's own, such as twice a deadline): an unknown number is tried at each of them
    and between them, so that its ``possible`` outcomes are all it can take."""

    @property
    def rationale(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def terms(self) -> tuple[str, ...]:
        return self.reads + self.refines


class Values:
    """The term values one check call sees; records which terms the check looked at."""

    __slots__ = ("_values", "used")

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values = values
        self.used: list[str] = []

    def __getitem__(self, key: str) -> Any:
        if key not in self._values:
            raise KeyError(f"the check reads {key!r}, which its rule does not declare")
        if key not in self.used:
            self.used.append(key)
        return self._values[key]


CATALOGUE: dict[str, Rule] = {}


def rule(
    code: str,
    title: str,
    *,
    category: str,
    basis: Basis,
    cites: list[tuple[str, str]],
    reads: tuple[str, ...],
    remedy: dict[str, Any],
    clause: str,
    refines: tuple[str, ...] = (),
    folds_into: str | None = None,
    fallback: dict[str, Any] | None = None,
    fallback_clause: str | None = None,
    thresholds: Thresholds | None = None,
) -> Callable[[Check], Check]:
    if (fallback is None) != (fallback_clause is None):
        raise ValueError(f"rule {code}: a fallback needs both its terms and its clause")

    def register(check: Check) -> Check:
        if code in CATALOGUE:
            raise ValueError(f"rule {code} is defined twice")
        CATALOGUE[code] = Rule(
            code=code,
            title=title,
            category=category,
            basis=basis,
            citations=tuple(_citation(source, quote) for source, quote in cites),
            remedy=Remedy(remedy, clause),
            reads=reads,
            refines=refines,
            check=check,
            folds_into=folds_into,
            fallback=None
            if fallback is None or fallback_clause is None
            else Remedy(fallback, fallback_clause),
            thresholds=thresholds,
        )
        return check

    return register


def _citation(source: str, quote: str) -> Citation:
    text = TEXTS.get(source)
    if text is None:
        return Citation(source, quote)
    return Citation(source, quote, url=text.url, title=text.title)


def get_rule(code: str) -> Rule:
    try:
        return CATALOGUE[code.upper()]
    except KeyError:
        hint = did_you_mean(code.upper(), CATALOGUE)
        raise UsageError(f"no rule {code!r}{hint}; the rules are: {', '.join(CATALOGUE)}") from None


def thresholds_of(key: str, parameters: Parameters) -> tuple[float, ...]:
    """Every number some rule's check compares the number ``key`` with, in order."""
    found: set[float] = set()
    for entry in CATALOGUE.values():
        if entry.thresholds is not None and key in entry.reads:
            found.update(float(t) for t in entry.thresholds(parameters).get(key, ()))
    return tuple(sorted(found))


def remedy_terms() -> dict[str, Any]:
    """Every rule's remedy merged: the terms of a program that meets every rule."""
    merged: dict[str, Any] = {}
    for entry in CATALOGUE.values():
        for key, value in entry.remedy.terms.items():
            if merged.get(key, value) != value:
                raise ValueError(f"remedies disagree on {key}")
            merged[key] = value
    return merged
