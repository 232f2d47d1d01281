"""The sentences draft's writers share, in plain words and unescaped: each writer escapes
them for its format (Markdown, Word)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ..rules import CATALOGUE, TEXTS

if TYPE_CHECKING:
    from ..advice.agreement import AgreementClause, Choice, ModelAgreement
    from ..advice.draft import OpenPoint, Priority, Proposal, Round, SectionProposal
    from ..model import Program, Source
    from ..profiles import Grade, Profile

OUTCOMES: Final = {
    "met": "met",
    "partly": "partly met",
    "not-met": "not met",
    "unknown": "not known",
    "n/a": "does not apply",
}

PRIORITIES_NOTE: Final = (
    "Each grade is the one the program is certain of once that ask and the asks above it are "
    "accepted, with every remaining unknown at its worst. Asks that cap the grade while they "
    "are refused come first."
)
NOT_WEIGHED: Final = "The profile weighs none of these terms: nothing to propose. The terms say:"


def grade_words(grade: Grade | None) -> str:
    return grade or "none yet (not enough known)"


def title(p: Proposal) -> str:
    return "Counter-proposal" if p.round is not None else "Proposal"


def intro(p: Proposal) -> str:
    program, profile = p.program, p.profile
    return (
        f"Terms we propose for the {program.kind.replace('-', ' ')} program run by "
        f"{program.organization}, read against the profile {profile.id} {profile.version} "
        f"({profile.title}), on {p.date}. Each section says what the terms say now, what we "
        "propose, why, and what we would accept at least."
    )


def standing(p: Proposal) -> str:
    from ..advice._text import headline

    card = p.card
    now = headline(card.score, card.range, card.coverage, card.grade)
    text = (
        f"Where the program stands now: {now}. Whatever the open points turn out to be, "
        f"the grade it is certain of: {grade_words(p.worst_grade)}."
    )
    if p.priorities:
        text += (
            f" With every ask below accepted: {grade_words(p.grade_if_accepted)}, "
            "with every remaining unknown at its worst."
        )
    return text


def priority_ask(item: Priority) -> str:
    text = f"{item.title} ({item.rule}"
    if item.also_meets:
        text += f"; also meets {', '.join(item.also_meets)}"
    text += ")"
    if item.blocker:
        text += f". While refused, the grade stays at {item.blocker} or lower"
    return text


def grade_step(item: Priority) -> str:
    return grade_words(item.grade)


def section_numbers(p: Proposal) -> dict[str, int]:
    """The number of each section the writers show (a section the terms say nothing of and
    the profile does not weigh is named in one line instead)."""
    found: dict[str, int] = {}
    for section in p.sections:
        if section.weighed or section.statements:
            found[section.section] = len(found) + 1
    return found


def section_number(p: Proposal, section: str) -> str:
    title = next((s.title for s in p.sections if s.section == section), section)
    number = section_numbers(p).get(section)
    return title if number is None else f"{number}. {title}"


def no_priorities(p: Proposal) -> str:
    if p.asks:
        return (
            "No ask changes a term: the program meets or may meet every rule, and the open "
            "points below only need the terms to say more."
        )
    return "Nothing to ask for: the program already meets every rule of the profile."


def already_meets(section: SectionProposal) -> str:
    codes = ", ".join(section.met) if section.met else ", ".join(section.rules)
    return f"Already meets the profile here ({codes}): nothing to change."


def also_met(section: SectionProposal) -> str:
    return f"Already met here: {', '.join(section.met)}."


def quiet_sections(titles: list[str]) -> str:
    return (
        "The terms say nothing of these, and the profile weighs nothing in them: "
        + ", ".join(titles)
        + "."
    )


def round_summary(r: Round, p: Proposal) -> str:
    taken = r.count("takes back") + r.count("takes back", asked=False)
    return (
        f"Read against our last proposal (on {r.previous.name}): of our {r.asks} asks, the "
        f"revised terms meet {r.count('meets')}, meet {r.count('meets in part')} in part and "
        f"ignore {r.count('ignores')}; they take back {taken} "
        f"{'thing' if taken == 1 else 'things'} the last round gave. The grade certain then: "
        f"{grade_words(r.previous_grade)}; now: {grade_words(p.worst_grade)}."
    )


def ask_for(point: OpenPoint) -> str:
    if point.asks is None:
        return "Ask the terms to say: the recommendations accept any answer."
    return f"Ask for: {point.asks}."


def source_line(source: Source) -> str:
    from ..advice.draft import PARTIES

    who = [PARTIES.get(source.party, source.party)]
    who += [x for x in (source.publisher, source.date) if x]
    where = source.url or (f"{source.seed} (a seed article)" if source.seed else source.path)
    text = f"{source.title} ({', '.join(who)}): {where}"
    if source.mirrors:
        text += f"; read on {', '.join(source.mirrors)}"
    return text


def recommendation_sources(profile: Profile) -> list[str]:
    lines = []
    if profile.standard is not None:
        s = profile.standard
        who = ", ".join(x for x in (s.publisher, s.date) if x)
        lines.append(
            f"The profile {profile.id} {profile.version} is built from {s.title}"
            + (f" ({who})" if who else "")
            + (f": {s.url}" if s.url else "")
        )
    names: list[str] = []
    for code in profile.rules:
        for citation in CATALOGUE[code].citations:
            if citation.source not in names:
                names.append(citation.source)
    for name in names:
        text = TEXTS.get(name)
        if text is None:
            lines.append(name)
            continue
        who = ", ".join(x for x in (text.publisher, text.date) if x)
        where = text.url or "a seed article on the Sora leak, read as a file"
        lines.append(f"{name}: {text.title}{f' ({who})' if who else ''}: {where}")
    for quoted in profile.citations:
        lines.append(f"{quoted.title}: {quoted.url}")
    return lines


def term_now(program: Program, key: str) -> str:
    from ..advice._changes import show_term

    return show_term(program.terms.term(key))


# --- a model agreement ---------------------------------------------------------------------------


def agreement_intro(a: ModelAgreement) -> str:
    program, profile = a.program, a.profile
    return (
        f"A model agreement for a {program.kind.replace('-', ' ')} program run by "
        f"{program.organization}, written on {a.date} from the recommendations of the profile "
        f"{profile.id} {profile.version} ({profile.title}). Each clause meets the "
        "recommendation named under 'Why each clause'; [Open choice] marks what the profile "
        "leaves to you."
    )


def agreement_standing(a: ModelAgreement) -> str:
    text = f"Under that profile these terms grade {grade_words(a.grade)} for certain"
    if a.card.coverage >= 1.0:
        text += ", with nothing unknown that the profile weighs."
    else:
        text += f", with {a.card.coverage * 100:.0f}% of the profile's weight known."
    if a.shortfalls:
        codes = ", ".join(c.rule for c in a.shortfalls)
        text += f" What you set falls short of {codes}"
        if a.best_grade != a.grade:
            text += f": without it the agreement would grade {grade_words(a.best_grade)}."
        else:
            text += "; the grade stays the same."
    return text


def shortfall(clause: AgreementClause) -> str:
    """The mark of a clause that falls short: the rule, its outcome, and the recommendation
    the settings did not take (where the clause is not it)."""
    text = f"falls short of {clause.rule}: {OUTCOMES.get(clause.outcome, clause.outcome)}"
    if clause.recommended:
        text += f"; recommended, not taken: {clause.recommended}"
    return text


def choice_text(choice: Choice) -> str:
    if choice.options:
        return f"{choice.question} Either answer keeps the grade: {' / '.join(choice.options)}."
    return f"{choice.question} Any answer keeps the grade."


def numbers(a: ModelAgreement) -> list[tuple[str, str, bool]]:
    from ..advice.agreement import numbers_used

    return list(numbers_used(a))


def party_says(party: str) -> str:
    """``participants:`` or ``the organization:`` before what that side says."""
    return f"{party[0].upper()}{party[1:]}:"


def field_rows(p: Proposal) -> list[tuple[str, str, str, str, str]]:
    """(rule, term, now, bound, ask for) for each term an ask changes or an open point
    settles, once, as the program file spells the values; ``bound`` is "at most" or "at
    least" for a number the profile bounds, else empty; "ask for" is "–" where any value
    will do."""
    from ..advice._changes import BOUNDS
    from ..scoring import show_value

    rows: list[tuple[str, str, str, str, str]] = []
    seen: set[str] = set()
    for ask in p.asks:
        wanted = {**{pt.term: pt.value for pt in ask.open_points}, **ask.changes}
        for key, value in wanted.items():
            if key in seen:
                continue
            seen.add(key)
            if key in BOUNDS:
                point = next((pt for pt in ask.open_points if pt.term == key), None)
                bound = point.value if point is not None else value
                most = "at most" if BOUNDS[key][1] else "at least"
                rows.append((ask.rule, key, term_now(p.program, key), most, show_value(bound)))
            else:
                text = "–" if value is None else show_value(value)
                rows.append((ask.rule, key, term_now(p.program, key), "", text))
    return rows
