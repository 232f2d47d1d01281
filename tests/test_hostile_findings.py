"""The smaller findings of an attacker's run (issue 21 part 7), each through the CLI or the
library: a folder compare cannot list, diff given a folder, a profile of tens of thousands
of unknown rule codes, ``extends:`` naming any file, ``compare(programs, "articles")``,
the bundled programs without libyaml, ``--fail-under`` outside 0-100, a weight just over the
cap. (The folder cases and ``--help`` into a full disk are in tests/test_environment.py,
beside score's and validate's.) The hostile profiles are in tests/hostile-profiles/."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from testerterms import (
    LoadError,
    _yaml,
    bundled_profiles,
    compare,
    load_profile,
    load_program,
    loading,
)
from testerterms.cli import main
from testerterms.loading import MAX_PROBLEMS

from .conftest import PROGRAMS, REFERENCE, REPO, SORA

PROFILES = REPO / "tests" / "hostile-profiles"


def cli(*argv: str) -> tuple[int, str]:
    """The command line in this process (``main``, as the console script runs it): the exit
    status and what it wrote to stderr."""
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out=out, err=err)
    return status, err.getvalue()


def test_diff_refuses_a_folder_before_loading_anything_below_it(tmp_path: Path) -> None:
    folder = tmp_path / "versions"
    folder.mkdir()
    (folder / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    status, stderr = cli("diff", str(SORA), str(folder))
    assert status == 2
    assert f"{folder} is a folder" in stderr
    assert "broken.yaml" not in stderr  # nothing below it was read
    assert len(stderr.splitlines()) == 1


def test_diff_does_not_take_a_folder_of_one_program_as_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "sora.yaml").write_bytes(SORA.read_bytes())
    status, stderr = cli("diff", str(folder), str(SORA))
    assert status == 2 and "is a folder" in stderr


def _many_unknown_codes(path: Path, count: int) -> Path:
    lines = ["id: many-codes", 'version: "1"', "extends: articles", "rules:"]
    lines += [f"  PAY{n:05d}: 1" for n in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_did_you_mean_is_worked_out_only_for_the_errors_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0
    real = loading.did_you_mean

    def counted(word: object, choices: object) -> str:
        nonlocal calls
        calls += 1
        return real(word, choices)  # type: ignore[arg-type]

    monkeypatch.setattr(loading, "did_you_mean", counted)
    with pytest.raises(LoadError) as caught:
        load_profile(_many_unknown_codes(tmp_path / "many.yaml", 5_000))
    assert calls <= MAX_PROBLEMS
    problems = caught.value.problems
    assert len(problems) == MAX_PROBLEMS + 1
    assert "4,900 more errors not shown" in problems[-1].message
    assert "(did you mean 'PAY" in problems[0].message  # the ones shown keep their hint


def test_extends_a_file_that_is_not_a_profile_names_none_of_its_keys() -> None:
    with pytest.raises(LoadError) as caught:
        load_profile(PROFILES / "extends-a-secret.yaml")
    text = "\n".join(str(p) for p in caught.value.problems)
    assert "not a profile file" in text
    for secret in ("apiVersion", "clusters", "production", "token_ghp_SECRETVALUE", "hunter2"):
        assert secret not in text
    assert (caught.value.line, caught.value.col) == (4, 10)  # at the child's extends:


def test_extends_a_path_that_is_no_profile_file_by_its_name_is_not_read() -> None:
    status, stderr = cli(
        "score", str(SORA), "--profile", str(PROFILES / "extends-a-non-yaml-path.yaml")
    )
    assert status == 2
    assert "not a bundled profile nor a profile file (.yaml or .yml): /etc/passwd" in stderr
    assert "root" not in stderr


def test_compare_takes_one_profile_by_name_not_its_letters() -> None:
    programs = [load_program(SORA), load_program(REFERENCE)]
    comparison = compare(programs, "articles")
    assert [view.profile.id for view in comparison.views] == ["articles"]
    assert [view.profile.id for view in compare(programs, load_profile("fairwork")).views] == [
        "fairwork"
    ]


def test_every_bundled_program_and_profile_loads_without_libyaml(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_yaml, "_Parser", yaml.SafeLoader)  # the pure-Python parser
    for path in sorted(PROGRAMS.glob("*.yaml")):
        load_program(path)
    for name in bundled_profiles():
        load_profile(name)


@pytest.mark.parametrize("value", ["-1", "101", "-0.5", "100.01"])
def test_fail_under_outside_the_score_scale_is_a_usage_error(value: str) -> None:
    for flag in ("--fail-under", "--fail-under-worst"):
        status, stderr = cli("score", str(SORA), f"{flag}={value}")
        assert status == 2, (flag, value)
        assert "must be a score from 0 to 100" in stderr


def test_fail_under_at_the_ends_of_the_scale_is_accepted() -> None:
    assert cli("score", str(REFERENCE), "--fail-under=100")[0] == 0
    assert cli("score", str(SORA), "--fail-under-worst=0")[0] == 0


def test_a_weight_just_over_the_cap_is_shown_as_written() -> None:
    with pytest.raises(LoadError) as caught:
        load_profile(PROFILES / "weight-just-over-the-cap.yaml")
    assert "got 1000.0000001" in caught.value.msg


def test_extends_naming_no_bundled_profile_is_located_at_its_key(tmp_path: Path) -> None:
    profile = tmp_path / "mine.yaml"
    profile.write_text(
        'id: mine\nversion: "1"\ntitle: Mine\nextends: "0"\nrules: {PAY001: 1}\n',
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as raised:
        load_profile(profile)
    (problem,) = raised.value.problems
    assert (problem.line, problem.col) == (4, 10)
    assert "no profile '0'" in problem.message
