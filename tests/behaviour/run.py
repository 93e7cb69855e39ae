"""The behavioural suite (CheckList style): short cases per capability, written fresh by
people who had not read the engine, each flagged or quiet for one rule.

    python tests/behaviour/run.py             # pass rate per capability, as a table
    python tests/behaviour/run.py --failures  # and every failing case
    python tests/behaviour/run.py --floors    # record today's passes as the floors the tests hold

Case files: tests/behaviour/<group>/<capability>.yaml with `capability`, `description` and
`cases` (text, rule, expect: flagged|quiet, quote, topic, note, and format: txt, md or html
when the text is not plain). A flagged case passes when
a finding of its rule overlaps its quote (or, for missing-warning, names its topic); a
quiet case when none does (no finding of the rule at all when it has no quote or topic).
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "floors.json"


@dataclass(frozen=True)
class Case:
    capability: str
    text: str
    rule: str
    expect: str
    quote: str | None
    topic: str | None
    note: str
    format: str = "txt"  # the article's file suffix: txt, md or html


@dataclass(frozen=True)
class Result:
    case: Case
    passed: bool
    found: tuple[str, ...]


def load_cases(folder: Path = HERE) -> list[Case]:
    """Every case of every capability file below the folder."""
    cases = []
    for path in sorted(folder.glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        capability = f"{path.parent.name}/{data['capability']}"
        for raw in data["cases"]:
            cases.append(Case(capability, raw["text"], raw["rule"], raw["expect"], raw.get("quote"),
                              raw.get("topic"), raw.get("note", ""), raw.get("format", "txt")))
    return cases


def judge(case: Case, findings: list) -> Result:
    """Whether the linter's findings on a case's text meet its expectation."""
    own = [f for f in findings if f.rule == case.rule]
    if case.topic:
        hits = [f for f in own if f.subject == case.topic]
    elif case.quote:
        start = case.text.find(case.quote)
        end = start + len(case.quote)
        hits = [f for f in own if f.start is not None and f.start < end and start < f.end]
    else:
        hits = own
    passed = bool(hits) if case.expect == "flagged" else not hits
    return Result(case, passed, tuple(f"{f.subject}: {f.text or f.message[:60]}" for f in own))


def run(cases: list[Case]) -> list[Result]:
    """Lint each case's text as an article in its format (plain text unless it says) and judge it."""
    from lint import Linter, LinterConfig
    linter = Linter.for_config(LinterConfig())
    return [judge(case, linter.lint_text(f"case.{case.format}", case.text).findings) for case in cases]


def pass_rates(results: list[Result]) -> dict[str, tuple[int, int, int, int]]:
    """Per capability: (flagged passed, flagged, quiet passed, quiet)."""
    table: dict[str, list[int]] = {}
    for result in results:
        row = table.setdefault(result.case.capability, [0, 0, 0, 0])
        offset = 0 if result.case.expect == "flagged" else 2
        row[offset] += result.passed
        row[offset + 1] += 1
    return {capability: (row[0], row[1], row[2], row[3]) for capability, row in sorted(table.items())}


def render(rates: dict[str, tuple[int, int, int, int]]) -> str:
    """A Markdown table of pass rates."""
    lines = ["| capability | flagged found | quiet kept quiet | overall |", "| --- | ---: | ---: | ---: |"]
    totals = [0, 0, 0, 0]
    for capability, row in rates.items():
        totals = [t + v for t, v in zip(totals, row)]
        lines.append(f"| {capability} | {row[0]}/{row[1]} | {row[2]}/{row[3]} | {(row[0] + row[2]) / (row[1] + row[3]):.2f} |")
    lines.append(f"| **all** | {totals[0]}/{totals[1]} | {totals[2]}/{totals[3]} | "
                 f"{(totals[0] + totals[2]) / (totals[1] + totals[3]):.2f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    results = run(load_cases())
    rates = pass_rates(results)
    print(render(rates))
    if "--floors" in sys.argv:
        floors = {capability: {"flagged": row[0], "quiet": row[2]} for capability, row in rates.items()}
        FLOORS.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
    if "--failures" in sys.argv:
        for result in results:
            if not result.passed:
                case = result.case
                print(f"\nFAIL {case.capability} [{case.expect}] quote={case.quote!r} topic={case.topic}\n"
                      f"  {' '.join(case.text.split())}\n  found: {list(result.found)}\n  note: {case.note}")
