"""A token Matcher that looks only where a pattern can match.

spaCy's Matcher walks every token of the Doc for every pattern, and a pattern that reads a
custom extension (`{"_": {"pack_drug": true}}`) calls Python for each token it tests.
Most sentences of an article cannot match a given pattern: a pattern such as
[{LOWER: buy}, ..., {LOWER: without}, ..., {LOWER: prescription}] needs the word "without".
So each required token of a pattern that names its words (LOWER, ORTH or TEXT, a value or
an IN list) or a custom entity extension is an anchor; the sentences holding every anchor
of a pattern are found with one array lookup over the Doc, and the pattern runs only in
those. A match never crosses a sentence boundary.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from lint.nlp.sentences import SentenceTable

OPERATOR_SKIPPABLE = ("?", "*", "!")
ATTRIBUTE_IDS = {"lower": LOWER, "orth": ORTH}


@dataclass(frozen=True)
class Anchor:
    """What every match of a pattern contains: a token whose `kind` ('lower' or 'orth')
    is one of `words`, or (kind 'entity') a token inside a span of that extension."""

    kind: str
    words: frozenset[str]


def required(op: str | None) -> bool:
    """True when a token with this spaCy operator appears in every match."""
    if op is None or op == "+":
        return True
    if op in OPERATOR_SKIPPABLE or not op.startswith("{"):
        return False
    least = op.strip("{}").split(",")[0]
    return bool(least) and int(least) > 0


def pattern_anchors(pattern: list[dict]) -> tuple[Anchor, ...]:
    """The anchors of a spaCy token pattern: what each required token that names its
    words or an entity must be. Empty when no required token does."""
    anchors = []
    for token in pattern:
        if not required(token.get("OP")):
            continue
        for key, kind in (("LOWER", "lower"), ("ORTH", "orth"), ("TEXT", "orth")):
            value = token.get(key)
            words = {value} if isinstance(value, str) else set(value.get("IN", ())) if isinstance(value, dict) else set()
            if words:
                anchors.append(Anchor(kind, frozenset(words)))
        anchors += [Anchor("entity", frozenset({name})) for name, wanted in sorted(token.get("_", {}).items())
                    if wanted is True]
    return tuple(dict.fromkeys(anchors))


@lru_cache(maxsize=256)
def _word_ids(words: frozenset[str]) -> numpy.ndarray:
    return numpy.array(sorted(get_string_id(w) for w in words), dtype="uint64")


def attribute_array(doc: Doc, attribute: int) -> numpy.ndarray:
    """One token attribute (LOWER, ORTH, ...) of every token, read once per Doc."""
    key = f"druglint_attribute:{attribute}"
    if key not in doc.user_data:
        doc.user_data[key] = doc.to_array(attribute)
    return doc.user_data[key]


def tokens_with(doc: Doc, attribute: int, words: frozenset[str]) -> list[int]:
    """Indexes of the tokens whose attribute (LOWER or ORTH) is one of the words."""
    if not len(doc) or not words:
        return []
    return numpy.flatnonzero(numpy.isin(attribute_array(doc, attribute), _word_ids(words))).tolist()


@dataclass
class _Pattern:
    matcher: Matcher
    anchors: tuple[Anchor, ...]
    extensions: frozenset[str]  # the custom token extensions it reads


class AnchoredMatcher:
    """Token patterns under keys, as spaCy's Matcher, each run only in its anchored sentences."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.patterns: list[_Pattern] = []
        self.anchor_words: dict[str, dict[int, str]] = {kind: {} for kind in ATTRIBUTE_IDS}  # kind -> id -> word

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        """Add patterns under a key (raises spaCy's ValueError for a pattern it rejects)."""
        for pattern in patterns:
            matcher = Matcher(self.vocab)
            matcher.add(key, [pattern])
            extensions = frozenset(name for token in pattern for name in token.get("_", {}))
            anchors = pattern_anchors(pattern)
            self.patterns.append(_Pattern(matcher, anchors, extensions))
            for anchor in anchors:
                if anchor.kind in self.anchor_words:
                    self.anchor_words[anchor.kind].update((get_string_id(w), w) for w in anchor.words)

    def __call__(self, doc: Doc, sentences: SentenceTable,
                 entities: Callable[[str], list[Span]]) -> list[tuple[str, int, int]]:
        """(key, start, end) of every match. `entities` gives the spans of each extension
        the patterns read; the extension is set True on their tokens where a pattern runs."""
        matches: list[tuple[str, int, int]] = []
        where_words = self._word_sentences(doc, sentences)
        where_anchor: dict[Anchor, set[int]] = {}  # the sentences of each anchor, found once per Doc
        marked: dict[str, set[int]] = defaultdict(set)  # per extension, the sentences marked so far
        for pattern in self.patterns:
            where: set[int] | None = None
            for anchor in pattern.anchors:
                if anchor not in where_anchor:
                    where_anchor[anchor] = self._anchor_sentences(anchor, where_words, sentences, entities)
                where = where_anchor[anchor] if where is None else where & where_anchor[anchor]
                if not where:
                    break
            if where is None:
                where = set(range(len(sentences.spans)))
            for name in pattern.extensions:
                self._mark(name, where - marked[name], sentences, entities(name))
                marked[name] |= where
            for index in sorted(where):
                sentence = sentences.spans[index]
                for match_id, start, end in pattern.matcher(sentence):
                    matches.append((self.vocab.strings[match_id], sentence.start + start, sentence.start + end))
        return matches

    def _word_sentences(self, doc: Doc, sentences: SentenceTable) -> dict[tuple[str, str], set[int]]:
        """For every anchor word ('lower' or 'orth', word), the sentences holding it."""
        found: dict[tuple[str, str], set[int]] = defaultdict(set)
        for kind, attribute in ATTRIBUTE_IDS.items():
            ids = self.anchor_words[kind]
            if not ids or not len(doc):
                continue
            values = attribute_array(doc, attribute)
            indexes = numpy.flatnonzero(numpy.isin(values, _word_ids(frozenset(ids.values()))))
            for index, value in zip(indexes.tolist(), values[indexes].tolist()):
                found[(kind, ids[value])].add(sentences.of_token[index])
        return found

    @staticmethod
    def _anchor_sentences(anchor: Anchor, where_words: dict[tuple[str, str], set[int]], sentences: SentenceTable,
                          entities: Callable[[str], list[Span]]) -> set[int]:
        if anchor.kind == "entity":
            of_token = sentences.of_token
            return {i for name in anchor.words for span in entities(name)
                    for i in range(of_token[span.start], of_token[span.end - 1] + 1)}
        return set().union(*(where_words.get((anchor.kind, w), ()) for w in anchor.words))

    @staticmethod
    def _mark(name: str, where: set[int], sentences: SentenceTable, spans: list[Span]) -> None:
        for span in spans:
            if sentences.of_token[span.start] in where:
                for token in span:
                    token._.set(name, True)
