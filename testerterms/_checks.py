"""The codebook's rules that a machine can check, as located warnings (``docs/codebook.md``).

`validate` reports them as warnings (errors under ``--strict``); the corpus test holds every
bundled program to them. Each check reads the file as written (where each fact, quote and
date stands) beside the program it loaded to:

- one quote backing more than three terms (a sentence backs several terms only where it
  states each of them);
- ``false``, ``none`` or ``no`` resting on a quote that has no word of negation (silence, and
  what a quote does not say, are unknown);
- ``party: organization`` on a source that is not the organization's, without ``quoting:
  organization`` (an anonymous source in an article is the press, not the company);
- a date that is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` or not a real date (``unknown``
  is allowed), and history entries out of order (they are written oldest first, which is how
  an entry whose date is unknown is placed).

:data:`RETIRED_VALUES` says what became of each value an earlier schema allowed; the loader
reports a retired value with it ("renamed to X", "removed: write Y").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Final

from . import _yaml
from .errors import Problem
from .model import UNKNOWN, date_parts

MAX_TERMS_A_QUOTE: Final = 3
"""Most terms one quote may back before the check asks whether it states each of them."""

NEGATIVE_VALUES: Final = (False, "none", "no")
"""Values that say something is absent: a quote must say no for them."""

NEGATION: Final = re.compile(
    r"\b(?:no|not|never|none|nothing|nobody|neither|nor|without|cannot|unpaid|final|optional"
    r"|prohibit\w*|forbid\w*|refrain\w*|non-(?!disclosure)\w+)\b"
    r"|n[’']t\b|\w-free\b|\bfree of charge\b|\bfor free\b|\brather than\b",
    re.IGNORECASE,
)
"""Words that say no: not, no, never, without, cannot, -n't, unpaid, final (a decision that
admits no dispute), optional (not required), prohibit, forbid, refrain, non- (but not
non-disclosure), royalty-free, free of charge, for free, rather than."""

CODEBOOK: Final = "docs/codebook.md"

RETIRED_VALUES: Final[dict[tuple[str, object], str]] = {
    ("access.revocation", "individual"): (
        "removed: write 'for-cause' where one participant is removed for a cause the terms "
        "state, or 'at-will' where the organization may remove anyone at any time"
    ),
}
"""(term, value an earlier schema allowed) -> what to write now. Schema history: ``individual``
was split into ``for-cause`` and ``at-will`` when the terms of real agreements came in."""


def retired_value(key: str, value: object) -> str | None:
    """What replaced ``value`` of the term ``key`` (``section.name``), if a schema retired it."""
    if not isinstance(value, str):
        return None
    return RETIRED_VALUES.get((key, value))


@dataclass(frozen=True)
class _Site:
    """One fact as the file writes it, with where its parts stand."""

    key: str
    """The term: ``participants``, ``events.leak``, ``compensation.money``."""
    loc: _yaml.Loc
    """The fact's mapping; for a plain value, the term's key."""
    fact: dict[str, Any]
    """The fact with its section's ``source`` and ``quote`` filled in where it takes them."""
    quote_loc: _yaml.Loc | None
    """Where its quote is written: in the fact, or the section's ``quote:``."""
    plain: bool
    history: bool

    @property
    def value_loc(self) -> _yaml.Loc:
        return self.loc if self.plain else (*self.loc, "value")


def codebook_warnings(document: _yaml.Document) -> list[Problem]:
    """Every codebook warning for a file that has loaded (its data is a valid program)."""
    data = document.data
    sites = list(_sites(data))
    problems = _quote_reuse(document, sites)
    problems += _unstated_negatives(document, sites)
    problems += _party_drift(document, sites, data.get("sources") or {})
    problems += _dates(document, sites)
    return sorted(problems, key=lambda p: (p.line, p.col, p.message))


# --- where the facts are ------------------------------------------------------------------


def _sites(data: dict[str, Any]) -> Iterator[_Site]:
    yield from _term_sites("participants", ("participants",), data.get("participants"), None)
    for name, raw in (data.get("events") or {}).items():
        yield from _term_sites(f"events.{name}", ("events", name), raw, None)
    for section, body in (data.get("terms") or {}).items():
        if not isinstance(body, dict):
            continue
        default: dict[str, Any] | None = None
        if "source" in body:
            default = {"source": body["source"]}
            if "quote" in body:
                default["quote"] = body["quote"]
        for name, raw in body.items():
            if name not in ("source", "quote"):
                loc = ("terms", section, name)
                yield from _term_sites(f"{section}.{name}", loc, raw, default)


def _term_sites(
    key: str, loc: _yaml.Loc, raw: Any, default: dict[str, Any] | None
) -> Iterator[_Site]:
    if raw is None or raw == UNKNOWN:
        return
    if isinstance(raw, dict) and isinstance(raw.get("claims"), list):
        for index, claim in enumerate(raw["claims"]):  # each claim names its own source
            if isinstance(claim, dict):
                yield _site(key, (*loc, "claims", index), claim, None)
    elif isinstance(raw, dict) and isinstance(raw.get("history"), list):
        for index, entry in enumerate(raw["history"]):
            if isinstance(entry, dict):
                yield _site(key, (*loc, "history", index), entry, default, history=True)
    elif isinstance(raw, dict) and "value" in raw:
        yield _site(key, loc, raw, default)
    elif default is not None:  # a plain value, backed by its section's source and quote
        yield _site(key, loc, {"value": raw}, default, plain=True)


def _site(
    key: str,
    loc: _yaml.Loc,
    fact: dict[str, Any],
    default: dict[str, Any] | None,
    *,
    plain: bool = False,
    history: bool = False,
) -> _Site:
    takes_default = default is not None and "source" not in fact
    if "quote" in fact:
        quote_loc: _yaml.Loc | None = (*loc, "quote")
    elif takes_default and default is not None and "quote" in default:
        quote_loc = (*loc[: -3 if history else -1], "quote")
    else:
        quote_loc = None
    if takes_default and default is not None:
        fact = {**default, **fact}
    return _Site(key, loc, fact, quote_loc, plain, history)


# --- the checks ----------------------------------------------------------------------------


def _normal(quote: str) -> str:
    return " ".join(quote.split()).casefold().strip(" .,;:\"'“”‘’")


def _quote_reuse(document: _yaml.Document, sites: list[_Site]) -> list[Problem]:
    terms: dict[str, list[str]] = {}
    first: dict[str, _yaml.Loc] = {}
    for site in sites:
        quote = site.fact.get("quote")
        if not isinstance(quote, str) or site.quote_loc is None or not quote.strip():
            continue
        text = _normal(quote)
        keys = terms.setdefault(text, [])
        if site.key not in keys:
            keys.append(site.key)
        first.setdefault(text, site.quote_loc)
    return [
        _warning(
            document,
            first[text],
            f"one quote backs {len(keys)} terms ({', '.join(keys)}): a sentence backs several "
            "terms only where it states each of them; quote for each term the words that "
            f'state it ({CODEBOOK}, "One sentence, several terms")',
        )
        for text, keys in terms.items()
        if len(keys) > MAX_TERMS_A_QUOTE
    ]


def _unstated_negatives(document: _yaml.Document, sites: list[_Site]) -> list[Problem]:
    problems = []
    for site in sites:
        value = site.fact.get("value")
        quote = site.fact.get("quote")
        if not (value is False or (isinstance(value, str) and value in NEGATIVE_VALUES)):
            continue
        if not isinstance(quote, str) or NEGATION.search(quote):
            continue
        written = "false" if value is False else str(value)
        problems.append(
            _warning(
                document,
                site.value_loc,
                f"`{written}` needs a quote that says no ('not', 'no', 'never', 'without'...), "
                "and this one does not: write a value only where the quote states it; what the "
                f'terms do not say is unknown ({CODEBOOK}, "Silence")',
            )
        )
    return problems


def _party_drift(
    document: _yaml.Document, sites: list[_Site], sources: dict[str, Any]
) -> list[Problem]:
    problems = []
    for site in sites:
        fact = site.fact
        if fact.get("party") != "organization" or fact.get("quoting") == "organization":
            continue
        ids = fact.get("source")
        first = ids if isinstance(ids, str) else ids[0] if isinstance(ids, list) and ids else None
        source = sources.get(first) if isinstance(first, str) else None
        party = source.get("party") if isinstance(source, dict) else None
        if party in (None, "organization"):
            continue
        problems.append(
            _warning(
                document,
                (*site.loc, "party"),
                f"`party: organization` on source {first!r} (party: {party}): where the source "
                "quotes the company by name, write `quoting: organization`; an anonymous source "
                "or a paraphrase is the source's own word, not the company's "
                f'({CODEBOOK}, "Who speaks")',
            )
        )
    return problems


def _dates(document: _yaml.Document, sites: list[_Site]) -> list[Problem]:
    data = document.data
    problems: list[Problem] = []
    written: list[tuple[_yaml.Loc, Any]] = []
    period = data.get("period")
    if isinstance(period, dict):
        written += [(("period", end), period.get(end)) for end in ("start", "end")]
    written.append((("as_of",), data.get("as_of")))
    for sid, source in (data.get("sources") or {}).items():
        if isinstance(source, dict):
            written.append((("sources", sid, "date"), source.get("date")))
    previous: dict[_yaml.Loc, tuple[tuple[int, ...], str]] = {}
    for site in sites:
        if not site.history:
            continue
        term = site.loc[:-2]
        for end in ("since", "until"):
            written.append(((*site.loc, end), site.fact.get(end)))
        here = _when(site.fact)
        if here is None:
            continue
        before = previous.get(term)
        if before is not None and here[0] < before[0][: len(here[0])]:
            problems.append(
                _warning(
                    document,
                    (*site.loc, here[2]),
                    f"history entries are written oldest first, but this one ({here[2]} "
                    f"{here[1]}) comes before the one above it ({before[1]}): the order of the "
                    "entries is what places one whose date is unknown",
                )
            )
        previous[term] = (here[0], f"{here[2]} {here[1]}")
    for loc, value in written:
        message = _date_problem(value)
        if message is not None:
            problems.append(_warning(document, loc, message))
    return problems


def _when(fact: dict[str, Any]) -> tuple[tuple[int, ...], str, str] | None:
    """When a history entry starts (its ``since``, else its ``until``), where it is known."""
    for end in ("since", "until"):
        text = fact.get(end)
        text = str(text) if isinstance(text, int) and not isinstance(text, bool) else text
        parts = date_parts(text) if isinstance(text, str) else None
        if parts is not None:
            return parts, str(text), end
    return None


_DATE_SHAPE: Final = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")


def _date_problem(value: Any) -> str | None:
    if value is None or value == UNKNOWN:
        return None
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str) or date_parts(text) is not None:
        return None
    if _DATE_SHAPE.fullmatch(text):
        return f"{text!r} is not a real date"
    return (
        f"{text!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, or `unknown` where the "
        "date is not known"
    )


def _warning(document: _yaml.Document, loc: _yaml.Loc, message: str) -> Problem:
    line, col = document.position(loc)
    return Problem(document.path, line, col, message, severity="warning")
