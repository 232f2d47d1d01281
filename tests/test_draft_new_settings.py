"""``draft --new --set``: the agreement states what was set, never a clause that says
otherwise, and the program file's quotes each state their value."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, get_args

import pytest

from testerterms import CATALOGUE, load_program
from testerterms.advice import draft_new, render_term_sheet
from testerterms.advice._changes import BOUNDS, asked_terms
from testerterms.advice.agreement import ModelAgreement
from testerterms.advice.wording import sample_values, wording
from testerterms.model import Money
from testerterms.rules import Parameters

SETTINGS: list[dict[str, Any]] = [
    *({"compensation.money": money} for money in get_args(Money)),
    {"compensation.money": "per-result", "compensation.hourly_rate": 25.0},
    {"compensation.hourly_rate": 12.0},
    {"content_review.pre_approval": "all"},
    {"content_review.release_on_silence": False},
    {"credit.marketing_consent": "opt-out", "confidentiality.scope": "broad"},
]
PROFILES = ["articles", "testers-letter"]


def show(settings: dict[str, Any]) -> str:
    return ",".join(f"{key}={value}" for key, value in settings.items())


def body(agreement: ModelAgreement) -> list[str]:
    """Every clause and sentence the agreement states as a term."""
    said = [c.text for s in agreement.sections for c in s.clauses]
    return said + [sentence for s in agreement.sections for _, sentence in s.settings]


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("settings", SETTINGS, ids=show)
def test_no_clause_of_a_model_agreement_states_a_value_its_terms_do_not_have(
    settings: dict[str, Any], profile: str
) -> None:
    agreement = draft_new("beta", profile, settings=settings, date="2025-01-01")
    terms = agreement.program.terms
    for key, value in settings.items():
        assert terms.term(key).value == value, key
    said = body(agreement)
    numbers = {BOUNDS[k][0]: v for k, v in agreement.numbers.items()}
    params = Parameters(**{**agreement.profile.parameters.model_dump(), **numbers})
    own = [
        c
        for s in agreement.sections
        for c in s.clauses
        if c.text == CATALOGUE[c.rule].remedy.clause_for(params)
    ]
    # each rule's own clause (with the agreement's numbers) states the values the terms have
    for clause in own:
        rule = CATALOGUE[clause.rule]
        for key in asked_terms(rule):
            term = terms.term(key)
            assert term.known, (clause.rule, key)
            if key in BOUNDS:
                assert f"{term.value:g}" in clause.text, (clause.rule, key)
            else:
                assert term.value == rule.remedy.terms[key], (clause.rule, key)
    # no sentence states another value of a term than the one it has
    for key, term in terms.items():
        if not term.known:
            continue
        others = [v for v in sample_values(key) if v != term.value]
        for other in others:
            sentence = wording(key).statement(other)
            assert not any(sentence in text for text in said), (key, other)
        # each fact quotes what the agreement says, and the quote states its value
        quote = term.claims[0].quote
        assert quote is not None and any(quote in text for text in said), key
        if quote == wording(key).statement(term.value):
            continue
        stating = [CATALOGUE[c.rule] for c in own if c.text == quote]
        assert stating and any(key in asked_terms(rule) for rule in stating), key
    if settings.get("compensation.money") == "none":
        assert not terms.compensation.hourly_rate.known
        assert "US dollars an hour" not in "\n".join(said)


@pytest.mark.parametrize("settings", SETTINGS[:5], ids=show)
def test_the_program_file_of_a_set_agreement_validates_strictly(
    settings: dict[str, Any], tmp_path: Path
) -> None:
    from testerterms.cli import main

    agreement = draft_new("beta", "testers-letter", settings=settings, date="2025-01-01")
    path = tmp_path / "model.yaml"
    args = [
        "draft",
        "--new",
        "--kind",
        "beta",
        "--profile",
        "testers-letter",
        "--date",
        "2025-01-01",
    ]
    for key, value in settings.items():
        args += ["--set", f"{key}={value}"]
    args += ["--program", str(path), "-o", str(tmp_path / "model.md")]
    assert main(args, io.StringIO(), io.StringIO()) == 0
    written = load_program(path).terms
    assert written.compensation.money.value == agreement.program.terms.compensation.money.value
    assert main(["validate", "--strict", str(path)], io.StringIO(), io.StringIO()) == 0
    assert "recommended, not taken" in render_term_sheet(agreement) or not agreement.shortfalls
