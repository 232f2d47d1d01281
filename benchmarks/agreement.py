"""Agreement between readers of the codebook (issue 18, part 5).

Two readers who see only ``docs/codebook.md`` and a packet of sources and quotes code the same
programs on a blank coding sheet. This script writes the packets and sheets of a round, and
measures how far two filled sheets agree with each other and with the program files: per term,
per program, and as Krippendorff's alpha for nominal data.

    python benchmarks/agreement.py prepare round-2          # rewrite benchmarks/agreement/round-2/
    python benchmarks/agreement.py prepare --out DIR ID...  # packets and sheets for any programs
    python benchmarks/agreement.py measure DIR_A DIR_B      # each DIR holds filled sheets
    python benchmarks/agreement.py measure A.yaml B.yaml [--against DIR] [--json]
    python benchmarks/agreement.py key --out DIR FILE...    # program files as filled sheets
    python benchmarks/agreement.py overlap [ID...]          # packet quotes the codebook uses

``measure`` compares the readers with the bundled program files as they are now, or with
``--against`` a folder of sheets that hold the files' values at another time (``key`` writes
them). It needs the ``krippendorff`` package (the ``test`` extra installs it): alpha is computed
by that maintained implementation, not by hand here. Each round has a folder under
``benchmarks/agreement/``; a round whose readers have coded it is closed, and its packets and
sheets stay as its readers saw them.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
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
ROUNDS: Final[dict[str, tuple[str, ...]]] = {
    "round-1": (
        "sora-alpha-artists",
        "hackerone-disclosure-guidelines",
        "playtestcloud",
        "hypernatural-creative-partnership",
        "google-gemini-earth-trusted-tester",
    ),
    "round-2": (
        "microsoft-copilot-bounty",
        "halo-insider-program",
        "github-research-program",
        "microsoft-windows-insider",
        "openai-red-teaming-network",
    ),
}
"""The programs each round's readers code. Round 1: the corpus files with the most facts of
their kind. Round 2: five kinds of program (a bug bounty, a game's insider program, a research
panel, an operating system's beta, an AI red team) whose quotes the codebook does not use as
examples (``overlap`` checks it, and a test keeps it so)."""
CLOSED: Final = frozenset({"round-1", "round-2"})
"""Rounds whose readers have coded them: their packets and sheets are the record of what the
readers saw (the readers' sheets cite the packets' quote numbers), so ``prepare`` leaves them."""
READERS: Final[dict[str, tuple[str, str]]] = {
    "round-1": ("reader-a", "reader-b"),
    "round-2": ("reader-c", "reader-d"),
}
"""The folders of each closed round's two filled sheets, as the readers returned them."""
CODEBOOK: Final = REPO / "docs" / "codebook.md"
SHARED_WORDS: Final = 6
"""A packet quote and the codebook that share this many words in a row share a quote."""

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
        (
            "seed-003",
            "They claimed they were made to perform unpaid tasks like bug testing and feedback "
            "collection",
        ),
        (
            "S4",
            "those artists were asked to refrain from sharing confidential details during "
            "Sora's development.",
        ),
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
        # set aside in the second pass (docs/corpus-changes.md): kept so that every quote the
        # round-1 readers judged is still in the packet prepare writes
        ("D5", "Email aliases will be in the form of: <b>`[username]@wearehackerone.com`</b>"),
        ("D5", "it takes about 7-10 days to receive payments after it’s been awarded"),
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
        (
            "D38",
            "From time to time, Hypernatural may offer optional per-video stipends for select "
            "creative outputs created during CPP.",
        ),
        ("D38", "Current stipend amount: $25 USD per approved video"),
    ),
    "google-gemini-earth-trusted-tester": (
        (
            "G1",
            "If you provide Feedback, it must (A) be truthful; (B) originate only from you; "
            "and (C) not contain any third party's Confidential Information.",
        ),
    ),
    # round 2: each sentence the files' comments and notes weigh and set aside, whole
    "microsoft-copilot-bounty": (
        (
            "D23a",
            "The review time may vary depending on the complexity and completeness of your "
            "submission, but typically takes 2 weeks.",
        ),
        # set aside after round 2 (docs/corpus-changes.md, "Third pass"): a licence over
        # submissions, not over feedback; Microsoft's description of the practice of CVD, where
        # the duty rests on the bounty page's own words
        (
            "D20",
            "Opting out will not affect any licenses granted to Microsoft in any Submissions "
            "provided by you.",
        ),
        (
            "D25a",
            "The researcher allows the vendor the opportunity to diagnose and offer fully tested "
            "updates, workarounds, or other corrective measures before any party discloses "
            "detailed vulnerability or exploit information to the public.",
        ),
    ),
    "halo-insider-program": (
        (
            "H2",
            "The Halo Insider program is the new way Halo fans and community members can "
            "partner with 343 Industries to improve our games, products, and services.",
        ),
        # set aside after round 2: the press's retelling gives feedback_required no value
        (
            "H5",
            "This is actual developer/tester work and you are fully expected to be able to play "
            "the game, try to find creative ways to break it, and/or report any and all bugs "
            "discovered",
        ),
    ),
    "github-research-program": (
        (
            "R1",
            "We’re always trying to improve our products and services, and your feedback as a "
            "Program participant will help us do that.",
        ),
        (
            "R1",
            "This Agreement may only be modified by a written amendment signed by an authorized "
            "representative of GitHub.",
        ),
        (
            "R1",
            "You and GitHub agree to submit to the exclusive jurisdiction and venue of the "
            "courts located in the City and County of San Francisco, California.",
        ),
        # set aside after round 2: a fragment whose purposes are only "those", and a
        # reservation of rights from which ownership of outputs follows only by inference
        (
            "R1",
            "then we need the legal rights to use and analyze that information for those purposes.",
        ),
        (
            "R1",
            "Neither party acquires any intellectual property rights under this Agreement, "
            "unless expressly specified herein.",
        ),
    ),
    "microsoft-windows-insider": (
        (
            "B8",
            "Your privacy is important to us, so you're in control of how much of your data you "
            "share with us. But to run Windows 10 Insider Preview Builds, you must allow us to "
            "see a certain amount of diagnostic data, so we can investigate issues you might "
            "see, like crashes and bugs.",
        ),
    ),
    "openai-red-teaming-network": (
        (
            "R1",
            "Being part of the network means you may be contacted about opportunities to test a "
            "new model, or test an area of interest on a model that is already deployed.",
        ),
        (
            "R1",
            "No, OpenAI will make selections based on the right fit for a particular red "
            "teaming project, and you should not expect to test every new model.",
        ),
        # set aside after round 2: past practice; a figure given as what the time could be
        (
            "R1",
            "we have historically published many of our red teaming findings in System Cards "
            "and blog posts.",
        ),
        (
            "R3",
            "le temps qu'il y consacrera sera déterminé avec chacun d'entre eux, ce qui pourrait "
            "représenter entre 5 et 10 heures par an",
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


def packet_text(program: Program, instructions: str = "benchmarks/agreement/README.md") -> str:
    """The packet a reader codes from: the sources, and the quotes numbered Q1, Q2..."""
    lines = [
        f"# Packet: {program.name}",
        "",
        f"Organization: {program.organization}. Read `{instructions}` first.",
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


def sheet_text(program: Program, instructions: str = "benchmarks/agreement/README.md") -> str:
    """A blank coding sheet: every term of :func:`sheet_terms`, each ``unknown``."""
    lines = [
        f"# Coding sheet for {program.id}: read {instructions} first.",
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


def instructions_for(out: Path) -> str:
    """The instructions a packet points to: the README beside its folder, as a path from the
    repository when the folder is inside it."""
    readme = out.resolve() / "README.md"
    try:
        return readme.relative_to(REPO).as_posix()
    except ValueError:
        return readme.as_posix()


def prepare(program_ids: Sequence[str], out: Path) -> list[Path]:
    """Write a packet and a blank sheet for each program into ``out/packets`` and
    ``out/sheets``; return the paths written."""
    instructions = instructions_for(out)
    written = []
    for folder, render in (("packets", packet_text), ("sheets", sheet_text)):
        (out / folder).mkdir(parents=True, exist_ok=True)
        for program_id in program_ids:
            program = load_program(bundled_programs_dir() / f"{program_id}.yaml")
            path = out / folder / f"{program_id}.{'md' if folder == 'packets' else 'yaml'}"
            path.write_text(render(program, instructions), encoding="utf-8")
            written.append(path)
    return written


def _words(text: str) -> list[str]:
    """Words, case and typographic quotes folded, so that a quote matches however it is set."""
    folded = text.translate(str.maketrans("‘’“”", "''\"\"")).casefold()
    return re.findall(r"[\w$£%'.-]+", folded)


def codebook_overlap(program: Program, codebook: str | None = None) -> list[str]:
    """The quotes of a program's packet that share :data:`SHARED_WORDS` words in a row with the
    codebook (a quote shorter than that: the whole quote): the quotes the codebook uses as
    examples, which a reader of that program would find already coded."""
    words = _words(codebook if codebook is not None else CODEBOOK.read_text(encoding="utf-8"))
    runs = {tuple(words[i : i + SHARED_WORDS]) for i in range(len(words) - SHARED_WORDS + 1)}
    flat = " " + " ".join(words) + " "
    shared = []
    for quote in packet_quotes(program):
        quoted = _words(quote.text)
        if len(quoted) < SHARED_WORDS:
            if quoted and f" {' '.join(quoted)} " in flat:
                shared.append(quote.text)
        elif any(
            tuple(quoted[i : i + SHARED_WORDS]) in runs
            for i in range(len(quoted) - SHARED_WORDS + 1)
        ):
            shared.append(quote.text)
    return shared


def key_text(program: Program, reader: str) -> str:
    """A sheet filled with a program file's own values: the file as a third coder."""
    terms: dict[str, dict[str, Any]] = {}
    for key in sheet_terms(program):
        term = program.terms.term(key)
        value: Any = UNKNOWN
        if term.disputed:
            value = DISPUTED
        elif term.known:
            value = term.value
            if isinstance(value, BaseModel):
                value = value.model_dump(exclude_defaults=True)
            elif isinstance(value, tuple):
                value = list(value)
        terms[key] = {"value": value}
    document = {"program": program.id, "reader": reader, "terms": terms}
    header = f"# {program.id} as the program file codes it ({reader}).\n"
    return header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


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
        return json.dumps({key: _plain(item) for key, item in value.items()}, sort_keys=True)
    return str(value).strip()


def _plain(value: Any) -> Any:
    """A number inside a mapping as a reader writes it: ``5.0`` (a file's value) is ``5``."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


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


def compare(
    pairs: Iterable[tuple[Sheet, Sheet]], against: Mapping[str, Sheet] | None = None
) -> Report:
    """One unit per (program, term) both readers coded, beside the file's value: the bundled
    program file as it is now, or the sheet ``against`` holds for that program."""
    report = Report()
    for first, second in pairs:
        if first.program != second.program:
            raise SystemExit(f"sheets for different programs: {first.program}, {second.program}")
        if against is None:
            file: Mapping[str, str | None] = bundled_values(first.program)
        elif first.program in against:
            file = against[first.program].values
        else:
            raise SystemExit(f"no sheet for {first.program} in the folder given by --against")
        for term in [t for t in first.values if t in second.values]:
            report.units.append(
                Unit(
                    first.program,
                    term,
                    first.values[term],
                    second.values[term],
                    file.get(term, UNKNOWN),
                )
            )
    return report


def render(report: Report, file: str = "the bundled files as they are now") -> str:
    programs = list(dict.fromkeys(u.program for u in report.units))
    out = ["# Agreement between two readers of docs/codebook.md", ""]
    out += [f"The file: {file}.", ""]
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
    out += ["", "Where the readers agree and the file differs:", ""]
    out += ["| program | term | A and B | file |", "|---|---|---|---|"]
    for unit in report.units:
        if unit.a == unit.b and unit.a is not None and unit.a != unit.bundled:
            out.append(f"| {unit.program} | {unit.term} | {unit.a} | {unit.bundled} |")
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


def read_sheets(folder: Path) -> dict[str, Sheet]:
    """Every sheet of a folder, by program."""
    sheets = [read_sheet(path) for path in sorted(folder.glob("*.yaml"))]
    return {sheet.program: sheet for sheet in sheets}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    prep = commands.add_parser("prepare", help="write the packets and blank sheets of a round")
    prep.add_argument("round", nargs="?", choices=sorted(ROUNDS), help="a round's folder")
    prep.add_argument("--out", type=Path, help="write here instead, for the programs named")
    prep.add_argument("programs", nargs="*", default=[], help="program ids (with --out)")
    measure = commands.add_parser("measure", help="compare two readers' filled sheets")
    measure.add_argument("first", type=Path, help="reader A's sheet, or folder of sheets")
    measure.add_argument("second", type=Path, help="reader B's sheet, or folder of sheets")
    measure.add_argument(
        "--against", type=Path, help="a folder of sheets that hold the file's values (from key)"
    )
    measure.add_argument("--json", action="store_true", help="print the units as JSON")
    key = commands.add_parser("key", help="write program files' values as filled sheets")
    key.add_argument("--out", type=Path, required=True, help="the folder to write into")
    key.add_argument("--reader", default="the bundled file", help="the sheet's reader line")
    key.add_argument("files", type=Path, nargs="+", help="program files")
    overlap = commands.add_parser("overlap", help="packet quotes the codebook uses")
    overlap.add_argument("programs", nargs="*", help="program ids (default: every program)")
    args = parser.parse_args(argv)
    if args.command == "prepare":
        return _prepare(parser, args.round, args.out, args.programs)
    if args.command == "key":
        args.out.mkdir(parents=True, exist_ok=True)
        for path in args.files:
            program = load_program(path)
            target = args.out / f"{program.id}.yaml"
            target.write_text(key_text(program, args.reader), encoding="utf-8")
            print(target)
        return 0
    if args.command == "overlap":
        ids = args.programs or sorted(p.stem for p in bundled_programs_dir().glob("*.yaml"))
        for program_id in ids:
            program = load_program(bundled_programs_dir() / f"{program_id}.yaml")
            shared = codebook_overlap(program)
            print(f"{program_id}: {len(shared)} of {len(packet_quotes(program))} quotes")
            for text in shared:
                print(f"  “{text}”")
        return 0
    against = read_sheets(args.against) if args.against else None
    report = compare(_sheet_pairs(args.first, args.second), against)
    if args.json:
        print(json.dumps([unit.__dict__ for unit in report.units], indent=2))
    else:
        file = f"the sheets in {args.against}" if args.against else None
        print(render(report, file) if file else render(report), end="")
    return 0


def _prepare(
    parser: argparse.ArgumentParser, round_name: str | None, out: Path | None, ids: list[str]
) -> int:
    if out is not None:
        if round_name is not None or not ids:
            parser.error("prepare --out DIR takes program ids, not a round")
        written = prepare(ids, out)
    elif round_name is None or ids:
        parser.error("prepare takes a round (prepare round-2), or --out DIR and program ids")
    elif round_name in CLOSED:
        parser.error(
            f"{round_name} is closed: its readers coded these packets, and their sheets cite "
            "the packets' quote numbers; prepare a new round instead"
        )
    else:
        written = prepare(ROUNDS[round_name], HERE / round_name)
    for path in written:
        print(path.relative_to(REPO) if path.resolve().is_relative_to(REPO) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
