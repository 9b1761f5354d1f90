"""Lark's parse errors in words: what was found, what was expected, and a likely fix."""

from __future__ import annotations

import difflib
import functools
import re

from lark import Lark, Token
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from ..errors import SyntaxProblem as Problem
from ..lexicon import (
    COMPARE,
    DOCUMENT,
    HEADER_KEYS,
    INFERENCE_KINDS,
    KIND_SYNONYMS,
    TOPIC,
    USE,
    WITH,
    CrossKind,
    NodeKind,
    RelationKind,
    word_list,
)

__all__ = ["describe"]

NODE_KINDS = tuple(kind.value for kind in NodeKind)
RELATIONS = tuple(kind.value for kind in RelationKind)
CROSS_KINDS = tuple(kind.value for kind in CrossKind)
_KIND_LIST = word_list(NODE_KINDS)
_HEADER_KEYS = word_list(HEADER_KEYS)

#: What a syntax error says: its problem, and the words.
Described = tuple[Problem, str]

# Parser states, each shown by example inputs that stop there: the problem, and what to say
# about it. `{after}` is the statement so far; `{prev}` the token before the error;
# `{found}` the offending token.
_EXAMPLES: dict[Problem, tuple[str, list[str]]] = {
    Problem.NODE_TEXT_EXPECTED: (
        "expected the node's text in double quotes after `{after}`",
        ['thesis t', 'thesis t supports a']),
    Problem.NODE_ID_EXPECTED: (
        "expected the node's id after `{prev}`, as in `{prev} main_claim \"...\"`",
        [f'{kind} "text"' for kind in NODE_KINDS]),
    Problem.DOCUMENT_ID_EXPECTED: (
        "expected the document's id after `document`, as in `document fpri \"Title\" {{ ... }}`",
        ['document "t"', 'document d "t" {} document "t"', 'thesis t "x" document "t"']),
    Problem.DOCUMENT_TITLE_EXPECTED: (
        "expected the document's title in double quotes after `{after}`",
        ['document d {', 'document d }']),
    Problem.HEADER_OPEN_EXPECTED: (
        "expected `{{` to open the document header after its title",
        ['document d "t" thesis']),
    Problem.HEADER_KEY_EXPECTED: (
        "expected a header key ({header_keys}) or `}}` to close the header: a document header "
        "holds `KEY \"value\"` lines",
        ['document d "t" { "p"', 'document d "t" { date "x" "p"', 'document d "t" { date "x" ,']),
    Problem.HEADER_VALUE_EXPECTED: (
        "expected the value of `{prev}` in double quotes",
        ['document d "t" { date }', 'document d "t" { date date']),
    Problem.COMPARISON_ID_EXPECTED: (
        "expected the comparison's id after `compare`", ['compare "t"']),
    Problem.COMPARISON_TITLE_EXPECTED: (
        "expected the comparison's title in double quotes after `{after}`", ['compare c {']),
    Problem.COMPARISON_OPEN_EXPECTED: (
        "expected `{{` to open the comparison header after its title", ['compare c "t" a']),
    Problem.USE_PATH_EXPECTED: (
        "expected the path of a `.arg` file in double quotes after `use`",
        ['compare c "t" { use }', 'compare c "t" { use u']),
    Problem.COMPARISON_HEADER_HOLDS_USES: (
        "a comparison header holds only `use \"file.arg\"` lines, then `}}`",
        ['compare c "t" { u', 'compare c "t" { use "u" u']),
    Problem.ARROW_EXPECTED: (
        "expected `->` after `{prev}`: an undercut names the inference it attacks, as in "
        "`undercuts reason -> claim`",
        ['objection o "x" undercuts a b', 'objection o "x" undercuts a']),
    Problem.QUALIFIED_NODE_EXPECTED: (
        "expected a node id after `{ref}`, as in `DOC.NODE`",
        ['thesis t "x" supports a.', 'compare c "t" { } a.']),
    Problem.AFTER_NODE_TEXT: (
        "unexpected {found}: after a node's text come its tags (`#word`) and relations "
        "({relations}), then the next statement",
        ['thesis t "x" "y"', 'thesis t "x" #t "y"']),
    Problem.AFTER_RELATION: (
        "unexpected {found} after `{prev}`: a relation lists node ids separated by commas; a new "
        "statement starts with a node kind ({kinds})",
        ['thesis t "x" supports a "y"', 'thesis t "x" attacks a "y"',
         'thesis t "x" supports a #t', 'thesis t "x" attacks a #t']),
    Problem.CROSS_KIND_EXPECTED: (
        "expected a cross-relation ({cross_kinds}) after `{ref}`, as in `fpri.claim agrees "
        "eastwest.claim`",
        ['compare c "t" { } a.b c.d', 'compare c "t" { } a.b "x"']),
    Problem.AFTER_CROSS_RELATION: (
        "unexpected {found}: a cross-relation joins two nodes, as in `fpri.claim agrees "
        "eastwest.claim \"why\"`; write each pair as a cross-relation of its own",
        ['compare c "t" { } a.b agrees c.d ,', 'compare c "t" { } a.b agrees c.d "x" ,',
         'compare c "t" { } a.b agrees c.d "x" "y"']),
    Problem.AFTER_COMPARISON_HEADER: (
        "unexpected {found}: after the comparison header come cross-relations such as "
        "`fpri.claim agrees eastwest.claim`",
        ['compare c "t" { } "x"', 'compare c "t" { } ,', 'compare c "t" { use "u" } "x"',
         'compare c "t" { use "u" } ,']),
}


def describe(error: UnexpectedInput, text: str, parser: Lark) -> tuple[int, int, Problem, str]:
    """The line, column, problem and message for a Lark error raised while parsing `text`."""
    if isinstance(error, UnexpectedCharacters):
        pos, at = error.pos_in_stream, error.column
        assert pos is not None  # Lark's lexer always says where it stopped
        if text.endswith('""', 0, pos) and text[pos] == '"' and not text.endswith('"', 0, pos - 2):
            pos, at = pos - 2, at - 2  # `"""` lexed as `""` then a stray `"`
        return (error.line, at, *_bad_character(text, pos, parser))
    assert isinstance(error, UnexpectedToken)
    token = error.token
    at_end = token.type == "$END"
    before = _tokens_before(text, parser, len(text) if at_end else token.start_pos)
    place = ((before[-1].end_line, before[-1].end_column) if at_end and before
             else (token.line, token.column))
    line, column = place
    assert line is not None and column is not None  # the lexer places every token
    context = _Context(parser, text, token, before, set(error.expected), error.accepts)
    problem, message = (context.unclosed_header() or context.keyword_as_name()
                        or context.missing_target() or context.unknown_kind()
                        or context.missing_comma() or context.misplaced_with()
                        or context.misplaced()
                        or context.from_examples(error) or context.generic())
    return line, column, problem, message


class _Context:
    """What surrounds a parse error: the tokens before it and the terminals expected."""

    def __init__(self, parser: Lark, text: str, token: Token, before: list[Token], expected,
                 accepts=None):
        self.parser = parser
        self.text = text
        self.token = token
        self.before = before
        self.expected = expected
        # `expected` is the parser state's lookahead, which LALR merges between contexts;
        # `accepts` is what the parser would really take next (when Lark computed it).
        self.accepts = set(accepts) if accepts else expected
        self.prev = before[-1] if before else None
        self.keywords = _keywords(parser)
        self.expected_literals = {parser.get_terminal(t).pattern.value for t in expected
                                  if t != "$END" and parser.get_terminal(t).pattern.type == "str"}

    def is_keyword(self, token: Token | None, words=None) -> bool:
        return (token is not None and token.type in self.keywords
                and (words is None or token.value in words))

    def unclosed_header(self) -> Described | None:
        """A header whose `}` never came: the file ended, or a statement began inside it."""
        if "RBRACE" not in self.expected:
            return None
        starts_statement = (self.is_keyword(self.token, (*NODE_KINDS, DOCUMENT, COMPARE))
                            or self._starts_cross_relation())
        if self.token.type != "$END" and not starts_statement:
            return None
        opener = next((t for t in reversed(self.before) if t.value in (DOCUMENT, COMPARE)
                       and t.type in self.keywords), None)
        what = "comparison" if opener is not None and opener.value == COMPARE else "document"
        where = f" opened at line {opener.line}" if opener is not None else ""
        return Problem.UNCLOSED_HEADER, f"missing `}}` to close the {what} header{where}"

    def keyword_as_name(self) -> Described | None:
        """A reserved word where a name was expected."""
        if "IDENT" not in self.accepts or not self.is_keyword(self.token):
            return None
        word, prev = self.token.value, self.prev
        as_name = Problem.KEYWORD_AS_NAME
        if prev is not None and prev.type == "DOT":
            return as_name, f"`{word}` is a keyword and cannot name a node"
        if self._after_relation():
            if self.is_keyword(self.token, (*NODE_KINDS, DOCUMENT)):
                return (Problem.STATEMENT_IN_RELATION, f"expected a node id after "
                        f"`{self._shown(prev)}`, found the start of a new statement `{word}`")
            return as_name, f"`{word}` is a keyword and cannot name a node"
        if self.is_keyword(prev, NODE_KINDS):
            return as_name, f"`{word}` is a keyword and cannot name a node"
        if self.is_keyword(prev, (DOCUMENT, COMPARE)):
            what = "document" if self._shown(prev) == DOCUMENT else "comparison"
            return as_name, f"`{word}` is a keyword and cannot name a {what}"
        if self.is_keyword(self.token, (COMPARE,)) and self._in_comparison():
            return (Problem.SECOND_COMPARE, f"a comparison file holds one `compare` header, and "
                    f"it is already at line {self.before[0].line}")
        if self.is_keyword(self.token, (DOCUMENT,)) and self._in_comparison():
            return (Problem.DOCUMENT_IN_COMPARISON, "a comparison file holds one `compare` "
                    "header and no `document` header: a document map is a file of its own, "
                    "which the comparison `use`s")
        if self.is_keyword(self.token, NODE_KINDS) and self._in_comparison():
            return (Problem.NODE_IN_COMPARISON, "a comparison holds only cross-relations such "
                    "as `fpri.claim agrees eastwest.claim`; nodes belong in a document map")
        if self.is_keyword(self.token, (USE,)) and self._in_comparison():
            return (Problem.USE_OUTSIDE_HEADER,
                    "`use` lines belong inside the comparison header, before its `}`")
        if self.is_keyword(self.token, RELATIONS) and self._in_comparison() \
                and word not in CROSS_KINDS:
            return (Problem.NOT_A_CROSS_KIND, f"`{word}` is not a cross-relation: a comparison "
                    f"relates nodes with {word_list(CROSS_KINDS)}")
        if self._in_comparison() and getattr(self._token_after(), "type", None) == "DOT":
            return as_name, f"`{word}` is a keyword and cannot name a document"
        if (self.is_keyword(self.token, CROSS_KINDS) and self._in_comparison()
                and prev is not None and prev.type in ("IDENT", "STRING")):
            return (Problem.CHAINED_CROSS_RELATION, f"unexpected `{word}`: a cross-relation "
                    f"joins two nodes, as in `fpri.claim {word} eastwest.claim`; write each pair "
                    "as a cross-relation of its own")
        if "RBRACE" in self.expected:
            return (as_name, f"`{word}` is a keyword, not a header key; a document header holds "
                    f"{word_list(HEADER_KEYS[:-1])} and {HEADER_KEYS[-1]}")
        return as_name, f"`{word}` is a keyword and cannot be used as a name"

    def missing_target(self) -> Described | None:
        """A relation keyword or comma with no node id after it."""
        if "IDENT" not in self.accepts or not self._after_relation():
            return None
        return Problem.MISSING_TARGET, f"expected a node id after `{self._shown(self.prev)}`"

    def _after_relation(self) -> bool:
        prev = self.prev
        return ((prev is not None and prev.value in (",", "->") and prev.type != "STRING")
                or self.is_keyword(prev, (*RELATIONS, *CROSS_KINDS, WITH)))

    def unknown_kind(self) -> Described | None:
        """A word where a node kind should start a statement: `claim x "..."`."""
        if self.token.type != "IDENT" or NodeKind.THESIS.value not in self.expected_literals:
            return None
        following = self._token_after()
        if following is not None and following.type == "DOT":
            return (Problem.CROSS_RELATION_IN_MAP, "a cross-relation such as `fpri.claim agrees "
                    "eastwest.claim` belongs in a comparison, a file that starts with `compare "
                    "ID \"title\" { use \"map.arg\" }`")
        if following is None or following.type not in ("IDENT", "STRING"):
            return None
        word = self.token.value
        if following.type == "STRING" and difflib.get_close_matches(word.lower(), [TOPIC],
                                                                    cutoff=0.7):
            return Problem.UNKNOWN_KIND, f"unknown statement `{word}` — did you mean `{TOPIC}`?"
        relation = self._misspelt_relation(word)
        if relation:
            return (Problem.UNKNOWN_RELATION,
                    f"unknown relation `{word}` — did you mean `{relation}`?")
        synonym = KIND_SYNONYMS.get(word.lower())
        guess = synonym.value if synonym else next(
            iter(difflib.get_close_matches(word.lower(), NODE_KINDS, n=1, cutoff=0.6)), None)
        if guess:
            return Problem.UNKNOWN_KIND, f"unknown node kind `{word}` — did you mean `{guess}`?"
        return (Problem.UNKNOWN_KIND,
                f"unknown node kind `{word}`: a node starts with one of {_KIND_LIST}")

    def _misspelt_relation(self, word: str) -> str | None:
        """The relation a word after a node's text most likely means (`support t`), when
        it is nearer to a relation than to a node kind."""
        start = self._statement_start()
        if not self.before or not self.is_keyword(self.before[start], NODE_KINDS):
            return None
        if word.lower() in KIND_SYNONYMS:
            return None
        guess = difflib.get_close_matches(word.lower(), RELATIONS + NODE_KINDS, n=1, cutoff=0.6)
        return guess[0] if guess and guess[0] in RELATIONS else None

    def missing_comma(self) -> Described | None:
        """Two ids in a row inside a relation: `supports a b`."""
        if self.token.type != "IDENT" or self.prev is None or self.prev.type != "IDENT":
            return None
        if "COMMA" not in self.expected:
            return None
        return Problem.MISSING_COMMA, (
                f"missing `,` between `{self.prev.value}` and `{self.token.value}`: separate "
                "the targets of a relation with commas")

    def misplaced_with(self) -> Described | None:
        """`with` anywhere but right after the one conclusion of a `supports`."""
        if not self.is_keyword(self.token, (WITH,)) or WITH in self.expected_literals:
            return None
        statement = self.before[self._statement_start():]
        relation = next((t for t in reversed(statement) if self.is_keyword(t, RELATIONS)), None)
        if relation is None:
            return Problem.MISPLACED_WITH, (
                "unexpected `with`: it links the nodes that support a conclusion together, "
                "after the conclusion, as in `premise p \"...\" supports claim with other`")
        if relation.value not in INFERENCE_KINDS:
            return Problem.MISPLACED_WITH, (
                f"unexpected `with` after `{relation.value}`: only a support or an explanation "
                "is linked, as in `supports claim with other`")
        if any(self.is_keyword(t, (WITH,)) for t in statement[statement.index(relation):]):
            return Problem.MISPLACED_WITH, (
                "a linked support has one `with`: separate the nodes it links with commas, as "
                "in `supports claim with b, d`")
        return Problem.LINKED_AFTER_LIST, (
            "a linked support names one conclusion, as in `supports claim with other`: write "
            "the other conclusions in a `supports` of their own")

    def misplaced(self) -> Described | None:
        """A tag, `->`, `compare` or `use` where the language has no place for it."""
        kind, word = self.token.type, self.token.value
        if kind in self.accepts:
            return None
        if kind == "TAG":
            if self._in_comparison():
                return Problem.MISPLACED_TAG, (
                        f"unexpected tag `{word}`: cross-relations take no tags; to write a "
                        "comment, put a space after `#`")
            if self._statement_relations():
                return Problem.MISPLACED_TAG, (
                        f"unexpected tag `{word}`: tags go right after the node's text, before its "
                        f"relations, as in `premise p \"...\" {word} supports main`; to write a "
                        "comment, put a space after `#`")
            return Problem.MISPLACED_TAG, (
                    f"unexpected tag `{word}`: a tag (`#word`) follows a node's text; to write a "
                    "comment, put a space after `#`")
        if word == "->" and kind != "STRING" and self._statement_relations():
            return Problem.MISPLACED_ARROW, (
                    "unexpected `->`: only an undercut names an inference, as in `undercuts "
                    "reason -> claim`; `supports` and `attacks` list node ids separated by commas")
        if self.is_keyword(self.token, (COMPARE,)) and not self._in_comparison():
            return Problem.COMPARE_IN_MAP, ("`compare` starts a comparison, which is a file of "
                                            "its own: a document map cannot hold one")
        if self.is_keyword(self.token, (USE,)) and not self._in_comparison():
            return Problem.USE_IN_MAP, ("`use` belongs in the header of a comparison, as in "
                                        "`compare ID \"title\" { use \"map.arg\" }`; a "
                                        "document map uses no other file")
        return None

    def from_examples(self, error: UnexpectedToken) -> Described | None:
        """The message of the example input that stops in the same parser state.

        Lark's own `match_examples` also compares the depth of the parser's stack, so an
        example written as a file's first statement would never match the same mistake
        made further down; the LALR state at the top of the stack (and the tokens it
        accepts) is what says where in the grammar the parser stopped.
        """
        if error.state is None:
            return None
        position, accepts = error.state.position, frozenset(error.accepts or ())
        problem = next((problem for state, accepted, problem in _example_states(self.parser)
                        if state == position and accepted == accepts), None)
        if problem is None:
            return None
        template = _EXAMPLES[problem][0]
        return problem, template.format(
            after=self._statement_so_far(), prev=self._shown(self.prev), ref=self._ref_so_far(),
            found=self._found(), kinds=_KIND_LIST, header_keys=_HEADER_KEYS,
            relations=word_list(f"`{kind}`" for kind in RELATIONS),
            cross_kinds=word_list(CROSS_KINDS))

    def generic(self) -> Described:
        """Found X after Y; expected Z, in words."""
        after = (f" after `{self.prev.value}`"
                 if self.prev is not None and self.prev.type != "STRING" else "")
        return Problem.UNEXPECTED, (f"unexpected {self._found()}{after}; expected "
                f"{_expected_words(self.accepts, self.parser, self._in_comparison(), self.prev)}")

    def _statement_start(self) -> int:
        """The index in `before` of the keyword that starts the current statement (0 if none)."""
        start = len(self.before)
        while start > 0 and not self.is_keyword(self.before[start - 1],
                                                (*NODE_KINDS, DOCUMENT, COMPARE)):
            start -= 1
        return max(start - 1, 0)

    def _statement_relations(self) -> bool:
        """Whether the current statement has reached its relations."""
        return any(self.is_keyword(t, RELATIONS) for t in self.before[self._statement_start():])

    def _starts_cross_relation(self) -> bool:
        """Whether the offending token is `DOC` in `DOC.NODE`, starting a cross-relation."""
        if self.token.type != "IDENT" or not self._in_comparison():
            return False
        following = self._token_after()
        return following is not None and following.type == "DOT"

    def _in_comparison(self) -> bool:
        return bool(self.before) and self.is_keyword(self.before[0], (COMPARE,))

    def _token_after(self) -> Token | None:
        tokens = self.parser.lex(self.text[self.token.end_pos:])
        try:
            return next(iter(tokens), None)
        except UnexpectedInput:
            return None

    def _statement_so_far(self) -> str:
        """The tokens since the last statement keyword, as written."""
        start = self._statement_start()
        starts = bool(self.before) and self.is_keyword(self.before[start])
        tokens = self.before[start:] if starts else self.before[-3:]
        return " ".join(t.value for t in tokens)

    def _ref_so_far(self) -> str:
        """The reference being written when the error came: `a.b` or `a.`."""
        start = len(self.before)
        while start > 0 and self.before[start - 1].type in ("IDENT", "DOT"):
            start -= 1
        return "".join(t.value for t in self.before[start:])

    def _found(self) -> str:
        if self.token.type == "$END":
            return "end of file"
        if self.token.type == "STRING":
            text = self.token.value
            return "string " + (text if len(text) <= 30 else text[:27] + '..."')
        return f"`{self.token.value}`"

    @staticmethod
    def _shown(token: Token | None) -> str:
        return token.value if token is not None else ""


def _bad_character(text: str, pos: int, parser: Lark) -> Described:
    """Words for a character no token can start with, and what the parser expected there."""
    char = text[pos]
    accepts, prev = _state_at(text, pos, parser)
    if text.startswith('"""', pos):
        return (Problem.UNTERMINATED_STRING,
                'unterminated string starting here: no closing `"""` before the end of the file')
    if char == '"' and text.endswith('"""', 0, pos):
        return (Problem.UNTERMINATED_STRING, 'a `"` right before a closing `"""` ends the '
                'string one quote early: write it as `\\"`')
    if char == '"':
        return Problem.UNTERMINATED_STRING, (
                "unterminated string starting here: a string in double quotes must end on the "
                'same line (use """...""" for text over several lines)')
    if char == "#":
        return Problem.BARE_HASH, ("`#` must be followed by a space to start a comment, or by a "
                                   "word to make a tag (`#word`)")
    if char == "-" and text[pos + 1:pos + 2].isalpha():
        return Problem.BAD_ID_START, "unexpected `-`: an id starts with a letter or `_`"
    if char == "-" or char == ">" or text.startswith("=>", pos):
        return (Problem.BAD_ARROW,
                f"unexpected `{char}`: an undercut is written `undercuts reason -> claim`")
    if char == "\ufffd":
        return Problem.NOT_TEXT, "the file contains a character that is not valid UTF-8"
    if char in "“”":
        return (Problem.CURLY_QUOTES,
                f"unexpected `{char}`: strings are written between straight double quotes `\"`")
    if char in "'`‘’«»„" and accepts and "STRING" in accepts:
        shown = "backtick" if char == "`" else f"`{char}`"
        return (Problem.CURLY_QUOTES,
                f"unexpected {shown}: strings are written between straight double quotes `\"`")
    if char.isdigit():
        return Problem.BAD_ID_START, f"unexpected `{char}`: an id starts with a letter or `_`"
    if char in "=:" and accepts == {"STRING"} and prev is not None and prev.type == "IDENT":
        return Problem.HEADER_FIELD_SEPARATOR, (
            f"unexpected `{char}`: a header field is written `{prev.value} \"value\"`, with no "
            f"`{char}`")
    shown = char if char.isprintable() else f"U+{ord(char):04X}"
    if accepts:
        expected = _expected_words(accepts, parser, _is_comparison(text, parser), prev)
        return Problem.BAD_CHARACTER, f"unexpected character `{shown}`; expected {expected}"
    return Problem.BAD_CHARACTER, f"unexpected character `{shown}`"


def _state_at(text: str, pos: int, parser: Lark) -> tuple[set[str] | None, Token | None]:
    """What the parser would accept at `pos`, after the tokens before it, and the last token."""
    try:
        interactive = parser.parse_interactive(text[:pos])
        tokens = list(interactive.iter_parse())
        return set(interactive.accepts()), tokens[-1] if tokens else None
    except Exception:  # the text before `pos` has a problem of its own: say less
        return None, None


def _is_comparison(text: str, parser: Lark) -> bool:
    try:
        first = next(iter(parser.lex(text)), None)
    except UnexpectedInput:
        return False
    return first is not None and first.type == "COMPARE"


def _tokens_before(text: str, parser: Lark, end: int) -> list[Token]:
    tokens = []
    for token in parser.lex(text):
        if token.start_pos is None or token.start_pos >= end:
            break
        tokens.append(token)
    return tokens


_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def _keywords(parser: Lark) -> set[str]:
    """Names of the terminals that are reserved words."""
    return {t.name for t in parser.terminals
            if t.pattern.type == "str" and _IDENT.fullmatch(t.pattern.value)}


def _expected_words(expected: set[str], parser: Lark, in_comparison: bool = False,
                    prev: Token | None = None) -> str:
    """`expected` as a list a person reads: groups of keywords named once; `prev`, the
    token before, says what an id there would name."""
    literal = {name: parser.get_terminal(name).pattern.value for name in expected
               if name != "$END" and parser.get_terminal(name).pattern.type == "str"}
    values = set(literal.values())
    words = []
    for group, label in ((NODE_KINDS, "a node"), (RELATIONS, "a relation"),
                         (CROSS_KINDS, "a cross-relation")):
        if values.issuperset(group):
            words.append(f"{label} ({', '.join(group)})")
            values -= set(group)
    prev_word = prev.value if prev is not None and prev.type != "STRING" else None
    if prev_word in (DOCUMENT, COMPARE):
        ident = "the document's id" if prev_word == DOCUMENT else "the comparison's id"
    elif prev_word in NODE_KINDS:
        ident = "the node's id"
    elif "RBRACE" in expected:
        ident = f"a header key ({_HEADER_KEYS})"
    else:
        ident = "a node reference (`DOC.NODE`)" if in_comparison else "an id"
    names = {"IDENT": ident,
             "STRING": "a string in double quotes", "TAG": "a tag (`#word`)",
             "$END": "end of file"}
    words += [names[n] for n in sorted(expected) if n in names]
    words += [f"`{v}`" for v in sorted(values)]
    return ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else words[0]


@functools.cache
def _example_states(parser: Lark) -> list[tuple[object, frozenset, Problem]]:
    """For each example of `_EXAMPLES`: the parser state it stops in, what that state
    accepts, and the example's problem; computed once per parser."""
    states = []
    for problem, (_, examples) in _EXAMPLES.items():
        for example in examples:
            try:
                parser.parse(example)
            except UnexpectedToken as error:
                if error.state is not None:
                    states.append((error.state.position, frozenset(error.accepts or ()), problem))
            except Exception:  # an example that stops elsewhere (or parses) teaches nothing
                continue
    return states
