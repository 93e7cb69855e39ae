"""Writing a report while the run goes on: each file's part as soon as its report arrives.

A library audit checks thousands of files; holding every report (its article text and
claims) until the end costs memory in proportion to the library. The text, JSON and GitHub
formats are made of one part per file, so their parts are written at once and the run keeps
only each file's findings (for the summary line, the exit status and --stats). SARIF and
Markdown open with totals, so they are written at the end, from the findings alone; the HTML
review page shows every article, so it keeps the whole reports.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable

from lint.model.findings import FileReport
from lint.report import json as json_report
from lint.report import render
from lint.report.github import file_commands
from lint.report.text import TextOptions, text_of_file, text_summary

KEEPS_ARTICLES = frozenset({"html"})  # formats rendered at the end from the article text and claims


class ReportWriter:
    """Writes one report in `fmt` through `write`: `add` each file's report as it arrives (in
    the order the report lists them), then `finish`."""

    def __init__(self, fmt: str, write: Callable[[str], None], color: bool = False,
                 text_options: TextOptions | None = None) -> None:
        self.fmt = fmt
        self.write = write
        self.color = color
        self.text_options = text_options or TextOptions()
        self.reports: list[FileReport] = []  # whole for HTML, else without article text and claims

    def add(self, report: FileReport) -> None:
        """Write the file's part now (text, JSON, GitHub) and keep what the end of the report needs."""
        self.reports.append(report if self.fmt in KEEPS_ARTICLES else report.findings_only())
        if self.fmt == "text":
            self._write(text_of_file(report, self.color, self.text_options))
        elif self.fmt == "github":
            self._write(file_commands(report))
        elif self.fmt == "json":
            opening = json_report.OPENING if len(self.reports) == 1 else json_report.SEPARATOR
            self._write(opening + json_report.file_entry(report))

    def finish(self, hidden: int = 0) -> None:
        """Write the end of the report: the summary line, the JSON closing, or the whole
        report of a format that opens with totals."""
        if self.fmt == "text":
            self._write(text_summary(self.reports, dataclasses.replace(self.text_options, hidden=hidden)))
        elif self.fmt == "json":
            self._write(json_report.CLOSING if self.reports else json_report.EMPTY)
        elif self.fmt != "github":
            self._write(render(self.fmt, self.reports))

    def _write(self, text: str) -> None:
        if text:
            self.write(text)
