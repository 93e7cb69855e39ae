"""The claims sheet: every claim read, with its verdict and the label fact behind it."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint import Linter
from lint.cli.main import main
from lint.model.findings import Verdict

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLE = """# Clonazepam

Clonazepam is used to treat panic disorder. Many people also take clonazepam for depression.
Clonazepam is not approved for insomnia.

For panic disorder, adults start at 0.25 mg twice a day. Some people take 10 mg a day for panic disorder.

Clonazepam can be habit-forming: misuse and addiction are possible.
"""


@pytest.fixture(scope="module")
def report():
    return Linter().lint_text("article.md", ARTICLE)


def _one(report, kind, text):
    found = [c for c in report.claims if c.kind == kind and c.text == text]
    assert found, f"no {kind} claim '{text}' in {[(c.kind, c.text) for c in report.claims]}"
    return found[0]


def test_a_labeled_use_names_the_indication_that_supports_it(report):
    claim = _one(report, "use", "panic disorder")
    assert claim.verdict == Verdict.LABELED
    assert "Indications" in claim.label_section and claim.source
    assert claim.line == 3


def test_an_unlabeled_use_is_unlabeled_and_a_denied_one_not_judged(report):
    assert _one(report, "use", "depression").verdict == Verdict.UNLABELED
    denied = _one(report, "use", "insomnia")
    assert denied.verdict == Verdict.NOT_JUDGED and denied.reason == "negated"


def test_doses_in_and_out_of_range_carry_the_dose_section(report):
    doses = {c.text: c for c in report.claims if c.kind == "dose"}
    high = next(c for text, c in doses.items() if "10 mg" in text)
    start = next(c for text, c in doses.items() if "0.25 mg" in text)
    assert high.verdict == Verdict.OUT_OF_RANGE and "above" in high.reason
    assert start.verdict == Verdict.LABELED
    assert all("Dosage" in c.label_section for c in (high, start))


def test_required_warnings_are_mentioned_with_a_place_or_missing(report):
    warnings = [c for c in report.claims if c.kind == "warning"]
    mentioned = [c for c in warnings if c.verdict == Verdict.MENTIONED]
    missing = [c for c in warnings if c.verdict == Verdict.MISSING]
    assert [c.line for c in mentioned] == [8] and "addiction" in mentioned[0].text.lower()
    assert any("opioid" in c.text.lower() for c in missing)
    assert all(c.line is None for c in missing)


@pytest.mark.parametrize("article", sorted(p.name for p in FIXTURES.iterdir() if p.suffix in {".txt", ".md", ".html"}))
def test_every_use_and_dose_finding_has_its_claim_with_the_same_verdict(article):
    report = Linter().lint_text(article, (FIXTURES / article).read_text(encoding="utf-8"))
    verdicts = {"unlabeled-indication": Verdict.UNLABELED, "dose-out-of-range": Verdict.OUT_OF_RANGE}
    starts = {c.start: c.verdict for c in report.claims}
    ends = {c.end: c.verdict for c in report.claims}
    for finding in report.findings:  # a finding over a claim said twice runs from the first to the second
        if finding.rule in verdicts:
            assert starts.get(finding.start) == verdicts[finding.rule], finding.message
            assert ends.get(finding.end) == verdicts[finding.rule], finding.message


def test_the_json_report_lists_claims_per_file(tmp_path):
    article = tmp_path / "draft.md"
    article.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", str(article)])
    claims = json.loads(result.output)["files"][0]["claims"]
    assert {c["verdict"] for c in claims} >= {"labeled", "unlabeled", "not-judged", "out-of-range", "missing"}
    assert all({"kind", "verdict", "text", "line", "label_section", "source"} <= set(c) for c in claims)
