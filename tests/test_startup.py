"""Each command imports what it uses, when it uses it (the start-up targets of the README's
Performance section).

These tests name the modules a command loads, not how long it takes: a command that starts
importing the program model or the scorer without needing them shows up here first.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import testerterms
from testerterms import cli

from .conftest import SORA

# Run main() in a fresh interpreter and list the modules it left loaded.
_PROBE = """
import contextlib, io, json, sys
from testerterms.cli import main
with contextlib.suppress(SystemExit):
    main(sys.argv[1:], out=io.StringIO(), err=io.StringIO())
print(json.dumps(sorted(sys.modules)))
"""

HEAVY = {
    "testerterms.model",
    "testerterms.scoring",
    "testerterms.loading",
    "testerterms.render._base",
}


def imported_by(*argv: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *argv], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout.splitlines()[-1]))  # after what --help prints


def test_help_imports_neither_the_model_nor_its_dependencies() -> None:
    modules = imported_by("--help")
    assert not modules & {"pydantic", "yaml", "tabulate", *HEAVY}
    assert {m for m in modules if m.startswith("testerterms")} <= {
        "testerterms",
        "testerterms._entry",  # Ctrl-C during start-up
        "testerterms._escape",  # text safety for messages (standard library only)
        "testerterms._version",
        "testerterms.cli",
        "testerterms.errors",
    }


@pytest.mark.parametrize("command", ["rules", "profiles"])
def test_the_catalogue_commands_import_neither_the_program_model_nor_the_scorer(
    command: str,
) -> None:
    modules = imported_by(command)
    assert "testerterms.render.catalogue" in modules  # the command did run
    assert not modules & HEAVY


@pytest.mark.parametrize("argv", [["--help"], ["rules"], ["rules", "PAY001"], ["profiles"]])
def test_the_catalogue_commands_build_no_pydantic_model(argv: list[str]) -> None:
    """Profiles and their parameters are checked by hand: building pydantic models (its
    ``main`` module and schema machinery) is for the program model, which these never read."""
    modules = imported_by(*argv)
    assert argv == ["--help"] or "testerterms.render.catalogue" in modules  # it did run
    assert not {m for m in modules if m == "pydantic.main" or m.startswith("pydantic._internal")}
    assert not modules & HEAVY


def test_schema_prints_the_stored_schema_without_building_the_model() -> None:
    modules = imported_by("schema")
    assert not modules & {"testerterms.model", "testerterms.scoring", "testerterms.profiles"}
    assert not {m for m in modules if m == "pydantic.main" or m.startswith("pydantic._internal")}


def test_importing_the_package_imports_no_model_until_a_name_is_used() -> None:
    probe = "import sys, testerterms; print('testerterms.model' in sys.modules)"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert loaded.stdout.strip() == "False"


def test_every_public_name_resolves_to_what_its_module_defines() -> None:
    import importlib

    for name in testerterms.__all__:
        value = getattr(testerterms, name)
        module = testerterms._LAZY.get(name)
        if module is not None:
            assert value is getattr(importlib.import_module(f"testerterms.{module}"), name)
    assert set(testerterms._LAZY) <= set(testerterms.__all__)


def test_the_format_choices_written_in_the_parser_are_the_reporters() -> None:
    from testerterms import _validation, render

    assert tuple(render.REPORTERS) == cli.SCORE_FORMATS
    assert tuple(_validation.REPORTERS) == cli.VALIDATE_FORMATS


def test_score_on_a_few_files_loads_no_worker_machinery() -> None:
    modules = imported_by("score")
    assert "testerterms.scoring" in modules  # the command did run
    assert not modules & {"multiprocessing", "concurrent.futures"}


ADVICE_NOT_NEEDED = {
    "testerterms.advice.compare",
    "testerterms.advice.robustness",
    "testerterms.advice.suggest",
    "testerterms.advice.draft",
    "testerterms.advice.pivotal",
}


def test_diff_imports_only_the_advice_it_gives() -> None:
    modules = imported_by("diff", "sora-alpha-artists", "reference")
    assert "testerterms.advice.diff" in modules  # the command did run
    assert not modules & ADVICE_NOT_NEEDED
    assert not modules & {"testerterms._schema", "testerterms.render.sarif"}


def test_ask_with_piped_answers_imports_one_reporter_and_no_other_advice(tmp_path: Path) -> None:
    probe = _PROBE.replace("import contextlib,", "import os, contextlib,").replace(
        "with contextlib", "sys.stdin = open(os.devnull)\nwith contextlib"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, "ask", str(tmp_path / "offer.yaml")],
        capture_output=True,
        text=True,
        check=True,
        stdin=subprocess.DEVNULL,
    )
    modules = set(json.loads(result.stdout.splitlines()[-1]))
    assert (tmp_path / "offer.yaml").exists()  # the command did run
    assert "testerterms.render.text" in modules
    assert not modules & ADVICE_NOT_NEEDED
    assert not modules & {
        "testerterms._schema",  # the starter file's comments, for init
        "testerterms.render.data",
        "testerterms.render.sarif",
    }


@pytest.mark.parametrize(
    "argv",
    [
        ["score"],
        ["score", "--format", "json", "--fail-under", "50", "--no-examples"],
        ["validate", str(SORA)],
    ],
)
def test_a_command_answered_from_a_warm_cache_builds_no_pydantic_model(argv: list[str]) -> None:
    """The second run over the same files reads them and the cache (tests/test_cache.py):
    neither the program model, nor pydantic's model machinery, nor the scorer is imported."""
    cold = imported_by(*argv)
    assert "testerterms.model" in cold  # the first run loads and scores: it fills the cache
    warm = imported_by(*argv)
    assert "testerterms._cache" in warm  # it did run, from the cache
    assert not {m for m in warm if m == "pydantic.main" or m.startswith("pydantic._internal")}
    assert not warm & HEAVY - {"testerterms.render._base"}
    assert "pydantic" not in warm


def test_a_diff_answered_from_a_warm_cache_builds_no_pydantic_model() -> None:
    argv = ["diff", str(SORA), "reference"]
    assert "testerterms.model" in imported_by(*argv)  # the first run loads both: it fills
    warm = imported_by(*argv)
    assert "testerterms._cache" in warm
    assert "pydantic" not in warm and not warm & HEAVY


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_a_compare_answered_from_a_warm_cache_builds_no_pydantic_model(fmt: str) -> None:
    argv = ["compare", "--format", fmt, str(SORA), "reference", "playtestcloud"]
    cold = imported_by(*argv)
    assert "testerterms.advice.compare" in cold  # the first run loads and scores: it fills
    warm = imported_by(*argv)
    assert "testerterms._cache" in warm  # it did run, from the cache
    assert "pydantic" not in warm and not warm & HEAVY
    assert not warm & ADVICE_NOT_NEEDED
    assert "testerterms.model" in imported_by(*argv, "--no-cache")


def test_the_same_answers_again_are_written_and_scored_without_a_pydantic_model(
    tmp_path: Path,
) -> None:
    """``ask`` asks its questions without the model; the same answers a second time write the
    same file and print the same scorecard from the cache (tests/test_cache.py)."""
    answers = tmp_path / "answers.txt"
    answers.write_text("Acme beta\nAcme\nbeta\nOffer\nhttps://example.org/o\n1\n1\n25\n")

    def ask(*extra: str) -> tuple[set[str], bytes]:
        target = tmp_path / "offer.yaml"
        target.unlink(missing_ok=True)  # a file is replaced only with every question answered
        argv = ["ask", str(target), "--answers", str(answers), *extra]
        probe = _PROBE.replace("import contextlib,", "import os, contextlib,").replace(
            "with contextlib", "sys.stdin = open(os.devnull)\nwith contextlib"
        )
        result = subprocess.run(
            [sys.executable, "-c", probe, *argv],
            capture_output=True,
            text=True,
            check=True,
            stdin=subprocess.DEVNULL,
        )
        return set(json.loads(result.stdout.splitlines()[-1])), target.read_bytes()

    cold, written = ask()
    assert "testerterms.model" in cold  # the first answers are validated and scored
    warm, again = ask()
    assert again == written
    assert "testerterms._cache" in warm
    assert "pydantic" not in warm and not warm & HEAVY
    assert "testerterms.model" in ask("--no-cache")[0]


def test_no_cache_loads_and_scores_every_time() -> None:
    imported_by("score")
    assert "testerterms.scoring" in imported_by("score", "--no-cache")
