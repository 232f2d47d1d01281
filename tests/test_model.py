"""Terms that real programs need, as the schema writes them."""

from __future__ import annotations

import pickle

import pytest
from pydantic import ValidationError

from testerterms import LoadError, TimeCommitment, parse_program
from testerterms.model import (
    Dated,
    Fact,
    Money,
    Program,
    Section,
    Term,
    Terms,
    term_value_type,
)

HEAD = """id: timed
name: Timed
organization: Example
kind: red-team
sources:
  R1: {title: FAQ, party: organization, url: "https://example.org/faq"}
terms:
  expectations:
"""


def test_a_time_expectation_may_be_a_minimum_or_a_range() -> None:
    program, _ = parse_program(
        HEAD
        + "    time:\n      claims:\n"
        + "        - {value: {hours: 5, per: year, bound: at-least}, source: R1}\n"
        + "        - {value: {hours: 5, up_to: 10, per: year}, source: R1}\n"
    )
    first, second = program.terms.expectations.time.values
    assert str(first) == "at least 5 hours a year"
    assert str(second) == "about 5 to 10 hours a year"
    assert program.terms.expectations.time.disputed


def test_a_range_that_ends_below_its_start_is_refused_where_it_is_written() -> None:
    with pytest.raises(LoadError) as caught:
        parse_program(HEAD + "    time: {value: {hours: 10, up_to: 5}, source: R1}\n", "t.yaml")
    assert caught.value.line == 9
    assert "`up_to` must not be below `hours`" in caught.value.msg


def test_time_commitment_defaults_to_about_over_the_program() -> None:
    assert str(TimeCommitment(hours=40)) == "about 40 hours over the program"


# --- one Term class for every value type ------------------------------------------------------

_BASE = {
    "id": "built",
    "name": "Built in code",
    "organization": "Example",
    "kind": "beta",
    "sources": {"S1": {"title": "Terms", "party": "organization", "url": "https://example.org"}},
}


def test_values_come_back_as_their_term_types() -> None:
    program, _ = parse_program(
        HEAD.replace("  expectations:\n", "  compensation:\n")
        + "    conditions: {value: [winners, selected], source: R1}\n"
        + "    hourly_rate: {value: 20, source: R1}\n"
    )
    assert program.terms.compensation.conditions.value == ("winners", "selected")
    rate = program.terms.compensation.hourly_rate.value
    assert rate == 20.0 and isinstance(rate, float)


def test_a_term_built_in_code_with_a_wrong_value_is_refused_at_its_value() -> None:
    money = Term[Money](claims=(Fact(value="sometimes", source=("S1",)),))
    with pytest.raises(ValidationError) as caught:
        Program.model_validate({**_BASE, "terms": {"compensation": {"money": money}}})
    (error,) = caught.value.errors()
    assert error["loc"] == ("terms", "compensation", "money", "claims", 0, "value")
    assert error["type"] == "literal_error"


def test_a_term_built_in_code_gets_its_values_converted() -> None:
    time = Term[TimeCommitment](history=(Dated(value={"hours": 3}, source=("S1",), since="2024"),))
    program = Program.model_validate({**_BASE, "terms": {"expectations": {"time": time}}})
    assert program.terms.expectations.time.value == TimeCommitment(hours=3)


def test_a_program_survives_pickling_as_the_parallel_scorer_sends_it() -> None:
    program, _ = parse_program(HEAD + "    time: {value: {hours: 5, per: year}, source: R1}\n")
    assert pickle.loads(pickle.dumps(program)) == program


def test_every_section_term_is_one_term_class_with_its_value_type() -> None:
    for section in Terms.SECTIONS:
        model = Terms.model_fields[section].annotation
        assert isinstance(model, type) and issubclass(model, Section)
        for name in model.term_names():
            info = model.model_fields[name]
            assert info.annotation is Term
            assert term_value_type(info.annotation, info.metadata) is not None, name
