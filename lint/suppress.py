"""Inline suppression an editor writes in the article.

    <!-- druglint-disable unlabeled-indication -->  ...  <!-- druglint-enable unlabeled-indication -->
    <!-- druglint-disable-next-line dose-out-of-range -->
    <!-- druglint-disable -->                           (every rule)

In plain text the same words stand on a line of their own, optionally after '#' or '//'.
A disable with no enable after it runs to the end of the file and then also silences the
rule's document-level findings. A directive that silences nothing is reported as
`unused-suppression`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lint.findings import Finding

DIRECTIVE = re.compile(r"(?:<!--|#|//)?[ \t]*druglint-(disable-next-line|disable|enable)\b([^\n]*?)(?:-->|$)",
                       re.MULTILINE)
ALL = "*"
ID = "unused-suppression"
SEVERITY = "warning"
SUMMARY = "An inline druglint-disable directive that silences no finding."
EXPLANATION = """
What it finds
  A `druglint-disable`, `druglint-disable-next-line` comment that no finding falls under.

Why it matters
  A stale suppression would silently hide a future problem in the same place.

Example
  <!-- druglint-disable-next-line dose-out-of-range --> above a line that states no dose.

What to write instead
  Remove the directive.
"""


@dataclass
class Region:
    rules: frozenset[str]
    start: int
    end: int
    directive_start: int
    directive_end: int
    to_end: bool
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        if ALL not in self.rules and finding.rule not in self.rules:
            return False
        if finding.start is None:
            return self.to_end
        return self.start <= finding.start < self.end


def _rules(text: str) -> frozenset[str]:
    names = frozenset(r for r in re.split(r"[\s,]+", text.strip()) if r)
    return names or frozenset({ALL})


def regions(source: str) -> list[Region]:
    """The suppressed regions a source declares."""
    found: list[Region] = []
    open_regions: dict[str, Region] = {}
    for match in DIRECTIVE.finditer(source):
        kind, rules = match.group(1), _rules(match.group(2))
        if kind == "disable-next-line":
            line_end = source.find("\n", match.end())
            next_end = source.find("\n", line_end + 1) if line_end >= 0 else -1
            end = len(source) if next_end < 0 else next_end
            found.append(Region(rules, match.end(), end, match.start(), match.end(), False))
        elif kind == "disable":
            region = Region(rules, match.end(), len(source), match.start(), match.end(), True)
            found.append(region)
            for rule in rules:
                open_regions[rule] = region
        else:
            for rule in rules:
                region = open_regions.pop(rule, None) or (open_regions.pop(ALL, None) if rule == ALL else None)
                if region is not None:
                    region.end, region.to_end = match.start(), False
    return found


def apply(source: str, findings: list[Finding]) -> list[Finding]:
    """Drop suppressed findings and add one for each directive that silenced nothing."""
    declared = regions(source)
    if not declared:
        return findings
    kept = []
    for finding in findings:
        region = next((r for r in declared if r.covers(finding)), None)
        if region is None:
            kept.append(finding)
        else:
            region.used = True
    for region in declared:
        if not region.used:
            kept.append(Finding(rule=ID, severity=SEVERITY, subject="unused-suppression",
                                start=region.directive_start, end=region.directive_end,
                                message=f"this directive silences no finding ({', '.join(sorted(region.rules))})",
                                suggestion="Remove the directive."))
    return kept
