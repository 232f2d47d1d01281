"""Tables that fit the terminal: cells wrap, and a table too wide even when wrapped becomes one
block of ``header value`` lines per row. No value is ever cut: wrapping only moves text to
the next line.
"""

from __future__ import annotations

import itertools
import re
import shutil
import textwrap
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

DEFAULT_WIDTH: Final = 100
"""Columns assumed when the output is not a terminal and ``COLUMNS`` is not set."""
NARROWEST: Final = 5
"""Fewest columns a cell is wrapped to (unless its whole text is shorter)."""
WORD_FLOOR: Final = 12
"""A column is not wrapped narrower than its longest word, or this, whichever is less."""
_PIECES: Final = re.compile(r"\w+-(?=\w)|\S+?-(?=\w)|\S+|\s+")
"""Pieces wrapping keeps together: a word up to and including a hyphen it may break at."""
GAP: Final = 2
"""Spaces between columns in the plain table."""


def paragraphs(text: str) -> list[str]:
    """A docstring's hard-wrapped paragraphs, each as one line."""
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]


def terminal_width() -> int:
    """``COLUMNS`` if set, else the terminal's width, else :data:`DEFAULT_WIDTH`."""
    columns = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return columns if columns > 0 else DEFAULT_WIDTH


def _lines(cell: Any) -> list[str]:
    return str(cell).splitlines() or [""]


def _longest_word(column: Sequence[Any]) -> int:
    # One split of the column's text joined: the same words as a split of each cell.
    return max(map(len, " ".join(map(str, column)).split()), default=0)


def column_widths(
    rows: Sequence[Sequence[Any]], headers: Sequence[str], width: int, *, gap: int = GAP
) -> list[int] | None:
    """The width of each column once wrapped to fit ``width``, or None if it cannot fit.

    Columns are narrowed down to their longest word first (text wraps between words),
    then, if that is not enough, to :data:`WORD_FLOOR` (long words wrap at hyphens or are
    split). The column least wrapped so far, relative to its full width, gives way first,
    so every column keeps a fair share. A header wraps only at a hyphen.
    """
    columns = list(zip(headers, *rows, strict=True)) if rows else [(h,) for h in headers]
    natural = [max(len(line) for cell in column for line in _lines(cell)) for column in columns]
    widths = list(natural)
    room = width - gap * (len(widths) - 1)
    if sum(widths) <= room:
        return widths  # nothing to wrap
    words = [_longest_word(column) for column in columns]
    headings = [_longest_piece(column[:1]) for column in columns]  # a header wraps at a hyphen
    for cap in (None, WORD_FLOOR):
        floors = []
        for full, word, heading in zip(natural, words, headings, strict=True):
            floor = max(NARROWEST, heading, word if cap is None else min(word, cap))
            floors.append(min(full, floor))
        narrowest = [min(w, f) for w, f in zip(widths, floors, strict=True)]
        if sum(narrowest) > room:  # too wide even at the floors: every column shrinks to its
            widths = narrowest  # floor, one step at a time below; taken in one step (a wide
            continue  # comparison's hundreds of columns took thousands of steps)
        while sum(widths) > room:
            shrinkable = [i for i, (w, f) in enumerate(zip(widths, floors, strict=True)) if w > f]
            if not shrinkable:
                break
            # The column least wrapped so far, relative to its full width, gives way first.
            widest = max(shrinkable, key=lambda i: (widths[i] / natural[i], widths[i], -i))
            widths[widest] -= 1
        if sum(widths) <= room:
            return widths
    return None


def layout(
    rows: Sequence[Sequence[Any]], headers: Sequence[str], width: int
) -> tuple[list[int], int] | None:
    """Column widths and the gap between columns for a table that fits ``width``: whole
    words with two spaces, whole words with one, then long words wrapped at their hyphens;
    None when a word would have to be split elsewhere (show :func:`records` instead)."""
    found: dict[int, list[int] | None] = {}
    for gap, longest in ((GAP, _longest_word), (1, _longest_word), (1, _longest_piece)):
        if gap not in found:
            found[gap] = column_widths(rows, headers, width, gap=gap)
        widths = found[gap]
        if widths is not None and _fits_words(rows, headers, widths, longest):
            return widths, gap
    return None


def _longest_piece(column: Sequence[Any]) -> int:
    """The longest run of a column's text that wrapping at spaces and hyphens cannot split."""
    return max(
        (len(p) for cell in column for p in _PIECES.findall(str(cell)) if not p.isspace()),
        default=0,
    )


def _fits_words(
    rows: Sequence[Sequence[Any]],
    headers: Sequence[str],
    widths: list[int],
    longest: Callable[[Sequence[Any]], int],
) -> bool:
    columns = list(zip(headers, *rows, strict=True)) if rows else [(h,) for h in headers]
    return all(longest(c) <= w for c, w in zip(columns, widths, strict=True))


def _wrap(cell: Any, width: int) -> list[str]:
    return [piece for line in _lines(cell) for piece in _wrap_line(line, width)]


def _wrap_line(line: str, width: int) -> list[str]:
    if width > 0 and len(line) <= width and line.isprintable() and not line.endswith(" "):
        return [line]  # what textwrap gives such a line, without splitting it into chunks
    return textwrap.wrap(line, width, break_on_hyphens=True) or [""]


def plain_table(
    rows: Sequence[Sequence[Any]],
    headers: Sequence[str],
    widths: Sequence[int],
    gap: int = GAP,
) -> str:
    """A plain table (headers, a rule of dashes, rows) with each cell wrapped to its width."""

    def block(cells: Sequence[Any]) -> list[str]:
        wrapped = [_wrap(cell, w) for cell, w in zip(cells, widths, strict=True)]
        height = max(len(lines) for lines in wrapped)
        return [
            (" " * gap)
            .join(
                (lines[n] if n < len(lines) else "").ljust(w)
                for lines, w in zip(wrapped, widths, strict=True)
            )
            .rstrip()
            for n in range(height)
        ]

    lines = block(headers)
    lines.append((" " * gap).join("-" * w for w in widths))
    for row in rows:
        lines += block(row)
    return "\n".join(lines)


def abbreviate(
    rows: Sequence[Sequence[str]], abbreviations: Mapping[str, str]
) -> tuple[list[list[str]], str]:
    """Rows with long values shortened, and the legend that gives each in full."""
    used: dict[str, str] = {}
    short = []
    for row in rows:
        short.append([abbreviations.get(cell, cell) for cell in row])
        used.update((cell, abbreviations[cell]) for cell in row if cell in abbreviations)
    legend = "".join(f"\n{brief} = {full}" for full, brief in used.items())
    return short, legend


def records(rows: Sequence[Sequence[Any]], headers: Sequence[str], width: int) -> str:
    """Each row as a block of ``header  value`` lines, values wrapped under each other."""
    label = max(len(h) for h in headers)
    room = max(width - label - GAP, 20)
    blocks = []
    for row in rows:
        lines = []
        for header, cell in zip(headers, row, strict=True):
            pieces = _wrap(cell, room)
            lines.append(f"{header:<{label}}{' ' * GAP}{pieces[0]}".rstrip())
            lines += [" " * (label + GAP) + piece for piece in pieces[1:]]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def fit_table(
    rows: Sequence[Sequence[Any]],
    headers: Sequence[str],
    width: int | None = None,
    abbreviations: Mapping[str, str] | None = None,
) -> str:
    """A plain table that fits ``width`` (default: :func:`terminal_width`): as it is when it
    fits; else wrapped, with long values abbreviated and a legend under it; else records."""
    width = width or terminal_width()
    cells = [[str(cell) for cell in row] for row in rows]
    whole = column_widths(cells, headers, width)
    if whole is not None and whole == column_widths(cells, headers, 10**6):
        return plain_table(cells, headers, whole)  # nothing to wrap
    short, legend = abbreviate(cells, abbreviations or {})
    fitted = layout(short, headers, width)
    if fitted is None:
        return records(cells, headers, width)
    return plain_table(short, headers, *fitted) + legend


def wrap_lines(text: str, width: int) -> str:
    """Wrap each line longer than ``width``, continuing it indented under itself."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        indent = " " * (len(line) - len(line.lstrip()) + 2)
        out += textwrap.wrap(
            line, width, subsequent_indent=indent, break_on_hyphens=True, drop_whitespace=True
        )
    return "\n".join(out)


def markdown_table(rows: Sequence[Sequence[str]], headers: Sequence[str]) -> str:
    """A GitHub Markdown table of text cells: what ``tabulate(rows, headers,
    tablefmt="github", disable_numparse=True)`` writes, in a fifth of its time (it guesses
    each cell's type), where every cell is plain one-line text; tabulate itself otherwise
    (wide characters measured by ``wcwidth``, colour codes, line breaks, no rows). The summary
    of ten thousand programs is written after the last is scored, while no worker runs."""
    import tabulate as _tabulate

    texts = [[str(cell) for cell in row] for row in rows]
    every = list(itertools.chain(headers, *texts))
    wide = _tabulate.WIDE_CHARS_MODE and getattr(_tabulate, "wcwidth", None) is not None
    if (
        not rows
        or _tabulate.PRESERVE_WHITESPACE
        or any(len(row) != len(headers) for row in texts)
        or not all(text.isprintable() for text in every)
        or (wide and not all(text.isascii() for text in every))
    ):
        return _tabulate.tabulate(
            [list(row) for row in rows],
            headers=list(headers),
            tablefmt="github",
            disable_numparse=True,
        )
    cells = [[text.strip() for text in row] for row in texts]
    widths = [len(h) + 2 for h in headers]  # tabulate's least padding beside a header
    for row in cells:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = [_github_row(headers, widths), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += [_github_row(row, widths) for row in cells]
    return "\n".join(lines)


def _github_row(cells: Sequence[str], widths: Sequence[int]) -> str:
    padded = " | ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True))
    return f"| {padded} |".rstrip()
