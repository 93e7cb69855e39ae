"""A pack's own test cases: texts each rule must flag (`hits`) and must leave alone (`clean`),
run through the real engine as `druglint rules test PACK` does."""
from __future__ import annotations

from dataclasses import dataclass

from lint.knowledge.packs import Pack, PackRule, TestCase
from lint.linter import Linter, LinterConfig


@dataclass(frozen=True)
class CaseResult:
    rule: str
    expect: str  # "hit" | "clean"
    number: int
    case: TestCase
    problem: str | None  # None: passed

    @property
    def passed(self) -> bool:
        return self.problem is None


def _run_case(rule: PackRule, expect: str, number: int, case: TestCase, linter: Linter) -> CaseResult:
    report = linter.lint_text(f"{rule.pack}/{rule.id}/{expect}-{number}", case.text, case.format)
    found = [f for f in report.findings if f.rule == rule.id]
    texts = ", ".join(repr(f.text) if f.text else "(whole article)" for f in found)
    problem = None
    if expect == "hit" and not found:
        problem = "no finding"
    elif expect == "hit" and case.match and not any(f.text == case.match for f in found):
        problem = f"found {texts}, not {case.match!r}"
    elif expect == "clean" and found:
        problem = f"unexpected finding {texts}"
    return CaseResult(rule.id, expect, number, case, problem)


def run_pack_tests(pack: Pack, rule_dirs: tuple[str, ...] = (), profile_dirs: tuple[str, ...] = ()) -> list[CaseResult]:
    """Lint every test case of a pack with the pack loaded; one result per case."""
    linter = Linter.for_config(LinterConfig(profile_dirs=profile_dirs, rule_dirs=(*rule_dirs, pack.path)))
    results = []
    for rule in pack.rules:
        for expect, cases in (("hit", rule.hits), ("clean", rule.clean)):
            results += [_run_case(rule, expect, i, case, linter) for i, case in enumerate(cases, 1)]
    return results
