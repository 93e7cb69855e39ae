"""Reports written while the run goes on (issue 15: a library audit must not hold every
article's text and claims): each streamed format writes a file's part as soon as its report
arrives, the whole equals the report rendered at the end, and the run keeps only findings."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from lint.checks import BUILTIN_RULES
from lint.cli.main import main
from lint.model.findings import SEVERITIES, FileReport, Finding
from lint.report import FORMATS, render
from lint.report.stream import KEEPS_ARTICLES, ReportWriter
from lint.report.text import TextOptions, render_text
from lint.workflow.run import CheckRequest, run_check

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLES = [FIXTURES / name for name in
            ("clonazepam-review.md", "xanax-vs-klonopin.md", "unknown-drug.html", "clonazepam-clean.txt")]


def streamed(fmt, reports, **options):
    pieces = []
    writer = ReportWriter(fmt, pieces.append, **options)
    for report in reports:
        writer.add(report)
    writer.finish()
    return pieces, writer


def linted_reports():
    return run_check(CheckRequest(paths=tuple(map(str, ARTICLES)))).reports


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "text"])
def test_a_streamed_report_equals_the_report_rendered_at_the_end(fmt):
    reports = linted_reports()
    assert any(r.claims for r in reports) and any(r.findings for r in reports)
    pieces, _ = streamed(fmt, reports)
    assert "".join(pieces) == render(fmt, reports)


@pytest.mark.parametrize("output_format", ["full", "concise"])
def test_a_streamed_text_report_equals_the_text_report(output_format):
    reports = linted_reports()
    options = TextOptions(output_format=output_format, width=90)
    pieces, _ = streamed("text", reports, text_options=options)
    assert "".join(pieces) == render_text(reports, options=options)


def test_json_text_and_github_write_each_file_when_it_arrives_and_keep_no_article():
    reports = linted_reports()
    for fmt in ("json", "github", "text"):
        pieces = []
        writer = ReportWriter(fmt, pieces.append)
        for report in reports:
            written = len(pieces)
            writer.add(report)
            if fmt == "json" or report.findings:
                assert len(pieces) == written + 1 and report.path in pieces[-1]
        assert all(kept.source is None and kept.claims == [] for kept in writer.reports)
        assert [kept.findings for kept in writer.reports] == [r.findings for r in reports]


def test_only_the_html_page_keeps_the_articles():
    reports = linted_reports()
    for fmt in FORMATS:
        _, writer = streamed(fmt, reports)
        keeps = [kept.source is not None for kept in writer.reports]
        assert all(keeps) if fmt in KEEPS_ARTICLES else not any(keeps)


def test_an_empty_run_writes_an_empty_json_report():
    pieces, _ = streamed("json", [])
    assert json.loads("".join(pieces)) == {"files": []}


FINDING = st.builds(Finding, rule=st.sampled_from(list(BUILTIN_RULES)), severity=st.sampled_from(SEVERITIES),
                    message=st.text(max_size=30), line=st.none() | st.integers(1, 3), column=st.just(1),
                    start=st.just(0), end=st.just(1), text=st.text(max_size=5))
REPORT = st.builds(FileReport, path=st.text(min_size=1, max_size=12), drugs=st.lists(st.sampled_from(["a", "b"])),
                   findings=st.lists(FINDING, max_size=4), error=st.none() | st.text(min_size=1, max_size=20),
                   source=st.just("x\ny\nz"))


@settings(max_examples=150, deadline=None)
@given(st.lists(REPORT, max_size=5), st.sampled_from(["json", "github", "sarif", "markdown"]))
def test_any_reports_stream_to_the_report_rendered_at_the_end(reports, fmt):
    pieces, _ = streamed(fmt, reports)
    assert "".join(pieces) == render(fmt, reports)


def run(*args):
    return CliRunner().invoke(main, ["check", *map(str, args)])


def test_min_severity_keeps_the_claims_of_the_json_report():
    everything = json.loads(run("--format", "json", ARTICLES[0]).stdout)["files"][0]
    result = run("--format", "json", "--min-severity", "error", ARTICLES[0])
    errors_only = json.loads(result.stdout)["files"][0]
    assert errors_only["claims"] == everything["claims"] != []
    assert errors_only["findings"] == [f for f in everything["findings"] if f["severity"] == "error"]
    assert len(errors_only["findings"]) < len(everything["findings"])


def test_findings_below_min_severity_still_fail_the_run_and_count_in_stats():
    result = run("--min-severity", "error", "--fail-on", "warning", "--stats", ARTICLES[0])
    shown = json.loads(run("--format", "json", ARTICLES[0]).stdout)["files"][0]["findings"]
    assert result.exit_code == 1
    assert f"{len(shown)} findings" in result.stderr
    assert "below --min-severity not shown" in result.stdout
