"""`init`, the starter file it writes, how files are written, and the pre-commit hook."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from testerterms import CATALOGUE, UsageError, load_profile, parse_program, score
from testerterms._authoring import starter_program
from testerterms._files import program_id_for
from testerterms._output import write_file
from testerterms._schema import field_docs, model_doc
from testerterms.loading import load_program_with_warnings
from testerterms.model import Section, Terms

from .conftest import REPO, SORA, run_cli

INVALID = REPO / "tests" / "invalid"


def _comment_text(text: str) -> str:
    """The comments of a YAML file as one line of words, to find wrapped sentences in."""
    words = [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]
    return " ".join(" ".join(words).split())


def _sections() -> list[tuple[str, type[Section]]]:
    found = []
    for name in Terms.SECTIONS:
        section = Terms.model_fields[name].annotation
        assert isinstance(section, type) and issubclass(section, Section)
        found.append((name, section))
    return found


def test_init_writes_a_starter_that_validates_without_warnings(tmp_path: Path) -> None:
    result = run_cli("init", "acme-beta.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "wrote acme-beta.yaml" in result.stderr
    written = tmp_path / "acme-beta.yaml"
    assert written.read_text(encoding="utf-8") == starter_program("acme-beta")
    check = run_cli("validate", "--strict", str(written))
    assert check.returncode == 0, check.stderr
    program, warnings = load_program_with_warnings(written)
    assert warnings == []
    assert program.id == "acme-beta"


def test_the_starter_scores_unknown_on_every_rule_of_every_profile() -> None:
    program, _ = parse_program(starter_program())
    assert all(not term.known for _, term in program.all_terms())
    for name in ("articles", "testers-letter", "industry-practice"):
        card = score(program, load_profile(name))
        assert {finding.outcome for finding in card.findings} == {"unknown"}, name
        assert card.grade is None


def test_the_starter_explains_every_term_with_its_docstring_and_values() -> None:
    comments = _comment_text(starter_program())
    for name, section in _sections():
        assert model_doc(section) in comments
        for term, doc in field_docs(section).items():
            if term not in ("source", "quote"):
                assert doc in comments, f"{name}.{term}"
    assert "values: none, some, per-result, everyone" in comments
    assert "values: true, false" in comments


def test_the_starter_names_every_rule_and_the_remedy_that_meets_it() -> None:
    text = starter_program()
    comments = _comment_text(text)
    for code, rule in CATALOGUE.items():
        assert f"{code} {rule.title}" in comments
        for key, value in rule.remedy.terms.items():
            shown = str(value).lower() if isinstance(value, bool) else str(value)
            assert f"{key}: {shown}" in comments
            section, term = key.split(".")
            # Under the term itself, a "meets CODE...: value" comment says the same.
            block = text.split(f"\n  {section}:\n", 1)[1].split(f"    {term}: unknown", 1)[0]
            last = block.rsplit("unknown", 1)[-1]
            assert re.search(rf"meets [A-Z0-9, ]*{code}[A-Z0-9, ]*: {re.escape(shown)}", last)


def test_init_never_overwrites_a_file_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    shutil.copy(SORA, target)
    before = target.read_bytes()
    refused = run_cli("init", str(target))
    assert refused.returncode == 2
    assert refused.stderr == (
        f"testerterms: error: {target} already exists: use --force to overwrite it\n"
    )
    assert target.read_bytes() == before
    forced = run_cli("init", str(target), "--force")
    assert forced.returncode == 0, forced.stderr
    assert target.read_text(encoding="utf-8") == starter_program("mine")
    assert [p.name for p in tmp_path.iterdir()] == ["mine.yaml"]  # no temporary file left


def test_init_dash_prints_the_starter(tmp_path: Path) -> None:
    result = run_cli("init", "-", "--id", "draft-offer", "--schema", "program.schema.json")
    assert result.returncode == 0, result.stderr
    assert result.stdout == starter_program("draft-offer", schema="program.schema.json")
    assert result.stdout.startswith("# yaml-language-server: $schema=program.schema.json\n")


def test_init_refuses_an_id_that_is_not_one(tmp_path: Path) -> None:
    result = run_cli("init", "x.yaml", "--id", "Not An Id", cwd=tmp_path)
    assert result.returncode == 2
    assert "--id 'Not An Id' must be lower-case letters" in result.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_init_into_a_folder_that_does_not_exist_creates_it(tmp_path: Path) -> None:
    target = tmp_path / "programs" / "acme" / "x.yaml"
    result = run_cli("init", str(target))
    assert result.returncode == 0, result.stderr
    assert "created the folder" in result.stderr
    assert run_cli("validate", str(target)).returncode == 0


def test_init_where_the_folder_cannot_be_made_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder\n", encoding="utf-8")
    result = run_cli("init", str(tmp_path / "a-file" / "x.yaml"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("stem", "program_id"),
    [("acme-beta", "acme-beta"), ("Acme Beta 2025", "acme-beta-2025"), ("___", "my-program")],
)
def test_the_program_id_is_made_from_the_file_name(stem: str, program_id: str) -> None:
    assert program_id_for(stem) == program_id


# --- writing files ------------------------------------------------------------------------------


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "p.yaml"
    target.write_text("old", encoding="utf-8")

    def broken_replace(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(UsageError, match=r"cannot write .*No space left on device"):
        write_file(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["p.yaml"]


def test_a_file_that_appears_while_writing_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "p.yaml"
    real_link = os.link

    def someone_else_first(source: str, destination: str) -> None:
        Path(destination).write_text("theirs", encoding="utf-8")
        real_link(source, destination)

    monkeypatch.setattr(os, "link", someone_else_first)
    with pytest.raises(UsageError, match="already exists"):
        write_file(target, "mine")
    assert target.read_text(encoding="utf-8") == "theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["p.yaml"]


def test_an_overwritten_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "p.yaml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_file(target, "new", force=True)
    assert target.stat().st_mode & 0o777 == 0o640


# --- pre-commit -----------------------------------------------------------------------------------


def test_the_pre_commit_hook_validates_program_files() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "testerterms-validate"]
    assert hook["entry"] == "testerterms validate"
    assert hook["language"] == "python"
    pattern = re.compile(hook["files"])
    assert pattern.search("programs/sora-alpha-artists.yaml")
    assert pattern.search("terms/programs/acme.yml")
    assert not pattern.search(".github/workflows/ci.yaml")
    assert not pattern.search("programs/README.md")


def test_the_hook_entry_runs_as_pre_commit_runs_it_with_the_staged_files() -> None:
    command, *arguments = yaml.safe_load(
        (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    )[0]["entry"].split()
    script = shutil.which(command, path=str(Path(sys.executable).parent)) or shutil.which(command)
    if script is None:
        pytest.skip("the console script is not installed")
    import subprocess

    good = subprocess.run([script, *arguments, str(SORA)], capture_output=True, text=True)
    assert good.returncode == 0, good.stderr
    bad = subprocess.run(
        [script, *arguments, str(SORA), str(INVALID / "kind.yaml")], capture_output=True, text=True
    )
    assert bad.returncode == 1
    assert f"{INVALID / 'kind.yaml'}:4:7: error: 'beta-test' is not one of" in bad.stderr
