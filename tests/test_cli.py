import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from lint import __version__
from lint.cli.main import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def run(*args, stdin=None):
    return CliRunner().invoke(main, list(args), input=stdin)


def test_version_and_help():
    assert __version__ in run("--version").output
    result = run("--help")
    assert result.exit_code == 0 and "check" in result.output


def test_help_does_not_import_spacy():
    code = "import sys; from lint.cli.main import main; sys.argv=['druglint','--help']\n" \
           "try:\n    main()\nexcept SystemExit:\n    pass\nassert 'spacy' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


def test_json_report_contract():
    path = FIXTURES / "clonazepam-review.md"
    result = run("check", "--format", "json", str(path))
    assert result.exit_code == 1
    report = json.loads(result.output)
    entry = report["files"][0]
    assert entry["path"] == str(path) and entry["drugs"][0] == {"id": "clonazepam"}
    source = path.read_text(encoding="utf-8")
    for finding in entry["findings"]:
        assert {"rule", "severity", "drug", "subject", "message", "start", "end", "line", "column", "text"} <= set(finding)
        if finding["start"] is not None:
            assert source[finding["start"]:finding["end"]] == finding["text"]


def test_text_report_and_exit_codes():
    clean = run("check", str(FIXTURES / "clonazepam-clean.txt"))
    assert clean.exit_code == 0 and "1 file checked: no findings" in clean.output
    review = run("check", "--no-color", str(FIXTURES / "clonazepam-review.md"))
    assert review.exit_code == 1
    assert "clonazepam-review.md:17:" in review.output and "dose-out-of-range" in review.output
    assert run("check", "--fail-on", "never", str(FIXTURES / "clonazepam-review.md")).exit_code == 0


def test_directory_and_stdin():
    result = run("check", "--format", "json", str(FIXTURES))
    expected = sorted(p for p in FIXTURES.iterdir() if p.suffix in {".txt", ".md", ".html", ".docx"})
    assert [Path(f["path"]).name for f in json.loads(result.output)["files"]] == [p.name for p in expected]
    piped = run("check", "--format", "json", "-", stdin="Clonazepam is used to treat insomnia.")
    assert json.loads(piped.output)["files"][0]["findings"]


def test_input_errors_are_one_line_and_others_still_checked(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00broken\xff")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "missing.txt"), str(bad),
                                       str(FIXTURES / "clonazepam-clean.txt")])
    assert result.exit_code == 2
    assert "no such file" in result.output and "1 file" not in result.output
    assert "Traceback" not in result.output


def test_rules_and_explain():
    assert "unlabeled-indication" in run("rules").output
    explained = run("explain", "missing-warning").output
    assert "Why it matters" in explained and "What to write instead" in explained
    assert run("explain", "no-such-rule").exit_code == 2


def test_no_path_checks_the_current_folder(tmp_path, monkeypatch):
    (tmp_path / "post.md").write_text("# Klonopin\n\nKlonopin is great for insomnia.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("check", "--format", "json")
    assert result.exit_code == 1
    assert [f["path"] for f in json.loads(result.output)["files"]] == ["./post.md"]


def test_a_walk_that_finds_no_article_says_so(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 0 and "no articles" in result.stderr


def test_stdin_filename_names_the_article_and_picks_its_format(tmp_path):
    article = "# Klonopin\n\nKlonopin is great for insomnia.\n"
    result = run("check", "-", "--stdin-filename", "drafts/post.md", "--format", "json", stdin=article)
    report = json.loads(result.output)["files"][0]
    assert report["path"] == "drafts/post.md"
    insomnia = next(f for f in report["findings"] if f["rule"] == "unlabeled-indication")
    assert insomnia["line"] == 3  # read as Markdown: the heading is its own block


def test_stdin_filename_needs_standard_input_and_a_text_format():
    assert run("check", "fixtures/clonazepam-review.md", "--stdin-filename", "a.md").exit_code == 2
    assert run("check", "-", "--stdin-filename", "a.docx", stdin="x").exit_code == 2


def test_a_finished_command_leaves_its_objects_out_of_the_collectors_last_walk():
    import gc
    gc.unfreeze()
    thresholds = gc.get_threshold()
    gc.set_threshold(700, *thresholds[1:])  # Python's default, whatever earlier tests left
    try:
        result = run("check", str(FIXTURES / "clonazepam-review.md"))
        assert result.exit_code == 1
        assert gc.get_freeze_count() > 100_000  # the models and profiles: nothing left for the exit-time walk
        assert gc.get_threshold()[0] > 700  # fewer young-object passes during the batch run
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)
