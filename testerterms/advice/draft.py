"""A term sheet a guild can send: one clause per terms section in plain words, the unknown
terms as open points to settle, and an appendix with the scorecard and the rules' citations.

Clauses are generated from the program's terms; each sentence states one term. A term the
sources dispute becomes an open point that names each side. Unknown terms the profile's
rules read are open points too, each with what the recommendations ask for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from .._schema import field_docs, model_doc
from ..model import Program, Terms
from ..profiles import Profile, load_profile
from ..rules import CATALOGUE
from ..scoring import Scorecard, score, show_value
from . import _outcomes
from ._text import headline, md
from .questions import BY_TERM

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

Phrase = Callable[[Any], str]


def _yes_no(yes: str, no: str) -> Phrase:
    return lambda value: yes if value else no


def _choice(sentences: dict[str, str]) -> Phrase:
    return lambda value: sentences[value]


_ROLE: Final = {
    "tester": "testers",
    "researcher": "researchers",
    "red-teamer": "red teamers",
    "creative-partner": "creative partners",
    "co-creator": "co-creators",
    "contractor": "contractors",
}

PHRASES: Final[dict[str, Phrase]] = {
    "compensation.in_kind": _yes_no(
        "Participants also get free access or other benefits in kind.",
        "There are no benefits in kind.",
    ),
    "compensation.amount": lambda v: f"What is paid: {md(v)}.",
    "compensation.payment_days": lambda v: f"Pay arrives within {v:g} days.",
    "compensation.onboarding_paid": _yes_no(
        "Onboarding, training and screening are paid.",
        "Onboarding, training and screening are not paid.",
    ),
    "content_review.pre_approval": _choice(
        {
            "none": "Participants share what they make without asking for approval.",
            "narrow": "Approval is needed before sharing some outputs or topics.",
            "all": "Every output needs the company's approval before it is shared.",
        }
    ),
    "content_review.criteria_published": _yes_no(
        "The review criteria are written down and given to participants.",
        "The review criteria are not published.",
    ),
    "content_review.response_days": lambda v: (
        f"The company answers a request to share within {v:g} days."
    ),
    "content_review.release_on_silence": _yes_no(
        "Without an answer by then, the participant may share.",
        "Without an answer, the participant may still not share.",
    ),
    "content_review.share_ban": _choice(
        {
            "none": "Nothing is banned from sharing outright.",
            "narrow": "Some outputs or topics may not be shared at all.",
            "all": "The feature and its outputs may not be shared at all.",
        }
    ),
    "credit.attribution": _choice(
        {
            "everyone": "Every participant is credited by name.",
            "selected": "Only selected participants are credited by name.",
            "per-result": "Only participants whose results are accepted are credited by name.",
            "none": "Participants are not credited by name.",
        }
    ),
    "credit.opt_out": _yes_no(
        "A participant may decline to be named.", "A participant may not decline to be named."
    ),
    "credit.marketing_use": _yes_no(
        "The company uses participants' work in marketing.",
        "The company does not use participants' work in marketing.",
    ),
    "credit.marketing_consent": _choice(
        {
            "opt-in": "Marketing use needs the participant's opt-in consent.",
            "opt-out": "Participants may opt out of marketing use.",
            "none": "Marketing use needs no consent.",
        }
    ),
    "credit.marketing_pay": _yes_no(
        "Marketing use of a participant's work is paid.",
        "Marketing use of a participant's work is not paid.",
    ),
    "confidentiality.nda": _yes_no(
        "Participants keep the program confidential.", "There is no confidentiality duty."
    ),
    "confidentiality.scope": _choice(
        {
            "narrow": "Confidentiality covers only the information defined as confidential.",
            "broad": "Confidentiality covers the whole program.",
        }
    ),
    "confidentiality.ends_at_release": _yes_no(
        "Confidentiality ends when the product is publicly released.",
        "Confidentiality does not end at public release.",
    ),
    "confidentiality.duration_months": lambda v: f"Confidentiality lasts {v:g} months.",
    "confidentiality.own_experience": _yes_no(
        "Participants may speak about their own experience and criticise the program.",
        "Participants may not speak about their own experience of the program.",
    ),
    "ownership.outputs": _choice(
        {
            "participant": "Participants own what they create.",
            "shared": "Ownership of what participants create is shared.",
            "organization": "The company owns what participants create.",
        }
    ),
    "ownership.feedback_licence": _choice(
        {
            "none": "The company takes no licence to participants' feedback.",
            "limited": "The company's licence to feedback is limited to improving the product.",
            "broad": "The company takes a broad licence to feedback, for any use.",
        }
    ),
    "ownership.licence_survives": _yes_no(
        "That licence survives the end of participation.",
        "That licence ends with participation.",
    ),
    "ownership.data_use": _choice(
        {
            "none": "Participants' work and data are not used to train or evaluate models.",
            "disclosed": "The terms disclose how participants' work and data train or evaluate "
            "models.",
            "undisclosed": "Participants' work and data are used to train or evaluate models "
            "without that being disclosed.",
        }
    ),
    "ownership.data_opt_out": _yes_no(
        "Participants may opt out of that use.", "Participants may not opt out of that use."
    ),
    "expectations.written_terms": _yes_no(
        "Participants receive written terms before they join.", "There are no written terms."
    ),
    "expectations.states_expectations": _yes_no(
        "The terms state the time and deliverables expected.",
        "The terms do not state the time and deliverables expected.",
    ),
    "expectations.states_compensation": _yes_no(
        "The terms state the compensation.", "The terms do not state the compensation."
    ),
    "expectations.states_content_use": _yes_no(
        "The terms state how participants' work will be used.",
        "The terms do not state how participants' work will be used.",
    ),
    "expectations.time": lambda v: f"Participants are expected to work {v}.",
    "expectations.role": lambda v: f"Participants are invited as {_ROLE.get(v, v)}.",
    "expectations.voluntary": _yes_no("Participation is voluntary.", "Participation is required."),
    "expectations.feedback_required": _yes_no(
        "Testing and feedback are asked of participants as an obligation.",
        "Testing and feedback are optional.",
    ),
    "voice.channel": _yes_no(
        "Participants have a channel to raise concerns and get answers.",
        "There is no channel to raise concerns.",
    ),
    "voice.grievance": _yes_no(
        "A grievance process decides concerns and replies.", "There is no grievance process."
    ),
    "voice.organising": _yes_no(
        "Participants may organise and be represented collectively.",
        "Participants may not organise.",
    ),
    "access.credentials": _choice(
        {
            "per-participant": "Each participant has their own credentials.",
            "shared": "Participants share credentials.",
        }
    ),
    "access.revocation": _choice(
        {
            "for-cause": "Access ends one participant at a time, for a cause the terms state.",
            "at-will": "Access may be ended at any time, at the company's discretion.",
            "collective": "Access may be cut for everyone at once.",
        }
    ),
    "access.notice": _yes_no(
        "Participants get notice before their access ends.",
        "Access may end without notice.",
    ),
}
_MONEY: Final = {
    "some": "Only a select few participants are paid money (prizes, grants or a selection).",
    "none": "Participants are not paid money.",
}


def _pay_sentence(terms: Terms) -> str | None:
    money = terms.compensation.money
    rate = terms.compensation.hourly_rate
    if not money.known or money.disputed:
        return None
    if money.value == "everyone":
        if rate.known and not rate.disputed:
            return (
                f"Participants are paid USD {rate.value:g} an hour for testing, feedback and "
                "creative work."
            )
        return "Every participant who does the work is paid money for it."
    if money.value == "per-result":
        conditions = terms.compensation.conditions
        extra = ""
        if conditions.known and not conditions.disputed and conditions.value:
            extra = f" ({', '.join(conditions.value)})"
        return f"Money is paid only for accepted results{extra}."
    return _MONEY[str(money.value)]


def _generic(key: str, value: Any) -> str:
    section, name = key.split(".")
    doc = field_docs(Terms.model_fields[section].annotation).get(name, name)  # type: ignore[arg-type]
    first = doc.split(":")[0].split(". ")[0].rstrip(".")
    if value is True:  # a term sheet is prose: a stated yes reads as the statement itself
        return f"{md(first)}."
    if value is False:
        return f"{md(first)}: no."
    return f"{md(first)}: {md(show_value(value))}."


@dataclass(frozen=True)
class OpenPoint:
    term: str
    question: str
    """What to settle, in plain words."""
    asks: str | None
    """What the recommendations ask for (the remedy value), if a rule's remedy sets it."""
    disputed: tuple[str, ...] = ()
    """For a disputed term: each side, as ``value (party, sources)``."""


@dataclass(frozen=True)
class Clause:
    section: str
    title: str
    text: str
    """The clause in plain words ("" when the program states nothing of this section)."""
    open_points: tuple[OpenPoint, ...]


@dataclass(frozen=True)
class TermSheet:
    program: Program
    profile: Profile
    card: Scorecard
    clauses: tuple[Clause, ...]


def _remedy_value(key: str, profile: Profile) -> Any:
    for code in profile.rules:
        if key in CATALOGUE[code].remedy.terms:
            return CATALOGUE[code].remedy.terms[key]
    return None


def draft(program: Program, profile: Profile | str = "articles") -> TermSheet:
    """The term sheet of ``program``, with the scorecard under ``profile`` as its appendix."""
    profile = load_profile(profile) if isinstance(profile, str) else profile
    card = score(program, profile)
    # An unknown term is an open point where settling it could change a finding.
    needed = {
        key
        for f in card.findings
        if f.outcome == "unknown" or f.disputed
        for key in CATALOGUE[f.rule].terms
    }
    clauses = []
    for section in Terms.SECTIONS:
        body = getattr(program.terms, section)
        sentences: list[str] = []
        points: list[OpenPoint] = []
        if section == "compensation":
            pay = _pay_sentence(program.terms)
            if pay:
                sentences.append(pay)
        for name, term in body.terms().items():
            key = f"{section}.{name}"
            if term.disputed:
                sides = tuple(
                    f"{show_value(f.value)} ({program.party_of(f)}, {', '.join(f.source)})"
                    for f in term.claims
                )
                points.append(_open_point(key, profile, sides))
            elif term.known:
                if key in ("compensation.money", "compensation.conditions"):
                    continue
                if (
                    key == "compensation.hourly_rate"
                    and program.terms.compensation.money.value == "everyone"
                ):
                    continue
                phrase = PHRASES.get(key)
                sentences.append(phrase(term.value) if phrase else _generic(key, term.value))
            elif key in needed:
                points.append(_open_point(key, profile))
        clauses.append(
            Clause(
                section, SECTION_TITLES.get(section, section), " ".join(sentences), tuple(points)
            )
        )
    return TermSheet(program, profile, card, tuple(clauses))


def _open_point(key: str, profile: Profile, sides: tuple[str, ...] = ()) -> OpenPoint:
    question = BY_TERM[key].text if key in BY_TERM else _doc_question(key)
    wanted = _remedy_value(key, profile)
    asks = None
    if wanted is not None:
        label = (
            next((lab for lab, val in BY_TERM[key].options if val == wanted), None)
            if key in BY_TERM
            else None
        )
        asks = label or show_value(wanted)
    return OpenPoint(key, question, asks, sides)


def _doc_question(key: str) -> str:
    section, name = key.split(".")
    doc = field_docs(Terms.model_fields[section].annotation).get(name, name)  # type: ignore[arg-type]
    return f"Settle: {doc.split(' (')[0].rstrip('.')}."


def render_term_sheet(sheet: TermSheet) -> str:
    """The term sheet as Markdown. Text from the program file is escaped."""
    program, profile, card = sheet.program, sheet.profile, sheet.card
    lines = [
        f"# Term sheet: {md(program.name)}",
        "",
        f"Proposed terms for the {md(program.kind)} program run by {md(program.organization)}. "
        "Each clause below states what the program's terms say; open points are terms to "
        "settle before anyone joins.",
        "",
    ]
    for number, clause in enumerate(sheet.clauses, start=1):
        lines.append(f"## {number}. {clause.title}")
        lines.append("")
        lines.append(clause.text or f"The terms say nothing yet about {clause.title.lower()}.")
        if clause.open_points:
            lines += ["", "Open points to settle:", ""]
            for point in clause.open_points:
                ask = f" The recommendations ask for: {md(point.asks)}." if point.asks else ""
                if point.disputed:
                    said = "; ".join(md(s) for s in point.disputed)
                    lines.append(
                        f"- {md(point.question)} The sources disagree: {said}.{ask} "
                        f"(`{point.term}`)"
                    )
                else:
                    lines.append(f"- {md(point.question)}{ask} (`{point.term}`)")
        lines.append("")
    worst = _outcomes.worst_grade(card.findings, profile)
    lines += [
        "## Appendix A: scorecard",
        "",
        f"Under the profile {md(profile.id)} {md(profile.version)} ({md(profile.title)}): "
        f"{headline(card.score, card.range, card.coverage, card.grade)}; the grade whatever "
        f"the open points turn out to be: {worst or 'none (not enough evidence)'}.",
        "",
        "| rule | outcome | reason | what meets it |",
        "|---|---|---|---|",
    ]
    for f in card.findings:
        rule = CATALOGUE[f.rule]
        meets = rule.remedy.clause_for(profile.parameters) if f.outcome != "met" else ""
        outcome = f.outcome + (" (disputed)" if f.disputed else "")
        lines.append(f"| {f.rule} | {outcome} | {md(f.reason)} | {md(meets)} |")
    lines += ["", "## Appendix B: where the recommendations come from", ""]
    for code in profile.rules:
        rule = CATALOGUE[code]
        cites = "; ".join(f'{md(c.source)}: "{md(c.quote)}"' for c in rule.citations)
        lines.append(f"- **{code}** {md(rule.title)}. {cites}")
    cited = sorted({s for f in card.findings for s in f.sources})
    if cited:
        lines += ["", "## Appendix C: the program's sources", ""]
        for sid in cited:
            source = program.sources[sid]
            where = source.url or source.seed or source.path or ""
            lines.append(f"- {md(sid)}: {md(source.title)} ({md(source.party)}; {md(where)})")
    return "\n".join(lines) + "\n"


def section_doc(section: str) -> str:
    return model_doc(Terms.model_fields[section].annotation)  # type: ignore[arg-type]
