"""Program files built to make scoring work hard: many claims, many distinct values, every
term disputed. The small ones are kept in ``tests/hostile-cost/``; the large ones (up to
just under the 1 MB a program file may have) are written by the slow tests and the
benchmark (``benchmarks/bench_disputes.py``) from these functions."""

from __future__ import annotations

import itertools
from typing import Any, get_args, get_origin

from testerterms import CATALOGUE
from testerterms.model import Terms

HEAD = """\
id: {id}
name: {id}
organization: Org
kind: beta
sources:
  A: {{title: a, party: organization, url: "https://e.org/a"}}
  B: {{title: b, party: participants, url: "https://e.org/b"}}
  C: {{title: c, party: press, url: "https://e.org/c"}}
terms:
"""


def _claims(name: str, values: list[str]) -> str:
    lines = [f"    {name}:\n      claims:\n"]
    lines += [f"        - {{value: {v}, source: {'ABC'[i % 3]}}}\n" for i, v in enumerate(values)]
    return "".join(lines)


def rates_and_dates(claims: int) -> str:
    """Everyone paid, and ``claims`` claims, each a different value, on both the hourly rate
    and the date it was stated: PMT001 reads both (the issue's crowd-pay-floor case)."""
    rates = [f"{5 + i * 0.05:.2f}" for i in range(claims)]
    dates = [f'"20{10 + i % 15}-{1 + i % 12:02d}-{1 + i % 28:02d}#{i}"' for i in range(claims)]
    return (
        HEAD.format(id="rates-and-dates")
        + "  compensation:\n    money: {value: everyone, source: A}\n"
        + _claims("hourly_rate", rates)
        + _claims("rate_as_of", dates)
    )


def one_term(claims: int) -> str:
    """One term with ``claims`` claims, each a different value."""
    return (
        HEAD.format(id="one-term")
        + "  compensation:\n    money: {value: everyone, source: A}\n"
        + _claims("hourly_rate", [f"{i}.5" for i in range(claims)])
    )


def ownership_disputes() -> str:
    """Every ownership, licence and credit term disputed between all its values: the rules
    that read them (CTL003: nine terms; CRD002: seven) have thousands of combinations."""
    sections = {
        "ownership": {
            "outputs": ["participant", "shared", "organization"],
            "feedback_licence": ["none", "limited", "broad"],
            "licence_survives": ["true", "false"],
            "output_limits": ["[non-commercial]", "[personal-use]", "[]", "[other]"],
            "output_licence": ["none", "limited", "broad"],
            "output_licence_exclusive": ["true", "false"],
            "output_licence_perpetual": ["true", "false"],
            "output_licence_irrevocable": ["true", "false"],
            "output_licence_paid": ["true", "false"],
            "output_licence_uses": ["[marketing]", "[display, repost]", "[use]", "[training]"],
        },
        "credit": {
            "attribution": ["none", "selected", "everyone"],
            "marketing_consent": ["none", "opt-out", "opt-in"],
            "marketing_use": ["true", "false"],
            "marketing_pay": ["true", "false"],
        },
    }
    text = HEAD.format(id="ownership-disputes")
    for section, terms in sections.items():
        text += f"  {section}:\n" + "".join(_claims(n, v) for n, v in terms.items())
    return text


def _values(key: str, numbers: int, lists: int) -> list[str]:
    value_type: Any = Terms.value_type(key)
    args = get_args(value_type)
    if get_origin(value_type) is not None and str(get_origin(value_type)).endswith("Literal"):
        return [str(v) for v in args]
    if value_type is bool or (args and args[0] is bool):
        return ["true", "false"]
    if args and args[0] is float:
        return [f"{i * 0.37:.2f}" for i in range(numbers)]
    if get_origin(value_type) is tuple:
        members = get_args(args[0])
        subsets = [c for r in range(len(members) + 1) for c in itertools.combinations(members, r)]
        return ["[" + ", ".join(s) + "]" for s in subsets[:lists]]
    return [f'"2024-{i % 12 + 1:02d}-#{i}"' for i in range(numbers)]


def everything_disputed(numbers: int = 3, lists: int = 6) -> str:
    """Every term a rule reads disputed: every value of a small type, ``numbers`` values of
    a number or a text, ``lists`` of a list."""
    sections: dict[str, list[str]] = {}
    for key in sorted({k for rule in CATALOGUE.values() for k in rule.terms}):
        section, name = key.split(".")
        sections.setdefault(section, []).append(_claims(name, _values(key, numbers, lists)))
    text = HEAD.format(id="everything-disputed")
    for section, bodies in sections.items():
        text += f"  {section}:\n" + "".join(bodies)
    return text


SMALL = {
    "rates-and-dates.yaml": lambda: rates_and_dates(200),
    "ownership-disputes.yaml": ownership_disputes,
    "everything-disputed.yaml": everything_disputed,
}
"""The files kept in ``tests/hostile-cost/``."""

LARGE = {
    "rates-and-dates-1mb.yaml": lambda: rates_and_dates(11500),
    "one-term-1mb.yaml": lambda: one_term(26000),
    "everything-disputed-1mb.yaml": lambda: everything_disputed(numbers=2300, lists=200),
}
"""Files just under 1 MB, written by the slow tests and the benchmark."""
