"""Text to model: bytes decoded, then the reader for well-formed files, Lark's LALR parser
for the rest.

The reader (`reader.py`) builds the model of a well-formed file without importing Lark,
six times as fast; Lark's parser (`lark_parser.py`) parses whatever the reader leaves,
and turns syntax errors into words (`syntax_errors.py`). Both give the same model, and
decode strings with `strings.py`.
"""

from __future__ import annotations

from ..errors import ArgSyntaxError, SyntaxProblem
from ..model import ArgFile, Position
from .reader import LeftToLark, read

__all__ = ["decode", "parse"]


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
