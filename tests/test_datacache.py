"""The cache of parsed data files: same values as parsing, never stale, never runs code, optional."""
from __future__ import annotations

import datetime
import os
import pickle

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.knowledge import datacache
from lint.knowledge.yamlfile import DataError, YamlFile

PROFILE_TEXT = """id: examplamide
names: [examplamide, Examplo]
source:
  revised: 2025-05-22
doses:
  - population: adults
    daily_max_mg: 40
"""


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("DRUGLINT_CACHE_DIR", str(folder))
    return folder


def cached_files(folder):
    return sorted((folder / "data").glob("*.pickle")) if (folder / "data").exists() else []


def test_a_second_read_comes_from_the_cache_with_the_same_values_and_lines(cache_folder, tmp_path):
    path = tmp_path / "examplamide.yaml"
    path.write_text(PROFILE_TEXT, encoding="utf-8")
    first = YamlFile(path)
    assert len(cached_files(cache_folder)) == 1
    second = YamlFile(path)
    assert second.data == first.data
    assert second.data["source"]["revised"] == datetime.date(2025, 5, 22)
    assert second._node is None  # values came from the cache, the text was not parsed
    assert second.line_of(("doses", 0, "daily_max_mg")) == 7  # lines still found, by parsing on demand


def test_an_edited_file_is_parsed_again(cache_folder, tmp_path):
    path = tmp_path / "examplamide.yaml"
    path.write_text(PROFILE_TEXT, encoding="utf-8")
    YamlFile(path)
    path.write_text(PROFILE_TEXT.replace("40", "20"), encoding="utf-8")
    assert YamlFile(path).data["doses"][0]["daily_max_mg"] == 20
    assert len(cached_files(cache_folder)) == 2


def test_a_cached_value_that_is_not_plain_data_is_refused(cache_folder, tmp_path):
    path = tmp_path / "examplamide.yaml"
    path.write_text(PROFILE_TEXT, encoding="utf-8")
    YamlFile(path)
    [entry] = cached_files(cache_folder)
    entry.write_bytes(pickle.dumps({"id": os.getcwd, "names": []}))  # a callable: what an attack would smuggle
    assert datacache.load(PROFILE_TEXT) is datacache.MISSING
    assert YamlFile(path).data["id"] == "examplamide"


def test_a_truncated_cache_file_is_parsed_instead(cache_folder, tmp_path):
    path = tmp_path / "examplamide.yaml"
    path.write_text(PROFILE_TEXT, encoding="utf-8")
    YamlFile(path)
    [entry] = cached_files(cache_folder)
    entry.write_bytes(entry.read_bytes()[:10])
    assert YamlFile(path).data["names"] == ["examplamide", "Examplo"]


def test_invalid_yaml_is_never_cached_and_still_reported_at_its_line(cache_folder, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("id: x\nnames: [a, b\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataError) as error:
            YamlFile(path)
        assert error.value.line is not None
    assert cached_files(cache_folder) == []


def test_an_empty_setting_turns_the_cache_off(monkeypatch, tmp_path):
    monkeypatch.setenv("DRUGLINT_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    assert datacache.cache_dir() is None
    assert YamlFile(tmp_path / "x.yaml", PROFILE_TEXT).data["id"] == "examplamide"
    assert list(tmp_path.iterdir()) == []


def test_a_cache_that_cannot_be_written_is_skipped(monkeypatch, tmp_path):
    blocker = tmp_path / "a-file-not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("DRUGLINT_CACHE_DIR", str(blocker / "cache"))
    assert YamlFile(tmp_path / "x.yaml", PROFILE_TEXT).data["id"] == "examplamide"


def test_a_comment_only_file_reads_as_nothing_from_parse_or_cache(cache_folder, tmp_path):
    for _ in range(2):
        file = YamlFile(tmp_path / "empty.yaml", "# nothing here\n")
        assert file.data is None
        assert file.line_of(("id",)) is None


plain_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text() | st.dates(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20)


@settings(max_examples=60, deadline=None)
@given(values=plain_values)
def test_cached_values_equal_parsed_values(values):
    text = yaml.safe_dump({"values": values})
    folder = datacache.cache_dir()
    assert folder is not None  # the test run's own cache folder (conftest)
    parsed = YamlFile("generated.yaml", text).data
    assert YamlFile("generated.yaml", text).data == parsed == {"values": values}


def _load_reference_from(rules):
    from lint.knowledge import reference
    reference._load_reference.cache_clear()
    try:
        return reference.load_reference((str(rules),))
    finally:
        reference._load_reference.cache_clear()


def _extra_profile(tmp_path, daily_max):
    from test_reference import GOOD  # a minimal valid profile
    rules = tmp_path / "extra"
    rules.mkdir(exist_ok=True)
    text = GOOD.replace("id: demo", "id: examplamide").replace("daily_mg: 10", f"daily_mg: {daily_max}")
    (rules / "examplamide.yaml").write_text(text, encoding="utf-8")
    return rules


def test_the_whole_reference_is_rebuilt_from_the_cache_equal_to_a_fresh_build(cache_folder, tmp_path, monkeypatch):
    from lint.knowledge.reference import REFERENCE_CLASSES, Reference, _reference_cache_key, rules_dir
    rules = _extra_profile(tmp_path, 40)
    built = _load_reference_from(rules)
    key = _reference_cache_key(sorted((rules_dir() / "drugs").glob("*.yaml")) + [rules / "examplamide.yaml"]
                               + sorted((rules_dir() / "conditions").glob("*.yaml")))
    assert isinstance(datacache.load(key, REFERENCE_CLASSES), Reference)  # stored whole
    entries = len(cached_files(cache_folder))
    cached = _load_reference_from(rules)
    assert isinstance(cached, Reference) and cached is not built
    assert cached == built
    assert len(cached_files(cache_folder)) == entries  # read back, nothing new written
    monkeypatch.setenv("DRUGLINT_CACHE_DIR", "")
    assert _load_reference_from(rules) == cached


def test_an_edited_profile_rebuilds_the_reference(cache_folder, tmp_path):
    rules = _extra_profile(tmp_path, 40)
    assert _load_reference_from(rules).profiles["examplamide"].doses[0].max["daily_mg"] == 40
    _extra_profile(tmp_path, 20)
    assert _load_reference_from(rules).profiles["examplamide"].doses[0].max["daily_mg"] == 20


def test_a_cached_reference_holding_another_class_is_refused(cache_folder, tmp_path):
    rules = _extra_profile(tmp_path, 40)
    _load_reference_from(rules)
    for entry in cached_files(cache_folder):
        entry.write_bytes(pickle.dumps({"profiles": os.system}))
    assert _load_reference_from(rules).profiles["examplamide"].doses[0].max["daily_mg"] == 40
