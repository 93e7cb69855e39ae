"""Findings: what a check reports, ready for every output format."""
from __future__ import annotations

from dataclasses import dataclass, field, fields

SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass
class Finding:
    rule: str
    severity: str
    message: str
    drug: str | None = None
    subject: str | None = None
    start: int | None = None
    end: int | None = None
    line: int | None = None
    column: int | None = None
    text: str | None = None
    label_fact: str | None = None
    source: str | None = None
    suggestion: str | None = None
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The finding's fields, with the `extra` ones at the top level."""
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "extra"}
        data.update(self.extra)
        return data


@dataclass
class FileReport:
    path: str
    drugs: list[str]
    findings: list[Finding]
    error: str | None = None
    source: str | None = field(default=None, repr=False)  # the decoded article text the offsets index
