"""Terms that real programs need, as the schema writes them."""

from __future__ import annotations

import pytest

from testerterms import LoadError, TimeCommitment, parse_program

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
