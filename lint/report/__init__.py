"""Output formats: each module renders a list of FileReports and only reads them."""
from __future__ import annotations

from importlib import import_module

from lint.model.findings import FileReport

RENDERERS = {  # format name: (module in lint.report, render function)
    "text": ("text", "render_text"),
    "json": ("json", "render_json"),
    "sarif": ("sarif", "render_sarif"),
    "github": ("github", "render_github"),
    "markdown": ("markdown", "render_markdown"),
    "html": ("html", "render_html"),
}
FORMATS = tuple(RENDERERS)


def render(fmt: str, reports: list[FileReport], color: bool = False) -> str:
    """Render reports in a named format (`color` only affects the text format)."""
    if fmt not in RENDERERS:
        raise ValueError(f"unknown report format {fmt!r}; known: {', '.join(FORMATS)}")
    module_name, function_name = RENDERERS[fmt]
    renderer = getattr(import_module(f"lint.report.{module_name}"), function_name)
    return renderer(reports, color=color) if fmt == "text" else renderer(reports)
