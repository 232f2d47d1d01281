"""Profiles: named, versioned sets of rule weights, parameters, grade bands and policies.

Profiles are YAML files. The bundled ones live in ``testerterms/profiles/``; a user's own
file can ``extends:`` a bundled profile (by id) or another file (by relative path) and
change only what differs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from . import _yaml
from .errors import LoadError, Problem, UsageError
from .rules import CATALOGUE, Parameters

Grade = Literal["A", "B", "C", "D", "E"]
GRADES: Final[tuple[Grade, ...]] = ("A", "B", "C", "D", "E")
DisputePolicy = Literal[
    "worst", "best", "unknown", "prefer-organization", "prefer-participants", "prefer-press"
]
DEFAULT_PROFILE: Final = "articles"
PROFILES_DIR: Final = Path(__file__).resolve().parent / "profiles"


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
    rules: dict[str, float]
    """Weight per rule code; only these rules are scored."""
    parameters: Parameters = Parameters()
    grades: dict[Literal["A", "B", "C", "D"], float]
    """Lowest score for each grade; below D's is E."""
    min_coverage: float = Field(0.5, ge=0, le=1)
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
        for code, weight in rules.items():
            if code not in CATALOGUE:
                raise ValueError(f"unknown rule {code!r}")
            if not weight > 0 or weight != weight or weight == float("inf"):
                raise ValueError(f"weight of {code} must be a positive number")
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
    """A profile as written, where ``extends`` lets most keys be left out."""

    model_config = ConfigDict(extra="forbid")

    id: str
    version: str
    title: str | None = None
    description: str | None = None
    extends: str | None = None
    rules: dict[str, float | None] | None = None
    """Weights; null removes a rule inherited from the parent."""
    parameters: dict[str, Any] | None = None
    grades: dict[str, float] | None = None
    min_coverage: float | None = None
    disputes: str | None = None
    blockers: dict[str, str | None] | None = None
    standard: dict[str, Any] | None = None
    citations: list[Any] | None = None


def bundled_profiles() -> list[str]:
    return sorted(p.stem for p in PROFILES_DIR.glob("*.yaml"))


def load_profile(name_or_path: str | Path = DEFAULT_PROFILE) -> Profile:
    """A bundled profile by id, or a profile file by path."""
    return _load(name_or_path, Path.cwd(), ())


def _resolve(name_or_path: str | Path, base: Path) -> Path:
    text = str(name_or_path)
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


def _load(name_or_path: str | Path, base: Path, chain: tuple[Path, ...]) -> Profile:
    path = _resolve(name_or_path, base).resolve()
    shown = str(name_or_path) if not chain else str(path)
    if path in chain:
        raise LoadError([Problem(shown, 1, 1, "profiles extend each other in a circle")])
    if not path.is_file():
        raise LoadError([Problem(shown, 1, 1, "no such profile file")])
    document = _yaml.parse(_yaml.read_text(path, shown), shown)
    written = _validate(document, _ProfileFile)
    _check_codes(document, written)
    merged: dict[str, Any] = {}
    if written.extends:
        parent = _load(written.extends, path.parent, (*chain, path))
        merged = parent.model_dump(exclude={"source"})
    fields = written.model_dump(exclude_unset=True, exclude={"extends"})
    for key in ("rules", "parameters", "blockers"):
        if key in fields:
            combined = {**merged.get(key, {}), **fields.pop(key)}
            merged[key] = {k: v for k, v in combined.items() if v is not None}
    merged.update(fields)
    merged["source"] = str(path)
    profile: Profile = _validate(document, Profile, merged)
    return profile


def _check_codes(document: _yaml.Document, written: _ProfileFile) -> None:
    """Every rule code and weight a profile writes, each located at its own key."""
    from .loading import did_you_mean

    problems = []
    for section in ("rules", "blockers"):
        for code, value in (getattr(written, section) or {}).items():
            if code not in CATALOGUE:
                hint = did_you_mean(code, CATALOGUE)
                problems.append(
                    document.problem((section, code), f"unknown rule {code!r}{hint}", key=True)
                )
            elif section == "rules" and value is not None and not 0 < value < float("inf"):
                problems.append(
                    document.problem((section, code), f"weight of {code} must be a positive number")
                )
    if problems:
        raise LoadError(problems)


def _validate(document: _yaml.Document, model: type[Any], data: Any = None) -> Any:
    from .loading import locate_errors

    try:
        return model.model_validate(document.data if data is None else data)
    except ValidationError as exc:
        raise LoadError(locate_errors(document, exc.errors(include_url=False), model)) from None
