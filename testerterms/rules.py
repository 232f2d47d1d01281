"""The rule catalogue: one entry per recommendation, the single source of every rule's text.

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

from pydantic import BaseModel, ConfigDict, Field

from .errors import UsageError

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
    "control": "Control of one's work",
    "credit": "Credit and marketing",
    "transparency": "Transparency",
    "confidentiality": "Confidentiality",
    "voice": "Voice",
    "security": "Access and security",
}


class Parameters(BaseModel):
    """The numbers and switches a profile sets for the checks."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    min_hourly_pay: float = Field(20.0, ge=0, allow_inf_nan=False)
    """Lowest effective pay per hour, in US dollars, that meets PAY001 in full."""
    max_review_days: float = Field(14.0, ge=0, allow_inf_nan=False)
    """Longest acceptable review deadline, in days (CTL002)."""
    max_nda_months: float = Field(12.0, ge=0, allow_inf_nan=False)
    """Longest acceptable fixed confidentiality period, in months (NDA001)."""
    free_access_counts: bool = False
    """Free access or other benefits in kind count as part payment (PAY001 partly)."""
    optional_work_needs_no_pay: bool = False
    """Where feedback is not required, free access meets PAY001 in full."""


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
    """Where a rule comes from: a seed article (by file name) or another source, with a quote."""

    source: str
    quote: str


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
) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        if code in CATALOGUE:
            raise ValueError(f"rule {code} is defined twice")
        CATALOGUE[code] = Rule(
            code=code,
            title=title,
            category=category,
            basis=basis,
            citations=tuple(Citation(source, quote) for source, quote in cites),
            remedy=Remedy(remedy, clause),
            reads=reads,
            refines=refines,
            check=check,
            folds_into=folds_into,
        )
        return check

    return register


def get_rule(code: str) -> Rule:
    try:
        return CATALOGUE[code.upper()]
    except KeyError:
        raise UsageError(f"no rule {code!r}; the rules are: {', '.join(CATALOGUE)}") from None


S000: Final = "000_2ade1e3eb60892e5.txt"
S001: Final = "001_7b43d2c3fe14ff21.txt"
S002: Final = "002_525207be3749729f.txt"
S003: Final = "003_ddcf967fa1853128.txt"
S004: Final = "004_92c05947ec52c69f.txt"
LETTER: Final = "PR-Puppets open letter (research/programs.md, section 1b)"

# --- pay -----------------------------------------------------------------------------------------


@rule(
    "PAY001",
    "Participants are paid money for their work; free access alone is not pay",
    category="pay",
    basis="explicit",
    cites=[
        (S000, "without compensation or recognition"),
        (S001, "establishing fair compensation models"),
        (S003, "Even token payments or exclusive benefits"),
    ],
    reads=("compensation.money", "compensation.in_kind", "expectations.feedback_required"),
    refines=("compensation.hourly_rate",),
    remedy={"compensation.money": "everyone"},
    clause=(
        "Every participant is paid money for the time the program asks of them, at no less "
        "than {min_hourly_pay:g} US dollars an hour, on top of any free access to the product."
    ),
)
def pay001(t: Values, p: Parameters) -> Verdict:
    """Testing, feedback and creative work are work. The Sora testers did "unpaid bug testing,
    feedback and experimental work" for a company valued at $150B+, and were offered free
    access instead of pay. Access to a product the company wants tested is not payment for
    testing it. Met when everyone who does the work is paid money (at the profile's minimum
    hourly rate, where a rate is stated); partly when pay depends on results or falls below
    that rate; not met when only a few, or nobody, are paid."""
    money = t["compensation.money"]

    def optional_work() -> bool:
        # Profile switch: access given for work that is not required needs no pay.
        return p.optional_work_needs_no_pay and t["expectations.feedback_required"] is False

    if money == "everyone":
        rate = t["compensation.hourly_rate"]
        if rate is None or rate >= p.min_hourly_pay:
            return met("everyone who does the work is paid money")
        if optional_work():
            return met("no work is required, and everyone is paid (profile rule)")
        minimum = p.min_hourly_pay
        return partly(
            f"everyone is paid, but {rate:g} USD an hour is below the {minimum:g} minimum"
        )
    who = {
        "per-result": "money is paid only for accepted results",
        "some": "only a select few are paid (prizes, grants)",
        "none": "nobody is paid money",
    }[money]
    if (money != "none" or t["compensation.in_kind"]) and optional_work():
        return met(f"{who}, but no work is required and access is given (profile rule)")
    if money == "per-result":
        return partly(f"{who}, not for all the work")
    if t["compensation.in_kind"]:
        if p.free_access_counts:
            return partly(f"{who}; free access counts as part payment under this profile")
        return not_met(f"{who}; free access is not pay")
    return not_met(who)


@rule(
    "PAY002",
    "Everyone who works is paid: a contest or prize for a few is not compensation",
    category="pay",
    basis="explicit",
    cites=[
        (S003, "a contest where a few testers could have their Sora-generated films screened"),
        (S003, "the recognition and rewards were insignificant"),
    ],
    reads=("compensation.money",),
    refines=("compensation.conditions",),
    remedy={"compensation.money": "everyone"},
    clause=(
        "Payment goes to every participant who does the work, not only to contest winners or "
        "selected participants; prizes and showcases come on top of it."
    ),
)
def pay002(t: Values, p: Parameters) -> Verdict:
    """A screening competition for "a select few" was the Sora program's answer to pay, and
    the testers called it "minimal compensation". A prize for a few leaves the many unpaid
    for the same work. Met when everyone is paid; partly when pay follows accepted results
    (a bounty); not met when money reaches only winners or a few, or nobody."""
    money = t["compensation.money"]
    if money == "everyone":
        return met("everyone who does the work is paid")
    if money == "per-result":
        conditions = t["compensation.conditions"]
        extra = f" ({', '.join(conditions)})" if conditions else ""
        return partly(f"only accepted results are paid{extra}; other work is not")
    if money == "some":
        return not_met("money reaches only a few (prizes, grants, selection)")
    return not_met("nobody is paid money")


# --- control ------------------------------------------------------------------------------------


@rule(
    "CTL001",
    "Participants share their own work without case-by-case approval",
    category="control",
    basis="explicit",
    cites=[
        (S001, "requiring them to obtain approval before sharing any generated content"),
        (S003, "required approval from OpenAI before sharing, leaving artists feeling stifled"),
    ],
    reads=("content_review.pre_approval",),
    remedy={"content_review.pre_approval": "none"},
    clause=(
        "Participants may share what they make with the tool without asking for approval "
        "first; only the confidential information the agreement defines stays private."
    ),
)
def ctl001(t: Values, p: Parameters) -> Verdict:
    """Requiring approval of every output before it is shared turns participants' work into
    the company's messaging. The Sora testers said "every output needs to be approved by the
    OpenAI team before sharing". Met with no pre-approval; partly when approval covers only
    some outputs or topics; not met when every output needs approval."""
    review = t["content_review.pre_approval"]
    if review == "none":
        return met("participants share their work without approval")
    if review == "narrow":
        return partly("approval is needed for some outputs or topics only")
    return not_met("every output needs approval before it is shared")


@rule(
    "CTL002",
    "Any review is bounded: published criteria, a response deadline, release on silence",
    category="control",
    basis="derived",
    cites=[(S001, "requiring them to obtain approval before sharing any generated content")],
    reads=(
        "content_review.pre_approval",
        "content_review.criteria_published",
        "content_review.response_days",
        "content_review.release_on_silence",
    ),
    remedy={
        "content_review.criteria_published": True,
        "content_review.response_days": 7,
        "content_review.release_on_silence": True,
    },
    clause=(
        "Where review applies, its criteria are published, the company answers within 7 days, "
        "and a participant who has no answer by then may share."
    ),
    folds_into="CTL001",
)
def ctl002(t: Values, p: Parameters) -> Verdict:
    """Derived from CTL001's complaint: where a review remains, it must not become an
    open-ended veto. Published criteria, a deadline and release on silence (as in
    HackerOne's auto-disclosure after 30 days) keep it bounded. Met with all three; partly
    with some; not met with none. Does not apply when there is no review; its weight then
    counts toward CTL001."""
    if t["content_review.pre_approval"] == "none":
        return not_applicable("there is no review")
    criteria = t["content_review.criteria_published"]
    days = t["content_review.response_days"]
    deadline = days <= p.max_review_days
    silence = t["content_review.release_on_silence"]
    if criteria and deadline and silence:
        return met(f"review has published criteria, a {days:g}-day deadline and release on silence")
    if not criteria and not deadline and not silence:
        return not_met(
            "review has no published criteria, no timely deadline, no release on silence"
        )
    parts = [
        "published criteria" if criteria else "no published criteria",
        f"a {days:g}-day deadline"
        if deadline
        else f"no deadline within {p.max_review_days:g} days",
        "release on silence" if silence else "no release on silence",
    ]
    return partly("review has " + ", ".join(parts))


@rule(
    "CTL003",
    "Participants keep the rights to what they create",
    category="control",
    basis="explicit",
    cites=[(S001, "providing creators with control over their work")],
    reads=("ownership.outputs",),
    refines=("ownership.feedback_licence", "ownership.licence_survives"),
    remedy={"ownership.outputs": "participant", "ownership.feedback_licence": "limited"},
    clause=(
        "Participants own what they create; the company takes a licence limited to improving "
        "the product during the program."
    ),
)
def ctl003(t: Values, p: Parameters) -> Verdict:
    """Creators need control over their work: who owns the outputs, and how far a licence
    to their feedback reaches. Met when participants own their outputs; partly when
    ownership is shared, or when they own outputs but grant a broad feedback licence that
    survives the program; not met when the organization owns the outputs."""
    outputs = t["ownership.outputs"]
    if outputs == "organization":
        return not_met("the organization owns what participants create")
    if outputs == "shared":
        return partly("ownership of outputs is shared")
    if t["ownership.feedback_licence"] == "broad" and t["ownership.licence_survives"]:
        return partly(
            "participants own their outputs, but grant a broad feedback licence that survives"
        )
    return met("participants own what they create")


# --- credit -------------------------------------------------------------------------------------


@rule(
    "CRD001",
    "Contributions are acknowledged by name (with opt-out)",
    category="credit",
    basis="explicit",
    cites=[
        (S000, "contributions are properly acknowledged and rewarded"),
        (S001, "they should be recognized and compensated"),
    ],
    reads=("credit.attribution",),
    refines=("credit.opt_out",),
    remedy={"credit.attribution": "everyone", "credit.opt_out": True},
    clause=(
        "Every participant is credited by name in what the program publishes about the "
        "product, unless they ask not to be."
    ),
)
def crd001(t: Values, p: Parameters) -> Verdict:
    """Work that shapes a product deserves recognition; the testers said they got none.
    Met when everyone is credited by name (a stated lack of opt-out makes it partly);
    partly when only selected participants are named; not met when nobody is."""
    attribution = t["credit.attribution"]
    if attribution == "everyone":
        if t["credit.opt_out"] is False:
            return partly("everyone is credited by name, with no way to opt out")
        return met("every participant is credited by name")
    if attribution == "selected":
        return partly("only selected participants are named")
    return not_met("participants are not credited")


@rule(
    "CRD002",
    "Participants' work is used in marketing only with opt-in consent, credit and pay",
    category="credit",
    basis="explicit",
    cites=[
        (S003, "showcase their work as PR fodder"),
        (S003, "artwashing"),
        (S004, "used for marketing purposes without getting fair value in return"),
    ],
    reads=(
        "credit.marketing_use",
        "credit.marketing_consent",
        "credit.marketing_pay",
        "credit.attribution",
    ),
    remedy={
        "credit.marketing_consent": "opt-in",
        "credit.marketing_pay": True,
        "credit.attribution": "everyone",
    },
    clause=(
        "The company uses a participant's work in marketing only with that participant's "
        "opt-in consent for each use, with credit, and pays for the use."
    ),
)
def crd002(t: Values, p: Parameters) -> Verdict:
    """The testers' central charge was "artwashing": their work used as PR while they were
    unpaid. Marketing use needs the creator's opt-in consent, credit and pay. Met when work
    is not used in marketing, or used with all three; partly with consent and pay but no
    credit, or with opt-out consent only; not met when use is unpaid or without consent."""
    if not t["credit.marketing_use"]:
        return met("participants' work is not used in marketing")
    if not t["credit.marketing_pay"]:
        return not_met("participants' work is used in marketing without pay for it")
    consent = t["credit.marketing_consent"]
    if consent == "none":
        return not_met("participants' work is used in marketing without their consent")
    credited = t["credit.attribution"] != "none"
    if consent == "opt-in" and credited:
        return met("marketing use is opt-in, credited and paid")
    missing = [] if credited else ["no credit"]
    if consent == "opt-out":
        missing.append("consent is opt-out only")
    return partly("marketing use is paid, but " + " and ".join(missing))


# --- transparency -------------------------------------------------------------------------------


@rule(
    "TRN001",
    "Written terms state expectations, compensation and content usage up front",
    category="transparency",
    basis="explicit",
    cites=[
        (
            S003,
            "should explicitly outline participant expectations, compensation, and content usage",
        )
    ],
    reads=(
        "expectations.written_terms",
        "expectations.states_expectations",
        "expectations.states_compensation",
        "expectations.states_content_use",
    ),
    remedy={
        "expectations.written_terms": True,
        "expectations.states_expectations": True,
        "expectations.states_compensation": True,
        "expectations.states_content_use": True,
    },
    clause=(
        "Before anyone joins, written terms state the time and deliverables expected, the "
        "compensation (even when it is none), and how participants' work will be used."
    ),
)
def trn001(t: Values, p: Parameters) -> Verdict:
    """Participants can only judge an offer they can read. Article 003 asks that early
    access programs "explicitly outline participant expectations, compensation, and content
    usage". Met when written terms state all three; partly when written terms leave one
    out; not met without written terms."""
    if not t["expectations.written_terms"]:
        return not_met("there are no written terms")
    stated = {
        "expectations": t["expectations.states_expectations"],
        "compensation": t["expectations.states_compensation"],
        "content use": t["expectations.states_content_use"],
    }
    missing = [name for name, yes in stated.items() if not yes]
    if not missing:
        return met("written terms state expectations, compensation and content use")
    return partly(f"written terms do not state {' or '.join(missing)}")


@rule(
    "TRN002",
    "Use of participants' work and data (training, evaluation) is disclosed, with opt-out",
    category="transparency",
    basis="explicit",
    cites=[
        (S001, "ensuring transparency in data usage"),
        (S001, "their role in training and shaping AI models"),
    ],
    reads=("ownership.data_use", "ownership.data_opt_out"),
    # Opt-out first: disclosing a use without it would be a step back from no use at all.
    remedy={"ownership.data_opt_out": True, "ownership.data_use": "disclosed"},
    clause=(
        "The terms say whether participants' work, prompts and feedback are used to train or "
        "evaluate models, and participants may opt out of that use."
    ),
)
def trn002(t: Values, p: Parameters) -> Verdict:
    """Testers' outputs and prompts can become training data ("we are not your ... training
    data"). Met when no such use is made, or it is disclosed with an opt-out; partly when
    disclosed without opt-out; not met when undisclosed."""
    use = t["ownership.data_use"]
    if use == "none":
        return met("participants' work and data are not used for training or evaluation")
    if use == "undisclosed":
        return not_met("use of participants' work and data is not disclosed")
    if t["ownership.data_opt_out"]:
        return met("use of participants' work and data is disclosed, with opt-out")
    return partly("use of participants' work and data is disclosed, without opt-out")


@rule(
    "TRN003",
    'The role offered matches the work: a "partner" gets partner terms (pay, credit, voice)',
    category="transparency",
    basis="explicit",
    cites=[
        (S002, "misled by the promises of becoming co-creators and red teamers"),
        (S000, "the promise of being early testers and creative partners"),
    ],
    reads=("expectations.role", "compensation.money", "credit.attribution", "voice.channel"),
    remedy={
        "compensation.money": "everyone",
        "credit.attribution": "everyone",
        "voice.channel": True,
    },
    clause=(
        "A participant invited as a partner, co-creator or red teamer is paid, credited and "
        "heard as one: pay for the work, credit by name, and a channel that answers."
    ),
)
def trn003(t: Values, p: Parameters) -> Verdict:
    """The Sora testers were promised to be "early testers, red teamers and creative
    partners" and found themselves unpaid. A partner title sets expectations of pay, credit
    and a say. Applies to roles advertised as creative partner, co-creator or red teamer.
    Met with pay, credit and a voice channel; partly with pay but not the rest; not met
    without pay."""
    role = t["expectations.role"]
    if role not in ("creative-partner", "co-creator", "red-teamer"):
        return not_applicable(f"the role advertised is {role}, not a partner role")
    if t["compensation.money"] != "everyone":
        return not_met(f"invited as {role}, but not everyone who works is paid")
    missing = []
    if t["credit.attribution"] == "none":
        missing.append("no credit")
    if not t["voice.channel"]:
        missing.append("no channel for concerns")
    if missing:
        return partly(f"invited as {role} and paid, but {' and '.join(missing)}")
    return met(f"invited as {role}, and paid, credited and heard as one")


# --- confidentiality ----------------------------------------------------------------------------


@rule(
    "NDA001",
    "Confidentiality is bounded in scope and ends at public release or a fixed date",
    category="confidentiality",
    basis="derived",
    cites=[
        (S001, "imposed restrictions on testers"),
        (S002, "limited by OpenAI policies on generated content"),
    ],
    reads=(
        "confidentiality.nda",
        "confidentiality.scope",
        "confidentiality.ends_at_release",
        "confidentiality.duration_months",
    ),
    remedy={"confidentiality.scope": "narrow", "confidentiality.ends_at_release": True},
    clause=(
        "Confidentiality covers only the information the agreement defines as confidential, "
        "and ends when the product is publicly released."
    ),
)
def nda001(t: Values, p: Parameters) -> Verdict:
    """Derived from the restrictions the testers describe: a duty of silence with no edge
    and no end keeps participants from ever showing or discussing their work. Met with no
    NDA, or one narrow in scope that ends at release or within the profile's longest period;
    partly with one of the two; not met with neither."""
    if not t["confidentiality.nda"]:
        return met("there is no confidentiality duty")
    narrow = t["confidentiality.scope"] == "narrow"
    ends = (
        bool(t["confidentiality.ends_at_release"])
        or t["confidentiality.duration_months"] <= p.max_nda_months
    )
    if narrow and ends:
        return met("confidentiality is narrow and ends")
    if narrow:
        return partly(
            "confidentiality is narrow, but has no end at release or within "
            f"{p.max_nda_months:g} months"
        )
    if ends:
        return partly("confidentiality ends, but covers the whole program")
    return not_met("confidentiality covers the whole program and does not end")


@rule(
    "NDA002",
    "Participants may speak about their own experience and criticise the program",
    category="confidentiality",
    basis="derived",
    cites=[
        (S003, "lack of autonomy"),
        (LETTER, "less about creative expression and critique"),
    ],
    reads=("confidentiality.own_experience",),
    remedy={"confidentiality.own_experience": True},
    clause=(
        "Nothing in these terms stops a participant from describing their own experience of "
        "the program or criticising it."
    ),
)
def nda002(t: Values, p: Parameters) -> Verdict:
    """Derived: participants who cannot describe how they were treated cannot warn others or
    bargain. Met when participants may speak about their experience and criticise; not met
    when they may not."""
    if t["confidentiality.own_experience"]:
        return met("participants may speak about their own experience")
    return not_met("participants may not speak about their own experience")


# --- voice --------------------------------------------------------------------------------------


@rule(
    "VOI001",
    "A real channel to raise concerns and get answers; participants may organise",
    category="voice",
    basis="explicit",
    cites=[
        (
            S001,
            "open communication and collaboration between AI developers and the creative community",
        )
    ],
    reads=("voice.channel", "voice.organising"),
    refines=("voice.grievance",),
    remedy={"voice.channel": True, "voice.grievance": True, "voice.organising": True},
    clause=(
        "Participants have a named contact who answers concerns within 14 days, a grievance "
        "process, and may organise and be represented collectively."
    ),
)
def voi001(t: Values, p: Parameters) -> Verdict:
    """The Sora testers went public because they had no other way to be heard. Met with a
    channel that answers and freedom to organise; partly with a channel only, or where the
    terms state there is no grievance process; not met without a channel."""
    if not t["voice.channel"]:
        return not_met("there is no channel for concerns")
    if not t["voice.organising"]:
        return partly("there is a channel for concerns, but participants may not organise")
    if t["voice.grievance"] is False:
        return partly("participants may raise concerns and organise, but no process decides them")
    return met("there is a channel for concerns and participants may organise")


# --- security -----------------------------------------------------------------------------------


@rule(
    "SEC001",
    "Access is per participant and revocable one by one (no shared keys)",
    category="security",
    basis="explicit",
    cites=[
        (S003, "Stricter safeguards must prevent unauthorized sharing"),
        (S003, "via an unauthorized API key"),
    ],
    reads=("access.credentials",),
    remedy={"access.credentials": "per-participant"},
    clause="Each participant gets their own credentials, which can be revoked on their own.",
)
def sec001(t: Values, p: Parameters) -> Verdict:
    """The leak ran through an API key. Per-participant credentials protect the program and
    make it possible to act on one breach without touching everyone else. Met with
    per-participant credentials; not met with shared ones."""
    if t["access.credentials"] == "per-participant":
        return met("each participant has their own credentials")
    return not_met("participants share credentials")


@rule(
    "SEC002",
    "No collective punishment: one breach does not cut everyone's access without notice",
    category="security",
    basis="derived",
    cites=[(S002, "OpenAI has denied all members access to the Sora tool")],
    reads=("access.revocation", "access.notice"),
    remedy={"access.revocation": "for-cause", "access.notice": True},
    clause=(
        "Access is suspended only for the participant concerned, for a cause the terms state, "
        "with notice and the reason; a breach by one never ends everyone's access."
    ),
)
def sec002(t: Values, p: Parameters) -> Verdict:
    """Derived: after the leak, every tester lost access, not only those involved. Met when
    access ends one participant at a time, for a stated cause, with notice; partly for cause
    without notice, or when access may end at will or for everyone but with notice; not met
    when the organization may end anyone's access, or everyone's, at any time without
    notice. "At any time" is not a protection against collective punishment: the same power
    that removes one tester removes all of them."""
    revocation = t["access.revocation"]
    notice = t["access.notice"]
    if revocation == "for-cause":
        if notice:
            return met("access ends one participant at a time, for a stated cause, with notice")
        return partly("access ends one participant at a time for a stated cause, without notice")
    what = {
        "at-will": "access may be ended at any time, at the organization's discretion",
        "collective": "access is cut for everyone at once",
    }[revocation]
    if notice:
        return partly(f"{what}, but with notice")
    return not_met(f"{what}, without notice")


def remedy_terms() -> dict[str, Any]:
    """Every rule's remedy merged: the terms of a program that meets every rule."""
    merged: dict[str, Any] = {}
    for entry in CATALOGUE.values():
        for key, value in entry.remedy.terms.items():
            if merged.get(key, value) != value:
                raise ValueError(f"remedies disagree on {key}")
            merged[key] = value
    return merged
