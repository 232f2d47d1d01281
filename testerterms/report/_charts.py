"""The report's charts, drawn with matplotlib: category subtotals per program and score ranges.

Each chart comes out as SVG (text kept as text, for the page) and PNG (for articles).
Output is deterministic: figures drawn on the Agg canvas without pyplot (no GUI backend, no
global state), a fixed hash salt for SVG ids, no dates or version strings in the files'
metadata, and only the fonts matplotlib ships with (nothing is fetched).
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from .. import _escape
from ..rules import CATEGORIES
from ..scoring import Scorecard

GRADE_COLOURS: Final = {
    "A": "#1a7f37",
    "B": "#5fa83a",
    "C": "#c9a400",
    "D": "#d9731c",
    "E": "#c2302b",
}
UNGRADED: Final = "#8a8f98"
_STYLE: Final[Any] = {  # matplotlib types rc keys as literals
    "svg.hashsalt": "testerterms",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 9,
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


def _label(text: str, width: int = 34) -> str:
    """A name for an axis: wrapped at spaces and hyphens, never cut. Control characters
    (which XML does not allow in an SVG file) and bidi overrides are shown as escapes."""
    text = _escape.terminal(text)
    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or " "


def _group_edges(cards: Sequence[Scorecard], examples: int) -> list[float]:
    """Where the graded, ungraded and example programs meet (rows are in that order)."""
    graded = sum(1 for card in cards[: len(cards) - examples] if card.grade)
    edges = {graded, len(cards) - examples} - {0, len(cards)}
    return sorted(edges)


def _prefix_ids(svg: str, prefix: str) -> str:
    """Make the SVG's ids unique in a page that holds several charts."""
    svg = re.sub(r'id="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", svg)
    return re.sub(r'xlink:href="#([^"]+)"', rf'xlink:href="#{prefix}-\1"', svg)


def _inline_svg(figure: Any, prefix: str) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata=_SVG_META, bbox_inches="tight")
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]  # drop the XML declaration and DOCTYPE
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    return _prefix_ids(svg, prefix)


def _png(figure: Any) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150, metadata=_PNG_META, bbox_inches="tight")
    return buffer.getvalue()


def _figure(width: float, height: float) -> tuple[Any, Any]:
    """A figure on the Agg canvas, outside pyplot: no global state, no GUI backend."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height))
    FigureCanvasAgg(figure)
    return figure, figure.subplots()


def _finish(figure: Any, name: str, title: str, description: str) -> Chart:
    return Chart(name, title, description, _inline_svg(figure, name), _png(figure))


def category_chart(cards: Sequence[Scorecard], examples: int = 0) -> Chart:
    """A grid: one row per program, one column per category, each cell its subtotal."""
    import matplotlib
    from matplotlib.colors import LinearSegmentedColormap
    from matplotlib.patches import Rectangle

    categories = list(CATEGORIES)
    colours = LinearSegmentedColormap.from_list(
        "subtotal", ["#d73027", "#fdae61", "#fee08b", "#a6d96a", "#1a9850"]
    )
    with matplotlib.rc_context(_STYLE):
        height = 1.2 + 0.42 * len(cards)
        figure, axes = _figure(9.5, height)
        for row, card in enumerate(cards):
            by_category = {c.category: c for c in card.categories}
            for column, category in enumerate(categories):
                subtotal = by_category.get(category)
                score = None if subtotal is None else subtotal.score
                if score is None:
                    axes.add_patch(
                        Rectangle((column, row), 1, 1, facecolor="#eeeeee", edgecolor="white", lw=2)
                    )
                    axes.text(
                        column + 0.5, row + 0.5, "not known", ha="center", va="center",
                        color="#777777", fontsize=7,
                    )  # fmt: skip
                    continue
                assert subtotal is not None
                # The less of a category is known, the paler its colour.
                axes.add_patch(
                    Rectangle(
                        (column, row), 1, 1, facecolor=colours(score / 100),
                        alpha=0.35 + 0.65 * subtotal.coverage, edgecolor="white", lw=2,
                    )
                )  # fmt: skip
                known = f"{subtotal.coverage * 100:.0f}% known"
                axes.text(
                    column + 0.5, row + 0.42, f"{score:.0f}", ha="center", va="center",
                    fontsize=9, fontweight="bold", color="#111111",
                )  # fmt: skip
                axes.text(
                    column + 0.5, row + 0.78, known, ha="center", va="center", fontsize=6.5,
                    color="#222222",
                )  # fmt: skip
        for edge in _group_edges(cards, examples):
            axes.axhline(edge, color="#333333", lw=1.5)
        axes.set_xlim(0, len(categories))
        axes.set_ylim(len(cards), 0)
        axes.set_xticks([c + 0.5 for c in range(len(categories))])
        axes.set_xticklabels([_label(CATEGORIES[c], 14) for c in categories])
        axes.xaxis.tick_top()
        axes.set_yticks([r + 0.5 for r in range(len(cards))])
        axes.set_yticklabels([_label(card.program_name) for card in cards])
        axes.tick_params(length=0)
        for side in axes.spines.values():
            side.set_visible(False)
        axes.set_title(
            f"Score by category, 0-100 (profile {cards[0].profile_id})" if cards else "",
            loc="left",
            pad=28,
            fontsize=11,
        )
        return _finish(
            figure,
            "category-subtotals",
            "Score by category",
            "For each program, the score of each category of rules, counting only the rules "
            "whose outcome is known, and how much of the category is known (the less is known, "
            "the paler the colour). Grey: nothing known.",
        )


def range_chart(cards: Sequence[Scorecard], examples: int = 0) -> Chart:
    """One line per program from its worst to its best possible score; the score marked for
    programs with a grade, none for programs without."""
    import matplotlib
    from matplotlib.lines import Line2D

    with matplotlib.rc_context(_STYLE):
        height = 1.4 + 0.36 * len(cards)
        figure, axes = _figure(9.5, height)
        for row, card in enumerate(cards):
            worst, best = card.range
            colour = GRADE_COLOURS[card.grade] if card.grade else UNGRADED
            axes.plot(
                [worst, best], [row, row], color=colour, lw=7, solid_capstyle="butt", alpha=0.35
            )
            axes.plot([worst, worst], [row - 0.25, row + 0.25], color=colour, lw=1.5)
            axes.plot([best, best], [row - 0.25, row + 0.25], color=colour, lw=1.5)
            if card.grade and card.score is not None:
                axes.plot(card.score, row, "o", color=colour, markersize=7)
                note = f"grade {card.grade}"
            else:
                note = f"not graded ({card.coverage * 100:.0f}% known)"
            axes.text(103, row, note, va="center", fontsize=8, color=colour)
        for edge in _group_edges(cards, examples):
            axes.axhline(edge - 0.5, color="#999999", lw=0.8, ls="--")
        axes.set_xlim(-1.5, 101.5)
        axes.set_xticks(range(0, 101, 10))
        axes.set_ylim(len(cards) - 0.5, -0.5)
        axes.set_yticks(range(len(cards)))
        axes.set_yticklabels([_label(card.program_name) for card in cards])
        axes.set_xlabel("score (0-100): the bar spans the worst and best the evidence allows")
        axes.grid(axis="x", color="#dddddd", lw=0.6)
        axes.set_axisbelow(True)
        axes.tick_params(axis="y", length=0)
        legend = [
            Line2D([], [], color="#555555", marker="o", lw=0, label="score of a graded program"),
            Line2D([], [], color=UNGRADED, lw=7, alpha=0.35, label="possible range"),
        ]
        axes.legend(handles=legend, loc="upper center", bbox_to_anchor=(0.5, -0.09), ncol=2,
                    frameon=False, fontsize=8)  # fmt: skip
        axes.set_title(
            f"Score ranges (profile {cards[0].profile_id})" if cards else "",
            loc="left",
            pad=10,
            fontsize=11,
        )
        return _finish(
            figure,
            "score-ranges",
            "Score ranges",
            "For each program, the lowest and highest score it can still have given what is "
            "unknown or disputed. A dot marks the score of a graded program; programs without "
            "a grade have too little known evidence for one.",
        )
