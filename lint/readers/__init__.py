"""One reader per article format; each returns a `Document` aligned with the source.

`READERS` is the registry: a new input format is a new module here and one line below
(the file walk, `--stdin-format` and the reader choice all come from it).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from lint.model.document import Document


@dataclass(frozen=True)
class Reader:
    """A format: its name, the file suffixes it reads, and where its functions live."""

    name: str
    suffixes: tuple[str, ...]
    module: str  # lint.readers.<module>
    read: str  # (path, decoded text) -> Document
    extract: str | None = None  # for a binary format: bytes -> the article text

    def function(self, attribute: str) -> Callable:
        """A function of the reader's module, imported on first use."""
        return getattr(import_module(f"lint.readers.{self.module}"), attribute)


READERS: dict[str, Reader] = {reader.name: reader for reader in (
    Reader("text", (".txt", ".text"), "text", "read_text"),
    Reader("markdown", (".md", ".markdown"), "markdown", "read_markdown"),
    Reader("html", (".html", ".htm"), "html", "read_html"),
    Reader("docx", (".docx",), "docx", "read_docx_file", extract="docx_text"),
)}
SUFFIXES = {suffix: reader.name for reader in READERS.values() for suffix in reader.suffixes}
TEXT_FORMATS = tuple(name for name, reader in READERS.items() if reader.extract is None)  # readable from stdin


def format_for(path: str) -> str:
    """The reader format for a file name (plain text when the suffix is unknown)."""
    return SUFFIXES.get(Path(path).suffix.lower(), "text")


def reader_for(path: str) -> Reader:
    """The reader for a file name."""
    return READERS[format_for(path)]


def read_document(path: str, source: str, fmt: str | None = None) -> Document:
    """Parse decoded source text into a Document with the reader for its format."""
    reader = READERS[fmt or format_for(path)]
    document: Document = reader.function(reader.read)(path, source)
    return document
