"""HTML report: one self-contained page (no network: inline style and script only).

A summary across files and filters by rule and severity head the page. Then, for each
article with findings, its text with every finding highlighted in place (from the start
and end offsets; findings without a span are listed above the text) and a side panel with
each finding's message, label fact, source and suggestion. All article text is escaped.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from html import escape

from lint.model.findings import FileReport, Finding
from lint.report.summary import SEVERITY_ORDER, counts_text, rule_counts, severity_counts, summary_line

STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; }
header, main > section { padding: 1rem 1.5rem; }
header { background: #fff; border-bottom: 1px solid #ddd; }
h1 { margin: 0 0 .25rem; font-size: 1.5rem; }
h2 { font-size: 1.15rem; margin: 0 0 .5rem; word-break: break-all; }
table.totals { border-collapse: collapse; margin: .5rem 0; }
table.totals th, table.totals td { border: 1px solid #ccc; padding: .15rem .6rem; text-align: right; }
table.totals th:first-child, table.totals td:first-child { text-align: left; }
form.filters { display: flex; flex-wrap: wrap; gap: 1rem; margin: .5rem 0; }
form.filters fieldset { border: 1px solid #ccc; border-radius: 4px; }
form.filters label { margin-right: .8rem; white-space: nowrap; }
ul.files { margin: .25rem 0; padding-left: 1.2rem; }
.article-body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr); gap: 1.5rem; }
@media (max-width: 800px) { .article-body { grid-template-columns: 1fr; } }
.article-text { white-space: pre-wrap; overflow-wrap: anywhere; font: 14px/1.6 ui-monospace, monospace;
  background: #fff; border: 1px solid #ddd; padding: 1rem; border-radius: 4px; }
.panel { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; }
.panel h3 { margin-top: 0; }
.panel ol, ul.document-findings { list-style: none; padding: 0; margin: 0 0 1rem; }
li.finding, li.doc-finding { background: #fff; border: 1px solid #ddd; border-left-width: 5px;
  border-radius: 4px; padding: .4rem .7rem; margin-bottom: .5rem; }
li.finding:target { outline: 2px solid #1d1d1f; }
li.finding p { margin: .2rem 0; }
li.finding dl { margin: .3rem 0 0; font-size: 13px; }
li.finding dt { font-weight: 600; }
li.finding dd { margin: 0 0 .3rem; }
.badge { font-size: 12px; font-weight: 600; text-transform: uppercase; }
mark.hl { background: rgba(255, 196, 0, .35); border-bottom: 2px solid #c98a00; cursor: pointer; color: inherit; }
mark.hl.sev-error { background: rgba(220, 40, 40, .22); border-bottom-color: #c00; }
mark.hl.sev-info { background: rgba(40, 120, 220, .2); border-bottom-color: #2a6fc9; }
mark.hl:target { outline: 2px solid #1d1d1f; }
.sev-error { border-left-color: #c00; } .sev-warning { border-left-color: #c98a00; }
.sev-info { border-left-color: #2a6fc9; }
li.filtered { display: none; }
mark.hl.filtered { background: transparent; border-bottom-color: transparent; cursor: auto; }
"""

SCRIPT = """
(function () {
  var form = document.getElementById('filters');
  function applyFilters() {
    var shown = {rule: {}, severity: {}};
    form.querySelectorAll('input[type=checkbox]').forEach(function (box) {
      shown[box.name][box.value] = box.checked;
    });
    document.querySelectorAll('[data-finding]').forEach(function (element) {
      var visible = shown.rule[element.dataset.rule] !== false &&
                    shown.severity[element.dataset.severity] !== false;
      element.classList.toggle('filtered', !visible);
    });
  }
  form.addEventListener('change', applyFilters);
  document.addEventListener('click', function (event) {
    var mark = event.target.closest('mark.hl');
    if (mark && !mark.classList.contains('filtered')) { location.hash = mark.dataset.finding; }
  });
  applyFilters();
})();
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


@dataclass(frozen=True)
class _Span:
    key: str
    finding: Finding
    start: int
    end: int


def render_html(reports: list[FileReport]) -> str:
    """The reports as one self-contained HTML page."""
    summary = summary_line(reports)
    parts = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             '<meta name="generator" content="druglint">',
             f"<title>druglint report: {escape(summary)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>"]
    parts += _header(reports, summary)
    parts.append("<main>")
    for number, report in enumerate(reports, 1):
        if report.findings:
            parts += _article(number, report)
    parts += ["</main>", f"<script>{SCRIPT}</script>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _header(reports: list[FileReport], summary: str) -> list[str]:
    table = rule_counts(reports)
    parts = ["<header>", "<h1>druglint report</h1>", f'<p class="summary">{escape(summary)}</p>']
    if table:
        parts.append('<table class="totals"><thead><tr><th>rule</th>'
                     + "".join(f"<th>{s}</th>" for s in SEVERITY_ORDER) + "<th>total</th></tr></thead><tbody>")
        for rule, counts in sorted(table.items()):
            parts.append(f"<tr><td><code>{escape(rule)}</code></td>"
                         + "".join(f"<td>{counts[s]}</td>" for s in SEVERITY_ORDER)
                         + f"<td>{sum(counts.values())}</td></tr>")
        parts.append("</tbody></table>")
    parts.append('<form id="filters" class="filters">')
    parts.append("<fieldset><legend>Rules</legend>")
    parts += [f'<label><input type="checkbox" name="rule" value="{escape(rule)}" checked> '
              f"<code>{escape(rule)}</code> ({sum(counts.values())})</label>" for rule, counts in sorted(table.items())]
    parts.append("</fieldset>")
    parts.append("<fieldset><legend>Severity</legend>")
    totals = severity_counts(reports)
    parts += [f'<label><input type="checkbox" name="severity" value="{s}" checked> {s} ({totals[s]})</label>'
              for s in SEVERITY_ORDER]
    parts.append("</fieldset>")
    parts.append("</form>")
    parts += ["<h2>Files</h2>", '<ul class="files">']
    for number, report in enumerate(reports, 1):
        path = escape(report.path)
        if report.error:
            parts.append(f'<li class="input-error">{path}: could not be read ({escape(report.error)})</li>')
        elif report.findings:
            parts.append(f'<li><a href="#file-{number}">{path}</a>: {escape(counts_text([report]))}</li>')
        else:
            parts.append(f'<li class="clean">{path}: no findings</li>')
    parts += ["</ul>", "</header>"]
    return parts


def _article(number: int, report: FileReport) -> list[str]:
    source = report.source
    spans, unplaced = [], []
    for index, finding in enumerate(report.findings, 1):
        key = f"f{number}-{index}"
        if finding.start is None or source is None:
            unplaced.append((key, finding))
        else:
            start = min(max(finding.start, 0), len(source))
            end = min(max(finding.end if finding.end is not None else start, start), len(source))
            spans.append(_Span(key, finding, start, end))
    drugs = f' <span class="drugs">({escape(", ".join(report.drugs))})</span>' if report.drugs else ""
    parts = [f'<section class="article" id="file-{number}" data-path="{escape(report.path)}">',
             f"<h2>{escape(report.path)}{drugs}</h2>", '<div class="article-body">', '<div class="article-main">']
    if unplaced:
        parts.append('<ul class="document-findings">')
        parts += [f'<li class="doc-finding sev-{escape(f.severity)}" {_data(key, f)}>'
                  f'<span class="badge">{escape(f.severity)}</span> <code>{escape(f.rule)}</code> '
                  f'{escape(f.message)} <a href="#{key}">details</a></li>' for key, f in unplaced]
        parts.append("</ul>")
    if source is None:
        parts.append('<p class="no-text">The article text is not available.</p>')
    else:
        parts.append(f'<div class="article-text">{_highlight(source, spans)}</div>')
    parts += ["</div>", '<aside class="panel">', "<h3>Findings</h3>", "<ol>"]
    placed = {span.key for span in spans}
    for index, finding in enumerate(report.findings, 1):
        key = f"f{number}-{index}"
        parts.append(_panel_item(key, finding, key in placed))
    parts += ["</ol>", "</aside>", "</div>", "</section>"]
    return parts


def _data(key: str, finding: Finding) -> str:
    return (f'data-finding="{key}" data-rule="{escape(finding.rule)}" '
            f'data-severity="{escape(finding.severity)}"')


def _panel_item(key: str, finding: Finding, placed: bool) -> str:
    where = (f'<a href="#hl-{key}">line {finding.line}, column {finding.column}</a>' if placed
             else "whole article")
    details = [("Text", f"“{finding.text}”" if finding.text else None), ("Label fact", finding.label_fact),
               ("Source", finding.source), ("Suggestion", finding.suggestion)]
    rows = "".join(f"<dt>{name}</dt><dd>{escape(value)}</dd>" for name, value in details if value)
    return (f'<li class="finding sev-{escape(finding.severity)}" id="{key}" {_data(key, finding)}>'
            f'<p class="where"><span class="badge">{escape(finding.severity)}</span> '
            f"<code>{escape(finding.rule)}</code> {where}</p>"
            f'<p class="message">{escape(finding.message)}</p>'
            + (f"<dl>{rows}</dl>" if rows else "") + "</li>")


def _highlight(source: str, spans: list[_Span]) -> str:
    """Escaped source text with a <mark> around each span. Spans may nest or overlap: a span
    cut by the end of another continues in a new <mark> with the same data; the first piece
    of each span carries the id `hl-KEY`."""
    starting: dict[int, list[_Span]] = defaultdict(list)
    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.key)):
        starting[span.start].append(span)
    boundaries = sorted({0, len(source)} | {s.start for s in spans} | {s.end for s in spans})
    out: list[str] = []
    open_spans: list[_Span] = []
    position = 0
    for boundary in boundaries:
        out.append(escape(source[position:boundary]))
        position = boundary
        ending = [i for i, span in enumerate(open_spans) if span.end == boundary]
        if ending:
            cut = ending[0]
            out.append("</mark>" * (len(open_spans) - cut))
            reopened = [span for span in open_spans[cut:] if span.end != boundary]
            del open_spans[cut:]
            for span in reopened:
                out.append(_mark(span, first=False))
                open_spans.append(span)
        for span in starting.get(boundary, []):
            out.append(_mark(span, first=True))
            if span.end == span.start:
                out.append("</mark>")
            else:
                open_spans.append(span)
    return "".join(out)


def _mark(span: _Span, first: bool) -> str:
    finding = span.finding
    ident = f' id="hl-{span.key}"' if first else ""
    return (f'<mark class="hl sev-{escape(finding.severity)}"{ident} {_data(span.key, finding)} '
            f'data-start="{span.start}" data-end="{span.end}" '
            f'title="{escape(finding.rule)}: {escape(finding.message)}">')
