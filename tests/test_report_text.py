"""The text report (issue 14): full mode with quoted lines and carets, concise mode, -q,
--min-severity, --select and colour (--color, NO_COLOR, FORCE_COLOR)."""
import json
import re
from pathlib import Path

from click.testing import CliRunner

from lint.cli.main import main
from lint.model.findings import FileReport, Finding, Severity
from lint.report.text import TextOptions, render_text, use_color

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REVIEW = FIXTURES / "clonazepam-review.md"
AD = FIXTURES / "xanax-pharmacy-ad.md"
COMPARISON = FIXTURES / "xanax-vs-klonopin.md"
ANSI = "\033["
# a clean environment: no colour variables, a known width
ENV = {"NO_COLOR": None, "FORCE_COLOR": None, "COLUMNS": "100"}
HEADER = re.compile(r"^(?P<path>\S+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info) (?P<rule>\S+) ")


def run(*args, env=None):
    return CliRunner().invoke(main, ["check", *map(str, args)], env={**ENV, **(env or {})})


def json_findings(path):
    return json.loads(run("--format", "json", path).stdout)["files"][0]["findings"]


def located_blocks(output):
    """Each located finding of a full report: its header match, quoted line and caret line."""
    lines = output.splitlines()
    blocks = []
    for i, line in enumerate(lines):
        match = HEADER.match(line)
        if not match:
            continue
        j = i + 1
        while not re.match(r"^ *\| *$", lines[j]):  # the wrapped message, then the empty gutter line
            j += 1
        quoted, carets = lines[j + 1], lines[j + 2]
        number, bar, text = quoted.partition(" | ")
        assert bar and number.strip() == match["line"], quoted
        prefix = " " * len(number) + " | "
        assert carets.startswith(prefix), carets
        blocks.append((match, text, carets[len(prefix):]))
    return blocks


def marked(text, carets):
    """The part of the quoted text the carets sit under."""
    start = len(carets) - len(carets.lstrip(" "))
    return text[start:len(carets)]


# concise

def test_concise_report_of_the_pharmacy_ad_fits_60_lines_of_100_characters():
    result = run("--output-format", "concise", AD)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    findings = json_findings(AD)
    assert len(lines) == len(findings) + 1 <= 60
    assert all(len(line) <= 100 for line in lines), max(lines, key=len)
    assert any(line.endswith("...") for line in lines)  # long messages are cut, not wrapped
    located = [f for f in findings if f["line"] is not None]
    for finding in located:
        assert any(line.startswith(f"{AD}:{finding['line']}:{finding['column']}: {finding['severity']} {finding['rule']} ")
                   for line in lines)
    whole = [line for line in lines if line.startswith(f"{AD}: ")]
    assert len(whole) == len(findings) - len(located)
    assert all(re.match(rf"{re.escape(str(AD))}: (error|warning|info) [a-z-]+ ", line) for line in whole)
    assert ":-:-" not in result.stdout and ANSI not in result.stdout
    assert lines[-1].startswith("1 file checked: ")


# full

def test_full_report_quotes_each_located_finding_with_carets_under_its_span():
    for path in (REVIEW, AD):
        result = run(path)  # full is the default
        assert result.exit_code == 1
        blocks = located_blocks(result.stdout)
        located = [f for f in json_findings(path) if f["line"] is not None]
        assert len(blocks) == len(located) > 0
        positions = [(int(m["line"]), int(m["column"])) for m, _, _ in blocks]
        assert positions == sorted(positions)  # text order
        by_place = {(f["line"], f["column"], f["rule"]): f for f in located}
        for match, text, carets in blocks:
            finding = by_place[(int(match["line"]), int(match["column"]), match["rule"])]
            assert set(carets.strip()) == {"^"}
            assert marked(text, carets) == finding["text"]
            if not text.startswith("..."):  # the line is quoted from its start: carets at the finding's column
                assert len(carets) - len(carets.lstrip()) == finding["column"] - 1
        assert all(len(line) <= 100 for line in result.stdout.splitlines() if "http" not in line)


def test_full_report_cuts_a_long_line_around_the_span():
    result = run(REVIEW)
    dose = next((text, carets) for m, text, carets in located_blocks(result.stdout) if m["rule"] == "dose-out-of-range")
    source_line = REVIEW.read_text(encoding="utf-8").split("\n")[16]
    assert len(source_line) > 100  # the fixture's line 17 is longer than the report is wide
    text, carets = dose
    assert text.endswith("...") and marked(text, carets) == "10 mg"


def finding(rule, start, end, article, severity=Severity.WARNING, **extra):
    line = article.count("\n", 0, start) + 1
    column = start - (article.rfind("\n", 0, start) + 1) + 1
    return Finding(rule=rule, severity=severity, message=f"{rule} here", start=start, end=end, line=line,
                   column=column, text=article[start:end], **extra)


def test_findings_are_printed_in_text_order_whatever_order_the_checks_gave():
    source = "alpha beta\ngamma delta\n"
    findings = [finding("r-delta", 17, 22, source), finding("r-alpha", 0, 5, source), finding("r-gamma", 11, 16, source)]
    report = FileReport(path="a.md", drugs=[], findings=findings, source=source)
    for output_format in ("full", "concise"):
        text = render_text([report], options=TextOptions(output_format=output_format, width=80))
        rules = re.findall(r"^a\.md:\d+:\d+: warning (r-\w+)", text, re.MULTILINE)
        assert rules == ["r-alpha", "r-gamma", "r-delta"], output_format


def test_carets_mark_tabs_wide_characters_and_the_first_line_of_a_multi_line_span():
    source = "\tTake 漢字 now and\nthen stop.\n"
    tab = finding("tabbed", 1, 5, source)  # 'Take' after a tab
    wide = finding("wide", 6, 8, source)  # two double-width characters
    multi = finding("multi", 13, 22, source)  # 'and\nthen ' runs over a line break
    report = FileReport(path="t.md", drugs=[], findings=[tab, wide, multi], source=source)
    text = render_text([report], options=TextOptions(width=80))
    blocks = {m["rule"]: (quoted, carets) for m, quoted, carets in located_blocks(text)}
    assert blocks["tabbed"] == ("    Take 漢字 now and", "    ^^^^")
    assert blocks["wide"][1] == " " * 9 + "^^^^"  # each wide character takes two columns
    assert blocks["multi"][1] == " " * 18 + "^^^"  # marked to the end of the first line


def test_document_level_findings_have_their_own_heading_and_label_sources_are_cited_once():
    result = run(AD)
    out = result.stdout
    assert "path:-:-" not in out and ":-:-" not in out
    heading, sources = out.index("Missing from the whole article:"), out.index("Label sources:")
    assert out.index(f"{AD}:18:50:") < heading < sources < out.index("1 file checked")
    whole = [f for f in json_findings(AD) if f["line"] is None]
    section = out[heading:sources]
    for f in whole:
        assert f"{f['severity']} {f['rule']} " in section
    url = "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=388e249d-b9b6-44c3-9f8f-880eced0239f"
    assert out.count(url) == 1  # eleven alprazolam findings, one citation
    assert "source:" not in out


def test_labeled_uses_are_listed_once_per_drug_not_in_each_message():
    source = "Clonazepam for insomnia. Clonazepam for acne.\n"
    uses = "Seizure disorders; Panic disorder"
    cite = "Clonazepam Tablets (prescribing information) (revised 2025-05-22) https://example.org/label"
    findings = [finding("unlabeled-indication", start, start + len(word), source, drug="clonazepam",
                        label_fact=uses, source=cite) for word, start in (("insomnia", 15), ("acne", 40))]
    for f in findings:
        f.message = f"'{f.text}' is not an FDA-labeled indication. Labeled: {uses}."
    text = render_text([FileReport(path="u.md", drugs=["clonazepam"], findings=findings, source=source)],
                       options=TextOptions(width=120))
    assert "Labeled:" not in text and text.count(uses) == 1 and text.count(cite.split()[-1]) == 1
    assert "labeled uses: Seizure disorders; Panic disorder" in text


def test_full_report_wraps_to_the_terminal_width():
    narrow = run(AD, env={"COLUMNS": "72"}).stdout.splitlines()
    wide = run(AD, env={"COLUMNS": "160"}).stdout.splitlines()
    # a URL or the article's path is one word that cannot wrap (the path's length depends on the checkout)
    assert all(len(line) <= 72 for line in narrow if "http" not in line and str(AD) not in line)
    assert max(len(line) for line in wide) > 100 and len(wide) < len(narrow)


# options

def test_quiet_prints_only_the_summary_line():
    for args in ((AD,), ("--output-format", "concise", AD), (AD, REVIEW)):
        result = run("-q", *args)
        assert result.exit_code == 1
        assert result.stdout.count("\n") == 1 and re.fullmatch(r"\d+ files? checked: .*\n", result.stdout)
    assert run("--quiet", AD).stdout == run(AD).stdout.splitlines()[-1] + "\n"


def test_select_reports_only_the_named_rules():
    result = run("--select", "cure-claim", "--select", "missing-warning", "--output-format", "concise", AD)
    rules = {line.split()[2] for line in result.stdout.splitlines()[:-1]}
    assert rules == {"cure-claim", "missing-warning"}
    selected = json.loads(run("--format", "json", "--select", "misspelled-drug-name", AD).stdout)["files"][0]
    assert [f["rule"] for f in selected["findings"]] == ["misspelled-drug-name"]
    assert run("--select", "misspelled-drug-name", AD).exit_code == 0  # only a warning is left
    assert run("--select", "no-such-rule", AD).exit_code == 2


def test_min_severity_hides_findings_but_the_exit_status_follows_fail_on():
    result = run("--min-severity", "error", "--output-format", "concise", AD)
    lines = result.stdout.splitlines()
    assert lines[:-1] and all(line.split()[1] == "error" for line in lines[:-1])
    hidden = sum(1 for f in json_findings(AD) if f["severity"] != "error")
    assert lines[-1].endswith(f"({hidden} below --min-severity not shown)")
    # only warnings in this article: none shown, yet --fail-on warning still fails the run
    quiet = run("--min-severity", "error", "--fail-on", "warning", COMPARISON)
    assert not HEADER.search(quiet.stdout) and "Missing from the whole article" not in quiet.stdout
    assert quiet.exit_code == 1
    assert run("--min-severity", "error", COMPARISON).exit_code == 0
    assert "info unknown-drug" not in run("--min-severity", "warning", FIXTURES / "unknown-drug.html").stdout
    assert "info unknown-drug" in run(FIXTURES / "unknown-drug.html").stdout


# colour

def test_no_color_disables_colour_with_color_auto():
    assert ANSI in run("--color", "auto", AD, env={"FORCE_COLOR": "1"}).stdout
    assert ANSI not in run("--color", "auto", AD, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert ANSI not in run(AD).stdout  # auto, not a terminal
    assert ANSI in run("--color", "always", AD, env={"NO_COLOR": "1"}).stdout  # the option wins
    assert ANSI in run("--color", "--output-format", "concise", AD).stdout  # a bare --color: always
    assert ANSI not in run("--color", "never", AD, env={"FORCE_COLOR": "1"}).stdout
    assert ANSI not in run("--no-color", AD, env={"FORCE_COLOR": "1"}).stdout
    coloured = run("--color=always", AD).stdout
    assert re.sub(r"\033\[\d+m", "", coloured) == run(AD).stdout  # colour adds codes, nothing else


def test_use_color_rules():
    assert use_color("auto", True, {}) and not use_color("auto", False, {})
    assert not use_color("auto", True, {"NO_COLOR": "1"}) and use_color("auto", True, {"NO_COLOR": ""})
    assert use_color("auto", False, {"FORCE_COLOR": "1"}) and not use_color("auto", False, {"FORCE_COLOR": ""})
    assert not use_color("auto", False, {"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert use_color("always", False, {"NO_COLOR": "1"}) and not use_color("never", True, {"FORCE_COLOR": "1"})


SEED = FIXTURES / "clonazepam-seed.txt"  # the article this project started from


def test_the_seed_articles_concise_report_fits_60_lines_and_its_full_report_reads_in_text_order():
    concise = run("--output-format", "concise", SEED).stdout.splitlines()
    assert len(concise) <= 60 and all(len(line) <= 100 for line in concise), max(concise, key=len)
    full = run("--output-format", "full", SEED).stdout
    places = [(int(m.group("line")), int(m.group("column"))) for m in map(HEADER.match, full.splitlines()) if m]
    assert len(places) > 10 and places == sorted(places)
