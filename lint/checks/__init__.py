"""The rules: one module per built-in rule (its id, severity and documentation at the top,
a `RULE` at the bottom), house rules from the packs behind the same `Rule` protocol
(lint/checks/rule.py), and the registry that lists them all."""
from __future__ import annotations

from lint.checks import dose_out_of_range, missing_warning, unknown_drug, unlabeled_indication, unused_suppression
from lint.checks.rule import BuiltinRule, Rule
from lint.checks.rule import explain as render_explanation

BUILTIN_RULES: dict[str, BuiltinRule] = {rule.id: rule for rule in (
    missing_warning.RULE, unlabeled_indication.RULE, dose_out_of_range.RULE, unknown_drug.RULE,
    unused_suppression.RULE)}


def all_rules(rule_dirs: tuple[str, ...] = ()) -> dict[str, Rule]:
    """Every rule an editor can name: the built-in ones, then the packs' rules (the shipped
    packs plus those in rule_dirs). A pack rule may not reuse a built-in id."""
    from lint.checks.house_rules import HouseRule
    from lint.knowledge.packs import pack_rules
    from lint.knowledge.yamlfile import DataError
    rules: dict[str, Rule] = dict(BUILTIN_RULES)
    for pack_rule in pack_rules(rule_dirs).values():
        if pack_rule.id in BUILTIN_RULES:
            raise DataError(pack_rule.path, f"rule id '{pack_rule.id}' is a built-in rule; choose another id",
                            line=pack_rule.line, field="id")
        rules[pack_rule.id] = HouseRule(pack_rule, tuple(rule_dirs))
    return rules


def explain(rule_id: str, rule_dirs: tuple[str, ...] = ()) -> str:
    """The documentation of a rule, as `druglint explain` prints it."""
    return render_explanation(all_rules(rule_dirs)[rule_id])
