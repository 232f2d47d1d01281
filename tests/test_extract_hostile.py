"""Hostile agreements: a binary file, an encrypted or image-only PDF, a 50 MB text, HTML with
scripts, a URL that redirects forever or never ends, text that would break YAML. Each gets a
one-line error or a bounded result, never a traceback, and nothing in a document is run."""

from __future__ import annotations

import http.server
import io
import json
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from testerterms import load_program
from testerterms.cli import main
from testerterms.extract import read_text

from .extract_files import (
    docx_bytes,
    docx_with_body,
    encrypted_pdf_bytes,
    flate_pdf_bytes,
    html_page,
    image_only_pdf_bytes,
    pdf_bytes,
)

CLAUSE = "All disputes between you and Acme will be resolved by binding arbitration."


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out, err)
    return status, out.getvalue(), err.getvalue()


def one_error_line(err: str, *words: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("testerterms: error: ")
    for word in words:
        assert word in lines[0], lines[0]


def test_a_binary_file_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "agreement.txt"
    path.write_bytes(bytes(range(256)) * 64)
    status, out, err = run("extract", str(path))
    assert status == 2 and out == ""
    one_error_line(err, "a binary file")


def test_an_encrypted_pdf_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypted_pdf_bytes([CLAUSE]))
    status, _, err = run("extract", str(path))
    assert status == 2
    one_error_line(err, "encrypted PDF")


def test_an_image_only_pdf_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(image_only_pdf_bytes())
    status, _, err = run("extract", str(path))
    assert status == 2
    one_error_line(err, "no text in the PDF", "OCR")


def test_a_damaged_pdf_or_word_file_is_one_line_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(pdf_bytes([CLAUSE])[:200])
    status, _, err = run("extract", str(broken))
    assert status == 2
    one_error_line(err, "broken.pdf")
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"PK\x03\x04 not really a zip file")
    status, _, err = run("extract", str(fake))
    assert status == 2
    one_error_line(err, "fake.docx")


def test_a_50_mb_text_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to disk
    status, _, err = run("extract", str(path))
    assert status == 2
    one_error_line(err, "52,428,800 bytes, more than extract reads")


def test_html_scripts_and_styles_are_dropped_unread(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    script = (
        f"<script>require('fs').writeFileSync('{marker}', 'x'); "
        "document.write('You will be paid USD 1,000,000.')</script>"
        "<noscript>Participants will be paid USD 50 an hour.</noscript>"
        "<!-- Participants will be paid USD 60 an hour. -->"
    )
    path = tmp_path / "page.html"
    path.write_text(html_page([CLAUSE], extra=script), encoding="utf-8")
    status, out, err = run("extract", str(path), "--format", "json")
    assert status == 0, err
    data = json.loads(out)
    assert data["proposed"] == {"voice.arbitration": True}
    assert data["title"] == "Tester Agreement"
    assert not marker.exists()


def test_yaml_output_keeps_hostile_quotes_exact(tmp_path: Path) -> None:
    sentences = [
        "# Acme: #1 \"Beta\" 'terms' \x1b[2J",
        'Acme "we" # may suspend or terminate your account at any time, for any reason.',
        "Participation in the Program is voluntary \x1b[31m\x07 and free.",
        "You agree to a non-disclosure agreement '{NDA}' & [a] |b| ---.",
        "All disputes will be resolved by binding arbitration " + "and more words " * 330 + ".",
    ]
    path = tmp_path / "hostile.md"
    path.write_text("\n\n".join(sentences), encoding="utf-8")
    target = tmp_path / "hostile.yaml"
    status, _, err = run("extract", str(path), "-o", str(target))
    assert status == 0, err
    assert run("validate", "--strict", str(target))[0] == 0
    program = load_program(target)
    quotes = {key: term.claims[0].quote for key, term in program.terms.items() if term.claims}
    assert program.name == "Acme: #1 \"Beta\" 'terms' \x1b[2J"
    assert quotes["access.revocation"] == sentences[1]
    assert "\x1b[31m\x07" in (quotes["expectations.voluntary"] or "")
    assert "'{NDA}' & [a] |b| ---" in (quotes["confidentiality.nda"] or "")
    assert len(quotes["voice.arbitration"] or "") > 4000
    text = target.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x07" not in text  # escaped in the file


def test_details_escape_control_characters_for_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "terms.txt"
    path.write_text("Participation is voluntary \x1b]0;owned\x07 for all.", encoding="utf-8")
    status, out, _ = run("extract", str(path), "--details")
    assert status == 0
    assert "\x1b" not in out and "\\x1b" in out


def test_a_5000_character_line_and_a_long_text_cost_time_in_proportion() -> None:
    from testerterms.extract._text import sentences

    line = "word " * 1000 + "."
    assert len(list(sentences(line))) == 1
    found = read_text((CLAUSE + " ") * 2000)
    assert len(found.clauses) == 2000
    # A megabyte on one line is read in pieces of at most 10,000 characters, so every pattern
    # sees a bounded text.
    pieces = list(sentences("you may not share any output without approval " * 20_000))
    assert len(pieces) >= 90
    assert max(len(piece.text) for piece in pieces) <= 10_000


def test_a_source_that_is_not_a_file_or_url_is_one_line_error(tmp_path: Path) -> None:
    status, _, err = run("extract", str(tmp_path))
    one_error_line(err, "a folder")
    status, _, err = run("extract", "ftp://example.org/terms.txt")
    one_error_line(err, "only http:// and https://")
    status, _, err = run("extract")
    assert status == 2 and "give the agreement to read" in err


# --- URLs, on a server on this machine ---------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    stop = threading.Event()

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        if self.path == "/terms.html":
            body = html_page([CLAUSE]).encode()
            self._send(200, "text/html; charset=utf-8", body)
        elif self.path == "/terms.pdf":
            self._send(200, "application/pdf", pdf_bytes([CLAUSE]))
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        elif self.path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            started = time.monotonic()
            while not self.stop.is_set() and time.monotonic() - started < 10:
                try:
                    self.wfile.write(b"word ")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.05)
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(10**12))
            self.end_headers()
        else:
            self._send(404, "text/plain", b"no")

    def _send(self, status: int, media: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        _Handler.stop.set()
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize("page", ["terms.html", "terms.pdf"])
def test_a_url_is_fetched_once_and_its_draft_validates(
    server: str, page: str, tmp_path: Path
) -> None:
    target = tmp_path / "acme.yaml"
    status, _, err = run("extract", f"{server}/{page}", "-o", str(target), "--organization", "Acme")
    assert status == 0, err
    assert run("validate", "--strict", str(target))[0] == 0
    program = load_program(target)
    assert program.terms.voice.arbitration.value is True
    assert program.sources["S1"].url == f"{server}/{page}"


def test_a_url_that_redirects_forever_is_one_line_error(server: str) -> None:
    status, _, err = run("extract", f"{server}/loop")
    assert status == 2
    one_error_line(err, "too many redirects")


def test_a_redirect_away_from_http_is_refused(server: str) -> None:
    status, _, err = run("extract", f"{server}/file")
    assert status == 2
    one_error_line(err, "not http(s)")


def test_a_url_that_never_ends_is_stopped_at_the_time_limit(server: str) -> None:
    status, _, err = run("extract", f"{server}/endless", "--timeout", "0.5")
    assert status == 2
    one_error_line(err, "took longer than 0.5 s")


def test_a_url_larger_than_the_limit_is_refused_before_it_is_read(server: str) -> None:
    status, _, err = run("extract", f"{server}/huge")
    assert status == 2
    one_error_line(err, "more than extract reads")


def test_a_missing_page_is_one_line_error(server: str) -> None:
    status, _, err = run("extract", f"{server}/missing")
    assert status == 2
    one_error_line(err, "HTTP 404")


@pytest.mark.parametrize(
    ("suffix", "module"), [(".pdf", "pypdf"), (".docx", "lxml.etree"), (".html", "lxml.html")]
)
def test_without_the_extra_the_error_names_the_extra_to_install(
    suffix: str, module: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, module, None)  # importing it now fails
    path = tmp_path / f"agreement{suffix}"
    path.write_bytes(
        b"%PDF-1.4" if suffix == ".pdf" else b"PK\x03\x04" if suffix == ".docx" else b"<html>"
    )
    status, _, err = run("extract", str(path))
    assert status == 2
    one_error_line(err, "pip install 'testerterms[extract]'")
    text = tmp_path / "agreement.md"
    text.write_text(CLAUSE, encoding="utf-8")
    assert run("extract", str(text))[0] == 0  # text and Markdown need no extra


def test_a_denied_pay_data_use_or_arbitration_never_reads_as_granted(tmp_path: Path) -> None:
    path = tmp_path / "unpaid.txt"
    path.write_text(
        "Acme Creative Partner Program Terms\n\n"
        "Participants will not be paid for their participation in the program.\n\n"
        "Your prompts are not used to train our models.\n\n"
        "Disputes will not be resolved by binding arbitration.\n",
        encoding="utf-8",
    )
    status, out, _ = run("extract", str(path), "--format", "json")
    assert status == 0
    proposed = json.loads(out)["proposed"]
    assert proposed["compensation.money"] == "none"
    assert proposed["ownership.data_use"] == "none"
    assert "voice.arbitration" not in proposed


RUN = "<w:r><w:t>a</w:t></w:r>"


def test_a_word_file_reads_paragraphs_tables_and_its_title(tmp_path: Path) -> None:
    import docx

    document = docx.Document(io.BytesIO(docx_bytes([CLAUSE], table=[["Pay", "Pay"], ["a", "b"]])))
    document.core_properties.title = "Tester Agreement"
    path = tmp_path / "terms.docx"
    document.save(str(path))
    status, out, _ = run("extract", str(path), "--format", "json")
    assert status == 0
    found = json.loads(out)
    assert found["title"] == "Tester Agreement"
    assert found["proposed"]["voice.arbitration"] is True
    assert found["characters"] == len(CLAUSE + "\nPay\na  b")


def test_a_word_file_whose_body_unpacks_past_the_limit_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from testerterms.extract import _readers

    monkeypatch.setattr(_readers, "MAX_DOCX_XML", 100_000)
    path = tmp_path / "bomb.docx"
    path.write_bytes(docx_with_body("<w:p><w:r><w:t>" + "a" * 200_000 + "</w:t></w:r></w:p>"))
    assert path.stat().st_size < 50_000
    status, _, err = run("extract", str(path))
    assert status == 2
    one_error_line(err, "bomb.docx", "unpacks to more than extract reads")


def test_a_word_file_is_read_within_a_budget_of_elements(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A million tiny runs once took minutes: the elements read are counted, and reading
    stops at the budget (counted, not timed)."""
    from testerterms.extract import _readers

    monkeypatch.setattr(_readers, "MAX_DOCX_ELEMENTS", 1_000)
    path = tmp_path / "runs.docx"
    path.write_bytes(docx_with_body("<w:p>" + RUN * 400 + "</w:p>"))  # 802 elements
    assert run("extract", str(path))[0] == 0
    path.write_bytes(docx_with_body("<w:p>" + RUN * 600 + "</w:p>"))  # 1,202 elements
    status, _, err = run("extract", str(path))
    assert status == 2
    one_error_line(err, "runs.docx", "more than 1,000 elements")


@pytest.mark.slow
def test_a_small_word_file_of_a_million_runs_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "runs.docx"
    path.write_bytes(docx_with_body("<w:p>" + RUN * 1_000_000 + "</w:p>"))
    assert path.stat().st_size < 1_000_000
    status, _, err = run("extract", str(path))
    assert status == 2
    one_error_line(err, "runs.docx", "elements")


def test_a_pdf_whose_content_unpacks_past_the_budget_is_refused_before_its_text_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pypdf

    from testerterms.extract import _readers

    read: list[int] = []
    extract_text = pypdf.PageObject.extract_text

    def counting(page: pypdf.PageObject, *args: object, **kwargs: object) -> str:
        read.append(1)
        return extract_text(page, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pypdf.PageObject, "extract_text", counting)
    operators = b"BT /F1 12 Tf 10 10 Td (a) Tj ET\n"
    path = tmp_path / "stream.pdf"
    path.write_bytes(flate_pdf_bytes(operators * (_readers.MAX_PDF_CONTENT // len(operators) + 1)))
    assert path.stat().st_size < 200_000
    status, _, err = run("extract", str(path))
    assert status == 2
    one_error_line(err, "stream.pdf", "page content")
    assert read == []  # refused before any text was extracted
    path.write_bytes(flate_pdf_bytes(b"BT /F1 12 Tf 10 10 Td (" + CLAUSE.encode() + b") Tj ET"))
    assert run("extract", str(path))[0] == 0
    assert read == [1]


def test_html_nested_deeper_than_libxml2s_default_is_read_in_full(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text(
        "<html><body><p>Intro text here.</p>"
        + "<div>" * 300
        + "<p>Participants will be paid for testing.</p>"
        + "</div>" * 300
        + f"<p>{CLAUSE}</p></body></html>",
        encoding="utf-8",
    )
    status, out, _ = run("extract", str(path), "--format", "json")
    assert status == 0
    proposed = json.loads(out)["proposed"]
    assert proposed["compensation.money"] == "everyone"
    assert proposed["voice.arbitration"] is True


def test_html_nested_past_any_limit_is_one_line_error_not_a_silent_cut(tmp_path: Path) -> None:
    path = tmp_path / "deeper.html"
    path.write_text(
        "<html><body><p>Intro.</p>" + "<div>" * 20_000 + f"<p>{CLAUSE}</p></body></html>",
        encoding="utf-8",
    )
    status, _, err = run("extract", str(path))
    assert status == 2
    one_error_line(err, "deeper.html", "nested too deeply")


@pytest.mark.parametrize(
    ("hostile", "kept"),
    [
        ("<!--" * 50_000, "<!--"),  # never closed: once quadratic (22 s for 100 KB)
        ("**x " * 50_000, "**x"),
        ("[a" * 100_000, "[a"),
        ("[a](b" * 40_000, "[a](b"),
        ("__x " * 50_000, "__x"),
    ],
)
def test_unclosed_markdown_openers_are_kept_as_text(hostile: str, kept: str) -> None:
    """Each opener's gap stops at the next opener of its kind, so these 200 KB cost a pass
    each (they took seconds to minutes before); an opener never closed stays in the text."""
    from testerterms.extract._text import markdown_text

    text = markdown_text(hostile)
    assert text.count(kept) >= hostile.count(kept) - 1


def test_markdown_lines_keep_their_numbers_after_a_comment(tmp_path: Path) -> None:
    path = tmp_path / "terms.md"
    path.write_text(
        "# Terms\n\n<!--\ninternal\ndraft\nnotes\n-->\n\nParticipants will be paid for testing.\n",
        encoding="utf-8",
    )
    status, out, _ = run("extract", str(path), "--format", "json")
    assert status == 0
    [clause] = json.loads(out)["clauses"]
    assert clause["line"] == 9
    assert "internal" not in json.dumps(json.loads(out))


def test_sources_with_the_same_name_are_written_to_files_of_their_own(tmp_path: Path) -> None:
    texts = {
        "a": "Participants will be paid for testing.",
        "b": "We may terminate your access at any time.",
        "c": CLAUSE,
    }
    for folder, text in texts.items():
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "terms.txt").write_text(text, encoding="utf-8")
    sources = [str(tmp_path / folder / "terms.txt") for folder in texts]
    out_dir = tmp_path / "out"
    status, _, err = run("extract", *sources, "-o", str(out_dir))
    assert status == 0, err
    written = {
        name: load_program(out_dir / f"{name}.yaml") for name in ("terms", "terms-2", "terms-3")
    }
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "terms-2.yaml",
        "terms-3.yaml",
        "terms.yaml",
    ]
    assert [program.id for program in written.values()] == ["terms", "terms-2", "terms-3"]
    assert "terms-2.yaml" in err and "both have the name 'terms'" in err
    # --force is for files that existed before the run: a second run writes the same three
    status, _, err = run("extract", *sources, "-o", str(out_dir), "--force")
    assert status == 0, err
    assert len(list(out_dir.iterdir())) == 3


def test_bidi_controls_in_the_yaml_are_escaped_and_read_back_the_same(tmp_path: Path) -> None:
    import yaml

    sentence = "Participants will be paid \u202eevery month\u202c for testing."
    path = tmp_path / "rlo.txt"
    path.write_text(sentence + "\n", encoding="utf-8")
    status, out, _ = run("extract", str(path))
    assert status == 0
    assert "\u202e" not in out and "\\u202E" in out
    quotes = [
        fact["quote"]
        for fact in yaml.safe_load(out)["terms"]["compensation"].values()
        if isinstance(fact, dict) and "quote" in fact
    ]
    assert quotes == [sentence]


class _Counting:
    """A pattern that counts the characters it is run over."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.chars = 0

    def search(self, text: str, pos: int = 0, endpos: int = 2**62) -> re.Match[str] | None:
        self.chars += min(endpos, len(text)) - pos
        return self.pattern.search(text, pos, endpos)


def _prefixes() -> list[str]:
    from testerterms.extract import SPOTTERS

    return sorted(
        {
            " ".join(sentence.split()[:words]) + " "
            for unit in SPOTTERS.values()
            for sentence in unit.examples
            for words in (2, 3, 4)
        }
        | {"You cannot share or ", "You may withdraw from ", "You may not post "}
    )


@pytest.mark.parametrize(
    "every_example",
    [False, pytest.param(True, marks=pytest.mark.slow)],
    ids=["the reviewed openings", "every example's openings"],
)
def test_patterns_with_long_gaps_read_repeated_openings_in_a_bounded_window(
    every_example: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word gap after "you may not post" tried every object at each of 120 characters, at
    every opening: a megabyte of "You cannot share or " took 15 s. Those patterns now run only
    on a window where their object follows the opening; the characters they are run over are
    counted over every spotter example's first words repeated (not timed)."""
    from testerterms.extract.spotters import confidentiality, content_review, expectations

    counted = {
        (content_review, "_BAN"),
        (content_review, "_FORBIDDEN"),
        (confidentiality, "_DISCLOSE_BAN"),
        (expectations, "_CHANGES_THEM"),
    }
    counters = []
    for module, name in counted:
        counter = _Counting(getattr(module, name))
        monkeypatch.setattr(module, name, counter)
        counters.append(counter)
    confidentiality._duty.cache_clear()
    reviewed = ["You cannot share or ", "You may withdraw from ", "You may not post "]
    for prefix in _prefixes() if every_example else reviewed:
        text = (prefix * (12_000 // len(prefix) + 1))[:12_000]
        for counter in counters:
            counter.chars = 0
        read_text(text)
        for counter in counters:
            assert counter.chars <= 2_000, (prefix, counter.pattern.pattern[:40])
    confidentiality._duty.cache_clear()


def _count_tries(monkeypatch: pytest.MonkeyPatch, only: set[int] | None = None) -> list[int]:
    """A counter of the places a staged alternative is matched at (of the alternatives whose
    compiled pattern's id is in ``only``, if given)."""
    from testerterms.extract.spotters import _vocab

    tried = [0]
    first_start = _vocab._first_start

    class Counting:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
            tried[0] += only is None or id(self.pattern) in only
            return self.pattern.match(text, pos)

    def counting(pattern: re.Pattern[str], *args: object) -> int | None:
        return first_start(Counting(pattern), *args)  # type: ignore[arg-type]

    monkeypatch.setattr(_vocab, "_first_start", counting)
    return tried


@pytest.mark.parametrize(
    "prefix",
    [
        "We may also leverage ",
        "We may also leverage data ",
        "You grant Acme a perpetual, worldwide, ",
        "Any feedback that you provide can be ",
        "Acme may suspend or terminate ",
        "Acme may suspend or terminate your ",
    ],
)
def test_patterns_of_far_apart_pieces_are_tried_only_where_every_piece_follows(
    prefix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Data use, licence grants and a power to revoke access are written as pieces far apart
    ("we may also leverage" ... "data" ... "to improve"): a megabyte of an opening, or of an
    opening and its next piece, once cost 3-8 s in these patterns alone. Each alternative is
    now matched only at an opening whose later pieces all follow in reach: the places it is
    tried at are counted (not timed)."""
    from testerterms.extract.spotters import access, ownership

    tried = _count_tries(monkeypatch)
    ownership._grant.cache_clear()
    access._revoking.cache_clear()
    text = (prefix * (12_000 // len(prefix) + 1))[:12_000]
    read_text(text)
    assert tried[0] <= 5, prefix
    ownership._grant.cache_clear()
    access._revoking.cache_clear()
    # the same patterns still find what they are written for
    assert read_text("We may also leverage data to improve the tool.").values


@pytest.mark.parametrize("prefix", ["You may withdraw from ", "You may withdraw from the Study "])
def test_a_change_of_terms_or_leaving_is_tried_only_where_its_last_piece_follows(
    prefix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text of "you may withdraw from" opens both a power to change the terms ("the program may
    withdraw ... features") and the right to leave ("you may withdraw ... at any time"): a
    megabyte of it cost 2.9 s. Those patterns are now matched only where their last piece
    ("subject to change", "make changes", "at any time", "the study") follows in the clause:
    the places they are tried at are counted (not timed)."""
    from testerterms.extract.spotters import expectations

    staged = (expectations._UNILATERAL, expectations._UNNAMED, expectations._VOLUNTARY)
    tried = _count_tries(monkeypatch, {id(alt[0]) for one in staged for alt in one._alternatives})
    text = (prefix * (12_000 // len(prefix) + 1))[:12_000]
    read_text(text)
    assert tried[0] <= 5, prefix
    # the same patterns still find what they are written for
    assert read_text("You may withdraw from the Study at any time.").values
    assert read_text("The Program may be modified at any time.").values


def test_clause_marks_are_found_once_per_sentence_not_once_per_match(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each candidate match asks where its clause starts ("you may withdraw from the study"
    is a candidate for revocation at every "may withdraw"): the semicolons, colons and "(a)"
    marks are found once per sentence and looked up, not searched again 400 characters back
    for every match. The characters they are searched in are counted."""
    from testerterms.extract.spotters import _vocab

    scanned = [0]
    marks = _vocab._CLAUSE_START

    class Counting:
        def finditer(self, text: str, pos: int = 0, endpos: int = 2**62) -> Iterator[re.Match[str]]:
            scanned[0] += max(0, min(endpos, len(text)) - pos)
            return marks.finditer(text, pos, endpos)

    monkeypatch.setattr(_vocab, "_CLAUSE_START", Counting())
    _vocab._clause_marks.cache_clear()
    text = ("You may withdraw from the Study " * 400)[:12_000]
    read_text(text)
    _vocab._clause_marks.cache_clear()
    assert 0 < scanned[0] <= 2 * len(text)
