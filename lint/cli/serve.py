"""`druglint serve`: the review web app and its JSON API on a local port."""
from __future__ import annotations

import ipaddress
import sys

import click

from lint.cli.options import EXIT_ERROR, profiles_option, rules_option
from lint.serve import DEFAULT_MAX_BYTES

DEFAULT_PORT = 8000


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default serves this computer only.")
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True,
              help="Port to listen on.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Largest request (pasted text or uploaded file) the server accepts, in bytes.")
@profiles_option
@rules_option
def serve(host: str, port: int, max_bytes: int, profile_dirs: tuple[str, ...], rule_dirs: tuple[str, ...]) -> None:
    """Review articles in the browser: paste or upload one (.txt, .md, .html, .docx) and see
    its findings; `POST /api/check` answers with the JSON report.

    \b
    Example:
      druglint serve --port 8000      then open http://127.0.0.1:8000/
    """
    from lint.serve import INSTALL_HINT, missing_modules
    if missing_modules():
        click.echo(f"druglint: {INSTALL_HINT}", err=True)
        sys.exit(EXIT_ERROR)
    import uvicorn

    from lint.linter import Linter, LinterConfig
    from lint.serve.app import create_app
    from lint.serve.articles import Checker

    linter = Linter.for_config(LinterConfig(profile_dirs=tuple(profile_dirs), rule_dirs=tuple(rule_dirs)))
    linter.lint_text("warm-up.md", "# Warm up\n\nWarm up.")  # the first request need not wait for spaCy
    app = create_app(Checker(linter), max_bytes=max_bytes)
    shown_host = f"[{host}]" if ":" in host else host
    click.echo(f"druglint: reviewing on http://{shown_host}:{port}/ (Ctrl+C to stop)", err=True)
    if not _is_loopback(host):
        click.echo("druglint: warning: the server has no login; anyone who can reach this address can use it",
                   err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
