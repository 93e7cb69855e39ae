"""From what a request carries (pasted text or file bytes, and a file name) to a linted
report. Everything stays in memory: nothing here opens a file."""
from __future__ import annotations

import re
import threading
from pathlib import PurePosixPath

from lint.linter import Linter
from lint.model.document import Document
from lint.model.findings import FileReport
from lint.readers import READERS, SUFFIXES, read_document
from lint.readers.docx import DocxError, read_docx
from lint.workflow.inputs import MAX_CHARS, InputError, decode

MAX_NAME_CHARS = 200
KNOWN_SUFFIXES = ", ".join(sorted(SUFFIXES))
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class InputProblem(Exception):
    """A request the server cannot check: `status` is the HTTP status that says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def clean_filename(name: str) -> str:
    """The file name a report shows: the last part of what the client sent (a client's
    folders mean nothing here), without control characters, at most 200 characters."""
    base = PurePosixPath(_CONTROL.sub("", name).replace("\\", "/")).name.strip()
    if not base:
        raise InputProblem(422, "the file name is empty")
    return base[-MAX_NAME_CHARS:]


def format_of(filename: str) -> str:
    """The reader format a file name's suffix picks; an unknown suffix is refused (415)."""
    suffix = PurePosixPath(filename).suffix.lower()
    if suffix not in SUFFIXES:
        shown = f"'{suffix}'" if suffix else "no suffix"
        raise InputProblem(415, f"{filename}: unknown file type ({shown}); druglint reads {KNOWN_SUFFIXES}")
    return SUFFIXES[suffix]


def read_article(filename: str, text: str | None = None, data: bytes | None = None) -> Document:
    """The Document of one article given as decoded `text` or as file `data` (bytes); the
    file name's suffix picks the reader. Unreadable input raises InputProblem."""
    fmt = format_of(filename)
    if READERS[fmt].extract is not None:  # a binary format: only its bytes can be read
        if data is None:
            raise InputProblem(422, f"{filename}: a {fmt} file is binary; upload the file itself "
                               "(or send its bytes base64-encoded as content_base64)")
        try:
            document = read_docx(filename, data)  # the bytes in memory; the reader's own function opens the path
        except DocxError as error:
            raise InputProblem(422, f"{filename}: {error}") from None
    else:
        if text is None:
            try:
                text = decode(data or b"")
            except InputError as error:
                raise InputProblem(422, f"{filename}: {error}") from None
        document = _checked(filename, text, fmt)
    if not document.source.strip():
        raise InputProblem(422, f"{filename}: the article is empty")
    if len(document.source) > MAX_CHARS:
        raise InputProblem(413, f"{filename}: the article is longer than {MAX_CHARS:,} characters, "
                           "the most druglint checks")
    return document


def _checked(filename: str, text: str, fmt: str) -> Document:
    if "\x00" in text:
        raise InputProblem(422, f"{filename}: the text holds a NUL character; not an article")
    if len(text) > MAX_CHARS:
        raise InputProblem(413, f"{filename}: the article is longer than {MAX_CHARS:,} characters, "
                           "the most druglint checks")
    return read_document(filename, text, fmt)


class Checker:
    """One Linter, built once and shared by every request; it lints one article at a time
    (the spaCy pipeline is not meant to be shared between threads)."""

    def __init__(self, linter: Linter) -> None:
        self.linter = linter
        self._lock = threading.Lock()

    def check(self, document: Document) -> FileReport:
        """Lint a document read by `read_article`."""
        with self._lock:
            return self.linter.lint_document(document)
