"""`druglint profile diff`: two readings of one label are compared fact by fact."""
from __future__ import annotations

from click.testing import CliRunner

from lint.cli import main
from lint.knowledge.reference import rules_dir

CLONAZEPAM = rules_dir() / "drugs" / "clonazepam.yaml"


def _diff(tmp_path, edit):
    second = tmp_path / "clonazepam.yaml"
    second.write_text(edit(CLONAZEPAM.read_text(encoding="utf-8")), encoding="utf-8")
    return CliRunner().invoke(main, ["profile", "diff", str(CLONAZEPAM), str(second)])


def test_a_profile_agrees_with_itself(tmp_path):
    result = _diff(tmp_path, lambda text: text)
    assert result.exit_code == 0 and "0 differences" in result.output


def test_a_different_daily_maximum_is_a_dose_difference(tmp_path):
    result = _diff(tmp_path, lambda text: text.replace("    max: {daily_mg: 4}\n", "    max: {daily_mg: 6}\n", 1))
    assert result.exit_code == 1
    assert "doses: only in the first: adult, daily, panic-disorder, single mg 0.25, daily mg 4;" in result.output
    assert "doses: only in the second: adult, daily, panic-disorder, single mg 0.25, daily mg 6;" in result.output


def test_renamed_ids_with_the_same_facts_agree(tmp_path):
    result = _diff(tmp_path, lambda text: text.replace("id: panic-adult", "id: panic-disorder-in-adults"))
    assert result.exit_code == 0, result.output


def test_a_required_topic_missing_from_one_reading_is_reported(tmp_path):
    result = _diff(tmp_path, lambda text: text.replace("required: true", "required: false", 1))
    assert result.exit_code == 1 and "required=True vs boxed, required=False" in result.output
