"""Finding article files and decoding them, with a clear error for anything unreadable.

Nothing here writes to disk: files are opened read-only and only read.
"""
from __future__ import annotations

import codecs
import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lint.readers import SUFFIXES, reader_for

MAX_CHARS = 1_000_000  # spaCy's default Language.max_length, which the blank pipeline keeps
MAX_TEXT_BYTES = 4 * MAX_CHARS + 4  # the most bytes MAX_CHARS characters take (UTF-32 with a BOM)
MAX_BYTES = 50 * 1024 * 1024  # read at most this much of any file (a .docx carries images)
UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_TOO_LONG = f"article is longer than {MAX_CHARS:,} characters, the most druglint checks"


class InputError(Exception):
    """An article that cannot be read; the message names the problem in one line."""


@dataclass(frozen=True)
class Article:
    path: str
    source: str | None
    error: str | None = None


def collect_paths(arguments: list[str]) -> list[tuple[str, str | None]]:
    """Expand arguments into (path, error) pairs: files as given, directories recursively
    (known suffixes only, each real folder once, so symlink loops end, and no symlink that leads
    out of the walked folder), '-' for standard input.
    A path that cannot be read comes with a one-line error instead of being dropped."""
    found: list[tuple[str, str | None]] = []
    for argument in arguments:
        if argument == "-":
            found.append(("-", None))
            continue
        path = Path(argument)
        if path.is_dir():
            found += _walk(path)
        elif path.exists():
            found.append((argument, None))
        else:
            found.append((argument, _missing_reason(argument)))
    return found


def _missing_reason(path: str) -> str:
    """Why a path that does not resolve to anything cannot be read."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop"
        if os.path.islink(path):
            return "broken symbolic link"
        if error.errno != errno.ENOENT:
            return error.strerror or str(error)
    return "no such file or directory"


def _walked_file_error(path: str) -> str | None:
    """The error for a file met in a folder walk: broken or looping links, and special files
    (a FIFO would block the walk, a device never ends), which are reported, never opened."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return _missing_reason(path)
    if stat.S_ISREG(mode):
        return None
    kind = "named pipe (FIFO)" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"
    return f"not a regular file ({kind}); not read"


def _inside(path: str, root: str) -> bool:
    """True when a resolved path is the resolved root folder or lies under it."""
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:  # different drives
        return False


def _walk(root: Path) -> list[tuple[str, str | None]]:
    """The article files under a folder, in sorted order, each folder's files before its
    subfolders. Symbolic links are followed only while they stay in the walked tree (the
    folder as resolved): a link to a file or folder elsewhere is skipped, so a checked-out
    repository cannot make druglint read, and report text from, files outside it. Iterative,
    so a tree thousands of folders deep cannot exhaust the stack."""
    found: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    top = os.path.realpath(root)
    stack = [str(root)]
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        if real in seen or not _inside(real, top):
            continue
        seen.add(real)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            found.append((folder, f"cannot list folder: {error.strerror or error}"))
            continue
        subfolders = []
        for entry in entries:
            if _is_folder(entry):
                subfolders.append(entry.path)
            elif Path(entry.name).suffix.lower() in SUFFIXES and not entry.name.startswith("."):
                if entry.is_symlink() and not _inside(os.path.realpath(entry.path), top):
                    continue
                found.append((entry.path, _walked_file_error(entry.path)))
        stack += reversed(subfolders)
    return found


def _is_folder(entry: os.DirEntry) -> bool:
    """A folder, or a link to one (a link that cannot be followed is not)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _looks_like_bomless_utf16(data: bytes) -> bool:
    """Mostly-ASCII text in UTF-16: every other byte is NUL, the bytes between almost never."""
    fewer, more = sorted((data[0::2].count(0), data[1::2].count(0)))
    return len(data) >= 8 and fewer <= len(data) // 40 and more >= len(data) * 9 // 20


def _position(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    return f"line {line}, byte offset {offset}"


def decode(data: bytes) -> str:
    """Decode article bytes: UTF-8 (a BOM is dropped), or UTF-16/UTF-32 with a BOM.
    Anything else (invalid UTF-8, NUL bytes, oversized) raises InputError: druglint never
    guesses an encoding, because a wrong guess would put every offset in the wrong place."""
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(_TOO_LONG)
    for boms, codec in ((UTF32_BOMS, "utf-32"), (UTF16_BOMS, "utf-16")):
        if data.startswith(boms):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as error:
                raise InputError(f"invalid {codec.upper()} at byte offset {error.start}") from None
            nul = text.find("\x00")
            if nul >= 0:
                line = text.count("\n", 0, nul) + 1
                raise InputError(f"binary file (NUL character at line {line}), not an article")
            return text
    nul = data.find(b"\x00")
    if nul >= 0:
        if _looks_like_bomless_utf16(data):
            raise InputError("looks like UTF-16 without a byte order mark; save the article as UTF-8")
        raise InputError(f"binary file (NUL byte at {_position(data, nul)}), not an article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"not valid UTF-8 (byte 0x{data[error.start]:02X} at {_position(data, error.start)}); "
                         "save the article as UTF-8") from None


def _checked_length(text: str) -> str:
    if len(text) > MAX_CHARS:
        raise InputError(_TOO_LONG)
    return text


def _extracted_text(extract: Callable[[bytes], str], data: bytes) -> str:
    """The text of a binary article format; a file the reader cannot open is an input error."""
    try:
        return extract(data)
    except ValueError as error:
        raise InputError(str(error)) from None


def read_article(path: str, stdin_bytes: bytes | None = None) -> Article:
    """Read and decode one article; an unreadable one comes back with its error."""
    try:
        if path == "-":
            data = stdin_bytes if stdin_bytes is not None else b""
        else:
            with open(path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise InputError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB; not an article")
        reader = reader_for(path)
        if reader.extract is not None:
            return Article(path, _checked_length(_extracted_text(reader.function(reader.extract), data)))
        return Article(path, _checked_length(decode(data)))
    except InputError as error:
        return Article(path, None, str(error))
    except OSError as error:
        return Article(path, None, error.strerror or str(error))
