"""Agreements of every file type, made in the tests: a text PDF, an encrypted one, one with
no text, a Word file, an HTML page."""

from __future__ import annotations

import io


def pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF whose text is ``lines`` (Helvetica, one line each)."""

    def escaped(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    shown = " ".join(f"({escaped(line)}) Tj 0 -14 Td" for line in lines)
    content = f"BT /F1 10 Tf 40 760 Td {shown} ET".encode("latin-1")
    return _one_page_pdf(b"<< /Length %d >>\nstream\n" % len(content) + content)


def _one_page_pdf(stream: bytes) -> bytes:
    """A one-page PDF (Helvetica as F1) whose content stream object is ``stream``."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def encrypted_pdf_bytes(lines: list[str]) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(lines))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_only_pdf_bytes() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def html_page(paragraphs: list[str], *, title: str = "Tester Agreement", extra: str = "") -> str:
    import html

    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{html.escape(title)}</title>"
        f"<style>p {{ color: red }}</style></head><body>{extra}{body}</body></html>"
    )


def flate_pdf_bytes(content: bytes) -> bytes:
    """A one-page PDF whose content stream is ``content``, Flate-compressed (a small file that
    may unpack to a great deal)."""
    import zlib

    packed = zlib.compress(content, 9)
    return _one_page_pdf(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed)


def docx_with_body(body: str) -> bytes:
    """A Word file whose ``word/document.xml`` body is ``body`` (raw XML inside ``<w:body>``),
    deflated: a small file that may unpack to a great deal."""
    import zipfile

    base = zipfile.ZipFile(io.BytesIO(docx_bytes(["placeholder"])))
    head = base.read("word/document.xml").decode("utf-8").split("<w:body>")[0]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in base.infolist():
            data = base.read(info.filename)
            if info.filename == "word/document.xml":
                data = (head + "<w:body>" + body + "<w:sectPr/></w:body></w:document>").encode()
            archive.writestr(info.filename, data)
    return out.getvalue()
