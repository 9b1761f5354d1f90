"""The lexicon and the grammar say the same: the checks that keep them from drifting."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.lexicon import (
    COMPARE,
    DOCUMENT,
    EXTENSION,
    HEADER_KEYS,
    KEYWORDS,
    TERMINALS,
    USE,
    CrossKind,
    NodeKind,
    RelationKind,
    word_list,
)
from argmap.parsing.lark_parser import lark_parser

SOURCES = Path(__file__).resolve().parent.parent / "src" / "argmap"
# What code must take from the lexicon: keywords and the files' extension everywhere, and
# the header keys where a header is read (`WORDS`).
SPELLED = KEYWORDS | {EXTENSION, f"*{EXTENSION}"}
WORDS = SPELLED | set(HEADER_KEYS)


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


def _hand_spelled_keywords(source: str) -> list[tuple[int, str]]:
    """Where code spells a keyword by hand: compares a text with one, passes one to a call,
    lists one in a tuple, list or set (a header key too, or gets a header's field by it), or builds a pattern naming keywords (a group
    `(a|b)`, or three in a row, as a Vim syntax line lists them). Prose in messages and
    docstrings may name a keyword, as the docs do."""
    tree = ast.parse(source)
    # `__all__` names functions, whatever they are called.
    exports = {id(n) for node in ast.walk(tree) if isinstance(node, ast.Assign) and any(
        isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
        for n in ast.walk(node.value)}
    found = []
    for node in ast.walk(tree):
        if id(node) in exports:
            continue
        if isinstance(node, ast.Compare):
            operands, words = [node.left, *node.comparators], WORDS
        elif isinstance(node, ast.Call):  # a header's field got by its key: `header.get(...)`
            method = node.func.attr if isinstance(node.func, ast.Attribute) else ""
            receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
            named = getattr(receiver, "id", None) or getattr(receiver, "attr", "")
            of_header = method == "get" and named.endswith("header")
            operands, words = node.args, WORDS if of_header else SPELLED
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            # a header key alone in a set is some other data's key: two are the header's
            keys = sum(isinstance(e, ast.Constant) and e.value in HEADER_KEYS for e in node.elts)
            operands, words = node.elts, WORDS if keys > 1 else SPELLED
        else:
            operands = []
        for operand in operands:
            if isinstance(operand, ast.Constant) and operand.value in words:
                found.append((operand.lineno, operand.value))
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            groups = [w for group in re.findall(r"\(([\w|]+)\)", node.value)
                      for w in group.split("|")]
            words = node.value.split()
            if any(w in KEYWORDS for w in groups) or any(
                    all(w in KEYWORDS for w in words[i:i + 3]) for i in range(len(words) - 2)):
                found.append((node.lineno, node.value))
    return found


# English words that are also keywords, spelt where they are English: `hedge-dropped`'s
# attribution verbs ("the report explains").
_ENGLISH = {"lint/rules/hedge_dropped.py": {"explains"}}


def test_no_module_spells_a_keyword_outside_the_lexicon():
    copies = {}
    for path in sorted(SOURCES.rglob("*.py")):
        if path.name != "lexicon.py":
            name = str(path.relative_to(SOURCES))
            found = [(line, word) for line, word in
                     _hand_spelled_keywords(path.read_text(encoding="utf-8"))
                     if word not in _ENGLISH.get(name, set())]
            if found:
                copies[name] = found
    assert copies == {}


@pytest.mark.parametrize("code", [
    'x == "compare"', 'token.text in ("document", "compare")', 'text.startswith("use")',
    'header.get("source")', 'context.header.get("url")', 'key in ("url", "date")',
    'name.endswith(".arg")',
    'filenames = ["*.arg"]',
    'frozenset({"document", "compare"})', 'BEGIN = "(document|compare)"', 'ALT = "(use)"',
    'LINE = "syn keyword argmapHeader document compare use"'])
def test_the_scan_finds_each_kind_of_copy(code):
    assert _hand_spelled_keywords(code)


@pytest.mark.parametrize("code", [
    'message = "expected the path after `use`"', '__all__ = ["attacks"]',
    'data = {"document": 1}', 'x == COMPARE', 'label = "supports (across documents)"',
    'parser.add_argument("source")', 'data["source"] = value', 'locution.get("source")',
    'OWN = {"kind", "line", "source"}'])
def test_the_scan_lets_prose_and_data_be(code):
    assert _hand_spelled_keywords(code) == []
