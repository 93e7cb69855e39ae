"""druglint: a content quality and accuracy linter for consumer articles about medicines."""

__version__ = "0.1.0"
