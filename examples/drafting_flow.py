"""The drafting flow a guild follows: the Sora program -> a proposal to send -> the
company's revised terms -> a counter-proposal and what changed.

    python examples/drafting_flow.py [FOLDER]      # default folder: ./drafting-flow

Writes FOLDER/proposal.md (what to ask for first, then section by section),
FOLDER/sora-b.yaml (here the smallest changes to grade B stand in for the company's revised
terms) and FOLDER/round-2.md (which asks the revision meets, and what to ask for now); never
over existing files. The same from the command line:

    testerterms draft sora-alpha-artists -o proposal.md        # or -o proposal.docx
    testerterms suggest sora-alpha-artists --target B -o sora-b.yaml
    testerterms draft sora-alpha-artists --against sora-b.yaml -o round-2.md
    testerterms diff sora-alpha-artists sora-b.yaml --fail-if-worse
"""

from __future__ import annotations

import sys
from pathlib import Path

import testerterms


def main(args: list[str]) -> int:
    folder = Path(args[0] if args else "drafting-flow")
    program = testerterms.load_program("sora-alpha-artists")
    proposal = testerterms.draft(program, "articles")
    for item in proposal.priorities[:3]:
        print(f"ask {item.rank}: {item.title} -> grade {item.grade or 'none yet'}")

    revised = testerterms.suggest(program, "articles", "B").program
    revised = revised.model_copy(update={"id": "sora-b"})
    answer = testerterms.draft(program, "articles", against=revised)
    assert answer.round is not None
    for response in answer.round.responses:
        print(f"{response.rule}: {response.verdict}")
    change = testerterms.diff(program, revised, "articles")
    print(testerterms.render_diff(change))

    written = {
        folder / "proposal.md": testerterms.render_term_sheet(proposal),
        folder / "sora-b.yaml": testerterms.dump_program(revised),
        folder / "round-2.md": testerterms.render_term_sheet(answer),
    }
    taken = [str(path) for path in written if path.exists()]
    if taken:
        print(f"drafting_flow: not overwriting {', '.join(taken)}", file=sys.stderr)
        return 2
    folder.mkdir(parents=True, exist_ok=True)
    for path, text in written.items():
        path.write_text(text, encoding="utf-8")
    print(f"wrote {', '.join(str(path) for path in written)}")
    return 1 if change.worse else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
