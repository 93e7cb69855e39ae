"""Inline suppression an editor writes in the article.

    <!-- druglint-disable unlabeled-indication -->  ...  <!-- druglint-enable unlabeled-indication -->
    <!-- druglint-disable-next-line dose-out-of-range -->
    <!-- druglint-disable-line dose-out-of-range -->     (the directive's own line)
    <!-- druglint-disable-file missing-warning -->       (the whole file)
    <!-- druglint-disable -->                           (every rule)

In plain text the same words stand on a line of their own, optionally after '#' or '//'.
A disable with no enable after it runs to the end of the file and then also silences the
rule's document-level findings. A directive that silences nothing is reported by the
`unused-suppression` rule (lint/checks/unused_suppression.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lint.model.findings import Finding

# A match may start inside a run of blanks only at the run's first character (the lookbehind):
# without it every blank of a long run would rescan the rest of the run, in quadratic time.
# The leftmost match never starts after a blank anyway, so the matches are the same.
DIRECTIVE = re.compile(r"(?:<!--|#|//)?(?<![ \t])[ \t]*druglint-(disable-next-line|disable-line|disable-file|disable|enable)"
                       r"(?![\w-])([^\n]*?)(?:-->|$)", re.MULTILINE)
ANY_DIRECTIVE = re.compile(r"druglint-[\w-]+")
KINDS = ("disable", "disable-next-line", "disable-line", "disable-file", "enable")
ALL = "*"


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
        if kind == "disable-line":
            line_start = source.rfind("\n", 0, match.start()) + 1
            line_end = source.find("\n", match.end())
            found.append(Region(rules, line_start, len(source) if line_end < 0 else line_end,
                                match.start(), match.end(), False))
        elif kind == "disable-file":
            found.append(Region(rules, 0, len(source), match.start(), match.end(), True))
        elif kind == "disable-next-line":
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
                closed = open_regions.pop(rule, None)
                if closed is not None:
                    closed.end, closed.to_end = match.start(), False
    return found


def problems(source: str, known_rules: frozenset[str]) -> list[tuple[int, int, str]]:
    """Directives druglint cannot act on, as (start, end, why): a misspelt directive
    ('druglint-disabel-line') and a rule id no rule has ('unlabeled-indicaton')."""
    found = []
    for match in ANY_DIRECTIVE.finditer(source):
        if match.group(0)[len("druglint-"):] not in KINDS:
            found.append((match.start(), match.end(), f"unknown directive '{match.group(0)}' (druglint-"
                                                      f"{', druglint-'.join(KINDS)})"))
    for match in DIRECTIVE.finditer(source):
        unknown = sorted(_rules(match.group(2)) - known_rules - {ALL})
        if unknown:
            found.append((match.start(), match.end(), f"no rule is named {', '.join(map(repr, unknown))} "
                                                      f"(see `druglint rules`)"))
    return found


def apply(source: str, findings: list[Finding]) -> tuple[list[Finding], list[Region]]:
    """The findings no directive silences, and the directives that silenced nothing."""
    declared = regions(source)
    if not declared:
        return findings, []
    kept = []
    for finding in findings:
        region = next((r for r in declared if r.covers(finding)), None)
        if region is None:
            kept.append(finding)
        else:
            region.used = True
    return kept, [region for region in declared if not region.used]
