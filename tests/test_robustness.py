"""Robustness against hostile or malformed input (issue 15): broken Word files, baselines and
configs that are not what they claim, pathological text for the directive regex, odd HTML and
Markdown, invisible characters, unusual line breaks, hostile file names and symlinks."""
from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
import tracemalloc
import zipfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner
from conftest import without_root_permission_override

from lint.cli.main import main
from lint.knowledge.packs import load_pack
from lint.knowledge.reference import load_profile
from lint.knowledge.yamlfile import DataError, YamlFile
from lint.linter import Linter, LinterConfig
from lint.model.document import Document
from lint.model.findings import FileReport, Finding, Severity
from lint.readers import read_document
from lint.readers.docx import DocxError, paragraphs
from lint.readers.html import read_html
from lint.readers.markdown import read_markdown
from lint.report.github import render_github
from lint.report.spans import end_position
from lint.workflow.baseline import read_baseline, write_baseline
from lint.workflow.config import load_config_file
from lint.workflow.inputs import collect_paths, read_article
from lint.workflow.suppress import regions

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PROFILES = Path(__file__).resolve().parent.parent / "rules" / "drugs"
ARTICLE = "Clonazepam is used to treat insomnia.\n"  # one unlabeled-indication finding
SAFETY_TIMEOUT = 300


def invoke(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def json_findings(*args: str) -> list[dict]:
    result = invoke("check", "--format", "json", *args)
    return [f for entry in json.loads(result.stdout)["files"] for f in entry["findings"]]


# 1. Malformed .docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _base_docx() -> bytes:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Clonazepam is used to treat insomnia.")
    document.save(buffer)
    return buffer.getvalue()


def _with_document_xml(write) -> bytes:
    """A copy of a real .docx whose word/document.xml is written by `write(stream)`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_base_docx())) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename == "word/document.xml":
                info = zipfile.ZipInfo(item.filename)
                info.compress_type = zipfile.ZIP_DEFLATED
                with zout.open(info, "w", force_zip64=True) as stream:
                    write(stream)
            else:
                zout.writestr(item, zin.read(item.filename))
    return out.getvalue()


def _xml(text: bytes):
    return lambda stream: stream.write(text)


def _entity_bomb() -> bytes:
    entities = b'<!ENTITY e0 "lollollollollollollollollollol">' + b"".join(
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">'.encode() for i in range(1, 10))
    return (b'<?xml version="1.0"?><!DOCTYPE w:document [' + entities + b"]>"
            + f"<w:document {W}><w:body><w:p><w:r><w:t>&e9;</w:t></w:r></w:p></w:body></w:document>".encode())


def _inflating(stream) -> None:
    """A document.xml of 200 MB of spaces (a zip of a few hundred KB)."""
    stream.write(f"<w:document {W}><w:body><w:p><w:r><w:t>".encode())
    chunk = b" " * (1024 * 1024)
    for _ in range(200):
        stream.write(chunk)
    stream.write(b"</w:t></w:r></w:p></w:body></w:document>")


MALFORMED_DOCX = {
    "truncated": _xml(f"<w:document {W}><w:body><w:p><w:r><w:t>Clonaze".encode()),
    "entity-bomb": _xml(_entity_bomb()),
    "too-deep": _xml(f"<w:document {W}><w:body>{'<w:p>' * 300}{'</w:p>' * 300}</w:body></w:document>".encode()),
    "inflates": _inflating,
}


@pytest.mark.parametrize("kind", sorted(MALFORMED_DOCX))
def test_a_malformed_docx_is_an_input_error(tmp_path, kind):
    data = _with_document_xml(MALFORMED_DOCX[kind])
    path = tmp_path / f"{kind}.docx"
    path.write_bytes(data)
    with pytest.raises(DocxError):
        paragraphs(data)
    article = read_article(str(path))
    assert article.source is None and article.error and "\n" not in article.error


def test_a_docx_that_inflates_to_hundreds_of_mb_is_refused_before_it_is_read():
    data = _with_document_xml(_inflating)
    assert len(data) < 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(DocxError, match="uncompressed"):
            paragraphs(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024


def test_a_malformed_docx_through_the_command_line(tmp_path):
    (tmp_path / "bad.docx").write_bytes(_with_document_xml(MALFORMED_DOCX["too-deep"]))
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke("check", str(tmp_path))
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("druglint: ")]
    assert len(lines) == 1 and lines[0].startswith(f"druglint: {tmp_path / 'bad.docx'}: ")
    assert "Traceback" not in result.stderr
    assert "good.txt:1:" in result.stdout


# 2. Baselines

BAD_BASELINES = {
    "list-in-findings": '{"findings": [[1]]}',
    "numbers": '{"findings": [1, 2]}',
    "deep": "[" * 100_000 + "]" * 100_000,
    "deep-object": '{"findings": ' + '{"a": ' * 50_000 + "1" + "}" * 50_000 + "}",
    "not-an-object": "[]",
    "findings-not-a-list": '{"findings": "abc"}',
    "other-tool": '{"tool": "eslint", "findings": []}',
    "other-version": '{"version": 99, "tool": "druglint", "findings": []}',
}


@pytest.mark.parametrize("kind", sorted(BAD_BASELINES))
def test_a_file_that_is_not_a_baseline_is_a_data_error(tmp_path, kind):
    path = tmp_path / "baseline.json"
    path.write_text(BAD_BASELINES[kind], encoding="utf-8")
    with pytest.raises(DataError) as raised:
        read_baseline(str(path))
    message = str(raised.value)
    assert "\n" not in message and "not a druglint baseline" in message and len(message) < 300


def test_a_bad_baseline_through_the_command_line_is_one_line(tmp_path):
    (tmp_path / "baseline.json").write_text('{"findings": [[1]]}', encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke("check", str(tmp_path / "a.txt"), "--baseline", str(tmp_path / "baseline.json"))
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("druglint: ") and len(result.stderr.strip().splitlines()) == 1


def test_a_baseline_is_written_readable_by_others(tmp_path):
    old = os.umask(0o022)
    try:
        write_baseline(str(tmp_path / "baseline.json"), [])
    finally:
        os.umask(old)
    assert (tmp_path / "baseline.json").stat().st_mode & 0o777 == 0o644
    assert read_baseline(str(tmp_path / "baseline.json")) == {}
    assert [p.name for p in tmp_path.iterdir()] == ["baseline.json"]


def test_a_baseline_into_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(DataError, match="cannot write the baseline"):
        write_baseline(str(tmp_path / "missing" / "baseline.json"), [])
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke("check", str(tmp_path / "a.txt"), "--write-baseline", str(tmp_path / "missing" / "b.json"))
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "cannot write the baseline" in result.stderr


def test_a_baseline_into_a_read_only_folder_is_a_clear_error(tmp_path):
    prefix = without_root_permission_override()
    if prefix is None:
        pytest.skip("running as root without setpriv: a read-only folder stays writable")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    script = ("from lint.knowledge.yamlfile import DataError\n"
              "from lint.workflow.baseline import write_baseline\n"
              "try:\n"
              f"    write_baseline({str(folder / 'baseline.json')!r}, [])\n"
              "except DataError as error:\n"
              "    print('DataError', error)\n")
    try:
        done = subprocess.run([*prefix, sys.executable, "-c", script], capture_output=True, text=True,
                              timeout=SAFETY_TIMEOUT, check=False)
    finally:
        folder.chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("DataError ") and "cannot write the baseline" in done.stdout
    assert list(folder.iterdir()) == []


# 3. pyproject.toml

@pytest.mark.parametrize("toml", ['name = "x"\ntool = 1\n', 'tool = "druglint"\n\n[project]\nname = "x"\n'])
def test_pyproject_whose_tool_is_not_a_table(tmp_path, toml):
    path = tmp_path / "pyproject.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_config_file(str(path), set())
    line = toml.splitlines().index(next(s for s in toml.splitlines() if s.startswith("tool"))) + 1
    assert raised.value.line == line and "table" in raised.value.message
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke("check", "--config", str(path), str(tmp_path / "a.txt"))
    assert result.exit_code == 2 and f"druglint: {path}:{line}: " in result.stderr
    assert "Traceback" not in result.stderr


def test_pyproject_that_is_not_utf8(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_bytes(b'[tool.druglint]\nfail-on = "never"\n# caf\xe9\n')
    with pytest.raises(DataError) as raised:
        load_config_file(str(path), set())
    assert raised.value.line == 3 and "UTF-8" in raised.value.message
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke("check", str(tmp_path / "a.txt"))  # found by discovery
    assert result.exit_code == 2 and f"druglint: {path}:3: " in result.stderr
    assert "Traceback" not in result.stderr


def test_pyproject_syntax_error_has_its_line(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.druglint]\nfail-on = "never"\nrules = [\n', encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_config_file(str(path), set())
    assert raised.value.line == 3
    path.write_text('[tool.druglint]\nfail-on = never\n\n', encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_config_file(str(path), set())
    assert raised.value.line == 2 and "invalid TOML" in str(raised.value)


# 4. The suppression directive regex

def _seconds(function, *args) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        function(*args)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("filler", [" ", "\t", " \t", "# ", "<!-- "])
def test_directive_regex_is_linear_on_long_runs_of_spaces(filler):
    article = (FIXTURES / "clonazepam-review.md").read_text(encoding="utf-8")
    normal = (article * (100_000 // len(article) + 1))[:100_000]
    spaces = (filler * (100_000 // len(filler) + 1))[:100_000]
    assert regions(spaces + "x") == []
    baseline = max(_seconds(regions, normal), 1e-4)
    assert _seconds(regions, spaces + "x") < 20 * baseline


def test_directives_are_still_found_after_spaces_and_prefixes():
    source = "a\n   # druglint-disable x\n<!--   druglint-enable x -->\n  // druglint-disable-next-line y\n"
    found = regions(source)
    assert [(source[r.directive_start:r.directive_end], r.rules) for r in found] == [
        ("# druglint-disable x", frozenset({"x"})), ("// druglint-disable-next-line y", frozenset({"y"}))]
    source = "text   druglint-disable z\n"
    assert [source[r.directive_start:r.directive_end] for r in regions(source)] == ["   druglint-disable z"]


# 5. HTML and Markdown

def test_html_without_a_closing_head_reads_the_body():
    source = "<head><title>x</title><p>Clonazepam is used to treat insomnia."
    document = read_html("a.html", source)
    start = source.index("Clonazepam")
    assert document.text[start:] == source[start:]
    assert "x" not in document.text[:start]
    assert [(b.kind, source[b.start:b.end]) for b in document.blocks] == \
        [("paragraph", "Clonazepam is used to treat insomnia.")]


def test_html_text_in_an_unclosed_head_after_its_content_is_body_text():
    source = "<html><head><meta charset=utf-8><title>Title</title>Clonazepam helps."
    document = read_html("a.html", source)
    assert "Clonazepam helps." in document.text and "Title" not in document.text


@pytest.mark.parametrize("source", ["<![CDA", "<![CDA" * 1000, "<!--" * 20_000, "<p>a <![CDA b <p>Clonazepam",
                                    "<![if x]><p>Clonazepam", "<![ <p>Clonazepam", "<!--<!--<![CDATA[<p>Clonazepam"])
def test_html_broken_declarations_neither_hang_nor_crash(source):
    document = read_html("a.html", source)
    assert len(document.text) == len(source)


def test_html_after_a_bogus_marked_section_is_read():
    source = "<p>before <![CDA b> <p>Clonazepam is used to treat insomnia.</p>"
    document = read_html("a.html", source)
    start = source.index("Clonazepam")
    assert document.text[start:start + 10] == "Clonazepam"


@pytest.mark.parametrize("source", [
    "Clonazepam&nbsp;is used to treat insomnia &amp; anxiety.\n",
    "Take 1\\* tablet of clonazepam for insomnia.\n",
    "Clonazepam &#169; &#x41; is used to treat insomnia.\n",
    "- Clonazepam&nbsp;helps with insomnia.\n",
    "# Clonazepam &amp; insomnia\n",
])
def test_markdown_paragraph_with_entities_or_escapes_is_read(source):
    document = read_markdown("a.md", source)
    for word in re.finditer(r"[A-Za-z]{4,}", source):
        if word.group() not in ("nbsp",):
            assert document.text[word.start():word.end()] == word.group(), word.group()
    assert "nbsp" not in document.text and "\\" not in document.text
    assert len(document.blocks) == 1


def test_markdown_entity_keeps_what_it_stands_for_at_its_offset():
    source = "Clonazepam &amp; insomnia.\n"
    document = read_markdown("a.md", source)
    assert document.text[source.index("&")] == "&"


def test_markdown_deep_blockquotes_and_lists_are_read():
    quote = "> " * 20 + "Clonazepam is used to treat insomnia.\n"
    document = read_markdown("a.md", quote)
    start = quote.index("Clonazepam")
    assert document.text[start:].strip() == "Clonazepam is used to treat insomnia."
    lists = "".join("  " * i + f"- level{i}\n" for i in range(10)) + "  " * 10 + "- Clonazepam deep\n"
    document = read_markdown("a.md", lists)
    for i in range(10):
        assert f"level{i}" in document.text
    assert "Clonazepam deep" in document.text


def test_markdown_very_deep_nesting_does_not_crash():
    for source in ("> " * 5000 + "x\n", "".join("  " * i + "- x\n" for i in range(500)), "*" * 10_000 + "x"):
        document = read_markdown("a.md", source)
        assert len(document.text) == len(source)


def test_markdown_with_lone_carriage_returns_keeps_offsets():
    source = "# Clonazepam\r\rClonazepam is used to treat insomnia.\r"
    document = read_markdown("a.md", source)
    start = source.index("Clonazepam is")
    assert document.text[start:start + 10] == "Clonazepam"


# 6. Invisible characters inside words

@pytest.mark.xfail(strict=True, reason="matching does not yet see through invisible characters")
@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\u0301"])
def test_zero_width_inside_a_drug_name_still_finds_the_drug(invisible):
    """Cause: readers keep every source character in Document.text (offsets must match the
    source), so 'Clona<U+200B>zepam' reaches the tokenizer and the drug matcher as one or two
    tokens that spell no drug name ('clona' + 'zepam', or a token with the invisible character
    inside it). Blanking the character in the reader would split the word in two; removing it
    would break offsets. The fix belongs in matching (lint/nlp): compare tokens with default
    ignorable characters, soft hyphens and combining marks removed while keeping offsets."""
    report = Linter.for_config(LinterConfig()).lint_text("a.txt", f"Clona{invisible}zepam is used to treat insomnia.\n")
    assert [d for d in report.drugs] and any(f.rule == "unlabeled-indication" for f in report.findings)


# 7. Line breaks other than LF

@pytest.mark.parametrize("newline", ["\r", "\r\n", "\u2028", "\u2029", "\n"])
def test_line_col_counts_every_kind_of_line_break(newline):
    source = f"One.{newline}Two.{newline}{newline}Three here."
    document = Document("a.txt", source, source)
    assert document.line_col(source.index("here")) == (4, 7)
    assert document.line_col(0) == (1, 1)
    assert document.line_col(len(source)) == (4, 12)


def test_a_crlf_pair_is_one_line_break():
    source = "a\r\nb"
    document = Document("a.txt", source, source)
    assert document.line_col(source.index("\n")) == (1, 3)
    assert document.line_col(source.index("b")) == (2, 1)


@pytest.mark.parametrize("newline", ["\r", "\u2028"])
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_findings_after_unusual_line_breaks_get_the_right_line(tmp_path, newline, suffix):
    source = f"Intro line.{newline}{newline}More text here.{newline}{newline}{ARTICLE.strip()}{newline}"
    path = tmp_path / f"a{suffix}"
    path.write_bytes(source.encode("utf-8"))
    findings = [f for f in json_findings(str(path)) if f["rule"] == "unlabeled-indication"]
    assert [(f["line"], f["column"], f["text"]) for f in findings] == [(5, ARTICLE.index("insomnia") + 1, "insomnia")]


# 8. GitHub workflow commands

def test_github_file_names_cannot_start_a_workflow_command():
    path = "a\n::stop-commands::x\r::error::y%0A\x1b[2K\x1b[31m.md"
    finding = Finding("unlabeled-indication", Severity.WARNING, "msg\n::warning::z", start=0, end=3,
                      line=1, column=1, text="abc")
    output = render_github([FileReport(path=path, drugs=[], findings=[finding]),
                            FileReport(path=path, drugs=[], findings=[], error="bad\n::x::y")])
    lines = output.split("\n")
    assert lines[-1] == "" and len(lines) == 3
    assert re.match(r"^::warning file=[^:,\r\n]*,line=1,col=1,endLine=1,endColumn=3,title=unlabeled-indication::", lines[0])
    assert re.match(r"^::error file=[^:,\r\n]*,title=input-error::", lines[1])
    for line in lines[:2]:
        assert "\r" not in line and "\x1b" not in line and "\x9b" not in line
        assert "\n" not in line
    assert "%250A" in lines[0] and "%0A%3A%3Astop-commands%3A%3Ax%0D" in lines[0]


# 9. Folder walk and symlinks

def test_a_folder_walk_does_not_follow_links_out_of_the_tree(tmp_path):
    tree, outside = tmp_path / "tree", tmp_path / "outside"
    (tree / "sub").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.md").write_text(ARTICLE, encoding="utf-8")
    (outside / "more").mkdir()
    (outside / "more" / "other.md").write_text(ARTICLE, encoding="utf-8")
    (tree / "own.md").write_text(ARTICLE, encoding="utf-8")
    (tree / "sub" / "secret-link.md").symlink_to(outside / "secret.md")
    (tree / "folder-link").symlink_to(outside / "more", target_is_directory=True)
    (tree / "inside-link.md").symlink_to(tree / "own.md")
    (tree / "sub" / "up").symlink_to(tree, target_is_directory=True)
    found = collect_paths([str(tree)])
    assert sorted(path for path, _ in found) == [str(tree / "inside-link.md"), str(tree / "own.md")]
    assert all(error is None for _, error in found)
    # a link named on the command line is the user's choice and is read
    assert collect_paths([str(tree / "sub" / "secret-link.md")]) == [(str(tree / "sub" / "secret-link.md"), None)]


def test_a_walk_of_a_linked_folder_stays_inside_its_target(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "alias").symlink_to(real, target_is_directory=True)
    assert collect_paths([str(tmp_path / "alias")]) == [(str(tmp_path / "alias" / "a.md"), None)]


def test_an_article_four_times_longer_takes_about_four_times_as_long():
    """Linear growth, measured as a ratio (never an absolute time): an article with claims,
    doses, denials, testimonies and long runs of blanks, once and four times over."""
    import time

    from lint import Linter, LinterConfig

    unit = ("Clonazepam is used to treat insomnia, but it is not habit-forming at all. Since I started "
            "Klonopin my panic attacks have stopped. The tablets are 2 mg. Take one three times a day." + " " * 400 + "\n\n")
    linter = Linter.for_config(LinterConfig())
    linter.lint_text("warm.txt", unit)

    def seconds(text: str) -> float:
        started = time.perf_counter()
        linter.lint_text("a.txt", text)
        return time.perf_counter() - started

    one = min(seconds(unit * 100) for _ in range(2))
    four = min(seconds(unit * 400) for _ in range(2))
    assert four / one < 8, f"1x {one:.2f} s, 4x {four:.2f} s: growth is worse than linear"


HOSTILE_NAME = "a\n::stop-commands::x\r\x1b[2K\x1b[31m\x9b2J\u2028\u202egpj.md"
SHOWN_NAME = "a\\n::stop-commands::x\\r\\x1b[2K\\x1b[31m\\x9b2J\\u2028\\u202egpj.md"
RAW_UNSAFE = ("\x1b", "\x9b", "\r", "\u2028", "\u202e")


@pytest.mark.parametrize("fmt", ["text", "concise", "markdown", "sarif", "github"])
def test_a_hostile_file_name_is_escaped_in_every_format(tmp_path, fmt):
    (tmp_path / HOSTILE_NAME).write_text(ARTICLE, encoding="utf-8")
    (tmp_path / f"latin1{HOSTILE_NAME}").write_bytes("caf\xe9\n".encode("latin-1"))
    args = ["--output-format", "concise"] if fmt == "concise" else ["--format", fmt]
    result = invoke("check", *args, str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == f"druglint: {tmp_path}/latin1{SHOWN_NAME}: not valid UTF-8 (byte 0xE9 at line 1, " \
                            "byte offset 3); save the article as UTF-8\n"
    for unsafe in RAW_UNSAFE:
        assert unsafe not in result.stdout, (unsafe, result.stdout)
    lines = result.stdout.splitlines()
    assert not [line for line in lines if line.startswith("::") and not line.startswith(("::warning ", "::error "))]
    if fmt in ("text", "concise"):
        assert f"{tmp_path}/{SHOWN_NAME}:1:" in result.stdout
        assert f"{tmp_path}/latin1{SHOWN_NAME}: error input-error not valid UTF-8" in result.stdout
    elif fmt == "markdown":
        heading = next(line for line in lines if line.startswith("### ") and "stop-commands" in line)
        assert heading.endswith("/a ::stop-commands::x \\\\x1b\\[2K\\\\x1b\\[31m\\\\x9b2J \\\\u202egpj.md (clonazepam)")
    elif fmt == "sarif":
        log = json.loads(result.stdout)
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
        assert uris == {(tmp_path / HOSTILE_NAME).as_uri()}
        notification = log["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]
        assert notification["message"]["text"].startswith(f"{tmp_path}/latin1{HOSTILE_NAME}: ")


def test_a_hostile_file_name_in_the_refusal_to_write_a_report(tmp_path):
    article = tmp_path / HOSTILE_NAME
    article.write_text(ARTICLE, encoding="utf-8")
    result = invoke("check", "-o", str(article), str(article))
    assert result.exit_code == 2 and article.read_text(encoding="utf-8") == ARTICLE
    assert result.stderr.startswith(f"druglint: cannot write {tmp_path}/{SHOWN_NAME}: is one of the articles")
    assert result.stderr.count("\n") == 1


# 9. Pack patterns and data files that would hang or crash a run

PACK = """pack: house
rules:
  - id: no-cheap-claims
    severity: warning
    message: "'{{match}}' is price talk."
    explanation:
      finds: Price talk.
      why: It reads as an advert.
      example: Cheap Xanax.
      instead: Leave prices out.
    scope: sentence
    forbid:
      patterns:
        - [{token}, {{LOWER: cheap}}]
"""


@pytest.mark.parametrize(("token", "message"), [
    ('{IS_ALPHA: true, OP: "{1,100000}"}', "a token repeats at most 10 times"),
    ('{IS_ALPHA: true, OP: "{11}"}', "a token repeats at most 10 times"),
    ('{LOWER: very, OP: "{0,11}"}', "a token repeats at most 10 times"),
    ('{IS_ALPHA: true, OP: "+"}', "+, * and {n,} repeat only a token that names its words"),
    ('{IS_PUNCT: false, OP: "*"}', "+, * and {n,} repeat only a token that names its words"),
    ('{IS_ALPHA: true, OP: "{2,}"}', "+, * and {n,} repeat only a token that names its words"),
    ('{LOWER: {NOT_IN: [cheap]}, OP: "+"}', "+, * and {n,} repeat only a token that names its words"),
    ('{DRUG: false, OP: "+"}', "+, * and {n,} repeat only a token that names its words"),
])
def test_pack_operators_that_can_hang_are_refused_at_their_line(token, message):
    with pytest.raises(DataError) as raised:
        load_pack("house.yaml", PACK.format(token=token))
    assert raised.value.line == 14 and raised.value.field == "rules[0].forbid.patterns[0][0].OP"
    assert message in raised.value.message


@pytest.mark.parametrize("token", ['{LOWER: very, OP: "+"}', '{LOWER: {IN: [so, very]}, OP: "*"}',
                                   '{DRUG: true, OP: "+"}', '{IS_ALPHA: true, OP: "{0,10}"}'])
def test_pack_operators_with_bounded_matches_are_accepted(token):
    assert load_pack("house.yaml", PACK.format(token=token)).rules[0].id == "no-cheap-claims"


def test_a_pack_whose_aliases_multiply_a_phrase_list_is_refused():
    words = ", ".join(f"w{i}" for i in range(100))
    rule = PACK.split("rules:\n")[1].replace("no-cheap-claims", "r{i}").replace(
        "patterns:\n        - [{token}, {{LOWER: cheap}}]", "phrases: {phrases}")
    rules = "".join(rule.format(i=i, phrases=f"&words [{words}]" if i == 0 else "*words") for i in range(60))
    with pytest.raises(DataError) as raised:
        load_pack("house.yaml", "pack: house\nrules:\n" + rules)
    assert "a pack lists at most 5,000 phrases and words" in raised.value.message
    lines_per_rule = rule.count("\n")  # after the two lines of the pack's head, the 51st rule ends on its phrases
    assert raised.value.field == "rules[50].forbid.phrases" and raised.value.line == 2 + 51 * lines_per_rule


def test_a_yaml_file_whose_aliases_expand_past_the_limit_is_refused_at_the_first_alias():
    bomb = "a: &a [" + ", ".join(["lol"] * 10) + "]\n" + "".join(
        f"{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]\n" for previous, name in zip("abcde", "bcdef"))
    with pytest.raises(DataError) as raised:
        YamlFile("bomb.yaml", bomb)
    assert raised.value.line == 2 and "YAML aliases expand this file to more than 100,000 values" in str(raised.value)
    with pytest.raises(DataError, match="repeats a value inside itself") as raised:
        YamlFile("loop.yaml", "x: 1\na: &a [1, *a]\n")
    assert raised.value.line == 2
    assert YamlFile("fine.yaml", "a: &a [1, 2]\nb: *a\n").data == {"a": [1, 2], "b": [1, 2]}


def _profile_with(where: tuple, value) -> tuple[str, int]:
    """The clonazepam profile with one field replaced, and that field's line."""
    data = yaml.safe_load((PROFILES / "clonazepam.yaml").read_text(encoding="utf-8"))
    node = data
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    return text, YamlFile("clonazepam.yaml", text).line_of(where)


@pytest.mark.parametrize("where", [("doses", 0, "max", "daily_mg"), ("products", 0, "strengths_mg", 0),
                                   ("doses", 0, "initial", "daily_mg", 1), ("doses", 1, "age_years", 1)])
@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_a_profile_number_that_is_nan_or_infinite_is_refused_at_its_line(where, value):
    text, line = _profile_with(where, value)
    with pytest.raises(DataError) as raised:
        load_profile(PROFILES / "clonazepam.yaml", text)
    assert raised.value.line == line and "not .nan or .inf" in raised.value.message


@pytest.mark.parametrize("where", [("doses", 0, "indication"), ("doses", 0, "id")])
@pytest.mark.parametrize("value", [["panic-disorder", "seizures"], {"id": "panic-disorder"}])
def test_a_profile_list_where_one_value_belongs_is_refused_at_its_line(where, value):
    text, line = _profile_with(where, value)
    with pytest.raises(DataError) as raised:
        load_profile(PROFILES / "clonazepam.yaml", text)
    assert raised.value.line == line and "expected one value" in raised.value.message


def test_a_broken_extra_profile_is_one_error_line_not_an_internal_error_per_article(tmp_path):
    text, line = _profile_with(("doses", 0, "indication"), ["panic-disorder", "seizures"])
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "clonazepam.yaml").write_text(text, encoding="utf-8")
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    result = invoke("check", "--profiles", str(tmp_path / "profiles"), str(tmp_path / "a.md"), str(tmp_path / "b.md"))
    assert result.exit_code == 2 and "internal error" not in result.output
    assert result.stderr.startswith(f"druglint: {tmp_path / 'profiles' / 'clonazepam.yaml'}:{line}: ")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("newline", ["\r", "\u2028", "\u2029", "\r\n", "\n"])
def test_a_span_over_a_line_break_ends_on_the_next_line(newline):
    finding = Finding("r", Severity.WARNING, "m", start=10, end=13 + len(newline), line=3, column=5,
                      text=f"abc{newline}de")
    assert end_position(finding) == (4, 3)


@pytest.mark.parametrize("newline", ["\r", "\u2028"])
def test_the_text_report_quotes_the_line_of_a_finding_after_unusual_line_breaks(tmp_path, newline):
    source = f"Intro line.{newline}{newline}More text here.{newline}{newline}{ARTICLE.strip()}{newline}Last line."
    path = tmp_path / "a.txt"
    path.write_bytes(source.encode("utf-8"))
    result = invoke("check", "--select", "unlabeled-indication", "--no-color", str(path))
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(f"{path}:5:"))
    quoted = next(i for i in range(at, len(lines)) if lines[i].startswith("5 | "))
    assert lines[quoted] == f"5 | {ARTICLE.strip()}"
    assert lines[quoted + 1] == "  | " + " " * ARTICLE.index("insomnia") + "^" * len("insomnia")


@pytest.mark.parametrize("unit", ["<a ", "<p", "<div class=\"", "<a b='", "</", "<?", "<!", "<!--"])
def test_html_with_unclosed_tags_grows_linearly(unit):
    """Each tag the article never closes used to make html.parser rescan the rest of the
    article (20 KB of `<a ` took 10 s): compare a 1x and a 4x input as a ratio, never a time."""
    one = unit * (20_000 // len(unit))
    assert len(read_html("a.html", one).text) == len(one)
    baseline = max(_seconds(read_html, "a.html", one), 5e-3)  # a floor: timer noise on a busy machine
    assert _seconds(read_html, "a.html", one * 4) < 8 * baseline


def test_html_tag_cut_off_by_the_end_of_the_article_is_dropped_with_what_follows():
    source = "<p>Clonazepam is used to treat insomnia.</p><a href='x>Tail text"
    document = read_html("a.html", source)
    assert document.text.strip() == "Clonazepam is used to treat insomnia."


def test_html_after_bogus_character_references_markup_and_scripts_stay_markup():
    source = ("<p>a &#; b</p><script>one</script><p>c &#; d</p><script>hidden insomnia</script>"
              "<p>e &#x; f</p><p>Clonazepam is used to treat insomnia.</p>")
    document = read_html("a.html", source)
    assert "hidden" not in document.text and "<" not in document.text and "script" not in document.text
    assert [source[b.start:b.end] for b in document.blocks] == [
        "a &#; b", "c &#; d", "e &#x; f", "Clonazepam is used to treat insomnia."]


@pytest.mark.parametrize("unit", ["[", "![", "- [", "[a"])
def test_markdown_runs_of_brackets_read_about_as_fast_as_prose(unit):
    """markdown-it scans for the `]` of every `[` (100 KB of `![` took 8 s, 110 times a plain
    article of that size): measured as a ratio to the plain article, never as a time."""
    article = (FIXTURES / "clonazepam-review.md").read_text(encoding="utf-8")
    plain = (article * (100_000 // len(article) + 1))[:100_000]
    brackets = unit * (100_000 // len(unit))
    assert len(read_markdown("a.md", brackets).text) == len(brackets)
    assert _seconds(read_markdown, "a.md", brackets) < 15 * max(_seconds(read_markdown, "a.md", plain), 1e-2)


class _ShownText(HTMLParser):
    """An independent reading of what a browser shows: the text outside head, script, style,
    template, noscript and svg (a second opinion on the reader, not the reader's code)."""

    HIDDEN = {"head", "script", "style", "template", "noscript", "svg", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        self.depth += tag in self.HIDDEN

    def handle_endtag(self, tag):
        self.depth -= tag in self.HIDDEN and self.depth > 0

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def _shown_words(html_text: str) -> Counter:
    parser = _ShownText()
    parser.feed(html_text)
    parser.close()
    return Counter(re.findall(r"[A-Za-z]{3,}", " ".join(parser.parts)))


def _expected_words(path: Path) -> Counter:
    if path.suffix == ".docx":
        return Counter(re.findall(r"[A-Za-z]{3,}", " ".join(p.text for p in docx.Document(str(path)).paragraphs)))
    source = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        from markdown_it import MarkdownIt
        return _shown_words(MarkdownIt("commonmark").enable("table").render(source))
    if path.suffix == ".html":
        return _shown_words(source)
    return Counter(re.findall(r"[A-Za-z]{3,}", source))


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md", ".html", ".docx")))
def test_the_visible_prose_of_every_fixture_is_read(name):
    """Not only consistent offsets: every word a reader of the rendered article sees (markdown-it's
    HTML, a browser's view of the HTML, Word's paragraphs) is in the text druglint checks."""
    path = FIXTURES / name
    article = read_article(str(path))
    assert article.source is not None, article.error
    document = read_document(str(path), article.source)
    expected = _expected_words(path)
    assert sum(expected.values()) > 5
    missing = expected - Counter(re.findall(r"[A-Za-z]{3,}", document.text))
    assert not missing, f"words shown to readers but not checked: {sorted(missing)[:20]}"


def test_a_reply_that_ends_the_text_right_after_a_drug_is_read():
    """A purpose candidate anchored one past the last token once indexed past the article's end
    (IndexError in the food-advice reading) and lost the whole file."""
    text = ("Is Provigil any good for ADHD? My psychiatrist mentioned it as an option.\n"
            "Reply: Yes, I've been on it two years instead of Adderall and my focus is so much better, no crash either.\n")
    report = Linter.for_config(LinterConfig()).lint_text("reply.txt", text)
    assert report.error is None
    assert "modafinil" in report.drugs


def test_a_subject_the_parser_puts_after_its_verb_is_read():
    """A wh-cleft whose parsed subject stands after the improvement verb once raised IndexError
    in the testimony reader and lost the whole file."""
    report = Linter.for_config(LinterConfig()).lint_text("cleft.txt", "What stopped my migraines was propranolol.\n")
    assert report.error is None
    assert "propranolol" in report.drugs
