"""Draft's Word writer: a proposal, or a model agreement, as a ``.docx`` a committee edits.

Headings per section; each ask as a table with what the terms say now beside what we
propose; the reasons for each ask as a Word comment on the proposed clause; what to ask for
first on the first page. Every piece of text goes into a plain run through
:func:`testerterms._escape.word`: a program's text cannot become a field, a link or a
layout control (python-docx writes a field or a link only when asked to, and nothing here
asks).

Needs python-docx (``pip install "testerterms[word]"``).
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .._escape import word as t
from ..errors import UsageError
from . import _proposal_text as words

if TYPE_CHECKING:
    from ..advice.agreement import ModelAgreement
    from ..advice.draft import Ask, Proposal, Quote, Round, Statement, Why

AUTHOR = "testerterms"


def _document(title: str, date: str) -> Any:
    try:
        import docx
    except ImportError:
        raise UsageError(
            "writing a Word file needs python-docx: pip install 'testerterms[word]'"
        ) from None
    document = docx.Document()
    properties = document.core_properties
    properties.title = t(title)[:250]
    properties.author = AUTHOR
    try:
        moment = datetime.datetime.fromisoformat(date)
    except ValueError:
        moment = None
    if moment is not None:
        properties.created = properties.modified = moment
    return document


def _save(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _paragraph(container: Any, text: str = "", style: str | None = None) -> Any:
    paragraph = container.add_paragraph(style=style)
    if text:
        paragraph.add_run(t(text))
    return paragraph


def _bold_then(container: Any, label: str, text: str, style: str | None = None) -> Any:
    paragraph = container.add_paragraph(style=style)
    paragraph.add_run(t(label)).bold = True
    paragraph.add_run(t(text))
    return paragraph


def _table(document: Any, header: Iterable[str], rows: Iterable[Iterable[str]]) -> Any:
    header = list(header)
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.paragraphs[0].add_run(t(text)).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.paragraphs[0].add_run(t(text))
    return table


def _comment(document: Any, run: Any, lines: list[str]) -> None:
    comment = document.add_comment(run, text=t(lines[0]), author=AUTHOR, initials="tt")
    for line in lines[1:]:
        comment.add_paragraph(t(line))


# --- a proposal ----------------------------------------------------------------------------------


def proposal_word(proposal: Proposal) -> bytes:
    p, program = proposal, proposal.program
    title = f"{words.title(p)}: {program.name}"
    document = _document(title, p.date)
    document.add_heading(t(title), level=0)
    _paragraph(document, words.intro(p))
    _paragraph(document, words.standing(p))
    if p.round is not None:
        _round(document, p.round, p)
    document.add_heading("What to ask for first", level=1)
    if p.priorities:
        _table(
            document,
            ["#", "Ask", "Section", "Grade certain once accepted"],
            [
                [
                    str(item.rank),
                    words.priority_ask(item),
                    words.section_number(p, item.section),
                    words.grade_step(item),
                ]
                for item in p.priorities
            ],
        )
        _paragraph(document, words.PRIORITIES_NOTE)
    else:
        _paragraph(document, words.no_priorities(p))
    document.add_page_break()
    _sections(document, p)
    _sources(document, p)
    _appendix(document, p)
    return _save(document)


def _round(document: Any, round_: Round, p: Proposal) -> None:
    document.add_heading("Their answer to our last proposal", level=1)
    _paragraph(document, words.round_summary(round_, p))
    if round_.responses:
        _table(
            document,
            ["Section", "Ask", "Last round", "Now", "Their answer"],
            [
                [
                    words.section_number(p, r.section),
                    f"{r.title} ({r.rule})",
                    words.OUTCOMES[r.before],
                    words.OUTCOMES[r.after],
                    r.verdict,
                ]
                for r in round_.responses
            ],
        )
    if round_.changes:
        _paragraph(document, "What changed since the last round:")
        for change in round_.changes:
            _paragraph(document, f"{change.before} → {change.after}", "List Bullet")
    else:
        _paragraph(document, "No term changed since the last round.")


def _sections(document: Any, p: Proposal) -> None:
    numbers = words.section_numbers(p)
    quiet = []
    for section in p.sections:
        if section.section not in numbers:
            quiet.append(section.title)
            continue
        document.add_heading(t(f"{numbers[section.section]}. {section.title}"), level=1)
        if not section.weighed:
            _paragraph(document, words.NOT_WEIGHED)
            for statement in section.statements:
                _paragraph(document, _statement(statement), "List Bullet")
            continue
        if not section.asks:
            _paragraph(document, words.already_meets(section))
            continue
        for ask in section.asks:
            _ask(document, ask)
        shown = {s.term for ask in section.asks for s in ask.now}
        others = [s for s in section.statements if s.term not in shown]
        if others:
            _paragraph(document, "The terms also say:")
            for statement in others:
                _paragraph(document, _statement(statement), "List Bullet")
        if section.met:
            _paragraph(document, words.also_met(section))
    if quiet:
        _paragraph(document, words.quiet_sections(quiet))


def _statement(s: Statement) -> str:
    if s.disputed:
        sides = "; ".join(_side(q) for q in s.quotes)
        return f"The sources disagree. {s.text} {sides}."
    return " ".join([s.text, *(_cite(q) for q in s.quotes)])


def _cite(q: Quote) -> str:
    where = ", ".join(q.sources)
    return f"(“{q.quote}”, {where})" if q.quote else f"({where})"


def _side(q: Quote) -> str:
    return f"{words.party_says(q.party)} {q.statement} {_cite(q)}"


def _ask(document: Any, ask: Ask) -> None:
    document.add_heading(t(f"{ask.title} ({ask.rule})"), level=2)
    table = document.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    head = table.rows[0].cells
    head[0].paragraphs[0].add_run("What the terms say now").bold = True
    head[1].paragraphs[0].add_run("What we propose").bold = True
    now, propose = table.rows[1].cells
    first = now.paragraphs[0]
    first.add_run("Now: ").bold = True
    first.add_run(t(f"{ask.outcome_words}."))
    if ask.now:
        for statement in ask.now:
            _paragraph(now, _statement(statement))
    else:
        _paragraph(now, "The terms say nothing of this.")
    clause = propose.paragraphs[0].add_run(t(ask.clause))
    _comment(document, clause, _why(ask.why))
    if ask.fallback:
        _bold_then(propose, "If refused, at least: ", ask.fallback)
    _bold_then(document, "Why: ", " ".join(_why(ask.why)[:2]) + " (the sources: see the comment)")
    if ask.open_points:
        _paragraph(document, "To settle:")
        for point in ask.open_points:
            text = point.question
            if point.sides:
                text += " The sources disagree: " + "; ".join(_side(q) for q in point.sides) + "."
            _paragraph(document, f"{text} {words.ask_for(point)}", "List Bullet")


def _why(why: Why) -> list[str]:
    return why.lines()


def _sources(document: Any, p: Proposal) -> None:
    document.add_heading("Sources", level=1)
    _paragraph(document, "The program's facts come from:")
    for sid, source in p.program.sources.items():
        _paragraph(document, f"{sid}: {words.source_line(source)}", "List Bullet")
    _paragraph(document, "The recommendations come from:")
    for line in words.recommendation_sources(p.profile):
        _paragraph(document, line, "List Bullet")


def _appendix(document: Any, p: Proposal) -> None:
    document.add_heading("Appendix A: for the people who edit the program file", level=1)
    _paragraph(document, "Each ask and open point as the program file writes it.")
    _table(
        document,
        ["Rule", "Term", "Now", "Ask for"],
        [
            [rule, key, now, f"{bound} {wanted}".lstrip()]
            for rule, key, now, bound, wanted in words.field_rows(p)
        ],
    )
    document.add_heading(
        t(f"Appendix B: scorecard under {p.profile.id} {p.profile.version}"), level=1
    )
    _table(
        document,
        ["Rule", "Outcome", "Reason"],
        [
            [f.rule, f.outcome + (" (disputed)" if f.disputed else ""), f.reason]
            for f in p.card.findings
        ],
    )


# --- a model agreement ---------------------------------------------------------------------------


def agreement_word(agreement: ModelAgreement) -> bytes:
    a, program = agreement, agreement.program
    document = _document(program.name, a.date)
    document.add_heading(t(program.name), level=0)
    _paragraph(document, words.agreement_intro(a))
    _paragraph(document, words.agreement_standing(a))
    for number, section in enumerate(a.sections, start=1):
        document.add_heading(t(f"{number}. {section.title}"), level=1)
        clause_number = 0
        for clause in section.clauses:
            clause_number += 1
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{number}.{clause_number}. ")
            run = paragraph.add_run(t(clause.text))
            _comment(document, run, _why(clause.why))
            if not clause.met:
                paragraph.add_run(t(f" [{words.shortfall(clause)}]")).bold = True
        for _, sentence in section.settings:
            clause_number += 1
            _paragraph(document, f"{number}.{clause_number}. {sentence}")
        for choice in section.choices:
            _bold_then(document, "[Open choice] ", words.choice_text(choice))
    document.add_heading("Numbers in this agreement", level=1)
    for question, value, was_set in words.numbers(a):
        text = f"{question} {value}{' (set by you)' if was_set else ''}"
        _paragraph(document, text, "List Bullet")
    document.add_heading("Sources", level=1)
    for line in words.recommendation_sources(a.profile):
        _paragraph(document, line, "List Bullet")
    document.add_heading("Appendix: the program file", level=1)
    from ..scoring import show_value

    _table(
        document,
        ["Term", "Value"],
        [[key, show_value(term.value)] for key, term in program.terms.items() if term.known],
    )
    return _save(document)
