"""The druglint command line: click commands that wire readers, engine and reports.

Heavy modules (spaCy, the pipeline) are imported inside the commands that need them, so
`druglint --help` and `--version` stay fast.
"""
from __future__ import annotations

import functools
import gc
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from lint import __version__
from lint.cli import drugs as drugs_cli
from lint.cli import profile as profile_cli
from lint.cli import rules as rules_cli
from lint.cli import serve as serve_cli
from lint.cli.options import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, profiles_option, rules_option
from lint.readers import TEXT_FORMATS
from lint.report import FORMATS
from lint.report.text import COLOR_CHOICES, OUTPUT_FORMATS

SEVERITY_CHOICES = ["info", "warning", "error", "never"]
CLI_GC_THRESHOLD = 50_000  # allocations between young-object collections (Python's default: 700)


class ColorChoice(click.Choice):
    """`--color WHEN`; a bare `--color` followed by a path took the path as WHEN: say how to write it."""

    def convert(self, value, param, ctx):
        if isinstance(value, str) and value not in self.choices:
            self.fail(f"{value!r} is not one of {', '.join(map(repr, self.choices))} (a bare --color means "
                      f"always: write --color=always or --color always before the paths)", param, ctx)
        return super().convert(value, param, ctx)


class DruglintGroup(click.Group):
    """Turns a data-file error anywhere into a one-line message and exit code 2."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run the command with the collector tuned for a batch run: it starts a young-object
        pass every CLI_GC_THRESHOLD allocations, not every 700, while spaCy and the rules load
        millions of long-lived objects; at the end every object is taken off its lists, since
        its last walk over the models and profiles would add a quarter of a second to a run."""
        gc.set_threshold(CLI_GC_THRESHOLD, *gc.get_threshold()[1:])
        try:
            return super().main(*args, **kwargs)
        finally:
            gc.freeze()

    def invoke(self, ctx):
        from lint.knowledge.yamlfile import DataError
        from lint.report.text import visible
        try:
            return super().invoke(ctx)
        except DataError as error:
            click.echo(f"druglint: {visible(str(error))}", err=True)
            sys.exit(EXIT_ERROR)


def _check_stdin_filename(name: str, paths: tuple[str, ...]) -> None:
    """--stdin-filename names the article read from '-': refuse it without '-' or for a
    format that is not text (a Word draft must be given by its path)."""
    from lint.readers import reader_for
    if "-" not in paths:
        raise click.BadParameter("it names the article read from '-'; give '-' as a path", param_hint="--stdin-filename")
    if reader_for(name).extract is not None:
        raise click.BadParameter(f"{name}: only text formats (.txt, .md, .html) can be read from standard input",
                                 param_hint="--stdin-filename")


class Terminated(BaseException):
    """SIGTERM, raised in the main thread so that workers are stopped and temporary files removed
    (a BaseException: no `except Exception` may take it for a failing article)."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated


def stops_cleanly(command: Callable[..., Any]) -> Callable[..., Any]:
    """Ctrl-C exits 130 and SIGTERM 143, each with one line on stderr and no traceback, after
    the command's workers are stopped (they unwind through the command's `finally` blocks)."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        in_main_thread = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGTERM, _raise_terminated) if in_main_thread else None
        try:
            return command(*args, **kwargs)
        except KeyboardInterrupt:
            click.echo("druglint: interrupted", err=True)
            sys.exit(128 + signal.SIGINT)
        except Terminated:
            click.echo("druglint: terminated", err=True)
            sys.exit(128 + signal.SIGTERM)
        finally:
            if in_main_thread:
                signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
    return run


@click.group(cls=DruglintGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="druglint")
def main() -> None:
    """Check consumer articles about medicines against FDA label facts.

    \b
    Examples:
      druglint check article.md                 lint one article
      druglint check content/ --format json     lint a folder, JSON report
      druglint explain missing-warning          what a rule checks and why
      druglint drugs                            the drugs druglint knows
    """


@contextmanager
def _report_sink(output: str | None, live: bool, color: bool) -> Iterator[Callable[[str], Any]]:
    """Where the report is written, piece by piece: into the --output file (atomically, when
    the run ends), else to standard output at once, or at the end when a progress bar is
    drawn on the same terminal (`live` false)."""
    from lint.report.output import atomic_file
    if output:
        with atomic_file(output) as handle:
            yield handle.write
        return
    held: list[str] = []
    yield (lambda text: click.echo(text, nl=False, color=color or None)) if live else held.append
    if held:
        click.echo("".join(held), nl=False, color=color or None)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              default="text", show_default=True, help="Report format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write the report to this file (atomically) and print only a one-line summary.")
@click.option("--fail-on", type=click.Choice(SEVERITY_CHOICES), default=None,
              help="Exit 1 when a finding has at least this severity [default: config, else error].")
@profiles_option
@click.option("--disable", "disabled", multiple=True, help="Turn a rule off (repeatable).")
@click.option("--select", "selected", multiple=True, metavar="RULE",
              help="Run only this rule (repeatable); the others are off.")
@click.option("--min-severity", type=click.Choice(SEVERITY_CHOICES[:-1]), default=None,
              help="Hide findings below this severity (the exit status still follows --fail-on).")
@rules_option
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
              help="Use this config file instead of finding .druglint.yaml upward.")
@click.option("--baseline", type=click.Path(dir_okay=False, exists=True),
              help="Report only findings that this baseline file does not record.")
@click.option("--write-baseline", type=click.Path(dir_okay=False),
              help="Record today's findings in this file (then use --baseline).")
@click.option("--stdin-format", type=click.Choice(TEXT_FORMATS), default="text",
              show_default=True, help="Format of an article read from '-' (standard input).")
@click.option("--force-exclude", is_flag=True,
              help="Apply the configuration's exclude globs to files named on the command line too "
                   "(as pre-commit names every changed file).")
@click.option("--stdin-filename", metavar="NAME", default=None,
              help="The file name of the article read from '-': reports show it, its suffix picks the "
                   "format (over --stdin-format) and its folder the configuration (for editors and CMSs).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Lint in this many processes (a library audit: use the number of cores).")
@click.option("--stats", is_flag=True, help="Print finding counts per rule and per drug at the end.")
@click.option("--output-format", type=click.Choice(OUTPUT_FORMATS), default="full", show_default=True,
              help="Text report: full (quoted lines, carets, suggestions) or concise (one line per finding).")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary line (and errors).")
@click.option("--color", type=ColorChoice(COLOR_CHOICES), is_flag=False, flag_value="always", default="auto",
              show_default=True, help="Colour the text report; auto: on a terminal, unless NO_COLOR is set "
              "(FORCE_COLOR forces it). A bare --color means always.")
@click.option("--no-color", "no_color", is_flag=True, help="Same as --color never.")
@stops_cleanly
def check(paths, fmt, fail_on, profile_dirs, disabled, selected, min_severity, rule_dirs, config_path, baseline,
          write_baseline, stdin_format, force_exclude, stdin_filename, jobs, stats, output_format, quiet, color,
          no_color, output) -> None:
    """Lint articles (.txt, .md, .html): files, folders, or '-' for standard input.

    Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error.
    """
    from lint.report.output import why_not_write
    from lint.report.stream import ReportWriter
    from lint.report.text import DEFAULT_WIDTH, TextOptions, summary_text, use_color, visible
    from lint.workflow.baseline import read_baseline
    from lint.workflow.baseline import write_baseline as record_baseline
    from lint.workflow.inputs import MAX_TEXT_BYTES
    from lint.workflow.run import CheckRequest, known_rules, plan, run_check
    from lint.workflow.triage import Triage

    paths = paths or (".",)  # as other linters do: no path checks the current folder
    if stdin_filename is not None:
        _check_stdin_filename(stdin_filename, paths)
    rules = known_rules(tuple(rule_dirs))
    for option, named in (("--disable", disabled), ("--select", selected)):
        unknown = [r for r in named if r not in rules]
        if unknown:
            raise click.BadParameter(f"unknown rule {', '.join(unknown)} (see `druglint rules`)", param_hint=option)
    if selected:
        disabled = tuple(disabled) + tuple(sorted(rules - set(selected)))
    request = CheckRequest(paths=tuple(paths), fail_on=fail_on, profile_dirs=tuple(profile_dirs),
                           disabled=frozenset(disabled), stdin_format=stdin_format, config_path=config_path,
                           stdin_bytes=sys.stdin.buffer.read(MAX_TEXT_BYTES + 1) if "-" in paths else None,
                           rule_dirs=tuple(rule_dirs), stdin_filename=stdin_filename, force_exclude=force_exclude)
    planned = plan(request)
    files = planned[0]
    if not files and not quiet:
        click.echo(f"druglint: no articles (.txt, .md, .html, .docx) found in {', '.join(map(visible, paths))}",
                   err=True)
    refusal = why_not_write(output, (path for path, _ in files if path != "-")) if output else None
    if refusal:
        click.echo(f"druglint: cannot write {visible(output)}: {visible(refusal)}", err=True)
        sys.exit(EXIT_ERROR)
    show_progress = sys.stderr.isatty() and len(files) > 1 and not quiet
    colored = use_color("never" if no_color else color, sys.stdout.isatty()) and not output
    triage = Triage(selected=frozenset(selected), record=bool(write_baseline), min_severity=min_severity,
                    baseline=read_baseline(baseline) if baseline else None, baseline_path=baseline or ".")
    text_options = TextOptions(output_format=output_format, quiet=quiet, width=DEFAULT_WIDTH if output else None)
    try:
        with _report_sink(output, live=not (show_progress and sys.stdout.isatty()), color=colored) as write:
            writer = ReportWriter(fmt, write, color=colored, text_options=text_options)
            with click.progressbar(length=len(files), label="Checking", file=sys.stderr,
                                   hidden=not show_progress) as progress:
                def on_report(report):
                    if report.error:
                        click.echo(f"druglint: {visible(report.path)}: {visible(report.error)}", err=True)
                    progress.update(1)
                    writer.add(triage(report))
                    return report.findings_only()
                result = run_check(request, jobs=jobs, on_report=on_report, planned=planned)
            writer.finish(hidden=triage.hidden)
    except OSError as error:
        if not output:
            raise
        click.echo(f"druglint: cannot write {visible(output)}: {error.strerror or error}", err=True)
        sys.exit(EXIT_ERROR)
    if write_baseline:
        count = record_baseline(write_baseline, triage.recorded)
        if not quiet:
            click.echo(f"druglint: recorded {count} findings in {write_baseline}", err=True)
    if baseline and not quiet:
        click.echo(f"druglint: {triage.known} findings already in the baseline were not reported", err=True)
    if output:
        click.echo(f"{summary_text(writer.reports, triage.hidden)} (report: {visible(output)})")
    if stats:
        click.echo(result.stats(), err=True)
    if result.input_errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if result.failing() and not write_baseline else EXIT_OK)


@main.command()
@click.argument("rule")
@rules_option
def explain(rule, rule_dirs) -> None:
    """Explain a rule: what it finds, why it matters, an example, what to write instead."""
    from lint.checks import all_rules
    from lint.checks import explain as explain_rule
    known = all_rules(tuple(rule_dirs))
    if rule not in known:
        raise click.BadParameter(f"unknown rule '{rule}'; known: {', '.join(known)}", param_hint="RULE")
    click.echo(explain_rule(rule, tuple(rule_dirs)))


# Command groups that live in their own modules register here, one line each.
main.add_command(rules_cli.rules)
main.add_command(drugs_cli.drugs)
main.add_command(profile_cli.profile)
main.add_command(serve_cli.serve)


if __name__ == "__main__":
    main()
