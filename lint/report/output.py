"""Writing a report to a file atomically: readers of the file never see half a report."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO


def write_atomic(path: str, text: str) -> None:
    """Write text (UTF-8) to `path` atomically (see `atomic_file`)."""
    with atomic_file(path) as handle:
        handle.write(text)


@contextmanager
def atomic_file(path: str) -> Iterator[IO[str]]:
    """A UTF-8 file to write a report into piece by piece: a temporary file beside `path`,
    renamed over `path` when the block ends, removed if it fails. The file gets the mode a
    new file would get (or keeps the mode of the one it replaces)."""
    folder = os.path.dirname(os.path.abspath(path))
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", dir=folder, delete=False,
                                         prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, _mode_for(path))
        os.replace(handle.name, path)
    except BaseException:
        os.unlink(handle.name)
        raise


def _mode_for(path: str) -> int:
    try:
        return os.stat(path).st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def why_not_write(path: str, articles: Iterable[str]) -> str | None:
    """Why the report must not be written to `path`, or None: a symbolic link (replacing it would
    drop the link, writing through it would write where the link points), or one of the
    articles checked (by any name: the same file through a link or a hard link)."""
    if os.path.islink(path):
        return "is a symbolic link; name the file it points to instead"
    try:
        target = os.stat(path)
    except OSError:
        return None
    for article in articles:
        try:
            if os.path.samestat(target, os.stat(article)):
                return f"is one of the articles checked ({article}); druglint never overwrites an article"
        except OSError:
            continue
    return None
