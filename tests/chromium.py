"""Headless Chromium driven over the DevTools protocol, with the standard library only.

Chromium started with ``--remote-debugging-pipe`` reads protocol commands on its file
descriptor 3 and writes answers and events on 4, one JSON message per NUL-terminated chunk.
That is all a test needs to open a page at a given viewport, run a script in it (axe-core, or
a measurement), and take a screenshot: no websocket client, no Playwright, no ChromeDriver.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

# The flags every run uses: no sandbox (CI runs as root), nothing fetched from anywhere, a
# fresh profile each time.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-extensions",
    "--disable-sync",
    "--disable-component-update",
    "--disable-background-networking",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--hide-scrollbars",
)


_PLACE_PIPES = """
import os, sys
commands, answers = int(sys.argv[1]), int(sys.argv[2])
os.dup2(commands, 3)
os.dup2(answers, 4)
os.close(commands)
os.close(answers)
os.execv(sys.argv[3], sys.argv[3:])
"""


class BrowserError(RuntimeError):
    pass


def _high(fd: int) -> int:
    """``fd`` moved to a number of 10 or more (close-on-exec, like the original)."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class Chromium:
    """One browser, one page. Use as a context manager; every call waits for its answer."""

    def __init__(self, binary: str, profile: Path, *, timeout: float = 120) -> None:
        self.timeout = timeout
        # Pipe ends numbered above 4, so that the redirections below cannot clobber them.
        commands_read, self._commands, self._answers, answers_write = (
            _high(fd) for fd in (*os.pipe(), *os.pipe())
        )
        # A small Python step puts the two pipe ends at 3 and 4, where Chromium looks for them
        # (a shell such as dash cannot name a descriptor above 9), then becomes Chromium.
        self._process = subprocess.Popen(
            [sys.executable, "-c", _PLACE_PIPES, str(commands_read), str(answers_write),
             binary, *FLAGS, "--remote-debugging-pipe", f"--user-data-dir={profile}",
             "about:blank"],
            pass_fds=(commands_read, answers_write),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        os.close(commands_read)
        os.close(answers_write)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        targets = self._call("Target.getTargets")["targetInfos"]
        page = next(t["targetId"] for t in targets if t["type"] == "page")
        self._session = self._call("Target.attachToTarget", targetId=page, flatten=True)[
            "sessionId"
        ]
        self.send("Page.enable")
        self.send("Runtime.enable")

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(BrowserError, OSError):
            self._call("Browser.close")
        for fd in (self._commands, self._answers):
            with contextlib.suppress(OSError):
                os.close(fd)
        try:
            self._process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stderr:
            self._process.stderr.close()

    # --- the protocol -------------------------------------------------------------------------

    def _write(self, message: dict[str, Any]) -> None:
        data = json.dumps(message).encode() + b"\0"
        while data:
            written = os.write(self._commands, data)
            data = data[written:]

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("Chromium did not answer in time")
            ready, _, _ = select.select([self._answers], [], [], left)
            if ready:
                chunk = os.read(self._answers, 1 << 20)
                if not chunk:
                    raise BrowserError(f"Chromium ended (status {self._process.poll()})")
                self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        answer: dict[str, Any] = json.loads(message)
        return answer

    def _call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self._write(message)
        deadline = time.monotonic() + self.timeout
        while True:
            answer = self._read(deadline)
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error']}")
                result: dict[str, Any] = answer.get("result", {})
                return result
            self.events.append(answer)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """A command to the page."""
        return self._call(method, self._session, **params)

    def wait_for(self, event: str) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while True:
            for index, seen in enumerate(self.events):
                if seen.get("method") == event:
                    del self.events[: index + 1]
                    return seen
            self.events.append(self._read(deadline))

    # --- what tests do ------------------------------------------------------------------------

    def open(self, url: str, *, width: int, height: int, mobile: bool) -> None:
        """Load ``url`` in a viewport of ``width`` x ``height`` CSS pixels (a phone's when
        ``mobile``: the page's viewport meta tag applies)."""
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width, height=height, deviceScaleFactor=1, mobile=mobile,
        )  # fmt: skip
        self.events.clear()
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (awaited if it is a promise)."""
        result = self.send(
            "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
        )
        if "exceptionDetails" in result:
            raise BrowserError(json.dumps(result["exceptionDetails"])[:2000])
        return result["result"].get("value")

    def screenshot(self, path: Path, *, height: int | None = None) -> Path:
        """The viewport as a PNG, or the page's first ``height`` pixels."""
        params: dict[str, Any] = {"format": "png"}
        if height is not None:
            width = self.evaluate("document.documentElement.clientWidth")
            full = self.evaluate("document.documentElement.scrollHeight")
            params["clip"] = {"x": 0, "y": 0, "width": width, "height": min(height, full),
                              "scale": 1}  # fmt: skip
            params["captureBeyondViewport"] = True
        path.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", **params)["data"]))
        return path
