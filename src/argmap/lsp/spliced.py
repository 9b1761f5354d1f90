"""A sequence made of stretches of others, each moved as it is read.

After an edit of a large map, its ids and statements are those of the text before it up to
the edit, a few read anew, and the rest of those before it moved by as many characters and
lines as the edit added. Made one by one, the moved ones would cost 60,000 objects at each
keystroke in a map of 10,000 nodes; a `Spliced` makes each only when it is read, and keeps
the stretches, however many edits follow, as a few pieces of the readings they come from.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterator, Sequence
from typing import Generic, TypeVar, overload

from attrs import frozen

__all__ = ["Spliced", "Move"]

T = TypeVar("T")
#: How an item is moved by some characters and lines.
Move = Callable[[T, int, int], T]


@frozen
class _Piece(Generic[T]):
    """`items[start:stop]`, each moved by `shift` characters and `lines` lines."""

    items: Sequence[T]
    start: int
    stop: int
    shift: int = 0
    lines: int = 0


class Spliced(Sequence[T]):
    """Items read from pieces of other sequences, moved as they are read."""

    #: Past so many pieces (an edit adds at most two), the items are made once, as one.
    MOST_PIECES = 16

    def __init__(self, pieces: list[_Piece[T]], move: Move[T]) -> None:
        self._pieces = [piece for piece in pieces if piece.stop > piece.start]
        self._move = move
        self._ends = list(itertools.accumulate(p.stop - p.start for p in self._pieces))
        if len(self._pieces) > self.MOST_PIECES:
            items = tuple(self)
            self._pieces, self._ends = [_Piece(items, 0, len(items))], [len(items)]

    @classmethod
    def of(cls, move: Move[T], *parts: tuple[Sequence[T], int, int]) -> Spliced[T]:
        """The items of each part (a sequence, and the characters and lines to move it
        by), one part after the other.

        >>> list(Spliced.of(lambda n, shift, lines: n + shift, ((1, 2), 0, 0), ([3], 10, 0)))
        [1, 2, 13]
        """
        pieces = []
        for items, shift, lines in parts:
            if isinstance(items, Spliced):
                pieces += [_Piece(p.items, p.start, p.stop, p.shift + shift, p.lines + lines)
                           for p in items._pieces]
            else:
                pieces.append(_Piece(items, 0, len(items), shift, lines))
        return cls(pieces, move)

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Spliced[T]: ...

    def __getitem__(self, index: int | slice) -> T | Spliced[T]:
        """An item, or the items of a slice in order.

        >>> spliced = Spliced.of(lambda n, shift, lines: n + shift, ((1, 2), 0, 0), ([3], 10, 0))
        >>> list(spliced[1:]), spliced[-1]
        ([2, 13], 13)
        >>> spliced[::-1]
        Traceback (most recent call last):
        ValueError: a spliced sequence is sliced only in order, with no step
        """
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:  # the pieces stay in order: a step would need each item moved
                raise ValueError("a spliced sequence is sliced only in order, with no step")
            return self._slice(start, stop)
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        number = bisect.bisect_right(self._ends, index)
        piece = self._pieces[number]
        item = piece.items[piece.start + index - (self._ends[number - 1] if number else 0)]
        return self._move(item, piece.shift, piece.lines) if piece.shift or piece.lines \
            else item

    def _slice(self, start: int, stop: int) -> Spliced[T]:
        pieces = []
        begin = 0
        for piece, end in zip(self._pieces, self._ends, strict=True):
            low, high = max(start, begin), min(stop, end)
            if low < high:
                pieces.append(_Piece(piece.items, piece.start + low - begin,
                                     piece.start + high - begin, piece.shift, piece.lines))
            begin = end
        return Spliced(pieces, self._move)

    def __iter__(self) -> Iterator[T]:
        for piece in self._pieces:
            stretch = itertools.islice(piece.items, piece.start, piece.stop)
            if piece.shift or piece.lines:
                yield from (self._move(item, piece.shift, piece.lines) for item in stretch)
            else:
                yield from stretch
