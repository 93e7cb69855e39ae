"""The app's own pages (the check form and the review frame around the HTML report), filled
from the templates beside this module; every value is escaped here."""
from __future__ import annotations

from functools import cache
from html import escape
from importlib.resources import files
from pathlib import PurePosixPath
from string import Template

from lint.readers import READERS, SUFFIXES, TEXT_FORMATS

FORMAT_LABELS = {"markdown": "Markdown", "text": "plain text", "html": "HTML"}
DEFAULT_FORMAT = "markdown"


@cache
def _template(name: str) -> Template:
    return Template(files("lint.serve").joinpath("templates").joinpath(name).read_text(encoding="utf-8"))


def size_text(limit: int) -> str:
    """`2 MB` for 2 * 1024 * 1024 bytes, else the exact byte count."""
    return f"{limit // (1024 * 1024)} MB" if limit % (1024 * 1024) == 0 else f"{limit:,} bytes"


def index_page(limit: int, error: str | None = None, text: str = "", fmt: str = DEFAULT_FORMAT) -> str:
    """The check form: a text box, the pasted text's format, a file upload; with the error of
    the last attempt (and its text kept) when there was one."""
    formats = "".join(f'<option value="{name}"{" selected" if name == fmt else ""}>'
                      f"{escape(FORMAT_LABELS.get(name, name))}</option>" for name in TEXT_FORMATS)
    suffixes = sorted(SUFFIXES)
    return _template("index.html").substitute(
        error=f'<p class="error" role="alert">{escape(error)}</p>' if error else "",
        text=escape(text), formats=formats, suffixes=escape(", ".join(suffixes)),
        accept=escape(",".join(suffixes)), limit=escape(size_text(limit)))


def pasted_filename(fmt: str) -> str:
    """The name a pasted article gets in its report: `pasted-article.md` for Markdown."""
    return f"pasted-article{READERS[fmt].suffixes[0]}"


def download_stem(filename: str) -> str:
    """`druglint-draft` for draft.md: the name of the downloaded reports."""
    stem = PurePosixPath(filename).stem
    safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in stem).strip("-.")
    return f"druglint-{safe}" if safe else "druglint-report"


def review_page(key: str, filename: str, summary: str) -> str:
    """The review: the summary, download links and the HTML report in a frame."""
    return _template("review.html").substitute(
        filename=escape(filename), summary=escape(summary), base=f"/review/{key}",
        stem=escape(download_stem(filename)))
