"""A proposal a guild can send: what to ask for first, then section by section what the
program says now, what we propose, why, and what to settle for.

- **Priorities.** Each rule of the profile that the program does not certainly meet is an
  *ask*: its remedy's clause, with the profile's numbers filled in. The asks that change a
  term are ordered as a negotiator should raise them: blockers that cap the grade first
  (the tightest cap first), then the ask that alone lifts the grade, and then the worst case,
  most; ties go to the ask that costs the organization least (``suggest``'s cost of a
  change). For each, the grade the program is certain of once it and the asks above it are
  accepted, with every remaining unknown at its worst. The order costs about twice as many
  scorings as there are asks (each alone, then in order), never a search over sets: for the
  smallest set of changes that reaches a grade, ``suggest`` searches exactly.
- **Sections.** For each terms section: the program's facts in plain words, quoted, with
  their sources; each ask of that section with the clause we propose, the fallback (the
  rule's clause that at least partly meets it) and why (the rule, its weight and blocker,
  the recommendation's own words and where to read them); and the open points, each a
  question with the answer to ask for. A section whose rules are all met says so in one
  line.
- **A counter-proposal** (``against``): the asks of the last round, each marked met, met in
  part, ignored or taken back by the revised terms, and the terms that changed.

Nothing here names a field or spells a value as a program file does: the words come from
:mod:`.wording`; the writers under :mod:`testerterms.render` put field names in an
appendix. Advice reads scorecards and the catalogue; it never prints.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal

from ..model import Program, Term, Terms
from ..profiles import GRADES, Grade, Profile, load_profile
from ..rules import CATALOGUE, Citation, Rule
from ..scoring import Finding, Scorecard, score
from . import _outcomes
from ._changes import BOUNDS, apply_changes, asked_terms, fallback_terms
from .suggest import candidate_changes, change_cost
from .wording import Wording, wording

SECTION_TITLES: Final = {
    "compensation": "Compensation",
    "content_review": "Sharing and review",
    "credit": "Credit and marketing",
    "confidentiality": "Confidentiality",
    "ownership": "Ownership and use of work",
    "expectations": "What is asked of participants",
    "voice": "Voice",
    "access": "Access",
    "reports": "Reports",
    "safety": "Safe harbor",
    "likeness": "Likeness",
}


PARTIES: Final = {
    "organization": "the organization",
    "participants": "participants",
    "press": "the press",
    "other": "another source",
}

OUTCOME_WORDS: Final = {
    "met": "met",
    "partly": "partly met",
    "not-met": "not met",
    "unknown": "not known: the terms do not say enough",
    "n/a": "does not apply",
}


def rule_section(rule: Rule) -> str:
    """The terms section a rule belongs to: that of the first term it reads."""
    return rule.reads[0].split(".")[0] if rule.reads else "expectations"


# --- what a proposal holds -----------------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """One fact behind a statement: its words in the source, who says it, where."""

    statement: str
    """The fact's value in plain words (for a disputed term, this side's value)."""
    quote: str | None
    """The source's own words, verbatim, where the program file gives them."""
    sources: tuple[str, ...]
    party: str
    """Who speaks, in words (the organization, participants, the press, another source)."""


@dataclass(frozen=True)
class Statement:
    """What the program says of one term."""

    term: str
    text: str
    """The term in plain words; for a disputed term, the question the sources disagree on."""
    quotes: tuple[Quote, ...]
    disputed: bool = False


@dataclass(frozen=True)
class Why:
    """Why we ask: the rule, its weight and blocker in the profile, and its citations."""

    rule: str
    title: str
    weight: float
    total_weight: float
    blocker: Grade | None
    """The grade the program can reach at best while the rule is not met."""
    citations: tuple[Citation, ...]
    profile_quotes: tuple[tuple[str, str, str], ...] = ()
    """The profile's own citations behind the rule: (title, url, quote)."""

    def lines(self) -> list[str]:
        """The reasons, one sentence a line, in plain words (text from files unescaped)."""
        share = f"weight {_num(self.weight)} of {_num(self.total_weight)} in the profile"
        out = [f"{self.title} ({self.rule}; {share})."]
        if self.blocker:
            out.append(f"While it is not met, the grade can be no better than {self.blocker}.")
        for c in self.citations:
            out.append(f'"{c.quote}" ({c.url or c.source})')
        for title, url, quote in self.profile_quotes:
            out.append(f'"{quote}" ({title}, {url})')
        return out


@dataclass(frozen=True)
class OpenPoint:
    """A term to settle: a question, and the answer to ask for."""

    term: str
    question: str
    asks: str | None
    """The answer to ask for, in words; None where the recommendations accept any."""
    value: Any = None
    """That answer as a program file spells it (for the appendix)."""
    sides: tuple[Quote, ...] = ()
    """For a disputed term: each side."""

    @property
    def disputed(self) -> bool:
        return bool(self.sides)


@dataclass(frozen=True)
class Ask:
    """One rule the program does not certainly meet, and what we propose for it."""

    rule: str
    title: str
    section: str
    outcome: str
    """The finding now: met, partly, not-met, unknown."""
    disputed: bool
    now: tuple[Statement, ...]
    """What the program says of the terms the rule reads."""
    clause: str
    fallback: str | None
    why: Why
    open_points: tuple[OpenPoint, ...]
    changes: Mapping[str, Any]
    """The term values accepting the clause sets (the remedy's terms the program lacks)."""

    @property
    def outcome_words(self) -> str:
        words = OUTCOME_WORDS[self.outcome]
        return f"{words}, on facts the sources dispute" if self.disputed else words


@dataclass(frozen=True)
class SectionProposal:
    section: str
    title: str
    statements: tuple[Statement, ...]
    """Every term of the section the program states."""
    rules: tuple[str, ...]
    """The profile's rules of this section."""
    met: tuple[str, ...]
    """Those the program already meets."""
    asks: tuple[Ask, ...]

    @property
    def weighed(self) -> bool:
        """Whether the profile weighs any rule of this section."""
        return bool(self.rules)


@dataclass(frozen=True)
class Priority:
    """One ask in the order to raise it, and the grade it makes certain."""

    rank: int
    rule: str
    title: str
    section: str
    blocker: Grade | None
    changes: Mapping[str, Any]
    grade_alone: Grade | None
    """The grade the program is certain of when only this ask is accepted."""
    grade: Grade | None
    """The grade certain once this ask and those above it are accepted."""
    range: tuple[float, float]
    """The range once this ask and those above it are accepted."""
    also_meets: tuple[str, ...] = ()
    """Other asks that accepting this one (after those above) meets too."""


Verdict = Literal["meets", "meets in part", "ignores", "takes back"]


@dataclass(frozen=True)
class Response:
    """How the revised terms answer one ask of the last round (or undo a rule met then)."""

    rule: str
    title: str
    section: str
    before: str
    after: str
    verdict: Verdict
    asked: bool = True
    """Whether the last round asked for it (False: it was met then, and is not now)."""


@dataclass(frozen=True)
class RoundChange:
    """A term the revised terms changed, in words."""

    term: str
    before: str
    after: str


@dataclass(frozen=True)
class Round:
    """The revised terms read against the asks of the last round."""

    previous: Program
    previous_card: Scorecard
    previous_grade: Grade | None
    responses: tuple[Response, ...]
    changes: tuple[RoundChange, ...]

    def count(self, verdict: Verdict, *, asked: bool = True) -> int:
        return sum(r.verdict == verdict and r.asked == asked for r in self.responses)

    @property
    def asks(self) -> int:
        return sum(r.asked for r in self.responses)


@dataclass(frozen=True)
class Proposal:
    """The proposal for one program under one profile."""

    program: Program
    profile: Profile
    card: Scorecard
    date: str
    worst_grade: Grade | None
    """The grade certain now, whatever the open points turn out to be."""
    priorities: tuple[Priority, ...]
    sections: tuple[SectionProposal, ...]
    grade_if_accepted: Grade | None
    """The grade certain once every ask that changes a term is accepted."""
    round: Round | None = None

    @property
    def asks(self) -> tuple[Ask, ...]:
        return tuple(ask for s in self.sections for ask in s.asks)

    @property
    def clauses(self) -> tuple[SectionProposal, ...]:
        """The sections (the name a term sheet used)."""
        return self.sections


TermSheet = Proposal
"""The name the proposal had when it was a term sheet."""


# --- building it ---------------------------------------------------------------------------------


def draft(
    program: Program,
    profile: Profile | str = "articles",
    *,
    against: Program | None = None,
    date: str | None = None,
) -> Proposal:
    """The proposal for ``program`` under ``profile``.

    With ``against`` (the organization's revised terms), ``program`` is the last round: the
    proposal is for the revised terms, and opens with how they answer the last round's
    asks."""
    profile = load_profile(profile) if isinstance(profile, str) else profile
    when = date or datetime.date.today().isoformat()
    round_ = None
    if against is not None:
        round_ = _round(program, against, profile)
        program = against
    card = score(program, profile)
    asks = _asks(program, profile, card)
    sections = tuple(_section(name, program, profile, card, asks) for name in Terms.SECTIONS)
    ordered = tuple(ask for s in sections for ask in s.asks)
    priorities = _priorities(program, profile, card, ordered)
    everything = {k: v for ask in ordered for k, v in ask.changes.items()}
    after = score(apply_changes(program, everything), profile) if everything else card
    return Proposal(
        program=program,
        profile=profile,
        card=card,
        date=when,
        worst_grade=_outcomes.worst_grade(card.findings, profile),
        priorities=priorities,
        sections=sections,
        grade_if_accepted=_outcomes.worst_grade(after.findings, profile),
        round=round_,
    )


def _certain(finding: Finding) -> bool:
    """Whether the finding is met (or does not apply) whatever is still open."""
    return set(_outcomes.possible_outcomes(finding)) <= {"met", "n/a"} and finding.outcome in (
        "met",
        "n/a",
    )


def _asks(program: Program, profile: Profile, card: Scorecard) -> dict[str, Ask]:
    candidates = candidate_changes(program, card, profile)
    total = sum(w for w in profile.rules.values())
    asks: dict[str, Ask] = {}
    sections = {code: rule_section(CATALOGUE[code]) for code in profile.rules}
    ordered = sorted(profile.rules, key=lambda c: Terms.SECTIONS.index(sections[c]))
    asked = [c for c in ordered if not _certain(card.finding(c))]
    terms = {c: _open_terms(CATALOGUE[c], program, card.finding(c)) for c in asked}
    owner: dict[str, str] = {}  # each open point is listed once: under an ask of its section
    for code in asked:
        for key in terms[code]:
            if key not in owner or (
                sections[owner[key]] != key.split(".")[0] and sections[code] == key.split(".")[0]
            ):
                owner[key] = code
    for code in asked:
        finding = card.finding(code)
        rule = CATALOGUE[code]
        params = profile.parameters
        points = [
            open_point(key, program, profile, rule) for key in terms[code] if owner[key] == code
        ]
        asks[code] = Ask(
            rule=code,
            title=rule.title,
            section=sections[code],
            outcome=finding.outcome,
            disputed=finding.disputed,
            now=tuple(s for key in rule.terms if (s := statement(program, key)) is not None),
            clause=rule.remedy.clause_for(params),
            fallback=_fallback(rule, program, profile, card),
            why=why(rule, profile, total),
            open_points=tuple(points),
            changes={k: candidates[k] for k in asked_terms(rule) if k in candidates},
        )
    return asks


def _fallback(rule: Rule, program: Program, profile: Profile, card: Scorecard) -> str | None:
    """The rule's fallback clause, where settling for it is a step up for this program: with
    its terms the rule is certain of a better outcome than now, and no term the program
    states moves back (changed alone it lowers no rule; kept, it lowers none with the rest
    of the fallback). A guild is never told to settle for less than it has."""
    terms = fallback_terms(rule, profile.parameters)
    if rule.fallback is None or not terms:
        return None
    after = score(apply_changes(program, terms), profile)
    if _lowest(after.finding(rule.code)) <= _lowest(card.finding(rule.code)):
        return None
    for key, value in terms.items():
        term: Term[Any] = program.terms.term(key)
        if not term.known or term.disputed or term.value == value:
            continue
        alone = score(apply_changes(program, {key: value}), profile)
        kept = score(apply_changes(program, {**terms, key: term.value}), profile)
        if _lower(alone, card) or _lower(after, kept):
            return None
    return rule.fallback.clause_for(profile.parameters)


def _lowest(finding: Finding) -> int:
    """The rank of the worst outcome the finding can still take."""
    return min(_RANK[o] for o in _outcomes.possible_outcomes(finding))


def _lower(card: Scorecard, than: Scorecard) -> bool:
    """Whether some rule is certain of less on ``card`` than on ``than``."""
    return any(_lowest(f) < _lowest(than.finding(f.rule)) for f in card.findings)


def _open_terms(rule: Rule, program: Program, finding: Finding) -> list[str]:
    """The rule's terms still to settle, unknown or disputed: those its remedy sets, and,
    where the finding is still open, those it reads (a term that only refines the rule and
    that no remedy sets changes nothing while unknown)."""
    keys = list(rule.remedy.terms)
    if finding.outcome == "unknown" or finding.disputed:
        keys = [*rule.reads, *(k for k in keys if k not in rule.reads)]
    return [k for k in keys if not program.terms.term(k).known or program.terms.term(k).disputed]


def why(rule: Rule, profile: Profile, total: float | None = None) -> Why:
    return Why(
        rule=rule.code,
        title=rule.title,
        weight=profile.rules.get(rule.code, 0.0),
        total_weight=total if total is not None else sum(profile.rules.values()),
        blocker=profile.blockers.get(rule.code),
        citations=rule.citations,
        profile_quotes=tuple((c.title, c.url, c.quote) for c in profile.citations_for(rule.code)),
    )


def _section(
    name: str, program: Program, profile: Profile, card: Scorecard, asks: dict[str, Ask]
) -> SectionProposal:
    codes = [c for c in profile.rules if rule_section(CATALOGUE[c]) == name]
    statements = tuple(
        s
        for key in (f"{name}.{term}" for term in getattr(program.terms, name).term_names())
        if (s := statement(program, key)) is not None
    )
    return SectionProposal(
        section=name,
        title=SECTION_TITLES.get(name, name.replace("_", " ").capitalize()),
        statements=statements,
        rules=tuple(codes),
        met=tuple(c for c in codes if c not in asks and card.finding(c).outcome == "met"),
        asks=tuple(asks[c] for c in codes if c in asks),
    )


def statement(program: Program, key: str) -> Statement | None:
    """What ``program`` says of ``key`` in words, with its quotes; None when unknown."""
    term: Term[Any] = program.terms.term(key)
    if not term.known:
        return None
    words = wording(key)
    quotes = _quotes(program, term, words)
    if term.disputed:
        return Statement(key, words.question, quotes, disputed=True)
    return Statement(key, words.statement(term.value), quotes)


def recommended_value(key: str, profile: Profile, rule: Rule | None = None) -> Any:
    """The value to ask for: a bound from the profile for a bounded number, else the value
    the rule's (or another of the profile's rules') remedy sets; None where the
    recommendations accept any."""
    if key in BOUNDS:
        return getattr(profile.parameters, BOUNDS[key][0])
    rules = [rule] if rule is not None else []
    rules += [CATALOGUE[c] for c in profile.rules]
    for candidate in rules:
        if key in candidate.remedy.terms:
            return candidate.remedy.terms[key]
    return None


def recommended_answer(key: str, profile: Profile, rule: Rule | None = None) -> str | None:
    """The answer to ask for, in words."""
    value = recommended_value(key, profile, rule)
    if value is None:
        return None
    words: Wording = wording(key)
    if key in BOUNDS:
        return words.bound(value, most=BOUNDS[key][1])
    return words.answer(value)


def open_point(key: str, program: Program, profile: Profile, rule: Rule | None = None) -> OpenPoint:
    term: Term[Any] = program.terms.term(key)
    words = wording(key)
    return OpenPoint(
        term=key,
        question=words.question,
        asks=recommended_answer(key, profile, rule),
        value=recommended_value(key, profile, rule),
        sides=_quotes(program, term, words) if term.disputed else (),
    )


def _quotes(program: Program, term: Term[Any], words: Wording) -> tuple[Quote, ...]:
    """Each claim of ``term``: its value in words, its quote, its sources, who says it."""
    return tuple(
        Quote(
            statement=words.statement(fact.value),
            quote=fact.quote,
            sources=fact.source,
            party=PARTIES[program.party_of(fact)],
        )
        for fact in term.claims
    )


# --- priorities ----------------------------------------------------------------------------------


def _priorities(
    program: Program, profile: Profile, card: Scorecard, asks: Sequence[Ask]
) -> tuple[Priority, ...]:
    movable = [ask for ask in asks if ask.changes]
    if not movable:
        return ()
    at_risk = set(_outcomes.blockers_at_risk(card.findings, profile))
    alone: dict[str, tuple[Grade | None, float]] = {}
    for ask in movable:
        findings = score(apply_changes(program, ask.changes), profile).findings
        alone[ask.rule] = (
            _outcomes.worst_grade(findings, profile),
            _outcomes.worst_score(findings),
        )

    def cost(ask: Ask) -> float:
        return sum(change_cost(k, not program.terms.term(k).known) for k in ask.changes)

    def order(ask: Ask) -> tuple[Any, ...]:
        grade, worst = alone[ask.rule]
        blocker = ask.rule in at_risk
        cap = -GRADES.index(profile.blockers[ask.rule]) if blocker else 0
        return (not blocker, cap, _outcomes.grade_rank(grade), -worst, cost(ask), ask.rule)

    ordered = sorted(movable, key=order)
    priorities: list[Priority] = []
    applied: dict[str, Any] = {}
    met_before = {f.rule for f in card.findings if _certain(f)}
    for ask in ordered:
        if ask.rule in met_before and priorities:
            continue  # met by an ask above: listed there
        applied.update(ask.changes)
        after = score(apply_changes(program, applied), profile)
        now_met = {f.rule for f in after.findings if _certain(f)}
        also = tuple(
            a.rule for a in ordered if a.rule in now_met - met_before and a.rule != ask.rule
        )
        met_before |= now_met
        priorities.append(
            Priority(
                rank=len(priorities) + 1,
                rule=ask.rule,
                title=ask.title,
                section=ask.section,
                blocker=profile.blockers.get(ask.rule) if ask.rule in at_risk else None,
                changes=dict(ask.changes),
                grade_alone=alone[ask.rule][0],
                grade=_outcomes.worst_grade(after.findings, profile),
                range=after.range,
                also_meets=also,
            )
        )
    return tuple(priorities)


# --- a counter-proposal --------------------------------------------------------------------------

_RANK: Final = {"not-met": 0, "unknown": 0, "partly": 1, "met": 2, "n/a": 2}


def _round(previous: Program, revised: Program, profile: Profile) -> Round:
    before_card, after_card = score(previous, profile), score(revised, profile)
    asked = [f.rule for f in before_card.findings if not _certain(f)]
    if not asked:  # the last round was our own terms: every rule was an ask
        asked = [f.rule for f in before_card.findings if f.outcome != "n/a"]
    responses = []
    for code in profile.rules:
        before, after = before_card.finding(code), after_card.finding(code)
        if code in asked:
            if after.outcome in ("met", "n/a") and not after.disputed:
                verdict: Verdict = "meets"
            elif _RANK[after.outcome] < _RANK[before.outcome]:
                verdict = "takes back"
            elif after.outcome == "partly" and before.outcome != "partly":
                verdict = "meets in part"
            else:
                verdict = "ignores"
        elif _RANK[after.outcome] < _RANK[before.outcome] or (
            after.disputed and not before.disputed
        ):
            verdict = "takes back"
        else:
            continue
        responses.append(
            Response(
                rule=code,
                title=CATALOGUE[code].title,
                section=rule_section(CATALOGUE[code]),
                before=before.outcome,
                after=after.outcome,
                verdict=verdict,
                asked=code in asked,
            )
        )
    order = {name: i for i, name in enumerate(Terms.SECTIONS)}
    responses.sort(key=lambda r: order.get(r.section, len(order)))
    return Round(
        previous=previous,
        previous_card=before_card,
        previous_grade=_outcomes.worst_grade(before_card.findings, profile),
        responses=tuple(responses),
        changes=tuple(_term_changes(previous, revised)),
    )


def _term_changes(previous: Program, revised: Program) -> list[RoundChange]:
    """The terms whose values differ (not merely their sources), in words."""
    changed = []
    for key, old in previous.terms.items():
        new = revised.terms.term(key)
        if _values(old) == _values(new):
            continue
        changed.append(RoundChange(key, _in_words(previous, key), _in_words(revised, key)))
    return changed


def _values(term: Term[Any]) -> tuple[Any, ...]:
    return term.values if term.known else ()


def _in_words(program: Program, key: str) -> str:
    found = statement(program, key)
    if found is None:
        return "The terms do not say."
    if found.disputed:
        return "The sources disagree: " + " / ".join(q.statement for q in found.quotes)
    return found.text


# --- small helpers -------------------------------------------------------------------------------


def _num(value: float) -> str:
    return f"{value:g}"
