"""The HTML report in a real browser: headless Chromium driven through chromedriver's
WebDriver protocol (tests/webdriver.py). Skipped when Chromium or chromedriver is not
installed (Debian: apt-get install -y chromium chromium-driver)."""
import json
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner
from webdriver import chromium_session, requires_browser

from lint.cli.main import main
from lint.model.findings import Claim, FileReport, Finding, Severity, Verdict
from lint.report.html import render_html
from lint.report.summary import counts_text, summary_line

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

pytestmark = requires_browser


@pytest.fixture
def browser():
    with chromium_session() as session:
        yield session


SHOWN = "return Array.from(document.querySelectorAll('[data-finding]'))" \
        ".filter(e => !e.classList.contains('filtered')).map(e => [e.dataset.rule, e.dataset.severity, e.tagName])"


def test_filters_hide_findings_and_clicking_a_highlight_opens_its_details(tmp_path, browser):
    out = tmp_path / "report.html"
    articles = [FIXTURES / "clonazepam-review.md", FIXTURES / "unknown-drug.html"]
    CliRunner().invoke(main, ["check", "--format", "html", "-o", str(out), *map(str, articles)])
    browser.command("POST", "/url", {"url": out.as_uri()})

    everything = browser.script(SHOWN)
    assert {"MARK", "LI"} <= {tag for _, _, tag in everything}
    assert browser.script("return performance.getEntriesByType('resource').length") == 0

    browser.click("input[name=rule][value='dose-out-of-range']")
    shown = browser.script(SHOWN)
    assert shown == [item for item in everything if item[0] != "dose-out-of-range"]
    assert browser.script("return getComputedStyle(document.querySelector("
                          "\"li.finding[data-rule='dose-out-of-range']\")).display") == "none"

    browser.click("input[name=severity][value='info']")
    assert browser.script(SHOWN) == [item for item in shown if item[1] != "info"]

    browser.click("input[name=rule][value='dose-out-of-range']")
    browser.click("mark[data-rule='dose-out-of-range']")
    target = browser.script("return document.querySelector(':target').dataset.rule + ' ' + location.hash")
    assert target.startswith("dose-out-of-range #f")


# The rendered article, keyboard, counts, collapsing and the claims tab

MARKDOWN_ARTICLE = """# Clonazepam: what to know

Clonazepam is a prescription benzodiazepine, a Schedule IV controlled substance.

## Uses

- **Panic disorder.** It reduces panic attacks.
- *Insomnia.* Many people take it at night to fall asleep.

| Condition | Typical dose |
| --- | ---: |
| Panic disorder | take up to 10 mg a day |
| Seizures | 1.5 mg a day |

> Do not stop clonazepam suddenly.

```
notes: keep out of reach of children
```

Read the [label](https://dailymed.nlm.nih.gov/) and ![a pill bottle](bottle.png).
<script>alert("markdown script")</script>
"""

HTML_ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><title>Clonazepam guide</title><style>p { color: red }</style>
<script>var dose = "10 mg";</script><link rel="stylesheet" href="https://example.com/site.css"></head>
<body><header><nav><a href="/">Home</a> <a href="/drugs">Drugs</a></nav></header>
<main><article><header><h1 onclick="steal()">Clonazepam for panic disorder</h1></header>
<p>Clonazepam is a prescription benzodiazepine, a Schedule IV controlled substance. It is used to
treat <strong>insomnia</strong> and panic disorder.</p>
<table><tr><th>Condition</th><th>Dose</th></tr><tr><td>Panic disorder</td><td>take up to 10 mg a day</td></tr></table>
<p>Read <a href="javascript:steal()">this</a> and <a href="https://dailymed.nlm.nih.gov/">the label</a>.</p>
<iframe src="https://example.com/ad"></iframe><form action="/subscribe"><input name="email"><button>Go</button></form>
</article></main><footer>Copyright, about us, contact</footer></body></html>
"""

AXE_RUN = """var done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']}).then(function (result) {
  done(result.violations.map(function (v) {
    return {id: v.id, impact: v.impact, nodes: v.nodes.map(function (n) { return n.target.join(' '); })};
  }));
}, function (error) { done([{id: 'axe-error', impact: 'critical', nodes: [String(error)]}]); });"""


def write_report(tmp_path, *articles, name="report.html"):
    out = tmp_path / name
    result = CliRunner().invoke(main, ["check", "--format", "html", "-o", str(out), *map(str, articles)])
    assert result.exit_code in (0, 1), result.output
    return out


def articles_in(tmp_path):
    markdown, page = tmp_path / "guide.md", tmp_path / "guide.html"
    markdown.write_text(MARKDOWN_ARTICLE, encoding="utf-8")
    page.write_text(HTML_ARTICLE, encoding="utf-8")
    return markdown, page


def axe_violations(browser):
    """axe-core's violations on the open page, with every article expanded."""
    axe = files("axe_playwright_python").joinpath("axe.min.js")  # axe-core, shipped by the test extra
    browser.script("document.querySelectorAll('details').forEach(function (d) { d.open = true; });")
    browser.script(axe.read_text(encoding="utf-8"))
    browser.command("POST", "/timeouts", {"script": 120_000})
    return browser.command("POST", "/execute/async", {"script": AXE_RUN, "args": []})


def serious(violations):
    return [v for v in violations if v["impact"] in ("serious", "critical")]


def open_page(browser, path):
    browser.command("POST", "/url", {"url": path.as_uri()})


def press(browser, *keys):
    """Key presses sent to the focused element, as a keyboard user types them."""
    actions = [action for key in keys for action in ({"type": "keyDown", "value": key}, {"type": "keyUp", "value": key})]
    browser.command("POST", "/actions", {"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})


def active(browser):
    return browser.script("var e = document.activeElement; return [e.tagName, e.id, e.matches(':focus-visible'), "
                          "getComputedStyle(e).outlineStyle];")


TAB, ENTER, SPACE, LEFT = "\ue004", "\ue007", "\ue00d", "\ue012"


def test_axe_finds_no_serious_violation_in_the_reports(tmp_path, browser):
    fixtures = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".md", ".html", ".txt", ".docx"))
    markdown, page = articles_in(tmp_path)
    found = {}
    for name, articles in (("fixtures", fixtures), ("markdown", [markdown]), ("html", [page])):
        open_page(browser, write_report(tmp_path, *articles, name=f"{name}.html"))
        found[name] = axe_violations(browser)
        browser.script("document.querySelectorAll('[role=tab][aria-controls$=claims]').forEach("
                       "function (tab) { tab.click(); });")
        found[name + " (claims tab)"] = browser.command("POST", "/execute/async", {"script": AXE_RUN, "args": []})
    assert {name: serious(violations) for name, violations in found.items()} == {name: [] for name in found}


def test_markdown_and_html_articles_are_shown_rendered_with_highlights(tmp_path, browser):
    markdown, page = articles_in(tmp_path)
    open_page(browser, write_report(tmp_path, markdown, page))
    shown = browser.script("""return Array.from(document.querySelectorAll('.article-text')).map(function (text) {
        return {text: text.innerText, tags: Array.from(text.querySelectorAll('*')).map(e => e.tagName),
                marks: Array.from(text.querySelectorAll('mark[id]')).map(m => [m.dataset.rule, m.textContent]),
                links: Array.from(text.querySelectorAll('a')).map(a => a.href)};
    });""")
    rendered_markdown, rendered_html = shown
    assert {"H3", "H4", "UL", "LI", "TABLE", "TD", "STRONG", "EM", "BLOCKQUOTE", "PRE"} <= set(rendered_markdown["tags"])
    assert "**" not in rendered_markdown["text"] and "| ---" not in rendered_markdown["text"]
    assert "alert(" not in rendered_markdown["text"] and "[image: a pill bottle]" in rendered_markdown["text"]
    assert ["unlabeled-indication", "fall asleep"] in rendered_markdown["marks"]  # the body's words, under "Insomnia"
    assert ["dose-out-of-range", "10 mg"] in rendered_markdown["marks"]
    assert rendered_markdown["links"] == ["https://dailymed.nlm.nih.gov/"]

    assert {"H3", "P", "TABLE", "TH", "STRONG"} <= set(rendered_html["tags"])
    assert not {"SCRIPT", "STYLE", "NAV", "IFRAME", "FORM", "INPUT", "BUTTON", "LINK"} & set(rendered_html["tags"])
    for chrome in ("Home", "Copyright", "var dose", "color: red"):
        assert chrome not in rendered_html["text"]
    assert "Page title: Clonazepam guide" in rendered_html["text"]
    assert ["unlabeled-indication", "insomnia"] in rendered_html["marks"]
    assert rendered_html["links"] == ["https://dailymed.nlm.nih.gov/"]
    assert browser.script("return document.querySelectorAll('[onclick]').length") == 0
    assert browser.script("return performance.getEntriesByType('resource').length") == 0


def test_highlights_and_panel_entries_are_reached_and_linked_with_the_keyboard(tmp_path, browser):
    open_page(browser, write_report(tmp_path, FIXTURES / "clonazepam-review.md"))
    reached = []
    for _ in range(60):
        press(browser, TAB)
        reached.append(active(browser))
    marks = [element for element in reached if element[0] == "MARK"]
    entries = [element for element in reached if element[0] == "LI"]
    assert marks and entries
    assert all(visible and outline != "none" for _, _, visible, outline in marks + entries)

    first = marks[0][1]
    browser.script("document.getElementById(arguments[0]).focus();", first)
    press(browser, ENTER)
    assert active(browser)[:2] == ["LI", first.removeprefix("hl-")]
    assert browser.script("return location.hash") == "#" + first.removeprefix("hl-")
    press(browser, SPACE)
    assert active(browser)[:2] == ["MARK", first]


def test_filters_update_every_count_on_the_page(tmp_path, browser):
    articles = [FIXTURES / "clonazepam-review.md", FIXTURES / "report-markup.md", FIXTURES / "unknown-drug.html"]
    open_page(browser, write_report(tmp_path, *articles))
    report = json.loads(CliRunner().invoke(main, ["check", "--format", "json", *map(str, articles)]).stdout)
    files = [FileReport(entry["path"], entry["drugs"], [Finding(f["rule"], Severity(f["severity"]), f["message"])
                                                        for f in entry["findings"]]) for entry in report["files"]]
    kept = [FileReport(f.path, f.drugs, [x for x in f.findings if x.severity != "warning"]) for f in files]
    every = sum(len(f.findings) for f in files)
    assert every > len([x for f in kept for x in f.findings]) > 0

    browser.click("input[name=severity][value='warning']")
    counts = browser.script("""var text = s => Array.from(document.querySelectorAll(s)).map(e => e.textContent);
        return {summary: text('p.summary')[0], files: text('ul.files li span'), articles: text('.article-counts'),
                tabs: text('[role=tab][aria-controls$=findings]'), warnings: text('table.totals td:nth-child(3)'),
                rules: text('input[name=rule] ~ span'), severities: text('input[name=severity] ~ span'),
                status: text('#filter-status')[0]};""")
    assert counts["summary"] == summary_line(kept)
    assert counts["files"] == counts["articles"] == [counts_text([f]) for f in kept]
    assert counts["tabs"] == [f"Findings ({len(f.findings)})" for f in kept]
    assert set(counts["warnings"]) == {"0"}
    rules = sorted({x.rule for f in files for x in f.findings})
    assert counts["rules"] == [str(sum(x.rule == rule for f in kept for x in f.findings)) for rule in rules]
    assert counts["severities"] == [str(sum(x.severity == s for f in files for x in f.findings))
                                    for s in ("error", "warning", "info")]
    hidden = every - sum(len(f.findings) for f in kept)
    assert counts["status"] == f"The filters hide {hidden} of {every} findings."

    browser.click("input[name=severity][value='warning']")
    assert browser.script("return document.querySelector('p.summary').textContent") == summary_line(files)


def test_whole_article_findings_appear_once(tmp_path, browser):
    open_page(browser, write_report(tmp_path, FIXTURES / "report-markup.md"))
    report = json.loads(CliRunner().invoke(main, ["check", "--format", "json", str(FIXTURES / "report-markup.md")]).stdout)
    whole = sorted(f["rule"] for f in report["files"][0]["findings"] if f["start"] is None)
    assert whole
    shown = browser.script("return Array.from(document.querySelectorAll('[data-finding]'))"
                           ".filter(e => e.dataset.place === 'whole').map(e => e.dataset.rule)")
    assert sorted(shown) == whole


def test_articles_collapse_and_a_link_to_one_opens_it(tmp_path, browser):
    articles = sorted(FIXTURES.glob("*.md")) + [FIXTURES / "unknown-drug.html"]
    open_page(browser, write_report(tmp_path, *articles))
    state = "return Array.from(document.querySelectorAll('details.article-details')).map(d => d.open)"
    collapsed = browser.script(state)
    assert len(collapsed) == len(articles) and not any(collapsed)
    short = browser.script("return document.documentElement.scrollHeight")

    browser.click("[data-expand=open]")
    assert all(browser.script(state))
    assert browser.script("return document.documentElement.scrollHeight") > 3 * short
    browser.click("[data-expand=close]")
    assert not any(browser.script(state))

    browser.click("ul.files a[href='#file-2']")
    assert browser.script(state) == [False, True] + [False] * (len(articles) - 2)
    assert browser.script("return location.hash") == "#file-2"
    browser.click("#file-2 summary")
    assert not any(browser.script(state))


def claims_report():
    source = "# Clonazepam\n\nClonazepam treats panic disorder. Take up to 10 mg a day.\n"
    dose = source.index("10 mg")
    finding = Finding("dose-out-of-range", Severity.ERROR, "10 mg/day is above the label's maximum.", drug="clonazepam",
                      start=dose, end=dose + 5, line=3, column=dose - 13, text="10 mg")
    use = source.index("panic disorder")
    claims = [
        Claim("use", Verdict.LABELED, "panic disorder", drug="clonazepam", reason="the label lists it",
              start=use, end=use + 14, line=3, column=use - 13, label_section="Indications and Usage",
              source="Clonazepam label https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=1"),
        Claim("dose", Verdict.OUT_OF_RANGE, "10 mg a day", drug="clonazepam", reason="above 4 mg/day",
              start=dose, end=dose + 5, line=3, column=dose - 13, label_section="Dosage and Administration"),
        Claim("warning", Verdict.MISSING, "abuse, misuse and addiction", drug="clonazepam",
              reason="a boxed warning the article never mentions", label_section="Boxed Warning"),
    ]
    return [FileReport("claims.md", ["clonazepam"], [finding], source=source, claims=claims),
            FileReport("quiet.md", ["clonazepam"], [finding], source=source)]


def test_claims_tab_lists_each_claim_beside_the_findings(tmp_path, browser):
    page = tmp_path / "claims.html"
    page.write_text(render_html(claims_report()), encoding="utf-8")
    open_page(browser, page)
    panels = "return Array.from(document.querySelectorAll('#file-1 [role=tabpanel]')).map(p => p.hidden)"
    assert browser.script(panels) == [False, True]

    browser.click("#tab-1-claims")
    assert browser.script(panels) == [True, False]
    assert browser.script("return document.activeElement.id + ' ' + document.activeElement.ariaSelected") == \
        "tab-1-claims true"
    sheet = browser.script("""var panel = document.getElementById('tabpanel-1-claims');
        return {verdicts: Array.from(panel.querySelectorAll('li.claim')).map(c => c.dataset.verdict),
                headings: Array.from(panel.querySelectorAll('h3')).map(h => h.textContent),
                links: Array.from(panel.querySelectorAll('a')).map(a => a.getAttribute('href')),
                text: panel.innerText};""")
    assert sheet["verdicts"] == ["labeled", "out-of-range", "missing"]
    assert sheet["headings"] == ["Uses (1)", "Doses (1)", "Warnings (1)"]
    assert sheet["links"] == ["https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=1", "#hl-c1-1", "#hl-c1-2"]
    assert "Boxed Warning" in sheet["text"] and "not in the text" in sheet["text"]
    colours = "return Array.from(document.querySelectorAll('#file-1 mark')).map(m => [m.id, " \
              "getComputedStyle(m).backgroundColor === 'rgba(0, 0, 0, 0)'])"
    assert browser.script(colours) == [["hl-c1-1", False], ["hl-c1-2", False], ["hl-f1-1", True]]

    browser.click("#tabpanel-1-claims a[href='#hl-c1-2']")  # from a claim to its place in the text and back
    assert active(browser)[:2] == ["MARK", "hl-c1-2"]
    press(browser, ENTER)
    assert active(browser)[:2] == ["LI", "c1-2"]
    press(browser, SPACE)
    assert active(browser)[:2] == ["MARK", "hl-c1-2"]

    browser.click("#tab-1-findings")  # the findings' highlights come back and take the focus again
    assert browser.script(colours) == [["hl-c1-1", True], ["hl-c1-2", True], ["hl-f1-1", False]]
    browser.script("document.getElementById('hl-f1-1').focus();")
    press(browser, ENTER)
    assert active(browser)[:2] == ["LI", "f1-1"]

    browser.click("#tab-2-claims")
    assert browser.script("return document.getElementById('tabpanel-2-claims').innerText").startswith(
        "No claims read")
    press(browser, LEFT)
    assert active(browser)[1] == "tab-2-findings"
    assert browser.script("return document.getElementById('tabpanel-2-findings').hidden") is False
