import pytest

from lint.knowledge.reference import load_profile, load_reference
from lint.knowledge.yamlfile import DataError

GOOD = """id: demo
names: {generic: demo}
sources:
  label: {title: Demo label, url: https://example.org, revised: 2024-01}
indications:
  - id: pain
    conditions: [pain]
    fact: Pain.
doses:
  - population: adult
    schedule: daily
    max: {daily_mg: 10}
"""


def test_shipped_profiles_load_and_cite_their_source():
    reference = load_reference()
    assert "clonazepam" in reference.profiles
    for profile in reference.profiles.values():
        assert profile.sources and all(s.url and s.revised for s in profile.sources.values())


def test_good_profile_loads():
    profile = load_profile("demo.yaml", GOOD)
    assert profile.doses[0].max == {"daily_mg": 10.0}


@pytest.mark.parametrize("broken, line, field", [
    (GOOD.replace("max: {daily_mg: 10}", "max: {daily_mg: ten}"), 12, "doses[0].max.daily_mg"),
    (GOOD.replace("population: adult", "population: martians"), 10, "doses[0].population"),
    (GOOD.replace("conditions: [pain]", "conditions: [pain]\n    colour: red"), 8, "indications[0].colour"),
    (GOOD.replace("names: {generic: demo}", "names: {generic: demo"), None, None),
])
def test_broken_profile_names_file_line_and_field(broken, line, field):
    with pytest.raises(DataError) as error:
        load_profile("demo.yaml", broken)
    assert error.value.path == "demo.yaml"
    if line:
        assert error.value.line == line and error.value.field == field
    else:
        assert "invalid YAML" in str(error.value)


@pytest.mark.parametrize("entry, complaint", [
    ("max: {daily_mg: 10}", "say how the doses are given"),
    ("schedule: sometimes\n    max: {daily_mg: 10}", "expected one of"),
    ("schedule: daily\n    usual: {single_mg: [5, 5], interval_hours: [168, 168]}", "use weekly or periodic"),
    ("schedule: weekly\n    usual: {single_mg: [5, 5], times_per_day: [1, 1]}", "one or two doses a week"),
    ("schedule: weekly\n    usual: {single_mg: [5, 5]}\n    max: {daily_mg: 5}", "no daily amount"),
    ("schedule: periodic\n    usual: {single_mg: [5, 5]}", "interval longer than a week"),
    ("schedule: once\n    usual: {single_mg: [5, 5], times_per_day: [2, 2]}", "a single dose has no frequency"),
])
def test_a_dose_entry_must_state_a_schedule_its_numbers_agree_with(entry, complaint):
    broken = GOOD.replace("schedule: daily\n    max: {daily_mg: 10}", entry)
    with pytest.raises(DataError) as error:
        load_profile("demo.yaml", broken)
    assert complaint in str(error.value) and error.value.field == "doses[0].schedule"


@pytest.mark.parametrize("entry, schedule", [
    ("schedule: weekly\n    usual: {single_mg: [0.5, 2], interval_hours: [168, 168]}", "weekly"),
    ("schedule: as_needed\n    usual: {single_mg: [200, 400], interval_hours: [4, 6]}", "as_needed"),
    ("schedule: daily\n    usual: {single_mg: [150, 150], interval_hours: [48, 48]}", "daily"),
    ("silent: the label gives no number for this group", None),
])
def test_schedules_that_agree_with_their_numbers_load(entry, schedule):
    profile = load_profile("demo.yaml", GOOD.replace("schedule: daily\n    max: {daily_mg: 10}", entry))
    assert profile.doses[0].schedule == schedule


def test_a_dose_entry_may_be_for_hospital_patients_only():
    inpatient = GOOD.replace("    schedule: daily\n", "    schedule: daily\n    setting: inpatient\n")
    assert load_profile("demo.yaml", inpatient).doses[0].setting == "inpatient"
    assert load_profile("demo.yaml", GOOD).doses[0].setting is None
    with pytest.raises(DataError, match="setting"):
        load_profile("demo.yaml", GOOD.replace("    schedule: daily\n", "    schedule: daily\n    setting: clinic\n"))


def test_a_dose_entry_may_be_ruled_out_by_a_condition_of_its_indication():
    ruled_out = GOOD.replace("    conditions: [pain]", "    conditions: [pain, back-pain]").replace(
        "  - population: adult\n", "  - population: adult\n    indication: pain\n    not_for: [back-pain]\n")
    assert load_profile("demo.yaml", ruled_out).doses[0].not_for == ("back-pain",)
    with pytest.raises(DataError, match="not a condition of the entry's indication"):
        load_profile("demo.yaml", ruled_out.replace("not_for: [back-pain]", "not_for: [insomnia]"))


def test_an_entry_for_every_use_may_leave_out_a_use_with_its_own_entry():
    every_use = GOOD.replace("    conditions: [pain]", "    conditions: [pain, back-pain]").replace(
        "  - population: adult\n", "  - population: adult\n    not_for: [back-pain]\n")
    assert load_profile("demo.yaml", every_use).doses[0].not_for == ("back-pain",)
    with pytest.raises(DataError, match="not a condition of the entry's indications"):
        load_profile("demo.yaml", every_use.replace("not_for: [back-pain]", "not_for: [insomnia]"))


def test_a_no_dose_entry_set_by_weight_alone_says_nothing_of_an_age():
    profiles = load_reference().profiles
    under_40_kg = next(e for e in profiles["famotidine"].doses if e.id == "pediatric-under-40kg")
    under_2 = next(e for e in profiles["acetaminophen"].doses if e.id == "childrens-under-2")
    assert not under_40_kg.no_dose_for_child(14)  # a 14-year-old of 40 kg or more takes the adult doses
    assert under_2.no_dose_for_child(1)  # under 2 years (and under 24 lb): ask a doctor
    assert profiles["famotidine"].no_dose_at_age(14) is None
