"""The argument model: frozen value classes built from parsed `.arg` files."""

from __future__ import annotations

import bisect
import enum
import re

import attrs
from attrs import frozen

from ._tools import line_starts
from .lexicon import ANALYST_TAG, BYLINE_KEYS, CrossKind, NodeKind, RelationKind

__all__ = [
    "Position", "Lines", "Ref", "Link", "Relation", "Node", "HeaderField", "DocumentHeader",
    "DocumentMap", "Topic", "Use", "CrossRelation", "Comparison", "ArgFile", "LineRanges",
    "parse_line_ranges",
    "to_data", "topic_spans",
]


@frozen
class LineRanges:
    """Ranges of line numbers, as a `skip-lines` value writes them: two numbers a range,
    however many lines it spans."""

    ranges: tuple[tuple[int, int], ...] = ()

    def __contains__(self, line: object) -> bool:
        """Whether `line` is in one of the ranges.

        >>> 40 in parse_line_ranges("1-3, 40-999999999999")
        True
        >>> 4 in parse_line_ranges("1-3, 40-999999999999")
        False
        """
        return isinstance(line, int) and any(first <= line <= last for first, last in self.ranges)


def parse_line_ranges(text: str) -> LineRanges:
    """The lines of a `skip-lines` value such as `"1-3, 42-47"`; ValueError if malformed."""
    ranges = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        match = re.fullmatch(r"(\d+)\s*(?:-\s*(\d+))?", part)
        if not match:
            raise ValueError(f"`{part}` is not a line number or a range like `42-47`")
        first, last = int(match[1]), int(match[2] or match[1])
        if first < 1 or last < first:
            raise ValueError(f"`{part}` is not a range of lines from 1 upward")
        ranges.append((first, last))
    return LineRanges(tuple(ranges))

@frozen
class Position:
    """Where something starts: a file and a 1-based line and column; ordered by all three.

    The comparisons are written out: the ones attrs generates build their tuples through a
    generator, and findings sort by position (a ten-fold difference with many findings)."""

    file: str
    line: int
    column: int

    def __lt__(self, other: Position) -> bool:
        if other.__class__ is not Position:
            return NotImplemented
        return (self.file, self.line, self.column) < (other.file, other.line, other.column)

    def __le__(self, other: Position) -> bool:
        if other.__class__ is not Position:
            return NotImplemented
        return (self.file, self.line, self.column) <= (other.file, other.line, other.column)

    def __gt__(self, other: Position) -> bool:
        if other.__class__ is not Position:
            return NotImplemented
        return (self.file, self.line, self.column) > (other.file, other.line, other.column)

    def __ge__(self, other: Position) -> bool:
        if other.__class__ is not Position:
            return NotImplemented
        return (self.file, self.line, self.column) >= (other.file, other.line, other.column)


class Lines:
    """The lines of one file's text, which turn an offset into a `Position` when one is
    asked for. The model holds offsets: a line and a column are worked out only for what is
    shown (a finding, a tooltip, a golden file), and a check that finds nothing in a large
    map works out none. Lines are equal when they are of one file: the value classes that
    keep them compare their files, as they compared positions, and two parses of a text
    give equal models; their repr leaves the text out."""

    __slots__ = ("_counted", "_starts", "_text", "file")

    #: How many positions are worked out by counting line breaks, before an index of the
    #: line starts is made: each count reads the text up to the offset, and the index all of
    #: it, so a map with a few findings needs no index.
    COUNTED = 4

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self._text = text
        self._starts: list[int] | None = None
        self._counted = 0

    def position(self, offset: int) -> Position:
        """The position of `offset`.

        >>> Lines("m.arg", "ab\\ncd").position(4)
        Position(file='m.arg', line=2, column=2)
        """
        starts = self._starts
        if starts is None:
            if self._counted < self.COUNTED:
                self._counted += 1
                start = self._text.rfind("\n", 0, offset) + 1
                return Position(self.file, self._text.count("\n", 0, start) + 1,
                                offset - start + 1)
            starts = self._starts = line_starts(self._text)
        line = bisect.bisect_right(starts, offset)
        return Position(self.file, line, offset - starts[line - 1] + 1)

    def __eq__(self, other: object) -> bool:
        return self.file == other.file if isinstance(other, Lines) else NotImplemented

    def __hash__(self) -> int:
        return hash(self.file)

    def __repr__(self) -> str:
        return f"Lines({self.file!r})"


@frozen
class Ref:
    """A reference to a node as written: `NODE`, or `DOC.NODE` across documents."""

    node: str
    offset: int
    lines: Lines = attrs.field(repr=False)
    document: str | None = None

    @property
    def position(self) -> Position:
        return self.lines.position(self.offset)

    def __str__(self) -> str:
        return f"{self.document}.{self.node}" if self.document else self.node


@frozen
class Link:
    """The inference by which `supporter` supports `supported`: what an undercut attacks."""

    supporter: Ref
    supported: Ref

    def __str__(self) -> str:
        return f"{self.supporter} -> {self.supported}"


@frozen
class Relation:
    """A relation from the node it is written on to a node (or, for undercuts, a link).

    A linked support or explanation (`supports C with B, D`) names the nodes that support
    its target together with this one in `jointly`; every other relation has none. A
    support or an explanation may name its argumentation `scheme` (`by practical-reasoning`)."""

    kind: RelationKind
    source: str
    target: Ref | Link
    jointly: tuple[Ref, ...] = ()
    scheme: str | None = None

    @property
    def offset(self) -> int:
        """Where the relation is written: at its (first) target."""
        return self.refs[0].offset

    @property
    def position(self) -> Position:
        return self.refs[0].position

    @property
    def refs(self) -> tuple[Ref, ...]:
        """The references the relation makes: its target and the nodes it is linked with,
        or both ends of an undercut link."""
        if isinstance(self.target, Link):
            return self.target.supporter, self.target.supported
        return (self.target, *self.jointly)


@frozen
class Node:
    """A thesis, premise, evidence quote, assumption, objection or rebuttal."""

    kind: NodeKind
    id: str
    text: str
    offset: int
    text_offset: int
    lines: Lines = attrs.field(repr=False)
    tags: tuple[str, ...] = ()
    relations: tuple[Relation, ...] = ()

    @property
    def position(self) -> Position:
        """Where the node starts: at its kind."""
        return self.lines.position(self.offset)

    @property
    def text_position(self) -> Position:
        return self.lines.position(self.text_offset)

    @property
    def by_analyst(self) -> bool:
        """Whether the analyst, not the document, makes this claim: an assumption, or a
        node tagged `#analyst`."""
        return self.kind is NodeKind.ASSUMPTION or ANALYST_TAG in self.tags


@frozen
class HeaderField:
    """One `KEY "value"` pair of a document header, kept as written (even if unknown)."""

    key: str
    value: str
    offset: int
    lines: Lines = attrs.field(repr=False)

    @property
    def position(self) -> Position:
        return self.lines.position(self.offset)


@frozen
class DocumentHeader:
    """The `document ID "title" { ... }` header of a document map."""

    id: str
    title: str
    offset: int
    lines: Lines = attrs.field(repr=False)
    fields: tuple[HeaderField, ...] = ()

    @property
    def position(self) -> Position:
        return self.lines.position(self.offset)

    def get(self, key: str) -> HeaderField | None:
        """The first field with this key, if any."""
        return next((f for f in self.fields if f.key == key), None)

    @property
    def byline(self) -> str:
        """Publisher, author and date, as the header gives them, where a drawing or a page
        shows them under the title."""
        return " · ".join(f.value for key in BYLINE_KEYS for f in [self.get(key)] if f and f.value)


@frozen
class Topic:
    """A `topic "Name"` line: the nodes of a map (or the relations of a comparison) from
    index `start` up to the next topic's start are about it."""

    name: str
    offset: int
    lines: Lines = attrs.field(repr=False)
    start: int = 0

    @property
    def position(self) -> Position:
        return self.lines.position(self.offset)


def topic_spans(topics: tuple[Topic, ...], count: int) -> list[tuple[Topic, range]]:
    """Each topic with the indices of the items (of `count`) it groups, in file order.

    >>> lines = Lines("m.arg", "")
    >>> [(t.name, list(r)) for t, r in topic_spans((Topic("a", 0, lines, 1),
    ...                                             Topic("b", 9, lines, 3)), 4)]
    [('a', [1, 2]), ('b', [3])]
    """
    ends = [topic.start for topic in topics[1:]] + [count]
    return [(topic, range(topic.start, end)) for topic, end in zip(topics, ends)]


@frozen
class DocumentMap:
    """One `.arg` file that maps one document: its header(s), nodes and topics."""

    path: str
    headers: tuple[DocumentHeader, ...]
    nodes: tuple[Node, ...]
    topics: tuple[Topic, ...] = ()

    @property
    def header(self) -> DocumentHeader | None:
        """The header, when there is exactly one."""
        return self.headers[0] if len(self.headers) == 1 else None

    @property
    def id(self) -> str | None:
        """The document's id, the namespace comparisons refer to it by."""
        return self.headers[0].id if self.headers else None


@frozen
class Use:
    """A `use "path"` line of a comparison, path as written (relative to the file)."""

    path: str
    offset: int
    lines: Lines = attrs.field(repr=False)

    @property
    def position(self) -> Position:
        return self.lines.position(self.offset)


@frozen
class CrossRelation:
    """A relation between nodes of two documents, with an optional explanation."""

    kind: CrossKind
    source: Ref
    target: Ref
    explanation: str | None = None

    @property
    def position(self) -> Position:
        """Where the relation is written: at its source."""
        return self.source.position


@frozen
class Comparison:
    """One `.arg` file that compares documents through their maps."""

    path: str
    id: str
    title: str
    offset: int
    lines: Lines = attrs.field(repr=False)
    uses: tuple[Use, ...] = ()
    relations: tuple[CrossRelation, ...] = ()
    topics: tuple[Topic, ...] = ()

    @property
    def position(self) -> Position:
        return self.lines.position(self.offset)


ArgFile = DocumentMap | Comparison


def to_data(value: ArgFile) -> dict:
    """Plain data (dicts, lists, strings, numbers) for JSON and golden files: each object's
    fields, with positions where the model keeps offsets."""
    return {"type": type(value).__name__, **_data(value)}


# The fields that say where something is, and what the data gives for them instead.
_PLACES = {"offset": "position", "text_offset": "text_position", "lines": None}
# Classes that keep no offset of their own but report a position: their first reference's.
_PLACED = (Relation, CrossRelation)


def _data(value):
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_data(item) for item in value]
    if not attrs.has(type(value)):
        return value
    data = {}
    for field in attrs.fields(type(value)):
        name = _PLACES.get(field.name, field.name)
        if name is not None:
            data[name] = _data(getattr(value, name))
    if isinstance(value, _PLACED):
        data["position"] = _data(value.position)
    return data
