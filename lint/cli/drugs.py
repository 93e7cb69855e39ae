"""`druglint drugs`: list the drugs druglint has reference profiles for, or show one."""
from __future__ import annotations

import json
import sys

import click

from lint.cli.options import EXIT_ERROR, profiles_option

FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default=None,
                      help="Output format: text (default) or json.")


@click.group(invoke_without_command=True)
@FORMAT
@profiles_option
@click.pass_context
def drugs(ctx: click.Context, fmt: str | None, profile_dirs: tuple[str, ...]) -> None:
    """List the drugs with a reference profile: id, generic name, brands, label revision.

    \b
    Examples:
      druglint drugs
      druglint drugs show klonopin
      druglint drugs --profiles my-profiles/ --format json
    """
    ctx.obj = {"fmt": fmt, "profile_dirs": tuple(profile_dirs)}
    if ctx.invoked_subcommand is not None:
        return
    from lint.knowledge.catalog import render_list, summary
    from lint.knowledge.reference import load_reference

    profiles = sorted(load_reference(tuple(profile_dirs)).profiles.values(), key=lambda p: p.id)
    if fmt == "json":
        click.echo(json.dumps({"drugs": [summary(p) for p in profiles]}, indent=2, ensure_ascii=False))
    else:
        click.echo(render_list(profiles), nl=False)


@drugs.command()
@click.argument("name")
@FORMAT
@profiles_option
@click.pass_context
def show(ctx: click.Context, name: str, fmt: str | None, profile_dirs: tuple[str, ...]) -> None:
    """Show one drug's profile; NAME is its generic or brand name (any case)."""
    from lint.knowledge.catalog import close_matches, find_profile, profile_dict, render_profile
    from lint.knowledge.reference import load_reference

    fmt = fmt or ctx.obj["fmt"]
    reference = load_reference(ctx.obj["profile_dirs"] + tuple(profile_dirs))
    profile = find_profile(reference, name)
    if profile is None:
        near = close_matches(reference, name)
        hint = f"close matches: {', '.join(near)}" if near else "see `druglint drugs` for the list"
        click.echo(f"druglint: unknown drug '{name}'; {hint}", err=True)
        sys.exit(EXIT_ERROR)
    if fmt == "json":
        click.echo(json.dumps(profile_dict(profile), indent=2, ensure_ascii=False))
    else:
        click.echo(render_profile(profile), nl=False)
