"""Frozen records checked by hand: profiles and their parameters, without pydantic.

``rules``, ``rules CODE`` and ``profiles`` read every bundled profile; building pydantic
models for them cost more than the rest of those commands. The profile classes are frozen
dataclasses instead, checked by the small functions here, which give the messages the
program model gives for the same mistake (``expected true or false, got 'yes' ...``).

A check returns :data:`Issue` records: where (the path of keys), what, and whether the
mistake is the key itself (an unknown key) rather than its value. A file's loader locates
them in the file; code that builds a record gets them as a :class:`ValueError`. Messages
are worded by the loader's helpers, imported only when there is a mistake to word: the
loader imports the program model, which the catalogue commands do not need.

:class:`Record` gives the records the ``model_*`` methods their callers use, named and
behaving as pydantic's do, so that code written against the models keeps working.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, TypeVar, cast

Loc = tuple[str | int, ...]
Issue = tuple[Loc, str, bool]
"""Where a mistake is (keys from the top), what it is, and whether it is the key itself."""

R = TypeVar("R", bound="Record")


class Record:
    """Pydantic-style methods for a frozen dataclass whose ``__post_init__`` checks it."""

    __dataclass_fields__: dict[str, dataclasses.Field[Any]]

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        """``(name, value)`` for each field, so that ``dict(record)`` works as for a model;
        not a field marked ``metadata={"written": False}`` (what loading noted, not what a
        file writes)."""
        for name, spec in self.__dataclass_fields__.items():
            if spec.metadata.get("written", True):
                yield name, getattr(self, name)

    def model_dump(
        self, *, exclude: set[str] | frozenset[str] | None = None, mode: str = "python"
    ) -> dict[str, Any]:
        """The fields as plain data: records become dicts; in ``json`` mode tuples lists."""
        return {
            name: plain(value, json=mode == "json")
            for name, value in self
            if not exclude or name not in exclude
        }

    def model_copy(self: R, *, update: Mapping[str, Any] | None = None) -> R:
        """A copy with ``update`` applied, checked as a new record is."""
        copy: R = dataclasses.replace(cast(Any, self), **(update or {}))
        return copy

    @classmethod
    def model_construct(cls: type[R], **values: Any) -> R:
        """A record put together without any check (as pydantic's ``model_construct``)."""
        record = object.__new__(cls)
        for name, spec in cls.__dataclass_fields__.items():
            if name in values:
                value = values[name]
            elif spec.default is not dataclasses.MISSING:
                value = spec.default
            elif spec.default_factory is not dataclasses.MISSING:
                value = spec.default_factory()
            else:
                raise TypeError(f"{cls.__name__}.model_construct() needs {name!r}")
            object.__setattr__(record, name, value)
        return record

    @classmethod
    def model_validate(cls: type[R], data: Any) -> R:
        """A record from plain data (nested records as dicts); :class:`ValueError` if wrong."""
        if isinstance(data, cls):
            return data
        fail(cls.__name__, keys_issues(data, cls))
        return cls(**data)


def plain(value: Any, *, json: bool = False) -> Any:
    """``value`` as plain data: records as dicts (recursively), tuples as lists for JSON."""
    if isinstance(value, Record):
        return value.model_dump(mode="json" if json else "python")
    if isinstance(value, dict):
        return {k: plain(v, json=json) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        items = [plain(v, json=json) for v in value]
        return items if json or isinstance(value, list) else tuple(items)
    return value


def fail(name: str, issues: Sequence[Issue]) -> None:
    """Raise :class:`ValueError` listing ``issues``, if there are any."""
    if issues:
        lines = [f"{'.'.join(map(str, loc)) or '(top)'}: {message}" for loc, message, _ in issues]
        raise ValueError(f"invalid {name}: " + "; ".join(lines))


def required(cls: type[Record]) -> tuple[str, ...]:
    """The fields of ``cls`` without a default."""
    return tuple(
        name
        for name, spec in cls.__dataclass_fields__.items()
        if spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
    )


# --- checks of plain data, each giving the program model's message for the same mistake -----


def keys_issues(
    data: Any,
    cls: type[Record] | Sequence[str],
    loc: Loc = (),
    *,
    needed: Sequence[str] | None = None,
) -> list[Issue]:
    """``data`` is a mapping with no key but ``cls``'s fields and every ``needed`` one
    (by default the fields without a default)."""
    if not isinstance(data, dict):
        return [mapping_issue(data, loc)]
    fields = list(cls.__dataclass_fields__) if isinstance(cls, type) else list(cls)
    if needed is None:
        needed = required(cls) if isinstance(cls, type) else ()
    unknown = [key for key in data if key not in fields]
    missing = [key for key in needed if key not in data]
    if not unknown and not missing:
        return []
    from .errors import did_you_mean
    from .loading import _short

    where = f" in {'.'.join(str(p) for p in loc)}" if loc else ""
    return [
        ((*loc, key), f"unknown key {_short(key)}{did_you_mean(key, fields)}", True)
        for key in unknown
    ] + [(loc, f"missing required key {_short(key)}{where}", False) for key in missing]


def mapping_issue(value: Any, loc: Loc) -> Issue:
    from .loading import _show

    return (loc, f"expected a mapping of keys, got {_show(value)}", False)


def text_issues(value: Any, loc: Loc, *, nullable: bool = False) -> list[Issue]:
    """Text, or null where ``nullable``."""
    if isinstance(value, str) or (nullable and value is None):
        return []
    from .loading import _show

    quote = " (put it in quotes to make it text)" if isinstance(value, (int, float)) else ""
    return [(loc, f"expected text, got {_show(value)}{quote}", False)]


def bool_issues(value: Any, loc: Loc) -> list[Issue]:
    """``true`` or ``false``: not 1, not "yes", not "true"."""
    if isinstance(value, bool):
        return []
    from .loading import _show

    hint = ""
    if isinstance(value, str) and value.lower() in ("true", "false"):
        hint = " (remove the quotes)"
    elif isinstance(value, str) and value.lower() in ("yes", "no", "on", "off", "y", "n"):
        hint = " (write true or false; yes/no/on/off are text)"
    return [(loc, f"expected true or false, got {_show(value)}{hint}", False)]


def is_number(value: Any) -> bool:
    """A real number a float can hold: not text, not a boolean, not a whole number too large."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if isinstance(value, int):
        try:
            float(value)
        except OverflowError:
            return False
    return True


def number_issues(value: Any, loc: Loc, *, negative: bool = True) -> list[Issue]:
    """A finite number (not below 0 unless ``negative``), as a program file's are checked."""
    if is_number(value) and math.isfinite(value) and (negative or value >= 0):
        return []
    from .loading import _not_a_number, _show

    if not is_number(value):
        message = _not_a_number("float_type", value)
    elif not math.isfinite(value):
        message = f"expected a finite number, got {_show(value)}"
    else:
        message = f"must not be negative, got {_show(value)}"
    return [(loc, message, False)]


def number_in(value: Any, low: float, high: float, *, low_included: bool = False) -> bool:
    """Whether ``value`` is a finite real number (not text, not a boolean) within the bounds."""
    if not is_number(value) or not math.isfinite(value):
        return False
    return bool((low <= value if low_included else low < value) and value <= high)


def choice_issues(value: Any, choices: Sequence[str], loc: Loc) -> list[Issue]:
    """One of ``choices``, with a did-you-mean."""
    if isinstance(value, str) and value in choices:
        return []
    from .errors import did_you_mean
    from .loading import _show

    hint = did_you_mean(value, choices)
    return [(loc, f"{_show(value)} is not one of: {', '.join(choices)}{hint}", False)]


def list_issues(
    value: Any, loc: Loc, item: Callable[[Any, Loc], list[Issue]] | None = None
) -> list[Issue]:
    """A list (or, from code, a tuple), each item checked by ``item``."""
    if not isinstance(value, (list, tuple)):
        from .loading import _show

        return [(loc, f"expected a list, got {_show(value)}", False)]
    if item is None:
        return []
    return [issue for index, entry in enumerate(value) for issue in item(entry, (*loc, index))]
