"""Big folders: load + validate + score N generated program files, against parsing them alone.

DESIGN target: at most 2x the time yaml's CSafeLoader takes to parse the same files, with
memory that does not grow with the number of files in `jsonl` output (compared here between
N/10 and N files).

    python benchmarks/bench_bulk.py [--files 10000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path

from _measure import PYTHON, side_by_side

TARGET = 2.0

PARSE_ONLY = """
import sys, pathlib, yaml
loader = yaml.CSafeLoader
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml")):
    with open(path, encoding="utf-8") as handle:
        yaml.load(handle, Loader=loader)
"""

VALUES = {
    "compensation": {
        "money": ["none", "some", "per-result", "everyone"],
        "in_kind": [True, False],
        "hourly_rate": [10, 25, 60],
    },
    "content_review": {
        "pre_approval": ["none", "narrow", "all"],
        "criteria_published": [True, False],
        "response_days": [7, 30],
        "release_on_silence": [True, False],
    },
    "credit": {
        "attribution": ["none", "selected", "everyone"],
        "marketing_use": [True, False],
        "marketing_pay": [True, False],
        "marketing_consent": ["none", "opt-out", "opt-in"],
    },
    "confidentiality": {
        "nda": [True, False],
        "scope": ["broad", "narrow"],
        "ends_at_release": [True, False],
        "own_experience": [True, False],
    },
    "ownership": {
        "outputs": ["participant", "shared", "organization"],
        "data_use": ["none", "disclosed", "undisclosed"],
    },
    "expectations": {
        "written_terms": [True, False],
        "role": ["tester", "creative-partner"],
        "states_compensation": [True, False],
    },
    "voice": {"channel": [True, False], "organising": [True, False]},
    "access": {
        "credentials": ["per-participant", "shared"],
        "revocation": ["individual", "collective"],
    },
}


def program_text(index: int, rnd: random.Random) -> str:
    lines = [
        f"id: generated-{index}",
        f"name: Generated program {index}",
        "organization: Example",
        "kind: beta",
        "sources:",
        "  T: {title: Program terms, party: organization, url: 'https://example.org/terms'}",
        "  P: {title: Testers' account, party: participants, url: 'https://example.org/letter'}",
        "terms:",
    ]
    for section, terms in VALUES.items():
        lines.append(f"  {section}:")
        lines.append("    source: T")
        for name, choices in terms.items():
            if rnd.random() < 0.3:
                continue
            value = rnd.choice(choices)
            text = str(value).lower() if isinstance(value, bool) else value
            if rnd.random() < 0.5:
                lines.append(f"    {name}: {text}")
            else:
                source = rnd.choice("TP")
                lines.append(f'    {name}: {{value: {text}, source: {source}, quote: "as stated"}}')
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, count: int) -> None:
    rnd = random.Random(20241126)
    for index in range(count):
        (folder / f"generated-{index:05d}.yaml").write_text(
            program_text(index, rnd), encoding="utf-8"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as root:
        big, small = Path(root, "big"), Path(root, "small")
        big.mkdir()
        small.mkdir()
        write_corpus(big, args.files)
        write_corpus(small, max(1, args.files // 10))
        score = [PYTHON, "-m", "testerterms", "score", "--format", "jsonl"]
        results = side_by_side(
            {
                f"CSafeLoader parse, {args.files} files": [PYTHON, "-c", PARSE_ONLY, str(big)],
                f"testerterms score --format jsonl, {args.files} files": [*score, str(big)],
                f"testerterms score --format jsonl, {args.files // 10} files": [*score, str(small)],
            },
            args.rounds,
        )
    for name, (seconds, peak) in results.items():
        print(f"{name:50} {seconds:8.2f} s  {peak / 1024:7.1f} MiB peak")
    (base, _), (ours, big_peak), (_, small_peak) = results.values()
    ratio = ours / base
    growth = big_peak / small_peak
    print(
        f"time ratio: {ratio:.2f}x (target <= {TARGET}x) -> "
        + ("met" if ratio <= TARGET else "NOT met")
    )
    print(
        f"memory, {args.files} files vs {args.files // 10}: {growth:.2f}x "
        f"({'flat' if growth < 1.25 else 'grows'})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
