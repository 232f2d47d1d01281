"""Regenerate the blocks of README.md that the tool itself prints.

    python scripts/update_readme.py          # rewrite README.md in place
    python scripts/update_readme.py --check  # exit 1 when README.md is stale

A block sits between ``<!-- generated: NAME -->`` and ``<!-- end: NAME -->``; each holds
the output of one command, run on the bundled programs and profiles, or (``matrix``) the
bundled programs' grades under every bundled profile, side by side.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable
from pathlib import Path

from testerterms.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"
COMMANDS: dict[str, list[str]] = {
    "score": ["score", "--format", "markdown"],
    "rules": ["rules", "--format", "markdown"],
}


def command_output(args: list[str]) -> str:
    out, err = io.StringIO(), io.StringIO()
    status = main(args, out, err)
    if status not in (0, 1):
        raise SystemExit(f"testerterms {' '.join(args)} failed ({status}): {err.getvalue()}")
    return out.getvalue()


def grade_matrix() -> str:
    """Every bundled program (rows) under every bundled profile (columns): the grade with the
    score and the coverage; where the evidence is too thin for a grade, "–" with the range
    the score could still take and the coverage (no bare score for an ungraded program)."""
    from tabulate import tabulate

    from testerterms import bundled_profiles, load_profile, load_programs, score

    first = ["articles", "testers-letter", "industry-practice"]
    names = first + [n for n in bundled_profiles() if n not in first]
    profiles = [load_profile(n) for n in names]
    result = load_programs()
    if result.problems:
        raise SystemExit(f"bundled programs failed to load: {result.problems}")
    rows = []
    for program in sorted(result.programs, key=lambda p: p.id):
        row = [program.id]
        for profile in profiles:
            card = score(program, profile)
            coverage = f"{card.coverage * 100:.0f}%"
            if card.grade is not None and card.score is not None:
                row.append(f"{card.grade} ({card.score:.0f}, {coverage})")
            else:
                worst, best = card.range
                row.append(f"– ({worst:.0f}–{best:.0f}, {coverage})")
        rows.append(row)
    table = tabulate(rows, headers=["program", *names], tablefmt="github", disable_numparse=True)
    return table + "\n"


GENERATORS: dict[str, tuple[str, Callable[[], str]]] = {
    "matrix": ("scripts/update_readme.py: grades under every bundled profile", grade_matrix),
}


def _replace(text: str, name: str, block: str) -> str:
    pattern = re.compile(rf"(<!-- generated: {name} -->\n).*?(<!-- end: {name} -->)", re.DOTALL)
    if not pattern.search(text):
        raise SystemExit(f"README.md has no block '{name}'")
    return pattern.sub(lambda m: m.group(1) + block + m.group(2), text)


def render(text: str) -> str:
    for name, args in COMMANDS.items():
        block = f"<!-- `testerterms {' '.join(args)}` -->\n\n{command_output(args)}\n"
        text = _replace(text, name, block)
    for name, (what, generate) in GENERATORS.items():
        text = _replace(text, name, f"<!-- {what} -->\n\n{generate()}\n")
    return text


def main_script(argv: list[str]) -> int:
    current = README.read_text(encoding="utf-8")
    fresh = render(current)
    if "--check" in argv:
        return 0 if fresh == current else 1
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main_script(sys.argv[1:]))
