"""Quote matching: normalisation, elision, paragraphs, lines, the closest passage."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.quotes import QuoteMatch, QuoteMiss, SourceText, normalize, quote_pieces
from conftest import SEEDS

# The plain definition of the runs that normalisation rewrites, which `quotes._runs` finds
# faster: a property test below compares the two.
RUN = re.compile(r"[ \n,-]{2,}")


def plain_rewrite(run: re.Match[str]) -> str:
    from argmap import quotes

    return quotes._REWRITE.sub(quotes._replace, run.group())


def lines(result):
    """The first and last line of a match."""
    assert isinstance(result, QuoteMatch), result
    return result.line, result.end_line


@pytest.mark.parametrize("text, normal", [
    ("a \u00a0 b\n\tc", "a b c"),
    ("it\u2019s \u2018so\u2019 \u201cthey\u201d said", "it's 'so' \"they\" said"),
    ("Russia \u2013 China", "Russia-China"),
    ("Russia\u2014China", "Russia-China"),
    ("Russia - \nChina", "Russia-China"),
    ("Russia -- China", "Russia-China"),
    ("To this end, , Russian", "To this end, Russian"),
    ("Case Kept", "Case Kept"),
])
def test_normalize(text, normal):
    assert normalize(text) == normal


def test_quote_pieces_split_at_ellipses():
    assert quote_pieces("one ... two \u2026 three [...] four [\u2026]") == ["one", "two", "three", "four"]


@pytest.fixture(scope="module")
def eastwest():
    return SourceText((SEEDS / "eastwest.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize("quote, line", [
    ("To this end, , Russian diplomats have rallied support", 10),
    ("To this end, Russian diplomats have rallied support", 10),
    ("Such an outcome would help Putin consolidate", 26),   # two spaces in the source
    ("Russia's successful diplomatic outreach ... helped soften Washington's position", 12),
    ("joint U.S. - South Korea military drills", 18),
    ("\u201clegitimate\u201d punitive sanctions", 32),
    ('"legitimate" punitive sanctions', 32),
    ("suspension of joint U.S.-South Korea military drills on the DPRK\u2019s borders. Even though", 18),
    ("counter-productive", 32),
])
def test_quotes_found_with_their_line(eastwest, quote, line):
    assert [lines(m) for m in eastwest.locate([quote])] == [(line, line)]


def test_quote_over_several_source_lines_keeps_first_and_last():
    source = SourceText("Title\n\nThe first line of a paragraph\ncontinues here and\nends here.\n")
    assert [lines(m) for m in source.locate(["paragraph continues here and ends"])] == [(3, 5)]


def test_pieces_must_stay_in_one_paragraph():
    source = SourceText("Alpha beta gamma.\n\nDelta epsilon zeta.\n")
    [miss] = source.locate(["Alpha beta ... epsilon zeta"])
    assert isinstance(miss, QuoteMiss) and "not in this order within one paragraph" in miss.reason


def test_a_quote_never_spans_a_paragraph_break():
    source = SourceText("Alpha beta gamma.\n \u00a0\nDelta epsilon zeta.\n")
    assert isinstance(source.locate(["gamma. Delta"])[0], QuoteMiss)


def test_the_first_occurrence_that_fits_is_used():
    source = SourceText("one two\n\none two three four\n")
    assert [lines(m) for m in source.locate(["one two ... four"])] == [(3, 3)]


def test_short_and_mid_word_quotes_are_found():
    source = SourceText("The (somewhere down the line) clause and an unfinished word.\n")
    assert [lines(m) for m in source.locate(["Th", "somewhere down the line", "nfinished word"])] == [(1, 1)] * 3


def test_closest_passage_for_a_changed_word(eastwest):
    [miss] = eastwest.locate(["Russia routinely ignores sanctions against the DPRK"])
    assert miss.closest_line == 34
    assert miss.closest_text.startswith("Russia routinely violates sanctions against the DPRK")


def test_no_closest_passage_when_nothing_is_shared(eastwest):
    assert eastwest.locate(["zzz qqq"]) == [QuoteMiss()]


def test_many_quotes_in_one_pass():
    paragraphs = [f"Paragraph {i} says claim number {i} with detail {i * 7}." for i in range(3000)]
    source = SourceText("\n\n".join(paragraphs))
    quotes = [f"claim number {i} with detail {i * 7}" for i in range(3000)]
    results = source.locate(quotes)
    assert [lines(m) for m in results] == [(2 * i + 1, 2 * i + 1) for i in range(3000)]


def test_closest_passage_prefers_shared_rare_words():
    source = SourceText("It starts here.\n\nThen comes a pause -- here.\n\nNothing.\n")
    [miss] = source.locate(["a pause - here now"])
    assert miss.closest_line == 3


def test_a_match_knows_the_spans_of_its_pieces():
    source = SourceText("one two three four\nfive")
    [match] = source.locate(["two ... four"])
    assert [source.text[start:end] for start, end in match.spans] == ["two", "four"]
    assert source.original_offset(match.spans[1][0]) == 14


@given(st.lists(st.sampled_from(["-", "\u2014", "\u2013", "_", "=", "*", "~", " ", "\t", "\n",
                                 "a", ",", "\r", "\x0b", "\u00a0", "\u2019", "\u3000"]),
                max_size=30))
def test_the_quick_checks_before_normalising_change_nothing(pieces):
    """The source's rule lines and one-for-one characters are looked for only when a quick
    check says the text may hold them (issue 14): normalising gives what it gives without."""
    from argmap import quotes

    text = "".join(pieces)
    expected = text
    if re.search(quotes._RULE_LINE, expected):
        expected = re.sub(quotes._RULE_LINE, quotes._blank, expected)
    expected = expected.translate(quotes._ONE_FOR_ONE)
    expected = quotes._LONE_BREAK.sub(" ", expected)
    expected = RUN.sub(plain_rewrite, expected)
    assert quotes._normalize(text)[0] == expected
    assert quotes._normalized(text) == RUN.sub(
        plain_rewrite, quotes._LONE_BREAK.sub(" ", text.translate(quotes._ONE_FOR_ONE)))
