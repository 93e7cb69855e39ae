"""Lay descriptions of conditions: "lie awake staring at the ceiling" (insomnia), "a
constant ringing in your ears" (tinnitus). A condition's `descriptions` in rules/conditions
are patterns of word groups ("lie|lying + awake"): every group must occur, in any order,
within a few words of one another and in one clause. A word matches itself with an
inflectional ending ("ring": rings, ringed, ringing; "ear": ears, not "early"). One regular
expression finds every group's words in a Doc; the windows are checked per pattern."""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable

from spacy.tokens import Doc

from lint.nlp.alternation import alternation
from lint.nlp.words import article_text, token_starts

DESCRIPTION_WINDOW = 8  # tokens from the first to the last word of one description
CLAUSE_BREAKS = frozenset({".", "!", "?", ";", ":"})
ENDINGS = ("ing", "es", "ed", "s", "d")  # the inflections a description word matches with

Pattern = tuple[tuple[str, ...], ...]  # groups of alternative word starts


class DescriptionMatcher:
    """Finds the token spans of lay descriptions, each with the condition it describes."""

    def __init__(self, descriptions: Iterable[tuple[str, Pattern]]):
        """`descriptions`: (condition id, pattern) pairs."""
        self.patterns: list[tuple[str, Pattern]] = list(descriptions)
        self.owners: dict[str, list[tuple[int, int]]] = defaultdict(list)  # word start -> (pattern, group)
        for index, (_, pattern) in enumerate(self.patterns):
            for group_index, group in enumerate(pattern):
                for word in group:
                    self.owners[word].append((index, group_index))
        self.finder = re.compile(r"\b(" + alternation(self.owners) + r")(?:" + "|".join(ENDINGS) + r")?\b",
                                 re.I) if self.owners else None

    def __call__(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start token, end token, condition id) of each description the Doc holds."""
        if self.finder is None:
            return []
        starts = token_starts(doc)
        hits: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))  # pattern -> group -> tokens
        last_token: dict[int, int] = {}  # a hit's first token -> its last ("the bottle": 'the' -> 'bottle')
        for match in self.finder.finditer(article_text(doc)):
            token = bisect.bisect_right(starts, match.start()) - 1
            if token < 0 or starts[token] != match.start():
                continue  # the words start tokens, never the middle of one
            last_token[token] = bisect.bisect_left(starts, match.end()) - 1
            for pattern, group in self._owners_of(match.group(0).lower()):
                hits[pattern][group].append(token)
        found = []
        for pattern, groups in hits.items():
            condition, words = self.patterns[pattern]
            if len(groups) < len(words):
                continue
            for first in groups[0]:
                window = self._window(doc, first, [groups[g] for g in range(1, len(words))])
                if window is not None:
                    found.append((window[0], last_token.get(window[1] - 1, window[1] - 1) + 1, condition))
        return found

    def _owners_of(self, found: str) -> set[tuple[int, int]]:
        """Every (pattern, group) whose word the found text is, with an inflectional ending
        or none: 'knees' serves a group of 'knee' and a group of 'knees' alike."""
        owners: set[tuple[int, int]] = set()
        for ending in ("", *ENDINGS):
            if found.endswith(ending):
                owners.update(self.owners.get(found[:len(found) - len(ending)] if ending else found, ()))
        return owners

    @staticmethod
    def _window(doc: Doc, first: int, others: list[list[int]]) -> tuple[int, int] | None:
        """The span from the first to the last word when a word of every other group lies within
        the window around `first`, with no clause break between."""
        chosen = [first]
        for tokens in others:
            near = [t for t in tokens if abs(t - first) <= DESCRIPTION_WINDOW]
            if not near:
                return None
            chosen.append(min(near, key=lambda t: abs(t - first)))
        start, end = min(chosen), max(chosen) + 1
        if end - start > DESCRIPTION_WINDOW + 1 or any(doc[i].text in CLAUSE_BREAKS for i in range(start, end)):
            return None
        return start, end
