"""Draft: a proposal a guild can send, a model agreement for a new program, a counter-proposal,
in Markdown and Word, as a negotiating committee reads them."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any, get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from testerterms import CATALOGUE, Program, load_profile, load_program, score
from testerterms.advice import apply_changes, draft, draft_new, render_term_sheet
from testerterms.advice._outcomes import possible_outcomes, worst_grade
from testerterms.advice.agreement import check_setting, settings_from_file
from testerterms.advice.wording import BY_TERM, WORDINGS, sample_values, wording
from testerterms.errors import LoadError, UsageError
from testerterms.model import Kind, Terms
from testerterms.profiles import bundled_profiles
from testerterms.render.proposal import WRITERS, write

from .conftest import REFERENCE, REPO, SORA, build, run_cli

HERE = REPO / "tests" / "draft"
GEMINI = REPO / "programs" / "google-gemini-earth-trusted-tester.yaml"
TERMS = [key for key, _ in Terms().items()]
# Every value a program file may spell that is not an English word as it stands.
RAW = sorted(
    {
        item
        for key in TERMS
        if not wording(key).says_text  # free text (an amount, a date) is the file's own words
        for value in sample_values(key)
        for item in (value if isinstance(value, tuple) else (value,))
        if isinstance(item, str) and ("-" in item or "_" in item)
    }
    - {"opt-in", "opt-out", "co-creator"}  # English words, as the rules' titles use them
)
SECTIONS = "|".join(Terms.SECTIONS)
FIELD = re.compile(rf"\b[a-z]+_[a-z_]+\b|\b(?:{SECTIONS})\.[a-z_]+\b")
BOOLEAN = re.compile(r"\b(?:true|false|True|False)\b")


def plain(text: str) -> bool:
    """Plain words: no field name, no true/false, no value spelt as a program file spells it."""
    return not (
        FIELD.search(text)
        or BOOLEAN.search(text)
        or "`" in text
        or any(re.search(rf"(?<![\w-]){re.escape(raw)}(?![\w-])", text) for raw in RAW)
    )


def draft_cli(*args: str) -> tuple[int, str, str]:
    """``testerterms draft ARGS`` in this process: (status, stdout, stderr)."""
    from testerterms.cli import main

    out, err = io.StringIO(), io.StringIO()
    status = main(["draft", *args], out, err)
    return status, out.getvalue(), err.getvalue()


def docx_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("word/") and name.endswith(".xml")
        )


# --- plain words ---------------------------------------------------------------------------------


def test_a_statement_of_no_says_no_as_validate_asks() -> None:
    """A model agreement's program quotes these statements: a `false` or `none` value needs a
    quote with a word that says no (docs/codebook.md, "Silence")."""
    from testerterms._checks import NEGATION

    for words in WORDINGS:
        for value in sample_values(words.term):
            if value is False or value == "none":
                assert NEGATION.search(words.statement(value)), (words.term, value)


def test_every_term_of_the_schema_has_its_own_wording() -> None:
    assert [w.term for w in WORDINGS] == TERMS
    assert all(not wording(key).generic for key in TERMS)
    for key in TERMS:  # and every value its type allows, its own words
        words = wording(key)
        for value in sample_values(key):
            if words.answers:
                assert value in words.answers and value in words.says, (key, value)
            if words.items:
                assert set(value) <= set(words.items), (key, value)


@pytest.mark.parametrize("key", TERMS)
def test_every_value_of_every_term_reads_as_plain_words(key: str) -> None:
    words = wording(key)
    assert words.question.endswith("?") and plain(words.question), words.question
    for value in sample_values(key):
        answer, sentence = words.answer(value), words.statement(value)
        assert plain(answer), (key, value, answer)
        assert plain(sentence) and sentence.endswith("."), (key, value, sentence)
        if isinstance(value, str) and key in BY_TERM and words.answers:
            assert answer != value  # an answer is a phrase, never the value's bare spelling


number_terms = [k for k in TERMS if wording(k).unit]
list_terms = [k for k in TERMS if wording(k).items]


@settings(max_examples=60, deadline=None)
@given(
    key=st.sampled_from(number_terms),
    value=st.floats(min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False),
)
def test_any_number_a_term_can_hold_reads_as_words(key: str, value: float) -> None:
    words = wording(key)
    assert plain(words.answer(value)) and plain(words.statement(value))
    assert "e+" not in words.statement(value)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_list_a_term_can_hold_reads_as_words(data: st.DataObject) -> None:
    key = data.draw(st.sampled_from(list_terms))
    items = list(wording(key).items)
    value = tuple(data.draw(st.lists(st.sampled_from(items), unique=True)))
    assert plain(wording(key).answer(value)) and plain(wording(key).statement(value))


def test_a_term_or_value_added_to_the_model_later_still_reads_as_words() -> None:
    words = wording("voice.new_term")
    assert words.generic and words.question.endswith("?")
    assert plain(words.answer(True)) and plain(words.answer("collective-agreement"))
    money = wording("compensation.money")
    assert money.answer("per-milestone") == "per milestone"
    assert plain(money.statement("per-milestone"))


@pytest.mark.parametrize("path", [SORA, GEMINI, REFERENCE], ids=lambda p: p.stem)
@pytest.mark.parametrize("profile", ["articles", "testers-letter", "fairwork"])
def test_every_open_point_is_a_plain_question_with_a_plain_answer(path: Path, profile: str) -> None:
    proposal = draft(load_program(path), profile)
    for ask in proposal.asks:
        assert plain(ask.outcome_words)
        for point in ask.open_points:
            assert point.question.endswith("?") and plain(point.question)
            assert point.asks is None or plain(point.asks), (point.term, point.asks)


def body_lines_not_plain(body: str) -> list[str]:
    """The lines of a document's body that are not plain words, leaving out the program's
    own words (its quotes), the URLs of sources and Markdown's escapes."""
    without_quotes = re.sub(r'\("[^"]*", [^)]*\)|https?://\S+', "", body)
    return [line for line in without_quotes.splitlines() if not plain(line.replace("\\", ""))]


@pytest.mark.parametrize("path", [SORA, GEMINI], ids=lambda p: p.stem)
@pytest.mark.parametrize("profile", ["articles", "vdp-norms"])
def test_the_body_of_a_proposal_names_no_field_and_spells_no_raw_value(
    path: Path, profile: str
) -> None:
    text = render_term_sheet(draft(load_program(path), profile, date="2025-01-01"))
    assert body_lines_not_plain(text.split("## Sources")[0]) == []
    assert "## Appendix A" in text


@pytest.mark.parametrize("profile", ["articles", "sag-aftra-replica", "ai-safe-harbor"])
def test_the_body_of_a_model_agreement_is_plain_words(profile: str) -> None:
    text = render_term_sheet(draft_new("creative-partner", profile, date="2025-01-01"))
    assert body_lines_not_plain(text.split("## Appendix")[0]) == []


def test_the_appendix_of_the_sora_proposal_spells_the_fields() -> None:
    text = render_term_sheet(draft(load_program(SORA), date="2025-01-01"))
    body = text.split("## Sources")[0]
    without_quotes = re.sub(r'\("[^"]*", [^)]*\)', "", body)
    assert plain(without_quotes.replace("\\", "")), [
        line for line in without_quotes.splitlines() if not plain(line.replace("\\", ""))
    ]
    appendix = text.split("## Appendix A")[1]
    assert "`compensation.money`" in appendix and "`everyone`" in appendix


# --- the proposal --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sora_proposal() -> Any:
    return draft(load_program(SORA), "articles", date="2025-01-01")


def test_each_section_says_what_the_terms_say_now_quoted_with_their_sources(
    sora_proposal: Any,
) -> None:
    pay = next(s for s in sora_proposal.sections if s.section == "compensation")
    said = {s.term: s for s in pay.statements}
    money = said["compensation.money"]
    assert money.text.startswith("Only a select few participants are paid money")
    assert all(q.quote and q.sources for q in money.quotes)
    text = render_term_sheet(sora_proposal)
    assert '"a select few will be chosen through a competition' in text
    assert "S1: PR-Puppets open letter" in text


def test_each_ask_proposes_the_clause_with_the_profiles_numbers_and_says_why() -> None:
    guild = load_profile(REPO / "examples" / "guild-profile.yaml")
    proposal = draft(load_program(SORA), guild)
    pay = next(a for a in proposal.asks if a.rule == "PAY001")
    assert "no less than 45 US dollars an hour" in pay.clause
    assert pay.fallback and "accepted contribution" in pay.fallback
    assert pay.why.weight == guild.rules["PAY001"] and pay.why.blocker == guild.blockers["PAY001"]
    assert any("fair compensation" in line for line in pay.why.lines())
    review = next(a for a in draft(load_program(SORA), "articles").asks if a.rule == "CTL002")
    assert "answers within 14 days" in review.clause  # the profile's longest review deadline
    point = next(p for p in review.open_points if p.term == "content_review.response_days")
    assert point.asks == "no more than 14 days"


def test_a_section_that_already_meets_the_profile_says_so_in_one_line() -> None:
    proposal = draft(load_program(REFERENCE), "articles", date="2025-01-01")
    assert not proposal.asks and not proposal.priorities
    text = render_term_sheet(proposal)
    pay = text.split("## 1. Compensation\n\n")[1].split("\n\n## ")[0]
    assert pay == "Already meets the profile here (PAY001, PAY002): nothing to change."
    assert "Nothing to ask for: the program already meets every rule of the profile." in text


def test_a_disputed_term_is_an_open_point_that_names_each_side(sora_proposal: Any) -> None:
    claims = [
        {"value": True, "source": "S", "quote": "The terms state the hours expected."},
        {
            "value": False,
            "source": "S",
            "party": "participants",
            "quote": "Nobody told us how much time it would take.",
        },
    ]
    program = build({"expectations.states_expectations": {"claims": claims}})
    proposal = draft(program, load_profile("articles"))
    points = {p.term: p for a in proposal.asks for p in a.open_points}
    disputed = points["expectations.states_expectations"]
    assert disputed.disputed and {q.party for q in disputed.sides} == {
        "the organization",
        "participants",
    }
    assert disputed.asks == "yes"
    sora_points = {p.term: p for a in sora_proposal.asks for p in a.open_points}
    assert sora_points["ownership.outputs"].asks == "the participants"


# --- priorities ----------------------------------------------------------------------------------

PRIORITY_CASES = [
    (SORA, "articles"),
    (SORA, "testers-letter"),
    (GEMINI, "articles"),
    (REPO / "programs" / "hypernatural-creative-partnership.yaml", "articles"),
    (REPO / "programs" / "playtestcloud.yaml", "fairwork"),
]


@pytest.mark.parametrize(("path", "profile"), PRIORITY_CASES, ids=lambda x: getattr(x, "stem", x))
def test_accepting_the_asks_in_order_reaches_the_grades_they_promise(
    path: Path, profile: str
) -> None:
    program, rules = load_program(path), load_profile(profile)
    proposal = draft(program, rules)
    assert proposal.priorities
    accepted: dict[str, Any] = {}
    for item in proposal.priorities:
        accepted.update(item.changes)
        card = score(apply_changes(program, accepted), rules)
        assert worst_grade(card.findings, rules) == item.grade, item.rule
        assert card.range == item.range
    first = score(apply_changes(program, proposal.priorities[0].changes), rules)
    assert worst_grade(first.findings, rules) == proposal.priorities[0].grade_alone


@pytest.mark.parametrize(("path", "profile"), PRIORITY_CASES, ids=lambda x: getattr(x, "stem", x))
def test_blockers_that_cap_the_grade_come_first(path: Path, profile: str) -> None:
    program, rules = load_program(path), load_profile(profile)
    proposal = draft(program, rules)
    capped = [item.blocker is not None for item in proposal.priorities]
    assert capped == sorted(capped, reverse=True)
    card = score(program, rules)
    at_risk = {
        f.rule
        for f in card.findings
        if f.rule in rules.blockers and "not-met" in possible_outcomes(f)
    }
    listed = {item.rule for item in proposal.priorities} | {
        code for item in proposal.priorities for code in item.also_meets
    }
    assert at_risk <= listed


def test_the_sora_proposal_opens_with_what_to_ask_for_first(sora_proposal: Any) -> None:
    text = render_term_sheet(sora_proposal)
    first_page = text.split("## 1. Compensation")[0]
    assert first_page.startswith("# Proposal: Sora")
    assert "## What to ask for first" in first_page
    assert "| 1 | Participants are paid money for their work" in first_page
    assert "articles 1.0.0" in first_page and "2025-01-01" in first_page
    assert sora_proposal.grade_if_accepted == "A"


# --- a model agreement ---------------------------------------------------------------------------


@pytest.mark.parametrize("profile", bundled_profiles())
def test_a_model_agreement_scores_the_best_grade_with_nothing_weighed_unknown(profile: str) -> None:
    for kind in get_args(Kind):
        agreement = draft_new(kind, profile, date="2025-01-01")
        card = score(agreement.program, profile)
        assert card.grade == agreement.grade == "A", (kind, card.grade)
        assert card.coverage == 1.0 and card.range == (100.0, 100.0), kind
        assert all(f.outcome in ("met", "n/a") for f in card.findings), kind


def test_a_model_agreement_fills_in_the_numbers_the_user_sets() -> None:
    agreement = draft_new(
        "creative-partner",
        "testers-letter",
        settings={"compensation.hourly_rate": 35.0, "content_review.response_days": 5.0},
    )
    text = render_term_sheet(agreement)
    assert "at no less than 35 US dollars an hour" in text
    assert "the company answers within 5 days" in text
    terms = agreement.program.terms
    assert (
        terms.compensation.hourly_rate.value == 35 and terms.content_review.response_days.value == 5
    )
    # every fact quotes the clause or the sentence of the agreement that states it
    said = {c.text for s in agreement.sections for c in s.clauses}
    said |= {sentence for s in agreement.sections for _, sentence in s.settings}
    for key, term in terms.items():
        if term.known:
            assert term.claims[0].quote in said, key
    assert "**[Open choice]** Does the company use participants' work in marketing" in text


def test_a_setting_that_falls_short_of_the_profile_is_marked_with_the_grade_it_reaches() -> None:
    agreement = draft_new(
        "creative-partner", "testers-letter", settings={"content_review.pre_approval": "all"}
    )
    assert [c.rule for c in agreement.shortfalls] == ["CTL001"]
    assert agreement.grade == "D" and agreement.best_grade == "A"
    text = render_term_sheet(agreement)
    assert "[falls short of CTL001: not met; recommended, not taken: Participants may share" in text
    assert "Every output needs the company's approval before it is shared." in text
    # the agreement states what was set, not the clause it departs from
    clause = agreement.shortfalls[0]
    assert "Every output needs the company's approval" in clause.text
    assert clause.recommended is not None and clause.recommended not in clause.text


def test_settings_are_checked_and_a_misspelt_term_gets_a_suggestion() -> None:
    assert check_setting("compensation.hourly_rate", 25) == ("compensation.hourly_rate", 25.0)
    with pytest.raises(UsageError, match=r"did you mean 'compensation\.hourly_rate'"):
        check_setting("pay.hourly_rate", 25)
    with pytest.raises(UsageError, match="one of: none, some, per-result, everyone"):
        check_setting("compensation.money", "lots")
    with pytest.raises(UsageError):
        check_setting("credit.opt_out", "yes")


def test_a_settings_file_may_be_flat_or_nested_and_every_mistake_is_located() -> None:
    assert settings_from_file(str(HERE / "settings.yaml")) == {
        "compensation.hourly_rate": 32.0,
        "content_review.response_days": 5.0,
        "credit.marketing_use": False,
    }
    with pytest.raises(LoadError) as caught:
        settings_from_file(str(HERE / "settings-bad.yaml"))
    lines = [str(p) for p in caught.value.problems]
    assert lines[0].startswith(f"{HERE / 'settings-bad.yaml'}:2:1: error: no term")
    assert "did you mean 'compensation.hourly_rate'" in lines[0]
    assert lines[1].startswith(f"{HERE / 'settings-bad.yaml'}:4:")


# --- a counter-proposal --------------------------------------------------------------------------


def test_a_counter_proposal_says_which_asks_the_revised_terms_meet_partly_or_ignore() -> None:
    proposal = draft(
        load_program(SORA), "articles", against=load_program(HERE / "sora-revised.yaml")
    )
    assert proposal.program.id == "sora-revised" and proposal.round is not None
    verdicts = {r.rule: r.verdict for r in proposal.round.responses}
    assert verdicts["PAY001"] == verdicts["PAY002"] == "meets"
    assert verdicts["CTL001"] == "meets in part"  # approval narrowed to listed topics
    assert verdicts["CRD002"] == "ignores"  # marketing use still unpaid
    changed = {c.term: c for c in proposal.round.changes}
    assert (
        changed["compensation.money"].after
        == "Every participant who does the work is paid money for it."
    )
    assert changed["access.revocation"].before == "Access may be cut for everyone at once."
    text = render_term_sheet(proposal)
    assert text.startswith("# Counter-proposal: Sora alpha artist program (revised terms)")
    assert text.index("## Their answer to our last proposal") < text.index(
        "## What to ask for first"
    )
    assert "| **meets in part** |" in text


def test_terms_that_fall_back_from_the_last_round_are_taken_back() -> None:
    before = build({"compensation.money": "everyone", "credit.attribution": "everyone"})
    after = build({"compensation.money": "some", "credit.attribution": "everyone"})
    proposal = draft(before, "articles", against=after)
    assert proposal.round is not None
    verdicts = {r.rule: (r.verdict, r.asked) for r in proposal.round.responses}
    assert verdicts["PAY001"] == ("takes back", False)


# --- Word ----------------------------------------------------------------------------------------


def test_the_word_document_holds_the_priorities_the_sections_and_side_by_side_tables(
    sora_proposal: Any,
) -> None:
    import docx

    data = write(sora_proposal, "docx")
    assert isinstance(data, bytes)
    document = docx.Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "What to ask for first"
    assert "1. Compensation" in headings and "Sources" in headings
    tables = document.tables
    assert [c.text for c in tables[0].rows[0].cells][:2] == ["#", "Ask"]
    side_by_side = [t for t in tables if t.rows[0].cells[0].text == "What the terms say now"]
    assert len(side_by_side) == len(sora_proposal.asks)
    assert side_by_side[0].rows[0].cells[1].text == "What we propose"
    assert "20 US dollars an hour" in side_by_side[0].rows[1].cells[1].text
    comments = list(document.comments)
    assert len(comments) == len(sora_proposal.asks)
    assert "fair compensation" in " ".join(c.text for c in comments)
    # the priorities fill the first page: a page break, then the first section
    blocks = [
        ("break" if 'w:type="page"' in block.xml else block.xpath("string(.)"))
        for block in document.element.body.iterchildren()
    ]
    assert blocks.index("What to ask for first") < blocks.index("break")
    assert blocks.index("break") < blocks.index("1. Compensation")
    assert document.core_properties.title == "Proposal: Sora early access / alpha artist program"


def test_a_hostile_programs_text_stays_text_in_word_and_markdown() -> None:
    import docx

    program = load_program(HERE / "hostile-word.yaml")
    proposal = draft(program, "articles")
    data = write(proposal, "docx")
    xml = docx_xml(data)
    for element in ("<w:fldSimple", "<w:fldChar", "<w:instrText", "<w:hyperlink", "<w:tab/>"):
        assert element not in xml  # no field, no link, no layout made from the file's text
    assert "<w:br/>" not in xml and "&lt;w:fldSimple" in xml
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202e\ufffe]", xml)
    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert '{ HYPERLINK "javascript:alert(1)" }' in text
    cells = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "DDEAUTO" in cells and "\t" not in cells
    markdown = render_term_sheet(proposal)
    assert "\x1b" not in markdown and "\u202e" not in markdown
    assert "\\[click\\](javascript:alert(1))" in markdown
    assert "&lt;w:fldSimple" in markdown
    assert "\ncell" not in markdown


def test_a_model_agreement_in_word_marks_the_open_choices_and_comments_each_clause() -> None:
    import docx

    agreement = draft_new("creative-partner", "articles", date="2025-01-01")
    document = docx.Document(io.BytesIO(write(agreement, "docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "[Open choice]" in text and "1.1. Every participant is paid money" in text
    clauses = sum(len(s.clauses) for s in agreement.sections)
    assert len(list(document.comments)) == clauses


def test_the_writers_are_the_formats_draft_offers() -> None:
    from testerterms.cli import DRAFT_FORMATS

    assert tuple(WRITERS) == DRAFT_FORMATS


# --- the catalogue's fallbacks -------------------------------------------------------------------


@pytest.mark.parametrize("code", [c for c, r in CATALOGUE.items() if r.fallback is not None])
def test_a_fallback_at_least_partly_meets_its_rule_under_every_profile(code: str) -> None:
    rule = CATALOGUE[code]
    assert rule.fallback is not None and dict(rule.fallback.terms) != dict(rule.remedy.terms)
    changed = apply_changes(load_program(REFERENCE), rule.fallback.terms)
    for name in bundled_profiles():
        profile = load_profile(name)
        weighs = profile.model_copy(update={"rules": {**profile.rules, code: 1.0}})
        finding = score(changed, weighs).finding(code)
        assert "not-met" not in possible_outcomes(finding), (name, finding.reason)
        rule.fallback.clause_for(profile.parameters)  # every placeholder is a parameter


def test_a_rule_without_a_partial_outcome_has_no_fallback() -> None:
    for code in ("NDA002", "SEC001", "PMT003", "DUE004", "RES002"):
        assert CATALOGUE[code].fallback is None


# --- the command ---------------------------------------------------------------------------------


def test_draft_writes_a_word_file_and_never_over_one(tmp_path: Path) -> None:
    out = tmp_path / "proposal.docx"
    result = run_cli("draft", "sora-alpha-artists", "-o", str(out))  # as a user runs it
    assert result.returncode == 0, result.stderr
    assert zipfile.is_zipfile(out)
    status, _, err = draft_cli("sora-alpha-artists", "-o", str(out))
    assert status == 2 and "--force" in err


def test_draft_new_writes_the_agreement_and_a_program_that_scores_a(tmp_path: Path) -> None:
    agreement, program = tmp_path / "model.md", tmp_path / "model.yaml"
    status, _, err = draft_cli(
        "--new", "--kind", "red-team", "--profile", "testers-letter",
        "--set", "compensation.hourly_rate=40", "--settings", str(HERE / "settings.yaml"),
        "--program", str(program), "-o", str(agreement), "--date", "2025-01-01",
    )  # fmt: skip
    assert status == 0, err
    written: Program = load_program(program)
    card = score(written, "testers-letter")
    assert card.grade == "A" and card.coverage == 1.0
    assert written.terms.compensation.hourly_rate.value == 40  # --set wins over the file
    assert written.sources["agreement"].path == "model.md"
    from testerterms.cli import main

    assert main(["validate", "--strict", str(program)], io.StringIO(), io.StringIO()) == 0
    text = agreement.read_text(encoding="utf-8")
    assert text.startswith("# Model red team agreement") and "2025-01-01" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--new",), "--new needs --kind"),
        (("--new", "--kind", "beta", "sora-alpha-artists"), "give no PATH"),
        (("sora-alpha-artists", "--kind", "beta"), "--kind go with --new"),
        (("sora-alpha-artists", "--format", "docx"), "give -o FILE.docx"),
        (("--new", "--kind", "beta", "--set", "pay.hourly_rate=3"), "did you mean"),
        (("--new", "--kind", "beta", "--set", "compensation.hourly_rate"), "TERM=VALUE"),
        (("--new", "--kind", "balloon"), "no kind 'balloon'"),
        ((), "give the program"),
    ],
)
def test_draft_refuses_what_it_cannot_do_in_one_line(args: tuple[str, ...], message: str) -> None:
    status, out, err = draft_cli(*args)
    assert status == 2 and message in err, err
    assert "Traceback" not in err and out == "" and len(err.splitlines()) == 1


def test_draft_never_writes_over_a_file_it_reads(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(SORA.read_text(encoding="utf-8"), encoding="utf-8")
    for args in (
        (str(mine), "-o", str(mine), "--format", "markdown", "--force"),
        ("sora-alpha-artists", "--against", str(mine), "-o", str(mine), "--force"),
    ):
        status, _, err = draft_cli(*args)
        assert status == 2 and "input file" in err
    assert mine.read_text(encoding="utf-8") == SORA.read_text(encoding="utf-8")


def test_draft_help_names_every_kind_of_program() -> None:
    from testerterms.cli import build_parser

    parser = build_parser()
    draft_parser = parser._subparsers._group_actions[0].choices["draft"]  # type: ignore[union-attr]
    shown = " ".join(draft_parser.format_help().split()).replace("- ", "-")  # wrapped at "-"
    assert all(kind in shown for kind in get_args(Kind) if kind != "reference")


def test_draft_warns_when_a_setting_falls_short_of_the_profile() -> None:
    status, out, err = draft_cli("--new", "--kind", "beta", "--set", "compensation.hourly_rate=3")
    assert status == 0 and out.startswith("# Model beta agreement")
    assert "warning: the terms set fall short of PAY001" in err


# --- from the term sheet this proposal replaces ----------------------------------------------


def test_every_unknown_term_a_rule_reads_is_an_open_point_somewhere(sora_proposal: Any) -> None:
    sora = load_program(SORA)
    points = {p.term for a in sora_proposal.asks for p in a.open_points}
    for f in score(sora, "articles").findings:
        if f.outcome == "unknown":
            for key in CATALOGUE[f.rule].reads:
                if not sora.terms.term(key).known:
                    assert key in points, key


def test_a_stated_hourly_rate_is_said_in_plain_words() -> None:
    program = build({"compensation.money": "everyone", "compensation.hourly_rate": 12.5})
    text = render_term_sheet(draft(program))  # below the 20-dollar floor: an ask, and why
    assert "Participants are paid 12.5 US dollars for each hour of work." in text
    assert "at no less than 20 US dollars an hour" in text


def test_markdown_from_the_file_is_escaped() -> None:
    program = build({"compensation.amount": "| forged | cell |\n# heading"}, name="A *bold* [x](y)")
    text = render_term_sheet(draft(program))
    assert "# Proposal: A \\*bold\\* \\[x\\](y)" in text
    assert "\\| forged \\| cell \\|" in text
    assert "\n# heading" not in text


def test_the_fallbacks_table_in_the_docs_is_the_catalogues() -> None:
    from testerterms.advice._changes import fallback_terms
    from testerterms.scoring import show_value

    params = load_profile("articles").parameters
    rows = [
        "| rule | fallback clause | terms |",
        "|---|---|---|",
        *(
            f"| {code} | {rule.fallback.clause_for(params)} | "
            + ", ".join(f"`{k}: {show_value(v)}`" for k, v in fallback_terms(rule, params).items())
            + " |"
            for code, rule in CATALOGUE.items()
            if rule.fallback is not None
        ),
    ]
    doc = (REPO / "docs" / "drafting.md").read_text(encoding="utf-8")
    block = doc.split("<!-- fallbacks: tests/test_draft.py -->\n")[1].split("<!-- end")[0]
    assert block.strip().splitlines() == rows


def test_the_python_example_in_the_drafting_docs_runs(tmp_path: Path) -> None:
    import os

    doc = (REPO / "docs" / "drafting.md").read_text(encoding="utf-8")
    snippet = doc.split("```python\n")[1].split("```")[0]
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        namespace: dict[str, Any] = {}
        exec(compile(snippet, "docs/drafting.md", "exec"), namespace)
    finally:
        os.chdir(here)
    assert namespace["first"].rank == 1 and namespace["model"].grade == "A"
    assert zipfile.is_zipfile(io.BytesIO(namespace["word"]))


@pytest.mark.parametrize("profile", ["articles", "fairwork"])
def test_ordering_the_asks_costs_about_two_scorings_an_ask_and_a_fallback_a_few_more(
    profile: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    module = sys.modules["testerterms.advice.draft"]
    calls: list[int] = []

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return score(*args, **kwargs)

    monkeypatch.setattr(module, "score", counting)
    proposal = draft(load_program(SORA), profile)
    # a fallback is checked with its terms, and each stated term it changes alone and kept
    fallbacks = sum(
        1 + 2 * len(rule.fallback.terms)
        for ask in proposal.asks
        if (rule := CATALOGUE[ask.rule]).fallback is not None
    )
    assert len(calls) <= 2 * len(proposal.asks) + 2 + fallbacks
