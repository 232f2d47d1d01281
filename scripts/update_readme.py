"""Regenerate the blocks of README.md that the tool itself prints.

    python scripts/update_readme.py          # rewrite README.md in place
    python scripts/update_readme.py --check  # exit 1 when README.md is stale

A block sits between ``<!-- generated: NAME -->`` and ``<!-- end: NAME -->``; each holds
the output of one command, run on the bundled programs and profiles.
"""

from __future__ import annotations

import io
import re
import sys
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


def render(text: str) -> str:
    for name, args in COMMANDS.items():
        pattern = re.compile(rf"(<!-- generated: {name} -->\n).*?(<!-- end: {name} -->)", re.DOTALL)
        if not pattern.search(text):
            raise SystemExit(f"README.md has no block '{name}'")
        block = f"<!-- `testerterms {' '.join(args)}` -->\n\n{command_output(args)}\n"
        text = pattern.sub(lambda m, block=block: m.group(1) + block + m.group(2), text)
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
