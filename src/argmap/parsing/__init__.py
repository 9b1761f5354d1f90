"""Text to model: bytes decoded, then the reader for well-formed files, Lark's LALR parser
for the rest.

The reader (`reader.py`) builds the model of a well-formed file without importing Lark,
six times as fast; Lark's parser (`lark_parser.py`) parses whatever the reader leaves,
and turns syntax errors into words (`syntax_errors.py`). Both give the same model, and
decode strings with `strings.py`.

`parse_all` goes on after a syntax error, as a compiler does: the statement it is in is
set aside (made white space, so that every position after it stays), and the rest is
parsed again, from the next line that starts a statement, until the text parses or
`MAX_SYNTAX_ERRORS` are found. Each error is found, and put into words, by Lark, as the
first one is: the errors of a file are the same whichever parser reads its good parts.
"""

from __future__ import annotations

import re

from .._tools import line_starts
from ..errors import ArgSyntaxError, SyntaxProblem
from ..lexicon import COMPARE, DOCUMENT, TERMINALS, NodeKind
from ..model import ArgFile, Position
from .reader import LeftToLark, read

__all__ = ["decode", "parse", "parse_all", "MAX_SYNTAX_ERRORS"]

#: The syntax errors of one file reported at most; past them the rest of it is not read.
MAX_SYNTAX_ERRORS = 50

# A line that starts a statement of a document map: a node kind or `document` first on it.
_WORDS = "|".join([*(kind.value for kind in NodeKind), DOCUMENT, COMPARE])
_END = r"(?![A-Za-z0-9_]|-(?!>))"
_MAP_STATEMENT = re.compile(rf"^[ \t]*(?:{_WORDS}){_END}", re.MULTILINE)


def decode(data: bytes, path: str) -> str:
    """UTF-8 text (a BOM is dropped) with `\n` line ends, whether the file ends its lines
    with CR LF (Windows) or CR alone (old Mac OS): read as lines, not as one line that a
    comment would swallow. Binary or badly encoded data is a syntax error."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\0")
    if nul >= 0:
        raise ArgSyntaxError("the file contains a NUL byte: it is binary data, not UTF-8 text",
                             _byte_position(data, nul, path), SyntaxProblem.NOT_TEXT)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArgSyntaxError(
            f"the file is not valid UTF-8: byte 0x{data[error.start]:02X} cannot be decoded; "
            "save the file as UTF-8", _byte_position(data, error.start, path),
            SyntaxProblem.NOT_TEXT) from None
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _byte_position(data: bytes, offset: int, path: str) -> Position:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Position(path, data.count(b"\n", 0, offset) + 1, column)


def parse(text: str, path: str) -> ArgFile:
    """Parse the text of the `.arg` file at `path`; raise `ArgSyntaxError` with words."""
    model = read(text, path)
    if not isinstance(model, LeftToLark):
        return model
    from .lark_parser import parse_with_lark  # imports Lark: only when a file needs it

    return parse_with_lark(text, path, model.well_formed_to)


def parse_all(text: str, path: str) -> tuple[ArgFile | None, tuple[ArgSyntaxError, ...]]:
    """The model of the text of the `.arg` file at `path`, and its syntax errors, in the
    order of the text: every one, up to `MAX_SYNTAX_ERRORS`, but one a statement (what
    else is wrong in it may only follow from the first). With errors, the model is of the
    statements without one (None when they are too many to read the rest). A comparison,
    a header and a few lines, is read up to its first error."""
    errors: list[ArgSyntaxError] = []
    current = text
    starts: list[int] = []
    broken = -1  # the start of the statement of the last error
    while True:
        try:
            return parse(current, path), tuple(errors)
        except ArgSyntaxError as error:
            starts = starts or line_starts(text)
            line, column = error.position.line, error.position.column
            offset = min(starts[line - 1] + column - 1 if line <= len(starts) else len(text),
                         len(text))
            first, resume, statement = _statement_around(current, offset)
            if statement == broken:  # more of the same statement: set it all aside
                first = statement
            else:
                errors.append(error)
            if (_is_comparison(text) or len(errors) == MAX_SYNTAX_ERRORS
                    or not current[first:resume].strip()):  # nothing left to set aside
                return None, tuple(errors)
            broken = statement
            current = current[:first] + _blank(current[first:resume]) + current[resume:]


def _statement_around(text: str, offset: int) -> tuple[int, int, int]:
    """For the syntax error at `offset`: where to set aside from, where the next statement
    starts, and where the statement it breaks starts. The offending token is in that
    statement; but a word that starts a statement, first on its line, cut short the one
    before it; and a token first on its line that starts none (a misspelt kind or
    relation) is set aside from itself on, the statement before it kept if it can be."""
    line_start = text.rfind("\n", 0, offset) + 1
    if text[line_start:offset].strip():
        first = statement = _statement_start(text, line_start)
    else:  # the offending token is first on its line
        opening = _MAP_STATEMENT.match(text, line_start)
        if opening is not None and offset < opening.end() and line_start > 0:
            statement = _statement_start(text, _line_before(text, line_start))
            return statement, line_start, statement
        first, statement = offset, _statement_start(text, line_start)
    line_end = text.find("\n", offset)
    following = _MAP_STATEMENT.search(text, line_end + 1) if line_end >= 0 else None
    return first, following.start() if following is not None else len(text), statement


def _line_before(text: str, line_start: int) -> int:
    return text.rfind("\n", 0, line_start - 1) + 1


def _statement_start(text: str, line_start: int) -> int:
    """The start of the nearest line, this one or one above it, that starts a statement
    (0 when none does)."""
    while not _MAP_STATEMENT.match(text, line_start) and line_start > 0:
        line_start = _line_before(text, line_start)
    return line_start


_LEADING_COMPARE = re.compile(rf"(?:[\s\ufeff]|{TERMINALS['COMMENT']})*{COMPARE}{_END}")


def _is_comparison(text: str) -> bool:
    return _LEADING_COMPARE.match(text) is not None


def _blank(text: str) -> str:
    """`text` as white space: its line breaks kept, every other character a space."""
    return re.sub(r"[^\n]", " ", text)
