"""Lark's LALR parser for `.arg` files (`argmap.lark`, a link to grammar/argmap.lark), with
the model built as rules reduce: the parser of record, used for the files the reader leaves
to it (`reader.py`) and for putting syntax errors into words (`syntax_errors.py`)."""

from __future__ import annotations

import functools
import os
import stat
from importlib import resources

import attrs
import lark
from attrs import frozen
from lark import Lark, Token, Transformer

from .. import __version__
from ..errors import ArgSyntaxError
from ..lexicon import CrossKind, NodeKind, RelationKind
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
    Position,
    Ref,
    Relation,
    Topic,
    Use,
)
from .strings import string_value
from .syntax_errors import describe

__all__ = ["parse_with_lark", "lark_parser"]


def parse_with_lark(text: str, path: str, well_formed_to: int = 0) -> ArgFile:
    """Parse the text of the `.arg` file at `path`; raise `ArgSyntaxError` with words.

    `well_formed_to`: in a document map, the start of a statement after which alone the
    text can be wrong (`reader.LeftToLark`). The error is looked for with what comes
    before it blanked out, line breaks kept so that every position stays: a typo at the
    end of a long map is found without parsing the whole map twice."""
    parser, builder = _parser_and_builder()
    builder.path, builder.lines = path, Lines(path, text)
    if well_formed_to:
        _parse(parser, _blanked(text, well_formed_to), path)
    # No error after all (or nothing to skip): the whole file, for its model.
    return _parse(parser, text, path)


def _parse(parser: Lark, text: str, path: str) -> ArgFile:
    try:
        model: ArgFile = parser.parse(text)  # type: ignore[assignment]  # the builder's
        return model
    except lark.exceptions.UnexpectedInput as error:
        line, column, problem, message = describe(error, text, parser)
        raise ArgSyntaxError(message, Position(path, line, column), problem) from None


def _blanked(text: str, end: int) -> str:
    """`text` with its first `end` characters white space: as many line breaks, the last
    where it was, so that lines and columns after `end` stay as they were."""
    head = text[:end]
    breaks = head.count("\n")
    last = head.rfind("\n")
    return " " * (last + 1 - breaks) + "\n" * breaks + " " * (end - last - 1) + text[end:]


def lark_parser() -> Lark:
    """The Lark parser (for tests that compare the reader with it)."""
    return _parser_and_builder()[0]


@functools.cache
def _parser_and_builder() -> tuple[Lark, _ModelBuilder]:
    """The parser, built once (Lark's cache keeps the LALR tables between runs), with the
    model builder inlined: objects are built as rules reduce, with no tree in between."""
    grammar = resources.files(__package__).joinpath("argmap.lark").read_text(encoding="utf-8")
    builder = _ModelBuilder()
    return Lark(grammar, transformer=builder, parser="lalr", lexer="basic", strict=True,
                cache=_cache_file()), builder


def _cache_file() -> str | bool:
    """Where Lark keeps the parser tables between runs, or False for no cache. The cache is
    a pickle, which runs code when it is read: it is used only in a folder (not a link) that
    the user owns and nobody else can write to, from a file likewise, so that no one else
    can plant one. Lark checks the grammar's hash on load and rebuilds a stale cache."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "argmap")
    path = os.path.join(folder, f"grammar-{__version__}.lark-cache")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        if not _private(folder) or (os.path.lexists(path) and not _private(path)):
            return False
    except OSError:
        return False
    return path


def _private(path: str) -> bool:
    """Whether `path` is the user's own and no one else may write to it (nor replace it,
    as a link could be)."""
    status = os.lstat(path)
    return (not stat.S_ISLNK(status.st_mode) and status.st_uid == os.getuid()
            and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


@frozen
class _Linked:
    """A linked support's target and the nodes it is linked with, while its node is built."""

    target: Ref
    jointly: tuple[Ref, ...]


@frozen
class _Scheme:
    """The scheme a support or an explanation names (`by NAME`), while its node is built."""

    name: str


def _inference(kind: RelationKind, children) -> tuple[RelationKind, tuple, str | None]:
    """A support's or an explanation's targets and scheme, from its children."""
    scheme = children[-1].name if children and isinstance(children[-1], _Scheme) else None
    return kind, tuple(c for c in children if not isinstance(c, _Scheme)), scheme


def _linked(kind: RelationKind, children) -> tuple[RelationKind, tuple, str | None]:
    kind, (target, *jointly), scheme = _inference(kind, children)
    return kind, (_Linked(target, tuple(jointly)),), scheme


def _placed_topics(items: list, grouped: type) -> tuple[Topic, ...]:
    """The topics among `items`, each starting at the number of `grouped` items before it."""
    topics, count = [], 0
    for item in items:
        if isinstance(item, Topic):
            topics.append(attrs.evolve(item, start=count))
        elif isinstance(item, grouped):
            count += 1
    return tuple(topics)


def _decode(token: Token, lines: Lines) -> str:
    assert token.start_pos is not None  # the lexer places every token
    return string_value(token.value, token.start_pos, lines)


class _ModelBuilder(Transformer):
    """Builds the model bottom-up; every object keeps the offset it came from, and the lines
    of its file. `path` and `lines` are set before each parse: the parser is built once and
    calls this one builder."""

    path = ""
    lines = Lines("", "")

    def _at(self, token: Token) -> int:
        assert token.start_pos is not None  # the lexer places every token
        return token.start_pos

    def start(self, children):
        return children[0]

    def document_map(self, items):
        headers = tuple(i for i in items if isinstance(i, DocumentHeader))
        nodes = tuple(i for i in items if isinstance(i, Node))
        return DocumentMap(self.path, headers, nodes, _placed_topics(items, Node))

    def topic(self, children):
        keyword, name = children
        return Topic(_decode(name, self.lines), self._at(keyword), self.lines)

    def document_header(self, children):
        keyword, ident, title, _, *fields, _ = children
        return DocumentHeader(str(ident), _decode(title, self.lines), self._at(keyword),
                              self.lines, tuple(fields))

    def header_field(self, children):
        key, value = children
        return HeaderField(str(key), _decode(value, self.lines), self._at(key), self.lines)

    def node(self, children):
        kind_token, ident, text, *rest = children
        tags = tuple(str(t)[1:] for t in rest if isinstance(t, Token))
        relations = tuple(
            self._relation(kind, str(ident), target, scheme)
            for kind, targets, scheme in (r for r in rest if isinstance(r, tuple))
            for target in targets
        )
        return Node(NodeKind(kind_token.value), str(ident), _decode(text, self.lines),
                    self._at(kind_token), self._at(text), self.lines, tags, relations)

    @staticmethod
    def _relation(kind: RelationKind, source: str, target: Ref | Link | _Linked,
                  scheme: str | None) -> Relation:
        if isinstance(target, _Linked):
            return Relation(kind, source, target.target, target.jointly, scheme)
        return Relation(kind, source, target, scheme=scheme)

    def node_kind(self, children):
        return children[0]

    def supports(self, children):
        return _inference(RelationKind.SUPPORTS, children)

    def linked_supports(self, children):
        return _linked(RelationKind.SUPPORTS, children)

    def explains(self, children):
        return _inference(RelationKind.EXPLAINS, children)

    def linked_explains(self, children):
        return _linked(RelationKind.EXPLAINS, children)

    def attacks(self, refs):
        return RelationKind.ATTACKS, tuple(refs), None

    def undercuts(self, links):
        return RelationKind.UNDERCUTS, tuple(links), None

    def concedes(self, refs):
        return RelationKind.CONCEDES, tuple(refs), None

    def outranks(self, refs):
        return RelationKind.OUTRANKS, tuple(refs), None

    def scheme(self, children):
        return _Scheme(str(children[0]))

    def link(self, children):
        return Link(*children)

    def ref(self, children):
        if len(children) == 2:
            document, node = children
            return Ref(str(node), self._at(document), self.lines, str(document))
        return Ref(str(children[0]), self._at(children[0]), self.lines)

    def comparison(self, children):
        (ident, title, uses, offset), *items = children
        relations = tuple(i for i in items if isinstance(i, CrossRelation))
        return Comparison(self.path, ident, title, offset, self.lines, uses, relations,
                          _placed_topics(items, CrossRelation))

    def compare_header(self, children):
        keyword, ident, title, _, *uses, _ = children
        return str(ident), _decode(title, self.lines), tuple(uses), self._at(keyword)

    def use(self, children):
        return Use(_decode(children[0], self.lines), self._at(children[0]), self.lines)

    def cross_relation(self, children):
        source, kind, target, *explanation = children
        return CrossRelation(CrossKind(kind.value), source, target,
                             _decode(explanation[0], self.lines) if explanation else None)

    def cross_kind(self, children):
        return children[0]
