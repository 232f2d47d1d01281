"""The report as a browser shows it: headless Chromium renders the page of the bundled programs
plus a hostile one; the DOM it built must hold the tables and charts, show the hostile strings
as text, and hold nothing injected. A screenshot is saved beside the page.

Without Chromium the test is skipped with the reason, unless TESTERTERMS_REQUIRE_BROWSER=1
(CI sets it), which makes a missing browser a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import PROGRAMS, REPO, run_cli
from .html_dom import injected, parse

HOSTILE = REPO / "tests" / "report" / "hostile.yaml"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _browser() -> str:
    required = os.environ.get("TESTERTERMS_REQUIRE_BROWSER") == "1"
    found = os.environ.get("TESTERTERMS_CHROMIUM") or next(
        (path for name in BROWSERS if (path := shutil.which(name))), None
    )
    if found is None:
        reason = "no Chromium found (apt-get install chromium, or set TESTERTERMS_CHROMIUM)"
        if required:
            pytest.fail(f"TESTERTERMS_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    for module in ("jinja2", "matplotlib"):
        try:
            __import__(module)
        except ImportError:
            message = f"the report extra is not installed ({module} missing)"
            if required:
                pytest.fail(message)
            pytest.skip(message)
    return found


def _chromium(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        browser,
        "--headless",
        "--no-sandbox",  # CI runs as root, where the sandbox cannot start
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
        "--host-resolver-rules=MAP * ~NOTFOUND",  # nothing may load from anywhere
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180)


def test_the_report_renders_in_chromium_with_hostile_strings_as_text(tmp_path: Path) -> None:
    browser = _browser()
    page = tmp_path / "report.html"
    result = run_cli("report", str(PROGRAMS), str(HOSTILE), "-o", str(page))
    assert result.returncode == 0, result.stderr

    rendered = _chromium(browser, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert rendered.returncode == 0, rendered.stderr[-2000:]
    dom = parse(rendered.stdout)

    # What the page is for: the ranking, the charts, one article per program, the rules.
    ranking = dom.find_all("table", class_="ranking")
    assert ranking and len(ranking[0].find_all("tr")) >= 18
    for chart in ("chart-category-subtotals", "chart-score-ranges"):
        figure = dom.by_id(chart)
        assert figure is not None, chart
        assert figure.find_all("svg") and len(figure.find_all("text")) > 20, chart
    programs = len(list(PROGRAMS.glob("*.yaml"))) + 1
    assert len(dom.find_all("article", class_="program")) == programs
    assert dom.by_id("rules") is not None

    # The hostile program: its strings are text; nothing it says became an element.
    assert injected(dom) == []
    assert "<script>alert(1)</script>" in [h.text for h in dom.find_all("h3")]
    assert "javascript:alert(1)" in [s.text for s in dom.find_all("span", class_="notlink")]
    assert '"><img src=x onerror=alert(2)>' in dom.text
    assert "' onmouseover='alert(9)'" in dom.text
    assert not [a for a in dom.find_all("a") if "alert" in a.attrs.get("href", "")]

    screenshot = tmp_path / "report.png"
    shot = _chromium(
        browser,
        tmp_path / "profile",
        "--hide-scrollbars",
        "--window-size=1280,3000",
        f"--screenshot={screenshot}",
        page.as_uri(),
    )
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert screenshot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert screenshot.stat().st_size > 50_000  # a page with content, not a blank one
