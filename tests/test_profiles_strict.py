"""Profile files get the care program files get: strict numbers and booleans, finite and
bounded weights and thresholds, each error at its key, capped, and no traceback; a NaN can
never reach a score."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest

from testerterms import LoadError, Profile, load_profile, load_program, score

from .conftest import SORA, run_cli

HEADER = "id: own\nversion: '1'\nextends: {parent}\n"

# (what the file says after the header, the line:col of the key or value, the message)
CASES = {
    "overflowing weights": (
        "rules:\n  PAY001: 1e308\n  PAY002: 1e308\n",
        "5:11",
        "weight of PAY001 must be a positive number at most 1000",
    ),
    "quoted weight": ('rules:\n  PAY001: "3"\n', "5:11", "got the text '3'"),
    "boolean weight": ("rules:\n  PAY001: true\n", "5:11", "got true"),
    "infinite weight": ("rules:\n  PAY001: .inf\n", "5:11", "weight of PAY001"),
    "quoted yes for a boolean": (
        'parameters:\n  free_access_counts: "yes"\n',
        "5:23",
        "expected true or false",
    ),
    "on for a boolean": ("parameters:\n  free_access_counts: on\n", "5:23", "expected true"),
    "1 for a boolean": ("parameters:\n  free_access_counts: 1\n", "5:23", "expected true"),
    "quoted parameter": ('parameters:\n  min_hourly_pay: "30"\n', "5:19", "expected a number"),
    "infinite parameter": ("parameters:\n  min_hourly_pay: .inf\n", "5:19", "a number"),
    "grade band below 0": (
        "grades: {A: 90, B: 70, C: 50, D: -5}\n",
        "4:34",
        "the lowest score of D must be a number from 0 to 100, got -5",
    ),
    "infinite grade band": (
        "grades: {A: .inf, B: 70, C: 50, D: 5}\n",
        "4:13",
        "the lowest score of A must be a number from 0 to 100",
    ),
    "bands that do not fall": ("grades: {A: 50, B: 70, C: 55, D: 40}\n", "4:1", "fall from A"),
    "coverage above 1": ("min_coverage: 2\n", "4:15", "min_coverage must be a number from 0 to 1"),
    "quoted coverage": ('min_coverage: "0.5"\n', "4:15", "got the text '0.5'"),
    "unknown rule": ("rules:\n  PAY01: 2\n", "5:3", "unknown rule 'PAY01' (did you mean"),
    "unknown blocker": ("blockers:\n  XYZ001: E\n", "5:3", "unknown rule 'XYZ001'"),
    "blocker that is not a grade": ("blockers:\n  PAY001: F\n", "5:11", "is not one of"),
    "unknown policy": ("disputes: loudest\n", "4:11", "is not one of"),
}


def write(folder: Path, body: str, parent: str = "industry-practice") -> Path:
    path = folder / "own.yaml"
    path.write_text(HEADER.format(parent=parent) + body, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_profile_mistake_is_located_at_its_key(tmp_path: Path, case: str) -> None:
    body, where, message = CASES[case]
    path = write(tmp_path, body)
    with pytest.raises(LoadError) as caught:
        load_profile(path)
    assert any(
        f"{p.line}:{p.col}" == where and message in p.message for p in caught.value.problems
    ), [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("case", ["overflowing weights", "quoted yes for a boolean"])
def test_the_command_says_where_and_exits_2(tmp_path: Path, case: str) -> None:
    body, where, message = CASES[case]
    path = write(tmp_path, body)
    result = run_cli("score", str(SORA), "--profile", str(path))
    assert result.returncode == 2
    assert f"{path}:{where}: error: " in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_quoted_weight_cannot_lift_a_blocker(tmp_path: Path) -> None:
    """`PAY001: "3"` once lifted Sora's PAY001 blocker under industry-practice."""
    with pytest.raises(LoadError):
        load_profile(write(tmp_path, 'rules:\n  PAY001: "3"\n'))


def test_ten_thousand_unknown_codes_give_as_many_lines_as_a_program_file_would(
    tmp_path: Path,
) -> None:
    from testerterms.loading import MAX_PROBLEMS

    body = "rules:\n" + "".join(f"  X{i:05d}: 1\n" for i in range(10_000))
    with pytest.raises(LoadError) as caught:
        load_profile(write(tmp_path, body))
    problems = caught.value.problems
    assert len(problems) == MAX_PROBLEMS + 1
    assert "9,900 more errors not shown" in problems[-1].message


def test_an_extends_chain_too_deep_is_an_error_at_the_extends_key(tmp_path: Path) -> None:
    for index in range(1000):
        (tmp_path / f"p{index}.yaml").write_text(
            f"id: p{index}\nversion: '1'\nextends: p{index + 1}.yaml\n", encoding="utf-8"
        )
    result = run_cli("score", str(SORA), "--profile", str(tmp_path / "p0.yaml"))
    assert result.returncode == 2
    assert "extend each other more than 20 deep" in result.stderr
    assert ":3:10: error:" in result.stderr and "Traceback" not in result.stderr


def test_extending_something_that_is_not_a_regular_file_says_so(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    with pytest.raises(LoadError) as caught:
        load_profile(write(tmp_path, "", parent="pipe.yaml"))
    assert "not a regular file" in caught.value.msg and "pipe.yaml" in caught.value.msg
    assert (caught.value.line, caught.value.col) == (3, 10)
    with pytest.raises(LoadError) as caught:
        load_profile(write(tmp_path, "", parent="/dev/zero"))
    assert "not a bundled profile nor a profile file" in caught.value.msg
    assert (caught.value.line, caught.value.col) == (3, 10)


def test_a_profile_path_with_a_nul_byte_is_a_load_error() -> None:
    with pytest.raises(LoadError, match="NUL byte"):
        load_profile("./a\x00b.yaml")


def test_a_profile_file_with_a_name_too_long_is_one_error(tmp_path: Path) -> None:
    result = run_cli("score", str(SORA), "--profile", str(tmp_path / ("x" * 300 + ".yaml")))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and "too long" in result.stderr


def test_fail_under_nan_is_a_usage_error() -> None:
    for value in ("nan", "inf", "-inf"):
        result = run_cli("score", str(SORA), f"--fail-under={value}")
        assert result.returncode == 2, value
        assert "finite number" in result.stderr


def test_a_nan_weight_never_reaches_a_score() -> None:
    articles = load_profile("articles")
    broken = Profile.model_construct(
        **{**dict(articles), "rules": {**articles.rules, "PAY001": math.nan}}
    )
    with pytest.raises(ValueError, match="weight of PAY001"):
        score(load_program(SORA), broken)


def test_a_profile_built_in_code_is_bounded_too() -> None:
    articles = load_profile("articles")
    data = articles.model_dump()
    for key, value in (("rules", {"PAY001": 1e308}), ("grades", {**articles.grades, "D": -1})):
        with pytest.raises(ValueError):
            Profile.model_validate({**data, key: value})
