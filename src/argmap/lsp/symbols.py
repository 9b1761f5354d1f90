"""Where each id of a file is defined and used, read from its tokens.

The server answers "go to definition", "find references" and "rename" while a file is
being typed, when it may not parse: so the ids are found token by token, by what comes
before them (`thesis ID`, `supports ID, ID`, `DOC.ID`), not from the model.
"""

from __future__ import annotations

import bisect
import enum
import re
import weakref
from collections.abc import Callable, Sequence

from attrs import field, frozen

from ..errors import ArgSyntaxError
from ..lexicon import COMPARE, DOCUMENT, TOPIC, USE, WITH, CrossKind, NodeKind, RelationKind
from ..model import Lines
from ..parsing.strings import string_value
from ..tokens import Token, TokenKind, scan, tokenize
from .spliced import Spliced

__all__ = ["Role", "Occurrence", "Statement", "Revision", "FileSymbols", "Change", "read_symbols",
           "reread_symbols", "difference"]

_NODE_KINDS = frozenset(kind.value for kind in NodeKind)
_HEADERS = frozenset({DOCUMENT, COMPARE})
# The kinds a node or a topic starts with, where a reading may start or stop; and every
# word that starts a statement.
_RESUMABLE = _NODE_KINDS | {TOPIC}
_STARTS = _RESUMABLE | _HEADERS
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
class Revision:
    """How the statements of a reading come from an earlier one's (`before`, while it is
    kept): its first `kept` are the same, and its last `moved` the earlier's last, each
    moved by `lines` lines (and as many characters as the edit added)."""

    before: weakref.ReferenceType[FileSymbols]
    kept: int
    moved: int
    lines: int


@frozen
class FileSymbols:
    """The ids of one file, its document id (a map's), the paths its `use` lines name, and
    its statements; after an edit, how its statements come from those before it."""

    text: str
    occurrences: Sequence[Occurrence]
    document: str | None
    comparison: bool
    uses: tuple[str, ...]
    statements: Sequence[Statement]
    #: Where the first string left open is, when it may close further on than its line
    #: (`_left_open`): what follows it may read otherwise after an edit further on.
    unclosed: int | None = None
    revision: Revision | None = field(default=None, eq=False)

    @property
    def tokens(self) -> list[Token]:
        """Every token of the file (read anew at each call: few answers need them all)."""
        return tokenize(self.text)

    def at(self, offset: int) -> Occurrence | None:
        """The id under the cursor at `offset` (touching either end of it)."""
        index = bisect.bisect_right(self.occurrences, offset, key=_occurrence_start) - 1
        for occurrence in self.occurrences[max(index - 1, 0):index + 1]:
            if occurrence.token.start <= offset <= occurrence.token.end:
                return occurrence
        return None


def read_symbols(text: str, start: int = 0, end: int | None = None,
                 comparison: bool | None = None) -> FileSymbols:
    """The ids of `text`, an `.arg` file that may not parse, read in one pass over its
    tokens, with a `Token` made only for each id. Or those between offsets `start` (where
    a statement starts) and `end`, in a file that is (or is not) a `comparison`: the ids
    around a cursor in a large map, while the whole is not read yet."""
    found = _read(text, start, end, comparison)
    return found.symbols(text, tuple(found.occurrences), tuple(found.statements),
                         found.unclosed)


def reread_symbols(before: FileSymbols, text: str) -> FileSymbols:
    """The ids of `text`, an edit of `before.text`, the same as `read_symbols(text)`, but
    read again only from the statement the edit starts in to the first one after it that
    starts a line: those before are kept, those after moved by as many characters and
    lines as the edit added. A keystroke in a large map reads one statement, not ten
    thousand. A comparison (a few lines), an edit in the header, or an edit after a string
    left open that may close anywhere after it (`FileSymbols.unclosed`), is read whole."""
    old = before.text
    change = difference(old, text)
    statements = before.statements
    if (before.comparison or before.uses or not statements or statements[0].kind != DOCUMENT
            or change.start <= statements[0].end
            or (before.unclosed is not None and before.unclosed < change.start)):
        return read_symbols(text)
    # The last statement whose kind, and the two characters after it (which tell a kind from
    # a longer word), are before the edit: read again from its kind on (the one before it
    # may end where the next kind is found, and stays as it is).
    first = bisect.bisect_left(statements, change.start, key=_statement_start) - 1
    while first >= 1 and statements[first].start + len(statements[first].kind) + 1 >= change.start:
        first -= 1
    if first < 1 or statements[first].kind not in _RESUMABLE:
        return read_symbols(text)
    restart = statements[first].start
    shift = change.new_end - change.old_end

    def resumes(at: int) -> int | None:
        """The index of the old text's statement at `at`, if it has one there, first on a
        line after the edit: from there on the two texts, and so their ids, are the same."""
        if at <= change.new_end or text[at - 1] != "\n":
            return None
        return _resumable_at(statements, at - shift)

    found = _read(text, restart, None, False, resumes)
    occurrences = Spliced.of(_moved_occurrence, (before.occurrences, 0, 0))
    all_statements = Spliced.of(_moved_statement, (statements, 0, 0))
    kept = bisect.bisect_left(occurrences, restart, key=_occurrence_start)
    occurrence_parts = [(occurrences[:kept], 0, 0), (found.occurrences, 0, 0)]
    statement_parts = [(all_statements[:first], 0, 0), (found.statements, 0, 0)]
    unclosed, lines, moved = found.unclosed, 0, 0
    if found.resumed is not None:
        lines = (text.count("\n", change.start, change.new_end)
                 - old.count("\n", change.start, change.old_end))
        since = statements[found.resumed].start
        after = bisect.bisect_left(occurrences, since, key=_occurrence_start)
        occurrence_parts.append((occurrences[after:], shift, lines))
        statement_parts.append((all_statements[found.resumed:], shift, lines))
        moved = len(statements) - found.resumed
        if unclosed is None and before.unclosed is not None and before.unclosed >= since:
            unclosed = before.unclosed + shift
    return found.symbols(text, Spliced.of(_moved_occurrence, *occurrence_parts),
                         Spliced.of(_moved_statement, *statement_parts), unclosed,
                         Revision(weakref.ref(before), first, moved, lines))


@frozen
class Change:
    """Where two texts differ: from `start` up to `old_end` in the first, `new_end` in the
    second (what follows is the same in both)."""

    start: int
    old_end: int
    new_end: int


def difference(old: str, new: str) -> Change:
    """The one stretch in which `new` differs from `old`, compared a block at a time.

    >>> difference("premise a", "premise ab")
    Change(start=9, old_end=9, new_end=10)
    """
    limit = min(len(old), len(new))
    start = _same_for(old, new, limit, 1)
    same_end = _same_for(old, new, limit - start, -1)
    return Change(start, len(old) - same_end, len(new) - same_end)


_BLOCK = 4096


def _same_for(old: str, new: str, limit: int, step: int) -> int:
    """How many characters `old` and `new` share from their starts (`step` 1) or their
    ends (-1), up to `limit`."""
    def piece(text: str, at: int, size: int) -> str:
        return text[at:at + size] if step > 0 else text[len(text) - at - size:len(text) - at]

    same = 0
    while same + _BLOCK <= limit and piece(old, same, _BLOCK) == piece(new, same, _BLOCK):
        same += _BLOCK
    while same < limit and piece(old, same, 1) == piece(new, same, 1):
        same += 1
    return same


def _resumable_at(statements: Sequence[Statement], offset: int) -> int | None:
    """The index of the node or topic that starts at `offset`, if one does."""
    at = bisect.bisect_left(statements, offset, key=_statement_start)
    if at < len(statements) and statements[at].start == offset \
            and statements[at].kind in _RESUMABLE:
        return at
    return None


def _statement_start(statement: Statement) -> int:
    return statement.start


def _occurrence_start(occurrence: Occurrence) -> int:
    return occurrence.token.start


def _moved_token(token: Token, shift: int, lines: int) -> Token:
    return Token(token.kind, token.text, token.start + shift, token.line + lines, token.column)


def _moved_occurrence(occurrence: Occurrence, shift: int, lines: int) -> Occurrence:
    return Occurrence(_moved_token(occurrence.token, shift, lines), occurrence.role,
                      occurrence.definition, occurrence.document)


def _moved_statement(statement: Statement, shift: int, lines: int) -> Statement:
    return Statement(statement.kind, statement.start + shift,
                     _moved_token(statement.name, shift, lines), statement.end + shift)


class _Found:
    """What one reading found, and where it stopped to let an earlier reading's ids be
    reused (`resumed`, the index of the earlier reading's statement it stopped at; None
    when it read on to the end)."""

    def __init__(self) -> None:
        self.occurrences: list[Occurrence] = []
        self.statements: list[Statement] = []
        self.uses: list[str] = []
        self.comparison = False
        self.unclosed: int | None = None
        self.resumed: int | None = None

    def symbols(self, text: str, occurrences: Sequence[Occurrence],
                statements: Sequence[Statement], unclosed: int | None,
                revision: Revision | None = None) -> FileSymbols:
        document = next((o.name for o in occurrences
                         if o.role is Role.DOCUMENT and o.definition), None)
        return FileSymbols(text, occurrences, document, self.comparison, tuple(self.uses),
                           statements, unclosed, revision)


def _read(text: str, start: int, end: int | None, comparison: bool | None,
          resumes: Callable[[int], int | None] | None = None) -> _Found:
    """The reading of `read_symbols`, from `start`; when `resumes(offset)` gives an earlier
    reading's statement at the kind of a node or a topic, it stops there."""
    found = _Found()
    occurrences, statements = found.occurrences, found.statements
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
                found.uses.append(string_value(value, at, Lines("", text)))
            except ArgSyntaxError:  # an escape being typed: the path is not known yet
                pass
        elif kind is TokenKind.STRING and previous == TOPIC and before[0] is TokenKind.KEYWORD:
            statements.append(Statement(TOPIC, before[2], _token(kind, value, at, line,
                                                                 line_start), at + len(value)))
        elif kind is TokenKind.IDENT and before[0] is TokenKind.KEYWORD and (
                previous in _NODE_KINDS or previous in _HEADERS):
            opened = (previous, before[2], _token(kind, value, at, line, line_start))
        elif kind is TokenKind.KEYWORD and value in _STARTS:
            # A comparison's header ends at its `}`, or, left open, where a node or a
            # topic starts.
            if opened is not None and (opened[0] != COMPARE or value in _RESUMABLE):
                statements.append(Statement(opened[0], opened[1], opened[2], last_end))
                opened = None
            if value in _RESUMABLE:
                # Out of any statement and header: a node or a topic reads the same whatever
                # came before it, which lets a later reading start, or stop, at it.
                in_header = False
                found.resumed = resumes(at) if resumes is not None else None
                if found.resumed is not None:
                    break
        if kind is TokenKind.IDENT and (before[0] or comparison) and previous != COMPARE:
            token = _token(kind, value, at, line, line_start)
            occurrence = _occurrence(token, before, before_that, text, in_header, comparison)
            if occurrence is not None:
                occurrences.append(occurrence)
        elif (kind is TokenKind.STRING or kind is TokenKind.ERROR) and found.unclosed is None \
                and _left_open(kind, value, text, at):
            found.unclosed = at
        before_that, before = before, (kind, value, at)
        last_end = at + len(value)
        breaks = value.count("\n") if kind is TokenKind.STRING or kind is TokenKind.ERROR else 0
        if breaks:
            line += breaks
            line_start = at + value.rindex("\n") + 1
    if opened is not None:
        statements.append(Statement(opened[0], opened[1], opened[2], last_end))
    found.comparison = bool(comparison)
    return found


def _left_open(kind: TokenKind, value: str, text: str, at: int) -> bool:
    """Whether the token at `at` is a string left open that may close further on than its
    line: three quotes that no three close (read as an empty string, then a quote), or a
    quote whose line ends with a backslash (which escapes the line break)."""
    if kind is TokenKind.STRING:
        return value == '""' and text.startswith('"', at + 2)
    return kind is TokenKind.ERROR and value.startswith('"') and value.endswith("\\")


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
