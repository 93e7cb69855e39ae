"""A content-addressed cache of parsed data files, so a fresh process skips parsing YAML it has seen.

Parsing the shipped rules (135 profiles, lexicons, cue tables) costs about half a second in every
new process, more than linting one article. The values a file parses to are kept on disk under the
SHA-256 of its text and the parser's version: an edited file has a new key and is parsed again, so
the cache can never serve stale data. Only plain values (mappings, lists, text, numbers, dates) are
stored, and loading refuses anything else, so a tampered cache file cannot run code. The one
exception is named by its caller: the whole reference (every profile and condition, built from
the rule files) is kept under a key made of all its files' texts and the source of the code that
builds it, and may hold the reference's own data classes.

The cache lives in `$DRUGLINT_CACHE_DIR`, else `$XDG_CACHE_HOME/druglint`, else `~/.cache/druglint`;
`DRUGLINT_CACHE_DIR=""` turns it off. A cache that cannot be read or written is skipped silently.
"""
from __future__ import annotations

import datetime
import hashlib
import os
import pickle
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import Any, BinaryIO

import yaml

MISSING = object()  # what `load` returns for text it has not cached
PLAIN_CLASSES = {("datetime", "date"): datetime.date, ("datetime", "datetime"): datetime.datetime,
                 ("datetime", "timezone"): datetime.timezone, ("datetime", "timedelta"): datetime.timedelta}


def cache_dir() -> Path | None:
    """The folder of the cache, or None when it is turned off."""
    chosen = os.environ.get("DRUGLINT_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "druglint"


def _entry(text: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(f"pyyaml {yaml.__version__}\n{text}".encode("utf-8", "surrogatepass")).hexdigest()
    return folder / "data" / f"{digest}.pickle"


class _PlainUnpickler(pickle.Unpickler):
    """Rebuilds plain values and the data classes it is given: any other class is refused."""

    def __init__(self, stream: BinaryIO, data_classes: tuple[type, ...]) -> None:
        super().__init__(stream)
        self.allowed = {**PLAIN_CLASSES, **{(cls.__module__, cls.__qualname__): cls for cls in data_classes}}

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self.allowed:
            return self.allowed[(module, name)]
        raise pickle.UnpicklingError(f"not a plain value: {module}.{name}")


def load(text: str, data_classes: tuple[type, ...] = ()) -> Any:
    """The cached values of a file with this text, or MISSING. `data_classes` are the
    classes (plain data holders, no code run on rebuilding) the values may also contain."""
    entry = _entry(text)
    if entry is None:
        return MISSING
    try:
        with open(entry, "rb") as stream:
            return _PlainUnpickler(stream, data_classes).load()
    except Exception:  # absent, unreadable, truncated or tampered: parse the file instead
        return MISSING


def store(text: str, values: Any) -> None:
    """Keep the parsed values of a file with this text (written whole or not at all)."""
    entry = _entry(text)
    if entry is None:
        return
    temporary = None
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(values, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
    except (OSError, pickle.PicklingError, RecursionError):
        if temporary is not None:
            with suppress(OSError):
                os.unlink(temporary)
