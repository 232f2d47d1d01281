"""Profiles: named, versioned sets of rule weights, parameters, grade bands and policies.

Profiles are YAML files. The bundled ones live in ``testerterms/profiles/``; a user's own
file can ``extends:`` a bundled profile (by id) or another file (by relative path) and
change only what differs.
"""

from __future__ import annotations

import contextlib
import math
import os
import stat
from pathlib import Path
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from . import _escape, _yaml
from .errors import LoadError, Problem, UsageError
from .rules import CATALOGUE, Parameters

Grade = Literal["A", "B", "C", "D", "E"]
GRADES: Final[tuple[Grade, ...]] = ("A", "B", "C", "D", "E")
DisputePolicy = Literal[
    "worst", "best", "unknown", "prefer-organization", "prefer-participants", "prefer-press"
]
DEFAULT_PROFILE: Final = "articles"
PROFILES_DIR: Final = Path(__file__).resolve().parent / "profiles"


MAX_WEIGHT: Final = 1000.0
"""Largest weight a rule may have: enough for any emphasis, far from overflowing a sum."""
MAX_EXTENDS: Final = 20
"""Longest chain of ``extends:`` followed."""

Weight = Annotated[float, Field(gt=0, le=MAX_WEIGHT, allow_inf_nan=False)]
Band = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]


def _web_url(url: str) -> str:
    if not url.startswith(("https://", "http://")):
        raise ValueError("a URL must start with https:// or http://")
    return url


class Standard(BaseModel):
    """The published text a profile is built from: who issued it, its title, date and URL."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    publisher: str
    title: str
    date: str
    """When it was published, as text (2023-07-27, 2024); "undated" where the page has none."""
    url: str | None = None
    """Where to read it (None only for texts read as files, like the seed articles)."""

    @field_validator("url")
    @classmethod
    def _web(cls, url: str | None) -> str | None:
        return None if url is None else _web_url(url)


class ProfileCitation(BaseModel):
    """A published text's own words behind a profile's choice: a weight, a rule, a parameter."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    url: str
    quote: str = Field(min_length=1)
    publisher: str | None = None
    date: str | None = None
    rules: tuple[str, ...] = ()
    """The rule codes the quote stands behind in this profile."""

    @field_validator("url")
    @classmethod
    def _web(cls, url: str) -> str:
        return _web_url(url)

    @field_validator("rules")
    @classmethod
    def _known_codes(cls, rules: tuple[str, ...]) -> tuple[str, ...]:
        for code in rules:
            if code not in CATALOGUE:
                raise ValueError(f"unknown rule {code!r}")
        return rules


class Profile(BaseModel):
    """A complete profile, with ``extends`` already resolved."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str
    title: str
    description: str = ""
    rules: dict[str, Weight]
    """Weight per rule code (0 < weight <= 1000); only these rules are scored."""
    parameters: Parameters = Parameters()
    grades: dict[Literal["A", "B", "C", "D"], Band]
    """Lowest score for each grade (0-100); below D's is E."""
    min_coverage: float = Field(0.5, ge=0, le=1, allow_inf_nan=False)
    """Below this share of known weight, no grade is given ("not enough evidence")."""
    disputes: DisputePolicy = "worst"
    """Which claim a disputed term's headline outcome follows."""
    blockers: dict[str, Grade] = {}
    """A rule not met caps the grade at this letter."""
    standard: Standard | None = None
    """The published standard the profile is built from, if it is built from one."""
    citations: tuple[ProfileCitation, ...] = ()
    """The texts behind the profile's choices, each with a quote and the rules it backs."""
    source: str | None = None
    """The file the profile came from (None for a profile built in code)."""

    @field_validator("rules")
    @classmethod
    def _known_rules(cls, rules: dict[str, float]) -> dict[str, float]:
        for code in rules:
            if code not in CATALOGUE:
                raise ValueError(f"unknown rule {code!r}")
        if not rules:
            raise ValueError("a profile needs at least one rule")
        return rules

    @model_validator(mode="after")
    def _consistent(self) -> Profile:
        if set(self.grades) != {"A", "B", "C", "D"}:
            raise ValueError("grades must give the lowest score of A, B, C and D")
        bands = [self.grades[g] for g in ("A", "B", "C", "D")]
        if bands != sorted(bands, reverse=True) or len(set(bands)) != 4:
            raise ValueError("grade thresholds must fall from A to D")
        for code in self.blockers:
            if code not in self.rules:
                raise ValueError(f"blocker {code} is not a rule of this profile")
        return self

    def citations_for(self, code: str) -> tuple[ProfileCitation, ...]:
        """The profile's own citations that stand behind rule ``code``."""
        return tuple(c for c in self.citations if code in c.rules)

    def grade_for(self, score: float) -> Grade:
        bands: tuple[Literal["A", "B", "C", "D"], ...] = ("A", "B", "C", "D")
        for grade in bands:
            if score >= self.grades[grade]:
                return grade
        return "E"


class _ProfileFile(BaseModel):
    """A profile as written, where ``extends`` lets most keys be left out.

    Read in strict mode, as program files are: ``"3"`` is not a number and ``"yes"`` or
    ``1`` not a boolean. Rules, grades and the coverage threshold are checked one by one
    by :func:`_check_numbers`, so that each mistake is located at its own key.
    """

    model_config = ConfigDict(extra="forbid")

    id: str
    version: str
    title: str | None = None
    description: str | None = None
    extends: str | None = None
    rules: dict[str, Any] | None = None
    """Weights; null removes a rule inherited from the parent."""
    parameters: Parameters | None = None
    grades: dict[str, Any] | None = None
    min_coverage: Any = None
    disputes: DisputePolicy | None = None
    blockers: dict[str, Grade | None] | None = None
    standard: dict[str, Any] | None = None
    citations: list[Any] | None = None


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
            raise UsageError(
                f"no profile {text!r}; the bundled profiles are: {', '.join(bundled_profiles())} "
                "(or give a path to a profile file)"
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
    path = _resolve(name_or_path, base)
    with contextlib.suppress(OSError, RuntimeError):
        path = path.resolve()
    shown = os.fspath(name_or_path) if not chain else str(path)

    def refuse(message: str) -> LoadError:
        # A parent that cannot be used is the child's mistake: located at its `extends:`.
        if parent_of is not None:
            document, _ = parent_of
            text = f"{message}: {shown}"
            return LoadError([document.problem(("extends",), text)])
        return LoadError([Problem(shown, 1, 1, message)])

    if path in chain:
        raise refuse("profiles extend each other in a circle")
    if len(chain) > MAX_EXTENDS:
        raise refuse(f"profiles extend each other more than {MAX_EXTENDS} deep")
    missing = _missing(path)
    if missing:
        raise refuse(missing)
    document = _yaml.parse(_yaml.read_text(path, shown), shown)
    written = _written(document)
    merged: dict[str, Any] = {}
    if written.extends:
        parent = _load(written.extends, path.parent, (*chain, path), (document, path))
        merged = parent.model_dump(exclude={"source"})
    fields = written.model_dump(exclude_unset=True, exclude={"extends"})
    for key in ("rules", "parameters", "blockers"):
        if key in fields:
            combined = {**merged.get(key, {}), **fields.pop(key)}
            merged[key] = {k: v for k, v in combined.items() if v is not None}
    merged.update(fields)
    merged["source"] = str(path)
    _check_whole(document, merged)
    profile: Profile = _validate(document, Profile, merged)
    return profile


def _written(document: _yaml.Document) -> _ProfileFile:
    """The file as written, with every mistake in it located (as many as a program file's)."""
    # The loader is imported only on error: it imports the program model, which `rules` and
    # `profiles` do not need.
    problems = list(document.problems)
    written: _ProfileFile | None = None
    try:
        written = _ProfileFile.model_validate(document.data, strict=True)
    except ValidationError as exc:
        from .loading import MAX_PROBLEMS, locate_errors

        errors = exc.errors(include_url=False)
        problems += locate_errors(document, errors, _ProfileFile, limit=MAX_PROBLEMS)
    problems += _check_numbers(document)
    if problems or written is None:
        from .loading import _capped

        raise LoadError(_capped(problems, document.path))
    return written


def _check_numbers(document: _yaml.Document) -> list[Problem]:
    """Every rule code, weight, grade band and threshold a profile writes, each at its key."""
    data = document.data if isinstance(document.data, dict) else {}
    problems = []
    for section in ("rules", "blockers"):
        entries = data.get(section)
        if not isinstance(entries, dict):
            continue
        for code, value in entries.items():
            if code not in CATALOGUE:
                from .loading import did_you_mean  # only on error (see _written)

                hint = did_you_mean(code, CATALOGUE)
                text = f"unknown rule {_escape.terminal(repr(code)[:60])}{hint}"
                problems.append(document.problem((section, code), text, key=True))
            elif section == "rules" and value is not None and not _number_in(value, 0, MAX_WEIGHT):
                problems.append(
                    document.problem(
                        (section, code),
                        f"weight of {code} must be a positive number at most {MAX_WEIGHT:g}, "
                        f"got {_shown(value)}",
                    )
                )
    grades = data.get("grades")
    if isinstance(grades, dict):
        for letter, value in grades.items():
            if letter not in ("A", "B", "C", "D"):
                message = f"unknown grade {_shown(letter)}: grades gives the lowest score of A-D"
                problems.append(document.problem(("grades", letter), message, key=True))
            elif not _number_in(value, 0, 100, low_included=True):
                message = f"the lowest score of {letter} must be a number from 0 to 100, got "
                problems.append(document.problem(("grades", letter), message + _shown(value)))
    coverage = data.get("min_coverage")
    if coverage is not None and not _number_in(coverage, 0, 1, low_included=True):
        message = f"min_coverage must be a number from 0 to 1, got {_shown(coverage)}"
        problems.append(document.problem(("min_coverage",), message))
    return problems


def _number_in(value: Any, low: float, high: float, *, low_included: bool = False) -> bool:
    """Whether ``value`` is a real number (not text, not a boolean) within the bounds."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if not math.isfinite(value):
        return False
    return (low <= value if low_included else low < value) and value <= high


def _shown(value: Any) -> str:
    from .loading import _show

    if isinstance(value, str):
        return f"the text {_show(value)}"
    return _show(value)


def _check_whole(document: _yaml.Document, merged: dict[str, Any]) -> None:
    """What only the merged profile can show (grade bands in order, blockers among the rules),
    located at the key of this file that made it so."""
    problems = []
    grades = merged.get("grades") or {}
    if set(grades) != {"A", "B", "C", "D"}:
        message = "grades must give the lowest score of A, B, C and D"
        problems.append(document.problem(("grades",), message, key=True))
    else:
        bands = [grades[g] for g in ("A", "B", "C", "D")]
        if bands != sorted(bands, reverse=True) or len(set(bands)) != 4:
            message = "grade thresholds must fall from A to D"
            problems.append(document.problem(("grades",), message, key=True))
    for code in merged.get("blockers") or {}:
        if code not in (merged.get("rules") or {}):
            message = f"blocker {code} is not a rule of this profile"
            problems.append(document.problem(("blockers", code), message, key=True))
    if not merged.get("rules"):
        problems.append(document.problem(("rules",), "a profile needs at least one rule", key=True))
    if problems:
        raise LoadError(problems)


def _validate(document: _yaml.Document, model: type[Any], data: Any = None) -> Any:
    try:
        return model.model_validate(document.data if data is None else data)
    except ValidationError as exc:
        from .loading import locate_errors  # only on error: it imports the program model

        raise LoadError(locate_errors(document, exc.errors(include_url=False), model)) from None
