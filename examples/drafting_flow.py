"""The drafting flow a guild follows: the Sora program -> the smallest changes to grade B
-> a term sheet to send -> what changed.

    python examples/drafting_flow.py [FOLDER]      # default folder: ./drafting-flow

Writes FOLDER/sora-b.yaml (the changed program) and FOLDER/term-sheet.md; never over
existing files. The same from the command line:

    testerterms suggest sora-alpha-artists --target B -o sora-b.yaml
    testerterms draft sora-b.yaml -o term-sheet.md
    testerterms diff sora-alpha-artists sora-b.yaml --fail-if-worse
"""

from __future__ import annotations

import sys
from pathlib import Path

import testerterms


def main(args: list[str]) -> int:
    folder = Path(args[0] if args else "drafting-flow")
    program = testerterms.load_program("sora-alpha-artists")
    suggestion = testerterms.suggest(program, "articles", "B")
    print(testerterms.render_suggestion(suggestion))
    proposed = suggestion.program.model_copy(update={"id": "sora-b"})
    sheet = testerterms.render_term_sheet(testerterms.draft(proposed, "articles"))
    change = testerterms.diff(program, proposed, "articles")
    print(testerterms.render_diff(change))

    written = {folder / "sora-b.yaml": testerterms.dump_program(proposed)}
    written[folder / "term-sheet.md"] = sheet
    taken = [str(path) for path in written if path.exists()]
    if taken:
        print(f"drafting_flow: not overwriting {', '.join(taken)}", file=sys.stderr)
        return 2
    folder.mkdir(parents=True, exist_ok=True)
    for path, text in written.items():
        path.write_text(text, encoding="utf-8")
    print(f"wrote {folder / 'sora-b.yaml'} and {folder / 'term-sheet.md'}")
    return 1 if change.worse else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
