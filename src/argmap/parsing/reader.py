"""Text to model without Lark, for the files Lark would parse without error.

The reader follows the grammar (`argmap.lark`) with one regular expression per
construct, and gives up, returning `LeftToLark`, wherever the text leaves the way a
well-formed file goes: at anything Lark would reject, and at an unknown escape in a
string. Lark then parses the file (from the last statement the reader read whole), and
says what is wrong in its words and in the order it meets the problems. For every file the
reader accepts, it builds the model Lark builds, equal object for object, and accepts every
file Lark parses (tests/test_fuzz.py checks both).

Tokens are matched as Lark's basic lexer matches them, with patterns that match what the
grammar's match: an identifier runs as far as it can and is a keyword when its whole text
is one; white space and comments between tokens are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
from attrs import frozen

from ..collector import collector_paused
from ..errors import ArgSyntaxError
from ..lexicon import (
    BY,
    COMPARE,
    DOCUMENT,
    INFERENCE_KINDS,
    KEYWORDS,
    TERMINALS,
    TOPIC,
    USE,
    WITH,
    CrossKind,
    NodeKind,
    RelationKind,
)
from ..model import (
    ArgFile,
    Comparison,
    CrossRelation,
    DocumentHeader,
    DocumentMap,
    HeaderField,
    Lines,
    Link,
    Node,
    Ref,
    Relation,
    Topic,
    Use,
)
from .strings import string_value

__all__ = ["read", "LeftToLark"]

# What separates tokens: white space, and comments, each to the end of its line (the
# lookahead keeps a failed match from ending a comment early and reading its tail as
# tokens). A run of white space at once; each comment starts with `#`, so a failed match
# backtracks in linear time.
_SKIP = rf"[\s\ufeff]*(?:{TERMINALS['COMMENT']}(?![^\n])[\s\ufeff]*)*"
# An identifier or keyword ends where the identifier pattern cannot go on.
_END = r"(?![A-Za-z0-9_]|-(?!>))"
_IDENT = f"({TERMINALS['IDENT']}){_END}"
_STRING = f"({TERMINALS['STRING']})"


def _either(kinds) -> str:
    """A group matching any of the words of `kinds`."""
    return "({})".format("|".join(kind.value for kind in kinds))


_KIND = _either(NodeKind) + _END

_REF = rf"{_IDENT}{_SKIP}(?:\.{_SKIP}{_IDENT}{_SKIP})?"

_LEADING_SKIP = re.compile(_SKIP)
_DOCUMENT = re.compile(rf"{DOCUMENT}{_END}{_SKIP}{_IDENT}{_SKIP}{_STRING}{_SKIP}\{{{_SKIP}")
_FIELD = re.compile(rf"{_IDENT}{_SKIP}{_STRING}{_SKIP}")
_CLOSE = re.compile(rf"\}}{_SKIP}")
_TOPIC = re.compile(rf"{TOPIC}{_END}{_SKIP}{_STRING}{_SKIP}")
# A node statement's start, and one target of a relation, with the keyword or comma before
# it (`supports a`, `, d.b`, `undercuts a -> b`): for the statements `_PLAIN_NODE` does not
# read whole, and compiled (by `re`, once) only when a file has one.
_NODE = rf"{_KIND}{_SKIP}{_IDENT}{_SKIP}{_STRING}{_SKIP}"
_TAG = rf"({TERMINALS['TAG']}){_SKIP}"
_TARGET = rf"(?:{_either(RelationKind)}{_END}|,){_SKIP}{_REF}(?:->{_SKIP}{_REF})?"
# The nodes a support is linked with: `with b`, then `, d` for each one more; compiled (by
# `re`, once) only when a file links a support.
_WITH = rf"{WITH}{_END}{_SKIP}{_REF}"
_MORE = rf",{_SKIP}{_REF}"
# The scheme of a support or an explanation: `by practical-reasoning`.
_BY = rf"{BY}{_END}{_SKIP}{_IDENT}{_SKIP}"
# A comparison's constructs, compiled (by `re`, once) only when a comparison is read.
_COMPARE = rf"{COMPARE}{_END}{_SKIP}{_IDENT}{_SKIP}{_STRING}{_SKIP}\{{{_SKIP}"
_USE = rf"{USE}{_END}{_SKIP}{_STRING}{_SKIP}"
_CROSS = rf"{_REF}{_either(CrossKind)}{_END}{_SKIP}{_REF}(?:{_STRING}{_SKIP})?"

# The usual statement, whole: a node with up to two relation words (no undercut, no `with`
# nor `by`) each with one or two targets, or none, and nothing after it that would go on
# the statement (a tag, `.`, `,`, `->`, `with`, `by`, another relation word), nor white
# space, a comment or `"`, where a match cut short by backtracking would end (`""` is the
# start of `""""""`). One match instead of one for the node, one for each target and one
# for the end of them.
_PLAIN_RELATION = _either(kind for kind in RelationKind if kind is not RelationKind.UNDERCUTS)
_GOING_ON = "|".join([WITH, BY, *(kind.value for kind in RelationKind)])
_SPACE = r"[\s\ufeff]*"  # `_SKIP` without comments: a statement with one is not plain
_PLAIN_CLAUSE = rf"{_PLAIN_RELATION}{_END}{_SPACE}{_IDENT}{_SPACE}(?:,{_SPACE}{_IDENT}{_SPACE})?"
_PLAIN_NODE = re.compile(
    rf"{_KIND}{_SPACE}{_IDENT}{_SPACE}{_STRING}{_SPACE}(?:{_PLAIN_CLAUSE}(?:{_PLAIN_CLAUSE})?)?"
    rf'(?![\s\ufeff#,."]|->|(?:{_GOING_ON}){_END})')
# Where each of the plain statement's relation words is, its targets in the two groups after it.
_PLAIN_WORDS = (4, 7)

_NODE_KINDS = {kind.value: kind for kind in NodeKind}
_RELATION_KINDS = {kind.value: kind for kind in RelationKind}
_CROSS_KINDS = {kind.value: kind for kind in CrossKind}


def _plain_relations(plain: re.Match[str], node_id: str, lines: Lines) -> Iterator[Relation]:
    """The relations of a plain statement (`_PLAIN_NODE`), in order."""
    for group in _PLAIN_WORDS:
        word = plain.group(group)
        if word is None:
            return
        kind = _RELATION_KINDS[word]
        for target in (group + 1, group + 2):
            if plain.group(target) is not None:
                yield Relation(kind, node_id, Ref(plain.group(target), plain.start(target), lines))


class _GiveUp(Exception):
    """The text leaves the well-formed path: Lark takes over."""


@frozen
class LeftToLark:
    """The reader gave up: Lark must parse the file. In a document map, the statements
    before `well_formed_to` (the start of the last statement read whole, or 0) are well
    formed, whatever follows them."""

    well_formed_to: int


def read(text: str, path: str) -> ArgFile | LeftToLark:
    """The model of `text`, the `.arg` file at `path`, or what the reader leaves to Lark."""
    reader = _Reader(text, path)
    try:
        with collector_paused():  # the model is a tree: no cycles to collect
            return reader.file()
    except (_GiveUp, ArgSyntaxError):
        return LeftToLark(reader.well_formed_to)


class _Reader:
    """One pass over one text; `pos` is always just past the white space after a token."""

    def __init__(self, text: str, path: str):
        self.text = text
        self.path = path
        self.pos = 0
        self.well_formed_to = 0
        self.lines = Lines(path, text)
        self._skip(_LEADING_SKIP)

    def file(self) -> ArgFile:
        if self.text.startswith(COMPARE, self.pos):
            return self.comparison()
        return self.document_map()

    def document_map(self) -> DocumentMap:
        headers: list[DocumentHeader] = []
        nodes: list[Node] = []
        topics: list[Topic] = []
        text, end, lines = self.text, len(self.text), self.lines
        while self.pos < end:
            start = self.pos
            # The usual statement, read here rather than in `node`: a map is mostly these.
            plain = _PLAIN_NODE.match(text, start)
            if plain is not None:
                kind_word, node_id, raw, word, target, second, word2, target2, second2 = \
                    plain.groups()
                if node_id not in KEYWORDS and target not in KEYWORDS and second not in KEYWORDS \
                        and target2 not in KEYWORDS and second2 not in KEYWORDS:
                    relations: tuple[Relation, ...] = ()
                    if word is not None:
                        relations = (Relation(_RELATION_KINDS[word], node_id,
                                              Ref(target, plain.start(5), lines)),)
                        if second is not None or word2 is not None:  # more than one target
                            relations = tuple(_plain_relations(plain, node_id, lines))
                    offset = plain.start(3)
                    # `string_value`, but for the usual string with no escape, written out.
                    value = string_value(raw, offset, lines) \
                        if "\\" in raw or raw.startswith('"""') else raw[1:-1]
                    nodes.append(Node(_NODE_KINDS[kind_word], node_id, value, start, offset,
                                      lines, (), relations))
                    self.pos = plain.end()
                    self.well_formed_to = start
                    continue
            if text.startswith(DOCUMENT, start):
                headers.append(self.document_header())
            elif text.startswith(TOPIC, start):
                topics.append(self.topic(len(nodes)))
            else:
                nodes.append(self.node())
            self.well_formed_to = start
        return DocumentMap(self.path, tuple(headers), tuple(nodes), tuple(topics))

    def topic(self, start: int) -> Topic:
        """A `topic "Name"` line, whose group starts at item `start`."""
        match = self._match(_TOPIC)
        return Topic(self._string(match, 1), match.start(), self.lines, start)

    def document_header(self) -> DocumentHeader:
        match = self._match(_DOCUMENT)
        fields = []
        while not self._skip(_CLOSE):
            field = self._match(_FIELD)
            fields.append(HeaderField(self._ident(field, 1), self._string(field, 2),
                                      field.start(), self.lines))
        return DocumentHeader(self._ident(match, 1), self._string(match, 2), match.start(),
                              self.lines, tuple(fields))

    def node(self) -> Node:
        """A node statement in any form the grammar allows."""
        text = self.text
        match = re.compile(_NODE).match(text, self.pos)
        if match is None:
            raise _GiveUp
        kind_word, node_id, raw = match.groups()
        if node_id in KEYWORDS:
            raise _GiveUp
        pos = match.end()
        tags = []
        while text.startswith("#", pos):
            tag = re.compile(_TAG).match(text, pos)
            if tag is None:
                raise _GiveUp
            tags.append(tag.group(1)[1:])
            pos = tag.end()
        relations: list[Relation] = []
        kind = None
        group = 0  # where the relations written after the last relation word start
        lines = self.lines
        target_pattern = re.compile(_TARGET)
        while (target := target_pattern.match(text, pos)) is not None:
            word, first, second, link_first, link_second = target.groups()
            if word is not None:
                kind = _RELATION_KINDS[word]
                group = len(relations)
            if kind is None or (link_first is not None) != (kind is RelationKind.UNDERCUTS):
                raise _GiveUp  # a comma with no relation before it; `->` outside an undercut
            if second is None:  # `self._ref(first, None, ...)`, written out: the usual case
                if first in KEYWORDS:
                    raise _GiveUp
                supporter = Ref(first, target.start(2), lines)
            else:
                supporter = self._ref(first, second, target.start(2))
            pos = target.end()
            if link_first is not None:
                link = Link(supporter, self._ref(link_first, link_second, target.start(4)))
                relations.append(Relation(kind, node_id, link))
            elif word is not None and kind in INFERENCE_KINDS and text.startswith(WITH, pos) \
                    and (joint := re.compile(_WITH).match(text, pos)):
                jointly = [self._ref(joint.group(1), joint.group(2), joint.start(1))]
                pos = joint.end()
                while more := re.compile(_MORE).match(text, pos):
                    jointly.append(self._ref(more.group(1), more.group(2), more.start(1)))
                    pos = more.end()
                relations.append(Relation(kind, node_id, supporter, tuple(jointly)))
            else:
                relations.append(Relation(kind, node_id, supporter))
            if text.startswith(BY, pos) and (by := re.compile(_BY).match(text, pos)):
                if kind not in INFERENCE_KINDS:
                    raise _GiveUp  # a scheme on a relation that is no inference
                scheme = self._ident(by, 1)
                relations[group:] = [attrs.evolve(r, scheme=scheme) for r in relations[group:]]
                pos = by.end()
                kind = None  # the relation ends with its scheme: a comma after it is wrong
        if text.startswith("#", pos):
            raise _GiveUp  # a tag after the relations
        self.pos = pos
        offset = match.start(3)
        return Node(_NODE_KINDS[kind_word], node_id, string_value(raw, offset, lines),
                    match.start(), offset, lines, tuple(tags), tuple(relations))

    def comparison(self) -> Comparison:
        match = self._match(re.compile(_COMPARE))
        uses = []
        while not self._skip(_CLOSE):
            use = self._match(re.compile(_USE))
            uses.append(Use(self._string(use, 1), use.start(1), self.lines))
        relations: list[CrossRelation] = []
        topics: list[Topic] = []
        while self.pos < len(self.text):
            if self.text.startswith(TOPIC, self.pos) and _TOPIC.match(self.text, self.pos):
                topics.append(self.topic(len(relations)))
                continue
            cross = self._match(re.compile(_CROSS))
            source = self._ref(cross.group(1), cross.group(2), cross.start(1))
            target = self._ref(cross.group(4), cross.group(5), cross.start(4))
            explanation = self._string(cross, 6) if cross.group(6) is not None else None
            relations.append(CrossRelation(_CROSS_KINDS[cross.group(3)], source, target,
                                           explanation))
        return Comparison(self.path, self._ident(match, 1), self._string(match, 2),
                          match.start(), self.lines, tuple(uses), tuple(relations),
                          tuple(topics))

    def _match(self, pattern: re.Pattern[str]) -> re.Match[str]:
        """`pattern` matched at `pos`, and `pos` moved past it; give up when it does not match."""
        match = pattern.match(self.text, self.pos)
        if match is None:
            raise _GiveUp
        self.pos = match.end()
        return match

    def _skip(self, pattern: re.Pattern[str]) -> bool:
        """Whether `pattern` matches at `pos`, moving `pos` past it if so."""
        match = pattern.match(self.text, self.pos)
        if match is not None:
            self.pos = match.end()
        return match is not None

    def _ref(self, first: str, second: str | None, offset: int) -> Ref:
        """The reference `first` or `first.second` at `offset`."""
        if first in KEYWORDS or second in KEYWORDS:
            raise _GiveUp
        if second is None:
            return Ref(first, offset, self.lines)
        return Ref(second, offset, self.lines, first)

    @staticmethod
    def _ident(match: re.Match, group: int) -> str:
        """An identifier; a keyword where the grammar wants an identifier is an error."""
        name = match.group(group)
        if name in KEYWORDS:
            raise _GiveUp
        return name

    def _string(self, match: re.Match, group: int) -> str:
        return string_value(match.group(group), match.start(group), self.lines)
