"""Text to model: the Lark LALR parser for `.arg` files and the transformer to `attrs` objects."""

from __future__ import annotations

import functools
import re
import textwrap
from importlib import resources

import lark
from lark import Lark, Token, Transformer, v_args

from .errors import ArgSyntaxError
from .model import (
    ArgFile, Comparison, CrossKind, CrossRelation, DocumentHeader, DocumentMap, HeaderField,
    Link, Node, NodeKind, Position, Ref, Relation, RelationKind, Use,
)
from .syntax_errors import describe

__all__ = ["parse", "grammar_parser"]

_ESCAPES = {'"': '"', "\\": "\\", "n": "\n"}
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


@functools.lru_cache(maxsize=None)
def grammar_parser() -> Lark:
    """The parser, built once; Lark's cache keeps the LALR tables between runs."""
    grammar = resources.files("argmap").joinpath("argmap.lark").read_text(encoding="utf-8")
    return Lark(grammar, parser="lalr", lexer="basic", strict=True, cache=True,
                propagate_positions=True)


def parse(text: str, path: str) -> ArgFile:
    """Parse the text of the `.arg` file at `path`; raise `ArgSyntaxError` with words."""
    parser = grammar_parser()
    try:
        tree = parser.parse(text)
        return _ModelBuilder(path).transform(tree)
    except lark.exceptions.VisitError as error:
        raise error.orig_exc from None
    except lark.exceptions.UnexpectedInput as error:
        line, column, message = describe(error, text, parser)
        raise ArgSyntaxError(message, Position(path, line, column)) from None


def _decode(token: Token, path: str) -> str:
    """The value of a STRING token: escapes decoded, triple-quoted blocks dedented."""
    raw = token.value
    for match in _ESCAPE.finditer(raw):
        if match.group(1) not in _ESCAPES:
            before = raw[: match.start()]
            line = token.line + before.count("\n")
            column = match.start() - before.rfind("\n") if "\n" in before else token.column + match.start()
            shown = "\\" + match.group(1) if match.group(1).strip() else "\\ and a line break"
            raise ArgSyntaxError(
                f"unknown escape `{shown}` in a string: write `\\\"` for a quote, `\\\\` for a "
                "backslash, `\\n` for a line break", Position(path, line, column))
    if raw.startswith('"""'):
        body = _dedent_block(raw[3:-3].replace("\r\n", "\n"))
    else:
        body = raw[1:-1]
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group(1)], body)


def _dedent_block(body: str) -> str:
    """Drop a blank first and last line and the indentation all other lines share."""
    lines = body.split("\n")
    if lines and not lines[0].strip():
        lines.pop(0)
    if lines and not lines[-1].strip():
        lines.pop()
    return textwrap.dedent("\n".join(lines))


class _ModelBuilder(Transformer):
    """Builds the model bottom-up; every object keeps the file, line and column it came from."""

    def __init__(self, path: str):
        super().__init__()
        self.path = path

    def _at(self, item) -> Position:
        return Position(self.path, item.line, item.column)

    def start(self, children):
        return children[0]

    def document_map(self, items):
        headers = tuple(i for i in items if isinstance(i, DocumentHeader))
        nodes = tuple(i for i in items if isinstance(i, Node))
        return DocumentMap(self.path, headers, nodes)

    @v_args(meta=True)
    def document_header(self, meta, children):
        ident, title, *fields = children
        return DocumentHeader(str(ident), _decode(title, self.path), self._at(meta), tuple(fields))

    def header_field(self, children):
        key, value = children
        return HeaderField(str(key), _decode(value, self.path), self._at(key))

    def node(self, children):
        kind_token, ident, text, *rest = children
        tags = tuple(str(t)[1:] for t in rest if isinstance(t, Token))
        relations = tuple(
            Relation(kind, str(ident), target, target.position if isinstance(target, Ref)
                     else target.supporter.position)
            for kind, targets in (r for r in rest if isinstance(r, tuple))
            for target in targets
        )
        return Node(NodeKind(kind_token.value), str(ident), _decode(text, self.path),
                    self._at(kind_token), self._at(text), tags, relations)

    def node_kind(self, children):
        return children[0]

    def supports(self, refs):
        return RelationKind.SUPPORTS, tuple(refs)

    def attacks(self, refs):
        return RelationKind.ATTACKS, tuple(refs)

    def undercuts(self, links):
        return RelationKind.UNDERCUTS, tuple(links)

    def link(self, children):
        return Link(*children)

    def ref(self, children):
        if len(children) == 2:
            document, node = children
            return Ref(str(node), self._at(document), str(document))
        return Ref(str(children[0]), self._at(children[0]))

    def comparison(self, children):
        (ident, title, uses, position), *relations = children
        return Comparison(self.path, ident, title, position, uses, tuple(relations))

    @v_args(meta=True)
    def compare_header(self, meta, children):
        ident, title, *uses = children
        return str(ident), _decode(title, self.path), tuple(uses), self._at(meta)

    def use(self, children):
        return Use(_decode(children[0], self.path), self._at(children[0]))

    def cross_relation(self, children):
        source, kind, target, *explanation = children
        return CrossRelation(CrossKind(kind.value), source, target, source.position,
                             _decode(explanation[0], self.path) if explanation else None)

    def cross_kind(self, children):
        return children[0]
