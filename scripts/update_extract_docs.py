"""Regenerate the coverage table of docs/extract.md from the spotters' docstrings.

python scripts/update_extract_docs.py          # rewrite docs/extract.md in place
python scripts/update_extract_docs.py --check  # exit 1 when docs/extract.md is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

from testerterms.extract._docs import render

DOC = Path(__file__).resolve().parent.parent / "docs" / "extract.md"


def main(argv: list[str]) -> int:
    current = DOC.read_text(encoding="utf-8")
    fresh = render(current)
    if "--check" in argv:
        if fresh != current:
            print("docs/extract.md is stale: run python scripts/update_extract_docs.py")
            return 1
        return 0
    DOC.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
