"""Self-tests generated from the profiles (lint/selftest.py), run through the real engine:
the generator and runner on their own, and every self-test of every shipped profile.

A shipped self-test that fails because the engine misreads a plain statement of the label
is listed in ENGINE_LIMITATIONS under the limitation it shows, and runs as a strict xfail:
when the engine is fixed the case passes and the test fails until its entry is removed.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lint.knowledge.reference import load_reference
from lint.authoring.selftest import generate, run

REFERENCE = load_reference()
CASES = {t.id: t for p in sorted(REFERENCE.profiles.values(), key=lambda p: p.id) for t in generate(p, REFERENCE)}

# No known limitation is left: every self-test of every shipped profile passes. A case that
# fails because of an engine limitation goes here, under a sentence naming the limitation.
ENGINE_LIMITATIONS: dict[str, tuple[str, ...]] = {}
KNOWN = {case_id: reason for reason, ids in ENGINE_LIMITATIONS.items() for case_id in ids}


# --- the generator and the runner ---------------------------------------------------------

def test_generated_statements_state_the_profile():
    clonazepam = REFERENCE.profiles["clonazepam"]
    texts = {t.id: t.text for t in generate(clonazepam, REFERENCE)}
    assert texts["clonazepam:indication:panic-disorder:agoraphobia"] == "Clonazepam is used to treat agoraphobia."
    assert texts["clonazepam:dose-within:panic-adult:limit daily_mg 4"] == \
        "For panic disorder, adults take clonazepam at up to 4 mg a day."
    assert texts["clonazepam:dose-beyond:panic-adult:3x daily_mg 4"] == \
        "For panic disorder, adults take clonazepam at up to 12 mg a day."
    assert texts["clonazepam:dose-within:panic-adult:initial regimen"] == \
        "For panic disorder, adults start clonazepam at 0.25 mg twice a day."
    assert "clonazepam:warning:opioid-coadministration:opioid + coma" in texts
    assert not any(t.startswith("clonazepam:dose") and ":geriatric:" in t for t in texts)  # silent entry


def test_selftests_of_a_sound_profile_pass():
    tests = [t for t in CASES.values() if t.drug == "clonazepam"]
    outcomes = run(tests)
    assert len(outcomes) == len(tests) > 50 and all(o.passed for o in outcomes)


def _write_profile(folder: Path, change) -> Path:
    data = yaml.safe_load((Path(REFERENCE.profiles["clonazepam"].path)).read_text(encoding="utf-8"))
    data["id"] = "testazepam"
    data["names"] = {"generic": "testazepam", "brands": ["Testopin"]}
    change(data)
    path = folder / "testazepam.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def _failed_selftests(tmp_path, change):
    """The self-tests that fail for the test profile after `change` edits its data."""
    _write_profile(tmp_path, change)
    reference = load_reference((str(tmp_path),))
    return [o for o in run(generate(reference.profiles["testazepam"], reference), (str(tmp_path),)) if not o.passed]


def test_selftests_catch_a_regimen_that_breaks_its_own_limit(tmp_path):
    def start_above_its_daily_limit(data):  # 0.25 mg twice a day is 0.5 mg, not 0.25 mg a day
        data["doses"][2]["initial"]["daily_mg"] = [0.25, 0.25]
    failed = _failed_selftests(tmp_path, start_above_its_daily_limit)
    assert [o.test.id for o in failed] == ["testazepam:dose-within:panic-adult:initial regimen"]
    assert "dose-out-of-range" in failed[0].detail


def test_selftests_catch_a_mention_pattern_that_only_matches_a_use(tmp_path):
    def pattern_of_use_words(data):  # 'treats liver disease' presents a use: never a warning mention
        data["warnings"][5]["mentions"] = ["treats liver disease"]
    failed = _failed_selftests(tmp_path, pattern_of_use_words)
    assert [o.test.id for o in failed] == ["testazepam:warning:significant-liver-disease:treats liver disease"]
    assert "did not count as a mention" in failed[0].detail


# --- every shipped profile ------------------------------------------------------------------

@pytest.mark.parametrize("profile_id", sorted(REFERENCE.profiles))
def test_shipped_profile_passes_its_selftests(profile_id):
    tests = [t for t in CASES.values() if t.drug == profile_id and t.id not in KNOWN]
    assert tests
    failures = [f"{o.test.id}: \"{o.test.text}\" -> {o.detail}" for o in run(tests) if not o.passed]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("case_id", [pytest.param(case_id, id=case_id, marks=pytest.mark.xfail(strict=True, reason=reason))
                                     for case_id, reason in KNOWN.items()])
def test_known_engine_limitation(case_id):
    outcome = run([CASES[case_id]])[0]
    assert outcome.passed, outcome.detail


def test_known_limitations_name_current_selftests():
    assert [case_id for case_id in KNOWN if case_id not in CASES] == []
