"""One reader per article format; each returns a `Document` aligned with the source."""
from __future__ import annotations

from pathlib import Path

from lint.model.document import Document

SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html", ".docx": "docx"}


def format_for(path: str) -> str:
    """The reader format for a file name (plain text when the suffix is unknown)."""
    return SUFFIXES.get(Path(path).suffix.lower(), "text")


def read_document(path: str, source: str, fmt: str | None = None) -> Document:
    """Parse decoded source text into a Document with the reader for its format."""
    fmt = fmt or format_for(path)
    if fmt == "docx":
        from lint.readers.docx import read_docx_file
        return read_docx_file(path, source)
    if fmt == "markdown":
        from lint.readers.markdown import read_markdown
        return read_markdown(path, source)
    if fmt == "html":
        from lint.readers.html import read_html
        return read_html(path, source)
    from lint.readers.text import read_text
    return read_text(path, source)
