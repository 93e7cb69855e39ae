"""The behavioural suite (tests/behaviour): no capability may pass fewer cases than its
recorded floor, for flagged and for quiet cases apart, so a change that loses recall or
precision on any capability fails here. Raise the floors with `run.py --floors` when a
change passes more."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "behaviour"))
import run as behaviour  # noqa: E402

RATES = behaviour.pass_rates(behaviour.run(behaviour.load_cases()))
FLOORS = json.loads(behaviour.FLOORS.read_text(encoding="utf-8"))


def test_every_capability_has_cases_of_both_kinds():
    assert set(RATES) == set(FLOORS)
    for capability, (_, flagged, _, quiet) in RATES.items():
        assert flagged >= 5 and quiet >= 5, capability


@pytest.mark.parametrize("capability", sorted(FLOORS))
def test_no_capability_falls_below_its_floor(capability):
    flagged_passed, _, quiet_passed, _ = RATES[capability]
    floor = FLOORS[capability]
    assert flagged_passed >= floor["flagged"], f"{capability}: fewer flagged cases found than before"
    assert quiet_passed >= floor["quiet"], f"{capability}: more false alarms than before"
