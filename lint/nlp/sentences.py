"""Sentence boundaries that respect the article's layout (headings, list items, labels).

The boundaries are found in the text with one regular expression and written into the Doc
in one array write: no Python runs per token, which keeps this component cheaper than the
tokenizer that feeds it.
"""
from __future__ import annotations

import re
from typing import Any, cast

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from lint.nlp.words import article_text

ENDINGS = ".!?…"
OPENERS = "\"'“("
CLAUSE_PRONOUNS = ("It", "This", "They", "These", "He", "She", "We", "You", "That")
# end punctuation, then (after any whitespace) the first character of the next token
AFTER_END = re.compile(rf"[{re.escape(ENDINGS)}]\s*(?=\S)")
# a line of a chat log or transcript: a new message opens with a time stamp or a speaker's name
MESSAGE_OPENER = re.compile(r"\[|\(?(?:[A-Z][a-z]{2,8}\.?,?\s+)?\d{1,2}:\d\d\b|@[\w.]{2,}(?=[ \t]*(?:[·|•]|$|\n))"
                            r"|[A-Za-z][\w .'@/-]{0,24}(?:\s*[\[(][^\])\n]{1,20}[\])])?:\s")  # "[9:17 PM] saltyboi:",
# "Dre: ", "Ellie [11:07 PM]: ", "Mon 12:08 AM - Sam:", "@hives_hater_22" alone on its line (not "@cardio_carlos I'm
# on lodoco!", a reply that names whom it answers)
NEW_MESSAGE = re.compile(rf"(?<=\S)[ \t]*\n[ \t]*(?=(?:[↳»>•*-][ \t]*)?(?:{MESSAGE_OPENER.pattern}))")  # "↳ @jim: " replies
HANDLE = r"[ \t]*(?:[↳»>•*-][ \t]*)*(?:(?:[Rr]eplying|[Ii]n reply|[Rr]eply) to[ \t]+)?(?:\*\*)?(?:@|u/)[\w.-]{2,}(?:\*\*)?(?:[ \t]*[·|•][^\n]{0,40})?[ \t]*"
HANDLE_LINE = re.compile(rf"^{HANDLE}(?P<gap>\n[ \t>]*)(?=\S)", re.M)  # "↳ @maya.unmasked", "**u/add_or_adhd** · 18 points",
# "replying to @maya_reads":
HANDLE_ONLY = re.compile(HANDLE)  # a line that only names who writes the message under it
AFTER_PAREN = re.compile(rf"\)\s*(?=(?:{'|'.join(CLAUSE_PRONOUNS)}))")


TITLE_ABBREVIATIONS = re.compile(r"(?:^|(?<=[\s(]))(?:Dr|Mr|Mrs|Ms|St|vs|e\.g|i\.e)$")
NUMBER_ABBREVIATIONS = re.compile(r"(?:^|(?<=[\s(]))(?:No|no|Nos)$")  # "No. 4", not "No. It is not."


def _abbreviation_before(text: str, period: int, following: int) -> bool:
    """True when the period at `period` ends a title or numbering abbreviation ("Dr. Lee",
    "vs. placebo", "Tylenol No. 3"), which starts no sentence."""
    if text[period] != ".":
        return False
    before = text[max(0, period - 4):period]
    return bool(TITLE_ABBREVIATIONS.search(before)) \
        or bool(NUMBER_ABBREVIATIONS.search(before)) and text[following:following + 1].isdigit()


LOWERCASE_ABBREVIATIONS = frozenset({"e.g", "i.e", "etc", "vs", "approx", "incl", "esp", "min", "max", "mg", "mcg", "ml",
                                     "oz", "lb", "lbs", "tab", "tabs", "cap", "caps", "hr", "hrs", "wk", "wks", "yr",
                                     "yrs", "mo", "mos", "no", "fig", "dr", "mr", "mrs", "ms", "st", "jr", "sr", "a.m",
                                     "p.m", "al", "ca", "cf", "ed", "vol", "pt", "pts"})
WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _opens_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in OPENERS


def _lowercase_sentence(text: str, end: int, following: int) -> bool:
    """Chat and forum lines start sentences in lower case ("first thing. if you don't..."):
    after a whole word of two letters or more that is no abbreviation, and before a word."""
    word = WORD_BEFORE.search(text, max(0, end - 12), end)
    return text[end] in ".!?" and word is not None and len(word.group(1)) >= 2 \
        and word.group(1).lower() not in LOWERCASE_ABBREVIATIONS and "." not in word.group(1) \
        and text[following:following + 2].isalpha() and text[following].islower()


def is_handle_line(text: str) -> bool:
    """True when a sentence is only a user's header ('↳ @maya.unmasked', '**u/jo** · 18 points')."""
    return HANDLE_ONLY.fullmatch(text.strip()) is not None


@Language.component("druglint_sentences")
def set_sentence_starts(doc: Doc) -> Doc:
    """Start a sentence at every block start, after end punctuation followed by a capital or a
    line break (or, after a whole word and a space, by a lower-case word), at a line that opens a chat
    message ("[9:17 PM] saltyboi: ...", "Dre: ..."), after a line that is only a user's handle
    ("↳ @maya.unmasked", "**u/jo** · 18 points"), and after a closing parenthesis
    followed by a pronoun (run-on web prose)."""
    if not len(doc):
        return doc
    columns = doc.to_array([IDX, LENGTH, IS_SPACE]).astype("int64")
    token_starts, lengths, spaces = columns[:, 0], columns[:, 1], columns[:, 2].astype(bool)
    words = numpy.flatnonzero(~spaces)  # the tokens a sentence can start at
    flags = numpy.full(len(doc), -1, dtype="int64")
    if not len(words):
        flags[:] = 1
        doc.from_array([SENT_START], cast(Any, flags.astype("uint64").reshape(-1, 1)))  # numpy serves as Ints2d
        return doc
    flags[: words[0] + 1] = 1  # leading whitespace tokens, then the first word
    word_starts, word_ends = token_starts[words], token_starts[words] + lengths[words]
    layout = doc._.layout
    text = article_text(doc)
    candidates = [b.start for b in layout.blocks] if layout else []  # first word at or after each block
    block_words = numpy.searchsorted(word_starts, numpy.array(candidates, dtype="int64"))
    starts = [words[i] for i in block_words[block_words < len(words)]]
    ends, nexts, pronouns = [], [], []  # where the previous word ends, the next starts; pronoun length
    for match in AFTER_END.finditer(text):
        if ((_opens_sentence(text[match.end()]) or "\n" in match.group()) and not _abbreviation_before(text, match.start(), match.end())) \
                or (match.end() > match.start() + 1 and _lowercase_sentence(text, match.start(), match.end())):
            ends.append(match.start() + 1)
            nexts.append(match.end())
            pronouns.append(0)
    for match in NEW_MESSAGE.finditer(text):
        ends.append(match.start())
        nexts.append(match.end())
        pronouns.append(0)
    for match in HANDLE_LINE.finditer(text):  # the message under a user's header is a sentence of its own
        ends.append(match.start("gap"))
        nexts.append(match.end())
        pronouns.append(0)
    for match in AFTER_PAREN.finditer(text):
        ends.append(match.start() + 1)
        nexts.append(match.end())
        pronouns.append(next(len(p) for p in CLAUSE_PRONOUNS if text.startswith(p, match.end())))
    if nexts:
        nexts_array, pronoun_lengths = numpy.array(nexts, dtype="int64"), numpy.array(pronouns, dtype="int64")
        found = numpy.searchsorted(word_starts, nexts_array)
        index = numpy.clip(found, 1, len(words) - 1)
        ok = (found > 0) & (found < len(words)) & (word_starts[index] == nexts_array) \
            & (word_ends[index - 1] == numpy.array(ends, dtype="int64"))  # a token boundary: not "0.5"
        whole = (lengths[words[index]] == pronoun_lengths) & (lengths[words[index - 1]] == 1)
        ok &= (pronoun_lengths == 0) | whole  # ")" and the pronoun are whole tokens: not "Items", "a)"
        starts.extend(words[index[ok]])
    flags[numpy.array(starts, dtype="int64")] = 1
    doc.from_array([SENT_START], cast(Any, flags.astype("uint64").reshape(-1, 1)))  # numpy serves as Ints2d
    return doc


class SentenceTable:
    """An analysed Doc's sentences: their spans, character bounds and layout block (index
    in `doc._.layout.blocks`, None outside every block), and the sentence of each token."""

    def __init__(self, doc: Doc):
        starts = numpy.flatnonzero(doc.to_array([SENT_START]).astype("int64") == 1).tolist() if len(doc) else []
        bounds = [*starts, len(doc)]
        self.spans: list[Span] = [doc[start:end] for start, end in zip(bounds, bounds[1:])]
        self.of_token: list[int] = numpy.repeat(numpy.arange(len(self.spans)), numpy.diff(bounds)).tolist()
        self.chars: list[tuple[int, int]] = [(span.start_char, span.end_char) for span in self.spans]
        layout = doc._.layout
        self.blocks: list[int | None] = [layout.block_index_at(start) if layout else None for start, _ in self.chars]


def sentence_table(doc: Doc) -> SentenceTable:
    """The SentenceTable of a Doc, built once and kept in `doc.user_data`."""
    table = doc.user_data.get("druglint_sentences")
    if table is None:
        table = doc.user_data["druglint_sentences"] = SentenceTable(doc)
    return table
