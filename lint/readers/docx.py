"""Word articles (.docx), read with python-docx.

The article text is the document's paragraphs and table rows, one per line, so a finding's
line is its paragraph (or row) number and its column the offset inside it. Heading styles become
headings, list styles (or numbered paragraphs) list items, a bold opening run a label.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass

from lint.model.document import Block, Document

HEADING_STYLE = re.compile(r"^(?:heading\s*(\d)|title)$", re.I)
MAX_PART_BYTES = 20 * 1024 * 1024  # the most an XML part (the document itself) may inflate to
MAX_TOTAL_BYTES = 100 * 1024 * 1024  # the most all parts together may inflate to (python-docx reads them all)


@dataclass(frozen=True)
class Paragraph:
    kind: str
    level: int
    text: str
    label_length: int | None


class DocxError(ValueError):
    """The file is not a readable Word document."""


def _check_sizes(data: bytes) -> None:
    """Refuse a zip whose parts would inflate past the limits, from the sizes its directory
    declares (zipfile never inflates a part past its declared size), before anything is read."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        total = 0
        for item in archive.infolist():
            total += item.file_size
            if item.filename.lower().endswith((".xml", ".rels")) and item.file_size > MAX_PART_BYTES:
                raise DocxError(f"not a readable .docx file ({item.filename} is {item.file_size:,} bytes "
                                f"uncompressed, more than {MAX_PART_BYTES // (1024 * 1024)} MB)")
        if total > MAX_TOTAL_BYTES:
            raise DocxError(f"not a readable .docx file ({total:,} bytes uncompressed, "
                            f"more than {MAX_TOTAL_BYTES // (1024 * 1024)} MB)")


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())[:200] or type(error).__name__


def paragraphs(data: bytes) -> list[Paragraph]:
    """The paragraphs of a .docx file with their kind (heading, item, paragraph). A file that
    is not a sound Word document (bad zip, malformed or hostile XML, parts too large) raises
    DocxError; libxml2 itself refuses entity expansion bombs and nesting deeper than 256."""
    from docx.exceptions import PythonDocxError
    from docx.opc.exceptions import OpcError
    from lxml import etree
    try:
        return _paragraphs(data)
    except DocxError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, LookupError, AttributeError,
            TypeError, EOFError, NotImplementedError, RecursionError, MemoryError, zlib.error,
            etree.LxmlError, OpcError, PythonDocxError) as error:
        raise DocxError(f"not a readable .docx file ({_one_line(error)})") from None


def _paragraphs(data: bytes) -> list[Paragraph]:
    import docx
    _check_sizes(data)
    document = docx.Document(io.BytesIO(data))
    found = []
    for part in document.iter_inner_content():  # paragraphs and tables, in document order
        if isinstance(part, docx.table.Table):
            found += _table_rows(part)
            continue
        paragraph = part
        text = paragraph.text.replace("\r", " ").replace("\n", " ")
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        heading = HEADING_STYLE.match(style.strip())
        numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
        if heading:
            kind, level = "heading", int(heading.group(1) or 1)
        elif style.lower().startswith("list") or numbered:
            kind, level = "item", 0
        else:
            kind, level = "paragraph", 0
        runs = [r for r in paragraph.runs if r.text]
        label = len(runs[0].text) if runs and runs[0].bold and len(runs) > 1 and kind != "heading" else None
        found.append(Paragraph(kind, level, text, label))
    return found


def _table_rows(table) -> list[Paragraph]:
    """A table, one line per row: its cells' text joined by ' | ', the first cell a label
    ("Children 6 to 11 | 1 tablet every 4 hours"), as a dose table row reads in Markdown."""
    rows = []
    for row in table.rows:
        cells = [" ".join(cell.text.split()) for cell in row.cells]
        unique = [text for index, text in enumerate(cells) if index == 0 or text != cells[index - 1]]  # merged cells
        text = " | ".join(unique)
        if text.strip(" |"):
            rows.append(Paragraph("item", 0, text, len(unique[0]) if len(unique) > 1 and unique[0] else None))
    return rows


def docx_text(data: bytes) -> str:
    """The article text of a .docx file: its paragraphs, one per line."""
    return "\n".join(p.text for p in paragraphs(data))


def read_docx(path: str, data: bytes) -> Document:
    """A Document whose source is the paragraphs' text, with blocks from the styles."""
    found = paragraphs(data)
    blocks, offset = [], 0
    for paragraph in found:
        stripped = paragraph.text.strip()
        if stripped:
            start = offset + len(paragraph.text) - len(paragraph.text.lstrip())
            label_end = start + paragraph.label_length if paragraph.label_length else None
            blocks.append(Block(paragraph.kind, start, start + len(stripped), level=paragraph.level,
                                label_end=label_end))
        offset += len(paragraph.text) + 1
    text = "\n".join(p.text for p in found)
    return Document(path=path, source=text, text=text, blocks=blocks, format="docx")


def read_docx_file(path: str, source: str) -> Document:
    """The Document of a .docx file whose text (`docx_text`) was read already; when the file
    cannot be read again to the same text, its paragraphs are taken as plain text."""
    try:
        with open(path, "rb") as handle:
            document = read_docx(path, handle.read())
        if document.source == source:
            return document
    except (OSError, DocxError):
        pass
    from lint.readers.text import read_text
    return read_text(path, source)
