"""The typed model of a tester program: identity, sources, and terms in sections.

A term is *unknown* (left out, or written ``unknown``), one *fact* with its source, or
several *claims* from different sources. Claims that disagree make the term *disputed*.

In YAML a term is written in one of three ways::

    pre_approval: all                  # plain value; the section's `source:` backs it
    pre_approval: {value: all, source: S1, quote: "every output needs to be approved"}
    feedback_required:
      claims:
        - {value: true, source: S1, quote: "unpaid labor through bug testing, feedback"}
        - value: false
          source: S4
          party: organization
          quote: "no obligation to provide feedback"
"""

from __future__ import annotations

import datetime
import re
from functools import cache, cached_property
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    ClassVar,
    Final,
    Generic,
    Literal,
    TypeVar,
    Union,
    get_args,
    get_origin,
)

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    Strict,
    StrictBool,
    StrictStr,
    TypeAdapter,
    ValidationError,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, core_schema

UNKNOWN = "unknown"

Party = Literal["organization", "participants", "press", "other"]
Quoted = Literal["organization", "participants"]
"""Whose words a source quotes by name, where the source is not theirs (the press quoting
the company's spokesperson or statement)."""
Evidence = Literal["official", "reported", "claimed", "disputed"]

EVIDENCE_OF_PARTY: dict[str, Evidence] = {
    "organization": "official",
    "press": "reported",
    "participants": "claimed",
    "other": "claimed",
}
EVIDENCE_STRENGTH: dict[str, int] = {"official": 3, "reported": 2, "claimed": 1, "disputed": 0}

Kind = Literal[
    "beta",
    "early-access",
    "red-team",
    "creative-partner",
    "bug-bounty",
    "user-research",
    "commission",
    "playtest",
    "grant",
    "crowd-work",
    "reference",
]
"""beta; early-access; red-team; creative-partner; bug-bounty; user-research (paid studies);
commission; playtest (games); grant (a fund that pays chosen applicants); crowd-work (rating,
annotation and other data work); reference (the example built from every remedy)."""

Money = Literal["none", "some", "per-result", "everyone"]
PayCondition = Literal["first-reporter", "triggers-fix", "valid-report", "selected", "winners"]
PreApproval = Literal["none", "narrow", "all"]
Attribution = Literal["none", "selected", "per-result", "everyone"]
Consent = Literal["none", "opt-out", "opt-in"]
Scope = Literal["broad", "narrow"]
Ownership = Literal["participant", "shared", "organization"]
FeedbackLicence = Literal["none", "limited", "broad"]
DataUse = Literal["none", "disclosed", "undisclosed"]
Role = Literal["tester", "researcher", "red-teamer", "creative-partner", "co-creator", "contractor"]
Credentials = Literal["per-participant", "shared"]
Revocation = Literal["for-cause", "at-will", "collective"]
ShareBan = Literal["none", "narrow", "all"]
OutputLimit = Literal["non-commercial", "not-before-release", "personal-use", "other"]
LicenceUse = Literal["use", "display", "repost", "modify", "marketing", "training", "sublicense"]
TermsChanges = Literal["agreed", "with-notice", "at-will"]
CarveOut = Literal["public-information", "own-experience", "after-release", "required-by-law"]
Withholding = Literal["none", "listed-grounds", "discretionary"]
SafeHarbor = Literal["none", "partial", "full"]
Disclosure = Literal["coordinated", "discretionary", "forbidden"]
TrainingGrant = Literal["express", "implied", "none"]
Representation = Literal["none", "consultation", "collective-agreement"]
ParticipantUnit = Literal["people", "films", "teams", "organizations"]
Period = Literal["week", "month", "year", "program"]
Bound = Literal["about", "at-least", "at-most"]

NonNegative = Annotated[float, Strict(), Field(ge=0, allow_inf_nan=False)]
Count = Annotated[int, Strict(), Field(ge=0)]
"""A number of people: a whole number, not negative."""


class Frozen(BaseModel):
    # Lax containers (a YAML list is a fine tuple) but strict scalars below: a quoted
    # "5" is not a number and "yes" is not a boolean.
    model_config = ConfigDict(frozen=True, extra="forbid")


class TimeCommitment(Frozen):
    """Hours of work expected: ``{hours: 5, per: year, bound: at-least}``, or a range
    ``{hours: 5, up_to: 10, per: year}``."""

    hours: NonNegative
    """Hours of work, 0 or more (the lower end of a range)."""
    up_to: NonNegative | None = None
    """The upper end, where the source gives a range ("between 5 and 10 hours a year")."""
    per: Period = "program"
    """The period the hours are counted over: week, month, year, or the whole program."""
    bound: Bound = "about"
    """How the number is meant: about, at-least, at-most."""

    @model_validator(mode="after")
    def _range(self) -> TimeCommitment:
        if self.up_to is not None and self.up_to < self.hours:
            raise ValueError("`up_to` must not be below `hours`")
        return self

    def __str__(self) -> str:
        bound = {"about": "about", "at-least": "at least", "at-most": "at most"}[self.bound]
        per = "over the program" if self.per == "program" else f"a {self.per}"
        hours = f"{self.hours:g}" if self.up_to is None else f"{self.hours:g} to {self.up_to:g}"
        return f"{bound} {hours} hours {per}"


V = TypeVar("V")


class Fact(Frozen, Generic[V]):
    """One value with the sources it rests on."""

    value: V
    source: tuple[str, ...] = Field(min_length=1)
    quote: str | None = None
    party: Party | None = None
    """Who says it, where that is not the source's own party: participants whose claim the
    press reports. The company's words reported by the press are written ``quoting:
    organization`` instead (docs/codebook.md, "Who speaks")."""
    quoting: Quoted | None = None
    """Whose words the source quotes by name, where the source is not theirs: ``organization``
    when the press quotes the company (a named spokesperson, a statement, its documents).
    The fact then counts as that party's. An anonymous source is not the company: leave it
    out, and the fact is the press's."""
    note: str | None = None
    since: str | None = None
    """In a term's ``history``: the date from which this value held (text, like 2023-04)."""
    until: str | None = None
    """In a term's ``history``: the date at which this value stopped holding."""

    @field_validator("source", mode="before")
    @classmethod
    def _one_or_many(cls, raw: Any) -> Any:
        return (raw,) if isinstance(raw, str) else tuple(raw) if isinstance(raw, list) else raw

    @field_validator("since", "until", mode="before")
    @classmethod
    def _date_text(cls, raw: Any) -> Any:
        # A year written as a number (2024) is a date as text, as in `period`.
        return str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else raw

    @model_validator(mode="after")
    def _one_speaker(self) -> Fact[V]:
        if self.party is not None and self.quoting is not None and self.party != self.quoting:
            raise ValueError(
                f"`party: {self.party}` and `quoting: {self.quoting}` disagree: write `quoting:` "
                "alone where the source quotes someone by name"
            )
        return self

    if not TYPE_CHECKING:

        def __class_getitem__(cls, value_type: Any) -> Any:
            # `Fact[X]` names a type for type checkers only: one class holds every fact,
            # and the term it belongs to checks its value (see `TermOf`).
            return cls


class Dated(Fact[V], Generic[V]):
    """One entry of a term's ``history``: a value with the dates it held."""

    @model_validator(mode="after")
    def _dated(self) -> Dated[V]:
        if self.since is None and self.until is None:
            raise ValueError(
                "a history entry needs `since` (when this value began to hold) or `until` "
                "(when it stopped), or both"
            )
        since, until = date_parts(self.since), date_parts(self.until)
        if since is not None and until is not None and until < since[: len(until)]:
            raise ValueError(f"`until` {self.until} comes before `since` {self.since}")
        return self


class Term(Frozen, Generic[V]):
    """What the sources say about one term: no claims means unknown.

    ``history`` records a value that changed over time (a reward later halted): each entry
    has ``since`` and/or ``until``; the entries without ``until`` are the current claims,
    and only they are scored. A change over time is not a dispute."""

    claims: tuple[Fact[V], ...] = ()
    history: tuple[Dated[V], ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _spelling(cls, raw: Any) -> Any:
        return _term_shape(raw)

    @field_validator("history", mode="after")
    @classmethod
    def _current(cls, history: tuple[Dated[V], ...]) -> tuple[Dated[V], ...]:
        if history and all(entry.until is not None for entry in history):
            raise ValueError(
                "every history entry has `until`, so nothing says what holds now: add the "
                "current value as an entry without `until` (with its `since`)"
            )
        return history

    @model_validator(mode="after")
    def _current_claims(self) -> Term[V]:
        # The history's current entries are the claims that score; set once, while the
        # model is built (it is frozen afterwards).
        if self.history and not self.claims:
            current = tuple(entry for entry in self.history if entry.until is None)
            object.__setattr__(self, "claims", current)
        return self

    @property
    def facts(self) -> tuple[Fact[V], ...]:
        """Every fact written for the term: its claims, or its whole history."""
        return self.history or self.claims

    @property
    def known(self) -> bool:
        return bool(self.claims)

    @cached_property
    def values(self) -> tuple[V, ...]:
        """The distinct values claimed, in first-claimed order (linear in the claims: a term
        with thousands of claims must not cost their square)."""
        try:
            return tuple(dict.fromkeys(fact.value for fact in self.claims))
        except TypeError:  # a value that cannot be hashed: compare in pairs
            seen: list[V] = []
            for fact in self.claims:
                if fact.value not in seen:
                    seen.append(fact.value)
            return tuple(seen)

    @property
    def disputed(self) -> bool:
        return len(self.values) > 1

    @property
    def value(self) -> V | None:
        """The agreed value, or None when unknown or disputed."""
        values = self.values
        return values[0] if len(values) == 1 else None

    if not TYPE_CHECKING:

        def __class_getitem__(cls, value_type: Any) -> Any:
            # `Term[Money]` is `Annotated[Term, TermOf(Money)]`: one class for every term,
            # its values checked by the mark (see `TermOf`).
            if isinstance(value_type, TypeVar):
                return cls
            mark = _MARKS.get(id(value_type))
            if mark is None:
                mark = _MARKS[id(value_type)] = TermOf(value_type)
            return Annotated[cls, mark]


def _term_shape(raw: Any) -> Any:
    """A term as the model holds it (``{claims: [...]}`` or ``{history: [...]}``), from any
    of the ways a file may write it."""
    if isinstance(raw, Term):
        return raw
    if raw == UNKNOWN:
        return {"claims": ()}
    if isinstance(raw, dict) and "value" in raw:
        return {"claims": (raw,)}
    if isinstance(raw, dict) and raw.get("history") and raw.get("claims"):
        if not _claims_are_current(raw["claims"], raw["history"]):  # not a dump's echo
            raise ValueError(
                "write `history:` (dated values; the entries without `until` are the "
                "current ones) or `claims:`, not both"
            )
        return {**raw, "claims": ()}
    if raw is None:
        raise ValueError("empty value: write `unknown`, or leave the key out")
    if not isinstance(raw, dict):
        raise ValueError(f"a value needs a source: write {{value: {_written(raw)}, source: ID}}")
    return raw


class TermOf:
    """The type of a term's values: the mark that ``Term[Money]`` puts on a field.

    Every term is one :class:`Term` class holding :class:`Fact` instances whose ``value`` is
    untyped; this mark checks (and converts: a list to a tuple, ``{hours: 5}`` to a
    :class:`TimeCommitment`) each value of the term against its type, and reports a wrong
    one at ``claims, N, value`` (or ``history, N, value``) as pydantic would. Pydantic
    builds a class, a schema and a validator for each generic version instead (``Term[Money]``,
    ``Fact[Money]``, ``Dated[Money]``: 78 classes for 26 value types), which made importing
    the model take about twice as long (113 ms against 58 ms); checking values here costs
    about 15 us more a program than those classes did.
    """

    __slots__ = ("_adapter", "value_type")

    def __init__(self, value_type: Any) -> None:
        self.value_type = value_type
        self._adapter: TypeAdapter[Any] | None = None

    def __repr__(self) -> str:
        return f"TermOf({self.value_type!r})"

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_wrap_validator_function(self._validate, handler(source))

    def check(self, value: Any) -> Any:
        """``value`` as the term holds it; raises :class:`ValidationError` when it is not one."""
        if self._adapter is None:
            self._adapter = TypeAdapter(self.value_type)
        return self._adapter.validate_python(value)

    def _validate(self, raw: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        if type(raw) is dict and "value" in raw:
            # Most terms are one fact ({value: ..., source: ...}): checked here at once. A
            # wrong value goes the long way below, to be reported with the term's other errors.
            value = raw["value"]
            try:
                checked = self.check(value)
            except ValidationError:
                pass
            else:
                return handler(raw if checked is value else {**raw, "value": checked})
        try:
            shape = _term_shape(raw)
        except ValueError:
            return handler(raw)  # the model's own validator says what is wrong
        errors: list[InitErrorDetails] = []
        if isinstance(shape, Term):
            field = "history" if shape.history else "claims"
            shape = {field: getattr(shape, field)}
        if isinstance(shape, dict):
            shape = dict(shape)
            for field in ("claims", "history"):
                entries = shape.get(field)
                if isinstance(entries, (list, tuple)):
                    shape[field] = [
                        self._entry(entry, (field, index), errors)
                        for index, entry in enumerate(entries)
                    ]
        try:
            term = handler(shape)
        except ValidationError as exc:
            if not errors:
                raise
            raise ValidationError.from_exception_data(
                "Term", errors + [_details(error) for error in exc.errors()]
            ) from None
        if errors:
            raise ValidationError.from_exception_data("Term", errors)
        return term

    def _entry(self, entry: Any, at: tuple[str, int], errors: list[InitErrorDetails]) -> Any:
        if isinstance(entry, Fact):
            value = entry.value
        elif isinstance(entry, dict) and "value" in entry:
            value = entry["value"]
        else:
            return entry  # the model reports what is missing
        try:
            checked = self.check(value)
        except ValidationError as exc:
            errors += [_details(error, (*at, "value")) for error in exc.errors()]
            return entry
        if checked is value:
            return entry
        if isinstance(entry, Fact):
            return entry.model_copy(update={"value": checked})
        return {**entry, "value": checked}


_MARKS: dict[int, TermOf] = {}
"""One mark for each value type, by the type's identity (the type aliases below)."""


def _details(error: Any, at: tuple[str | int, ...] = ()) -> InitErrorDetails:
    """A reported error as pydantic takes it back, with ``at`` before its location."""
    details = InitErrorDetails(type=error["type"], loc=(*at, *error["loc"]), input=error["input"])
    if "ctx" in error:
        details["ctx"] = error["ctx"]
    return details


def term_value_type(annotation: Any, metadata: Any = ()) -> Any:
    """The type of the values of a term field (``Term[Money]`` -> ``Money``), or None when
    the field is not a term. Give a field's ``annotation`` and ``metadata``, or an
    annotation such as ``Annotated[Term, TermOf(Money)]``."""
    marks = list(metadata)
    if get_origin(annotation) is Annotated:
        annotation, *extra = get_args(annotation)
        marks += extra
    if not (isinstance(annotation, type) and issubclass(annotation, Term)):
        return None
    for mark in marks:
        if isinstance(mark, TermOf):
            return mark.value_type
    return None


def _claims_are_current(claims: Any, history: Any) -> bool:
    """Whether ``claims`` are exactly the current entries of ``history`` (as a model dump
    writes them)."""

    def plain(entry: Any) -> Any:
        return entry.model_dump() if isinstance(entry, BaseModel) else entry

    entries = [plain(entry) for entry in history]
    current = [e for e in entries if not (isinstance(e, dict) and e.get("until") is not None)]
    return [plain(claim) for claim in claims] == current


_DATE: Final = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def date_parts(text: str | None) -> tuple[int, ...] | None:
    """``2024-02-15`` as ``(2024, 2, 15)``, ``2024-02`` as ``(2024, 2)``, ``2024`` as
    ``(2024,)``; None for anything else (``unknown``, ``banana``, ``2030-99-99``)."""
    if text is None:
        return None
    found = _DATE.fullmatch(text)
    if found is None:
        return None
    parts = tuple(int(part) for part in found.groups() if part is not None)
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return None
    if len(parts) > 2:
        try:
            datetime.date(*parts)
        except ValueError:
            return None
    return parts


def _written(value: Any) -> str:
    """A plain value as YAML would show it in a message (``true``, ``200``, ``[a, b]``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_written(item) for item in value) + "]"
    text = str(value)
    return text if len(text) <= 40 else "..."


class Section(Frozen):
    """A group of terms. ``source`` (and ``quote``) back plain values written without one:
    a plain value (``money: everyone``), a list (``conditions: [first-reporter]``), a fact
    or a history entry written without ``source``."""

    source: tuple[str, ...] | None = None
    quote: str | None = None

    @field_validator("source", mode="before")
    @classmethod
    def _one_or_many(cls, raw: Any) -> Any:
        return (raw,) if isinstance(raw, str) else tuple(raw) if isinstance(raw, list) else raw

    @model_validator(mode="before")
    @classmethod
    def _default_source(cls, raw: Any) -> Any:
        if not isinstance(raw, dict) or "source" not in raw:
            return raw
        default: dict[str, Any] = {"source": raw["source"]}
        if "quote" in raw:
            default["quote"] = raw["quote"]
        filled = dict(raw)
        for name, value in raw.items():
            if name in ("source", "quote") or name not in cls.model_fields:
                continue
            if isinstance(value, dict) and "value" in value and "source" not in value:
                filled[name] = {**default, **value}
            elif isinstance(value, dict) and isinstance(value.get("history"), list):
                filled[name] = {
                    **value,
                    "history": [
                        {**default, **entry}
                        if isinstance(entry, dict) and "source" not in entry
                        else entry
                        for entry in value["history"]
                    ],
                }
            elif _is_plain(cls, name, value):
                filled[name] = {**default, "value": value}
        return filled

    @classmethod
    def term_names(cls) -> tuple[str, ...]:
        """The names of this section's terms, in schema order."""
        return _term_names(cls)

    def terms(self) -> dict[str, Term[Any]]:
        return {name: getattr(self, name) for name in _term_names(type(self))}


_TERM_KEYS: Final = frozenset({"value", "claims", "history", "source"})


def _is_plain(section: type[Section], name: str, value: Any) -> bool:
    """Whether ``value`` is a plain value (``everyone``, ``[winners]``, or for a term that
    holds a mapping, ``time: {hours: 5}``), not a term written as a mapping or unknown."""
    if value is None or value == UNKNOWN:
        return False
    if not isinstance(value, dict):
        return True
    info = section.model_fields[name]
    inner = term_value_type(info.annotation, info.metadata)
    return (
        isinstance(inner, type)
        and issubclass(inner, BaseModel)
        and not set(value) & _TERM_KEYS
        and set(value) <= set(inner.model_fields)
    )


@cache
def _term_keys() -> tuple[tuple[str, str, str], ...]:
    """(section, name, ``section.name``) of every term, in schema order."""
    return tuple(
        (section, name, f"{section}.{name}")
        for section in Terms.SECTIONS
        for name in _term_names(Terms.model_fields[section].annotation)  # type: ignore[arg-type]
    )


@cache
def _section_keys() -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """Each section with its terms' (name, ``section.name``), in schema order."""
    return tuple(
        (section, tuple((name, key) for sec, name, key in _term_keys() if sec == section))
        for section in Terms.SECTIONS
    )


@cache
def _term_names(section: type[Section]) -> tuple[str, ...]:
    return tuple(name for name in section.model_fields if name not in ("source", "quote"))


class Compensation(Section):
    """What participants get for their work."""

    money: Term[Money] = Term()
    """Who is paid money: none; some (a select few: prizes, grants); per-result (per accepted
    result, as in a bounty); everyone who does the work."""
    conditions: Term[tuple[PayCondition, ...]] = Term()
    """Conditions on money paid per result or to a few (first-reporter, triggers-fix,
    valid-report, selected, winners)."""
    hourly_rate: Term[NonNegative] = Term()
    """Effective pay per hour of expected work, in US dollars."""
    amount: Term[StrictStr] = Term()
    """What is paid, in words ("$200 to $20,000 per bug")."""
    in_kind: Term[StrictBool] = Term()
    """Free access, credits or other benefits in kind."""
    rate_measured: Term[StrictBool] = Term()
    """The hourly rate is measured on the real (median) time the work takes, not estimated."""
    rate_as_of: Term[StrictStr] = Term()
    """The date the hourly rate was stated (text, like 2025-01)."""
    payment_days: Term[NonNegative] = Term()
    """Days within which pay arrives after work is done or accepted."""
    onboarding_paid: Term[StrictBool] = Term()
    """Onboarding, training, screening and qualification work is paid."""
    withholding: Term[Withholding] = Term()
    """When pay can be withheld: none; listed-grounds (only on grounds the terms list);
    discretionary (at the organization's sole discretion)."""


class ContentReview(Section):
    """Whether participants need approval before they share what they make."""

    pre_approval: Term[PreApproval] = Term()
    """Approval needed before sharing: none; narrow (some outputs or topics); all outputs."""
    criteria_published: Term[StrictBool] = Term()
    """The review criteria are written down and given to participants."""
    response_days: Term[NonNegative] = Term()
    """Days within which the organization answers a request to share."""
    release_on_silence: Term[StrictBool] = Term()
    """Without an answer by the deadline, the participant may share."""
    share_ban: Term[ShareBan] = Term()
    """Sharing forbidden outright, not by approval: none; narrow (some outputs or topics, or
    until release); all (the feature and its outputs may not be shared at all)."""


class Credit(Section):
    """Attribution, and use of participants' work in marketing."""

    attribution: Term[Attribution] = Term()
    """Who is credited by name: none; selected participants; everyone."""
    opt_out: Term[StrictBool] = Term()
    """A participant may decline to be named."""
    marketing_use: Term[StrictBool] = Term()
    """Participants' work is used in marketing, showcases or PR."""
    marketing_consent: Term[Consent] = Term()
    """Consent to marketing use: none; opt-out; opt-in."""
    marketing_pay: Term[StrictBool] = Term()
    """Participants are paid for the marketing use of their work."""


class Confidentiality(Section):
    """Non-disclosure duties."""

    nda: Term[StrictBool] = Term()
    """A confidentiality agreement or duty is required."""
    scope: Term[Scope] = Term()
    """What it covers: broad (the whole program); narrow (defined confidential information)."""
    ends_at_release: Term[StrictBool] = Term()
    """The duty ends when the product is publicly released."""
    duration_months: Term[NonNegative] = Term()
    """Fixed length of the duty, in months."""
    own_experience: Term[StrictBool] = Term()
    """Participants may speak about their own experience and criticise the program."""
    carve_outs: Term[tuple[CarveOut, ...]] = Term()
    """What the duty does not cover: public-information, own-experience, after-release,
    required-by-law."""
    disclosure: Term[Disclosure] = Term()
    """How findings may be published: coordinated (after a window or a fix); discretionary
    (only with the organization's permission); forbidden."""
    disclosure_window_days: Term[NonNegative] = Term()
    """Days after a report (or a fix) after which a finder may publish, under coordinated
    disclosure."""


class OwnershipTerms(Section):
    """Who owns outputs and feedback, and how participants' work and data are used."""

    outputs: Term[Ownership] = Term()
    """Who owns what participants create: participant; shared; organization."""
    feedback_licence: Term[FeedbackLicence] = Term()
    """Licence the organization takes to feedback: none; limited; broad (any use, commercial)."""
    licence_survives: Term[StrictBool] = Term()
    """The feedback licence survives the end of participation."""
    data_use: Term[DataUse] = Term()
    """Use of participants' work and data for training or evaluation: none; disclosed;
    undisclosed."""
    data_opt_out: Term[StrictBool] = Term()
    """Participants may opt out of that use."""
    output_limits: Term[tuple[OutputLimit, ...]] = Term()
    """Limits on how participants may use outputs they own: non-commercial,
    not-before-release, personal-use, other."""
    output_licence: Term[FeedbackLicence] = Term()
    """Licence the organization takes over participants' outputs (not feedback): none;
    limited (to run and improve the program); broad (any use)."""
    output_licence_uses: Term[tuple[LicenceUse, ...]] = Term()
    """What that licence covers: use, display, repost, modify, marketing, training,
    sublicense."""
    output_licence_perpetual: Term[StrictBool] = Term()
    """The licence over outputs has no end (perpetual)."""
    output_licence_irrevocable: Term[StrictBool] = Term()
    """The licence over outputs cannot be withdrawn."""
    output_licence_exclusive: Term[StrictBool] = Term()
    """The licence over outputs is exclusive to the organization."""
    output_licence_paid: Term[StrictBool] = Term()
    """Participants are paid for the licence over their outputs (royalty-free means false)."""
    training_grant: Term[TrainingGrant] = Term()
    """How training use of participants' work is granted: express (a separate, specific
    grant); implied (broad wording such as "internal purposes" or "research"); none."""
    training_paid: Term[StrictBool] = Term()
    """Participants are paid for training use of their work."""


class Expectations(Section):
    """What is asked of participants, and whether it is written down."""

    written_terms: Term[StrictBool] = Term()
    """There are written terms participants receive up front."""
    states_expectations: Term[StrictBool] = Term()
    """The terms state the time and deliverables expected."""
    states_compensation: Term[StrictBool] = Term()
    """The terms state the compensation (even when it is none)."""
    states_content_use: Term[StrictBool] = Term()
    """The terms state how participants' content and work will be used."""
    time: Term[TimeCommitment] = Term()
    """Time expected, as {hours, per, bound}."""
    role: Term[Role] = Term()
    """The role advertised: tester; researcher; red-teamer; creative-partner; co-creator;
    contractor."""
    voluntary: Term[StrictBool] = Term()
    """Participation is voluntary."""
    feedback_required: Term[StrictBool] = Term()
    """Testing or feedback is asked of participants as an obligation."""
    terms_changes: Term[TermsChanges] = Term()
    """How the terms may change: agreed (only with the participant's agreement); with-notice
    (the organization may change them after notice); at-will (at any time, without notice)."""
    change_notice_days: Term[NonNegative] = Term()
    """Days of notice before changed terms apply."""


class Voice(Section):
    """How participants raise concerns and act together."""

    channel: Term[StrictBool] = Term()
    """A channel to raise concerns and get answers."""
    grievance: Term[StrictBool] = Term()
    """A grievance process with a decision and a reply."""
    organising: Term[StrictBool] = Term()
    """Participants may organise and be represented collectively."""
    arbitration: Term[StrictBool] = Term()
    """Disputes must go to binding arbitration, not a court."""
    class_waiver: Term[StrictBool] = Term()
    """Participants waive class or collective actions."""
    representation: Term[Representation] = Term()
    """Collective representation the organization recognises: none; consultation (with a
    body that speaks for participants); collective-agreement."""


class Access(Section):
    """How access is given and taken away."""

    credentials: Term[Credentials] = Term()
    """Access keys: per-participant; shared."""
    revocation: Term[Revocation] = Term()
    """How access ends: for-cause (one participant, for a stated cause); at-will (one or all,
    at the organization's discretion, at any time); collective (everyone at once: the program
    suspended or ended for all)."""
    notice: Term[StrictBool] = Term()
    """Participants get notice before their access ends."""
    suspension_notice_days: Term[NonNegative] = Term()
    """Days of notice before a suspension or removal takes effect."""
    reason_given: Term[StrictBool] = Term()
    """A participant who is suspended or removed is told the reason."""
    appeal: Term[StrictBool] = Term()
    """A suspended or removed participant can appeal the decision."""


class Reports(Section):
    """How the organization handles what participants report or submit."""

    ack_days: Term[NonNegative] = Term()
    """Days within which a report is acknowledged."""
    decision_days: Term[NonNegative] = Term()
    """Days within which a report is decided (accepted, rejected, rewarded)."""
    dispute: Term[StrictBool] = Term()
    """A participant can dispute a decision on their report."""


class Safety(Section):
    """Protection for good-faith research and testing."""

    safe_harbor: Term[SafeHarbor] = Term()
    """Legal safe harbor for good-faith research: none; partial; full (authorized under
    anti-hacking law, exempt from terms-of-service restrictions, no legal action, support if a
    third party acts)."""
    safe_harbor_ai: Term[StrictBool] = Term()
    """The safe harbor covers research on AI model behaviour (jailbreaks, misuse), not only
    security bugs."""


class Likeness(Section):
    """Capture and use of a participant's face, body or voice."""

    captured: Term[StrictBool] = Term()
    """The program captures or uses participants' likeness or voice."""
    separate_consent: Term[StrictBool] = Term()
    """Consent to that use is separate from the rest of the terms."""
    use_described: Term[StrictBool] = Term()
    """The intended use is described specifically before consent."""
    paid: Term[StrictBool] = Term()
    """The capture and use of the likeness or voice is paid."""


class Terms(Frozen):
    compensation: Compensation = Compensation()
    content_review: ContentReview = ContentReview()
    credit: Credit = Credit()
    confidentiality: Confidentiality = Confidentiality()
    ownership: OwnershipTerms = OwnershipTerms()
    expectations: Expectations = Expectations()
    voice: Voice = Voice()
    access: Access = Access()
    reports: Reports = Reports()
    safety: Safety = Safety()
    likeness: Likeness = Likeness()

    SECTIONS: ClassVar[tuple[str, ...]] = (
        "compensation",
        "content_review",
        "credit",
        "confidentiality",
        "ownership",
        "expectations",
        "voice",
        "access",
        "reports",
        "safety",
        "likeness",
    )

    @classmethod
    def value_type(cls, key: str) -> Any:
        """The type of the values of the term at ``section.name`` (``compensation.money``:
        ``Money``)."""
        section, name = key.split(".")
        info = cls.model_fields[section].annotation.model_fields[name]  # type: ignore[union-attr]
        return term_value_type(info.annotation, info.metadata)

    def term(self, key: str) -> Term[Any]:
        """The term at ``section.name``."""
        section, name = key.split(".")
        term: Term[Any] = getattr(getattr(self, section), name)
        return term

    def items(self) -> list[tuple[str, Term[Any]]]:
        """Every term as (``section.name``, term), in schema order."""
        found: list[tuple[str, Term[Any]]] = []
        for section, keys in _section_keys():
            values = vars(getattr(self, section))  # a model's field values, by name
            found += [(key, values[name]) for name, key in keys]
        return found


class Source(Frozen):
    """What a fact rests on."""

    title: str
    """The title of the document, article or page."""
    party: Party
    """Who speaks: organization (its own terms or statements), participants, press, other."""
    author: str | None = None
    publisher: str | None = None
    via: str | None = None
    """The original outlet, where the text was read through a copy."""
    date: str | None = None
    """When it was published, as text (2024-11-26)."""
    url: str | None = None
    """Where to read it: the original publication."""
    mirrors: tuple[str, ...] = ()
    """URLs of copies the text was actually read on (archives, repositories that mirror it),
    where they are not ``url``."""
    seed: str | None = None
    """File name of one of the five articles on the Sora leak that the rules cite
    (``testerterms rules`` lists them)."""
    path: str | None = None
    """A file of the testerterms repository (the rule catalogue, for the reference program)."""
    note: str | None = None

    @model_validator(mode="after")
    def _locatable(self) -> Source:
        if self.url is None and self.seed is None and self.path is None:
            raise ValueError("a source needs a `url`, a `seed` file name or a `path`")
        return self

    @property
    def evidence(self) -> Evidence:
        return EVIDENCE_OF_PARTY[self.party]


class Span(Frozen):
    """When a program ran; dates are text (``2024``, ``2024-02``, ``2024-02-15``)."""

    start: str | None = None
    """When it began: 2024, 2024-02 or 2024-02-15."""
    end: str | None = None
    """When it ended, if it has."""

    @field_validator("start", "end", mode="before")
    @classmethod
    def _text(cls, raw: Any) -> Any:
        return str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else raw

    def __str__(self) -> str:
        if self.end == self.start:
            return str(self.start)
        return f"{self.start or '?'} to {self.end or '?'}"


class Program(Frozen):
    """One tester program: identity, sources and terms."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)
    """A short name: lower-case letters, digits and dashes (the file name without .yaml)."""
    name: str
    """The program's name."""
    organization: str
    """Who runs the program."""
    kind: Kind
    """What sort of program it is."""
    period: Span = Span()
    """When the program ran: {start: "2024-02", end: "2024-12"}."""
    as_of: str | None = None
    """The date the facts were gathered."""
    summary: str | None = None
    """A few sentences on what the program is and what happened."""
    participants: Term[Union[Count, StrictStr]] = Term()  # noqa: UP007 - a runtime union
    """How many took part: a whole number, or words ("about 300")."""
    participant_unit: ParticipantUnit = "people"
    """What ``participants`` counts: people, films, teams or organizations."""
    events: dict[str, Term[StrictStr]] = {}
    """Dated events (``leak: {claims: [...]}``); disagreeing dates stay as claims."""
    sources: dict[str, Source] = Field(min_length=1)
    """What the facts rest on, by id (S1, S2...); terms cite these ids."""
    terms: Terms = Terms()
    """The terms, in sections."""

    def all_terms(self) -> list[tuple[str, Term[Any]]]:
        """Every term of the program, including identity terms and events."""
        extra: list[tuple[str, Term[Any]]] = [("participants", self.participants)]
        extra += [(f"events.{name}", term) for name, term in self.events.items()]
        return extra + self.terms.items()

    @model_validator(mode="after")
    def _sources_exist(self) -> Program:
        missing = [f"{key} cites {source!r}" for key, source in self.missing_sources()]
        if missing:
            known = ", ".join(sorted(self.sources))
            raise ValueError(f"unknown source ids ({'; '.join(missing)}); the sources are: {known}")
        return self

    def missing_sources(self) -> list[tuple[str, str]]:
        """(term key, source id) for every cited source id that ``sources`` lacks."""
        sources = self.sources
        return [
            (key, source)
            for key, term in self.all_terms()
            if term.claims or term.history  # most terms are unknown
            for fact in term.facts
            for source in fact.source
            if source not in sources
        ]

    def cited_sources(self) -> set[str]:
        """Every source id a fact cites: claims, history entries, identity terms, events."""
        return {
            source for _, term in self.all_terms() for fact in term.facts for source in fact.source
        }

    def party_of(self, fact: Fact[Any]) -> Party:
        """Who speaks in ``fact``: its own party, or whom its source quotes by name, else the
        party of its first source."""
        return fact.party or fact.quoting or self.sources[fact.source[0]].party

    def evidence_of(self, fact: Fact[Any]) -> Evidence:
        return EVIDENCE_OF_PARTY[self.party_of(fact)]
