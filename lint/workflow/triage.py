"""What `druglint check` does with each file's report as it arrives, before it is written:
drop the rules not selected, record today's findings for --write-baseline, drop what the
baseline records and what lies below --min-severity, and count what was left out."""
from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field

from lint.model.findings import FileReport, severity_rank
from lint.workflow.baseline import filter_new


@dataclass
class Triage:
    selected: frozenset[str] = frozenset()  # --select: only these rules (empty: every rule)
    baseline: Counter[str] | None = None  # fingerprints the --baseline file records, used up as they match
    baseline_path: str = "."
    min_severity: str | None = None
    record: bool = False  # keep each report's findings for --write-baseline
    recorded: list[FileReport] = field(default_factory=list)
    known: int = 0  # findings the baseline recorded, not reported
    hidden: int = 0  # findings below --min-severity, not shown

    def __call__(self, report: FileReport) -> FileReport:
        """Drop the findings not selected or in the baseline from the report, in place, and
        return the report to show: a copy without the findings below --min-severity (they
        still count for the exit status and --stats)."""
        if self.selected:
            report.findings[:] = [f for f in report.findings if f.rule in self.selected]
        if self.record:
            self.recorded.append(FileReport(path=report.path, drugs=report.drugs, findings=list(report.findings)))
        if self.baseline is not None:
            self.known += filter_new([report], self.baseline, self.baseline_path)
        if self.min_severity:
            threshold = severity_rank(self.min_severity)
            shown = [f for f in report.findings if severity_rank(f.severity) >= threshold]
            self.hidden += len(report.findings) - len(shown)
            return dataclasses.replace(report, findings=shown)
        return report


