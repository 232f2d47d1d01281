"""Every command that writes goes through one helper, which never destroys anything but the
file the user named: never a device, a FIFO, a link or a file the command reads (even with
``--force``), every output checked before any is written, missing folders created."""

from __future__ import annotations

import importlib.util
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from testerterms import UsageError
from testerterms._output import write_file, write_files

from .conftest import SORA, run_cli

HAS_REPORT = all(importlib.util.find_spec(m) for m in ("jinja2", "matplotlib"))
needs_report = pytest.mark.skipif(not HAS_REPORT, reason="needs the report extra")
ANSWERS = "Offer\nStudio\nbeta\nOffer letter\nhttps://example.org/offer\n1\n1\n25\n"

# Each command that writes, with -o FILE (or FILE) and --force; the program it reads is
# tmp/in.yaml, and ask reads its answers from tmp/answers.txt.
COMMANDS: dict[str, Callable[[Path, str], list[str]]] = {
    "suggest": lambda tmp, out: ["suggest", str(tmp / "in.yaml"), "-o", out, "--force"],
    "draft": lambda tmp, out: ["draft", str(tmp / "in.yaml"), "-o", out, "--force"],
    "report": lambda tmp, out: ["report", str(tmp / "in.yaml"), "-o", out, "--force"],
    "schema": lambda tmp, out: ["schema", "-o", out, "--force"],
    "init": lambda tmp, out: ["init", out, "--force"],
    "ask": lambda tmp, out: ["ask", out, "--force"],
}
READS = {"suggest": "in.yaml", "draft": "in.yaml", "report": "in.yaml", "ask": "answers.txt"}


def _run(name: str, tmp: Path, out: str) -> subprocess.CompletedProcess[str]:
    args = COMMANDS[name](tmp, out)
    if name != "ask":
        return run_cli(*args, cwd=tmp)
    with (tmp / "answers.txt").open(encoding="utf-8") as answers:
        return subprocess.run(
            [sys.executable, "-m", "testerterms", *args],
            stdin=answers,
            capture_output=True,
            text=True,
            cwd=tmp,
            timeout=120,
        )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(SORA, tmp_path / "in.yaml")
    (tmp_path / "answers.txt").write_text(ANSWERS, encoding="utf-8")
    return tmp_path


def _device(folder: Path) -> Path:
    """A character device (a copy of /dev/null's node where this user may make one)."""
    node = folder / "device"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        return Path("/dev/null")  # a user who cannot make a node cannot replace this one
    return node


def _commands(*names: str) -> list[object]:
    return [pytest.param(name, marks=needs_report) if name == "report" else name for name in names]


@pytest.mark.parametrize("name", _commands(*COMMANDS))
@pytest.mark.parametrize("kind", ["device", "fifo", "symlink"])
def test_no_command_writes_over_a_device_a_fifo_or_a_link_even_with_force(
    folder: Path, name: str, kind: str
) -> None:
    victim = folder / "victim.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    if kind == "device":
        target = _device(folder)
    elif kind == "fifo":
        target = folder / "fifo"
        os.mkfifo(target)
    else:
        target = folder / "link"
        target.symlink_to(victim)
    before = os.lstat(target)
    result = _run(name, folder, str(target))
    assert result.returncode == 2, result.stderr
    said = {"device": "not a regular file", "fifo": "not a regular file", "symlink": "link"}
    assert said[kind] in result.stderr and "even with --force" in result.stderr
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("name", _commands(*READS))
def test_no_command_writes_over_a_file_it_reads_even_with_force(folder: Path, name: str) -> None:
    read = folder / READS[name]
    before = read.read_bytes()
    result = _run(name, folder, str(read))
    assert result.returncode == 2, result.stderr
    assert "is an input file of this command" in result.stderr
    assert read.read_bytes() == before


def test_a_hard_link_to_the_input_is_the_input(folder: Path) -> None:
    os.link(folder / "in.yaml", folder / "other-name.md")
    result = run_cli("draft", "in.yaml", "-o", "other-name.md", "--force", cwd=folder)
    assert result.returncode == 2 and "input file" in result.stderr
    assert (folder / "in.yaml").read_bytes() == SORA.read_bytes()


def test_a_profile_file_given_is_an_input_too(folder: Path) -> None:
    profile = folder / "guild.yaml"
    profile.write_text('id: guild\nversion: "1"\nextends: articles\n', encoding="utf-8")
    result = run_cli("draft", "in.yaml", "--profile", str(profile), "-o", str(profile), "--force")
    assert result.returncode == 2 and "input file" in result.stderr
    assert profile.read_text(encoding="utf-8").startswith("id: guild")


@pytest.mark.parametrize("name", ["suggest", "draft"])
def test_a_profile_file_read_through_extends_is_an_input_too(folder: Path, name: str) -> None:
    base = folder / "base.yaml"
    base.write_text('id: base\nversion: "1"\ntitle: Base\nextends: articles\n', encoding="utf-8")
    mine = folder / "mine.yaml"
    mine.write_text('id: mine\nversion: "1"\ntitle: Mine\nextends: base.yaml\n', encoding="utf-8")
    before = base.read_bytes()
    result = run_cli(
        name, "in.yaml", "--profile", "mine.yaml", "-o", "base.yaml", "--force", cwd=folder
    )
    assert result.returncode == 2 and "input file" in result.stderr
    assert base.read_bytes() == before


@needs_report
def test_report_writes_nothing_when_one_chart_cannot_be_written(folder: Path) -> None:
    charts = folder / "charts"
    charts.mkdir()
    (charts / "score-ranges.svg").write_text("mine\n", encoding="utf-8")
    result = run_cli("report", "in.yaml", "-o", "r.html", "--charts-dir", "charts", cwd=folder)
    assert result.returncode == 2 and "score-ranges.svg already exists" in result.stderr
    assert not (folder / "r.html").exists()  # the page is not written before the charts
    assert sorted(p.name for p in charts.iterdir()) == ["score-ranges.svg"]
    assert (charts / "score-ranges.svg").read_text(encoding="utf-8") == "mine\n"
    again = run_cli("report", "in.yaml", "-o", "r.html", "--charts-dir", "charts", cwd=folder)
    assert again.returncode == 2  # the next run is refused for the same reason, not the page
    assert "r.html" not in again.stderr


@needs_report
def test_report_creates_the_folders_of_the_page_and_the_charts(folder: Path) -> None:
    result = run_cli(
        "report", "in.yaml", "-o", "out/r.html", "--charts-dir", "out/charts", cwd=folder
    )
    assert result.returncode == 0, result.stderr
    assert "created the folder out\n" in result.stderr
    assert (folder / "out" / "r.html").is_file()
    assert (
        sorted(p.suffix for p in (folder / "out" / "charts").iterdir())
        == [".png"] * 2 + [".svg"] * 2
    )


@pytest.mark.parametrize("name", ["suggest", "draft", "schema", "init"])
def test_each_command_creates_a_missing_folder_for_its_output(folder: Path, name: str) -> None:
    result = _run(name, folder, "new/folder/out.yaml")
    assert result.returncode == 0, result.stderr
    assert (folder / "new" / "folder" / "out.yaml").is_file()
    assert "created the folder new/folder" in result.stderr


# --- the helper itself -------------------------------------------------------------------------


def test_a_failure_while_writing_any_output_leaves_none_of_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = []
    real = tempfile.mkstemp

    def second_fails(*args: object, **kwargs: object) -> tuple[int, str]:
        if made:
            raise OSError(28, "No space left on device")
        made.append(1)
        return real(*args, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", second_fails)
    outputs = [(tmp_path / "new" / "a.html", "a"), (tmp_path / "new" / "b.svg", "b")]
    with pytest.raises(UsageError, match=r"cannot write .*b\.svg: No space left on device"):
        write_files(outputs)
    assert list(tmp_path.iterdir()) == []  # no page, no temporary file, no folder


def test_the_same_output_named_twice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="named twice"):
        write_files([(tmp_path / "a.md", "1"), (tmp_path / "." / "a.md", "2")])
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(UsageError, match="already exists: use --force"):
        write_file(target, "new")
    assert write_file(target, "new", force=True) == target
    assert target.read_text(encoding="utf-8") == "new"


def test_a_name_near_the_file_systems_limit_in_bytes_is_written(tmp_path: Path) -> None:
    """80 CJK characters are 240 bytes: the temporary file beside it must fit in 255 too."""
    name = "合" * 80 + ".yaml"
    result = run_cli("init", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / name).is_file()
    assert [p.name for p in tmp_path.iterdir()] == [name]
