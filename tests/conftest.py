"""Shared helpers: lint fixture articles through the real engine."""
from __future__ import annotations

from pathlib import Path

import pytest

from lint import Linter, LinterConfig

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def lint_fixture():
    def run(name: str):
        path = FIXTURES / name
        return Linter.for_config(LinterConfig()).lint_text(str(path), path.read_text(encoding="utf-8"))
    return run


@pytest.fixture
def lint_string():
    def run(text: str, name: str = "article.txt"):
        return Linter.for_config(LinterConfig()).lint_text(name, text)
    return run


def findings_of(report, rule):
    return [f for f in report.findings if f.rule == rule]
