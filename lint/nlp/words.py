"""The lowercase text of every token of a Doc, read once, with chat spellings read as words.

`doc[i].lower_` builds a Token object on every call; the claim readers that walk each
sentence word by word made millions of them per thousand articles. They index this list.
Forum and chat text spells common words short ("got me thru it", "ppl swear by it"); the
list holds the word they stand for, so every reader of it understands them.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.attrs import IDX, LOWER, ORTH
from spacy.tokens import Doc, Span, Token

CHAT_SPELLINGS = {"thru": "through", "tho": "though", "cuz": "because", "coz": "because", "ppl": "people",
                  "nite": "night", "b4": "before", "abt": "about", "w/o": "without", "bf": "boyfriend",
                  "gf": "girlfriend", "hubby": "husband"}


def lowered(doc: Doc) -> list[str]:
    """`token.lower_` of every token (a chat spelling as its word), by index (built on first
    use, kept in `doc.user_data`)."""
    words = doc.user_data.get("druglint_lowered")
    if words is None or len(words) != len(doc):
        strings = doc.vocab.strings
        words = [strings[key] for key in doc.to_array(LOWER).tolist()]
        words = doc.user_data["druglint_lowered"] = [CHAT_SPELLINGS.get(word, word) for word in words]
    return words


def article_text(doc: Doc) -> str:
    """The text of the article a Doc was made from: `Doc.text` joins every token, so the
    layout's own string when the Doc has one (the same characters)."""
    return doc._.layout.text if doc._.layout else doc.text


DOC_TEXT = "druglint_text"  # doc.user_data key of the Doc's text


def span_text(span: Span) -> str:
    """`span.text`, cut from the Doc's text read once (`Span.text` joins its tokens anew)."""
    doc = span.doc
    text = doc.user_data.get(DOC_TEXT)
    if text is None:
        text = doc.user_data[DOC_TEXT] = doc.text
    return text[span.start_char:span.end_char]


def token_starts(doc: Doc) -> list[int]:
    """The character offset of every token, by index, read in one pass."""
    return doc.to_array(IDX).tolist()


MARKUP_CHARACTERS = "*_~`"  # emphasis left in plain text ("**Xanax**", "_Lexapro_")


def is_markup(token: Token) -> bool:
    """A token that only stands where markup stood: the blanks a Markdown or HTML reader left
    (not a line break, which still parts words), or emphasis marks left in plain text."""
    return is_markup_text(token.text)


def is_markup_text(text: str) -> bool:
    """`is_markup` for a token's text."""
    if text.isspace():
        return "\n" not in text
    return not text.strip(MARKUP_CHARACTERS)


def token_texts(doc: Doc) -> list[str]:
    """The text of every token, by index, read in one pass."""
    strings = doc.vocab.strings
    return [strings[key] for key in doc.to_array(ORTH).tolist()]


class FirstWordIndex:
    """Labelled phrases by their first word: `matches(doc)` yields (start token, end token,
    label) of each phrase a Doc holds, with a set lookup per token (the states and measures
    matchers read their frames back from these)."""

    def __init__(self, phrases: Iterable[tuple[str, Iterable[str]]]):
        """`phrases`: (label, phrases) pairs."""
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # first word -> (all words, label)
        for label, texts in phrases:
            for text in texts:
                words = tuple(text.lower().split())
                self.by_first.setdefault(words[0], []).append((words, label))

    def matches(self, doc: Doc) -> Iterator[tuple[int, int, str]]:
        """(start token, end token, label) of each phrase the Doc holds, in text order."""
        for token in doc:
            for words, label in self.by_first.get(token.lower_, ()):
                end = token.i + len(words)
                if end <= len(doc) and all(doc[token.i + k].lower_ == word for k, word in enumerate(words)):
                    yield token.i, end, label
