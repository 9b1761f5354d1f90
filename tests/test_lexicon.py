"""The lexicon and the grammar say the same: the checks that keep them from drifting."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from argmap.lexicon import (
    COMPARE,
    DOCUMENT,
    KEYWORDS,
    TERMINALS,
    USE,
    CrossKind,
    NodeKind,
    RelationKind,
    word_list,
)
from argmap.parsing.lark_parser import lark_parser


def _literals(rule: str) -> list[str]:
    """The keyword that starts each alternative of a grammar rule, in the grammar's order."""
    parser = lark_parser()
    first = [r.expansion[0] for r in parser.rules if r.origin.name == rule]
    return list(dict.fromkeys(parser.get_terminal(symbol.name).pattern.value for symbol in first))


def _relation_keywords() -> list[str]:
    parser = lark_parser()
    return list(dict.fromkeys(parser.get_terminal(r.expansion[0].name).pattern.value
                              for r in parser.rules if r.alias in set(RelationKind)))


def test_the_reserved_words_are_the_grammars_keywords():
    parser = lark_parser()
    keywords = {t.pattern.value for t in parser.terminals
                if t.pattern.type == "str" and re.fullmatch(TERMINALS["IDENT"], t.pattern.value)}
    assert keywords == KEYWORDS
    assert {DOCUMENT, COMPARE, USE} < keywords


def test_node_kinds_are_the_grammars_in_its_order():
    assert _literals("node_kind") == [kind.value for kind in NodeKind]


def test_cross_kinds_are_the_grammars_in_its_order():
    assert _literals("cross_kind") == [kind.value for kind in CrossKind]


def test_relation_kinds_are_the_grammars():
    assert _relation_keywords() == [kind.value for kind in RelationKind]


def test_word_list_reads_as_prose():
    assert word_list(["a", NodeKind.THESIS]) == "a, thesis"


@given(st.sampled_from(sorted(TERMINALS)), st.text(alphabet='"\\\nx \r#->_Z9,{}(\t\u00e9',
                                                   max_size=12))
def test_the_lexicons_terminals_match_what_the_grammars_match(name, text):
    grammar = re.compile(lark_parser().get_terminal(name).pattern.to_regexp())
    mine = re.compile(TERMINALS[name])
    for start in range(len(text)):
        ours, theirs = mine.match(text, start), grammar.match(text, start)
        assert (ours and ours.end()) == (theirs and theirs.end())
