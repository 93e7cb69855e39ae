"""The findings snapshot: the JSON report of every article in `fixtures/`, kept in
`tests/snapshots/fixtures.json` so that a refactoring can prove it changed no finding.

    python tests/snapshot.py            # print the report the engine gives today
    python tests/snapshot.py --update   # accept today's findings as the snapshot

Update it only when a change of behaviour is intended, and say so in the commit.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "fixtures.json"
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".docx")


def fixture_articles() -> list[Path]:
    """Every article in fixtures/ (not its subfolders), in name order."""
    return sorted(p for p in FIXTURES.iterdir() if p.suffix in ARTICLE_SUFFIXES)


def current_report() -> str:
    """The JSON report of all fixture articles, with paths relative to the repository."""
    from lint.linter import Linter
    from lint.report import render
    from lint.workflow.inputs import read_article

    linter = Linter()
    reports = []
    for path in fixture_articles():
        relative = str(path.relative_to(ROOT))
        article = read_article(str(path))
        reports.append(linter.lint_text(relative, article.source))
    return render("json", reports)


if __name__ == "__main__":
    report = current_report()
    if "--update" in sys.argv:
        SNAPSHOT.write_text(report, encoding="utf-8")
        print(f"wrote {SNAPSHOT}")
    else:
        sys.stdout.write(report)
