"""One self-contained HTML page of scorecards, with charts: ``testerterms report``.

Needs the ``report`` extra (Jinja2 and matplotlib): ``pip install 'testerterms[report]'``.
The page makes no network request of any kind: styles are inline, charts are inline SVG,
and a Content-Security-Policy forbids scripts and remote content. Every text that came
from a program or profile file is escaped by Jinja2's autoescaping; a source URL becomes a
link only when it is http or https.
"""

from __future__ import annotations

from ._page import Report, build_report, check_extra, is_example, safe_href

__all__ = ["Report", "build_report", "check_extra", "is_example", "safe_href"]
