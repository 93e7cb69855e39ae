"""Finding article files and decoding them, with a clear error for anything unreadable."""
from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path

from lint.readers import SUFFIXES

MAX_BYTES = 50 * 1024 * 1024


class InputError(Exception):
    """An article that cannot be read; the message names the problem in one line."""


@dataclass(frozen=True)
class Article:
    path: str
    source: str | None
    error: str | None = None


def collect_paths(arguments: list[str]) -> list[tuple[str, str | None]]:
    """Expand arguments into (path, error) pairs: files as given, directories recursively
    (known suffixes only, symlink loops skipped), '-' for standard input."""
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
        elif path.is_symlink():
            found.append((argument, "broken symbolic link"))
        else:
            found.append((argument, "no such file or directory"))
    return found


def _walk(root: Path) -> list[tuple[str, str | None]]:
    found, seen = [], set()
    for folder, subfolders, files in os.walk(root, followlinks=True, onerror=None):
        real = os.path.realpath(folder)
        if real in seen:
            subfolders[:] = []
            continue
        seen.add(real)
        subfolders.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if path.suffix.lower() in SUFFIXES and not name.startswith("."):
                error = "broken symbolic link" if path.is_symlink() and not path.exists() else None
                found.append((str(path), error))
    return found


def decode(data: bytes) -> str:
    """Decode article bytes: UTF-8 (with or without BOM) or UTF-16 with BOM; else InputError."""
    if len(data) > MAX_BYTES:
        raise InputError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(f"invalid UTF-16 at byte {error.start}") from None
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not an article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"not valid UTF-8 (byte {error.start}); save the article as UTF-8") from None


def read_article(path: str, stdin_bytes: bytes | None = None) -> Article:
    """Read and decode one article; an unreadable one comes back with its error."""
    try:
        if path == "-":
            data = stdin_bytes if stdin_bytes is not None else b""
        else:
            with open(path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        return Article(path, decode(data))
    except InputError as error:
        return Article(path, None, str(error))
    except OSError as error:
        return Article(path, None, error.strerror or str(error))
