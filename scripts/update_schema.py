"""Rebuild ``schema/program.schema.json`` from the program model.

    python scripts/update_schema.py          # rewrite the schema in place
    python scripts/update_schema.py --check  # exit 1 when the schema is stale

``testerterms schema`` prints this file (it ships in the wheel as
``testerterms/program.schema.json``), so that the command does not build the program model;
a test fails when the file no longer matches the model.
"""

from __future__ import annotations

import sys
from pathlib import Path

from testerterms._schema import schema_text

SCHEMA = Path(__file__).resolve().parent.parent / "schema" / "program.schema.json"


def main(argv: list[str]) -> int:
    text = schema_text()
    current = SCHEMA.read_text(encoding="utf-8") if SCHEMA.is_file() else None
    if "--check" in argv:
        if current != text:
            print(f"{SCHEMA} is stale: run python scripts/update_schema.py", file=sys.stderr)
            return 1
        return 0
    if current != text:
        SCHEMA.write_text(text, encoding="utf-8")
        print(f"wrote {SCHEMA}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
