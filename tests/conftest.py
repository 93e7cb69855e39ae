"""Shared helpers: lint fixture articles through the real engine."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from lint import Linter, LinterConfig

# Parsed rule files are cached in a folder of this test run, never in the user's own cache
# (subprocesses that run the CLI inherit it).
os.environ["DRUGLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="druglint-test-cache-")

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


def without_root_permission_override() -> tuple[str, ...] | None:
    """A command prefix under which file permissions hold (a chmod 000 file is unreadable, a
    read-only folder unwritable): none needed for a normal user; for root, setpriv dropping
    the capabilities that let root read and write anything. None when that is impossible."""
    import os
    import shutil
    import subprocess
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    prefix = (setpriv, "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search")
    probe = subprocess.run([*prefix, "true"], capture_output=True, check=False)
    return prefix if probe.returncode == 0 else None
