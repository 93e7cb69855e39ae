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
    (GOOD.replace("max: {daily_mg: 10}", "max: {daily_mg: ten}"), 11, "doses[0].max.daily_mg"),
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
