"""Agreements in, plain text out: a file (.txt, .md, .html, .pdf, .docx), standard input, or
an http(s) URL fetched once, each within limits of size and time.

Text and Markdown need nothing beyond the base install. HTML and Word (lxml) and PDF (pypdf)
need the ``extract`` extra; without it the reader says which extra to install.
Nothing in a document is ever run: scripts, styles and comments of HTML are dropped unread,
a PDF's or Word file's text is read, never its macros or actions. Every failure is a
:class:`~testerterms.errors.UsageError` with one line that names the source.
"""

from __future__ import annotations

import io
import logging
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Final

from .._escape import path as shown
from .._version import __version__
from ..errors import UsageError

MAX_FILE_BYTES: Final = 50 * 1024 * 1024
"""The largest PDF or Word file read (their text is a small part of them)."""
MAX_TEXT_BYTES: Final = 10 * 1024 * 1024
"""The largest text, Markdown or HTML file or download read."""
MAX_TEXT_CHARS: Final = 2_000_000
"""The most text read from one document (about 300,000 words: a long contract is 50,000)."""
MAX_PAGES: Final = 2_000
MAX_PDF_CONTENT: Final = 16 * 1024 * 1024
"""The most page content (drawing instructions, unpacked) read from a PDF over all its pages:
eight bytes for each character of :data:`MAX_TEXT_CHARS` (a page of text has two to four)."""
MAX_UNZIPPED: Final = 200 * 1024 * 1024
"""A Word file that unpacks to more than this is refused (a zip bomb)."""
MAX_DOCX_XML: Final = 24 * 1024 * 1024
"""The largest body (``word/document.xml``, unpacked) of a Word file read: twelve bytes of
markup for each character of :data:`MAX_TEXT_CHARS` (a plainly formatted document has two
to eight)."""
MAX_DOCX_ELEMENTS: Final = 500_000
"""The most XML elements read in a Word file's body (a 300,000-word document with its own
formatting on every sentence has about 300,000)."""
TIMEOUT: Final = 30.0
"""Seconds a URL may take, from the request to the last byte."""
MAX_REDIRECTS: Final = 5
EXTRA: Final = "pip install 'testerterms[extract]'"

KINDS: Final = ("txt", "md", "html", "pdf", "docx")
_SUFFIXES: Final = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
_MEDIA: Final = {
    "text/plain": "txt",
    "text/markdown": "md",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}


@dataclass(frozen=True)
class Document:
    """An agreement's text as extracted, and where it came from."""

    text: str
    name: str
    """How the source is named in messages and in the program: a file name, a URL, ``-``."""
    kind: str
    """txt, md, html, pdf or docx."""
    title: str | None = None
    url: str | None = None
    path: str | None = None


def read_source(
    source: str, *, stdin: BinaryIO | None = None, timeout: float = TIMEOUT
) -> Document:
    """The document named by ``source``: a file path, ``-`` for ``stdin``, or an http(s) URL."""
    if source == "-":
        if stdin is None:
            raise UsageError("-: no standard input to read")
        data = _read_limited(stdin, MAX_FILE_BYTES, "-")
        return from_bytes(data, "-", _sniff(data), path="-")
    if re.match(r"(?i)https?://", source):
        data, kind = fetch(source, timeout=timeout)
        return from_bytes(data, source, kind, url=source)
    if re.match(r"(?i)[a-z][a-z0-9+.-]*://", source):
        raise UsageError(f"{shown(source)}: only http:// and https:// URLs are read")
    path = Path(source)
    if path.is_dir():
        raise UsageError(f"{shown(source)}: a folder; give the agreement's file")
    if not path.exists():
        raise UsageError(f"{shown(source)}: no such file")
    if not path.is_file():
        raise UsageError(f"{shown(source)}: not a regular file")
    named = _SUFFIXES.get(path.suffix.lower())
    limit = MAX_FILE_BYTES if named in (None, "pdf", "docx") else MAX_TEXT_BYTES
    size = path.stat().st_size
    if size > limit:
        raise UsageError(
            f"{shown(source)}: {size:,} bytes, more than extract reads ({limit // 2**20} MB)"
        )
    with path.open("rb") as stream:
        data = _read_limited(stream, limit, source)
    return from_bytes(data, source, named or _sniff(data), path=path.name)


def from_bytes(
    data: bytes, name: str, kind: str, *, url: str | None = None, path: str | None = None
) -> Document:
    """The text of a document given as bytes of one of :data:`KINDS`."""
    if kind == "pdf":
        text, title = _pdf_text(data, name)
    elif kind == "docx":
        text, title = _docx_text(data, name)
    elif kind == "html":
        text, title = _html_text(data, name)
    else:
        if len(data) > MAX_TEXT_BYTES:
            raise UsageError(
                f"{shown(name)}: {len(data):,} bytes of text, more than extract reads "
                f"({MAX_TEXT_BYTES // 2**20} MB)"
            )
        text, title = _plain_text(data, name), None
        if kind == "md":
            from ._text import markdown_text

            heading = re.search(r"^[ \t]{0,3}#[ \t]+(.+?)[ \t#]*$", text, re.MULTILINE)
            title = " ".join(heading.group(1).split()) if heading else None
            text = markdown_text(text)
    if len(text) > MAX_TEXT_CHARS:
        raise UsageError(
            f"{shown(name)}: {len(text):,} characters of text, more than extract reads "
            f"({MAX_TEXT_CHARS:,})"
        )
    if not text.strip():
        raise UsageError(f"{shown(name)}: no text in it")
    return Document(text, name, kind, title=title, url=url, path=path)


def _read_limited(stream: BinaryIO, limit: int, name: str) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise UsageError(f"{shown(name)}: more than extract reads ({limit // 2**20} MB)")
    return data


def _sniff(data: bytes) -> str:
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if re.match(rb"(?i)(<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<html)", head):
        return "html"
    return "txt"


def _plain_text(data: bytes, name: str) -> str:
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if b"\x00" in sample or controls > len(sample) // 20:
        raise UsageError(
            f"{shown(name)}: a binary file, not text; extract reads .txt, .md, .html, .pdf "
            "and .docx"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # Windows text, as editors guess it


# --- HTML ----------------------------------------------------------------------------------------

_SKIP: Final = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "button",
        "select",
        "option",
        "textarea",
        "input",
    ]
)
_BLOCKS: Final = frozenset(
    [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "nav",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "dl",
        "hr",
        "br",
        "figure",
        "figcaption",
        "address",
        "details",
        "summary",
        "form",
        "fieldset",
        "legend",
        "caption",
        "tbody",
        "thead",
        "tfoot",
    ]
)


def _needs(module: str, what: str, name: str) -> Any:
    try:
        return __import__(module, fromlist=["_"])
    except ImportError:
        raise UsageError(
            f"{shown(name)}: reading {what} needs the extract extra: {EXTRA}"
        ) from None


_RESOURCE_LIMIT: Final = re.compile(r"(?i)excessive depth|huge input|resource limit|too large")


def _html_text(data: bytes, name: str) -> tuple[str, str | None]:
    lxml_html = _needs("lxml.html", "HTML", name)
    if len(data) > MAX_TEXT_BYTES:
        raise UsageError(f"{shown(name)}: more than extract reads ({MAX_TEXT_BYTES // 2**20} MB)")
    # huge_tree: libxml2 otherwise stops at 256 levels of nesting and, recovering, drops the
    # rest of the page without a word; the size limit above still bounds the work.
    parser = lxml_html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True, huge_tree=True
    )
    try:
        root = lxml_html.document_fromstring(data, parser=parser)
    except Exception as exc:  # lxml raises several types for a page it cannot parse
        raise UsageError(f"{shown(name)}: cannot read the HTML ({type(exc).__name__})") from None
    if any(_RESOURCE_LIMIT.search(entry.message) for entry in parser.error_log):
        raise UsageError(f"{shown(name)}: HTML nested too deeply or too large to read in full")
    title_element = root.find(".//title")
    title = (
        " ".join((title_element.text_content() or "").split())
        if title_element is not None
        else None
    )
    parts: list[str] = []
    _walk_html(root, parts)
    text = "".join(parts)
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text, title or None


def _walk_html(element: Any, parts: list[str]) -> None:
    stack: list[tuple[Any, bool]] = [(element, False)]
    while stack:  # iterative: a page nested 10,000 deep cannot exhaust the stack
        node, closing = stack.pop()
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if closing:
            if tag in _BLOCKS:
                parts.append("\n")
            if node.tail:
                parts.append(_spaces(node.tail))
            continue
        if tag in _SKIP or not tag:
            if node.tail and tag:
                parts.append(_spaces(node.tail))
            continue
        if tag in _BLOCKS:
            parts.append("\n")
        if tag in ("td", "th"):
            parts.append(" ")
        if node.text:
            parts.append(node.text if tag == "pre" else _spaces(node.text))
        stack.append((node, True))
        for child in reversed(list(node)):
            stack.append((child, False))


def _spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text)


# --- PDF -----------------------------------------------------------------------------------------


def _pdf_text(data: bytes, name: str) -> tuple[str, str | None]:
    pypdf = _needs("pypdf", "PDF", name)
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are not ours to print
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception:  # an encryption pypdf cannot undo without more packages
                opened = 0
            if not opened:
                raise UsageError(
                    f"{shown(name)}: an encrypted PDF; save an unencrypted copy and read that"
                )
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise UsageError(f"{shown(name)}: {len(pages):,} pages, more than extract reads")
        texts: list[str] = []
        size = 0
        decoded = 0
        for page in pages:
            # The page's drawing instructions, unpacked, are counted before its text is read:
            # a small file may unpack to a stream that takes minutes to interpret.
            contents = page.get_contents()
            decoded += len(contents.get_data()) if contents is not None else 0
            if decoded > MAX_PDF_CONTENT:
                raise UsageError(
                    f"{shown(name)}: unpacks to more than extract reads "
                    f"({MAX_PDF_CONTENT // 2**20} MB of page content)"
                )
            text = page.extract_text() or ""
            size += len(text)
            if size > MAX_TEXT_CHARS:
                raise UsageError(f"{shown(name)}: more text than extract reads")
            texts.append(text)
        title = None
        metadata = reader.metadata
        if metadata is not None and isinstance(metadata.title, str):
            title = " ".join(metadata.title.split()) or None
    except UsageError:
        raise
    except Exception as exc:  # a damaged or hostile PDF: pypdf raises many types
        raise UsageError(f"{shown(name)}: cannot read the PDF ({type(exc).__name__})") from None
    text = "\n\n".join(texts)
    if not text.strip():
        raise UsageError(
            f"{shown(name)}: no text in the PDF (pages that are only images, such as a scan: "
            "run OCR first)"
        )
    return text, title


# --- Word ----------------------------------------------------------------------------------------


_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC_TITLE: Final = "{http://purl.org/dc/elements/1.1/}title"


def _docx_text(data: bytes, name: str) -> tuple[str, str | None]:
    """The paragraphs of a Word file's body, a table row a line (its cells two spaces apart).

    Read with lxml's ``iterparse`` under three budgets, each checked as it is spent, so a
    small file that unpacks to a huge body is refused early and cheaply: the body's declared
    unpacked size (:data:`MAX_DOCX_XML`), its elements (:data:`MAX_DOCX_ELEMENTS`) and its
    characters of text (:data:`MAX_TEXT_CHARS`). python-docx builds an object for every run
    and paragraph first, which a body of a million runs makes take minutes."""
    etree = _needs("lxml.etree", "Word files", name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = {entry.filename: entry for entry in archive.infolist()}
            body = entries.get("word/document.xml")
            if body is None:
                raise UsageError(f"{shown(name)}: not a Word (.docx) document")
            if (
                body.file_size > MAX_DOCX_XML
                or sum(entry.file_size for entry in entries.values()) > MAX_UNZIPPED
            ):
                raise UsageError(
                    f"{shown(name)}: unpacks to more than extract reads "
                    f"({MAX_DOCX_XML // 2**20} MB of document text and markup)"
                )
            with archive.open(body) as stream:  # reads at most the declared size
                lines = _docx_lines(etree, stream, name)
            title = None
            core = entries.get("docProps/core.xml")
            if core is not None and core.file_size <= 1_000_000:
                root = etree.fromstring(archive.read(core), _xml_parser(etree))
                found = root.find(_DC_TITLE) if root is not None else None
                if found is not None and found.text:
                    title = " ".join(found.text.split())[:1000] or None
    except UsageError:
        raise
    except Exception as exc:  # a damaged or hostile file: zipfile and lxml raise many types
        raise UsageError(
            f"{shown(name)}: cannot read the Word file ({type(exc).__name__})"
        ) from None
    return "\n".join(lines), title


def _xml_parser(etree: Any) -> Any:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _docx_lines(etree: Any, stream: Any, name: str) -> list[str]:
    t, tab, br, cr, p, tc, tr, r = (
        _W + tag for tag in ("t", "tab", "br", "cr", "p", "tc", "tr", "r")
    )
    box, body = _W + "txbxContent", _W + "body"
    run_text: list[str] = []
    cell_paragraphs: list[str] = []
    cells: list[str] = []
    lines: list[str] = []
    size = 0
    events = etree.iterparse(
        stream,
        events=("end",),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    for count, (_, element) in enumerate(events, start=1):
        if count > MAX_DOCX_ELEMENTS:
            raise UsageError(
                f"{shown(name)}: more than {MAX_DOCX_ELEMENTS:,} elements in the document, "
                "more than extract reads"
            )
        tag = element.tag
        if tag == t:
            text = element.text or ""
            run_text.append(text)
            size += len(text)
            if size > MAX_TEXT_CHARS:
                raise UsageError(f"{shown(name)}: more text than extract reads")
        elif tag == r:
            element.clear()  # its text is taken: keep no finished run
            while element.getprevious() is not None:
                del element.getparent()[0]
        elif tag == tab:
            run_text.append("\t")
        elif tag in (br, cr):
            run_text.append("\n")
        elif tag == p:
            text = "".join(run_text)
            run_text.clear()
            where = element.getparent()
            where_tag = where.tag if where is not None else None
            if where_tag == tc:
                cell_paragraphs.append(text)
            elif where_tag != box:  # a text box repeats its text in a fallback
                lines.append(text)
            element.clear()
            if where_tag == body:  # the body keeps no finished paragraph
                while element.getprevious() is not None:
                    del where[0]
        elif tag == tc:
            cells.append("\n".join(cell_paragraphs))
            cell_paragraphs.clear()
        elif tag == tr:
            lines.append("  ".join(dict.fromkeys(cells)))
            cells.clear()
    return lines


# --- URLs ----------------------------------------------------------------------------------------


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(
        self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> Any:
        if not re.match(r"(?i)https?://", newurl):
            raise urllib.error.URLError("a redirect to a URL that is not http(s)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, timeout: float = TIMEOUT, limit: int = MAX_FILE_BYTES) -> tuple[bytes, str]:
    """The bytes at ``url`` and their kind, fetched once: at most ``limit`` bytes, in at most
    ``timeout`` seconds, through at most :data:`MAX_REDIRECTS` redirects."""
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(
        url, headers={"User-Agent": f"testerterms/{__version__} (extract)", "Accept": "*/*"}
    )
    deadline = time.monotonic() + timeout
    name = shown(url)
    try:
        with opener.open(request, timeout=max(0.1, min(timeout, 10.0))) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise UsageError(f"{name}: {int(declared):,} bytes, more than extract reads")
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise UsageError(f"{name}: took longer than {timeout:g} s; stopped")
                chunk = response.read1(65536)  # what has arrived, not a full 64 KB
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise UsageError(
                        f"{name}: more than extract reads ({limit // 2**20} MB); stopped"
                    )
                chunks.append(chunk)
            media = response.headers.get_content_type()
            final = response.geturl()
    except UsageError:
        raise
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            if "infinite loop" in str(exc.reason) or "redirect" in str(exc.reason).lower():
                if "not allowed" in str(exc.reason):
                    raise UsageError(f"{name}: a redirect to a URL that is not http(s)") from None
                raise UsageError(f"{name}: too many redirects") from None
            raise UsageError(f"{name}: a redirect it will not follow ({exc.code})") from None
        raise UsageError(f"{name}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise UsageError(f"{name}: cannot fetch it ({exc.reason})") from None
    except TimeoutError:
        raise UsageError(f"{name}: took longer than {timeout:g} s; stopped") from None
    except (OSError, ValueError) as exc:
        raise UsageError(f"{name}: cannot fetch it ({type(exc).__name__})") from None
    data = b"".join(chunks)
    kind = _MEDIA.get(media) or _SUFFIXES.get(
        Path(urllib.parse.urlparse(final).path).suffix.lower()
    )
    return data, kind if kind in ("pdf", "docx", "html", "md") else _sniff(data)
