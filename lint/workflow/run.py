"""The `druglint check` workflow: find the articles, apply each one's configuration, lint
them, honour a baseline. The CLI only parses options and prints what this returns."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field

from lint.checks import all_rules
from lint.knowledge.yamlfile import DataError
from lint.linter import Linter, LinterConfig
from lint.model.findings import FileReport, severity_rank
from lint.readers import format_for
from lint.workflow.config import config_for
from lint.workflow.inputs import collect_paths, read_article
from lint.workflow.pool import WorkerPool


@dataclass(frozen=True)
class CheckRequest:
    paths: tuple[str, ...]
    fail_on: str | None = None  # None: from the configuration, else "error"
    profile_dirs: tuple[str, ...] = ()
    disabled: frozenset[str] = frozenset()
    stdin_format: str = "text"
    config_path: str | None = None
    stdin_bytes: bytes | None = None
    rule_dirs: tuple[str, ...] = ()  # --rules: folders of house-rule packs
    stdin_filename: str | None = None  # the name reports give the article read from '-'; its suffix picks the format
    force_exclude: bool = False  # exclude globs apply to files named on the command line too (pre-commit)


@dataclass
class CheckResult:
    reports: list[FileReport] = field(default_factory=list)
    fail_on: str = "error"

    @property
    def input_errors(self) -> int:
        return sum(1 for r in self.reports if r.error)

    def stats(self) -> str:
        """Finding counts per rule and per drug, for --stats."""
        by_rule: Counter[str] = Counter()
        by_drug: Counter[str] = Counter()
        for report in self.reports:
            for finding in report.findings:
                by_rule[finding.rule] += 1
                by_drug[finding.drug or "-"] += 1
        lines = [f"{len(self.reports)} files, {self.input_errors} input errors, {sum(by_rule.values())} findings"]
        lines += ["per rule:"] + [f"  {rule:24} {count}" for rule, count in by_rule.most_common()]
        lines += ["per drug:"] + [f"  {drug:24} {count}" for drug, count in by_drug.most_common()]
        return "\n".join(lines)

    def failing(self) -> bool:
        """True when a finding reaches the --fail-on severity."""
        if self.fail_on == "never":
            return False
        threshold = severity_rank(self.fail_on)
        return any(severity_rank(f.severity) >= threshold for r in self.reports for f in r.findings)


def known_rules(rule_dirs: tuple[str, ...] = ()) -> set[str]:
    """Every rule id a configuration or directive may name (pack rules included)."""
    return set(all_rules(rule_dirs))


def _lint_one(request: CheckRequest, path: str, error: str | None) -> FileReport:
    named = request.stdin_filename if path == "-" and request.stdin_filename else None
    config = config_for(named or path, known_rules(request.rule_dirs), request.config_path)
    article = read_article(path, request.stdin_bytes) if error is None else None
    error = error or (article.error if article else None)
    if error or article is None or article.source is None:
        return FileReport(path=named or path, drugs=[], findings=[], error=error or "not read")
    levels = config.rule_levels
    linter = Linter.for_config(LinterConfig(
        profile_dirs=request.profile_dirs + config.profile_dirs,
        disabled_rules=request.disabled | {r for r, level in levels.items() if level == "off"},
        severities=tuple(sorted((r, level) for r, level in levels.items() if level != "off")),
        rule_dirs=request.rule_dirs + config.rule_dirs))
    try:
        if named:
            return linter.lint_text(named, article.source)  # the name's suffix picks the reader
        return linter.lint_text(path, article.source, request.stdin_format if path == "-" else None)
    except DataError:
        raise
    except Exception as error:  # a bug must not cost the other files their results
        return FileReport(path=path, drugs=[], findings=[],
                          error=f"internal error ({type(error).__name__}: {error}); please report it")


def _warm_up(request: CheckRequest) -> None:
    """Load the reference, rule packs and spaCy pipeline the workers will use."""
    linter = Linter.for_config(LinterConfig(profile_dirs=request.profile_dirs, rule_dirs=request.rule_dirs))
    linter.lint_text("warm-up.md", "# Warm up\n\nWarm up.")


def _lint_item(item: tuple[CheckRequest, str, str | None]) -> FileReport:
    return _lint_one(*item)


def _lost_item(item: tuple[CheckRequest, str, str | None], cause: str) -> FileReport:
    """The report of a file whose worker process died while checking it."""
    return FileReport(path=item[1], drugs=[], findings=[],
                      error=f"internal error (the worker process checking this file died: {cause}); please report it")


REPORT_MARK = b'<meta name="generator" content="druglint">'
MARKDOWN_REPORT_START = re.compile(rb"## druglint report\r?\n\r?\n\*\*\d+ files? checked: ")


def _is_druglint_report(path: str) -> bool:
    """True for an HTML or Markdown report druglint wrote itself (a folder walk must not lint it)."""
    fmt = format_for(path)
    if fmt not in ("html", "markdown"):
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return REPORT_MARK in head if fmt == "html" else MARKDOWN_REPORT_START.match(head) is not None


def plan(request: CheckRequest) -> tuple[list[tuple[str, str | None]], str]:
    """The files to lint (named ones always unless `force_exclude`, walked ones as
    include/exclude allow) and the fail-on level (the option, else the first configuration
    that sets one, else error)."""
    rules = known_rules(request.rule_dirs)
    named = set(request.paths)
    selected, fail_on = [], request.fail_on
    for path, error in collect_paths(list(request.paths)):
        config = config_for(path, rules, request.config_path)
        if (path in named and not request.force_exclude) or (config.selects(path) and not _is_druglint_report(path)):
            selected.append((path, error))
            fail_on = fail_on or config.fail_on
    return selected, fail_on or "error"


def run_check(request: CheckRequest, jobs: int = 1,
              on_report: Callable[[FileReport], FileReport] = lambda report: report,
              planned: tuple[list[tuple[str, str | None]], str] | None = None) -> CheckResult:
    """Lint every article the request names, in `jobs` processes; unreadable ones are
    reported, never fatal. `on_report` sees each report as soon as it is ready, in the order
    of the files, and returns what the result keeps of it (a report writer keeps only the
    findings of a report it has written); `planned` is the request's `plan()` when the
    caller has made it already."""
    files, fail_on = planned or plan(request)
    result = CheckResult(fail_on=fail_on)
    items = [(request, path, error) for path, error in files]
    if jobs > 1 and len(items) > 1:
        _warm_up(request)  # forked workers inherit the built pipeline instead of each building it
        pool = WorkerPool(items, _lint_item, _lost_item, jobs)
        with closing(pool.results()) as reports:
            for report in reports:
                result.reports.append(on_report(report))
    else:
        for item in items:
            result.reports.append(on_report(_lint_item(item)))
    return result
