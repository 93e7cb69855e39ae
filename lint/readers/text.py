"""Plain-text articles: paragraphs, list items, short heading lines and tables whose columns
are lined up with spaces."""
from __future__ import annotations

import re
from collections import Counter

from lint.model.document import Block, Document

LIST_MARKER = re.compile(r"^[ \t]*(?:[•●▪◦‣∙·*+\-–]|\d{1,3}[.)])[ \t]+")
LABEL = re.compile(r"([^\n:.?!]{2,60}?):[ \t]")
HEADING_MAX_WORDS = 12
QUESTION_LABELS = frozenset({"Q", "Question"})
SPEAKER_LINES = 2  # lines a label must open to be a speaker's ("TASHA: ... TASHA: ...")
RULE_LINE = re.compile(r"^[ \t]*([-=_*~#+])\1{2,}[ \t]*$")  # "-------", "=====": a divider, not prose
CELL = re.compile(r"\S+(?: \S+)*")  # a cell of a space-aligned table: words one space apart; two or more end it
TAB_CELL = re.compile(r"[^\t\s](?:[^\t]*[^\t\s])?")  # a cell of a tab-separated table
MIN_TABLE_COLUMNS = 2


def _aligned_rows(paragraph: list[tuple[int, str]]) -> list[tuple[tuple[int, int], ...]] | None:
    """The cells of each line of a paragraph that is a table ("Weight   Age   Amount" over
    "48-59 lb   6-8 yrs   10 mL"): every line, two or more, splits into the same number of
    cells, at least MIN_TABLE_COLUMNS, at tabs (when every line has one) or else at runs of
    two or more spaces whose columns line up; and some cell holds a digit. None for prose."""
    if len(paragraph) < 2:
        return None
    tabbed = all("\t" in line for _, line in paragraph)  # tabs part the columns whether or not they line up
    rows = [tuple((offset + m.start(), offset + m.end()) for m in (TAB_CELL if tabbed else CELL).finditer(line))
            for offset, line in paragraph]
    columns = {len(row) for row in rows}
    if len(columns) != 1 or columns.pop() < MIN_TABLE_COLUMNS:
        return None
    if not tabbed and not _lined_up(rows, [offset for offset, _ in paragraph]):
        return None  # prose with two spaces after a full stop
    return rows if any(ch.isdigit() for _, line in paragraph for ch in line) else None


def _lined_up(rows: list[tuple[tuple[int, int], ...]], line_starts: list[int]) -> bool:
    """True when every column after the first starts (left-aligned) or ends (right-aligned)
    at about the same place on each line."""
    for column in range(1, len(rows[0])):
        starts = [row[column][0] - line_start for row, line_start in zip(rows, line_starts)]
        ends = [row[column][1] - line_start for row, line_start in zip(rows, line_starts)]
        if max(starts) - min(starts) > COLUMN_SLACK and max(ends) - min(ends) > COLUMN_SLACK:
            return False
    return True


COLUMN_SLACK = 3  # characters a lined-up column's cells may start (or end) apart


def lead_label_end(text: str, start: int, end: int) -> int | None:
    """End offset of a short lead label ("Dosage: ...") at the start of text[start:end]."""
    match = LABEL.match(text, start, end)
    if match and len(match.group(1).split()) <= 6:
        return match.end(1) + 1
    return None


QUESTION_LINE = re.compile(r"^[ \t]*(?:Q|Question)[ \t]*(?:\d{1,3})?[ \t]*[:.)][^\n]*\?[ \t]*$")  # "Q: ...?", "Question 3: ...?"


SPEAKER_LINE = re.compile(r"^[ \t]*(?:[\[(]?\d{1,2}:\d\d|([A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?)"
                          r"(?:[ \t]*[\[(][^\])\n]{1,20}[\])])?:[ \t])")  # "TASHA: ", "Ellie [11:07 PM]: ", "[9:17 PM]"


def _speaker(line: str) -> str | None:
    """The speaker's label (or time stamp) a transcript or chat line opens with, else None."""
    match = SPEAKER_LINE.match(line)
    return None if match is None else match.group(1) or "time stamp"


def _is_heading(line: str, speakers: set[str]) -> bool:
    """A short line that does not end a sentence and does not open in lower case (a chat line:
    'my kid takes 10 mg every morning'), or a reader's question ('Q: Our son is 5 and ... Is
    that a lot?') of any length: each question heads its answer, in a Q&A. A line that opens
    with one of the transcript's `speakers` ("TASHA: So what's your dose?") is a message."""
    stripped = line.strip()
    if QUESTION_LINE.match(line):
        return True
    return (0 < len(stripped.split()) <= HEADING_MAX_WORDS and stripped[-1] not in ".,;"
            and not stripped[0].islower() and not LIST_MARKER.match(line)  # "my kid takes 10 mg" is a chat line
            and _speaker(line) not in speakers and not _said_in_sentence_case(stripped))


AMOUNT_SAID = re.compile(r"\d\s*(?:mg|mcg|ml)\b", re.I)


def _said_in_sentence_case(line: str) -> bool:
    """A line in sentence case that gives an amount and a verb or 'here' ('I take 400 mg of
    Zoloft every day', '300 mg here') is a message with its full stop left off, not a heading
    ('Zoloft 50 mg Tablets' is in title case, 'Zoloft 50 mg tablets' names a product)."""
    words = [w for w in line.split()[1:] if w[:1].isalpha() and w.lower() not in ("i", "i'm", "i've")]
    capitalized = sum(w[:1].isupper() for w in words)
    return capitalized * 2 < len(words) and AMOUNT_SAID.search(line) is not None \
        and MESSAGE_WORDS.search(line) is not None


MESSAGE_WORDS = re.compile(r"\b(?:I|I'm|I've|my|me|we|he|she|they|here|too|take|takes|took|taking|on|gave|give|started)\b",
                           re.I)  # who takes the amount, or that it is the writer's own


def _is_capital_heading(line: str, speakers: set[str]) -> bool:
    """A heading line in capitals with its text on the next line, no blank line between:
    'WHAT PEOPLE ASK ME' over 'Uncle Ray -- yes, it's the same drug ...' (an aside in brackets
    may be in lower case)."""
    letters = [c for c in re.sub(r"\([^)]*\)", "", line) if c.isalpha()]  # "DOSING (per Dr. O)": an aside may not be
    return len(letters) >= CAPITAL_HEADING_LETTERS and all(c.isupper() for c in letters) and _is_heading(line, speakers)


CAPITAL_HEADING_LETTERS = 6  # fewer capitals ("FYI", "OK") open a sentence, not a section


def _continues_item(line: str) -> bool:
    """A line that wraps the list item above it: indented, or going on in lower case."""
    return line[:1] in (" ", "\t") or line.lstrip()[:1].islower()


def read_text(path: str, source: str) -> Document:
    """Read a .txt article: the text is the source with list markers blanked."""
    chars = list(source)
    blocks: list[Block] = []
    labels = Counter(label for line in source.splitlines() if (label := _speaker(line)) is not None)
    speakers = {label for label, lines in labels.items()  # a transcript's or chat's ("Q:" heads its answer)
                if lines >= SPEAKER_LINES and label not in QUESTION_LABELS}
    paragraph: list[tuple[int, str]] = []  # (offset, line) of the open paragraph

    def close_paragraph() -> None:
        if not paragraph:
            return
        first_offset, first_line = paragraph[0]
        if (rows := _aligned_rows(paragraph)) is not None:
            header = tuple(source[first:last] for first, last in rows[0])
            for row in rows:  # a row is a block, its first cell the label, as a Markdown table's
                blocks.append(Block("paragraph", row[0][0], row[-1][1], label_end=row[0][1], cells=row, header=header))
            paragraph.clear()
            return
        start = first_offset + len(first_line) - len(first_line.lstrip())
        end = paragraph[-1][0] + len(paragraph[-1][1].rstrip())
        if len(paragraph) == 1 and _is_heading(first_line, speakers):
            blocks.append(Block("heading", start, end, level=1))
        elif _is_capital_heading(first_line, speakers):  # "OTHER STUFF PEOPLE ASK ME" right above its text
            blocks.append(Block("heading", start, first_offset + len(first_line.rstrip()), level=1))
            paragraph.pop(0)
            close_paragraph()
            return
        else:
            blocks.append(Block("paragraph", start, end, label_end=lead_label_end(source, start, end)))
        paragraph.clear()

    offset = 0
    in_item = False  # the line before opened or continued a list item
    for line in source.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        marker = LIST_MARKER.match(content)
        if not content.strip() or RULE_LINE.match(content):
            close_paragraph()  # a divider line closes a paragraph, so the line it frames is a heading
            in_item = False
        elif marker:
            close_paragraph()
            chars[offset:offset + marker.end()] = " " * marker.end()
            start, end = offset + marker.end(), offset + len(content.rstrip())
            in_item = end > start
            if in_item:  # a bare marker ("- ") opens no item
                blocks.append(Block("item", start, end, label_end=lead_label_end(source, start, end)))
        elif in_item and _continues_item(content):
            item = blocks[-1]  # "* he took\n  two at a time": the wrapped item goes on
            blocks[-1] = Block("item", item.start, offset + len(content.rstrip()), label_end=item.label_end)
        else:
            paragraph.append((offset, content))
            in_item = False
        offset += len(line)
    close_paragraph()
    return Document(path=path, source=source, text="".join(chars), blocks=blocks, format="text")
