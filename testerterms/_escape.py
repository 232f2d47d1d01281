"""Text from a file, made safe for each output it reaches. Every renderer and every error
line goes through here; a new reporter picks the function for its format:

========================  ===========================================================
output                    function
========================  ===========================================================
terminal / plain text     :func:`terminal` (and :func:`path` for a file name)
Markdown                  :func:`markdown` (a table cell or a line of prose)
Word (.docx)              :func:`word` (the text of a run)
CSV                       :func:`csv_cell` (every cell, numbers included)
JSON / JSON lines         :func:`json_dumps` (and :func:`finite` for one number,
                          :func:`json_path` for a file name)
GitHub annotations        :func:`github_data` (the message), :func:`github_property`
SARIF                     :func:`sarif_message` (message text), :func:`uri_path` (a
                          file name in an ``artifactLocation.uri``)
HTML                      :func:`html` (text and attribute values), :func:`link_target`
========================  ===========================================================

What each guards against: a file's name, organization, quote, source title, reason or
profile title is written by whoever wrote the file. In a terminal an escape sequence can
set the window title, clear the screen, hide text or make a link; a newline can print a
line that looks like another file's ``path:line:col: error:``; in a Markdown table a ``|``
adds a cell; in a spreadsheet a cell starting with ``=`` runs a formula; in JSON a NaN is
not JSON at all. The functions never fail on any ``str`` (lone surrogates included) and
never change text that needs no escaping.
"""

from __future__ import annotations

import html as _html
import json
import math
import os
import re
from typing import Any, Final

__all__ = [
    "csv_cell",
    "finite",
    "github_data",
    "github_property",
    "html",
    "json_dumps",
    "json_path",
    "link_target",
    "markdown",
    "path",
    "sarif_message",
    "terminal",
    "uri_path",
    "word",
]

# C0 controls and DEL, C1 controls, the bidirectional overrides and isolates (they reorder
# what a reader sees: "Trojan Source"), the line and paragraph separators, and surrogates
# (a lone one cannot be encoded; from a file name it stands for a byte that was not UTF-8).
_UNSAFE: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
_UNSAFE_BUT_NEWLINE: Final = re.compile(_UNSAFE.pattern.replace("\x00-\x1f", "\x00-\x09\x0b-\x1f"))


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    named = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}.get(code)
    if named:
        return named
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def terminal(text: object, *, keep_newlines: bool = False) -> str:
    """``text`` with every control, escape, bidi-override and surrogate character shown as a
    visible escape (``\\x1b``, ``\\n``, ``\\u202e``), so nothing in it can act on a terminal.

    Newlines are escaped too (one field stays on one line) unless ``keep_newlines``, for a
    block of text whose line breaks are meant (a rule's rationale)."""
    pattern = _UNSAFE_BUT_NEWLINE if keep_newlines else _UNSAFE
    return pattern.sub(_visible, str(text))


def path(name: object) -> str:
    """A file name for an error line or a message: :func:`terminal`, with each byte that was
    not UTF-8 shown as ``\\xNN``; ``path:line:col:`` stays one line whatever the name holds."""
    return terminal(os.fspath(name) if isinstance(name, os.PathLike) else name)


# --- Markdown ------------------------------------------------------------------------------------

# `_` inside a word (snake_case) cannot start emphasis; at a word's edge it can.
_MARKDOWN_SPECIAL: Final = re.compile(r"([\\`*\[\]|~]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z]))")
_MARKDOWN_LEADING: Final = re.compile(r"^(\s*|\s*\d+)((?<!\d)[#+\-]|(?<=\d)[.)])(?=\s|$)")
_MARKDOWN_HTML: Final = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def markdown(text: object) -> str:
    """``text`` for a Markdown table cell or one line of prose (CommonMark / GitHub).

    ``|`` cannot add a cell, a newline cannot end the row (it becomes ``<br>``), HTML is
    written as entities, and the characters that start inline markup (emphasis, links, code,
    strike-through) anywhere, or a block (heading, list, quote) at the start, are
    backslash-escaped. Control characters are shown as in
    :func:`terminal`, since Markdown is often read in one."""
    lines = re.split(r"\r\n|\r|\n", str(text))
    escaped = []
    for line in lines:
        line = _MARKDOWN_SPECIAL.sub(r"\\\1", terminal(line))
        line = _MARKDOWN_LEADING.sub(r"\1\\\2", line)
        escaped.append("".join(_MARKDOWN_HTML.get(c, c) for c in line))
    return "<br>".join(escaped)


# --- Word --------------------------------------------------------------------------------------

# XML 1.0 cannot hold C0 controls (but tab, newline, carriage return), lone surrogates, U+FFFE
# or U+FFFF; a run's tab and newline would become layout (a tab stop, a line break), and the
# bidi overrides reorder what a reader sees. Word makes a field or a link only from elements a
# writer adds, never from a run's text, so text kept in plain runs stays text.
_WORD_UNSAFE: Final = re.compile(_UNSAFE.pattern[:-1] + "\ufffe\uffff]")
_WORD_SPACE: Final = re.compile("[\t\n\r\x0b\x0c\x85\u2028\u2029]+")


def word(text: object) -> str:
    """``text`` for a run of a Word document: line breaks and tabs become one space, every
    other control, bidi-override and surrogate character is removed (Word shows no escape
    sequence, and XML cannot hold most of them)."""
    return _WORD_UNSAFE.sub("", _WORD_SPACE.sub(" ", str(text)))


# --- CSV -----------------------------------------------------------------------------------------

# OWASP "CSV Injection": a cell starting with = + - @ tab or carriage return is read as a
# formula by spreadsheets; the full-width forms are folded to them by some. Prefixing a
# single quote makes the cell text. (Tab and CR never lead here: terminal() shows them.)
_FORMULA_STARTERS: Final = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value: object) -> object:
    """A CSV cell that a spreadsheet reads as text, never as a formula.

    Numbers pass as numbers (a non-finite one becomes empty); ``None`` becomes empty; text
    has control characters shown visibly and, when it starts with a formula character,
    a leading ``'`` (the OWASP recommendation). Quoting is left to the csv module."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value if math.isfinite(value) else ""
    text = terminal(value)
    return "'" + text if text.startswith(_FORMULA_STARTERS) else text


# --- JSON ----------------------------------------------------------------------------------------


def finite(value: float | None) -> float | None:
    """``value``, or ``None`` when it is NaN or infinite (JSON has neither)."""
    return value if value is None or math.isfinite(value) else None


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


_JSON_UNSAFE: Final = re.compile(_UNSAFE.pattern.replace("\x00-\x1f", ""))


def json_dumps(document: Any, *, indent: int | None = None) -> str:
    """``document`` as JSON text that is valid JSON and safe to print.

    Refuses NaN and infinity (``ValueError``: pass numbers through :func:`finite`). Keeps
    non-ASCII text readable but writes C1 controls, bidi overrides, line separators and
    lone surrogates as ``\\uXXXX`` escapes, which the JSON reader turns back into the same
    text (except that a high surrogate followed by a low one is read back as the single
    character the pair encodes, as JSON defines)."""
    text = json.dumps(document, indent=indent, ensure_ascii=False, allow_nan=False)
    if text.isascii():
        if "\x7f" not in text:  # DEL is the one ASCII character it escapes
            return text
    elif _utf8_safe(text):
        return text
    return _JSON_UNSAFE.sub(_json_escape, text)


_C1_UTF8: Final = re.compile(b"\xc2[\x80-\x9f]")
_MARKS_UTF8: Final = re.compile(b"\xe2\x80[\x8e\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]")


def _utf8_safe(text: str) -> bool:
    """Whether ``text`` holds none of the characters :data:`_JSON_UNSAFE` escapes but C0
    controls, read from its UTF-8 bytes: byte searches, several times faster on a long text
    than the pattern (a JSON line of a program is ten thousand characters)."""
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return False
    return not (
        b"\x7f" in raw  # DEL
        or b"\xd8\x9c" in raw  # U+061C, the Arabic letter mark
        or (b"\xc2" in raw and _C1_UTF8.search(raw))  # U+0080-U+009F
        # U+200E, U+200F, U+2028-U+202E, U+2066-U+2069
        or ((b"\xe2\x80" in raw or b"\xe2\x81" in raw) and _MARKS_UTF8.search(raw))
    )


def json_path(name: object) -> str:
    """A file name as JSON text: each byte that was not UTF-8 written as ``\\xNN``."""
    raw = os.fsencode(os.fspath(name) if isinstance(name, os.PathLike) else str(name))
    return raw.decode("utf-8", "backslashreplace")


# --- GitHub workflow commands --------------------------------------------------------------------


def github_data(text: object) -> str:
    """The message of a ``::error ...::message`` workflow command, escaped as GitHub reads it
    (line breaks as ``%0D``/``%0A``); other control characters shown as in :func:`terminal`."""
    encoded = str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return terminal(encoded)


def github_property(text: object) -> str:
    """A property value (``file=``, ``title=``) of a workflow command."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


# --- SARIF ---------------------------------------------------------------------------------------

_SARIF_SPECIAL: Final = re.compile(r"[\[\]{}]")
_SARIF_ESCAPES: Final = {"[": "\\[", "]": "\\]", "{": "{{", "}": "}}"}


def sarif_message(text: object, *, keep_newlines: bool = False) -> str:
    """``text`` as the plain text of a SARIF 2.1.0 message, which viewers render: ``[`` and
    ``]`` escaped with a backslash so that no embedded link is made (section 3.11.6), ``{``
    and ``}`` doubled so that none reads as a placeholder (3.11.5), and control, escape and
    bidi characters shown as in :func:`terminal`; every other character as it is."""
    visible = terminal(text, keep_newlines=keep_newlines)
    return _SARIF_SPECIAL.sub(lambda m: _SARIF_ESCAPES[m.group()], visible)


def uri_path(name: str | bytes | os.PathLike[str]) -> str:
    """A file name as the path of a URI: each byte that is not unreserved (RFC 3986) or ``/``
    percent-encoded, so any name, UTF-8 or not (``os.fsencode``), gives one valid URI."""
    from urllib.parse import quote  # here: every command imports this module, few write URIs

    return quote(os.fsencode(name), safe="/")


# --- HTML ----------------------------------------------------------------------------------------


def html(text: object) -> str:
    """``text`` for HTML element content or a quoted attribute value: ``& < > " '`` as
    entities, control characters shown visibly. (Jinja2 autoescape does the same for ``&<>"'``;
    this is for text built outside a template and for what autoescape cannot see.)"""
    return _html.escape(terminal(text, keep_newlines=True), quote=True)


_SAFE_SCHEMES: Final = ("http://", "https://", "mailto:")


def link_target(url: object) -> str | None:
    """``url`` if it may become a link (``http``, ``https`` or ``mailto``), else ``None``:
    a ``javascript:``, ``data:`` or ``vbscript:`` URL from a file is shown as text, never
    linked. Escape the result with :func:`html` before putting it in an attribute."""
    text = str(url).strip()
    if _UNSAFE.search(text) or not text.lower().startswith(_SAFE_SCHEMES):
        return None
    return text
