"""One finding for a claim said twice in a row: a writer who restates a use or a dose ("It is
good for insomnia. Honestly, it's the best sleep aid I have tried", "40 mg once a week, that's
sixteen of the 2.5 mg tablets") makes one claim, reported once with a span over both sayings."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from lint.model.findings import Finding

RESTATEMENT_REACH = 80  # characters after a finding within which the same claim said again restates it


def merge_restatements(findings: list[Finding], same: Callable[[Finding, Finding], bool]) -> list[Finding]:
    """The findings in text order with each one that `same` says restates the one kept just
    before it (and starts at most RESTATEMENT_REACH characters after it) folded into it."""
    merged: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start is None, f.start or 0)):
        last = merged[-1] if merged else None
        if last is not None and last.end is not None and finding.start is not None and finding.end is not None \
                and 0 <= finding.start - last.end <= RESTATEMENT_REACH and same(last, finding):
            merged[-1] = replace(last, end=max(last.end, finding.end))
        else:
            merged.append(finding)
    return merged
