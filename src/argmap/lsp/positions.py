"""Offsets in a text and the protocol's positions, in the position encoding negotiated.

argmap works with offsets (code points from the start of the text); an editor speaks in
lines and characters, a character being a UTF-16 unit unless client and server agreed on
UTF-8 bytes or UTF-32 code points at `initialize`. A `LineIndex` turns one into the other
through the text's line starts, so that a position costs a binary search and the length of
one line's prefix, never a walk from the start of the file.

A line ends at `\\n`; the texts the server works on have `\\r\\n` and `\\r` turned into
`\\n` already, as argmap reads files (`normalized`), which keeps every line and character
the protocol counts.
"""

from __future__ import annotations

import bisect

from lsprotocol import types

from .._tools import line_starts

__all__ = ["LineIndex", "normalized", "units"]


def normalized(text: str) -> str:
    """`text` with `\\r\\n` and `\\r` line ends as `\\n`, as argmap's reader sees it.

    >>> normalized("a\\r\\nb\\rc")
    'a\\nb\\nc'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def units(text: str, encoding: str) -> int:
    """How many code units of `encoding` `text` takes (a lone surrogate, which an editor
    may hold for a moment, counts as the one UTF-16 unit it is).

    >>> [units("a😀𝑥é", e) for e in ("utf-8", "utf-16", "utf-32")]
    [11, 6, 4]
    """
    if text.isascii() or encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class LineIndex:
    """The lines of one text, for turning offsets into positions and back."""

    __slots__ = ("encoding", "single_units", "starts", "text")

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = encoding
        self.starts = line_starts(text)
        # Whether each character is one unit: in an ASCII text, or counted in UTF-32.
        self.single_units = text.isascii() or encoding == types.PositionEncodingKind.Utf32

    def line_end(self, line: int) -> int:
        """The offset of the end of 0-based `line` (before its line break)."""
        return self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)

    def line(self, offset: int) -> int:
        """The 0-based line of `offset`."""
        return bisect.bisect_right(self.starts, offset) - 1

    def units(self, start: int, end: int) -> int:
        """How many code units of the agreed encoding the text between two offsets takes.

        >>> LineIndex("a😀b").units(0, 3)
        4
        """
        return end - start if self.single_units else units(self.text[start:end], self.encoding)

    def position(self, offset: int) -> types.Position:
        """The protocol position of `offset`.

        >>> where = LineIndex("x = 😀;\\nb").position(6)
        >>> where.line, where.character
        (0, 7)
        """
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return types.Position(line, units(self.text[start:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def range_json(self, start: int, end: int) -> dict:
        """The range between two offsets as the protocol writes it, in JSON."""
        line, character, end_line, end_character = self.span(start, end)
        return {"start": {"line": line, "character": character},
                "end": {"line": end_line, "character": end_character}}

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """The line and character of two offsets (an outline has thousands of ranges: one
        on a single line costs one look-up).

        >>> LineIndex("a\\nb 😀 c").span(2, 7)
        (1, 0, 1, 6)
        """
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        line = bisect.bisect_right(self.starts, start) - 1
        character = units(self.text[self.starts[line]:start], self.encoding)
        if line + 1 < len(self.starts) and end >= self.starts[line + 1]:
            finish = self.position(end)
            return line, character, finish.line, finish.character
        return line, character, line, character + units(self.text[start:end], self.encoding)

    def offset(self, position: types.Position) -> int:
        """The offset of a protocol position; a position past the end of its line is the
        line's end, and one past the last line the text's end (as the protocol says). A
        position within a character (between the two UTF-16 units of an emoji) is at it.

        >>> LineIndex("x = 😀;\\nb").offset(types.Position(0, 7))
        6
        """
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[max(position.line, 0)]
        end = self.line_end(max(position.line, 0))
        wanted = max(position.character, 0)
        line = self.text[start:end]
        if line.isascii() or self.encoding == types.PositionEncodingKind.Utf32:
            return start + min(wanted, len(line))
        counted = 0
        for index, character in enumerate(line):
            counted += units(character, self.encoding)
            if counted > wanted:
                return start + index
        return end

    def offset_of(self, line: int, column: int) -> int:
        """The offset of a 1-based line and a 1-based column counted in code points, as
        argmap's findings give them."""
        if line - 1 >= len(self.starts):
            return len(self.text)
        return min(self.starts[max(line - 1, 0)] + max(column - 1, 0), len(self.text))
