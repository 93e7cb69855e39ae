"""HTML report: one self-contained page (no network: inline style and script only).

A summary across files, a table of counts per rule and severity and filters by rule and
severity head the page; the filters update every count on it. Then each article with
findings or claims, collapsible: its text rendered (Markdown and HTML as formatted text from
an allowlist of elements, plain text as it is) with every finding highlighted in place, and
a panel with two tabs: the findings (whole-article ones under their own heading, then the
located ones in text order) and the claims sheet. Highlights and panel entries take the
keyboard focus; Enter or Space moves between a highlight and its entry.
"""
from __future__ import annotations

from functools import cache
from html import escape
from importlib.resources import files

from lint.model.findings import Claim, FileReport, Finding
from lint.readers import format_for
from lint.report.html.article import Highlight, render_body
from lint.report.html.panel import count, finding_item, panel, place
from lint.report.summary import SEVERITY_ORDER, counts_text, rule_counts, severity_counts, summary_line

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
OPEN_AT_MOST = 3  # with more articles than this, each starts collapsed


@cache
def _asset(name: str) -> str:
    return files(__package__).joinpath(name).read_text(encoding="utf-8")


def render_html(reports: list[FileReport]) -> str:
    """The reports as one self-contained HTML page."""
    summary = summary_line(reports)
    shown = [(number, report) for number, report in enumerate(reports, 1)
             if not report.error and (report.findings or report.claims)]
    parts = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             '<meta name="generator" content="druglint">',
             f"<title>druglint report: {escape(summary)}</title>", f"<style>{_asset('page.css')}</style>",
             "</head>", "<body>"]
    parts += _header(reports, len(shown))
    parts.append('<main id="articles">')
    for number, report in shown:
        parts += _article(number, report, expanded=len(shown) <= OPEN_AT_MOST)
    parts += ["</main>", f"<script>{_asset('page.js')}</script>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _header(reports: list[FileReport], articles: int) -> list[str]:
    table = rule_counts(reports)
    totals = severity_counts(reports)
    checked = len(reports)
    input_errors = {"input_errors": str(totals["input error"])} if totals["input error"] else {}
    parts = ['<header class="page-header">', "<h1>druglint report</h1>",
             f'<p class="summary">{checked} file{"s" if checked != 1 else ""} checked: '
             f'{count(counts_text(reports), count="counts", **input_errors)}</p>',
             '<p id="filter-status" role="status"></p>']
    if table:
        parts.append('<table class="totals"><caption>Findings per rule and severity</caption><thead><tr>'
                     '<th scope="col">rule</th>' + "".join(f'<th scope="col">{s}</th>' for s in SEVERITY_ORDER)
                     + '<th scope="col">total</th></tr></thead><tbody>')
        for rule, counts in sorted(table.items()):
            parts.append(f'<tr><th scope="row"><code>{escape(rule)}</code></th>'
                         + "".join(f"<td>{count(counts[s], rule=rule, severity=s)}</td>" for s in SEVERITY_ORDER)
                         + f"<td>{count(sum(counts.values()), rule=rule)}</td></tr>")
        parts.append('</tbody><tfoot><tr><th scope="row">all rules</th>'
                     + "".join(f"<td>{count(totals[s], severity=s)}</td>" for s in SEVERITY_ORDER)
                     + f"<td>{count(sum(totals[s] for s in SEVERITY_ORDER))}</td></tr></tfoot></table>")
    parts.append('<form id="filters" class="filters" aria-label="Filter findings">')
    parts.append("<fieldset><legend>Rules</legend>")
    parts += [f'<label><input type="checkbox" name="rule" value="{escape(rule)}" checked> '
              f"<code>{escape(rule)}</code> ({count(sum(counts.values()), rule=rule, ignore='rule')})</label>"
              for rule, counts in sorted(table.items())]
    parts.append("</fieldset>")
    parts.append("<fieldset><legend>Severity</legend>")
    parts += [f'<label><input type="checkbox" name="severity" value="{s}" checked> '
              f"{s} ({count(totals[s], severity=s, ignore='severity')})</label>" for s in SEVERITY_ORDER]
    parts += ["</fieldset>", "</form>"]
    if articles > 1:
        parts.append('<p class="article-tools"><button type="button" data-expand="open">Expand all articles</button> '
                     '<button type="button" data-expand="close">Collapse all articles</button></p>')
    parts += ["<h2>Files</h2>", '<ul class="files">']
    for number, report in enumerate(reports, 1):
        path = escape(report.path)
        if report.error:
            parts.append(f'<li class="input-error">{path}: could not be read ({escape(report.error)})</li>')
        elif report.findings or report.claims:
            parts.append(f'<li><a href="#file-{number}">{path}</a>: '
                         f'{count(counts_text([report]), count="counts", file=str(number))}</li>')
        else:
            parts.append(f'<li class="clean">{path}: no findings</li>')
    parts += ["</ul>", "</header>"]
    return parts


def _article(number: int, report: FileReport, expanded: bool) -> list[str]:
    keyed = [(f"f{number}-{index}", finding) for index, finding in enumerate(report.findings, 1)]
    claims = [(f"c{number}-{index}", claim) for index, claim in enumerate(report.claims, 1)]
    source = report.source
    if source is None:
        text, placed = '<p class="no-text">The article text is not available.</p>', None
    else:
        highlights = [_finding_highlight(key, finding, len(source)) for key, finding in keyed
                      if finding.start is not None]
        highlights += [_claim_highlight(key, claim, len(source)) for key, claim in claims if claim.start is not None]
        fmt = format_for(report.path)
        body = render_body(source, fmt, highlights)
        kind = "rendered" if fmt in ("markdown", "html") else "plain"
        text, placed = f'<div class="article-text {kind}">{body.html}</div>', body.placed
    drugs = f' <span class="drugs">({escape(", ".join(report.drugs))})</span>' if report.drugs else ""
    path = escape(report.path)
    parts = [f'<section class="article" id="file-{number}" data-path="{path}" aria-labelledby="title-{number}">',
             f'<details class="article-details"{" open" if expanded else ""}>',
             f'<summary><h2 id="title-{number}">{path}{drugs}</h2> <span class="article-counts">'
             f'{count(counts_text([report]), count="counts", file=str(number))}</span></summary>',
             '<div class="article-body">', text]
    parts += panel(number, report.path, _findings_panel(number, keyed, placed), len(keyed), claims, placed)
    parts += ["</div>", "</details>", "</section>"]
    return parts


def _span(start: int | None, end: int | None, length: int) -> tuple[int, int]:
    """A span clamped to the text; an unknown end makes it empty."""
    first = min(max(start or 0, 0), length)
    return first, min(max(end if end is not None else first, first), length)


def _finding_highlight(key: str, finding: Finding, length: int) -> Highlight:
    start, end = _span(finding.start, finding.end, length)
    severity, rule = escape(finding.severity), escape(finding.rule)
    return Highlight(key, start, end, f"hl sev-{severity}",
                     f'data-finding="{key}" data-rule="{rule}" data-severity="{severity}" data-start="{start}" '
                     f'data-end="{end}" title="{rule}: {escape(finding.message)}"')


def _claim_highlight(key: str, claim: Claim, length: int) -> Highlight:
    """A claim's highlight: seen only while its article's Claims tab is open."""
    start, end = _span(claim.start, claim.end, length)
    verdict = escape(str(claim.verdict))
    return Highlight(key, start, end, f"claim verdict-{verdict}",
                     f'data-claim="{key}" data-verdict="{verdict}" data-start="{start}" data-end="{end}" '
                     f'title="{escape(claim.kind)} claim: {escape(verdict.replace("-", " "))}"', tabindex=-1)


def _findings_panel(number: int, keyed: list[tuple[str, Finding]], placed: set[str] | None) -> list[str]:
    """Whole-article findings, then located ones in text order; `placed` holds the keys of
    the highlights shown (None: the article text is not available)."""
    whole = [(key, finding) for key, finding in keyed if finding.start is None]
    located = sorted(((key, finding) for key, finding in keyed if finding.start is not None),
                     key=lambda item: (item[1].start, item[1].end or 0))
    parts = []
    if whole:
        parts += [f"<h3>Whole article ({count(len(whole), file=str(number), place='whole')})</h3>",
                  '<ul class="findings">']
        parts += [finding_item(key, number, finding, "") for key, finding in whole]
        parts.append("</ul>")
    if located:
        parts += [f"<h3>In the text ({count(len(located), file=str(number), place='text')})</h3>",
                  '<ol class="findings">']
        parts += [finding_item(key, number, finding, place(finding.line, finding.column, key, placed))
                  for key, finding in located]
        parts.append("</ol>")
    if not keyed:
        parts.append('<p class="empty">No findings.</p>')
    return parts
