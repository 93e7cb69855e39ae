"""`druglint drugs` and `druglint profile`: listing and showing profiles, drafting one from
an openFDA record, and checking profile files."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from lint.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
OPENFDA = ROOT / "fixtures" / "openfda"
CLONAZEPAM = ROOT / "rules" / "drugs" / "clonazepam.yaml"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_drugs_lists_every_profile_with_brands_and_revision():
    result = run("drugs")
    assert result.exit_code == 0
    row = next(line for line in result.output.splitlines() if line.startswith("clonazepam "))
    assert row.split()[:3] == ["clonazepam", "clonazepam", "2025-11-11"] and "Klonopin, Klonopin Wafers" in row
    listed = json.loads(run("drugs", "--format", "json").output)["drugs"]
    clonazepam = next(d for d in listed if d["id"] == "clonazepam")
    assert clonazepam["brands"] == ["Klonopin", "Klonopin Wafers"] and clonazepam["revised"] == "2025-11-11"
    assert len(listed) == len([line for line in result.output.splitlines()[1:-1]])
    assert row.split()[3] == "traced" and clonazepam["untraced_sources"] == []


# Shipped profiles whose every source names a label version (set id, revision date, DailyMed
# or FDA address); raise it as sources are traced, never lower it.
TRACED_FLOOR = 86


def test_sources_are_traced_to_a_label_version_and_the_count_only_grows():
    from lint.knowledge.reference import Source
    traced = Source("k", "Label", "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=31a7ed52-48a6-1c87-e054-"
                    "00144ff88e88", "2025-05", "31a7ed52-48a6-1c87-e054-00144ff88e88")
    assert traced.traced
    assert not Source("k", "Label", traced.url, "unknown", traced.setid).traced
    assert not Source("k", "Label", "https://www.drugs.com/pro/x.html", "2025-05", traced.setid).traced
    assert not Source("k", "Label", traced.url, "2025-05", "unknown").traced
    listed = json.loads(run("drugs", "--format", "json").output)["drugs"]
    count = sum(not d["untraced_sources"] for d in listed)
    assert count >= TRACED_FLOOR
    assert run("drugs").output.splitlines()[-1].endswith(f"{count} with every source traced to a label version "
                                                          "(DailyMed set id and revision date)")


def test_drugs_show_by_brand_in_any_case():
    result = run("drugs", "show", "KLONOPIN")
    assert result.exit_code == 0
    text = result.output
    for heading in ("Products", "Indications (labeled uses)", "Required warning topics", "Doses", "Sources"):
        assert f"\n{heading}" in text
    assert "schedule:      C-IV" in text and "opioid-coadministration (boxed)" in text
    assert "panic-adult [panic-disorder, adult]" in text and "max 4 mg/day" in text
    data = json.loads(run("drugs", "show", "klonopin", "--format", "json").output)
    assert data["id"] == "clonazepam" and data["controlled"] == "C-IV"
    assert data["doses"][2]["max"] == {"daily_mg": 4.0}


def test_drugs_show_unknown_name_lists_close_matches():
    result = run("drugs", "show", "klonopn")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("druglint: unknown drug 'klonopn'; close matches: Klonopin (clonazepam)")
    assert "see `druglint drugs`" in run("drugs", "show", "qqqqqq").stderr


def test_profile_import_then_check_and_list_with_profiles(tmp_path):
    target = tmp_path / "venlafaxine.yaml"
    imported = run("profile", "import", OPENFDA / "venlafaxine-er-capsules.json", "-o", target)
    assert imported.exit_code == 0 and "REVIEW markers" in imported.stderr
    assert run("profile", "import", OPENFDA / "venlafaxine-er-capsules.json", "-o", target).exit_code == 2
    checked = run("profile", "check", target)
    assert checked.exit_code == 0
    assert checked.output.startswith(f"{target}: ") and "self-tests passed; draft:" in checked.output
    listed = run("drugs", "--profiles", tmp_path)
    assert any(line.startswith("venlafaxine ") and "Effexor XR" in line for line in listed.output.splitlines())
    shown = run("drugs", "show", "effexor xr", "--profiles", tmp_path)
    assert shown.exit_code == 0 and "major-depressive-disorder" in shown.output
    to_stdout = run("profile", "import", OPENFDA / "hydromorphone-tablets.json")
    assert to_stdout.output.startswith("# DRAFT profile") and "id: hydromorphone" in to_stdout.output


def test_profile_check_reports_invalid_files_with_line_and_field(tmp_path):
    broken = tmp_path / "clonazepam.yaml"
    broken.write_text(CLONAZEPAM.read_text(encoding="utf-8").replace("kind: boxed", "kind: boxy", 1), encoding="utf-8")
    unknown = tmp_path / "lexicon" / "clonazepam.yaml"
    unknown.parent.mkdir()
    unknown.write_text(CLONAZEPAM.read_text(encoding="utf-8").replace("[panic-disorder, agoraphobia]",
                                                                      "[panic-disorder, panic-atacks]"), encoding="utf-8")
    result = run("profile", "check", broken, unknown)
    assert result.exit_code == 2
    errors = result.stderr.strip().splitlines()
    assert errors[0].startswith(f"druglint: {broken}:") and ": warnings[0].kind: expected one of" in errors[0]
    assert ": indications[1].conditions[1]: unknown condition 'panic-atacks'" in errors[1]


def test_profile_check_prints_a_line_per_failing_selftest(tmp_path):
    profile = tmp_path / "clonazepam.yaml"
    text = CLONAZEPAM.read_text(encoding="utf-8")
    text = text.replace('initial: {single_mg: [0.25, 0.25], times_per_day: [2, 2], daily_mg: [0.5, 0.5]}',
                        'initial: {single_mg: [0.25, 0.25], times_per_day: [2, 2], daily_mg: [0.25, 0.25]}')
    text = text.replace('      - "liver|hepatic"', '      - "treats liver disease"')
    profile.write_text(text, encoding="utf-8")
    result = run("profile", "check", profile)
    assert result.exit_code == 1
    failed = [line for line in result.output.splitlines() if "self-test failed" in line]
    assert len(failed) == 2
    assert "dose-within panic-adult (initial regimen)" in failed[0] and "dose-out-of-range" in failed[0]
    assert "warning significant-liver-disease (treats liver disease)" in failed[1]
    assert run("profile", "check", CLONAZEPAM).exit_code == 0


def test_profile_import_writes_to_any_file_name_it_is_given(tmp_path):
    target = tmp_path / "my-draft.yaml"
    imported = run("profile", "import", OPENFDA / "naproxen-sodium-otc.json", "-o", target)
    assert imported.exit_code == 0 and target.is_file()
    assert "naproxen.yaml" in imported.stderr  # a note on the name `profile check` expects, not a refusal


def test_rules_listing_keeps_every_severity_whole_in_a_narrow_terminal():
    import os
    from click.testing import CliRunner

    from lint.cli.main import main
    listing = CliRunner().invoke(main, ["rules"], env={**os.environ, "COLUMNS": "40"}).output.splitlines()
    assert listing and all(line.split()[2] in ("error", "warning", "info") for line in listing)
