"""Word (.docx) articles: paragraphs, headings and list items kept; findings located by
paragraph (the line) and offset inside it (the column)."""
import json
from pathlib import Path

import docx
from click.testing import CliRunner

from lint.cli.main import main
from lint.readers.docx import read_docx

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "clonazepam-draft.docx"


def make_docx(path, parts):
    document = docx.Document()
    for kind, text in parts:
        if kind == "heading":
            document.add_heading(text, 1)
        elif kind == "item":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    document.save(path)


def test_styles_become_blocks():
    document = read_docx(str(FIXTURE), FIXTURE.read_bytes())
    assert [b.kind for b in document.blocks] == ["heading", "heading", "item", "paragraph"]
    item = document.blocks[2]
    assert document.text[item.start:item.label_end] == "Insomnia."


def test_findings_are_located_by_paragraph_and_offset(tmp_path):
    path = tmp_path / "draft.docx"
    make_docx(path, [("heading", "Clonazepam"), ("paragraph", "Some intro."),
                     ("paragraph", "For panic disorder, adults take clonazepam 3 mg twice daily.")])
    result = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
    findings = json.loads(result.stdout)["files"][0]["findings"]
    dose = next(f for f in findings if f["rule"] == "dose-out-of-range")
    paragraph = "For panic disorder, adults take clonazepam 3 mg twice daily."
    assert dose["line"] == 3 and dose["column"] == paragraph.index("3 mg") + 1
    assert dose["text"] == "3 mg twice daily"


def test_a_broken_docx_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip archive")
    result = CliRunner().invoke(main, ["check", str(bad)])
    assert result.exit_code == 2 and "not a readable .docx file" in result.stderr


def test_a_table_is_read_row_by_row_in_document_order(tmp_path):
    document = docx.Document()
    document.add_heading("Klonopin dosing", level=1)
    document.add_paragraph("Klonopin is prescribed for panic disorder.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Who", "Dose"
    table.cell(1, 0).text, table.cell(1, 1).text = "Adults with panic disorder", "10 mg twice a day"
    document.add_paragraph("Ask your doctor.")
    path = tmp_path / "table.docx"
    document.save(path)
    read = read_docx(str(path), path.read_bytes())
    lines = read.source.splitlines()
    assert lines[2:5] == ["Who | Dose", "Adults with panic disorder | 10 mg twice a day", "Ask your doctor."]
    from lint import Linter
    doses = [f for f in Linter().lint_document(read).findings if f.rule == "dose-out-of-range"]
    assert [(f.line, f.text) for f in doses] == [(4, "10 mg twice a day")]
