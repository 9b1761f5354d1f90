"""Where each id of a file is defined and used, read from its tokens.

The server answers "go to definition", "find references" and "rename" while a file is
being typed, when it may not parse: so the ids are found token by token, by what comes
before them (`thesis ID`, `supports ID, ID`, `DOC.ID`), not from the model.
"""

from __future__ import annotations

import bisect
import enum
import re

from attrs import frozen

from ..errors import ArgSyntaxError
from ..lexicon import COMPARE, DOCUMENT, TOPIC, USE, WITH, CrossKind, NodeKind, RelationKind
from ..model import Lines
from ..parsing.strings import string_value
from ..tokens import Token, TokenKind, scan, tokenize

__all__ = ["Role", "Occurrence", "Statement", "FileSymbols", "read_symbols"]

_NODE_KINDS = frozenset(kind.value for kind in NodeKind)
_HEADERS = frozenset({DOCUMENT, COMPARE})
# What may come between an id and the `.` after it: white space and comments.
_SPACE = re.compile(r"(?:[\s\ufeff]+|#(?!\S)[^\n]*)*")
# What a reference follows: a relation, a cross relation, a separator within one, or the
# `with` of a linked support or explanation (not `by`: a scheme's name is no reference).
_BEFORE_REF = frozenset({*(k.value for k in RelationKind), *(k.value for k in CrossKind),
                         ",", "->", WITH})


class Role(str, enum.Enum):
    NODE = "node"
    DOCUMENT = "document"


@frozen
class Occurrence:
    """An id as written: a node's or a document's, its definition or a reference to it.
    `document` is the document a node id is qualified with (`DOC.ID`), if any."""

    token: Token
    role: Role
    definition: bool
    document: str | None = None

    @property
    def name(self) -> str:
        return self.token.text


@frozen
class Statement:
    """A header, a node or a topic as the outline shows it: its kind, where it starts, its
    id (a topic's name, the string), and where its last token ends (a comparison's header
    ends at its `}`)."""

    kind: str
    start: int
    name: Token
    end: int


@frozen
class FileSymbols:
    """The ids of one file, its document id (a map's), the paths its `use` lines name, and
    its statements."""

    text: str
    occurrences: tuple[Occurrence, ...]
    document: str | None
    comparison: bool
    uses: tuple[str, ...]
    statements: tuple[Statement, ...]

    @property
    def tokens(self) -> list[Token]:
        """Every token of the file (read anew at each call: few answers need them all)."""
        return tokenize(self.text)

    def at(self, offset: int) -> Occurrence | None:
        """The id under the cursor at `offset` (touching either end of it)."""
        index = bisect.bisect_right(self._starts, offset) - 1
        for occurrence in self.occurrences[max(index - 1, 0):index + 1]:
            if occurrence.token.start <= offset <= occurrence.token.end:
                return occurrence
        return None

    @property
    def _starts(self) -> list[int]:
        return [o.token.start for o in self.occurrences]


def read_symbols(text: str, start: int = 0, end: int | None = None,
                 comparison: bool | None = None) -> FileSymbols:
    """The ids of `text`, an `.arg` file that may not parse, read in one pass over its
    tokens, with a `Token` made only for each id. Or those between offsets `start` (where
    a statement starts) and `end`, in a file that is (or is not) a `comparison`: the ids
    around a cursor in a large map, while the whole is not read yet."""
    occurrences: list[Occurrence] = []
    statements: list[Statement] = []
    document: str | None = None
    uses: list[str] = []
    in_header = False
    # The two significant tokens before the current one, as (kind, text, start).
    before = before_that = ("", "", -1)
    last_end = 0
    opened: tuple[str, int, Token] | None = None  # the statement being read
    line, line_start = text.count("\n", 0, start) + 1, text.rfind("\n", 0, start) + 1
    for kind, value, at in scan(text, start, end):
        if kind is TokenKind.SPACE or kind is TokenKind.COMMENT:
            breaks = value.count("\n")
            if breaks:
                line += breaks
                line_start = at + value.rindex("\n") + 1
            continue
        if comparison is None:
            comparison = value == COMPARE and kind is TokenKind.KEYWORD
        previous = before[1]
        if kind is TokenKind.PUNCT and value in "{}":
            in_header = value == "{"
            if value == "}" and opened is not None and opened[0] == COMPARE:
                statements.append(Statement(opened[0], opened[1], opened[2], at + 1))
                opened = None
        elif kind is TokenKind.STRING and previous == USE and before[0] is TokenKind.KEYWORD:
            try:
                uses.append(string_value(value, at, Lines("", text)))
            except ArgSyntaxError:  # an escape being typed: the path is not known yet
                pass
        elif kind is TokenKind.STRING and previous == TOPIC and before[0] is TokenKind.KEYWORD:
            statements.append(Statement(TOPIC, before[2], _token(kind, value, at, line,
                                                                 line_start), at + len(value)))
        elif kind is TokenKind.IDENT and before[0] is TokenKind.KEYWORD and (
                previous in _NODE_KINDS or previous in _HEADERS):
            opened = (previous, before[2], _token(kind, value, at, line, line_start))
        elif kind is TokenKind.KEYWORD and (value in _NODE_KINDS or value in _HEADERS
                                            or value == TOPIC) \
                and opened is not None and opened[0] != COMPARE:
            statements.append(Statement(opened[0], opened[1], opened[2], last_end))
            opened = None
        if kind is TokenKind.IDENT and (before[0] or comparison) and previous != COMPARE:
            token = _token(kind, value, at, line, line_start)
            occurrence = _occurrence(token, before, before_that, text, in_header, comparison)
            if occurrence is not None:
                if occurrence.role is Role.DOCUMENT and occurrence.definition:
                    document = document or value
                occurrences.append(occurrence)
        before_that, before = before, (kind, value, at)
        last_end = at + len(value)
        breaks = value.count("\n") if kind is TokenKind.STRING or kind is TokenKind.ERROR else 0
        if breaks:
            line += breaks
            line_start = at + value.rindex("\n") + 1
    if opened is not None:
        statements.append(Statement(opened[0], opened[1], opened[2], last_end))
    return FileSymbols(text, tuple(occurrences), document, bool(comparison), tuple(uses),
                       tuple(statements))


def _token(kind: TokenKind, value: str, start: int, line: int, line_start: int) -> Token:
    return Token(kind, value, start, line, start - line_start + 1)


def _occurrence(token: Token, before, before_that, text: str, in_header: bool,
                comparison: bool | None) -> Occurrence | None:
    """What the identifier `token` is, by the two significant tokens before it and the one
    after it: a definition (`thesis ID`, `document ID`), a document (`DOC.`), a node of a
    document (`DOC.ID`) or a reference (after a relation or a separator)."""
    kind, previous, _ = before
    if kind is TokenKind.KEYWORD and previous == DOCUMENT:
        return Occurrence(token, Role.DOCUMENT, True)
    if kind is TokenKind.KEYWORD and previous in _NODE_KINDS:
        return Occurrence(token, Role.NODE, True)
    following = _SPACE.match(text, token.end)
    if following is not None and text.startswith(".", following.end()):
        return Occurrence(token, Role.DOCUMENT, False)
    if previous == "." and kind is TokenKind.PUNCT:
        return Occurrence(token, Role.NODE, False, before_that[1] or None)
    if not in_header and (previous in _BEFORE_REF or comparison):
        return Occurrence(token, Role.NODE, False)
    return None
