"""Properties of the profile checks (hand-written, not a pydantic model): whatever a profile
file holds, it loads or every mistake is reported at a key or value of the file, never a
traceback; one mistake put into a valid profile is found at its own key; a valid profile
round-trips through YAML and through code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from testerterms import CATALOGUE, LoadError, Profile, bundled_profiles, load_profile
from testerterms._authoring import _Dumper
from testerterms._yaml import parse
from testerterms.profiles import DISPUTE_POLICIES, GRADES
from testerterms.rules import Parameters

from .conftest import examples

PROPERTIES = settings(
    deadline=None,
    max_examples=examples(150),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
CODES = list(CATALOGUE)
NUMBERS = [n for n, v in dict(Parameters()).items() if isinstance(v, float)]
SWITCHES = [n for n, v in dict(Parameters()).items() if isinstance(v, bool)]
TRICKY = ["yes", "no", "on", "true", "3", "0.5", ".inf", ".nan", "null", "~", "", "PAY01", "A"]

text = st.one_of(
    st.text(st.characters(min_codepoint=32, max_codepoint=0x2FF), max_size=12),
    st.sampled_from(TRICKY),
)
ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}", fullmatch=True)
weights = st.one_of(st.integers(1, 1000), st.floats(0.001, 1000))
urls = st.builds(lambda scheme, rest: scheme + rest, st.sampled_from(["https://", "http://"]), text)


@st.composite
def bands(draw: st.DrawFn) -> dict[str, Any]:
    numbers = st.one_of(st.integers(0, 100), st.floats(0, 100))
    values = draw(st.lists(numbers, min_size=4, max_size=4, unique=True))
    return dict(zip("ABCD", sorted(values, reverse=True), strict=True))


@st.composite
def parameters(draw: st.DrawFn) -> dict[str, Any]:
    chosen = draw(st.lists(st.sampled_from([*NUMBERS, *SWITCHES, "pay_floor_as_of"]), unique=True))
    values: dict[str, Any] = {}
    for name in chosen:
        if name in NUMBERS:
            values[name] = draw(st.one_of(st.integers(0, 10**6), st.floats(0, 1e9)))
        elif name in SWITCHES:
            values[name] = draw(st.booleans())
        else:
            values[name] = draw(st.one_of(st.none(), text))
    return values


citations = st.lists(
    st.fixed_dictionaries(
        {"title": text, "url": urls, "quote": text.filter(bool)},
        optional={
            "publisher": st.one_of(st.none(), text),
            "date": st.one_of(st.none(), text),
            "rules": st.lists(st.sampled_from(CODES), max_size=3),
        },
    ),
    max_size=3,
)
standards = st.fixed_dictionaries(
    {"publisher": text, "title": text, "date": text}, optional={"url": st.one_of(st.none(), urls)}
)


@st.composite
def valid_files(draw: st.DrawFn) -> dict[str, Any]:
    """A profile file as a user may write it: on its own, or extending a bundled profile."""
    parent = draw(st.one_of(st.none(), st.sampled_from(bundled_profiles())))
    data: dict[str, Any] = {"id": draw(ids), "version": draw(text)}
    if parent is not None:
        data["extends"] = parent
    if parent is None or draw(st.booleans()):
        data["title"] = draw(text)
    rules = draw(st.dictionaries(st.sampled_from(CODES), weights, min_size=parent is None))
    if rules or draw(st.booleans()):
        data["rules"] = rules
    if parent is None or draw(st.booleans()):
        data["grades"] = draw(bands())
    optional: dict[str, st.SearchStrategy[Any]] = {
        "description": text,
        "parameters": parameters(),
        "min_coverage": st.one_of(st.integers(0, 1), st.floats(0, 1)),
        "disputes": st.sampled_from(DISPUTE_POLICIES),
        "blockers": st.dictionaries(
            st.sampled_from(sorted(rules) or ["-"]), st.sampled_from(GRADES)
        ),
        "standard": st.one_of(st.none(), standards),
        "citations": citations,
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            data[key] = draw(strategy)
    data["blockers"] = {k: v for k, v in data.get("blockers", {}).items() if k in rules}
    return data


def write(folder: Path, data: Any) -> Path:
    path = folder / "own.yaml"
    # The writer `init` uses: it quotes text the reader would take for a number (1e5).
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path


def positions(path: Path) -> set[tuple[int, int]]:
    """Every line:col where the file has a key or a value (or, unread, where it fails)."""
    try:
        document = parse(path.read_text(encoding="utf-8"), str(path))
    except LoadError as exc:
        return {(p.line, p.col) for p in exc.problems}
    return {*document.values.values(), *document.keys.values(), (1, 1)}


# --- a valid profile loads, and round-trips -------------------------------------------------


@PROPERTIES
@given(data=valid_files())
def test_a_valid_profile_file_loads_with_what_it_says(tmp_path: Path, data: dict[str, Any]) -> None:
    profile = load_profile(write(tmp_path, data))
    parent = load_profile(data["extends"]) if "extends" in data else None
    assert (profile.id, profile.version) == (data["id"], data["version"])
    for code, weight in data.get("rules", {}).items():
        assert profile.rules[code] == weight and isinstance(profile.rules[code], float)
    if parent is not None:
        assert set(profile.rules) == set(parent.rules) | set(data.get("rules", {}))
    for name, value in data.get("parameters", {}).items():
        assert getattr(profile.parameters, name) == value
    assert profile.grades == data.get("grades", parent.grades if parent else None)
    assert profile.source == str(tmp_path / "own.yaml")


@PROPERTIES
@given(data=valid_files())
def test_a_loaded_profile_written_back_loads_to_the_same_profile(
    tmp_path: Path, data: dict[str, Any]
) -> None:
    profile = load_profile(write(tmp_path, data))
    again = load_profile(write(tmp_path, profile.model_dump(exclude={"source"}, mode="json")))
    assert again == profile
    assert Profile.model_validate(profile.model_dump()) == profile  # and through code
    assert Profile(**dict(profile)) == profile


# --- one mistake is found at its key ---------------------------------------------------------

# Each: the key path it sits at (given the valid file), the wrong values, whether the problem
# is at the key (an unknown key) or at its value, and the words the message may say.
MISTAKES: dict[str, tuple[tuple[Any, ...], list[Any], bool, tuple[str, ...]]] = {
    "weight": (
        ("rules", "PAY001"),
        ["3", True, 0, -1, 1000.5, ".inf", 10**400],
        False,
        ("weight",),
    ),
    "band": (("grades", "B"), ["50", False, -1, 100.5, ".nan", None, 10**400], False, ("of B",)),
    "coverage": (("min_coverage",), ["0.5", True, 1.5, -0.1, 10**400], False, ("min_coverage",)),
    "number": (
        ("parameters", "max_ack_days"),
        ["3", True, -1, ".inf", None, 10**400],
        False,
        ("expected a number", "must not be negative"),
    ),
    "switch": (("parameters", "free_access_counts"), ["yes", 1, "true", None], False, ("true or",)),
    "policy": (("disputes",), ["loudest", 1, True, None], False, ("is not one of",)),
    "id": (("id",), ["Bad_ID", "-x", "a b", 3, None], False, ("lower-case", "expected text")),
    "text": (("title",), [3, 1.5, True, ["x"], {"x": 1}], False, ("expected text",)),
    "blocker": (("blockers", "PAY001"), ["F", 1, True], False, ("is not one of",)),
    "key": (("titel",), ["x"], True, ("unknown key 'titel' (did you mean 'title'?)",)),
    "rule": (("rules", "PAY01"), [1], True, ("unknown rule 'PAY01' (did you mean",)),
    "parameter": (("parameters", "min_hourly"), [1], True, ("unknown key 'min_hourly'",)),
    "standard": (("standard", "url"), ["ftp://x", 3], False, ("a URL must", "expected text")),
    "cited rule": (("citations", 0, "rules"), [["XYZ001"], "PAY001"], False, ("rule", "list")),
    "empty quote": (("citations", 0, "quote"), [""], False, ("at least 1 character",)),
}


def put(data: dict[str, Any], where: tuple[Any, ...], value: Any) -> dict[str, Any]:
    node: Any = data
    for part in where[:-1]:
        if isinstance(node, list):
            node = node[part]
        else:
            node = node.setdefault(part, {} if part != "citations" else [])
    node[where[-1]] = value
    return data


@PROPERTIES
@given(data=valid_files(), mistake=st.sampled_from(sorted(MISTAKES)), choice=st.randoms())
def test_one_mistake_in_a_valid_file_is_reported_at_its_key(
    tmp_path: Path, data: dict[str, Any], mistake: str, choice: Any
) -> None:
    where, wrong, at_key, words = MISTAKES[mistake]
    data.setdefault("rules", {})["PAY001"] = 1
    if mistake == "blocker":
        data.setdefault("blockers", {})
    if where[0] == "standard":
        data["standard"] = {"publisher": "p", "title": "t", "date": "d"}
    if where[0] == "citations":
        data["citations"] = [{"title": "t", "url": "https://x", "quote": "q", "rules": ["PAY001"]}]
    path = write(tmp_path, put(data, where, choice.choice(wrong)))
    document = parse(path.read_text(encoding="utf-8"), str(path))
    at = (document.keys if at_key else document.values)[tuple(where)]
    with pytest.raises(LoadError) as caught:
        load_profile(path)
    found = [p for p in caught.value.problems if (p.line, p.col) == at]
    assert any(word in p.message for p in found for word in words), caught.value.problems


# --- anything else: a profile or located problems, never a traceback ---------------------------

keys = st.one_of(
    st.sampled_from(
        [*CODES, *NUMBERS, *SWITCHES, "rules", "grades", "A", "E", "title", "url", "quote", "x"]
    ),
    st.text(max_size=4),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 2000),
    st.just(10**400),
    st.floats(),
    text,
)
anything = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3)
)


@st.composite
def broken_files(draw: st.DrawFn) -> Any:
    """A valid file with up to three keys replaced by anything, or anything at all."""
    if draw(st.integers(0, 9)) == 0:
        return draw(anything)
    data = draw(valid_files())
    fields = [*data, "extends", "parameters", "standard", "citations", "blockers", "rulez"]
    for key in draw(st.lists(st.sampled_from(fields), max_size=3)):
        data[key] = draw(anything)
    return data


@PROPERTIES
@given(data=broken_files())
def test_any_profile_file_loads_or_says_where_each_mistake_is(tmp_path: Path, data: Any) -> None:
    path = write(tmp_path, data)
    where = positions(path)
    try:
        profile = load_profile(path)
    except LoadError as exc:
        assert 1 <= len(exc.problems) <= 101
        for problem in exc.problems:
            assert problem.path == str(path) and problem.message
            assert (problem.line, problem.col) in where, problem
        return
    assert Profile.model_validate(profile.model_dump()) == profile


@PROPERTIES
@given(data=broken_files())
def test_a_profile_built_in_code_is_a_profile_or_a_value_error(data: Any) -> None:
    assume(isinstance(data, dict))
    data.pop("extends", None)
    try:
        profile = Profile.model_validate(data)
    except ValueError as exc:
        assert str(exc).startswith("invalid ")
        return
    assert all(isinstance(w, float) and 0 < w <= 1000 for w in profile.rules.values())
    assert list(profile.grades.values()) == sorted(profile.grades.values(), reverse=True)


# --- inputs that once ended in a traceback -----------------------------------------------------


@pytest.mark.parametrize("section", ["rules", "parameters", "blockers"])
def test_a_null_mapping_in_a_file_that_extends_changes_nothing(
    tmp_path: Path, section: str
) -> None:
    path = tmp_path / "own.yaml"
    path.write_text(f"id: own\nversion: '1'\nextends: articles\n{section}:\n", encoding="utf-8")
    profile, parent = load_profile(path), load_profile("articles")
    assert getattr(profile, section) == getattr(parent, section)


@pytest.mark.parametrize(
    ("line", "where", "words"),
    [
        ("rules:\n  PAY001: 1" + "0" * 400, "5:11", "weight of PAY001"),
        ("grades: {A: 1" + "0" * 400 + ", B: 3, C: 2, D: 1}", "4:13", "the lowest score of A"),
        ("min_coverage: 1" + "0" * 400, "4:15", "min_coverage must be a number from 0 to 1"),
        ("parameters:\n  max_ack_days: 1" + "0" * 400, "5:17", "a number too large to use"),
    ],
)
def test_a_number_too_large_for_a_float_is_a_located_error(
    tmp_path: Path, line: str, where: str, words: str
) -> None:
    path = tmp_path / "own.yaml"
    path.write_text(f"id: own\nversion: '1'\nextends: articles\n{line}\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_profile(path)
    assert [(f"{p.line}:{p.col}", words in p.message) for p in caught.value.problems] == [
        (where, True)
    ]
