"""The report as a browser shows it: headless Chromium renders the page of the bundled programs
plus hostile ones, at a phone's width and a desktop's.

- The DOM it built holds the tables and charts, shows the hostile strings as text, and holds
  nothing injected.
- At 390 px (a phone) and 1280 px (a desktop), with every program's section open: the page
  never scrolls sideways, no word is broken to narrow a column, chart labels do not overlap,
  a phone sees each chart's table instead of the chart, and axe-core finds no violation.

Chromium is driven over the DevTools protocol on a pipe (tests/chromium.py). axe-core comes
from its npm package: `.ci/run` installs it (`npm install --prefix .venv/node axe-core@4.14.1`),
or TESTERTERMS_AXE names an axe.min.js. Without Chromium or axe-core the tests are skipped
with the reason, unless TESTERTERMS_REQUIRE_BROWSER=1 (CI sets it), which makes either missing
a failure. Screenshots go to TESTERTERMS_SCREENSHOTS when it names a folder.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .chromium import Chromium
from .conftest import PROGRAMS, REPO, run_cli
from .html_dom import injected, parse

pytestmark = pytest.mark.slow

HOSTILE = REPO / "tests" / "report" / "hostile.yaml"
LONG_NAME = REPO / "tests" / "report" / "long-name.yaml"
NAMES = REPO / "tests" / "report" / "names"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
AXE = REPO / ".venv" / "node" / "node_modules" / "axe-core" / "axe.min.js"
SCREENS = {"phone": (390, 844, True), "desktop": (1280, 900, False)}


def _missing(reason: str) -> None:
    if os.environ.get("TESTERTERMS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"TESTERTERMS_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


def _browser() -> str:
    found = os.environ.get("TESTERTERMS_CHROMIUM") or next(
        (path for name in BROWSERS if (path := shutil.which(name))), None
    )
    if found is None:
        _missing("no Chromium found (apt-get install chromium, or set TESTERTERMS_CHROMIUM)")
    for module in ("jinja2", "matplotlib"):
        try:
            __import__(module)
        except ImportError:
            _missing(f"the report extra is not installed ({module} missing)")
    assert found is not None
    return found


def _axe() -> str:
    path = Path(os.environ.get("TESTERTERMS_AXE") or AXE)
    if not path.is_file():
        _missing(f"no axe-core at {path} (npm install --prefix .venv/node axe-core@4.14.1)")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _browser()
    page = tmp_path_factory.mktemp("page") / "report.html"
    sources = (PROGRAMS, HOSTILE, LONG_NAME, NAMES)
    result = run_cli("report", *map(str, sources), "-o", str(page))
    assert result.returncode == 0, result.stderr
    # 41 programs: one more than a chart shows, and the command says so.
    assert "the charts show the first 40 of the 41 programs" in result.stderr
    return page


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chromium]:
    with Chromium(_browser(), tmp_path_factory.mktemp("profile")) as chromium:
        yield chromium


def test_the_report_renders_in_chromium_with_hostile_strings_as_text(
    page: Path, browser: Chromium
) -> None:
    browser.open(page.as_uri(), width=1280, height=900, mobile=False)
    dom = parse(browser.evaluate("document.documentElement.outerHTML"))

    # What the page is for: the ranking, the charts, one article per program, the rules.
    ranking = dom.find_all("table", class_="ranking")
    assert ranking and len(ranking[0].find_all("tr")) >= 18
    for chart in ("chart-category-subtotals", "chart-score-ranges"):
        figure = dom.by_id(chart)
        assert figure is not None, chart
        assert figure.find_all("svg") and len(figure.find_all("text")) > 20, chart
    programs = len(list(PROGRAMS.glob("*.yaml"))) + 2 + len(list(NAMES.glob("*.yaml")))
    assert len(dom.find_all("article", class_="program")) == programs
    assert dom.by_id("rules") is not None

    # The hostile program: its strings are text; nothing it says became an element.
    assert injected(dom) == []
    assert "<script>alert(1)</script>" in [h.text for h in dom.find_all("h3")]
    assert "javascript:alert(1)" in [s.text for s in dom.find_all("span", class_="notlink")]
    assert '"><img src=x onerror=alert(2)>' in dom.text
    assert "' onmouseover='alert(9)'" in dom.text
    assert not [a for a in dom.find_all("a") if "alert" in a.attrs.get("href", "")]


# Words (runs of letters in a token short enough to fit a line) drawn on more than one line.
BROKEN_WORDS = r"""(() => {
  const broken = [];
  const range = document.createRange();
  const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT,
    {acceptNode: n => n.parentElement.closest("svg") ? NodeFilter.FILTER_REJECT
                                                      : NodeFilter.FILTER_ACCEPT});
  for (let node; (node = walker.nextNode()); ) {
    for (const token of node.data.matchAll(/\S+/g)) {
      if (token[0].length > 30) continue;  // a URL, a hostile name: wider than a line may be
      for (const word of token[0].matchAll(/\p{L}{2,}/gu)) {
        const start = token.index + word.index;
        range.setStart(node, start);
        range.setEnd(node, start + word[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0)
                                                         .map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(word[0]);
      }
    }
  }
  return broken.slice(0, 20);
})()"""

# Pairs of chart labels whose boxes share more than half a pixel each way.
OVERLAPPING_LABELS = r"""(() => {
  const found = [];
  for (const svg of document.querySelectorAll("figure.chart svg")) {
    const boxes = [...svg.querySelectorAll("text")]
      .filter(t => t.textContent.trim())
      .map(t => [t.textContent, t.getBoundingClientRect()]);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, p] = boxes[i], [b, q] = boxes[j];
        if (Math.min(p.right, q.right) - Math.max(p.left, q.left) > 0.5 &&
            Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 0.5) found.push([a, b]);
      }
  }
  return found.slice(0, 20);
})()"""

SMALLEST_TEXT = r"""(() => {
  let smallest = 100;
  for (const e of document.querySelectorAll("main *")) {
    if (e.closest("svg") || !e.getClientRects().length) continue;
    if (![...e.childNodes].some(n => n.nodeType === 3 && n.data.trim())) continue;
    smallest = Math.min(smallest, parseFloat(getComputedStyle(e).fontSize));
  }
  return smallest;
})()"""

AXE_RUN = """axe.run(document).then(r => r.violations.map(v =>
  `${v.id} (${v.nodes.length} nodes): ${v.help}: ${v.nodes[0].target.join(" ")}`))"""


def _display(browser: Chromium, selector: str) -> list[str]:
    return browser.evaluate(  # type: ignore[no-any-return]
        f"[...document.querySelectorAll({selector!r})].map(e => getComputedStyle(e).display)"
    )


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_report_reads_on_a_phone_and_a_desktop_with_no_axe_violation(
    page: Path, browser: Chromium, screen: str, tmp_path: Path
) -> None:
    axe = _axe()
    width, height, mobile = SCREENS[screen]
    browser.open(page.as_uri(), width=width, height=height, mobile=mobile)
    shot = browser.screenshot(tmp_path / f"report-{screen}.png", height=2400)
    folded = browser.evaluate("document.documentElement.scrollHeight")
    browser.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    opened = browser.evaluate("document.documentElement.scrollHeight")
    assert folded < opened / 3, "folded sections keep the page short"

    # Nothing makes the page wider than the screen: wide tables scroll in their own boxes.
    assert browser.evaluate("document.documentElement.scrollWidth") <= width
    assert browser.evaluate(BROKEN_WORDS) == []
    assert browser.evaluate(SMALLEST_TEXT) >= 11
    if screen == "phone":
        # The ranking is a pile of cards; each chart gives way to its table.
        assert "table-row" not in _display(browser, "table.ranking tbody tr")
        assert set(_display(browser, "table.findings tbody tr")) == {"block"}
        assert set(_display(browser, "figure.chart .drawing")) == {"none"}
        assert set(_display(browser, "figure.chart .figures")) == {"block"}
    else:
        assert set(_display(browser, "table.ranking tbody tr")) == {"table-row"}
        assert set(_display(browser, "figure.chart .drawing")) == {"block"}
        assert set(_display(browser, "figure.chart .figures")) == {"none"}
        assert browser.evaluate(OVERLAPPING_LABELS) == []

    browser.evaluate(axe)
    assert browser.evaluate(AXE_RUN) == []

    assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert int.from_bytes(shot.read_bytes()[16:20], "big") == width  # the PNG's width
    if folder := os.environ.get("TESTERTERMS_SCREENSHOTS"):
        shutil.copy(shot, Path(folder) / shot.name)
