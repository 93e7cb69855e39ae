"""The one shape every rule has: built-in label checks, house rules from the packs and
unused-suppression all implement `Rule`, so the linter runs them alike and `druglint
rules`, `druglint explain` and the reports read their id, severity and documentation."""
from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from lint.model.findings import Finding, Severity

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from lint.claims.extract import ArticleClaims
    from lint.knowledge.reference import Reference
    from lint.workflow.suppress import Region

DOC_TITLES = (("what", "What it finds"), ("why", "Why it matters"), ("example", "Example"),
              ("instead", "What to write instead"), ("known_problems", "Known problems"))


@dataclass(frozen=True)
class RuleDoc:
    """A rule's documentation, as ruff documents each rule."""

    what: str
    why: str
    example: str
    instead: str
    known_problems: str = ""
    extra: tuple[tuple[str, str], ...] = ()  # further titled paragraphs (a pack rule's origin)

    def sections(self) -> list[tuple[str, str]]:
        """(title, text) for each section that has text, in the documented order."""
        named = [(title, getattr(self, key)) for key, title in DOC_TITLES]
        return [(title, textwrap.dedent(text).strip()) for title, text in (*named, *self.extra) if text.strip()]

    def render(self, width: int = 92) -> str:
        """The sections as `druglint explain` prints them: a title, then the text indented."""
        return "\n\n".join(f"{title}\n{_indent(text, width)}" for title, text in self.sections())


def _indent(text: str, width: int) -> str:
    paragraphs = [" ".join(p.split()) for p in textwrap.dedent(text).strip().split("\n\n")]
    return "\n\n".join(textwrap.fill(p, width, initial_indent="  ", subsequent_indent="  ") for p in paragraphs)


@dataclass
class CheckContext:
    """What a rule may read about one article: the analysed Doc, its claims, the reference
    data, and (for unused-suppression) the directives that silenced nothing."""

    doc: Doc
    claims: ArticleClaims
    reference: Reference
    unused_directives: list[Region] = field(default_factory=list)
    known_rules: frozenset[str] = frozenset()  # every rule id a directive may name
    source: str = ""  # the article as written (directives live in its comments)
    cache: dict[str, object] = field(default_factory=dict)  # shared work, e.g. all pack matches


class Rule(Protocol):
    """A rule: an id, a default severity, a one-line summary, documentation and a check."""

    @property
    def id(self) -> str: ...

    @property
    def severity(self) -> Severity: ...

    @property
    def severity_note(self) -> str: ...

    @property
    def summary(self) -> str: ...

    @property
    def doc(self) -> RuleDoc: ...

    @property
    def after_suppression(self) -> bool: ...

    def check(self, context: CheckContext) -> list[Finding]: ...


@dataclass(frozen=True)
class BuiltinRule:
    """A rule written in Python: one module in lint/checks defines one of these."""

    id: str
    severity: Severity
    summary: str
    doc: RuleDoc
    run: Callable[[CheckContext], list[Finding]]
    severity_note: str = ""  # when findings may be less severe than `severity`, why
    after_suppression: bool = False  # runs on what inline suppression left (unused-suppression)

    def check(self, context: CheckContext) -> list[Finding]:
        """The rule's findings on one article."""
        return self.run(context)


def explain(rule: Rule) -> str:
    """The documentation of a rule, as `druglint explain` prints it."""
    severity = f"{rule.severity}; {rule.severity_note}" if rule.severity_note else str(rule.severity)
    return f"{rule.id} ({severity})\n\n{rule.summary}\n\n{rule.doc.render()}\n"
