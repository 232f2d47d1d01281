"""No traceback from the environment: unreadable folders, long names, closed pipes, full
disks, ASCII terminals, Ctrl-C, odd files in a walked folder each get one located line and
the right exit status; the library takes a path as a path; writes stay ordinary."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import testerterms
from testerterms import LoadError, load_program, load_programs

from .conftest import PROGRAMS, REPO, SORA, run_cli

VALID = PROGRAMS / "reference.yaml"
LONG = "x" * 300


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder any user can read (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="testerterms-env-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in folder.rglob("*"):
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(folder)


# --- unreadable folders and files ----------------------------------------------------------------

AS_USER = textwrap.dedent(
    """
    import io, os, sys
    import testerterms.cli, testerterms.render, testerterms._validation, testerterms.scoring
    import testerterms._parallel, testerterms.render.data, testerterms.render.text  # lazy ones
    import testerterms.advice.compare, testerterms.advice.render  # compare
    import tabulate, argparse, csv, json, difflib, encodings.ascii
    from testerterms.cli import main
    # Run once to import everything the command uses, then drop root.
    main(["validate", "--no-cache", sys.argv[1]], io.StringIO(), io.StringIO())
    if os.getuid() == 0:
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)
    sys.exit(main(sys.argv[2:]))
    """
)


def run_unprivileged(*args: str) -> subprocess.CompletedProcess[str]:
    """The command as a user whom permissions stop: root drops to nobody once imports are done."""
    return subprocess.run(
        [sys.executable, "-c", AS_USER, str(VALID), *args],
        capture_output=True,
        text=True,
        cwd="/",
        timeout=120,
    )


def permissions_stop(folder: Path) -> bool:
    probe = run_unprivileged("validate", str(folder / "locked"))
    return "Permission denied" in probe.stderr


def test_an_unreadable_folder_is_one_line_and_the_rest_are_checked(shared_folder: Path) -> None:
    shutil.copy(VALID, shared_folder / "a.yaml")
    shutil.copy(SORA, shared_folder / "z.yaml")
    locked = shared_folder / "locked"
    locked.mkdir()
    shutil.copy(VALID, locked / "hidden.yaml")
    (shared_folder / "secret.yaml").write_text("id: x\n")
    (shared_folder / "secret.yaml").chmod(0)
    (shared_folder / "a.yaml").chmod(0o644)
    (shared_folder / "z.yaml").chmod(0o644)
    locked.chmod(0)
    if not permissions_stop(shared_folder):
        pytest.skip("permissions do not stop this user (root could not drop privileges)")
    scored = run_unprivileged("score", str(shared_folder), "--format", "csv")
    no_traceback(scored)
    assert scored.returncode == 2
    assert f"{locked}:1:1: error: cannot list the folder: Permission denied" in scored.stderr
    assert f"{shared_folder / 'secret.yaml'}:1:1: error: cannot read the file" in scored.stderr
    assert len(scored.stderr.splitlines()) == 2
    assert "reference" in scored.stdout and "sora-alpha-artists" in scored.stdout
    checked = run_unprivileged("validate", str(shared_folder))
    no_traceback(checked)
    assert checked.returncode == 1
    assert f"{locked}:1:1: error: cannot list the folder" in checked.stderr
    assert "2 of 4 files invalid" in checked.stderr


def test_compare_says_which_folder_it_cannot_list(shared_folder: Path) -> None:
    shutil.copy(VALID, shared_folder / "a.yaml")
    shutil.copy(SORA, shared_folder / "z.yaml")
    (shared_folder / "a.yaml").chmod(0o644)
    (shared_folder / "z.yaml").chmod(0o644)
    locked = shared_folder / "locked"
    locked.mkdir()
    shutil.copy(VALID, locked / "hidden.yaml")
    locked.chmod(0)
    if not permissions_stop(shared_folder):
        pytest.skip("permissions do not stop this user (root could not drop privileges)")
    result = run_unprivileged("compare", str(shared_folder), "--samples", "0")
    no_traceback(result)
    assert result.returncode == 2  # as score, validate and report: not a silent exit 0
    assert f"{locked}:1:1: error: cannot list the folder: Permission denied" in result.stderr
    assert "reference" in result.stdout and "sora-alpha-artists" in result.stdout


def test_compare_warns_of_a_link_out_of_the_folder_and_does_not_follow_it(tmp_path: Path) -> None:
    folder = tmp_path / "programs"
    folder.mkdir()
    shutil.copy(VALID, folder / "a.yaml")
    secret = tmp_path / "secrets.yaml"
    secret.write_bytes(SORA.read_bytes())
    (folder / "link.yaml").symlink_to(secret)
    result = run_cli("compare", str(folder), "--samples", "0")
    no_traceback(result)
    assert result.returncode == 0, result.stderr  # a warning, as in score
    assert f"{folder / 'link.yaml'}:1:1: warning: a link out of the folder" in result.stderr
    assert "sora-alpha-artists" not in result.stdout


def test_fifos_and_links_out_of_the_folder_are_said_not_skipped_silently(tmp_path: Path) -> None:
    folder = tmp_path / "programs"
    folder.mkdir()
    shutil.copy(VALID, folder / "a.yaml")
    os.mkfifo(folder / "pipe.yaml")
    secret = tmp_path / "secrets.yaml"
    secret.write_text("id: x\nname: TOKEN=hunter2\n")
    (folder / "link.yaml").symlink_to(secret)
    (folder / "elsewhere").symlink_to(tmp_path)
    (folder / "inside.yaml").symlink_to(folder / "a.yaml")
    result = run_cli("score", str(folder), "--format", "csv")
    no_traceback(result)
    assert result.returncode == 2  # the FIFO is not a program file
    assert f"{folder / 'pipe.yaml'}:1:1: error: not a regular file" in result.stderr
    assert f"{folder / 'link.yaml'}:1:1: warning: a link out of the folder" in result.stderr
    assert f"{folder / 'elsewhere'}:1:1: warning: a link out of the folder" in result.stderr
    assert "hunter2" not in result.stdout + result.stderr
    ids = [row["id"] for row in csv.DictReader(io.StringIO(result.stdout))]
    assert ids == ["reference", "reference"]  # a.yaml and the link inside the folder


@pytest.mark.slow  # a stress case: over a thousand nested folders
def test_a_folder_nested_deeper_than_the_recursion_limit_is_walked() -> None:
    # Outside pytest's tmp_path: its recursive clean-up would overflow on such a tree.
    top = deepest = Path(tempfile.mkdtemp(prefix="testerterms-deep-"))
    try:
        for _ in range(sys.getrecursionlimit() + 200):
            deepest = deepest / "d"
            deepest.mkdir()
        shutil.copy(VALID, deepest / "deep.yaml")
        found = [p for p in testerterms.loading.walk(top) if isinstance(p, Path)]
        assert found == [deepest / "deep.yaml"]
    finally:
        with contextlib.suppress(FileNotFoundError):
            (deepest / "deep.yaml").unlink()
        while deepest != top.parent:
            with contextlib.suppress(FileNotFoundError):
                deepest.rmdir()
            deepest = deepest.parent


def test_closed_standard_streams_are_no_traceback() -> None:
    result = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m testerterms rules >&-"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    no_traceback(result)
    assert result.returncode == 0


# --- names, NUL bytes, empty paths -------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["score", LONG],
        ["validate", LONG],
        ["score", str(SORA), "--profile", LONG + ".yaml"],
        ["init", LONG + ".yaml"],
        ["schema", "-o", LONG + ".json"],
    ],
    ids=["score", "validate", "profile", "init", "schema"],
)
def test_a_300_character_name_is_one_line_and_exit_2(tmp_path: Path, command: list[str]) -> None:
    result = run_cli(*command, cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(lines) == 1 and "too long" in lines[0], result.stderr


def test_an_empty_path_is_a_usage_error_not_the_current_folder(tmp_path: Path) -> None:
    shutil.copy(VALID, tmp_path / "a.yaml")
    for command in ("score", "validate"):
        result = run_cli(command, "", cwd=tmp_path)
        no_traceback(result)
        assert result.returncode == 2
        assert "reference" not in result.stdout


def test_nul_bytes_in_paths_are_load_errors() -> None:
    result = load_programs("a\x00b.yaml")
    assert not result.ok and "NUL byte" in result.problems[0].message
    with pytest.raises(LoadError, match="NUL byte"):
        load_program("a\x00b.yaml")


# --- the library takes a path as a path ----------------------------------------------------------


def test_load_programs_takes_one_path_as_one_path(tmp_path: Path, monkeypatch: object) -> None:
    one = load_programs(str(SORA))
    assert [p.id for p in one.programs] == ["sora-alpha-artists"]
    assert [p.id for p in load_programs(SORA).programs] == ["sora-alpha-artists"]
    assert len(load_programs([str(SORA), VALID]).programs) == 2
    assert len(load_programs(str(PROGRAMS)).programs) == len(list(PROGRAMS.glob("*.yaml")))
    with pytest.raises(TypeError):
        load_programs([1])  # type: ignore[list-item]


def test_the_walk_is_a_stream_in_sorted_order(tmp_path: Path) -> None:
    for name in ("b.yaml", "a/z.yaml", "a/b.yml", "c.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        shutil.copy(VALID, tmp_path / name)
    walk = testerterms.loading.walk(tmp_path)
    assert iter(walk) is walk  # a generator, not a list
    assert [p.relative_to(tmp_path).as_posix() for p in walk if isinstance(p, Path)] == [
        "a/b.yml",
        "a/z.yaml",
        "b.yaml",
    ]


# --- output that cannot be written ---------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize(
    "command",
    [
        ["schema"],
        ["rules"],
        ["score", "--format", "json"],
        ["--help"],  # argparse itself ignores a write that fails
        ["score", "--help"],
        ["--version"],
    ],
)
def test_a_full_disk_is_one_line_and_exit_2(command: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "testerterms", *command],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            timeout=120,
        )
    no_traceback(result)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == (
        "testerterms: error: cannot write the output: No space left on device"
    )


@pytest.mark.parametrize("command", [["rules"], ["score"], ["score", "--details"], ["profiles"]])
def test_an_ascii_terminal_gets_escapes_not_a_traceback(command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "testerterms", *command],
        capture_output=True,
        cwd=REPO,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    result.stdout.decode("ascii")  # nothing but ASCII reached the stream


def many_invalid_files(folder: Path, count: int = 400) -> Path:
    for index in range(count):
        (folder / f"bad-{index:04d}.yaml").write_text("id: x\n", encoding="utf-8")
    return folder


def test_a_closed_pipe_keeps_the_failing_status_under_pipefail(tmp_path: Path) -> None:
    folder = many_invalid_files(tmp_path)
    command = f"set -o pipefail; {sys.executable} -m testerterms validate --format github {folder}"
    result = subprocess.run(
        ["bash", "-c", command + " | head -1"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    no_traceback(result)
    assert result.returncode == 1
    assert result.stdout.startswith("::error ")
    ok = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {sys.executable} -m testerterms rules | head -1"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    no_traceback(ok)
    assert ok.returncode == 0


def test_a_reader_that_goes_away_early_leaves_one_status_and_no_noise(tmp_path: Path) -> None:
    folder = many_invalid_files(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "testerterms", "validate", "--format", "github", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # the reader is gone while the command still writes
    _, err = process.communicate(timeout=120)
    stderr = err.decode()
    assert process.returncode == 1
    assert "Traceback" not in stderr and "Exception ignored" not in stderr


# --- Ctrl-C at any point --------------------------------------------------------------------------


def test_ctrl_c_during_the_imports_is_one_line_and_130() -> None:
    """``-X importtime`` reports each import as it ends: interrupt once the package starts."""
    process = subprocess.Popen(
        [sys.executable, "-X", "importtime", "-m", "testerterms", "score"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert process.stderr is not None
    seen = []
    for line in process.stderr:
        seen.append(line)
        if "testerterms._entry" in line:
            process.send_signal(signal.SIGINT)
            break
    _, rest = process.communicate(timeout=120)
    status = process.returncode
    assert status == 130, rest
    assert "Traceback" not in rest and "KeyboardInterrupt" not in rest
    assert rest.strip().splitlines()[-1] == "testerterms: interrupted"


def test_ctrl_c_while_scoring_is_one_line_and_130(tmp_path: Path) -> None:
    for index in range(300):
        shutil.copy(SORA, tmp_path / f"{index:04d}.yaml")
    process = subprocess.Popen(
        [sys.executable, "-m", "testerterms", "score", str(tmp_path), "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()  # main() is running: the first program has been written
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)  # a command that does not end fails here
    assert process.returncode == 130
    assert stderr.strip().splitlines() == ["testerterms: interrupted"]


# --- writes --------------------------------------------------------------------------------------


def test_force_over_a_setuid_file_writes_an_ordinary_file(tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    target.write_text("{}")
    target.chmod(0o6755 | stat.S_ISVTX)
    result = run_cli("schema", "-o", str(target), "--force")
    assert result.returncode == 0, result.stderr
    mode = target.stat().st_mode
    assert not mode & (stat.S_ISUID | stat.S_ISGID | stat.S_ISVTX)
    assert stat.S_IMODE(mode) == 0o755


def test_sigterm_during_a_write_removes_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from testerterms import _output

    def terminated(fd: int) -> None:
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(_output.os, "fsync", terminated)
    with pytest.raises(SystemExit) as caught:
        _output.write_file(tmp_path / "out.json", "{}")
    assert caught.value.code == 128 + signal.SIGTERM
    assert list(tmp_path.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
