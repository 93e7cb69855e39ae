"""Refactorings change no finding: the fixtures' JSON report equals the snapshot."""
from __future__ import annotations

from snapshot import SNAPSHOT, current_report


def test_fixture_findings_equal_the_snapshot():
    expected = SNAPSHOT.read_text(encoding="utf-8")
    actual = current_report()
    assert actual == expected, "findings changed: if intended, run `python tests/snapshot.py --update`"
