"""The library as Python developers import it."""

from __future__ import annotations

import testerterms
from testerterms import LoadError, load_profile, load_programs, parse_program, score

from .conftest import PROGRAMS


def test_all_is_sorted_and_names_every_public_member() -> None:
    public = {name for name in dir(testerterms) if not name.startswith("_")} - {
        # submodules, reachable but not the API
        "advice",
        "errors",
        "loading",
        "model",
        "profiles",
        "rules",
        "scoring",
        "render",
        "report",
        "cli",
    }
    assert set(testerterms.__all__) - {"__version__"} == public
    constants_classes_functions = sorted(
        testerterms.__all__, key=lambda n: (0 if n.isupper() else 1 if n[0].isupper() else 2, n)
    )
    assert testerterms.__all__ == constants_classes_functions


def test_loading_and_scoring_never_print(capsys: object) -> None:
    result = load_programs([PROGRAMS])
    cards = [score(p, load_profile()) for p in result.programs]
    captured = capsys.readouterr()  # type: ignore[attr-defined]
    assert cards and captured.out == "" and captured.err == ""


def test_load_errors_carry_path_line_column_and_message() -> None:
    try:
        parse_program("id: x\nname: [unclosed\n", "inline.yaml")
    except LoadError as exc:
        assert (exc.path, exc.line) == ("inline.yaml", 3)
        assert exc.col >= 1 and exc.msg.startswith("YAML syntax")
    else:  # pragma: no cover
        raise AssertionError("expected a LoadError")


def test_load_programs_with_no_path_reads_the_bundled_programs() -> None:
    result = load_programs()
    assert result.ok
    assert {"sora-alpha-artists", "reference"} <= {p.id for p in result.programs}
