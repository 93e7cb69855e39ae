"""Editorial workflow through the CLI: configuration, inline suppression, baseline."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint.cli.main import main
from lint.knowledge.yamlfile import DataError
from lint.workflow import run as run_module

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SAFETY_TIMEOUT = 300  # a hang must fail the test, not stall the suite; no timing is asserted
ARTICLE = ("Clonazepam is used to treat insomnia.\n\nFor panic disorder, take clonazepam 3 mg twice daily.\n\n"
           "It is a Schedule IV controlled substance: take it as prescribed and talk to your doctor first.\n")


def check(*args):
    result = CliRunner().invoke(main, ["check", "--format", "json", *map(str, args)])
    return result, json.loads(result.stdout) if result.stdout.startswith("{") else None


def rules_found(report):
    return sorted(f["rule"] for entry in report["files"] for f in entry["findings"])


def test_config_turns_rules_off_and_changes_severity_per_folder(tmp_path):
    site = tmp_path / "site"
    (site / "news").mkdir(parents=True)
    (site / ".druglint.yaml").write_text("rules:\n  missing-warning: off\n  unlabeled-indication: error\n")
    (site / "news" / ".druglint.yaml").write_text("rules:\n  unlabeled-indication: off\n")
    (site / "a.md").write_text(ARTICLE)
    (site / "news" / "b.md").write_text(ARTICLE)
    result, report = check(site)
    by_name = {Path(e["path"]).name: e for e in report["files"]}
    assert [f["rule"] for f in by_name["a.md"]["findings"]] == ["unlabeled-indication", "dose-out-of-range"]
    assert by_name["a.md"]["findings"][0]["severity"] == "error"
    assert [f["rule"] for f in by_name["b.md"]["findings"]] == ["dose-out-of-range"]


def test_pyproject_config_fail_on_and_excludes(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.druglint]\nfail-on = "never"\nexclude = ["drafts/**"]\n')
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.md").write_text(ARTICLE)
    (tmp_path / "a.md").write_text(ARTICLE)
    result, report = check(tmp_path)
    assert [Path(e["path"]).name for e in report["files"]] == ["a.md"]
    assert result.exit_code == 0


def test_bad_config_names_file_and_key(tmp_path):
    (tmp_path / ".druglint.yaml").write_text("rules:\n  no-such-rule: off\n")
    (tmp_path / "a.md").write_text(ARTICLE)
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.md")])
    assert result.exit_code == 2
    assert ".druglint.yaml:2: rules.no-such-rule: unknown rule" in result.output


def test_inline_suppression_and_unused_directive(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("<!-- druglint-disable-next-line unlabeled-indication -->\n" + ARTICLE +
                       "\n<!-- druglint-disable dose-out-of-range -->\nNo doses here.\n"
                       "<!-- druglint-enable dose-out-of-range -->\n")
    result, report = check(article, "--disable", "missing-warning")
    found = report["files"][0]["findings"]
    assert [f["rule"] for f in found] == ["dose-out-of-range", "unused-suppression"]
    assert found[1]["text"].startswith("<!-- druglint-disable dose-out-of-range")


def test_plain_text_suppression_to_end_of_file_covers_document_findings(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("# druglint-disable missing-warning\n" + ARTICLE)
    result, report = check(article)
    assert "missing-warning" not in rules_found(report)


def test_baseline_reports_only_new_findings_and_survives_edits(tmp_path):
    article = tmp_path / "a.md"
    article.write_text(ARTICLE)
    baseline = tmp_path / "baseline.json"
    result, _ = check(article, "--write-baseline", baseline)
    assert result.exit_code == 0 and baseline.exists()
    article.write_text("# A new title\n\nSome new text above.\n\n" + ARTICLE + "\nClonazepam also treats acne.\n")
    result, report = check(article, "--baseline", baseline)
    assert [(f["rule"], f["text"]) for f in report["files"][0]["findings"]] == [("unlabeled-indication", "acne")]
    assert result.exit_code == 0  # a warning does not reach the default fail-on level


def test_directory_walk_still_lints_fixtures_with_a_config(tmp_path):
    shutil.copy(FIXTURES / "clonazepam-review.md", tmp_path / "r.md")
    (tmp_path / ".druglint.yaml").write_text("fail-on: warning\n")
    result, report = check(tmp_path)
    assert result.exit_code == 1 and report["files"][0]["findings"]


def test_parallel_jobs_give_the_same_report_and_stats_count_findings(tmp_path):
    for i in range(4):
        shutil.copy(FIXTURES / "clonazepam-review.md", tmp_path / f"r{i}.md")
    serial = CliRunner().invoke(main, ["check", "--format", "json", str(tmp_path)])
    parallel = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "2", "--stats", str(tmp_path)])
    assert json.loads(parallel.stdout) == json.loads(serial.stdout)
    per_file = len(json.loads(serial.stdout)["files"][0]["findings"])
    assert f"4 files, 0 input errors, {4 * per_file} findings" in parallel.stderr
    assert "per rule:" in parallel.stderr and "clonazepam" in parallel.stderr


def test_config_adds_a_pack_folder_and_a_subfolder_sets_its_level(tmp_path):
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "style.yaml").write_text(
        "pack: style\nrules:\n  - id: no-cheap-claims\n    severity: warning\n"
        "    message: \"'{match}' is price talk.\"\n    explanation:\n      finds: Price talk.\n"
        "      why: It reads as an advert.\n      example: Cheap Xanax.\n      instead: Leave prices out.\n"
        "    scope: sentence\n    forbid:\n      phrases: [cheap]\n")
    (tmp_path / ".druglint.yaml").write_text("packs: [house]\n")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / ".druglint.yaml").write_text("rules:\n  no-cheap-claims: error\n")
    (tmp_path / "news" / "a.md").write_text(ARTICLE + "\nGet cheap clonazepam here.\n")
    result, report = check(tmp_path)
    cheap = [f for f in report["files"][0]["findings"] if f["rule"] == "no-cheap-claims"]
    assert [(f["text"], f["severity"]) for f in cheap] == [("cheap", "error")]


def test_a_folder_walk_skips_the_html_report_druglint_wrote(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE)
    CliRunner().invoke(main, ["check", "--format", "html", "-o", str(tmp_path / "report.html"), str(tmp_path)])
    assert (tmp_path / "report.html").exists()
    result, report = check(tmp_path)
    assert [Path(e["path"]).name for e in report["files"]] == ["a.md"]


# Signals and workers (issue 15)

def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    """True while a process exists and is not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _default_stop_signals() -> None:
    """A terminal's Ctrl-C reaches a program whose SIGINT is not ignored: a test run may have
    inherited an ignored one (a program keeps an ignored SIGINT, as background jobs do)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to see the workers")
@pytest.mark.parametrize(("signum", "status", "line"), [(signal.SIGTERM, 143, "druglint: terminated"),
                                                         (signal.SIGINT, 130, "druglint: interrupted")])
def test_a_signal_stops_a_parallel_run_and_its_workers(tmp_path, signum, status, line):
    """SIGTERM goes to the main process only (as `kill` sends it); SIGINT to the whole process
    group, as Ctrl-C in a terminal sends it to the workers too."""
    for i in range(200):
        shutil.copy(FIXTURES / "clonazepam-review.md", tmp_path / f"r{i:03}.md")
    command = [sys.executable, "-m", "lint", "check", "--jobs", "2", str(tmp_path)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True, preexec_fn=_default_stop_signals)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + SAFETY_TIMEOUT
        while len(workers) < 2 and process.poll() is None and time.monotonic() < deadline:
            workers = _children(process.pid)
            time.sleep(0.05)
        assert len(workers) == 2, "the workers never started"
        if signum == signal.SIGINT:
            os.killpg(process.pid, signum)
        else:
            os.kill(process.pid, signum)
        _, stderr = process.communicate(timeout=60)
    finally:
        for pid in [process.pid, *workers]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        process.wait()
    assert process.returncode == status, stderr
    assert stderr.strip().splitlines() == [line]
    assert not [pid for pid in workers if _alive(pid)]


def test_a_worker_that_dies_costs_only_the_file_it_held(tmp_path, monkeypatch):
    """A worker killed mid-article (as by the OOM killer): that file is an input error naming
    the cause, every other file is checked, and the run neither crashes nor hangs."""
    lint_one = run_module._lint_one

    def dying_on_poison(request, path, error):
        if path.endswith("poison.md"):
            os.kill(os.getpid(), signal.SIGKILL)
        return lint_one(request, path, error)

    monkeypatch.setattr(run_module, "_lint_one", dying_on_poison)
    for name in ("a.md", "b.md", "poison.md", "c.md", "d.md", "e.md"):
        (tmp_path / name).write_text(ARTICLE)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "2", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        f"druglint: {tmp_path / 'poison.md'}: internal error (the worker process checking this file died: "
        "killed by SIGKILL); please report it"]
    by_name = {Path(e["path"]).name: e for e in json.loads(result.stdout)["files"]}
    assert list(by_name) == ["a.md", "b.md", "c.md", "d.md", "e.md", "poison.md"]
    for name in ("a.md", "b.md", "c.md", "d.md", "e.md"):
        assert "error" not in by_name[name] and by_name[name]["findings"]


def test_a_data_error_in_a_worker_is_one_line_in_the_main_process(monkeypatch, tmp_path):
    def bad_profile(request, path, error):
        raise DataError("profiles/x.yaml", "doses[0].max: not a number", line=7)

    monkeypatch.setattr(run_module, "_lint_one", bad_profile)
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text(ARTICLE)
    result = CliRunner().invoke(main, ["check", "--jobs", "2", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == "druglint: profiles/x.yaml:7: doses[0].max: not a number\n"


def test_the_pre_commit_hook_passes_articles_only():
    import re

    import yaml
    hook = yaml.safe_load((Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text())[0]
    assert "types_or" not in hook and "types" not in hook
    pattern = re.compile(hook["files"])
    assert all(pattern.search(name) for name in ("post.md", "page.html", "a.htm", "notes.txt", "draft.docx"))
    assert not any(pattern.search(name) for name in ("setup.py", "data.csv", "config.yaml", "README.rst"))


def _rules_found(text: str) -> list[tuple[str, str]]:
    from lint import Linter
    report = Linter().lint_text("post.md", text)
    return [(f.rule, f.message) for f in report.findings]


def test_disable_line_and_disable_file_silence_their_own_scope():
    line = _rules_found("Klonopin is great for insomnia. <!-- druglint-disable-line unlabeled-indication -->\n")
    whole = _rules_found("Klonopin is great for insomnia.\n\n<!-- druglint-disable-file missing-warning -->\n")
    assert not any(rule in ("unlabeled-indication", "unused-suppression") for rule, _ in line)
    assert not any(rule in ("missing-warning", "unused-suppression") for rule, _ in whole)


def test_a_misspelt_directive_and_an_unknown_rule_id_are_reported():
    found = _rules_found("Klonopin is great for insomnia. <!-- druglint-disable-line unlabeled-indicaton -->\n\n"
                         "Klonopin for sleep. <!-- druglint-disabel-line -->\n")
    messages = [m for rule, m in found if rule == "unused-suppression"]
    assert any("no rule is named 'unlabeled-indicaton'" in m for m in messages)
    assert any("unknown directive 'druglint-disabel-line'" in m for m in messages)


def test_a_baseline_matches_from_any_folder_and_however_the_path_is_typed(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from lint.cli.main import main
    content = tmp_path / "content"
    content.mkdir()
    (content / "post.md").write_text("# Klonopin\n\nKlonopin is great for insomnia.\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    monkeypatch.chdir(tmp_path)
    CliRunner().invoke(main, ["check", "content/post.md", "--write-baseline", str(baseline)])
    monkeypatch.chdir(content)
    again = CliRunner().invoke(main, ["check", "post.md", "--baseline", str(baseline), "--format", "json"])
    assert json.loads(again.stdout)["files"][0]["findings"] == [], again.output
    assert again.exit_code == 0


def test_force_exclude_applies_exclude_globs_to_named_files(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from lint.cli.main import main
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "wip.md").write_text("# Klonopin\n\nKlonopin is great for insomnia.\n", encoding="utf-8")
    (tmp_path / ".druglint.yaml").write_text('exclude: ["drafts/**"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    named = CliRunner().invoke(main, ["check", "drafts/wip.md", "--format", "json"])
    forced = CliRunner().invoke(main, ["check", "drafts/wip.md", "--force-exclude", "--format", "json"])
    assert [f["path"] for f in json.loads(named.stdout)["files"]] == ["drafts/wip.md"]
    assert json.loads(forced.stdout)["files"] == [] and forced.exit_code == 0
    hook = (Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text()
    assert "--force-exclude" in hook


def test_a_pyproject_setting_error_names_the_settings_own_line(tmp_path):
    from lint.knowledge.yamlfile import DataError
    from lint.workflow.config import load_config_file
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\n\n[tool.druglint]\nrules = {}\nfail-on = 3\n', encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_config_file(str(pyproject), set())
    assert error.value.line == 6 and error.value.field == "fail-on"
