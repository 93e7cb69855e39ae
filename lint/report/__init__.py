"""Output formats: each module renders a list of FileReports and only reads them."""
from __future__ import annotations

FORMATS = ("text", "json")


def render(fmt: str, reports: list, color: bool = False) -> str:
    """Render reports in a named format."""
    if fmt == "json":
        from lint.report.json import render_json
        return render_json(reports)
    from lint.report.text import render_text
    return render_text(reports, color=color)
