"""The side panel of an article in the HTML report: its findings and its claims sheet, as
two tabs. Every value is escaped; URLs in label sources become links."""
from __future__ import annotations

import re
from collections import Counter
from html import escape

from lint.model.findings import Claim, Finding

_URL = re.compile(r"https?://[^\s<>\"']+")
KINDS = {"use": "Uses", "dose": "Doses", "warning": "Warnings"}


def linked(text: str) -> str:
    """Escaped text with each http(s) URL in it as a link."""
    parts, position = [], 0
    for match in _URL.finditer(text):
        url = match.group().rstrip(".,;:)]")
        parts += [escape(text[position:match.start()]),
                  f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>']
        position = match.start() + len(url)
    parts.append(escape(text[position:]))
    return "".join(parts)


def count(text: object, **want: str) -> str:
    """A count the filters keep up to date: of the findings matching `want` (rule, severity,
    file, place "whole" or "text"; `ignore` names a filter that does not apply), as a number
    or, with `count="counts"`, as `counts_text` writes it (`input_errors` are added to it)."""
    attributes = "".join(f' data-{name.replace("_", "-")}="{escape(value)}"' for name, value in want.items()
                         if name != "count")
    return f'<span data-count="{escape(want.get("count", ""))}"{attributes}>{escape(str(text))}</span>'


def panel(number: int, path: str, findings: list[str], finding_count: int, claims: list[tuple[str, Claim]],
          placed: set[str] | None) -> list[str]:
    """The tab list and the two tab panels; `findings` is the findings panel's HTML, `claims`
    the claims under their keys, `placed` the keys of the highlights in the text (None when
    the article text is not available)."""
    return ['<div class="panel">',
            f'<div role="tablist" aria-label="Findings and claims of {escape(path)}">',
            f'<button type="button" role="tab" id="tab-{number}-findings" aria-controls="tabpanel-{number}-findings" '
            f'aria-selected="true">Findings ({count(finding_count, file=str(number))})</button>',
            f'<button type="button" role="tab" id="tab-{number}-claims" aria-controls="tabpanel-{number}-claims" '
            f'aria-selected="false" tabindex="-1">Claims ({len(claims)})</button>', "</div>",
            f'<div role="tabpanel" id="tabpanel-{number}-findings" aria-labelledby="tab-{number}-findings">',
            *findings, "</div>",
            f'<div role="tabpanel" id="tabpanel-{number}-claims" aria-labelledby="tab-{number}-claims" hidden>',
            *claims_sheet(claims, placed), "</div>", "</div>"]


def place(line: int | None, column: int | None, key: str, placed: set[str] | None) -> str:
    """Where a finding or claim is, as a link to its highlight when the text shows one."""
    where = f"line {line}, column {column}"
    if placed is None:
        return where
    if key in placed:
        return f'<a href="#hl-{key}">{where}</a>'
    return f"{where} (not shown: in markup the rendered view leaves out)"


def finding_item(key: str, number: int, finding: Finding, where: str) -> str:
    """One finding's panel entry; `where` is its place (HTML) or empty for a whole-article one."""
    details = [("Text", escape(f"“{finding.text}”") if finding.text else None),
               ("Label fact", escape(finding.label_fact) if finding.label_fact else None),
               ("Source", linked(finding.source) if finding.source else None),
               ("Suggestion", escape(finding.suggestion) if finding.suggestion else None)]
    rows = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in details if value)
    place = f" {where}" if where else ""
    return (f'<li class="finding sev-{escape(finding.severity)}" id="{key}" tabindex="0" data-finding="{key}" '
            f'data-rule="{escape(finding.rule)}" data-severity="{escape(finding.severity)}" data-file="{number}" '
            f'data-place="{"text" if finding.start is not None else "whole"}">'
            f'<p class="where"><span class="badge sev-{escape(finding.severity)}">{escape(finding.severity)}</span> '
            f"<code>{escape(finding.rule)}</code>{place}</p>"
            f'<p class="message">{escape(finding.message)}</p>'
            + (f"<dl>{rows}</dl>" if rows else "") + "</li>")


def claims_sheet(claims: list[tuple[str, Claim]], placed: set[str] | None) -> list[str]:
    """The claims sheet: every claim read, by kind, in text order, with its verdict; the
    label sources once, above."""
    if not claims:
        return ['<p class="empty">No claims read: druglint found no use, dose or warning claim to judge '
                "in this article.</p>"]
    verdicts = Counter(str(claim.verdict) for _, claim in claims)
    parts = [f'<p class="claims-summary">{len(claims)} claim{"s" if len(claims) != 1 else ""} read: '
             + ", ".join(f"{n} {escape(verdict.replace('-', ' '))}" for verdict, n in sorted(verdicts.items()))
             + "</p>"]
    sources = sorted({(claim.drug or "", claim.source) for _, claim in claims if claim.source})
    if sources:
        parts += ['<dl class="label-sources"><dt>Label sources</dt>']
        parts += [f"<dd>{escape(drug) + ': ' if drug else ''}{linked(source)}</dd>" for drug, source in sources]
        parts.append("</dl>")
    kinds = list(KINDS) + sorted({claim.kind for _, claim in claims} - set(KINDS))
    for kind in kinds:
        of_kind = sorted(((key, c) for key, c in claims if c.kind == kind),
                         key=lambda item: (item[1].start is None, item[1].start or 0, item[1].end or 0))
        if not of_kind:
            continue
        parts += [f"<h3>{escape(KINDS.get(kind, kind.capitalize()))} ({len(of_kind)})</h3>", '<ul class="claims">']
        parts += [_claim_item(key, claim, placed) for key, claim in of_kind]
        parts.append("</ul>")
    return parts


def _claim_item(key: str, claim: Claim, placed: set[str] | None) -> str:
    verdict = escape(str(claim.verdict))
    where = "not in the text" if claim.line is None else place(claim.line, claim.column, key, placed)
    facts = [where] + ([f"label section: {escape(claim.label_section)}"] if claim.label_section else [])
    drug = f' <span class="drug">({escape(claim.drug)})</span>' if claim.drug else ""
    reason = f'<p class="reason">{escape(claim.reason)}</p>' if claim.reason else ""
    fact = (f'<details class="label-fact"><summary>Label fact</summary><p>{escape(claim.label_fact)}</p></details>'
            if claim.label_fact else "")
    return (f'<li class="claim verdict-{verdict}" id="{key}" tabindex="0" data-claim="{key}" '
            f'data-kind="{escape(claim.kind)}" data-verdict="{verdict}">'
            f'<p><span class="badge verdict-{verdict}">{escape(verdict.replace("-", " "))}</span> '
            f'<span class="kind">{escape(claim.kind)}</span> “{escape(claim.text)}”{drug}</p>'
            f'{reason}<p class="facts">{"; ".join(facts)}</p>{fact}</li>')
