"""The fuzz campaign of issue 15, kept in the suite: articles in every text format mutated the
way hostile or sloppy markup is (entities, backslash escapes, deep nesting, suppression
directives, unclosed tags and comments, odd Unicode and line breaks).

Properties: no reader or check raises; each reader keeps every character at its offset; every
finding's span, text, line and column agree with the source; and a sentence set apart before
the noise is still read and checked (the noise after it cannot blank it).

A bounded number of examples runs by default; a longer campaign:
    DRUGLINT_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz.py
"""
from __future__ import annotations

import os
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint import Linter, LinterConfig
from lint.model.document import Document
from lint.readers import read_document

EXAMPLES = int(os.environ.get("DRUGLINT_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="DRUGLINT_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

CLAIM = "Clonazepam is used to treat insomnia."  # one unlabeled-indication finding, at "insomnia"
WORDS = ["Clonazepam", "Klonopin", "insomnia", "panic disorder", "take", "0.5 mg", "twice daily", "is used to treat",
         "not", "my", "doctor", "the", "and", ",", ".", "?", "(", ")", "2 mg", "for anxiety", "seizures"]
ENTITIES = ["&nbsp;", "&amp;", "&lt;", "&gt;", "&quot;", "&#169;", "&#x41;", "&#;", "&#x;", "&#99999999;",
            "&bogus;", "&", "&#65", "&nbsp", "&#x110000;"]
ESCAPES = ["\\*", "\\_", "\\[", "\\]", "\\\\", "\\#", "\\`", "\\<", "\\&", "\\"]
ODD_UNICODE = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\u0301", "\u202e", "\u2066", "\u2028", "\u2029",
               "\r", "\r\n", "\t", "\x0b", "\x0c", "\x85", "\x1b[31m", "\x7f", "\u00a0", "\u3000", "ﬁ", "İ", "ß",
               "𝐂", "😀", "\U0010ffff", "\ufffd"]
DIRECTIVES = ["<!-- druglint-disable unlabeled-indication -->", "<!-- druglint-enable unlabeled-indication -->",
              "# druglint-disable-next-line unlabeled-indication", "<!-- druglint-disable -->",
              "// druglint-disable-next-line", "<!-- druglint-disable no-such-rule -->", "druglint-disable   "]
MARKUP = {
    ".md": ["> ", "- ", "1. ", "* ", "# ", "## ", "```", "~~~", "    ", "| a | b |\n|---|---|\n", "***", "**", "_",
            "[", "](", "![", "<", "<div>", "</div>", "<!--", "-->", "---\n", "===\n", "`", "[x]: /u\n", "<http://a>"],
    ".html": ["<p>", "</p>", "<div>", "</div>", "<li>", "<ul>", "<blockquote>", "<h2>", "</h2>", "<b>", "</i>",
              "<!--", "-->", "<![CDATA[", "]]>", "<![CDA", "<!DOCTYPE html>", "<head>", "</head>", "<title>",
              "<script>", "</script>", "<style>", "<a href='x>", "<a ", "</", "<?", "<!", "<br>", "<td>", "<tr>",
              "<dt>", "<dd>", "<template>", "<svg>", "<noscript>"],
    ".txt": ["  • ", "- ", "# ", "\n\n", "    ", "***", "==="],
}


@lru_cache(maxsize=1)
def linter() -> Linter:
    return Linter.for_config(LinterConfig())


def noise(suffix: str) -> st.SearchStrategy[str]:
    """Runs of words mixed with the markup of the format, entities, escapes, directives and odd Unicode."""
    piece = st.one_of(st.sampled_from(WORDS), st.sampled_from(ENTITIES), st.sampled_from(ESCAPES),
                      st.sampled_from(ODD_UNICODE), st.sampled_from(DIRECTIVES), st.sampled_from(MARKUP[suffix]),
                      st.sampled_from(["\n", "\n\n", " ", "  "]),
                      st.text(st.characters(blacklist_categories=("Cs",)), max_size=6))
    nesting = st.builds(lambda opener, depth, inner: opener * depth + inner,
                        st.sampled_from(MARKUP[suffix][:6]), st.integers(1, 40), st.sampled_from(WORDS))
    repeated = st.builds(lambda unit, times: unit * times,
                         st.sampled_from(MARKUP[suffix] + ENTITIES[:4] + ESCAPES[:3]), st.integers(1, 300))
    return st.lists(st.one_of(piece, piece, nesting, repeated), max_size=40).map("".join)


def claim_first(suffix: str, claim: str) -> str:
    """The claim as a paragraph of its own, closed before whatever follows."""
    return f"<p>{claim}</p>\n" if suffix == ".html" else f"{claim}\n\n"


def check_consistent(document: Document, report) -> None:
    source = document.source
    assert len(document.text) == len(source)
    for block in document.blocks:
        assert 0 <= block.start <= block.end <= len(source)
    for finding in report.findings:
        if finding.start is None:
            continue
        assert 0 <= finding.start <= (finding.end or finding.start) <= len(source)
        assert source[finding.start:finding.end] == finding.text
        assert document.line_col(finding.start) == (finding.line, finding.column)


@FUZZ
@given(suffix=st.sampled_from([".md", ".html", ".txt"]), data=st.data())
def test_mutated_articles_are_read_whole_and_checked_consistently(suffix, data):
    source = data.draw(noise(suffix), label="article")
    document = read_document(f"a{suffix}", source)
    report = linter().lint_text(f"a{suffix}", source)
    check_consistent(document, report)


@FUZZ
@given(suffix=st.sampled_from([".md", ".html", ".txt"]), data=st.data())
def test_a_claim_before_any_noise_is_still_found(suffix, data):
    tail = data.draw(noise(suffix), label="noise after the claim")
    source = claim_first(suffix, CLAIM) + tail
    report = linter().lint_text(f"a{suffix}", source)
    check_consistent(read_document(f"a{suffix}", source), report)
    start = source.index("insomnia")
    assert [(f.start, f.text) for f in report.findings if f.rule == "unlabeled-indication" and f.start == start] \
        == [(start, "insomnia")], source


@FUZZ
@given(suffix=st.sampled_from([".md", ".html"]), entity=st.sampled_from(ENTITIES[:7]),
       escape=st.sampled_from(ESCAPES[:4]), where=st.sampled_from(["start", "middle", "end"]))
def test_entities_and_escapes_in_the_claim_keep_it_read(suffix, entity, escape, where):
    """An entity or an escape in a paragraph used to blank the whole paragraph."""
    extra = f" {entity} {escape if suffix == '.md' else ''} "
    claim = {"start": extra + CLAIM, "middle": CLAIM.replace(" used ", f" used{extra}"), "end": CLAIM + extra}[where]
    source = claim_first(suffix, claim)
    report = linter().lint_text(f"a{suffix}", source)
    start = source.index("insomnia")
    assert any(f.rule == "unlabeled-indication" and f.start == start for f in report.findings), source


WELL_FORMED = {  # whole constructs, each closed: the prose after them must be read as prose
    ".html": st.one_of(
        st.builds(lambda words, ref: f"<p>{words} {ref} {words}</p>", st.sampled_from(WORDS),
                  st.sampled_from([e for e in ENTITIES if e not in ("&lt;", "&gt;")])),  # no '<' in the text
        st.sampled_from(["<!-- a comment -->", "<script>secret()</script>", "<style>p {}</style>", "<br>", "<hr/>",
                         "<![CDATA[x]]>", "<!DOCTYPE html>", "<?php x ?>", "<div><b>bold</b></div>",
                         "<ul><li>item</li></ul>", "<template><p>secret</p></template>", "</span>"]),
        st.builds(lambda depth: "<div>" * depth + "deep" + "</div>" * depth, st.integers(1, 300))),
    ".md": st.one_of(
        st.builds(lambda words, ref: f"{words} {ref} {words}\n\n", st.sampled_from(WORDS),
                  st.sampled_from(ENTITIES + ESCAPES)),
        st.sampled_from(["```\ncode\n```\n\n", "<!-- a comment -->\n\n", "---\n\n", "| a | b |\n|---|---|\n| c | d |\n\n",
                         "[x]: /url\n\n", "<div>\nblock\n</div>\n\n", "    indented code\n\n"]),
        st.builds(lambda depth: "> " * depth + "deep\n\n", st.integers(1, 60)),
        st.builds(lambda depth: "".join("  " * i + "- level\n" for i in range(depth)) + "\n", st.integers(1, 30))),
}


@FUZZ
@given(suffix=st.sampled_from([".html", ".md"]), data=st.data())
def test_a_claim_after_well_formed_markup_is_read_as_prose(suffix, data):
    pieces = data.draw(st.lists(WELL_FORMED[suffix], max_size=12), label="markup before the claim")
    source = "".join(pieces) + claim_first(suffix, CLAIM)
    document = read_document(f"a{suffix}", source)
    report = linter().lint_text(f"a{suffix}", source)
    check_consistent(document, report)
    start = source.rindex("insomnia")
    assert document.text[source.rindex("Clonazepam"):start + len("insomnia.")] == CLAIM
    assert any(f.rule == "unlabeled-indication" and f.start == start for f in report.findings), source
    if suffix == ".html":
        assert "<" not in document.text and ">" not in document.text and "secret" not in document.text, source


BRACKETY = st.lists(st.sampled_from(["[", "]", "![", "(", ")", "a", " ", "`", "<", ">", "\\", "*", "&amp;", "\n",
                                     "[a]", "(b)", "<x>", "\n\n", "> ", "- ", "[x]: /u\n"]), max_size=60).map("".join)


@FUZZ
@given(source=BRACKETY)
def test_the_markdown_bracket_shortcut_gives_markdown_its_own_tokens(source):
    """The reader's rule that takes a `[` that cannot open a link for text (so runs of `[` and
    `![` do not make markdown-it scan the rest of a paragraph from each one) never changes
    what markdown-it finds."""
    from markdown_it import MarkdownIt

    from lint.readers.markdown import _PARSER

    def tokens(parser):
        return [(t.type, t.content, [(c.type, c.content, c.attrs) for c in t.children or []])
                for t in parser.parse(source)]

    plain = MarkdownIt("commonmark", {"maxNesting": 64}).enable("table")
    assert tokens(_PARSER) == tokens(plain)
