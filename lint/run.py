"""The `druglint check` workflow: find the articles, apply each one's configuration, lint
them, honour a baseline. The CLI only parses options and prints what this returns."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from lint.checks import DOCUMENTED
from lint.config import config_for
from lint.engine import Options, lint_text
from lint.findings import FileReport, severity_rank
from lint.inputs import collect_paths, read_article


@dataclass(frozen=True)
class CheckRequest:
    paths: tuple[str, ...]
    fail_on: str | None = None  # None: from the configuration, else "error"
    profile_dirs: tuple[str, ...] = ()
    disabled: frozenset[str] = frozenset()
    stdin_format: str = "text"
    config_path: str | None = None
    stdin_bytes: bytes | None = None


@dataclass
class CheckResult:
    reports: list[FileReport] = field(default_factory=list)
    fail_on: str = "error"

    @property
    def input_errors(self) -> int:
        return sum(1 for r in self.reports if r.error)

    def failing(self) -> bool:
        """True when a finding reaches the --fail-on severity."""
        if self.fail_on == "never":
            return False
        threshold = severity_rank(self.fail_on)
        return any(severity_rank(f.severity) >= threshold for r in self.reports for f in r.findings)


def known_rules() -> set[str]:
    """Every rule id a configuration or directive may name."""
    return set(DOCUMENTED)


def run_check(request: CheckRequest, on_input_error: Callable[[str, str], None] = lambda p, e: None) -> CheckResult:
    """Lint every article the request names; unreadable ones are reported, never fatal."""
    result = CheckResult()
    rules = known_rules()
    fail_on = request.fail_on
    named = set(request.paths)
    for path, error in collect_paths(list(request.paths)):
        config = config_for(path, rules, request.config_path)
        if path not in named and not config.selects(path):
            continue
        fail_on = fail_on or config.fail_on
        article = read_article(path, request.stdin_bytes) if error is None else None
        error = error or (article.error if article else None)
        if error:
            on_input_error(path, error)
            result.reports.append(FileReport(path=path, drugs=[], findings=[], error=error))
            continue
        levels = config.rule_levels
        options = Options(
            profile_dirs=request.profile_dirs + config.profile_dirs,
            disabled_rules=request.disabled | {r for r, level in levels.items() if level == "off"},
            severities=tuple(sorted((r, level) for r, level in levels.items() if level != "off")))
        fmt = request.stdin_format if path == "-" else None
        result.reports.append(lint_text(path, article.source, options, fmt))
    result.fail_on = fail_on or "error"
    return result
