"""Agreement between readers of the codebook (issue 18, part 5).

Two readers who see only ``docs/codebook.md`` and a packet of sources and quotes code the same
programs on a blank coding sheet. This script writes the packets and sheets, and measures how
far two filled sheets agree with each other and with the bundled program files: per term, per
program, and as Krippendorff's alpha for nominal data.

    python benchmarks/agreement.py prepare              # rewrite benchmarks/agreement/
    python benchmarks/agreement.py measure DIR_A DIR_B  # each DIR holds filled sheets
    python benchmarks/agreement.py measure A.yaml B.yaml [--json]

``measure`` needs the ``krippendorff`` package (the ``test`` extra installs it): alpha is
computed by that maintained implementation, not by hand here.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Final, Literal, get_args, get_origin

import yaml
from pydantic import BaseModel

REPO: Final = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from testerterms import CATALOGUE, load_profile  # noqa: E402
from testerterms.loading import bundled_programs_dir, load_program  # noqa: E402
from testerterms.model import Program, Terms  # noqa: E402

HERE: Final = REPO / "benchmarks" / "agreement"
PROGRAMS: Final = (
    "sora-alpha-artists",
    "hackerone-disclosure-guidelines",
    "playtestcloud",
    "hypernatural-creative-partnership",
    "google-gemini-earth-trusted-tester",
)
"""The five programs the readers code: the corpus files with the most facts of their kind."""

UNKNOWN: Final = "unknown"
DISPUTED: Final = "disputed"


# --- what the readers get ------------------------------------------------------------------


def sheet_terms(program: Program) -> list[str]:
    """The terms a sheet asks about: every term the `articles` rules read, and every other term
    the bundled file writes a value for. Schema order."""
    profile = load_profile("articles")
    asked = {key for code in profile.rules for key in CATALOGUE[code].terms}
    asked |= {key for key, term in program.terms.items() if term.facts}
    return [key for key, _ in program.terms.items() if key in asked]


def allowed(key: str) -> str:
    """The values a term takes, in words, for the sheet's comment."""
    value_type = Terms.value_type(key)
    while get_origin(value_type) is Annotated:  # StrictBool, NonNegative
        value_type = get_args(value_type)[0]
    if get_origin(value_type) is Literal:
        return " | ".join(get_args(value_type))
    if get_origin(value_type) is tuple:
        (item,) = get_args(value_type)[:1]
        return "a list of: " + ", ".join(get_args(item))
    if isinstance(value_type, type) and issubclass(value_type, BaseModel):
        return "{hours: N, up_to: N, per: week|month|year|program, bound: about|at-least|at-most}"
    if value_type is bool:
        return "true | false"
    if value_type is str:
        return "text"
    return "a number"


SET_ASIDE: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "sora-alpha-artists": (
        (
            "S1",
            "Hundreds of artists provide unpaid labor through bug testing, feedback and "
            "experimental work for the program for a $150B valued company.",
        ),
        ("seed-001", "testers are informed about the nature of their participation"),
        ("seed-003", "felt misled about their role and contribution"),
    ),
    "hackerone-disclosure-guidelines": (
        ("X4", "Give finders public recognition for their contributions."),
        (
            "D5",
            "An email will be sent to the hacker telling them that they can no longer "
            "submit reports to the program.",
        ),
        (
            "D6",
            "Not take unreasonable punitive actions against researchers, like making legal "
            "threats or referring matters to law enforcement.",
        ),
        (
            "D6",
            "Operate within the rules set forth by the Response Team, or speak up if in "
            "strong disagreement with the rules.",
        ),
    ),
    "playtestcloud": (
        ("D34a", "Have more than one account with PlaytestCloud;"),
        (
            "D34a",
            "Both positive and negative opinions are very welcome! The best comments are "
            "fair and useful.",
        ),
    ),
    "hypernatural-creative-partnership": (
        ("D38", "Optional feedback, community access, or informal check-ins"),
        ("D38", "Participation in CPP does not require creating any videos"),
    ),
    "google-gemini-earth-trusted-tester": (
        (
            "G1",
            "If you provide Feedback, it must (A) be truthful; (B) originate only from you; "
            "and (C) not contain any third party's Confidential Information.",
        ),
    ),
}
"""Quotes the re-read weighed and set aside (they stay in the files' notes and comments), given
to the readers too: a packet of only the quotes that give a value would tell them that each
quote gives one."""


@dataclass
class Quote:
    text: str
    sources: tuple[str, ...]


def packet_quotes(program: Program) -> list[Quote]:
    """Each distinct quote the file's terms rest on, and those the re-read set aside, by
    source, then alphabetically (so that the order gives away nothing about which term, if
    any, a quote was used for)."""
    found: dict[tuple[tuple[str, ...], str], Quote] = {}
    written = [
        (fact.source, fact.quote) for _, term in program.terms.items() for fact in term.facts
    ]
    written += [((sid,), text) for sid, text in SET_ASIDE.get(program.id, ())]
    for sources, quote in written:
        if quote:
            text = " ".join(quote.split())
            found.setdefault((sources, text), Quote(text, sources))
    return sorted(found.values(), key=lambda q: (q.sources, q.text.casefold()))


def packet_text(program: Program) -> str:
    lines = [
        f"# Packet: {program.name}",
        "",
        f"Organization: {program.organization}. Read `benchmarks/agreement/README.md` first.",
        "Code only from these quotes and `docs/codebook.md`. The quotes are in no particular",
        "order; one quote may state several terms, or none of the terms on the sheet.",
        "",
        "## Sources",
        "",
        "| id | title | publisher | party | date | address read |",
        "|---|---|---|---|---|---|",
    ]
    for sid, source in program.sources.items():
        where = ", ".join([source.url or source.seed or "", *source.mirrors])
        publisher = source.publisher or ""
        if source.via:
            publisher += f" (text of {source.via})"
        lines.append(
            f"| {sid} | {_cell(source.title)} | {_cell(publisher)} | {source.party} | "
            f"{source.date or ''} | {_cell(where)} |"
        )
    lines += ["", "## Quotes", ""]
    for number, quote in enumerate(packet_quotes(program), start=1):
        lines.append(f"- **Q{number}** [{', '.join(quote.sources)}] “{quote.text}”")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "/").replace("\n", " ")


def sheet_text(program: Program) -> str:
    lines = [
        f"# Coding sheet for {program.id}: read benchmarks/agreement/README.md first.",
        "# For each term: the value the quotes state (or `unknown`, or `disputed` when sources",
        "# disagree), the ids of the quotes it rests on, and who speaks where that is not the",
        "# source's party (`organization` when a press source quotes the company by name).",
        f"program: {program.id}",
        f"packet: packets/{program.id}.md",
        'reader: ""',
        "terms:",
    ]
    for key in sheet_terms(program):
        lines += [
            f"  {key}:",
            f"    value: {UNKNOWN}  # {allowed(key)}",
            "    quotes: []",
            "    speaker: null",
        ]
    return "\n".join(lines) + "\n"


def prepare(out: Path = HERE) -> list[Path]:
    """Write a packet and a blank sheet for each program; return the paths written."""
    written = []
    for folder, render in (("packets", packet_text), ("sheets", sheet_text)):
        (out / folder).mkdir(parents=True, exist_ok=True)
        for program_id in PROGRAMS:
            program = load_program(bundled_programs_dir() / f"{program_id}.yaml")
            path = out / folder / f"{program_id}.{'md' if folder == 'packets' else 'yaml'}"
            path.write_text(render(program), encoding="utf-8")
            written.append(path)
    return written


# --- what the readers give back --------------------------------------------------------------


def canonical(value: Any) -> str:
    """One value as a category: ``unknown``, ``disputed``, ``true``, ``per-result``, ``60``,
    ``[a, b]`` (a list, sorted), ``{...}`` (a mapping, as sorted JSON)."""
    if value is None:
        return UNKNOWN
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(sorted(canonical(item) for item in value)) + "]"
    if isinstance(value, BaseModel):
        value = value.model_dump(exclude_defaults=True)
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True)
    return str(value).strip()


def bundled_values(program_id: str) -> dict[str, str]:
    program = load_program(bundled_programs_dir() / f"{program_id}.yaml")
    values = {}
    for key, term in program.terms.items():
        if term.disputed:
            values[key] = DISPUTED
        elif term.known:
            values[key] = canonical(term.value)
        else:
            values[key] = UNKNOWN
    return values


@dataclass
class Sheet:
    program: str
    reader: str
    values: dict[str, str | None]
    """Each term's value as a category; None where the reader left it blank."""


def read_sheet(path: Path) -> Sheet:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    values: dict[str, str | None] = {}
    for key, entry in (data.get("terms") or {}).items():
        raw = entry.get("value") if isinstance(entry, dict) else entry
        values[key] = None if raw in (None, "") else canonical(raw)
    return Sheet(str(data["program"]), str(data.get("reader") or path.parent.name), values)


@dataclass
class Unit:
    program: str
    term: str
    a: str | None
    b: str | None
    bundled: str


@dataclass
class Report:
    units: list[Unit] = field(default_factory=list)

    def per_term(self) -> dict[str, tuple[int, int]]:
        """term -> (units where both readers coded it and agree, units both coded)."""
        counts: dict[str, list[int]] = {}
        for unit in self.units:
            if unit.a is None or unit.b is None:
                continue
            agree, total = counts.setdefault(unit.term, [0, 0])
            counts[unit.term] = [agree + (unit.a == unit.b), total + 1]
        return {term: (agree, total) for term, (agree, total) in counts.items()}

    def agreement(self, first: str, second: str, program: str | None = None) -> float:
        pairs = [
            (getattr(u, first), getattr(u, second))
            for u in self.units
            if program in (None, u.program)
            and getattr(u, first) is not None
            and getattr(u, second) is not None
        ]
        return sum(x == y for x, y in pairs) / len(pairs) if pairs else math.nan

    def alpha(self, coders: Sequence[str], program: str | None = None) -> float:
        units = [u for u in self.units if program in (None, u.program)]
        return krippendorff_alpha([[getattr(u, c) for u in units] for c in coders])


def krippendorff_alpha(rows: Sequence[Sequence[str | None]]) -> float:
    """Krippendorff's alpha for nominal data: one row per coder, one column per unit, None for
    a value missing. Computed by the `krippendorff` package."""
    import krippendorff
    import numpy as np

    categories = sorted({value for row in rows for value in row if value is not None})
    index = {value: number for number, value in enumerate(categories)}
    data = np.array(
        [[np.nan if value is None else index[value] for value in row] for row in rows],
        dtype=float,
    )
    if len(categories) < 2:  # every value alike: the package cannot divide by no variation
        return 1.0 if len(categories) == 1 else math.nan
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def compare(pairs: Iterable[tuple[Sheet, Sheet]]) -> Report:
    report = Report()
    for first, second in pairs:
        if first.program != second.program:
            raise SystemExit(f"sheets for different programs: {first.program}, {second.program}")
        bundled = bundled_values(first.program)
        for term in [t for t in first.values if t in second.values]:
            report.units.append(
                Unit(first.program, term, first.values[term], second.values[term], bundled[term])
            )
    return report


def render(report: Report) -> str:
    programs = list(dict.fromkeys(u.program for u in report.units))
    out = ["# Agreement between two readers of docs/codebook.md", ""]
    out += ["| program | units | A = B | A = file | B = file | alpha (A, B) | alpha (A, B, file) |"]
    out += ["|---|---|---|---|---|---|---|"]
    for program in [*programs, None]:
        units = [u for u in report.units if program in (None, u.program)]
        out.append(
            f"| {program or '**all**'} | {len(units)} "
            f"| {_share(report.agreement('a', 'b', program))} "
            f"| {_share(report.agreement('a', 'bundled', program))} "
            f"| {_share(report.agreement('b', 'bundled', program))} "
            f"| {_number(report.alpha(('a', 'b'), program))} "
            f"| {_number(report.alpha(('a', 'b', 'bundled'), program))} |"
        )
    out += ["", "Per term (over the programs whose sheets both code it):", ""]
    out += ["| term | A = B | units |", "|---|---|---|"]
    for term, (agree, total) in sorted(report.per_term().items(), key=lambda x: x[1][0] / x[1][1]):
        out.append(f"| {term} | {_share(agree / total)} | {total} |")
    out += ["", "Where the readers disagree:", ""]
    out += ["| program | term | A | B | file |", "|---|---|---|---|---|"]
    for unit in report.units:
        if unit.a != unit.b:
            out.append(f"| {unit.program} | {unit.term} | {unit.a} | {unit.b} | {unit.bundled} |")
    return "\n".join(out) + "\n"


def _share(value: float) -> str:
    return "–" if math.isnan(value) else f"{100 * value:.0f}%"


def _number(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:.2f}"


def _sheet_pairs(first: Path, second: Path) -> list[tuple[Sheet, Sheet]]:
    if first.is_dir() and second.is_dir():
        names = sorted(p.name for p in first.glob("*.yaml") if (second / p.name).is_file())
        return [(read_sheet(first / n), read_sheet(second / n)) for n in names]
    return [(read_sheet(first), read_sheet(second))]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("prepare", help="write the packets and blank sheets")
    measure = commands.add_parser("measure", help="compare two readers' filled sheets")
    measure.add_argument("first", type=Path, help="reader A's sheet, or folder of sheets")
    measure.add_argument("second", type=Path, help="reader B's sheet, or folder of sheets")
    measure.add_argument("--json", action="store_true", help="print the units as JSON")
    args = parser.parse_args(argv)
    if args.command == "prepare":
        for path in prepare():
            print(path.relative_to(REPO))
        return 0
    report = compare(_sheet_pairs(args.first, args.second))
    if args.json:
        print(json.dumps([unit.__dict__ for unit in report.units], indent=2))
    else:
        print(render(report), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
