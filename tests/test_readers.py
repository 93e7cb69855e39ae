import pytest
from hypothesis import given, settings, strategies as st

from lint.readers import read_document


def test_markdown_blanks_markup_and_keeps_offsets():
    source = "# Title\n\n- **Insomnia.** Helps you sleep.\n\nText with [a link](http://x.y).\n"
    doc = read_document("a.md", source)
    assert len(doc.text) == len(source)
    assert "**" not in doc.text and "#" not in doc.text and "http" not in doc.text
    start = doc.text.index("Insomnia")
    assert source[start:start + 8] == "Insomnia"
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["heading", "item", "paragraph"]
    item = doc.blocks[1]
    assert doc.text[item.start:item.label_end].strip() == "Insomnia."


def test_html_keeps_visible_text_only():
    source = "<html><head><title>x</title><script>var a = 'clonazepam';</script></head>" \
             "<body><h2>Uses</h2><p>Treats <b>panic</b> &amp; seizures.</p></body></html>"
    doc = read_document("a.html", source)
    assert "var a" not in doc.text and "<" not in doc.text
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]
    assert doc.text[doc.blocks[0].start:doc.blocks[0].end] == "Uses"
    assert source[doc.text.index("panic"):].startswith("panic")


def test_text_list_items_and_labels():
    source = "Dosage\n\n  1. For depression: 0.25 mg daily.\n  • Dizziness\n"
    doc = read_document("a.txt", source)
    assert [b.kind for b in doc.blocks] == ["heading", "item", "item"]
    assert doc.text[doc.blocks[1].start:doc.blocks[1].label_end] == "For depression:"
    assert "•" not in doc.text and "1." not in doc.text


@pytest.mark.parametrize("wrapped", [
    "* he took\n  two at a time, three times a day.\n",
    "- he took\n\ttwo at a time, three times a day.\n",
    "1. he took\ntwo at a time, three times a day.\n",
])
def test_text_list_item_wrapped_onto_the_next_line_goes_on(wrapped):
    doc = read_document("a.txt", f"Notes\n\n* first item\n{wrapped}\nA New Paragraph Starts Here.\n")
    items = [doc.text[b.start:b.end] for b in doc.blocks if b.kind == "item"]
    assert items[0] == "first item"
    assert items[1].startswith("he took") and items[1].endswith("three times a day.")
    assert doc.blocks[-1].kind == "paragraph"


def test_text_line_after_a_list_in_capitals_is_not_part_of_the_last_item():
    doc = read_document("a.txt", "* first item\n* second item\nThe paragraph after the list goes on here.\n")
    assert [b.kind for b in doc.blocks] == ["item", "item", "paragraph"]


@pytest.mark.parametrize("rule", ["-" * 40, "=====", "*** ", "~~~~~~~~", "#####"])
def test_text_divider_lines_frame_a_heading_and_are_not_prose(rule):
    source = f"Uses\n\nIt treats pain.\n{rule}\nPART B. THE WARNINGS (READ CAREFULLY!)\n{rule}\nIt can cause ulcers.\n"
    doc = read_document("a.txt", source)
    texts = [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks]
    assert ("heading", "PART B. THE WARNINGS (READ CAREFULLY!)") in texts
    assert not any(rule.strip() in text for _, text in texts)
    assert ("paragraph", "It treats pain.") in texts


@pytest.mark.parametrize("question", [
    "Q: Our 5-year-old (20 kg) gets asthma flares and the ER sent us home with prednisone. Is that a lot?",
    "Question 3: My husband is 70, takes warfarin, and wants to start fish oil for his heart; is that safe?",
    "Q) Can I give my daughter, who weighs about 40 pounds and is 6, the adult chewables in a pinch?",
])
def test_text_reader_question_of_any_length_heads_its_answer(question):
    doc = read_document("a.txt", f"{question}\n\nA: Ask your pharmacist first.\n")
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]


@pytest.mark.parametrize("line", ["my kid takes 10 mg every morning", "lol same, 2 pills before bed", "ok thx"])
def test_text_reader_short_line_in_lower_case_is_a_chat_line_not_a_heading(line):
    doc = read_document("a.txt", f"{line}\n\nAnother paragraph.\n")
    assert doc.blocks[0].kind == "paragraph"


@pytest.mark.parametrize("speaker", ["TASHA", "Dr. Lee", "Ellie [11:07 PM]", "[9:14 PM] saltyboi"])
def test_text_reader_transcript_speaker_line_is_a_message_not_a_heading(speaker):
    label = speaker if speaker.startswith("[") else f"{speaker}:"
    doc = read_document("a.txt", f"{label} Any side effects?\n\nSAM: None at all.\n\n{label} Good to hear\n")
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph", "paragraph"]


def test_text_reader_label_opening_one_line_only_is_still_a_heading():
    doc = read_document("a.txt", "Dosage: how much to take\n\nTake 10 mg a day.\n\nSide effects\n\nDrowsiness.\n")
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "heading", "paragraph"]


@pytest.mark.parametrize("heading", ["OTHER STUFF PEOPLE KEEP ASKING ME", "WHAT TO WATCH FOR", "WHY SHE TAKES IT",
                                     "DOSING (per Dr. O)"])
def test_text_reader_capital_line_right_above_its_text_is_a_heading(heading):
    source = f"{heading}\nUncle Ray -- yes, it's the same drug.\nShe takes it on Fridays.\n"
    doc = read_document("a.txt", source)
    assert [(b.kind, source[b.start:b.end]) for b in doc.blocks] == [
        ("heading", heading), ("paragraph", "Uncle Ray -- yes, it's the same drug.\nShe takes it on Fridays.")]


@pytest.mark.parametrize("opening", ["FYI she takes it on Fridays", "OK so the dose is 10 mg", "NO MORE THAN 4 A DAY."])
def test_text_reader_short_capitals_or_a_shouted_sentence_open_a_paragraph(opening):
    doc = read_document("a.txt", f"{opening}\nand the rest of the paragraph.\n")
    assert [b.kind for b in doc.blocks] == ["paragraph"]


def test_text_reader_long_statement_is_no_heading():
    doc = read_document("a.txt", "Q: this reader wrote a long statement without asking anything at all, just telling us things.\n")
    assert [b.kind for b in doc.blocks] == ["paragraph"]


def test_line_and_column_are_one_based():
    doc = read_document("a.txt", "first\nsecond line\n")
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(6 + 7) == (2, 8)


@settings(max_examples=150, deadline=None)
@given(st.text(), st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_every_reader_keeps_text_aligned_with_source(source, name):
    doc = read_document(name, source)
    assert len(doc.text) == len(source)
    for i, ch in enumerate(doc.text):
        # an entity (HTML, and Markdown since entities are read there too) shows its character at its "&"
        assert ch == source[i] or ch in " \n\r" or (name.endswith((".html", ".md")) and source[i] == "&")
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(source)


def test_a_table_row_or_definition_is_one_block_labelled_by_its_first_part():
    markdown = "| Who | Dose |\n| --- | --- |\n| Elderly patients | start with 2 mg three times a day |\n"
    html = "<table><tr><td>Elderly patients</td><td>start with 2 mg three times a day</td></tr></table>"
    definition = "<dl><dt>Elderly patients</dt><dd>start with 2 mg three times a day</dd></dl>"
    for name, source in (("a.md", markdown), ("a.html", html), ("b.html", definition)):
        document = read_document(name, source)
        row = document.blocks[-1]
        assert document.text[row.start:row.label_end] == "Elderly patients", name
        assert document.text[row.start:row.end].split() == "Elderly patients start with 2 mg three times a day".split()


SPACED_TABLE = ("Weight        Age        Amount\n"
                "36-47 lb      4-5 yrs    7.5 mL (240 mg)\n"
                "48-59 lb      6-8 yrs    10 mL (320 mg)\n")


@pytest.mark.parametrize("source", [SPACED_TABLE, SPACED_TABLE.replace("      ", "\t").replace("    ", "\t")])
def test_a_plain_text_table_lined_up_with_spaces_or_tabs_has_rows_and_columns(source):
    document = read_document("a.txt", source)
    rows = [block for block in document.blocks if block.cells]
    assert len(rows) == 3 and all(len(row.cells) == 3 for row in rows)
    assert rows[0].header == ("Weight", "Age", "Amount")
    assert rows[2].column_of(document.text.index("10 mL")) == "Amount"
    assert document.text[rows[2].start:rows[2].label_end] == "48-59 lb"


@pytest.mark.parametrize("line, heading", [
    ("I take 400 mg of Zoloft every day", False),  # a chat line with its full stop left off
    ("300 mg here", False),
    ("I Tried Zoloft 50 mg For Six Months", True),  # title case
    ("Zoloft 50 mg tablets", True),  # a product, no one taking it
    ("My experience with Zoloft", True),  # no amount
])
def test_a_short_line_in_sentence_case_with_an_amount_someone_takes_is_a_message(line, heading):
    kinds = [block.kind for block in read_document("a.txt", f"{line}\n\nMore text here.\n").blocks]
    assert (kinds[0] == "heading") == heading


@pytest.mark.parametrize("source", [
    "Zoloft works.  I take 50 mg daily.\nMy doctor said 200 mg, and I agree.  That is the max.\n",  # two spaces
    # after a full stop, not lined up
    "Zoloft works.\nI take 50 mg daily.\n",  # one cell a line
])
def test_prose_is_no_plain_text_table(source):
    assert not any(block.cells for block in read_document("a.txt", source).blocks)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("ab1 \t"), max_size=30), min_size=1, max_size=6))
def test_plain_text_table_cells_lie_inside_their_rows_in_order(lines):
    source = "\n".join(lines) + "\n"
    for block in read_document("a.txt", source).blocks:
        assert all(block.start <= start < end <= block.end for start, end in block.cells)
        assert all(a[1] <= b[0] for a, b in zip(block.cells, block.cells[1:]))
        assert all(source[start:end].strip() == source[start:end] for start, end in block.cells)


@pytest.mark.parametrize("name, source", [
    ("a.md", "| | Zofran | Phenergan |\n|---|---|---|\n| Uses | nausea | |\n| | | motion sickness |\n"),
    ("a.html", "<table><tr><th></th><th>Zofran</th><th>Phenergan</th></tr>"
               "<tr><td>Uses</td><td>nausea</td><td></td></tr><tr><td></td><td></td><td>motion sickness</td></tr></table>"),
])
def test_empty_table_cells_keep_every_cell_under_its_column_heading(name, source):
    document = read_document(name, source)
    rows = [block for block in document.blocks if block.cells]
    assert [block.header for block in rows] == [("", "Zofran", "Phenergan")] * 3
    assert all(len(block.cells) == 3 for block in rows)
    nausea, motion = document.text.index("nausea"), document.text.index("motion sickness")
    assert rows[1].column_of(nausea) == "Zofran"
    assert rows[2].column_of(motion) == "Phenergan"


WRAPPED = ("She said she has been giving her kids the syrup for a week now, whenever they get the stomach\n"
           "flu, and that it dries it right up.\n")


def test_a_long_line_wrapped_inside_a_paragraph_is_read_as_one_line():
    from lint.nlp.pipeline import soft_wraps_as_spaces
    reading = soft_wraps_as_spaces(read_document("a.txt", WRAPPED))
    assert "stomach flu" in reading and len(reading) == len(WRAPPED)


@pytest.mark.parametrize("source", [
    "Tori  9:21 PM\nok noted\nthat could kill ur sex drive\noh no\n",  # short chat lines are messages
    "First paragraph ends here.\n\nSecond paragraph.\n",  # a blank line parts blocks
    "* an item that is long enough to be wrapped by an editor at some width\n  indented going on\n",
    "Devin [11:06 PM]: my cousin literally got prescribed it for his ADHD so its the same vibe\n"
    "Ellie [11:07 PM]: it is NOT the same lmao\n",  # a speaker's name opens a new message
    "TOM: Let's squeeze in one more caller before the break, we have time for Marisol now\n"
    "MARISOL: Hi. My daughter is sixteen\n",
    "my cousin literally got prescribed it for his ADHD so its basically the same vibe as the other one but chill\n"
    "it is NOT the same lmao\n",  # a line over 100 characters was never wrapped by width
])
def test_line_breaks_that_do_not_wrap_a_long_line_stay(source):
    from lint.nlp.pipeline import soft_wraps_as_spaces
    assert soft_wraps_as_spaces(read_document("a.txt", source)) == read_document("a.txt", source).text


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n*-#"), max_size=300), st.sampled_from(["a.txt", "a.md"]))
def test_reading_text_only_turns_line_breaks_into_spaces(source, name):
    from lint.nlp.pipeline import soft_wraps_as_spaces
    document = read_document(name, source)
    reading = soft_wraps_as_spaces(document)
    assert len(reading) == len(document.text)
    assert all(r == t or (t == "\n" and r == " ") for r, t in zip(reading, document.text))
