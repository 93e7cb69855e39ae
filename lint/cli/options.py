"""What the commands share: exit statuses and the options several commands take."""
from __future__ import annotations

import click

EXIT_OK = 0  # nothing at or above the threshold
EXIT_FINDINGS = 1  # findings (check), failing self-tests or pack cases (profile check, rules test)
EXIT_ERROR = 2  # a usage, input or data-file error

profiles_option = click.option(
    "--profiles", "profile_dirs", multiple=True, type=click.Path(file_okay=False),
    help="Extra folder of drug profiles, with its conditions/ lexicon (adds to or overrides the shipped ones).")
rules_option = click.option(
    "--rules", "rule_dirs", multiple=True, type=click.Path(exists=True),
    help="Extra folder (or file) of house-rule packs; the shipped packs always run (repeatable).")
