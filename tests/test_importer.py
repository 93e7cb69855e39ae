"""Drafting profiles from openFDA drug/label records (lint/importer.py), on the label-shaped
records in fixtures/openfda/."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from lint.linter import Linter, LinterConfig
from lint.authoring.importer import _subsections, draft_mentions, draft_profile, heading_length, q, read_label
from lint.knowledge.reference import load_profile, parse_mention
from lint.knowledge.yamlfile import DataError

OPENFDA = Path(__file__).resolve().parent.parent / "fixtures" / "openfda"


def draft(name: str, folder: Path):
    """Draft a fixture record and write it where a profile folder expects it."""
    result = draft_profile(read_label(OPENFDA / name))
    path = folder / f"{result.id}.yaml"
    path.write_text(result.text, encoding="utf-8")
    return result, path, yaml.safe_load(result.text)


@pytest.mark.parametrize("name, profile_id", [("venlafaxine-er-capsules.json", "venlafaxine"),
                                              ("hydromorphone-tablets.json", "hydromorphone"),
                                              ("naproxen-sodium-otc.json", "naproxen")])
def test_draft_loads_as_is_and_marks_what_needs_review(tmp_path, name, profile_id):
    result, path, _ = draft(name, tmp_path)
    profile = load_profile(path)
    assert result.id == profile.id == profile_id
    assert profile.indications and profile.warnings and profile.doses
    assert all(d.silent for d in profile.doses)  # quiet on doses until a human sets numbers
    lines = result.text.splitlines()
    for key in ("id:", "  brands:", "controlled:", "    strengths_mg:"):
        assert "# REVIEW" in next(line for line in lines if line.startswith(key))
    assert all(i.fact.startswith("REVIEW:") for i in profile.indications)
    assert all(w.suggestion.startswith("REVIEW:") for w in profile.warnings)


def test_prescription_label_names_uses_warning_and_doses(tmp_path):
    _, _, data = draft("venlafaxine-er-capsules.json", tmp_path)
    assert data["names"] == {"generic": "venlafaxine", "brands": ["Effexor XR"],
                             "other": ["venlafaxine hydrochloride"], "misspellings": []}
    assert data["rx_only"] is True and data["controlled"] is None
    assert data["sources"]["label"]["revised"] == "2023-10-30"
    assert data["products"][0]["strengths_mg"] == [37.5, 75, 150]
    conditions = [c for ind in data["indications"] for c in ind["conditions"]]
    assert conditions == ["major-depressive-disorder", "generalized-anxiety-disorder", "social-anxiety-disorder",
                          "panic-disorder", "agoraphobia"]  # "(PD)" abbreviates panic disorder: no new use
    boxed = [w for w in data["warnings"] if w["kind"] == "boxed"]
    assert [(w["id"], w["required"]) for w in boxed] == [("suicidal-thoughts-behaviors", True)]
    assert boxed[0]["mentions"] == ["suicid + thought"]
    assert "[see" not in boxed[0]["fact"]  # cross-references are dropped
    panic = next(d for d in data["doses"] if d.get("indication") == "panic-disorder")
    assert panic["section"] == "Dosage and Administration: Panic Disorder"
    assert panic["notes"][0] == {"label": "Start at 37.5 mg per day for 7 days, then raise the dose to 75 mg per day.",
                                 "parsed": ["initial 37.5 mg/day", "target 75 mg/day"]}
    hepatic = next(d for d in data["doses"] if d["population"] == "hepatic")
    assert hepatic["notes"] == [{"label": "In mild to moderate hepatic impairment, lower the total daily dose by 50%.",
                                 "parsed": []}]


def test_boxed_warning_topics_are_split_and_limitations_are_not_uses(tmp_path):
    result, _, data = draft("hydromorphone-tablets.json", tmp_path)  # an API response: {"results": [...]}
    boxed = [w["id"] for w in data["warnings"] if w["kind"] == "boxed"]
    assert boxed == ["addiction-abuse-misuse", "respiratory-depression", "accidental-ingestion",
                     "neonatal-opioid-withdrawal-syndrome", "benzodiazepines-cns-depressants"]
    topics = {w["id"]: w for w in data["warnings"]}
    assert "children" in topics["accidental-ingestion"]["fact"]
    assert topics["benzodiazepines-cns-depressants"]["mentions"] == ["benzodiazepine", "cns + depressant"]
    ids = [w["id"] for w in data["warnings"]]
    assert len(ids) == len(set(ids))
    assert "adrenal-insufficiency" in ids and "life-threatening-respiratory-depression" not in ids
    assert "repeats the boxed topic respiratory-depression" in result.text
    assert data["controlled"] == "C-II" and data["names"]["brands"] == ["Dilaudid"]
    assert [i["conditions"] for i in data["indications"]] == [["pain"]]
    assert "not drafted: opioid use disorder (opioid-" in result.text
    start = next(d for d in data["doses"] if d["id"] == "initial-dosage")
    assert start["notes"][0]["parsed"] == ["initial 2-4 mg, 4-6 times a day"]


def test_otc_drug_facts_label(tmp_path):
    _, _, data = draft("naproxen-sodium-otc.json", tmp_path)
    assert data["rx_only"] is False and data["products"][0]["otc"] is True
    assert data["names"]["brands"] == [] and data["names"]["other"] == ["naproxen sodium"]
    conditions = {c for ind in data["indications"] for c in ind["conditions"]}
    assert {"pain", "headache", "toothache", "back-pain", "dysmenorrhea", "fever"} <= conditions
    assert [w["topic"] for w in data["warnings"]] == ["Allergy", "Stomach bleeding", "Heart attack and stroke"]
    directions = data["doses"][0]["notes"][0]
    assert "take 1 tablet every 8 to 12 hours" in directions["label"] and directions["parsed"] == []


def test_a_draft_checks_uses_but_stays_quiet_on_doses(tmp_path):
    draft("venlafaxine-er-capsules.json", tmp_path)
    linter = Linter(LinterConfig(profile_dirs=(str(tmp_path),)))
    report = linter.lint_text("a.txt", "Effexor XR is used to treat insomnia. Adults can take up to 900 mg a day.")
    assert report.drugs == ["venlafaxine"]
    rules = {f.rule: f.subject for f in report.findings}
    assert rules.get("unlabeled-indication") == "insomnia" and "dose-out-of-range" not in rules


def test_label_files_that_are_not_records(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"results": [', encoding="utf-8")
    with pytest.raises(DataError, match="invalid JSON"):
        read_label(broken)
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps({"results": []}), encoding="utf-8")
    with pytest.raises(DataError, match="no label record"):
        read_label(empty)
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"drug": "x"}), encoding="utf-8")
    with pytest.raises(DataError, match="not an openFDA drug/label record"):
        read_label(other)


def test_headings_of_flattened_label_text():
    assert heading_length("Panic Disorder Start at 37.5 mg per day.") == len("Panic Disorder")
    assert heading_length("Elevated Blood Pressure EFFEXOR XR can raise blood pressure.") == len("Elevated Blood Pressure")
    assert heading_length("Dosage in Patients with Hepatic Impairment In mild impairment, lower it.") == \
        len("Dosage in Patients with Hepatic Impairment")
    assert heading_length("Take one capsule a day with food.") == 0


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_yaml_scalars_round_trip(value):
    assert yaml.safe_load(f"key: {q(value)}  # REVIEW")["key"] == value


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["2.1", "2.12", "Panic", "Disorder", "start", "at", "37.5", "mg", "(5.1)", "The",
                                 "dose", ".", "EFFEXOR", "and", "1.1", "in"]), max_size=30).map(" ".join))
def test_subsections_cover_the_text_in_order(text):
    parts = _subsections(text)
    assert parts[-1].end == len(text)
    previous_end = 0
    for part in parts:
        assert re.fullmatch(r"(?:\s*\d{1,2}\.\d{1,2}\s+)?", text[previous_end:part.head_start])
        assert part.head_start <= part.start <= part.end
        assert text[part.head_start:part.start].strip() == part.heading
        previous_end = part.end


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(categories=["L", "Zs"], include_characters=",;-()"), max_size=80))
def test_drafted_mention_patterns_parse(name):
    for pattern in draft_mentions(name):
        groups = parse_mention(pattern)
        assert groups and all(all(alt and alt == alt.strip() for alt in group) for group in groups)


LABEL_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=120) | st.sampled_from(
    ["WARNING: RISK A; and RISK B Risk A text. Risk B text.", "1.1 Panic Disorder used for panic disorder.",
     "2.1 Adults Take 5 mg twice a day. The maximum is 40 mg per day.", "• Item one • Item two"])


@settings(max_examples=40, deadline=None)
@given(st.fixed_dictionaries({"indications_and_usage": LABEL_TEXT, "boxed_warning": LABEL_TEXT,
                              "contraindications": LABEL_TEXT, "warnings": LABEL_TEXT,
                              "dosage_and_administration": LABEL_TEXT, "brand": LABEL_TEXT}))
def test_any_record_drafts_a_profile_that_loads(tmp_path_factory, fields):
    record = {key: [value] for key, value in fields.items() if key != "brand"}
    record["openfda"] = {"generic_name": ["TESTAMINE HYDROCHLORIDE"], "brand_name": [fields["brand"]]}
    result = draft_profile(record)
    path = tmp_path_factory.mktemp("draft") / f"{result.id}.yaml"
    path.write_text(result.text, encoding="utf-8")
    profile = load_profile(path)
    assert profile.id == "testamine" and profile.generic == "testamine"
