"""A model agreement for a program that does not exist yet, and the program file that
matches it.

Every clause comes from the remedy of a rule the profile weighs, with the numbers filled
in: the profile's (its pay floor, its longest review deadline...) unless the user sets
them (``compensation.hourly_rate: 25``). The program states each term the remedies set,
each fact quoting the clause that states it, so it scores the best grade the profile
allows with nothing unknown that the profile weighs. Terms the profile's rules read but
leave free are *open choices*: either answer keeps the grade, and the agreement marks them.

A setting may fall short of the profile (an hourly rate under its floor, no money at all):
the agreement then states what was set, says which rule it no longer meets and the grade it
reaches, and shows the recommendation not taken beside it. A clause is quoted only for terms
that hold the values it states; a number no rule reads once the settings are made (a rate
when nobody is paid) is not stated.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, get_args

from pydantic import ValidationError

from .. import _yaml
from .._checks import MAX_TERMS_A_QUOTE
from ..errors import LoadError, Problem, UsageError
from ..model import Kind, Program, TermOf, Terms
from ..profiles import Grade, Profile, load_profile
from ..rules import CATALOGUE, Parameters, Rule
from ..scoring import Scorecard, score
from . import _outcomes
from ._changes import BOUNDS, asked_terms, asked_value
from .draft import SECTION_TITLES, Why, rule_section, why
from .wording import sample_values, wording

ROLE_OF_KIND: Final[dict[str, str]] = {
    "beta": "tester",
    "early-access": "tester",
    "playtest": "tester",
    "user-research": "tester",
    "red-team": "red-teamer",
    "creative-partner": "creative-partner",
    "reference": "creative-partner",
    "grant": "creative-partner",
    "bug-bounty": "researcher",
    "commission": "contractor",
    "crowd-work": "contractor",
}
"""The role a program of each kind invites participants to (a setting may change it)."""

SOURCE_ID: Final = "agreement"


@dataclass(frozen=True)
class AgreementClause:
    rule: str
    text: str
    """The clause, with the agreement's numbers filled in; where a setting departs from the
    rule's remedy, what the agreement states of the remedy's terms instead."""
    why: Why
    met: bool
    """Whether the agreement meets the rule (False: a setting falls short of it)."""
    outcome: str
    recommended: str | None = None
    """The recommendation the settings did not take (the remedy's clause with the profile's
    numbers), where ``text`` is not it."""


@dataclass(frozen=True)
class Choice:
    """A term the profile leaves open: either answer keeps the grade."""

    term: str
    question: str
    options: tuple[str, ...]
    """The possible answers in words (empty for a number: any)."""


@dataclass(frozen=True)
class AgreementSection:
    section: str
    title: str
    clauses: tuple[AgreementClause, ...]
    settings: tuple[tuple[str, str], ...]
    """(term, sentence) for what a setting or the program's kind states beyond the clauses."""
    choices: tuple[Choice, ...]


@dataclass(frozen=True)
class ModelAgreement:
    program: Program
    """The program the agreement describes (its facts quote the clauses)."""
    profile: Profile
    card: Scorecard
    date: str
    settings: Mapping[str, Any]
    numbers: Mapping[str, Any]
    """The numbered terms and their values (the profile's bounds, or the settings)."""
    sections: tuple[AgreementSection, ...]
    grade: Grade | None
    """The grade the program is certain of under the profile."""
    best_grade: Grade | None
    """The grade the remedies alone reach under the profile (without the settings)."""

    @property
    def shortfalls(self) -> tuple[AgreementClause, ...]:
        return tuple(c for s in self.sections for c in s.clauses if not c.met)


def draft_new(
    kind: str,
    profile: Profile | str = "articles",
    *,
    settings: Mapping[str, Any] | None = None,
    name: str | None = None,
    organization: str | None = None,
    program_id: str | None = None,
    agreement_file: str = "model-agreement.md",
    date: str | None = None,
) -> ModelAgreement:
    """A model agreement for a new program of ``kind``, from ``profile``'s remedies.

    ``settings`` maps terms (``compensation.hourly_rate``) to values; check them first with
    :func:`check_settings`. ``agreement_file`` is where the agreement is written: the
    program's facts cite it as their source."""
    if kind not in get_args(Kind):
        raise UsageError(f"no kind {kind!r}; the kinds are: {', '.join(get_args(Kind))}")
    profile = load_profile(profile) if isinstance(profile, str) else profile
    settings = dict(settings or {})
    when = date or datetime.date.today().isoformat()
    values, numbers, parameters = _values(kind, profile, settings)
    values = _settle_gates(kind, profile, values)
    plain_values = _settle_gates(kind, profile, _values(kind, profile, {})[0])
    for key in _unread(kind, profile, values, plain_values, settings):
        del values[key]
        numbers.pop(key, None)
    holds = {code for code in profile.rules if _holds(CATALOGUE[code], values, parameters)}
    quotes = {
        key: CATALOGUE[code].remedy.clause_for(parameters)
        for key, code in _clauses(profile).items()
        if key in values and code in holds
    }
    # One clause quoted for more than three terms fails validate's codebook check ("one
    # sentence backs several terms only where it states each"): each of those terms quotes
    # its own statement instead, which the agreement then states too.
    backing: dict[str, list[str]] = {}
    for key, text in quotes.items():
        backing.setdefault(text, []).append(key)
    for keys in backing.values():
        if len(keys) > MAX_TERMS_A_QUOTE:
            for key in keys:
                del quotes[key]
    for key, value in values.items():
        quotes.setdefault(key, wording(key).statement(value))
    program = _program(
        kind, profile, values, quotes, name, organization, program_id, agreement_file
    ).model_copy(update={"as_of": when})
    card = score(program, profile)
    plain = _program(kind, profile, plain_values, {}, name, organization, None, "")
    best = _outcomes.worst_grade(score(plain, profile).findings, profile)
    total = sum(profile.rules.values())
    sections = []
    for section in Terms.SECTIONS:
        codes = [c for c in profile.rules if rule_section(CATALOGUE[c]) == section]
        clauses = tuple(
            _clause(CATALOGUE[code], profile, parameters, values, quotes, holds, card, total)
            for code in codes
        )
        stated = tuple(
            (key, quotes[key])
            for key in values
            if key.startswith(f"{section}.") and not any(quotes[key] in c.text for c in clauses)
        )
        open_ = tuple(_choice(key) for key in _free_terms(profile, values, section))
        if clauses or stated or open_:
            title = SECTION_TITLES.get(section, section)
            sections.append(AgreementSection(section, title, clauses, stated, open_))
    return ModelAgreement(
        program=program,
        profile=profile,
        card=card,
        date=when,
        settings=settings,
        numbers=numbers,
        sections=tuple(sections),
        grade=_outcomes.worst_grade(card.findings, profile),
        best_grade=best,
    )


def _clause(
    rule: Rule,
    profile: Profile,
    parameters: Parameters,
    values: Mapping[str, Any],
    quotes: Mapping[str, str],
    holds: set[str],
    card: Scorecard,
    total: float,
) -> AgreementClause:
    """A rule's clause: its remedy's, where the agreement's terms hold it; else what the
    agreement states of the remedy's terms, with the recommendation beside it."""
    finding = card.finding(rule.code)
    recommended = rule.remedy.clause_for(profile.parameters)
    if rule.code in holds:
        text = rule.remedy.clause_for(parameters)
    else:
        said = [quotes[k] for k in asked_terms(rule) if k in values]
        text = " ".join(dict.fromkeys(said)) or recommended
    return AgreementClause(
        rule=rule.code,
        text=text,
        why=why(rule, profile, total),
        met=finding.outcome in ("met", "n/a") and not finding.disputed,
        outcome=finding.outcome,
        recommended=None if text == recommended else recommended,
    )


def _holds(rule: Rule, values: Mapping[str, Any], parameters: Parameters) -> bool:
    """Whether the agreement's terms are those the rule's clause states (its remedy's, each
    bounded number the clause names at the number filled in)."""
    return all(
        key in values and values[key] == asked_value(rule, key, parameters)
        for key in asked_terms(rule)
    )


def _unread(
    kind: str,
    profile: Profile,
    values: Mapping[str, Any],
    plain: Mapping[str, Any],
    settings: Mapping[str, Any],
) -> list[str]:
    """The numbers the user did not set that a rule reads without the settings and none
    reads with them (a rate when nobody is paid): stating them would state a term the
    agreement, as set, does not have."""
    if not settings:
        return []

    def read(terms: Mapping[str, Any]) -> set[str]:
        card = score(_program(kind, profile, terms, {}, None, None, None, ""), profile)
        return {key for finding in card.findings for key in finding.terms}

    now, before = read(values), read(plain)
    return [k for k in BOUNDS if k in values and k not in settings and k in before - now]


def _values(
    kind: str, profile: Profile, settings: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any], Any]:
    """The terms the agreement states, the numbers among them, and the parameters its
    clauses are filled with (the profile's, with each set number in place of its bound)."""
    values: dict[str, Any] = {}
    for code in profile.rules:
        for key, value in CATALOGUE[code].remedy.terms.items():
            values.setdefault(key, value)
    overrides = {BOUNDS[k][0]: float(v) for k, v in settings.items() if k in BOUNDS}
    parameters = type(profile.parameters)(**{**profile.parameters.model_dump(), **overrides})
    numbers: dict[str, Any] = {}
    for key, (name, _) in BOUNDS.items():
        named = any("{" + name in CATALOGUE[c].remedy.clause for c in profile.rules)
        if key in values or named:
            numbers[key] = values[key] = getattr(parameters, name)
    if any("expectations.role" in CATALOGUE[c].reads for c in profile.rules):
        values["expectations.role"] = ROLE_OF_KIND.get(kind, "tester")
    values.update(settings)
    for key in numbers:
        numbers[key] = values[key]
    return values, numbers, parameters


def _settle_gates(kind: str, profile: Profile, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with each term stated that would leave a rule unknown: a term that decides
    whether the rule applies at all (whether a likeness is captured), set to the first value
    under which the rule is met. The user may set it otherwise."""
    values = dict(values)
    card = score(_program(kind, profile, values, {}, None, None, None, ""), profile)
    for finding in card.findings:
        if finding.outcome != "unknown":
            continue
        for key in CATALOGUE[finding.rule].reads:
            if key in values:
                continue
            for value in sample_values(key):
                trial = {**values, key: value}
                program = _program(kind, profile, trial, {}, None, None, None, "")
                if score(program, profile).finding(finding.rule).outcome == "met":
                    values = trial
                    break
    return values


def _clauses(profile: Profile) -> dict[str, str]:
    """For each term a remedy sets, the rule whose clause states it (the first, in the
    profile's order); for a number, the rule whose clause names its bound."""
    found: dict[str, str] = {}
    # A rule of the term's own section states it first: the voice section's clause says
    # there is a channel, not the clause on partner roles that also asks for one.
    for own_section in (True, False):
        for code in profile.rules:
            rule = CATALOGUE[code]
            for key in rule.remedy.terms:
                if (key.split(".")[0] == rule_section(rule)) == own_section:
                    found.setdefault(key, code)
    for code in profile.rules:
        rule = CATALOGUE[code]
        for key, (name, _) in BOUNDS.items():
            if "{" + name in rule.remedy.clause:
                found[key] = code
    return found


def _program(
    kind: str,
    profile: Profile,
    values: Mapping[str, Any],
    quotes: Mapping[str, str],
    name: str | None,
    organization: str | None,
    program_id: str | None,
    agreement_file: str,
) -> Program:
    sections: dict[str, dict[str, Any]] = {}
    for key, value in values.items():
        section, term = key.split(".")
        fact: dict[str, Any] = {"value": value, "source": SOURCE_ID}
        if key in quotes:
            fact["quote"] = quotes[key]
        sections.setdefault(section, {})[term] = fact
    words = kind.replace("-", " ")
    return Program.model_validate(
        {
            "id": program_id or f"model-{kind}",
            "name": name or f"Model {words} agreement",
            "organization": organization or "the organization",
            "kind": kind,
            "sources": {
                SOURCE_ID: {
                    "title": f"Model agreement from the profile {profile.id} {profile.version}",
                    "party": "other",
                    "path": agreement_file or "model-agreement.md",
                    "note": "Written by testerterms draft --new from the remedies of the "
                    "profile's rules: a model, not terms anyone has agreed.",
                }
            },
            "terms": sections,
        }
    )


def _free_terms(profile: Profile, values: Mapping[str, Any], section: str) -> list[str]:
    """Terms of ``section`` the profile's rules read that the agreement leaves open."""
    keys = {
        key
        for code in profile.rules
        for key in CATALOGUE[code].reads
        if key.startswith(f"{section}.") and key not in values
    }
    order = [key for key, _ in Terms().items()]
    return sorted(keys, key=order.index)


def _choice(key: str) -> Choice:
    words = wording(key)
    options: tuple[str, ...] = ()
    if words.answers:
        options = tuple(words.answer(v) for v in sample_values(key))
    return Choice(key, words.question, options)


# --- settings ------------------------------------------------------------------------------------

TERM_KEYS: Final = tuple(key for key, _ in Terms().items())


def check_setting(key: str, value: Any, where: str = "--set") -> tuple[str, Any]:
    """``(key, value)`` as the model holds it, or a :class:`UsageError` that names the term
    the user most likely meant and what the value should be."""
    if key not in TERM_KEYS:
        raise UsageError(f"{where}: no term {key!r}{_did_you_mean(key)}")
    mark = TermOf(Terms.value_type(key))
    try:
        return key, mark.check(value)
    except ValidationError as exc:
        problem = exc.errors()[0]["msg"]
        choices = wording(key)
        allowed = ""
        if choices.answers:
            allowed = "; one of: " + ", ".join(_spelt(v) for v in choices.answers)
        raise UsageError(f"{where}: {key}={_spelt(value)}: {problem}{allowed}") from None


def settings_from_pairs(pairs: Iterable[str]) -> dict[str, Any]:
    """``key=value`` pairs, each value read as a YAML value (``25``, ``true``, ``[a, b]``)."""
    settings: dict[str, Any] = {}
    for pair in pairs:
        key, equals, text = pair.partition("=")
        if not equals or not key.strip():
            raise UsageError(f"--set {pair!r}: write TERM=VALUE, as compensation.hourly_rate=25")
        value = _one_value(text, key.strip())
        name, checked = check_setting(key.strip(), value)
        settings[name] = checked
    return settings


def _one_value(text: str, key: str) -> Any:
    """One YAML value, read as a program file's values are (``[a, b]`` is a list)."""
    if "\n" in text or "\r" in text:
        raise UsageError(f"--set {key}: the value must be on one line")
    try:
        data = _yaml.parse("value: " + (text.strip() or "''"), f"--set {key}").data
    except LoadError as exc:
        raise UsageError(f"--set {key}: {exc.problems[0].message}") from None
    if not isinstance(data, dict) or set(data) != {"value"}:
        raise UsageError(f"--set {key}: write one value")
    return data["value"]


def settings_from_file(path: str) -> dict[str, Any]:
    """A small YAML file of settings: ``compensation.hourly_rate: 25``, or nested by
    section (``compensation: {hourly_rate: 25}``); every mistake located."""
    from pathlib import Path

    text = _yaml.read_text(Path(path), path)
    document = _yaml.parse(text, path)
    data = document.data
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise LoadError([document.problem((), "expected a mapping of terms to values")])
    settings: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in data.items():
        entries: list[tuple[tuple[str | int, ...], str, Any]]
        if isinstance(value, dict) and key in Terms.SECTIONS:
            entries = [((key, name), f"{key}.{name}", v) for name, v in value.items()]
        else:
            entries = [((key,), str(key), value)]
        for loc, term, item in entries:
            try:
                name, checked = check_setting(term, item, where=term)
            except UsageError as exc:
                message = str(exc).split(": ", 1)[-1]
                problems.append(document.problem(loc, message, key=term not in TERM_KEYS))
                continue
            settings[name] = checked
    if problems:
        raise LoadError(problems)
    return settings


def _spelt(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def _did_you_mean(key: str) -> str:
    from ..errors import did_you_mean

    hint = did_you_mean(key, TERM_KEYS)
    if hint:
        return hint
    name = key.rpartition(".")[2]
    same = [k for k in TERM_KEYS if k.endswith("." + name)]
    return f" (did you mean {same[0]!r}?)" if len(same) == 1 else ""


def numbers_used(agreement: ModelAgreement) -> Sequence[tuple[str, str, bool]]:
    """(question, the number in words, whether the user set it) for each numbered term."""
    rows = []
    for key, value in agreement.numbers.items():
        words = wording(key)
        rows.append((words.question, words.answer(value), key in agreement.settings))
    return rows
