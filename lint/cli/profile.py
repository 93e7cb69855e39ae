"""`druglint profile`: draft a reference profile from an openFDA label record, and check
profile files (validation, then self-tests generated from the profile itself)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from lint.cli.options import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, profiles_option


@click.group()
def profile() -> None:
    """Draft, validate and self-test drug reference profiles.

    \b
    Examples:
      druglint profile import label.json -o venlafaxine.yaml
      druglint profile check venlafaxine.yaml
      druglint profile check rules/drugs/*.yaml
      druglint profile diff first-reading.yaml rules/drugs/venlafaxine.yaml
    """


@profile.command("import")
@click.argument("label", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the draft to this file (default: standard output).")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@profiles_option
def import_label(label: str, output: str | None, force: bool, profile_dirs: tuple[str, ...]) -> None:
    """Draft a profile from an openFDA drug/label record (LABEL.json: one record, or an API
    response with "results"). Every value a human must check is marked REVIEW."""
    from lint.authoring.importer import draft_profile, read_label

    draft = draft_profile(read_label(label), tuple(profile_dirs))
    if output is None:
        click.echo(draft.text, nl=False)
        return
    target = Path(output)
    if target.exists() and not force:
        click.echo(f"druglint: {output} exists; use --force to overwrite it", err=True)
        sys.exit(EXIT_ERROR)
    target.write_text(draft.text, encoding="utf-8")
    click.echo(f"{output}: draft profile '{draft.id}' with {draft.review_count} REVIEW markers; "
               f"next: druglint profile check {output}", err=True)
    if target.stem != draft.id:
        click.echo(f"druglint: note: the file name must be {draft.id}.yaml (or change its id)", err=True)


@profile.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def check_profiles(files: tuple[str, ...]) -> None:
    """Validate profiles and run the self-tests generated from each: its labeled uses,
    stated as uses, raise no unlabeled-indication; its dose limits, stated as doses, raise
    no dose-out-of-range, and three times them do; each mention pattern of a required
    warning counts as mentioning it.

    Exit status: 0 all pass, 1 a self-test failed, 2 a file is invalid.
    """
    from lint.authoring.profile_check import check_files

    checks = check_files(list(files))
    for check in checks:
        if check.error is not None:
            click.echo(f"druglint: {check.error}", err=True)
            continue
        for outcome in check.failures:
            test = outcome.test
            click.echo(f"{check.path}: self-test failed: {test.kind} {test.subject} ({test.detail}): "
                       f"\"{test.text}\" -> {outcome.detail}")
        passed = len(check.outcomes) - len(check.failures)
        summary = f"{check.path}: {passed} of {len(check.outcomes)} self-tests passed"
        if check.review_markers:
            summary += f"; draft: {check.review_markers} REVIEW markers left"
        click.echo(summary)
    if any(c.error for c in checks):
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if any(c.failures for c in checks) else EXIT_OK)


@profile.command("diff")
@click.argument("first", type=click.Path(dir_okay=False, exists=True))
@click.argument("second", type=click.Path(dir_okay=False, exists=True))
def diff_command(first: str, second: str) -> None:
    """Compare two readings of one label (FIRST and SECOND profiles of the same drug) fact
    by fact: brands, schedule, indications, required warnings and dose limits. Each line is
    a difference to settle on the label and record in the profile's notes.

    Exit status: 0 the readings agree, 1 they differ, 2 a file is invalid.
    """
    from lint.authoring.profile_diff import diff_profiles
    from lint.knowledge.reference import load_profile

    differences = diff_profiles(load_profile(first), load_profile(second))
    for difference in differences:
        click.echo(str(difference))
    click.echo(f"{len(differences)} differences between {first} and {second}")
    sys.exit(EXIT_FINDINGS if differences else EXIT_OK)
