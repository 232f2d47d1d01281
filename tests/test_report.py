"""`testerterms report`: one self-contained HTML page that escapes everything from a file."""

from __future__ import annotations

import io
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from testerterms import Profile, load_profile, score
from testerterms.cli import main
from testerterms.loading import load_program
from testerterms.report import build_report, safe_href
from testerterms.rules import CATALOGUE

from .conftest import PROGRAMS, REPO, SORA, run_cli
from .html_dom import Element, injected, parse

# The articles profile (the default) weighs the seed rules, not the standards' rules.
ARTICLES = [code for code in CATALOGUE if code in load_profile("articles").rules]
ARTICLE_CATEGORIES = {CATALOGUE[code].category for code in ARTICLES}

pytest.importorskip("jinja2", reason="the report extra is not installed")
pytest.importorskip("matplotlib", reason="the report extra is not installed")

HOSTILE = REPO / "tests" / "report" / "hostile.yaml"
LONG_NAME = REPO / "tests" / "report" / "long-name.yaml"
NAMES = REPO / "tests" / "report" / "names"


def _report(tmp_path: Path, *args: str, name: str = "report.html") -> tuple[str, Element]:
    out = tmp_path / name
    result = run_cli("report", *args, "-o", str(out))
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    return html, parse(html)


def _parents(dom: Element) -> dict[int, Element]:
    """Each element's parent, by the element's identity."""
    return {id(c): e for e in dom.iter() for c in e.children if isinstance(c, Element)}


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Element]:
    return _report(tmp_path_factory.mktemp("bundled"))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Element]:
    return _report(tmp_path_factory.mktemp("hostile"), str(HOSTILE), str(SORA))


def test_the_page_loads_nothing_from_the_network(bundled: tuple[str, Element]) -> None:
    html, dom = bundled
    assert injected(dom) == []
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//|@font-face", html)
    policy = [
        m for m in dom.find_all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert policy and "default-src 'none'" in policy[0].attrs["content"]
    assert "script-src" not in policy[0].attrs["content"]  # so default-src 'none' forbids scripts


def test_the_ranking_lists_every_bundled_program_with_grade_range_coverage_and_blockers(
    bundled: tuple[str, Element],
) -> None:
    _, dom = bundled
    ranking = dom.find_all("table", class_="ranking")[0]
    text = ranking.text
    for path in sorted(PROGRAMS.glob("*.yaml")):
        assert load_program(path).name in text
    sora_row = next(r for r in ranking.find_all("tr") if "Sora early access" in r.text)
    card = score(load_program(SORA), load_profile("articles"))
    assert card.grade == "E" and "E" in sora_row.text
    assert f"{card.coverage * 100:.0f}%" in sora_row.text
    assert "PAY001, CTL001, CRD002" in sora_row.text
    assert sora_row.find_all("svg", class_="bar"), "the range is drawn as a bar"
    worst, best = (f"{v:.1f}".removesuffix(".0") for v in card.range)
    assert (
        f"score {card.score:.1f}".removesuffix(".0") + f", possible {worst}–{best}" in sora_row.text
    )


def test_programs_without_a_grade_stand_apart_and_show_no_bare_score(
    bundled: tuple[str, Element],
) -> None:
    _, dom = bundled
    rows = dom.find_all("table", class_="ranking")[0].find_all("tr")
    groups = [r.text for r in rows if "group" in r.attrs.get("class", "").split()]
    assert [g.split("(")[0].strip() for g in groups] == [
        "Graded",
        "Not graded: not enough evidence",
        "For comparison",
    ]
    ungraded = [r for r in rows if r.attrs.get("class") == "ungraded"]
    assert len(ungraded) >= 10
    for row in ungraded:
        assert "no grade" in row.text
        assert "score " not in row.text  # only the possible range
        assert not row.find_all("rect", fill="#111")  # no score mark on the bar
    # The reference program is an example, not ranked among the real ones.
    examples = [r for r in rows if "example, not a real program" in r.text]
    assert len(examples) == 1 and "Reference program" in examples[0].text


def test_no_examples_leaves_the_reference_program_out(tmp_path: Path) -> None:
    _, dom = _report(tmp_path, "--no-examples")
    assert "Reference program" not in dom.text.split("The rules")[0]
    assert "For comparison" not in dom.text
    assert "Sora early access" in dom.text


def test_the_page_has_both_charts_as_inline_svg(bundled: tuple[str, Element]) -> None:
    _, dom = bundled
    for name in ("category-subtotals", "score-ranges"):
        figure = dom.by_id(f"chart-{name}")
        assert figure is not None
        svg = figure.find_all("svg")
        assert svg and svg[0].find_all("text")
        assert "Sora early access" in figure.text
    ids = [e.attrs["id"] for e in dom.iter() if "id" in e.attrs]
    assert len(ids) == len(set(ids)), "ids stay unique with two charts in one page"


def test_every_in_page_link_has_a_target(bundled: tuple[str, Element]) -> None:
    _, dom = bundled
    ids = {e.attrs["id"] for e in dom.iter() if "id" in e.attrs}
    targets = {a.attrs["href"][1:] for a in dom.find_all("a") if a.attrs["href"].startswith("#")}
    assert targets and targets <= ids


def test_each_program_shows_findings_facts_quotes_sources_and_what_to_ask_for(
    bundled: tuple[str, Element],
) -> None:
    _, dom = bundled
    article = next(a for a in dom.find_all("article") if "Sora early access" in a.text)
    findings = article.find_all("table", class_="findings")[0]
    assert len(findings.find_all("tr")) == 1 + len(ARTICLES)
    assert article.find_all("span", class_="claimed"), "claimed evidence is marked"
    assert article.find_all("span", class_="disputed"), "disputed terms are marked"
    quotes = [q.text for q in article.find_all("q")]
    assert "every output needs to be approved by the OpenAI team before sharing." in quotes
    links = [a.attrs["href"] for a in article.find_all("a")]
    assert "https://huggingface.co/spaces/PR-Puppets/PR-Puppet-Sora" in links
    clause = CATALOGUE["PAY001"].remedy.clause_for(load_profile("articles").parameters)
    assert clause in article.text
    assert "What to ask for" in article.text


def test_a_term_that_changed_shows_its_history_with_dates(tmp_path: Path) -> None:
    _, dom = _report(tmp_path, str(REPO / "tests" / "report" / "history.yaml"))
    article = dom.find_all("article")[0]
    assert "History (the current value scores)" in article.text
    assert "(until 2025-01)" in article.text and "(since 2025-01)" in article.text
    assert "rewards for valid reports" in [q.text for q in article.find_all("q")]


def test_the_page_names_the_profile_with_its_version_and_the_catalogue_with_citations(
    bundled: tuple[str, Element],
) -> None:
    _, dom = bundled
    profiles = dom.by_id("profiles")
    assert profiles is not None and "articles" in profiles.text and "version 1.0.0" in profiles.text
    rules = dom.by_id("rules")
    assert rules is not None
    for rule in CATALOGUE.values():
        assert f"{rule.code}: {rule.title}" in rules.text
        assert rule.citations[0].quote in rules.text


def test_several_profiles_show_where_they_disagree(tmp_path: Path) -> None:
    _, dom = _report(tmp_path, str(SORA), "--profile", "articles", "--profile", "industry-practice")
    section = dom.by_id("profiles-disagree")
    assert section is not None
    assert "articles 1.0.0" in section.text and "industry-practice" in section.text
    assert "PAY001" in section.text  # free access counts for part of PAY001 in industry-practice
    assert len(dom.by_id("profiles").find_all("h3")) == 2  # type: ignore[union-attr]


def test_hostile_text_stays_text(hostile: tuple[str, Element]) -> None:
    html, dom = hostile
    assert injected(dom) == []
    headings = [h.text for h in dom.find_all("h3")]
    assert "<script>alert(1)</script>" in headings
    assert '"><img src=x onerror=alert(2)>' in dom.text
    assert "</style><script>alert(3)</script>" in dom.text
    quotes = [q.text for q in dom.find_all("q")]
    assert "' onmouseover='alert(9)' \" onfocus=\"alert(10)\" <b>bold</b>" in quotes
    assert not [b for b in dom.find_all("b") if b.text == "bold"] and "<b>bold</b>" not in html
    # The chart labels are escaped too.
    chart = dom.by_id("chart-score-ranges")
    assert chart is not None and "<script>alert(1)</script>" in chart.text


def test_a_hostile_profile_file_is_text_too(tmp_path: Path) -> None:
    profile = REPO / "tests" / "report" / "hostile-profile.yaml"
    _, dom = _report(tmp_path, str(SORA), "--profile", str(profile), "--profile", "articles")
    assert injected(dom) == []
    section = dom.by_id("profiles")
    assert section is not None
    assert '<script>alert("title")</script>' in section.text
    assert '<img src=x onerror=alert("description")> javascript:alert(1)' in section.text
    assert '1.0"><script>alert("version")</script>' in dom.by_id("profiles-disagree").text  # type: ignore[union-attr]


def test_control_characters_never_reach_the_page_or_the_chart_files(tmp_path: Path) -> None:
    program = REPO / "tests" / "report" / "control-characters.yaml"
    html, dom = _report(tmp_path, str(program), "--charts-dir", str(tmp_path))
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", html)
    heading = "Control\\x00characters \\x1b[31mred\\x1b[0m \\x9b2J \\x7f end"  # shown, inert
    assert heading in [h.text for h in dom.find_all("h3")]
    for chart in tmp_path.glob("*.svg"):
        ET.fromstring(chart.read_bytes())  # well-formed XML: no control characters in it


def test_only_http_and_https_urls_become_links(hostile: tuple[str, Element]) -> None:
    _, dom = hostile
    article = next(a for a in dom.find_all("article") if "alert(1)" in a.text)
    hrefs = [a.attrs["href"] for a in article.find_all("a")]
    assert [h for h in hrefs if not h.startswith("#")] == ['https://example.org/ok?a=1&b="2"']
    shown = [s.text for s in article.find_all("span", class_="notlink")]
    assert "javascript:alert(1)" in shown
    assert "data:text/html,<script>alert(8)</script>" in shown


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/a?b=c", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox(1)", False),
        ("//evil.example/x", False),
        ("https:evil", False),
        ("file:///etc/passwd", False),
        ("https://exa mple.org", False),
        ("", False),
    ],
)
def test_safe_href(url: str, linked: bool) -> None:
    assert (safe_href(url) == url) is linked
    assert linked or safe_href(url) is None


def test_report_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("keep me", encoding="utf-8")
    result = run_cli("report", str(SORA), "-o", str(out))
    assert result.returncode == 2
    assert "already exists: use --force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    forced = run_cli("report", str(SORA), "-o", str(out), "--force")
    assert forced.returncode == 0, forced.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary file left


@pytest.mark.parametrize(
    ("output", "message"),
    [(".", "is a folder"), ("a-file/r.html", "a-file is not a folder")],
)
def test_an_output_that_cannot_be_written_is_refused_before_any_work(
    tmp_path: Path, output: str, message: str
) -> None:
    (tmp_path / "a-file").write_text("in the way\n", encoding="utf-8")
    result = run_cli("report", str(SORA), "-o", output, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_charts_dir_writes_each_chart_as_svg_and_png_deterministically(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    for folder in (first, second):
        folder.mkdir()
        result = run_cli(
            "report", str(SORA), "-o", str(folder / "r.html"), "--charts-dir", str(folder)
        )
        assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in first.iterdir())
    assert names == [
        "category-subtotals.png",
        "category-subtotals.svg",
        "r.html",
        "score-ranges.png",
        "score-ranges.svg",
    ]
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert (first / "score-ranges.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    svg = ET.fromstring((first / "score-ranges.svg").read_bytes())
    assert svg.tag.endswith("svg")
    again = run_cli(
        "report", str(SORA), "-o", str(tmp_path / "new.html"), "--charts-dir", str(first)
    )
    assert again.returncode == 2 and "already exists" in again.stderr


def test_a_bad_file_is_reported_and_the_others_still_make_the_page(tmp_path: Path) -> None:
    bad = REPO / "tests" / "examples" / "wrong-type.yaml"
    out = tmp_path / "r.html"
    result = run_cli("report", str(SORA), str(bad), "-o", str(out))
    assert result.returncode == 2
    assert "wrong-type.yaml:" in result.stderr and "Traceback" not in result.stderr
    assert "Sora early access" in out.read_text(encoding="utf-8")


def test_without_the_report_extra_the_command_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)  # import jinja2 now raises ImportError
    out, err = io.StringIO(), io.StringIO()
    status = main(["report", str(SORA), "-o", str(tmp_path / "r.html")], out=out, err=err)
    assert status == 2
    message = err.getvalue()
    assert message.count("\n") == 1
    assert "pip install 'testerterms[report]'" in message and "jinja2" in message
    assert not (tmp_path / "r.html").exists()


def test_each_program_section_folds_and_the_folded_summary_keeps_name_and_headline(
    bundled: tuple[str, Element],
) -> None:
    _, dom = bundled
    articles = dom.find_all("article", class_="program")
    assert len(articles) == len(list(PROGRAMS.glob("*.yaml")))
    for article in articles:
        (details,) = [c for c in article.children if isinstance(c, Element)]  # all of it folds
        assert details.tag == "details" and "open" not in details.attrs
        # Folded, a section still shows the program's name and its headline.
        summary = details.find_all("summary")[0]
        assert summary.find_all("h3") and summary.find_all("span", class_="grade")
        assert "known" in summary.text


def test_every_table_scrolls_inside_its_own_box_that_a_keyboard_can_reach(
    bundled: tuple[str, Element],
) -> None:
    _, dom = bundled
    parents = _parents(dom)
    tables = dom.find_all("table")
    assert len(tables) > len(list(PROGRAMS.glob("*.yaml")))  # the findings of each, and more
    for table in tables:
        box = parents[id(table)]
        assert "scroll" in box.attrs.get("class", "").split(), table.attrs
        assert box.attrs.get("role") == "region" and box.attrs.get("aria-label")
        assert box.attrs.get("tabindex") == "0"


def test_the_ranking_and_the_findings_become_cards_whose_cells_say_what_they_hold(
    bundled: tuple[str, Element],
) -> None:
    _, dom = bundled
    ranking = dom.find_all("table", class_="ranking")[0]
    assert "cards" in ranking.attrs["class"].split()
    findings = dom.find_all("table", class_="findings")
    assert findings and all("cards" in t.attrs["class"].split() for t in findings)
    headers = [th.text for th in ranking.find_all("thead")[0].find_all("th")]
    for table in [ranking, *findings]:
        for cell in table.find_all("td"):
            assert cell.attrs.get("data-label"), cell.text[:60]
    labels = {td.attrs["data-label"] for td in ranking.find_all("td")}
    assert labels == {"Rank", "Program", "Grade", "Score", "Known", "Blockers", "Disputed terms"}
    assert len(headers) == len(labels)


def test_the_style_never_breaks_a_word_to_narrow_a_column(bundled: tuple[str, Element]) -> None:
    html, _ = bundled
    style = html[html.index("<style>") : html.index("</style>")]
    # `anywhere` and `break-all` let a table squeeze a column by breaking every word in it
    # ("Parti/cipan/ts"); `break-word` breaks only a word wider than its whole line.
    assert "anywhere" not in style and "break-all" not in style
    assert "overflow-wrap: break-word" in style
    assert "@media (max-width: 800px)" in style  # the narrow layout: cards, charts as tables


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(one: str, other: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_text_colour_meets_wcag_aa_contrast(bundled: tuple[str, Element]) -> None:
    from testerterms.report._charts import BADGE_TEXT, GRADE_COLOURS, GRADE_INK, UNGRADED_INK

    html, _ = bundled
    style = html[html.index("<style>") : html.index("</style>")]
    colours = dict(re.findall(r"--([a-z]+): (#[0-9a-f]{6})", style))
    for name in ("ink", "muted", "met", "partly", "notmet", "unknown"):
        for background in ("#ffffff", colours["soft"]):
            assert _contrast(colours[name], background) >= 4.5, name
    for grade, fill in GRADE_COLOURS.items():
        assert _contrast(BADGE_TEXT[grade], fill) >= 4.5, f"grade {grade} badge"
        assert _contrast(GRADE_INK[grade], "#ffffff") >= 4.5, f"grade {grade} text"
    assert _contrast(UNGRADED_INK, "#ffffff") >= 4.5


def test_a_long_name_is_shortened_in_tables_and_charts_and_whole_in_its_section(
    tmp_path: Path,
) -> None:
    name = load_program(LONG_NAME).name
    assert len(name) == 20_000
    _, dom = _report(tmp_path, str(LONG_NAME), "--charts-dir", str(tmp_path))
    assert name in [h.text for h in dom.find_all("h3")]
    (details,) = dom.find_all("details")
    assert "open" in details.attrs  # the page's only program: its section is open
    ranking = dom.find_all("table", class_="ranking")[0]
    (shown,) = [a.text for a in ranking.find_all("a")]
    assert len(shown) <= 120 and shown.endswith("…") and name.startswith(shown[:-1])
    for chart in tmp_path.glob("*.svg"):
        texts = [
            t.text or "" for t in ET.fromstring(chart.read_bytes()).iter() if t.tag.endswith("text")
        ]
        assert texts and max(map(len, texts)) < 80, chart.name


def test_names_the_font_cannot_draw_are_charted_by_id_with_no_warning_and_valid_svg(
    tmp_path: Path,
) -> None:
    out = tmp_path / "report.html"
    result = run_cli("report", str(NAMES), "-o", str(out), "--charts-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if "wrote" not in line] == []
    dom = parse(out.read_text(encoding="utf-8"))
    headings = [h.text for h in dom.find_all("h3")]
    charts = sorted(tmp_path.glob("*.svg"))
    assert len(charts) == 2
    for chart in charts:
        svg = ET.fromstring(chart.read_bytes())  # valid XML: no noncharacter got in
        texts = {t.text for t in svg.iter() if t.tag.endswith("text")}
        for path in sorted(NAMES.glob("*.yaml")):
            program = load_program(path)
            assert program.name in headings  # the page shows every name as it is
            drawn = program.id == "greek-cyrillic"  # the one script DejaVu Sans draws
            assert (program.name in texts) is drawn, (chart.name, program.id)
            assert (program.id in texts) is not drawn, (chart.name, program.id)


@pytest.mark.slow
def test_charts_show_the_first_programs_in_ranking_order_and_say_how_many_of_all(
    articles: Profile,
) -> None:
    from testerterms.report._charts import CHART_ROWS

    sora = load_program(SORA)
    card = score(sora, articles)
    count = CHART_ROWS + 5
    programs = (
        (
            sora.model_copy(update={"id": f"copy-{n}", "name": f"Copy {n}"}),
            [replace(card, program_id=f"copy-{n}", program_name=f"Copy {n}")],
        )
        for n in range(count)
    )  # a generator: the report reads the programs once, as they come
    report = build_report(programs, [articles])
    assert report.programs == count
    dom = parse(report.html.decode("utf-8"))
    assert len(dom.find_all("table", class_="ranking")[0].find_all("a")) == count
    assert len(dom.find_all("article")) == count
    for chart in report.charts:
        figure = dom.by_id(f"chart-{chart.name}")
        assert figure is not None
        drawn = {t.text for t in figure.find_all("text")}
        assert {f"Copy {n}" for n in range(CHART_ROWS)} <= drawn
        assert f"Copy {CHART_ROWS}" not in drawn
        assert f"the first {CHART_ROWS} of the {count} programs" in figure.text
        assert len(figure.find_all("table")[0].find_all("a")) == CHART_ROWS  # its table


@pytest.mark.parametrize(
    "args",
    [
        [str(REPO / "tests" / "examples" / "wrong-type.yaml")],
        [str(PROGRAMS / "reference.yaml"), "--no-examples"],
    ],
)
def test_with_no_program_to_show_no_page_is_written(tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "r.html"
    result = run_cli("report", *args, "-o", str(out))
    assert result.returncode == 2
    assert "nothing to report" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()
