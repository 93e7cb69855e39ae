"""One regular expression for a long list of literal words or phrases, shaped as a trie.

Python's `re` tries the branches of `word1|word2|...` one after another at every position
of the text; a list of a few hundred words makes each position cost a few hundred tries.
The same words as a trie ("ring(?:ing)?|rash") share their common starts, so a position
costs about one try per character matched. The trie prefers the longest word, as the
flat alternation of the words sorted longest first does, and backtracks to a shorter one
when what follows the pattern does not match.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # the key of a trie node that marks the end of a word


def alternation(words: Iterable[str]) -> str:
    """The regex source that matches any of `words` literally (longest first); a pattern
    that never matches when there are none. Put it inside a group of your own."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for character in word:
            node = node.setdefault(character, {})
        node[_END] = {}
    return _branches(trie) if trie else "(?!)"


def _branches(node: dict[str, dict]) -> str:
    """The regex of a trie node: its branches, optional as a whole when a word ends here."""
    branches = [re.escape(character) + _branches(child) for character, child in sorted(node.items()) if character]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body
