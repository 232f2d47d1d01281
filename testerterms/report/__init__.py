"""One self-contained HTML page of scorecards, with charts: ``testerterms report``.

Needs the ``report`` extra (Jinja2 and matplotlib): ``pip install 'testerterms[report]'``.
The page makes no network request of any kind: styles are inline, charts are inline SVG,
and a Content-Security-Policy forbids scripts and remote content. Every text that came
from a program or profile file is escaped by Jinja2's autoescaping; a source URL becomes a
link only when it is http or https.

The page reads on any screen (tables scroll in their own boxes, narrow screens get cards and
each chart's table, every program's section folds) and at any size: programs are read once,
as they come, each section kept compressed until the page is assembled, and the charts show
at most :data:`CHART_ROWS` programs with labels measured to fit.
"""

from __future__ import annotations

from ._charts import CHART_ROWS
from ._page import Report, build_report, check_extra, is_example, safe_href

__all__ = ["CHART_ROWS", "Report", "build_report", "check_extra", "is_example", "safe_href"]
