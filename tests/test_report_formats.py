"""Report formats through the CLI: SARIF (checked against the official 2.1.0 schema),
GitHub Actions workflow commands, Markdown, the self-contained HTML page, and -o/--output."""
import json
import re
import shutil
from collections import Counter
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from lint.checks import BUILTIN_RULES, all_rules
from lint.cli.main import main
from lint.model.findings import SEVERITIES, Claim, FileReport, Finding, Severity, Verdict
from lint.report.github import escape_data, escape_property
from lint.report.html import render_html
from lint.report.sarif import render_sarif

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SARIF_SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"
ARTICLES = [FIXTURES / name for name in
            ("clonazepam-review.md", "report-markup.md", "unknown-drug.html", "clonazepam-clean.txt")]


def run(*args):
    return CliRunner().invoke(main, ["check", *map(str, args)])


def json_report(*paths):
    return json.loads(run("--format", "json", *paths).stdout)


def findings_by_path(*paths):
    return {entry["path"]: entry["findings"] for entry in json_report(*paths)["files"]}


# SARIF

def test_sarif_is_valid_sarif_2_1_0_and_locates_every_finding(tmp_path):
    missing = tmp_path / "missing.md"
    result = run("--format", "sarif", *ARTICLES, missing)
    assert result.exit_code == 2
    log = json.loads(result.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)

    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(all_rules())
    for rule in rules:
        known = all_rules()[rule["id"]]
        assert rule["shortDescription"]["text"] == known.summary
        assert rule["fullDescription"]["text"].split()[:5] == known.doc.sections()[0][1].split()[:5]
        assert "What to write instead" in rule["help"]["text"] and "**Why it matters**" in rule["help"]["markdown"]

    expected = findings_by_path(*ARTICLES)
    results = run_["results"]
    assert len(results) == sum(len(found) for found in expected.values()) > 0
    by_uri = {str(path): path.read_text(encoding="utf-8") for path in ARTICLES}
    seen = Counter()
    for item in results:
        location = item["locations"][0]["physicalLocation"]
        path = "/" + location["artifactLocation"]["uri"].removeprefix("file:///")
        finding = expected[path][seen[path]]
        seen[path] += 1
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"] == finding["rule"]
        assert item["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding["severity"]]
        assert item["message"]["text"] == finding["message"]
        assert item["properties"].get("labelSource") == finding["source"]
        assert item["properties"].get("labelFact") == finding["label_fact"]
        region = location["region"]
        if finding["start"] is None:
            assert region == {"startLine": 1}
            continue
        source = by_uri[path]
        line = source.split("\n")[region["startLine"] - 1]
        assert region["endLine"] == region["startLine"]
        assert line[region["startColumn"] - 1:region["endColumn"] - 1] == finding["text"]
        assert source[region["charOffset"]:region["charOffset"] + region["charLength"]] == finding["text"]
        assert region["snippet"]["text"] == finding["text"]
    assert run_["columnKind"] == "unicodeCodePoints"
    invocation = run_["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert [n["message"]["text"] for n in invocation["toolExecutionNotifications"]] == \
        [f"{missing}: no such file or directory"]


def test_sarif_columns_count_code_points_after_astral_characters():
    # report-markup.md has a pill emoji (two UTF-16 units) before 'insomnia' on line 3
    log = json.loads(run("--format", "sarif", FIXTURES / "report-markup.md").stdout)
    region = next(r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"]
                  if r["ruleId"] == "unlabeled-indication")
    line = (FIXTURES / "report-markup.md").read_text(encoding="utf-8").split("\n")[2]
    assert line.startswith("\N{PILL}") and region["startColumn"] == line.index("insomnia") + 1


def test_sarif_describes_a_rule_it_has_no_documentation_for_by_its_id():
    finding = Finding(rule="house-style-dash", severity="info", message="Use an en dash.")
    log = json.loads(render_sarif([FileReport("a.md", [], [finding], source="a - b")]))
    jsonschema.Draft7Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
    rules, result = log["runs"][0]["tool"]["driver"]["rules"], log["runs"][0]["results"][0]
    assert rules[result["ruleIndex"]] == {"id": "house-style-dash"} and result["level"] == "note"


def test_sarif_uris_of_relative_paths_stay_relative(tmp_path, monkeypatch):
    (tmp_path / "my articles").mkdir()
    shutil.copy(FIXTURES / "clonazepam-review.md", tmp_path / "my articles" / "review.md")
    monkeypatch.chdir(tmp_path)
    log = json.loads(run("--format", "sarif", "my articles").stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"my%20articles/review.md"}


# GitHub Actions

COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def unescape(text):
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def parse_command(line):
    match = COMMAND.match(line)
    assert match, line
    properties = dict(part.split("=", 1) for part in match.group(2).split(","))
    return match.group(1), {k: unescape(v) for k, v in properties.items()}, unescape(match.group(3))


def test_github_annotations_one_per_finding_with_escaped_file_and_message(tmp_path):
    odd = tmp_path / "dose, notes: 100%.md"
    shutil.copy(FIXTURES / "clonazepam-review.md", odd)
    paths = [odd, FIXTURES / "unknown-drug.html", FIXTURES / "report-markup.md"]
    result = run("--format", "github", *paths)
    assert result.exit_code == 1
    expected = [(path, f) for path, found in findings_by_path(*paths).items() for f in found]
    lines = result.stdout.splitlines()
    assert len(lines) == len(expected)
    assert "dose%2C notes%3A 100%25.md" in lines[0]
    for line, (path, finding) in zip(lines, expected):
        command, properties, message = parse_command(line)
        assert command == {"error": "error", "warning": "warning", "info": "notice"}[finding["severity"]]
        assert properties["file"] == path and properties["title"] == finding["rule"]
        assert message.split("\n")[0] == finding["message"]
        if finding["suggestion"]:
            assert f"\nSuggestion: {finding['suggestion']}" in message
        if finding["start"] is None:
            assert properties["line"] == "1" and "col" not in properties
        else:
            assert (int(properties["line"]), int(properties["col"])) == (finding["line"], finding["column"])
            assert int(properties["endColumn"]) == finding["column"] + len(finding["text"]) - 1
            assert properties["endLine"] == properties["line"]


def test_github_input_error_is_an_error_annotation(tmp_path):
    result = run("--format", "github", tmp_path / "gone.md")
    assert result.exit_code == 2
    assert parse_command(result.stdout.strip()) == \
        ("error", {"file": str(tmp_path / "gone.md"), "title": "input-error"}, "no such file or directory")


@given(st.text())
def test_github_escaping_round_trips_and_leaves_no_separator(text):
    assert unescape(escape_property(text)) == text == unescape(escape_data(text))
    assert not set(escape_property(text)) & set(":,\r\n")
    assert not set(escape_data(text)) & set("\r\n")


# Markdown

def test_markdown_totals_per_rule_and_severity_and_a_table_per_file(tmp_path):
    piped = tmp_path / "pipe|name.md"
    shutil.copy(FIXTURES / "report-markup.md", piped)
    paths = [FIXTURES / "clonazepam-review.md", FIXTURES / "unknown-drug.html", piped,
             FIXTURES / "clonazepam-clean.txt"]
    result = run("--format", "markdown", *paths)
    text = result.stdout
    expected = findings_by_path(*paths)
    counts = Counter((f["rule"], f["severity"]) for found in expected.values() for f in found)
    rows = {m.group(1): [int(n) for n in m.group(2).split(" | ")]
            for m in re.finditer(r"^\| `([a-z-]+)` \| ([\d |]+) \|$", text, re.MULTILINE)}
    assert set(rows) == {rule for rule, _ in counts}
    for rule, numbers in rows.items():
        assert numbers == [counts[(rule, s)] for s in ("error", "warning", "info")] + \
            [sum(n for (r, _), n in counts.items() if r == rule)]
    assert "1 file without findings not listed." in text
    sections = text.split("\n### ")[1:]
    with_findings = [p for p, found in expected.items() if found]
    assert len(sections) == len(with_findings)
    assert sections[-1].startswith("/") and "pipe\\|name.md" in sections[-1]
    for section, path in zip(sections, with_findings):
        table = [line for line in section.splitlines() if line.startswith("| ")][2:]
        assert len(table) == len(expected[path])
        for row, finding in zip(table, expected[path]):
            cells = re.split(r"(?<!\\)\|", row)[1:-1]
            assert len(cells) == 4 and cells[2].strip() == f"`{finding['rule']}`"
            assert cells[0].strip() == (str(finding["line"]) if finding["line"] else "whole article")


def test_markdown_escapes_markup_in_messages():
    text = run("--format", "markdown", FIXTURES / "unknown-drug.html").stdout
    assert "see \\`druglint drugs\\`" in text


# HTML

VOID_TAGS = ("br", "hr", "img", "input", "meta", "link", "wbr")


class PageParser(HTMLParser):
    """Collects what the tests look at: the article text of each section as a reader sees
    it, each highlight piece with its text, panel entries, checkboxes and every attribute;
    it fails on an end tag that does not close the open element."""

    def __init__(self):
        super().__init__()
        self.sections, self.marks, self.items, self.checkboxes, self.attributes, self.tags = [], [], [], [], [], []
        self.stack, self.open_marks, self.text_depth, self.summary, self.in_summary = [], [], None, "", False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        self.attributes += list(attrs.items())
        classes = (attrs.get("class") or "").split()
        if tag == "section":
            self.sections.append({"path": attrs["data-path"], "text": "", "marks": [], "tags": []})
        if self.text_depth is not None:
            self.sections[-1]["tags"].append(tag)
        if tag == "div" and "article-text" in classes:
            self.text_depth = len(self.stack)
        if tag == "mark":
            mark = {**attrs, "text": ""}
            self.marks.append(mark)
            self.sections[-1]["marks"].append(mark)
            self.open_marks.append(mark)
        if tag == "li" and "data-finding" in attrs:
            self.items.append(attrs)
        if tag == "input":
            self.checkboxes.append(attrs)
        if tag == "p" and "summary" in classes:
            self.in_summary = True
        if tag not in VOID_TAGS:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack.pop() == tag, f"</{tag}> does not close the open element"
        if tag == "mark":
            self.open_marks.pop()
        if tag == "div" and self.text_depth == len(self.stack):
            self.text_depth = None
        if tag == "p":
            self.in_summary = False

    def handle_data(self, data):
        if self.text_depth is not None:
            self.sections[-1]["text"] += data
            for mark in self.open_marks:
                mark["text"] += data
        if self.in_summary:
            self.summary += data


def parse_page(page):
    parser = PageParser()
    parser.feed(page)
    parser.close()
    assert parser.stack == []
    return parser


def test_html_page_renders_each_article_and_highlights_every_finding(tmp_path):
    out = tmp_path / "report.html"
    result = run("--format", "html", "-o", out, *ARTICLES)
    assert result.exit_code == 1
    page = parse_page(out.read_text(encoding="utf-8"))
    files = {entry["path"]: entry for entry in json_report(*ARTICLES)["files"]}
    assert page.summary == result.stdout.split(" (report:")[0]

    assert [s["path"] for s in page.sections] == \
        [str(p) for p in ARTICLES if files[str(p)]["findings"] or files[str(p)].get("claims")]
    for section in page.sections:
        source = Path(section["path"]).read_text(encoding="utf-8")
        if section["path"].endswith(".txt"):
            assert section["text"] == source  # plain text stays as it is
        for finding in files[section["path"]]["findings"]:
            if finding["start"] is None:
                continue
            pieces = [m for m in section["marks"] if m.get("data-rule") == finding["rule"]
                      and (int(m["data-start"]), int(m["data-end"])) == (finding["start"], finding["end"])]
            assert pieces and pieces[0]["id"] == "hl-" + pieces[0]["data-finding"]
            assert pieces[0]["tabindex"] == "0" and all("id" not in p for p in pieces[1:])
            assert "".join(p["text"] for p in pieces) == finding["text"]
            assert pieces[0]["data-severity"] == finding["severity"]

    rendered = {Path(s["path"]).name: s for s in page.sections}
    markup = rendered["report-markup.md"]
    assert "**" not in markup["text"] and markup["text"].lstrip().startswith('Clonazepam & sleep: "Klonopin"')
    assert {"h3", "p", "strong", "em"} <= set(markup["tags"])
    html_article = rendered["unknown-drug.html"]
    assert "Fexofenadine for allergies" in html_article["text"] and "hay fever & hives" in html_article["text"]
    assert "var dose" not in html_article["text"] and "color: red" not in html_article["text"]
    assert not {"script", "style"} & set(html_article["tags"])

    all_findings = [f for entry in files.values() for f in entry["findings"]]
    assert len(page.items) == len(all_findings)  # each finding once, whole-article ones included
    assert sorted(i["data-rule"] for i in page.items if i["data-place"] == "whole") == \
        sorted(f["rule"] for f in all_findings if f["start"] is None)
    assert all(item["tabindex"] == "0" for item in page.items)

    rules = {box["value"] for box in page.checkboxes if box["name"] == "rule"}
    severities = [box["value"] for box in page.checkboxes if box["name"] == "severity"]
    assert rules == {f["rule"] for f in all_findings} and severities == ["error", "warning", "info"]
    assert all(box["type"] == "checkbox" and "checked" in box for box in page.checkboxes)

    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    assert scripts == [{}]  # one inline script; the article's own <script> is left out
    assert not [tag for tag, _ in page.tags if tag in ("link", "img", "iframe", "object", "embed")]
    urls = [value for name, value in page.attributes if name in ("href", "src", "action", "srcset", "data", "formaction")]
    assert urls and all(value.startswith(("#", "https://")) for value in urls)
    assert "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=" in " ".join(urls)  # label sources are links


def test_html_shows_label_fact_source_and_suggestion_escaped():
    page_text = run("--format", "html", FIXTURES / "clonazepam-review.md").stdout
    finding = findings_by_path(FIXTURES / "clonazepam-review.md")[str(FIXTURES / "clonazepam-review.md")][-1]
    for value in (finding["label_fact"], finding["suggestion"], finding["message"]):
        assert escape(value) in page_text
    url = re.search(r"https://\S+", finding["source"]).group().rstrip(";")
    assert f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>' in page_text
    assert "url(" not in page_text and "@import" not in page_text


SPAN_TEXT = st.text(alphabet=st.sampled_from("ab <>&\"'\n\N{PILL}é"), max_size=40)


@st.composite
def article_with_spans(draw, text=SPAN_TEXT):
    source = draw(text)
    bounds = st.integers(min_value=0, max_value=len(source))
    findings = []
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        start, end = sorted((draw(bounds), draw(bounds)))
        findings.append(Finding(rule=draw(st.sampled_from(list(BUILTIN_RULES))),
                                severity=draw(st.sampled_from(SEVERITIES)), message=draw(SPAN_TEXT),
                                start=start, end=end, line=1, column=1, text=source[start:end]))
    return source, findings


@settings(max_examples=200, deadline=None)
@given(article_with_spans())
def test_html_highlights_nested_and_overlapping_spans_in_plain_text(case):
    source, findings = case
    page = parse_page(render_html([FileReport("a.txt", [], findings, source=source)]))
    if not findings:
        assert page.sections == []
        return
    assert page.sections[0]["text"] == source
    for index, finding in enumerate(findings, 1):
        pieces = [m for m in page.marks if m["data-finding"] == f"f1-{index}"]
        assert pieces and pieces[0]["id"] == f"hl-f1-{index}"
        assert "".join(p["text"] for p in pieces) == source[finding.start:finding.end]


MARKUP = st.lists(st.sampled_from([
    "Take", " 10 mg", " ", "\n", "\n\n", "# ", "- ", "1. ", "> ", "**", "*", "_", "`", "\\*", "&amp;", "&#233;",
    "<b>", "</b>", "<p>", "</p>", "<li>", "<td>", "<tr>", "<table>", "</table>", "<script>x()</script>",
    "<nav>", "</nav>", "<header>", "<h1>", "</h1>", "<a href=\"https://a.example/\">", "</a>", "<img alt=\"pill\">",
    "| a | b |\n| --- | --- |\n| c | d |\n", "[link](https://b.example/)", "<!-- c -->", "<", ">", "&", "\N{PILL}",
    "\U000F0001"]), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(article_with_spans(MARKUP), st.sampled_from(["a.md", "a.html"]))
def test_html_rendered_articles_stay_well_formed_with_any_spans(case, path):
    source, findings = case
    page_text = render_html([FileReport(path, [], findings, source=source)])
    page = parse_page(page_text)  # every element closed in order, highlights included
    if findings:
        assert not re.search("[\U000F0000-\U000FFFFF]", page.sections[0]["text"])  # no sentinel left behind
    assert [attrs for tag, attrs in page.tags if tag == "script"] == [{}]
    ids = [m["id"] for m in page.marks if "id" in m]
    assert len(ids) == len(set(ids))
    for index in range(1, len(findings) + 1):
        key = f"f1-{index}"
        pieces = [m for m in page.marks if m["data-finding"] == key]
        if pieces:
            assert pieces[0]["id"] == f"hl-{key}"
            assert f'href="#hl-{key}"' in page_text
        else:
            assert f'href="#hl-{key}"' not in page_text


def test_html_highlight_crossing_an_element_boundary_is_split():
    source = "Take **10 mg** daily, or *more*.\n"
    start, end = source.index("10"), source.index(", or")
    finding = Finding("dose-out-of-range", Severity.ERROR, "m", start=start, end=end, line=1, column=6,
                      text=source[start:end])
    page = parse_page(render_html([FileReport("a.md", [], [finding], source=source)]))
    assert [m["text"] for m in page.marks] == ["10 mg", " daily"]
    assert page.sections[0]["tags"] == ["p", "strong", "mark", "mark", "em"]  # one piece each side of </strong>
    assert page.sections[0]["text"] == "Take 10 mg daily, or more.\n"


def test_html_article_leaves_out_scripts_styles_chrome_forms_and_handlers():
    source = ('<html><head><title>Guide</title><style>p{}</style><script>evil()</script></head><body>'
              '<header><nav><a href="/">Home menu</a></nav></header><main><article>'
              '<h1 onmouseover="evil()">Clonazepam</h1><p style="color:red" onclick="evil()">It treats '
              '<em>insomnia</em>. <a href="javascript:evil()">click</a> <a href="HTTPS://x.example/">label</a></p>'
              '<form action="/s"><input name="q"><textarea>typed</textarea></form><iframe src="https://ad.example/">'
              '</iframe><object data="x.swf">object text</object><svg><text>drawing</text></svg>'
              '<img src="https://x.example/a.png" alt="a pill" onerror="evil()"></article></main>'
              "<footer>Site footer</footer></body></html>")
    in_nav, in_text = source.index("Home menu"), source.index("insomnia")
    findings = [Finding("unlabeled-indication", Severity.WARNING, "m", start=in_text, end=in_text + 8, line=1,
                        column=1, text="insomnia"),
                Finding("misspelled-drug-name", Severity.WARNING, "m", start=in_nav, end=in_nav + 4, line=1,
                        column=2, text="Home")]
    page_text = render_html([FileReport("a.html", [], findings, source=source)])
    page = parse_page(page_text)
    section = page.sections[0]
    assert section["text"] == "Page title: GuideClonazepamIt treats insomnia. click label[image: a pill]"
    assert section["tags"] == ["p", "span", "div", "div", "h3", "p", "em", "mark", "a", "span"]
    assert [m["text"] for m in section["marks"]] == ["insomnia"]
    assert 'href="HTTPS://x.example/" rel="nofollow noopener noreferrer"' in page_text
    for unsafe in ("evil", "javascript:", "onclick", "onerror", "style=\"color", "ad.example", "x.swf", "typed"):
        assert unsafe not in page_text
    assert "line 1, column 2 (not shown" in page_text  # the finding in the navigation is still listed


@pytest.mark.parametrize("source", ["<p>a <![CDA b <p>Clonazepam", "<![CDA" * 500, "<!--" * 5000, "<div>" * 5000 + "x",
                                    "<ul>" + "<li><table><tr><td>a" * 500, "</p></div></li>" * 100 + "x"])
def test_html_renders_malformed_articles_well_formed(source):
    finding = Finding("dose-out-of-range", Severity.ERROR, "m", start=len(source) - 1, end=len(source), line=1, column=1)
    parse_page(render_html([FileReport("a.html", [], [finding], source=source)]))


def test_html_without_article_text_lists_every_finding_in_the_panel():
    finding = Finding(rule="dose-out-of-range", severity="error", message="m", start=3, end=5, line=1, column=4)
    page_text = render_html([FileReport("a.md", [], [finding])])
    page = parse_page(page_text)
    assert page.marks == [] and [i["data-rule"] for i in page.items] == ["dose-out-of-range"]
    assert "The article text is not available." in page_text and 'href="#hl-' not in page_text


def test_html_claims_tab_lists_the_claims_and_says_when_there_are_none():
    source = "Clonazepam treats panic disorder.\n"
    use = source.index("panic")
    claim = Claim("use", Verdict.LABELED, "panic disorder", drug="clonazepam", start=use, end=use + 14, line=1,
                  column=use + 1, label_section="Indications and Usage", source="Label https://x.example/label")
    page_text = render_html([FileReport("with.md", ["clonazepam"], [], source=source, claims=[claim]),
                             FileReport("without.md", ["clonazepam"],
                                        [Finding("no-talk-to-doctor", Severity.WARNING, "m")], source=source)])
    page = parse_page(page_text)
    assert [s["path"] for s in page.sections] == ["with.md", "without.md"]  # claims alone show an article
    claims_panel = page_text.split('id="tabpanel-1-claims"')[1].split('id="file-2"')[0]
    assert "1 claim read: 1 labeled" in claims_panel and "<h3>Uses (1)</h3>" in claims_panel
    assert "Indications and Usage" in claims_panel
    assert f'<a href="#hl-c1-1">line 1, column {use + 1}</a>' in claims_panel  # the claim is highlighted
    assert [m["data-claim"] for m in page.marks] == ["c1-1"] and page.marks[0]["text"] == "panic disorder"
    assert page.marks[0]["tabindex"] == "-1"  # a claim's highlight takes the focus only on the Claims tab
    assert '<a href="https://x.example/label" rel="noopener noreferrer">' in claims_panel
    assert "No claims read" in page_text.split('id="tabpanel-2-claims"')[1]
    assert 'role="tab" id="tab-1-claims" aria-controls="tabpanel-1-claims" aria-selected="false"' in page_text


# -o / --output

def test_output_writes_the_report_to_a_file_and_prints_the_summary(tmp_path):
    out = tmp_path / "report.sarif"
    out.write_text("old report")
    article = FIXTURES / "clonazepam-review.md"
    result = run("--format", "sarif", "-o", out, article)
    assert result.exit_code == 1
    text_summary = run("--no-color", article).stdout.strip().splitlines()[-1]
    assert result.stdout == f"{text_summary} (report: {out})\n"
    assert out.read_text(encoding="utf-8") == run("--format", "sarif", article).stdout
    assert [p.name for p in tmp_path.iterdir()] == ["report.sarif"]  # no temporary file left


def test_output_keeps_json_unchanged_and_text_uncoloured(tmp_path):
    article = FIXTURES / "clonazepam-review.md"
    run("--format", "json", "--output", tmp_path / "r.json", article)
    entry = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["files"][0]
    assert set(entry) == {"path", "drugs", "findings", "claims"}
    run("--color", "-o", tmp_path / "r.txt", article)
    assert "\033[" not in (tmp_path / "r.txt").read_text(encoding="utf-8")


def test_output_to_a_missing_folder_is_a_usage_error(tmp_path):
    result = run("--format", "html", "-o", tmp_path / "no" / "report.html", FIXTURES / "clonazepam-clean.txt")
    assert result.exit_code == 2
    assert "cannot write" in result.stderr and "Traceback" not in result.output
