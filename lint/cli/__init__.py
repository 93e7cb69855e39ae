"""The command line (click only): each command parses options and calls the packages above."""
from lint.cli.main import main

__all__ = ["main"]
