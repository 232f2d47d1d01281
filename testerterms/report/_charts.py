"""The report's charts, drawn with matplotlib: category subtotals per program and score ranges.

Each chart comes out as SVG (text kept as text, for the page) and PNG (for articles).
Output is deterministic: figures drawn on the Agg canvas without pyplot (no GUI backend, no
global state), a fixed hash salt for SVG ids, no dates or version strings in the files'
metadata, and only the fonts matplotlib ships with (nothing is fetched).

Layout is computed, not left to chance: every label is measured with the font's own advance
widths and fitted to its place (wrapped at spaces, at most two lines, cut with an ellipsis
where it does not fit), and the figure is sized around the labels, so that no two labels
overlap at any number of programs or length of name. A name the font cannot draw (a script
DejaVu Sans lacks, a right-to-left script, combining marks, a noncharacter) is replaced by
the program's id, which is always plain ASCII: no empty boxes, no warnings, valid XML.
A chart shows at most :data:`CHART_ROWS` programs (the first ones in the ranking's order);
the cost of drawing is then bounded whatever the number or size of the programs.
"""

from __future__ import annotations

import functools
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from .. import _escape
from ..rules import CATEGORIES
from ..scoring import Scorecard

CHART_ROWS: Final = 40
"""The most programs a chart shows; the page's tables list every program."""

GRADE_COLOURS: Final = {
    "A": "#1a7f37",
    "B": "#5fa83a",
    "C": "#c9a400",
    "D": "#d9731c",
    "E": "#c2302b",
}
"""Fills: the bars of the range chart and the grade badges."""
GRADE_INK: Final = {
    "A": "#1a7f37",
    "B": "#3d7a1e",
    "C": "#7a5c00",
    "D": "#a34a00",
    "E": "#c2302b",
}
"""Text in a grade's colour: each at least 4.5:1 on white (WCAG AA for small text)."""
BADGE_TEXT: Final = {"A": "#ffffff", "B": "#111111", "C": "#111111", "D": "#111111", "E": "#ffffff"}
"""Text on each grade's badge: at least 4.5:1 on the grade's colour."""
UNGRADED: Final = "#8a8f98"
UNGRADED_INK: Final = "#5b6270"

_FONT: Final = "DejaVu Sans"
_SIZE: Final = 9.0  # labels, in points
_LINE: Final = 1.2  # matplotlib's line spacing
_LABEL_WIDTH: Final = 2.7  # the row labels' column, in inches
_LABEL_LINES: Final = 2
_LONGEST: Final = 400  # characters of a name worth measuring: two lines hold far fewer
_MARGIN: Final = 0.12  # around the figure, in inches
_STYLE: Final[Any] = {  # matplotlib types rc keys as literals
    "svg.hashsalt": "testerterms",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": [_FONT],
    "font.size": _SIZE,
    "text.parse_math": False,  # a `$` in a program's name is text, not mathematics
    "text.usetex": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
_SVG_META: Final = {"Date": None, "Creator": None}
_PNG_META: Final = {"Software": None}


@dataclass(frozen=True)
class Chart:
    """One chart: a file stem, its title, what it shows (for people and screen readers)."""

    name: str
    title: str
    description: str
    svg: str
    png: bytes


# --- text: what the font can draw, and how wide it is ----------------------------------------


class _Font:
    """DejaVu Sans as matplotlib ships it: which characters it has, and their widths."""

    def __init__(self) -> None:
        from pathlib import Path

        import matplotlib
        from matplotlib.font_manager import get_font

        path = Path(matplotlib.get_data_path(), "fonts", "ttf", "DejaVuSans.ttf")
        self._font = get_font(str(path))
        self.characters = frozenset(self._font.get_charmap())
        self._advances: dict[str, float] = {}

    def width(self, text: str, size: float) -> float:
        """The advance width of ``text`` in points at ``size`` (kerning left out: it only
        narrows a line)."""
        total = 0.0
        for char in text:
            advance = self._advances.get(char)
            if advance is None:
                self._font.set_size(100, 72)
                # The linear advance is the unhinted one, whatever the flags.
                glyph = self._font.load_char(ord(char))
                advance = self._advances[char] = glyph.linearHoriAdvance / 65536 / 100
            total += advance
        return total * size


@functools.cache
def _font() -> _Font:
    return _Font()


def drawable(text: str) -> bool:
    """Whether the charts' font draws ``text`` as it reads: every character in the font, none
    that needs shaping or right-to-left layout (which matplotlib does not do everywhere), no
    control or noncharacter (invalid in XML)."""
    characters = _font().characters
    for char in text:
        if ord(char) not in characters or unicodedata.combining(char):
            return False
        if unicodedata.bidirectional(char) in ("R", "AL", "AN"):
            return False
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            return False
    return True


def _shorten(line: str, width: float, size: float) -> str:
    """``line`` cut to end with an ellipsis within ``width`` points."""
    font = _font()
    room = width - font.width("…", size)
    used, end = 0.0, 0
    for char in line:
        used += font.width(char, size)
        if used > room:
            break
        end += 1
    return line[:end].rstrip() + "…"


def fit(text: str, width: float, *, size: float = _SIZE, lines: int = _LABEL_LINES) -> str:
    """``text`` in at most ``lines`` lines, each at most ``width`` points wide at ``size``:
    wrapped at spaces, and cut with an ellipsis where it does not fit. A word is never split
    over two lines; one too long for a line is cut. The work is bounded by ``_LONGEST``."""
    font = _font()
    words = " ".join(text[: _LONGEST + 1].split()).split(" ")
    cut = len(text) > _LONGEST
    rows: list[str] = []
    index = 0
    while index < len(words) and len(rows) < lines:
        row = words[index]
        index += 1
        while index < len(words) and font.width(f"{row} {words[index]}", size) <= width:
            row = f"{row} {words[index]}"
            index += 1
        rows.append(row)
    cut = cut or index < len(words)
    fitted = []
    for number, row in enumerate(rows, 1):
        if font.width(row, size) > width or (cut and number == len(rows)):
            row = _shorten(row, width, size)
        fitted.append(row)
    return "\n".join(fitted) or " "


def label(card: Scorecard, width: float = _LABEL_WIDTH * 72) -> str:
    """The program's name for a chart, fitted to ``width`` points; its id where the font
    cannot draw the name."""
    name = unicodedata.normalize("NFC", card.program_name[: _LONGEST + 1])
    name = _escape.terminal(name)  # control characters as visible escapes (XML forbids them)
    return fit(name if drawable(name) else card.program_id, width)


def _lines(text: str) -> int:
    return text.count("\n") + 1


# --- drawing ------------------------------------------------------------------------------


def _group_edges(cards: Sequence[Scorecard]) -> list[float]:
    """Where the graded, ungraded and example programs meet (rows are in that order)."""
    real = sum(1 for card in cards if not card.example)
    graded = sum(1 for card in cards if card.grade and not card.example)
    return sorted({graded, real} - {0, len(cards)})


def _prefix_ids(svg: str, prefix: str) -> str:
    """Make the SVG's ids unique in a page that holds several charts."""
    svg = re.sub(r'id="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", svg)
    return re.sub(r'xlink:href="#([^"]+)"', rf'xlink:href="#{prefix}-\1"', svg)


def _inline_svg(figure: Any, prefix: str) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata=_SVG_META)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]  # drop the XML declaration and DOCTYPE
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    return _prefix_ids(svg, prefix)


def _png(figure: Any) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150, metadata=_PNG_META)
    return buffer.getvalue()


def _figure(width: float, height: float) -> Any:
    """A figure on the Agg canvas, outside pyplot: no global state, no GUI backend."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height))
    FigureCanvasAgg(figure)
    return figure


def _axes(figure: Any, left: float, bottom: float, width: float, height: float) -> Any:
    """Axes placed in inches from the figure's lower left corner."""
    full_width, full_height = figure.get_size_inches()
    return figure.add_axes(
        (left / full_width, bottom / full_height, width / full_width, height / full_height)
    )


def _title(figure: Any, text: str) -> None:
    width, height = figure.get_size_inches()
    text = fit(text, (width - 2 * _MARGIN) * 72, size=11, lines=1)
    figure.text(_MARGIN / width, 1 - _MARGIN / height, text, ha="left", va="top", fontsize=11)


def _points(lines: int, size: float = _SIZE) -> float:
    """The height of ``lines`` lines of text, in points."""
    return lines * size * _LINE


def _finish(figure: Any, name: str, title: str, description: str) -> Chart:
    import matplotlib

    with matplotlib.rc_context(_STYLE):  # the SVG's text as text, its ids salted
        return Chart(name, title, description, _inline_svg(figure, name), _png(figure))


def _title_text(what: str, cards: Sequence[Scorecard], total: int) -> str:
    profile = f"profile {cards[0].profile_id}" if cards else ""
    if total > len(cards):
        return f"{what} ({profile}; the first {len(cards):,} of {total:,} programs)"
    return f"{what} ({profile})"


def category_figure(cards: Sequence[Scorecard], total: int = 0) -> Any:
    """The heat map as a matplotlib figure: one row per program, one column per category of
    the profile, each cell the category's score and how much of it is known."""
    import matplotlib
    from matplotlib.colors import LinearSegmentedColormap
    from matplotlib.patches import Rectangle

    cards = cards[:CHART_ROWS]
    present = {c.category for card in cards for c in card.categories}
    categories = [c for c in CATEGORIES if c in present] or list(CATEGORIES)
    colours = LinearSegmentedColormap.from_list(
        "subtotal", ["#d73027", "#fdae61", "#fee08b", "#a6d96a", "#1a9850"]
    )
    font, header_size = _font(), 8.0
    header_words = [w for c in categories for w in CATEGORIES[c].split()]
    column = max(
        0.8 * 72,
        max(font.width(w, header_size) for w in header_words) + 10,
        font.width("100% known", 6.5) + 10,
        font.width("not known", 7) + 10,
    )  # points
    headers = [fit(CATEGORIES[c], column - 8, size=header_size, lines=4) for c in categories]
    header_height = _points(max(map(_lines, headers)), header_size) + 8
    labels = [label(card) for card in cards]
    row = max(0.42 * 72, _points(max(map(_lines, labels), default=1)) + 8)
    top = _MARGIN * 72 + _points(1, 11) + 10 + header_height
    width = 2 * _MARGIN + _LABEL_WIDTH + 0.1 + len(categories) * column / 72
    height = (top + len(cards) * row) / 72 + _MARGIN
    with matplotlib.rc_context(_STYLE):
        figure = _figure(width, height)
        axes = _axes(
            figure, _MARGIN + _LABEL_WIDTH + 0.1, _MARGIN,
            len(categories) * column / 72, len(cards) * row / 72,
        )  # fmt: skip
        for y, card in enumerate(cards):
            by_category = {c.category: c for c in card.categories}
            for x, category in enumerate(categories):
                subtotal = by_category.get(category)
                score = None if subtotal is None else subtotal.score
                if subtotal is None or score is None:
                    axes.add_patch(
                        Rectangle((x, y), 1, 1, facecolor="#eeeeee", edgecolor="white", lw=2)
                    )
                    axes.text(x + 0.5, y + 0.5, "not known", ha="center", va="center",
                              color="#555555", fontsize=7)  # fmt: skip
                    continue
                # The less of a category is known, the paler its colour.
                axes.add_patch(
                    Rectangle(
                        (x, y), 1, 1, facecolor=colours(score / 100),
                        alpha=0.35 + 0.65 * subtotal.coverage, edgecolor="white", lw=2,
                    )
                )  # fmt: skip
                axes.text(x + 0.5, y + 0.4, f"{score:.0f}", ha="center", va="center",
                          fontsize=9, fontweight="bold", color="#111111")  # fmt: skip
                axes.text(x + 0.5, y + 0.76, f"{subtotal.coverage * 100:.0f}% known",
                          ha="center", va="center", fontsize=6.5, color="#222222")  # fmt: skip
        for edge in _group_edges(cards):
            axes.axhline(edge, color="#333333", lw=1.5)
        axes.set_xlim(0, len(categories))
        axes.set_ylim(len(cards), 0)
        axes.set_xticks([c + 0.5 for c in range(len(categories))])
        axes.set_xticklabels(headers, fontsize=header_size)
        axes.xaxis.tick_top()
        axes.set_yticks([r + 0.5 for r in range(len(cards))])
        axes.set_yticklabels(labels)
        axes.tick_params(length=0)
        for side in axes.spines.values():
            side.set_visible(False)
        _title(figure, _title_text("Score by category, 0-100", cards, total or len(cards)))
        return figure


def category_chart(cards: Sequence[Scorecard], total: int = 0) -> Chart:
    """The heat map of :func:`category_figure`, as SVG and PNG."""
    return _finish(
        category_figure(cards, total),
        "category-subtotals",
        "Score by category",
        "For each program, the score of each category of rules, counting only the rules "
        "whose outcome is known, and how much of the category is known (the less is known, "
        "the paler the colour). Grey: nothing known.",
    )


def range_figure(cards: Sequence[Scorecard], total: int = 0) -> Any:
    """One line per program from its worst to its best possible score; the score marked for
    programs with a grade, none for programs without."""
    import matplotlib
    from matplotlib.lines import Line2D

    cards = cards[:CHART_ROWS]
    notes = [
        f"grade {card.grade}" if card.grade else f"not graded ({card.coverage * 100:.0f}% known)"
        for card in cards
    ]
    font, note_size = _font(), 8.0
    note_width = max((font.width(n, note_size) for n in notes), default=0) / 72 + 0.2
    labels = [label(card) for card in cards]
    row = max(0.36 * 72, _points(max(map(_lines, labels), default=1)) + 6)
    plot_width = 4.8
    top = _MARGIN * 72 + _points(1, 11) + 12
    # Under the plot: tick labels, the axis label, then the legend, each in its own band.
    bottom = 8 + _points(1) + 4 + _points(1) + 8 + _points(1, 8) + 8
    width = 2 * _MARGIN + _LABEL_WIDTH + 0.1 + plot_width + note_width
    height = (top + len(cards) * row + bottom) / 72 + _MARGIN
    with matplotlib.rc_context(_STYLE):
        figure = _figure(width, height)
        axes = _axes(
            figure, _MARGIN + _LABEL_WIDTH + 0.1, _MARGIN + bottom / 72,
            plot_width, len(cards) * row / 72,
        )  # fmt: skip
        notes_at = axes.get_yaxis_transform()  # x in axes' width, y in rows
        for y, (card, note) in enumerate(zip(cards, notes, strict=True)):
            worst, best = card.range
            colour = GRADE_COLOURS[card.grade] if card.grade else UNGRADED
            ink = GRADE_INK[card.grade] if card.grade else UNGRADED_INK
            axes.plot([worst, best], [y, y], color=colour, lw=7, solid_capstyle="butt",
                      alpha=0.35)  # fmt: skip
            axes.plot([worst, worst], [y - 0.25, y + 0.25], color=colour, lw=1.5)
            axes.plot([best, best], [y - 0.25, y + 0.25], color=colour, lw=1.5)
            if card.grade and card.score is not None:
                axes.plot(card.score, y, "o", color=colour, markersize=7)
            axes.text(1.02, y, note, va="center", fontsize=note_size, color=ink,
                      transform=notes_at)  # fmt: skip
        for edge in _group_edges(cards):
            axes.axhline(edge - 0.5, color="#999999", lw=0.8, ls="--")
        axes.set_xlim(-1.5, 101.5)
        axes.set_xticks(range(0, 101, 10))
        axes.set_ylim(len(cards) - 0.5, -0.5)
        axes.set_yticks(range(len(cards)))
        axes.set_yticklabels(labels)
        axes.set_xlabel("score (0-100): the bar spans the worst and best the evidence allows")
        axes.grid(axis="x", color="#dddddd", lw=0.6)
        axes.set_axisbelow(True)
        axes.tick_params(axis="y", length=0)
        legend = [
            Line2D([], [], color="#555555", marker="o", lw=0, label="score of a graded program"),
            Line2D([], [], color=UNGRADED, lw=7, alpha=0.35, label="possible range"),
        ]
        figure.legend(
            handles=legend, loc="lower left", ncol=2, frameon=False, fontsize=8,
            bbox_to_anchor=((_MARGIN + _LABEL_WIDTH + 0.1) / width, _MARGIN / height),
            borderaxespad=0, borderpad=0,
        )  # fmt: skip
        _title(figure, _title_text("Score ranges", cards, total or len(cards)))
        return figure


def range_chart(cards: Sequence[Scorecard], total: int = 0) -> Chart:
    """The ranges of :func:`range_figure`, as SVG and PNG."""
    return _finish(
        range_figure(cards, total),
        "score-ranges",
        "Score ranges",
        "For each program, the lowest and highest score it can still have given what is "
        "unknown or disputed. A dot marks the score of a graded program; programs without "
        "a grade have too little known evidence for one.",
    )
