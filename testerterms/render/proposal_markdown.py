"""Draft's Markdown writer: a proposal, or a model agreement, as a document to send.

The first page says what to ask for first; then each section; the field names and the
scorecard go to the appendices, for the people who edit the program file. Text from a
program or profile file goes through :func:`testerterms._escape.markdown`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._escape import markdown as md
from ..scoring import show_value
from . import _proposal_text as words

if TYPE_CHECKING:
    from ..advice.agreement import ModelAgreement
    from ..advice.draft import Ask, OpenPoint, Proposal, Quote, Round, Statement, Why


def proposal_markdown(proposal: Proposal) -> str:
    p, program = proposal, proposal.program
    lines = [
        f"# {words.title(p)}: {md(program.name)}",
        "",
        md(words.intro(p)),
        "",
        md(words.standing(p)),
        "",
    ]
    if p.round is not None:
        lines += _round(p.round, p)
    lines += ["## What to ask for first", ""]
    if p.priorities:
        lines += [
            "| # | ask | section | grade certain once accepted |",
            "|---|---|---|---|",
        ]
        for item in p.priorities:
            lines.append(
                f"| {item.rank} | {md(words.priority_ask(item))} | "
                f"{_section_ref(p, item.section)} | "
                f"{md(words.grade_step(item))} |"
            )
        lines += ["", md(words.PRIORITIES_NOTE), ""]
    else:
        lines += [md(words.no_priorities(p)), ""]
    lines += _sections(p)
    lines += _sources(p)
    lines += _appendix(p)
    return "\n".join(lines).rstrip("\n") + "\n"


def _section_ref(p: Proposal, section: str) -> str:
    """``3. Credit and marketing``: the number is ours, the title escaped."""
    number = words.section_numbers(p).get(section)
    title = next((md(s.title) for s in p.sections if s.section == section), md(section))
    return title if number is None else f"{number}. {title}"


def _round(round_: Round, p: Proposal) -> list[str]:
    lines = ["## Their answer to our last proposal", "", md(words.round_summary(round_, p)), ""]
    if round_.responses:
        lines += ["| section | ask | last round | now | their answer |", "|---|---|---|---|---|"]
        for r in round_.responses:
            lines.append(
                f"| {_section_ref(p, r.section)} | {md(r.title)} ({r.rule}) | "
                f"{words.OUTCOMES[r.before]} | {words.OUTCOMES[r.after]} | **{r.verdict}** |"
            )
        lines.append("")
    if round_.changes:
        lines += ["What changed since the last round:", ""]
        for change in round_.changes:
            lines.append(f"- {md(change.before)} → {md(change.after)}")
        lines.append("")
    else:
        lines += ["No term changed since the last round.", ""]
    return lines


def _sections(p: Proposal) -> list[str]:
    lines: list[str] = []
    quiet: list[str] = []
    numbers = words.section_numbers(p)
    for section in p.sections:
        if section.section not in numbers:
            quiet.append(section.title)
            continue
        lines += [f"## {numbers[section.section]}. {md(section.title)}", ""]
        if not section.weighed:
            lines += [md(words.NOT_WEIGHED), ""]
            lines += [_statement(s) for s in section.statements] + [""]
            continue
        if not section.asks:
            lines += [md(words.already_meets(section)), ""]
            continue
        if section.statements:
            lines += ["What the terms say now:", ""]
            lines += [_statement(s) for s in section.statements] + [""]
        else:
            lines += ["The terms say nothing yet about this.", ""]
        for ask in section.asks:
            lines += _ask(ask, p)
        if section.met:
            lines += [md(words.also_met(section)), ""]
    if quiet:
        lines += [md(words.quiet_sections(quiet)), ""]
    return lines


def _statement(s: Statement) -> str:
    if not s.disputed:
        return f"- {md(s.text)} {_quotes(s.quotes)}".rstrip()
    sides = "; ".join(_side(q) for q in s.quotes)
    return f"- The sources disagree. {md(s.text)} {sides}."


def _quotes(quotes: tuple[Quote, ...]) -> str:
    return " ".join(_cite(q) for q in quotes)


def _cite(q: Quote) -> str:
    where = ", ".join(md(source) for source in q.sources)
    if q.quote:
        return f'("{md(q.quote)}", {where})'
    return f"({where})"


def _side(q: Quote) -> str:
    return f"{md(words.party_says(q.party))} {md(q.statement)} {_cite(q)}"


def _ask(ask: Ask, p: Proposal) -> list[str]:
    lines = [
        f"### {md(ask.title)} ({ask.rule})",
        "",
        f"- **Now:** {md(ask.outcome_words)}.",
        f"- **We propose:** {md(ask.clause)}",
    ]
    if ask.fallback:
        lines.append(f"- **If refused, at least:** {md(ask.fallback)}")
    lines.append(f"- **Why:** {_why(ask.why)}")
    if ask.open_points:
        lines.append("- **To settle:**")
        lines += [f"  - {_point(point)}" for point in ask.open_points]
    lines.append("")
    return lines


def _why(why: Why) -> str:
    return " ".join(md(line) for line in why.lines())


def _point(point: OpenPoint) -> str:
    text = md(point.question)
    if point.sides:
        text += " The sources disagree: " + "; ".join(_side(q) for q in point.sides) + "."
    return f"{text} {md(words.ask_for(point))}"


def _sources(p: Proposal) -> list[str]:
    lines = ["## Sources", "", "The program's facts come from:", ""]
    for sid, source in p.program.sources.items():
        lines.append(f"- {md(sid)}: {md(words.source_line(source))}")
    lines += ["", "The recommendations come from:", ""]
    lines += [f"- {md(line)}" for line in words.recommendation_sources(p.profile)]
    return [*lines, ""]


def _appendix(p: Proposal) -> list[str]:
    lines = [
        "## Appendix A: for the people who edit the program file",
        "",
        "Each ask and open point as the program file writes it.",
        "",
        "| rule | term | now | ask for |",
        "|---|---|---|---|",
    ]
    for rule, key, now, bound, wanted in words.field_rows(p):
        value = "–" if wanted == "–" else f"{bound} `{wanted}`".lstrip()
        lines.append(f"| {rule} | `{key}` | {md(now)} | {value} |")
    card = p.card
    lines += [
        "",
        f"## Appendix B: scorecard under {md(p.profile.id)} {md(p.profile.version)}",
        "",
        "| rule | outcome | reason |",
        "|---|---|---|",
    ]
    for f in card.findings:
        outcome = f.outcome + (" (disputed)" if f.disputed else "")
        lines.append(f"| {f.rule} | {outcome} | {md(f.reason)} |")
    return [*lines, ""]


# --- a model agreement ---------------------------------------------------------------------------


def agreement_markdown(agreement: ModelAgreement) -> str:
    a, program = agreement, agreement.program
    lines = [
        f"# {md(program.name)}",
        "",
        md(words.agreement_intro(a)),
        "",
        md(words.agreement_standing(a)),
        "",
    ]
    for number, section in enumerate(a.sections, start=1):
        lines += [f"## {number}. {md(section.title)}", ""]
        clause_number = 0
        for clause in section.clauses:
            clause_number += 1
            mark = "" if clause.met else f" **[{md(words.shortfall(clause))}]**"
            lines.append(f"{number}.{clause_number}. {md(clause.text)}{mark}")
            lines.append("")
        for _, sentence in section.settings:
            clause_number += 1
            lines += [f"{number}.{clause_number}. {md(sentence)}", ""]
        for choice in section.choices:
            lines += [f"**[Open choice]** {md(words.choice_text(choice))}", ""]
    lines += ["## Numbers in this agreement", ""]
    for question, value, was_set in words.numbers(a):
        lines.append(f"- {md(question)} {md(value)}{' (set by you)' if was_set else ''}")
    lines += ["", "## Why each clause", ""]
    for section in a.sections:
        for clause in section.clauses:
            lines.append(f"- {_why(clause.why)}")
    lines += ["", "## Sources", ""]
    lines += [f"- {md(line)}" for line in words.recommendation_sources(a.profile)]
    lines += [
        "",
        "## Appendix: the program file",
        "",
        "`--program FILE` writes these terms as a program file; each quotes its clause.",
        "",
        "| term | value |",
        "|---|---|",
    ]
    for key, term in program.terms.items():
        if term.known:
            lines.append(f"| `{key}` | `{md(show_value(term.value))}` |")
    return "\n".join(lines).rstrip("\n") + "\n"
