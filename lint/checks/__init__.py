"""The checks: one module per rule, each with its id, severity and documentation at the top
and a `check(claims, reference)` function that returns findings."""
from __future__ import annotations

from types import ModuleType

from lint import suppress
from lint.checks import dose_out_of_range, missing_warning, unlabeled_indication, unknown_drug

RULES: dict[str, ModuleType] = {module.ID: module for module in
                                (missing_warning, unlabeled_indication, dose_out_of_range, unknown_drug)}
DOCUMENTED: dict[str, ModuleType] = {**RULES, suppress.ID: suppress}


def explain(rule_id: str) -> str:
    """The documentation of a rule, as `druglint explain` prints it."""
    module = DOCUMENTED[rule_id]
    return f"{module.ID} ({module.SEVERITY})\n\n{module.SUMMARY}\n\n{module.EXPLANATION.strip()}\n"
