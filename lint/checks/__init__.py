"""The checks: one module per rule, each with its id, severity and documentation at the top
and a `check(claims, reference)` function that returns findings. House rules from the
packs (lint/packs.py) run through `house_rules.check` and are documented alongside."""
from __future__ import annotations

from types import ModuleType
from typing import Any

from lint import suppress
from lint.checks import dose_out_of_range, missing_warning, unlabeled_indication, unknown_drug

RULES: dict[str, ModuleType] = {module.ID: module for module in
                                (missing_warning, unlabeled_indication, dose_out_of_range, unknown_drug)}
DOCUMENTED: dict[str, ModuleType] = {**RULES, suppress.ID: suppress}


def documented(rule_dirs: tuple[str, ...] = ()) -> dict[str, Any]:
    """Every rule an editor can name: the built-in ones, then the packs' rules (the shipped
    packs plus those in rule_dirs). A pack rule may not reuse a built-in id."""
    from lint.packs import pack_rules
    from lint.yamlfile import DataError
    rules = pack_rules(rule_dirs)
    for rule in rules.values():
        if rule.id in DOCUMENTED:
            raise DataError(rule.path, f"rule id '{rule.id}' is a built-in rule; choose another id",
                            line=rule.line, field="id")
    return {**DOCUMENTED, **rules}


def explain(rule_id: str, rule_dirs: tuple[str, ...] = ()) -> str:
    """The documentation of a rule, as `druglint explain` prints it."""
    module = documented(rule_dirs)[rule_id]
    return f"{module.ID} ({module.SEVERITY})\n\n{module.SUMMARY}\n\n{module.EXPLANATION.strip()}\n"
