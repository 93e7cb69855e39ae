"""Every file under rules/ is validated by the same loaders, with file:line:field errors."""
from __future__ import annotations

import shutil

from lint.knowledge.reference import rules_dir
from lint.knowledge.validate import validate_rules


def _copy_rules(tmp_path):
    target = tmp_path / "rules"
    shutil.copytree(rules_dir(), target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_the_shipped_rules_have_no_problem():
    assert validate_rules(rules_dir()) == []


def test_a_cue_category_that_is_not_a_list_is_reported_with_its_line(tmp_path):
    rules = _copy_rules(tmp_path)
    cues = rules / "cues.yaml"
    cues.write_text(cues.read_text(encoding="utf-8").replace("use:\n", "use: used to treat\nold_use:\n", 1)
                    .replace("old_use:\n", "", 1), encoding="utf-8")
    problems = validate_rules(rules)
    assert any(p.startswith(f"{cues}:") and "use" in p and "list of strings" in p for p in problems), problems


def test_an_unknown_key_in_other_drugs_is_reported(tmp_path):
    rules = _copy_rules(tmp_path)
    other = rules / "other_drugs.yaml"
    other.write_text(other.read_text(encoding="utf-8") + "medicines: [aspirin]\n", encoding="utf-8")
    problems = validate_rules(rules)
    assert any(str(other) in p and "medicines" in p and "unknown key" in p for p in problems), problems


def test_a_profile_naming_an_unknown_condition_is_reported(tmp_path):
    rules = _copy_rules(tmp_path)
    profile = rules / "drugs" / "clonazepam.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("conditions: [seizure-disorder,",
                                                                   "conditions: [no-such-condition,", 1),
                       encoding="utf-8")
    assert any("no-such-condition" in p for p in validate_rules(rules))
