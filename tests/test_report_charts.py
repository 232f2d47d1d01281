"""The report's charts: labels that never overlap, fit their place, stay bounded in cost, and
fall back to the program's id where the font cannot draw a name."""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from testerterms import Profile, load_profile, score
from testerterms.loading import load_program
from testerterms.scoring import Scorecard

from .conftest import PROGRAMS, SORA

pytest.importorskip("matplotlib", reason="the report extra is not installed")

from matplotlib.text import Text

from testerterms.report import _charts
from testerterms.report._charts import (
    CHART_ROWS,
    category_figure,
    drawable,
    fit,
    label,
    range_figure,
)

NAMES = [
    "Sora early access / alpha artist program",
    "A",
    "Bug bounty under HackerOne's Vulnerability Disclosure Guidelines and the program's own "
    "rules for researchers who report jailbreaks",
    "Supercalifragilisticexpialidocious" * 8,  # one word, far wider than the label's column
    "Toloka (data labelling and AI training tasks)",
    "W" * 5_000,
]


def _cards(profile: Profile, count: int) -> list[Scorecard]:
    """``count`` scorecards of real programs under ``profile``, named in turn from NAMES,
    graded and ungraded and an example among them, in the ranking's order."""
    programs = sorted(PROGRAMS.glob("*.yaml"))
    cards = []
    for number, path in zip(range(count), itertools.cycle(programs)):
        card = score(load_program(path), profile)
        cards.append(replace(card, program_name=NAMES[number % len(NAMES)]))
    from testerterms.scoring import rank_key

    return sorted(cards, key=rank_key)


def _text_boxes(figure: Any) -> list[tuple[str, Any]]:
    renderer = figure.canvas.get_renderer()
    figure.draw(renderer)
    boxes = []
    for text in figure.findobj(Text):
        if text.get_visible() and text.get_text().strip():
            boxes.append((text.get_text(), text.get_window_extent(renderer)))
    return boxes


def _overlaps(boxes: list[tuple[str, Any]]) -> list[tuple[str, str]]:
    found = []
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        # Touching is fine; a shared area of more than half a pixel each way is not.
        if (
            min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0) > 0.5
            and min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0) > 0.5
        ):
            found.append((a, b))
    return found


def _check_layout(figure: Any) -> None:
    boxes = _text_boxes(figure)
    assert _overlaps(boxes) == []
    width, height = figure.bbox.width, figure.bbox.height
    outside = [
        text
        for text, box in boxes
        if box.x0 < -0.5 or box.y0 < -0.5 or box.x1 > width + 0.5 or box.y1 > height + 0.5
    ]
    assert outside == [], "every label lies inside the figure (nothing is cut off)"


@pytest.mark.parametrize("count", [1, 4])
@pytest.mark.parametrize("draw", [category_figure, range_figure])
def test_no_two_labels_overlap_and_none_leaves_the_figure(
    draw: Any, count: int, every_rule: Profile
) -> None:
    # every_rule weighs every category: the heat map's widest set of columns.
    _check_layout(draw(_cards(every_rule, count)))


@pytest.mark.slow
@pytest.mark.parametrize("profile", ["articles", "crowd-pay-floor"])
@pytest.mark.parametrize("draw", [category_figure, range_figure])
def test_no_two_labels_overlap_with_the_most_programs_a_chart_shows(
    draw: Any, profile: str, every_rule: Profile
) -> None:
    for chosen in (load_profile(profile), every_rule):
        _check_layout(draw(_cards(chosen, CHART_ROWS + 3)))


def test_a_chart_shows_at_most_chart_rows_programs_and_its_title_says_of_how_many(
    articles: Profile,
) -> None:
    card = score(load_program(SORA), articles)
    cards = [replace(card, program_name=f"Copy {n}") for n in range(CHART_ROWS + 5)]
    texts = [text for text, _ in _text_boxes(range_figure(cards, total=len(cards)))]
    assert [text for text in texts if text.startswith("Copy ")] == [
        f"Copy {n}" for n in range(CHART_ROWS)
    ]
    titles = [text for text in texts if text.startswith("Score ranges")]
    assert titles == [f"Score ranges (profile articles; the first 40 of {len(cards)} programs)"]


@pytest.mark.parametrize(
    ("name", "drawn"),
    [
        ("Sora early access / alpha artist program", True),
        ("Δοκιμαστές и тестировщики", True),
        ("Café “quoted” – dash…", True),
        ("中文测试者计划", False),  # no CJK in DejaVu Sans
        ("برنامج المختبرين", False),  # right to left, joined by shaping
        ("תוכנית בודקים", False),  # the letters are there, the direction is not
        ("परीक्षक कार्यक्रम", False),  # shaped
        ("Artists 🎨", False),
        ("a\u0308\u0301", False),  # a mark that does not fold into one letter
        ("Early \uffff program", False),  # a noncharacter: not XML
        ("bidi \u202e override", False),
        ("private \ue000 use", False),
    ],
)
def test_a_name_is_drawn_only_where_the_font_draws_it_as_it_reads(name: str, drawn: bool) -> None:
    assert drawable(name) is drawn


def test_a_name_the_font_cannot_draw_is_charted_by_its_id(articles: Profile) -> None:
    card = score(load_program(SORA), articles)
    assert label(replace(card, program_name="中文测试者计划")) == "sora-alpha-artists"
    assert label(replace(card, program_name="Café testers")) == "Café testers"
    assert label(replace(card, program_name="Cafe\u0301 testers")) == "Café testers"  # NFC


def test_fitting_a_label_reads_a_bounded_prefix_whatever_the_length_of_the_name(
    articles: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    measured = []
    width = _charts._Font.width

    def counting(self: Any, text: str, size: float) -> float:
        measured.append(len(text))
        return width(self, text, size)

    monkeypatch.setattr(_charts._Font, "width", counting)
    card = score(load_program(SORA), articles)
    work = {}
    for length in (20_000, 200_000, 2_000_000):
        measured.clear()
        for name in ("x" * length, "word " * (length // 5)):
            label(replace(card, program_name=name))
        work[length] = sum(measured)
    assert work[20_000] == work[200_000] == work[2_000_000]  # the same work for any length
    assert work[20_000] < 100 * _charts._LONGEST


LINE = 120.0  # points


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        st.sampled_from("abcdefghij ABC-–.,'WMil "),  # narrow, wide and breaking characters
        max_size=300,
    ),
    st.integers(min_value=1, max_value=3),
)
def test_a_fitted_label_keeps_its_lines_words_and_width(text: str, lines: int) -> None:
    fitted = fit(text, LINE, lines=lines)
    rows = fitted.split("\n")
    assert len(rows) <= lines
    font = _charts._font()
    words = text.split()
    for row in rows:
        assert font.width(row, 9) <= LINE + 1e-6
        # Whole words, in order, as the text has them; the last of a row may be cut short
        # with an ellipsis, never carried on to the next row.
        shown = row.removesuffix("…").split()
        for word in shown[:-1]:
            assert word in words
    if " ".join(text.split()) and len(rows) < lines:
        assert "…" not in fitted or any(font.width(w, 9) > LINE for w in words)
