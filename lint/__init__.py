"""druglint: a content quality and accuracy linter for consumer articles about medicines.

The packages follow the data flow: `readers` (bytes -> Document), `nlp` (Document -> spaCy
Doc), `claims` (Doc -> claims), `checks` (claims -> findings, one rule per module),
`report` (findings -> text, JSON, SARIF, ...); `model` holds the shared data types,
`knowledge` loads and validates everything under `rules/`, `workflow` wraps a run (files,
configuration, baselines, suppressions, jobs), `authoring` serves profile and pack
writers, and `cli` is the command line. The Python API is `Linter`:

    from lint import Linter
    report = Linter().lint_text("draft.md", text)
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Linter", "LinterConfig", "__version__"]

if TYPE_CHECKING:
    from lint.linter import Linter, LinterConfig


def __getattr__(name: str) -> Any:
    """`Linter` and `LinterConfig` load spaCy, so they are imported on first use only
    (`druglint --help` stays fast)."""
    if name in ("Linter", "LinterConfig"):
        from lint import linter
        return getattr(linter, name)
    raise AttributeError(f"module 'lint' has no attribute {name!r}")
