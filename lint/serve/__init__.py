"""`druglint serve`: a local web app where editors paste or upload an article and review
its findings in the HTML report, and a JSON API (`POST /api/check`) for a content
management system. Needs the `serve` extra (Starlette, uvicorn, python-multipart)."""
from __future__ import annotations

SERVE_MODULES = ("starlette", "uvicorn", "python_multipart")
DEFAULT_MAX_BYTES = 2 * 1024 * 1024  # the largest request body (--max-bytes)
INSTALL_HINT = "druglint serve needs the serve extra: pip install 'druglint[serve]'"


def missing_modules() -> list[str]:
    """The serve extra's modules that are not installed."""
    from importlib.util import find_spec
    return [name for name in SERVE_MODULES if find_spec(name) is None]
