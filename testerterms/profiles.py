"""Profiles: named, versioned sets of rule weights, parameters, grade bands and policies.

Profiles are YAML files. The bundled ones live in ``testerterms/profiles/``; a user's own
file can ``extends:`` a bundled profile (by id) or another file (by relative path) and
change only what differs.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal, get_args

from . import _escape, _yaml
from ._record import (
    Issue,
    Loc,
    Record,
    choice_issues,
    fail,
    keys_issues,
    list_issues,
    mapping_issue,
    number_in,
    number_issues,
    text_issues,
)
from .errors import LoadError, Problem, UsageError, did_you_mean
from .rules import CATALOGUE, Parameters
from .rules._core import parameter_issues

Grade = Literal["A", "B", "C", "D", "E"]
GRADES: Final[tuple[Grade, ...]] = ("A", "B", "C", "D", "E")
BANDS: Final[tuple[Literal["A", "B", "C", "D"], ...]] = ("A", "B", "C", "D")
DisputePolicy = Literal[
    "worst", "best", "unknown", "prefer-organization", "prefer-participants", "prefer-press"
]
DISPUTE_POLICIES: Final[tuple[DisputePolicy, ...]] = get_args(DisputePolicy)
DEFAULT_PROFILE: Final = "articles"
PROFILES_DIR: Final = Path(__file__).resolve().parent / "profiles"


MAX_WEIGHT: Final = 1000.0
"""Largest weight a rule may have: enough for any emphasis, far from overflowing a sum."""
MAX_EXTENDS: Final = 20
"""Longest chain of ``extends:`` followed."""
_ID: Final = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass(frozen=True, kw_only=True)
class Standard(Record):
    """The published text a profile is built from: who issued it, its title, date and URL."""

    publisher: str
    title: str
    date: str
    """When it was published, as text (2023-07-27, 2024); "undated" where the page has none."""
    url: str | None = None
    """Where to read it (None only for texts read as files, like the seed articles)."""

    def __post_init__(self) -> None:
        fail("standard", standard_issues(dict(self)))


@dataclass(frozen=True, kw_only=True)
class ProfileCitation(Record):
    """A published text's own words behind a profile's choice: a weight, a rule, a parameter."""

    title: str
    url: str
    quote: str
    """Not empty."""
    publisher: str | None = None
    date: str | None = None
    rules: tuple[str, ...] = ()
    """The rule codes the quote stands behind in this profile."""

    def __post_init__(self) -> None:
        fail("citation", citation_issues(dict(self)))
        object.__setattr__(self, "rules", tuple(self.rules))


@dataclass(frozen=True, kw_only=True)
class Profile(Record):
    """A complete profile, with ``extends`` already resolved.

    Checked when built, from a file or in code: a mistake is a :class:`ValueError` (from a
    file, :func:`load_profile` reports it at its line and column instead). Whole numbers
    are kept as floats; ``parameters``, ``standard`` and ``citations`` may be given as
    plain data."""

    id: str
    """Lower-case letters, digits and dashes."""
    version: str
    title: str
    description: str = ""
    rules: dict[str, float]
    """Weight per rule code (0 < weight <= 1000); only these rules are scored."""
    parameters: Parameters = field(default_factory=Parameters)
    grades: dict[Literal["A", "B", "C", "D"], float]
    """Lowest score for each grade (0-100); below D's is E."""
    min_coverage: float = 0.5
    """Below this share of known weight (0-1), no grade is given ("not enough evidence")."""
    disputes: DisputePolicy = "worst"
    """Which claim a disputed term's headline outcome follows."""
    blockers: dict[str, Grade] = field(default_factory=dict)
    """A rule not met caps the grade at this letter."""
    standard: Standard | None = None
    """The published standard the profile is built from, if it is built from one."""
    citations: tuple[ProfileCitation, ...] = ()
    """The texts behind the profile's choices, each with a quote and the rules it backs."""
    source: str | None = None
    """The file the profile came from (None for a profile built in code)."""
    files: tuple[str, ...] = field(
        default=(), compare=False, repr=False, metadata={"written": False}
    )
    """Every file the profile was read from: its own, then each file its ``extends:`` chain
    names (none for a profile built in code). A command never writes over one of them."""

    def __post_init__(self) -> None:
        data = self.model_dump()
        issues = profile_issues(data)
        fail("profile", issues or whole_issues(data))
        settable = object.__setattr__
        settable(self, "rules", {code: float(w) for code, w in self.rules.items()})
        settable(self, "grades", {letter: float(band) for letter, band in self.grades.items()})
        settable(self, "min_coverage", float(self.min_coverage))
        settable(self, "blockers", dict(self.blockers))
        if isinstance(self.parameters, dict):
            settable(self, "parameters", Parameters(**self.parameters))
        if isinstance(self.standard, dict):
            settable(self, "standard", Standard(**self.standard))
        settable(
            self,
            "citations",
            tuple(ProfileCitation(**c) if isinstance(c, dict) else c for c in self.citations),
        )

    def citations_for(self, code: str) -> tuple[ProfileCitation, ...]:
        """The profile's own citations that stand behind rule ``code``."""
        return tuple(c for c in self.citations if code in c.rules)

    def grade_for(self, score: float) -> Grade:
        for grade in BANDS:
            if score >= self.grades[grade]:
                return grade
        return "E"


# --- what a profile may hold: the checks, shared by files and code ----------------------------


def _web_url(value: Any, loc: Loc) -> list[Issue]:
    if isinstance(value, str) and not value.startswith(("https://", "http://")):
        return [(loc, "a URL must start with https:// or http://", False)]
    return []


def standard_issues(data: Any, loc: Loc = ()) -> list[Issue]:
    """What is wrong with ``data`` as a profile's standard."""
    issues = keys_issues(data, Standard, loc)
    if not isinstance(data, dict):
        return issues
    for name in ("publisher", "title", "date", "url"):
        if name in data:
            value = data[name]
            issues += text_issues(value, (*loc, name), nullable=name == "url")
    return issues + _web_url(data.get("url"), (*loc, "url"))


def citation_issues(data: Any, loc: Loc = ()) -> list[Issue]:
    """What is wrong with ``data`` as one of a profile's citations."""
    issues = keys_issues(data, ProfileCitation, loc)
    if not isinstance(data, dict):
        return issues
    for name in ("title", "url", "quote", "publisher", "date"):
        if name in data:
            value = data[name]
            issues += text_issues(value, (*loc, name), nullable=name in ("publisher", "date"))
    issues += _web_url(data.get("url"), (*loc, "url"))
    if data.get("quote") == "":
        issues.append(((*loc, "quote"), "String should have at least 1 character", False))
    if "rules" in data:
        codes = data["rules"]
        found = list_issues(codes, (*loc, "rules"), lambda code, at: text_issues(code, at))
        unknown = [] if found else [c for c in codes if c not in CATALOGUE]
        if unknown:
            found.append(((*loc, "rules"), f"unknown rule {unknown[0]!r}", False))
        issues += found
    return issues


def profile_issues(data: Any) -> list[Issue]:
    """What is wrong with ``data`` as a complete profile, field by field. What only the
    whole shows (bands in order, blockers among the rules) is :func:`whole_issues`'s."""
    issues = keys_issues(data, Profile)
    if not isinstance(data, dict):
        return issues
    for name, value in data.items():
        loc = (name,)
        if name == "id":
            issues += _id_issues(value, loc)
        elif name in ("version", "title", "description"):
            issues += text_issues(value, loc)
        elif name in ("rules", "grades"):
            issues += [] if isinstance(value, dict) else [mapping_issue(value, loc)]
        elif name == "parameters":
            issues += parameter_issues(value, loc)
        elif name == "min_coverage" and value is None:
            issues += number_issues(value, loc)
        elif name == "disputes":
            issues += choice_issues(value, DISPUTE_POLICIES, loc)
        elif name == "blockers":
            issues += _blocker_issues(value, loc, removable=False)
        elif name == "standard" and value is not None:
            issues += standard_issues(value, loc)
        elif name == "citations":
            issues += list_issues(value, loc, citation_issues)
        elif name == "source":
            issues += text_issues(value, loc, nullable=True)
    return issues + numbers_issues(data, removable=False)


_FILE_KEYS: Final = (
    "id",
    "version",
    "title",
    "description",
    "extends",
    "rules",
    "parameters",
    "grades",
    "min_coverage",
    "disputes",
    "blockers",
    "standard",
    "citations",
)
"""The keys a profile file may write (``extends`` lets all but ``id`` and ``version`` go)."""


def written_issues(data: Any) -> list[Issue]:
    """What is wrong with ``data`` as a profile file, before ``extends`` is followed: every
    mistake, each at its key. Strict, as program files are: ``"3"`` is not a number, and
    ``"yes"`` or ``1`` not a boolean. A null weight or blocker removes an inherited one."""
    issues = keys_issues(data, _FILE_KEYS, needed=("id", "version"))
    if not isinstance(data, dict):
        return issues
    for name, value in data.items():
        loc = (name,)
        if name in ("id", "version"):
            issues += text_issues(value, loc)
        elif value is None:
            continue
        elif name in ("title", "description", "extends"):
            issues += text_issues(value, loc)
        elif name in ("rules", "grades", "standard"):
            issues += [] if isinstance(value, dict) else [mapping_issue(value, loc)]
        elif name == "parameters":
            issues += parameter_issues(value, loc)
        elif name == "disputes":
            issues += choice_issues(value, DISPUTE_POLICIES, loc)
        elif name == "blockers":
            issues += _blocker_issues(value, loc, removable=True)
        elif name == "citations":
            issues += list_issues(value, loc)  # each checked once the profile is whole
    return issues + numbers_issues(data, removable=True)


def _id_issues(value: Any, loc: Loc) -> list[Issue]:
    issues = text_issues(value, loc)
    if issues or _ID.fullmatch(value):
        return issues
    from .loading import _show

    message = f"{_show(value)} must be lower-case letters, digits and dashes (like sora-alpha)"
    return [(loc, message, False)]


def _blocker_issues(value: Any, loc: Loc, *, removable: bool) -> list[Issue]:
    """Blockers map rule codes to grades (the codes are :func:`numbers_issues`'s)."""
    if not isinstance(value, dict):
        return [mapping_issue(value, loc)]
    return [
        issue
        for code, grade in value.items()
        if not (removable and grade is None)
        for issue in choice_issues(grade, GRADES, (*loc, code))
    ]


def numbers_issues(data: dict[str, Any], *, removable: bool) -> list[Issue]:
    """Every rule code, weight, grade band and threshold ``data`` writes, each at its key.

    ``removable``: a null weight or blocker is allowed (a file's way to drop an inherited
    one)."""
    issues: list[Issue] = []
    for section in ("rules", "blockers"):
        entries = data.get(section)
        if not isinstance(entries, dict):
            continue
        unknown = 0
        for code, value in entries.items():
            if code not in CATALOGUE:
                from .loading import MAX_PROBLEMS

                # Only the first errors of a file are shown: a hint for each of tens of
                # thousands of codes would cost seconds for lines nobody sees.
                unknown += 1
                hint = did_you_mean(code, CATALOGUE) if unknown <= MAX_PROBLEMS else ""
                text = f"unknown rule {_escape.terminal(repr(code)[:60])}{hint}"
                issues.append(((section, code), text, True))
            elif (
                section == "rules"
                and not (removable and value is None)
                and not number_in(value, 0, MAX_WEIGHT)
            ):
                message = f"weight of {code} must be a positive number at most {MAX_WEIGHT:g}, got "
                issues.append(((section, code), message + _shown(value), False))
    grades = data.get("grades")
    if isinstance(grades, dict):
        for letter, value in grades.items():
            if letter not in BANDS:
                message = f"unknown grade {_shown(letter)}: grades gives the lowest score of A-D"
                issues.append((("grades", letter), message, True))
            elif not number_in(value, 0, 100, low_included=True):
                message = f"the lowest score of {letter} must be a number from 0 to 100, got "
                issues.append((("grades", letter), message + _shown(value), False))
    coverage = data.get("min_coverage")
    if coverage is not None and not number_in(coverage, 0, 1, low_included=True):
        message = f"min_coverage must be a number from 0 to 1, got {_shown(coverage)}"
        issues.append((("min_coverage",), message, False))
    return issues


def _shown(value: Any) -> str:
    from .loading import _show

    if isinstance(value, str):
        return f"the text {_show(value)}"
    return _show(value)


def whole_issues(data: dict[str, Any]) -> list[Issue]:
    """What only the whole profile shows (grade bands in order, blockers among the rules),
    located at the key that made it so."""
    issues: list[Issue] = []
    grades = data.get("grades") or {}
    if set(grades) != set(BANDS):
        issues.append((("grades",), "grades must give the lowest score of A, B, C and D", True))
    else:
        bands = [grades[g] for g in BANDS]
        if bands != sorted(bands, reverse=True) or len(set(bands)) != len(bands):
            issues.append((("grades",), "grade thresholds must fall from A to D", True))
    rules = data.get("rules") or {}
    for code in data.get("blockers") or {}:
        if code not in rules:
            message = f"blocker {code} is not a rule of this profile"
            issues.append((("blockers", code), message, True))
    if not rules:
        issues.append((("rules",), "a profile needs at least one rule", True))
    return issues


def bundled_profiles() -> list[str]:
    return sorted(p.stem for p in PROFILES_DIR.glob("*.yaml"))


def load_profile(name_or_path: str | os.PathLike[str] = DEFAULT_PROFILE) -> Profile:
    """A bundled profile by id, or a profile file by path."""
    return _load(name_or_path, Path.cwd(), ())


def _resolve(name_or_path: str | os.PathLike[str], base: Path) -> Path:
    text = os.fspath(name_or_path)
    if "\x00" in text:
        raise LoadError([Problem(text, 1, 1, "the profile path contains a NUL byte")])
    if (
        isinstance(name_or_path, str)
        and "/" not in text
        and "\\" not in text
        and not text.endswith((".yaml", ".yml"))
    ):
        path = PROFILES_DIR / f"{text}.yaml"
        if not path.is_file():
            names = bundled_profiles()
            raise UsageError(
                f"no profile {text!r}{did_you_mean(text, names)}; the bundled profiles are: "
                f"{', '.join(names)} (or give a path to a profile file)"
            )
        return path
    path = Path(name_or_path)
    return path if path.is_absolute() else base / path


def _missing(path: Path) -> str | None:
    """Why ``path`` cannot be read as a profile file, or None when it can."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return "no such profile file"
    except OSError as exc:
        return f"cannot read the profile file: {exc.strerror or exc}"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a profile is a YAML file)"
    return None


def _load(
    name_or_path: str | os.PathLike[str],
    base: Path,
    chain: tuple[Path, ...],
    parent_of: tuple[_yaml.Document, Path] | None = None,
) -> Profile:
    shown = os.fspath(name_or_path)

    def refuse(message: str) -> LoadError:
        # A parent that cannot be used is the child's mistake: located at its `extends:`.
        if parent_of is not None:
            document, _ = parent_of
            text = f"{message}: {shown}"
            return LoadError([document.problem(("extends",), text)])
        return LoadError([Problem(shown, 1, 1, message)])

    try:
        path = _resolve(name_or_path, base)
    except UsageError as exc:  # no bundled profile of that name: the message names it
        if parent_of is None:
            raise
        raise LoadError([parent_of[0].problem(("extends",), str(exc))]) from None
    with contextlib.suppress(OSError, RuntimeError):
        path = path.resolve()
    if chain:
        shown = str(path)

    if path in chain:
        raise refuse("profiles extend each other in a circle")
    if len(chain) > MAX_EXTENDS:
        raise refuse(f"profiles extend each other more than {MAX_EXTENDS} deep")
    if parent_of is not None and path.suffix not in (".yaml", ".yml"):
        raise refuse("not a bundled profile nor a profile file (.yaml or .yml)")
    missing = _missing(path)
    if missing:
        raise refuse(missing)
    if parent_of is None:
        document = _yaml.parse(_yaml.read_text(path, shown), shown)
    else:
        document = _parent_document(path, shown, refuse)
    # Three steps, as a reader fixes them: the file as written, then what only the merged
    # profile shows (bands in order, blockers among the rules), then each field of it.
    _refuse(document, written_issues(document.data))
    written: dict[str, Any] = dict(document.data)
    merged: dict[str, Any] = {}
    parent_files: tuple[str, ...] = ()
    extends = written.pop("extends", None)
    if extends:
        parent = _load(extends, path.parent, (*chain, path), (document, path))
        merged = parent.model_dump(exclude={"source"})
        parent_files = parent.files
    for key in ("rules", "parameters", "blockers"):
        if key in written:  # merged key by key: a null value removes one
            combined = {**merged.get(key, {}), **(written.pop(key) or {})}
            merged[key] = {k: v for k, v in combined.items() if v is not None}
    merged.update(written)
    merged["source"] = str(path)
    _refuse(document, whole_issues(merged))
    _refuse(document, profile_issues(merged))
    return Profile(**merged, files=(str(path), *parent_files))


def _parent_document(path: Path, shown: str, refuse: Callable[[str], LoadError]) -> _yaml.Document:
    """The file an ``extends:`` names, read only if it is a profile: a file that is not YAML,
    or has no ``id`` and ``version`` at its top, is refused at the ``extends:`` key without a
    word of what it holds (``extends: ~/.kube/config`` must not list its keys in an error)."""
    try:
        document = _yaml.parse(_yaml.read_text(path, shown), shown)
    except LoadError:
        raise refuse("not a profile file (it cannot be read as YAML)") from None
    data = document.data
    if not (isinstance(data, dict) and isinstance(data.get("id"), str) and "version" in data):
        raise refuse("not a profile file (a profile gives its id and version at the top)")
    return document


def _refuse(document: _yaml.Document, issues: list[Issue]) -> None:
    """Raise every issue located in ``document`` (the first hundred, and a count)."""
    if issues:
        from .loading import _capped

        problems = [document.problem(loc, message, key=key) for loc, message, key in issues]
        raise LoadError(_capped(list(dict.fromkeys(problems)), document.path))
