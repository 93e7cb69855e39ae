"""`druglint rules`: list every rule (built-in and from the house-rule packs) and run a
pack's own test cases with `druglint rules test PACK`."""
from __future__ import annotations

import sys

import click

from lint.cli.options import EXIT_FINDINGS, profiles_option, rules_option


@click.group(invoke_without_command=True)
@rules_option
@click.pass_context
def rules(ctx: click.Context, rule_dirs: tuple[str, ...]) -> None:
    """List the rules with their pack, severity and summary.

    `druglint rules test PACK` runs a pack's test cases.
    """
    if ctx.invoked_subcommand is not None:
        return
    from lint.checks import all_rules
    for rule_id, rule in all_rules(tuple(rule_dirs)).items():
        pack = getattr(rule, "pack", "built-in")
        click.echo(f"{rule_id:28} {pack:10.10} {rule.severity:10.10} {rule.summary}")


@rules.command("test")
@click.argument("pack")
@rules_option
@profiles_option
def test_pack(pack: str, rule_dirs: tuple[str, ...], profile_dirs: tuple[str, ...]) -> None:
    """Run a pack's test cases: every `hits` text must trigger its rule, every `clean` text
    must not. PACK is a pack name (shipped, or in a --rules folder) or a pack file.

    Exit status: 0 all passed, 1 a case failed, 2 the pack is broken.
    """
    from lint.authoring.pack_tests import run_pack_tests
    from lint.knowledge.packs import find_pack
    found = find_pack(pack, tuple(rule_dirs))
    results = run_pack_tests(found, tuple(rule_dirs), tuple(profile_dirs))
    for result in results:
        if not result.passed:
            where = f"{found.path}:{result.case.line}" if result.case.line else found.path
            text = " ".join(result.case.text.split())
            click.echo(f"FAIL {result.rule} {result.expect} {result.number} ({where}): {result.problem}\n"
                       f"     text: {text[:160]}")
    untested = [rule.id for rule in found.rules if not rule.hits or not rule.clean]
    if untested:
        click.echo(f"rules without both hits and clean cases: {', '.join(untested)}")
    failed = sum(1 for r in results if not r.passed)
    if failed:
        click.echo(f"pack {found.name}: {failed} of {len(results)} test cases failed")
        sys.exit(EXIT_FINDINGS)
    click.echo(f"pack {found.name}: all {len(results)} test cases passed")
