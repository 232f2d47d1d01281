"""The README stays true: its generated blocks, its two set-up commands, and CI's use of them."""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
import update_readme

README = (REPO / "README.md").read_text(encoding="utf-8")
SH_BLOCKS = re.findall(r"```sh\n(.*?)```", README, re.DOTALL)


def test_readme_generated_blocks_match_what_the_commands_print() -> None:
    assert update_readme.render(README) == README, (
        "README.md is stale: run python scripts/update_readme.py"
    )


def test_readme_shows_the_first_command_a_new_user_runs() -> None:
    assert "python -m testerterms score" in SH_BLOCKS[0]


def test_ci_runs_the_readme_test_command() -> None:
    test_command = SH_BLOCKS[1].strip()
    assert "pytest" in test_command
    assert test_command in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_names_every_bundled_profile_and_rule() -> None:
    from testerterms import CATALOGUE, bundled_profiles

    for name in bundled_profiles():
        assert f"`{name}`" in README
    for code in CATALOGUE:
        assert code in README


@pytest.mark.slow
def test_the_wheel_ships_the_bundled_programs_profiles_and_schema(tmp_path: Path) -> None:
    """A plain `pip install` must carry programs/ inside the package."""
    import subprocess

    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if built.returncode != 0 and "hatchling" in built.stderr:
        pytest.skip("hatchling is not installed in this environment")
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("testerterms-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "testerterms/programs/sora-alpha-artists.yaml" in names
    assert "testerterms/programs/reference.yaml" in names
    assert "testerterms/profiles/articles.yaml" in names
    assert "testerterms/program.schema.json" in names  # what `testerterms schema` prints
    assert "testerterms/py.typed" in names
    assert "testerterms/report/templates/report.html.j2" in names  # the report's page data
    assert "testerterms/report/templates/style.css" in names
