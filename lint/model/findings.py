"""Findings: what a check reports, ready for every output format."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import Enum


class Severity(str, Enum):
    """How serious a finding is; a `str` so reports and JSON carry the plain word."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error: compare severities with it."""
        return SEVERITIES.index(self.value)


SEVERITIES = tuple(s.value for s in Severity)  # least severe first


def severity_rank(severity: str) -> int:
    """The rank of a severity given as a word ('never' ranks above every severity)."""
    return Severity(severity).rank if severity in SEVERITIES else len(SEVERITIES)


@dataclass
class Finding:
    rule: str
    severity: Severity
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


class Verdict(str, Enum):
    """What druglint concluded about one claim it read."""

    LABELED = "labeled"            # a use the label lists, a dose inside the label's range
    UNLABELED = "unlabeled"        # a use the label does not list
    OUT_OF_RANGE = "out-of-range"  # a dose outside the label's range
    NOT_JUDGED = "not-judged"      # negated, hedged, off-label, another drug's, or no label fact
    MENTIONED = "mentioned"        # a required warning the article mentions
    MISSING = "missing"            # a required warning the article never mentions

    def __str__(self) -> str:
        return self.value


@dataclass
class Claim:
    """One use, dose or warning claim druglint read, with its verdict: the claims sheet.

    `kind` is "use", "dose" or "warning"; `reason` says why the verdict (for `not-judged`:
    negated, hedged, off-label, another drug's...); `label_section` and `source` name the
    label fact that supports or contradicts the claim. A missing warning has no place.
    """

    kind: str
    verdict: Verdict
    text: str
    drug: str | None = None
    reason: str = ""
    start: int | None = None
    end: int | None = None
    line: int | None = None
    column: int | None = None
    label_fact: str | None = None
    label_section: str | None = None
    source: str | None = None

    def to_dict(self) -> dict:
        """The claim's fields as plain JSON values."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class FileReport:
    path: str
    drugs: list[str]
    findings: list[Finding]
    error: str | None = None
    source: str | None = field(default=None, repr=False)  # the decoded article text the offsets index
    claims: list[Claim] = field(default_factory=list)

    def findings_only(self) -> FileReport:
        """The report without the article text and claims (what a run keeps once it is written)."""
        return FileReport(path=self.path, drugs=self.drugs, findings=self.findings, error=self.error)
