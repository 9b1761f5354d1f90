"""The outline of a file (`textDocument/documentSymbol`), written as JSON once for each text.

A large map's outline is 10,000 symbols and two megabytes: each symbol is kept with its JSON
text, so that after an edit the symbols of the statements read again only where it touched
them (`symbols.Revision`) are reused as they are (or moved by the lines it added), and the
answer is their texts joined, which the server sends as it is (`Serialized`).
"""

from __future__ import annotations

import json
import os

from attrs import frozen
from lsprotocol import types

from ..lexicon import CrossKind, NodeKind
from ..tokens import Token, TokenKind
from .positions import LineIndex
from .project import Project
from .symbols import FileSymbols, Revision, Statement

__all__ = ["Serialized", "OutlineSymbol", "document_symbols"]

_SYMBOL_KINDS = {
    NodeKind.THESIS.value: types.SymbolKind.Class, NodeKind.PREMISE.value: types.SymbolKind.Field,
    NodeKind.EVIDENCE.value: types.SymbolKind.String,
    NodeKind.ASSUMPTION.value: types.SymbolKind.Constant,
    NodeKind.OBJECTION.value: types.SymbolKind.Event,
    NodeKind.REBUTTAL.value: types.SymbolKind.Operator,
    "document": types.SymbolKind.Module, "compare": types.SymbolKind.Module,
}
_CROSS_KINDS = frozenset(kind.value for kind in CrossKind)
_JSON = ('{{"name":{},"kind":{},"range":{{"start":{{"line":{},"character":{}}},'
         '"end":{{"line":{},"character":{}}}}},"selectionRange":{{"start":{{"line":{},'
         '"character":{}}},"end":{{"line":{},"character":{}}}}}}}')

#: A range as (line, character, end line, end character).
Span = tuple[int, int, int, int]


class Serialized(str):
    """An answer already written as JSON text, which the server sends as it is."""


@frozen
class OutlineSymbol:
    """A `DocumentSymbol` with no more than an editor shows: a name, a kind, where the
    statement is (`span`) and where its name is (`selection`); and its JSON text."""

    name: str
    kind: int
    span: Span
    selection: Span
    text: str

    @classmethod
    def of(cls, name: str, kind: int, span: Span, selection: Span) -> OutlineSymbol:
        return cls(name, kind, span, selection,
                   _JSON.format(json.dumps(name), kind, *span, *selection))

    def moved(self, lines: int) -> OutlineSymbol:
        """The same symbol `lines` lines further down."""
        return self.of(self.name, self.kind, _moved(self.span, lines),
                       _moved(self.selection, lines))


def _moved(span: Span, lines: int) -> Span:
    return span[0] + lines, span[1], span[2] + lines, span[3]


def document_symbols(project: Project, path: str) -> Serialized:
    """The outline: the header, then each node and topic (or each cross relation and topic)
    in order, as `DocumentSymbol`s in compact JSON."""
    symbols = project.symbols(path)
    index = project.index(path)
    if symbols is None or index is None or index.text != symbols.text:
        return Serialized("[]")
    real = os.path.realpath(path)
    cached = project.cache.outlines.get(real)
    if cached is not None and cached[0] is symbols:
        return Serialized(cached[2])
    revision = symbols.revision
    if symbols.comparison:
        outline = [_symbol(statement, index) for statement in symbols.statements]
        outline += _cross_relations(index, [t for t in symbols.tokens if t.significant])
        outline.sort(key=lambda symbol: symbol.span[:2])  # the topics among the relations
    elif cached is not None and revision is not None and revision.before() is cached[0]:
        outline = _outline_after(revision, cached[1], symbols, index)
    else:
        outline = [_symbol(statement, index) for statement in symbols.statements]
    written = Serialized("[" + ",".join(symbol.text for symbol in outline) + "]")
    project.cache.outlines[real] = (symbols, outline, written)
    return written


def _symbol(statement: Statement, index: LineIndex) -> OutlineSymbol:
    """A statement's symbol, named as it starts (`premise p1`, `topic "Costs"`): the kind
    in words in the name, not in a `detail` of its own, which would make a large map's
    outline a tenth larger and, in some clients, half as slow again to read."""
    name = statement.name
    return OutlineSymbol.of(f"{statement.kind} {name.text}",
                            _SYMBOL_KINDS.get(statement.kind, types.SymbolKind.Namespace).value,
                            index.span(statement.start, statement.end),
                            index.span(name.start, name.end))


def _outline_after(revision: Revision, before: list[OutlineSymbol], symbols: FileSymbols,
                   index: LineIndex) -> list[OutlineSymbol]:
    """The outline of `symbols`, read again after an edit (`revision`) from the symbols
    whose outline is `before`: a statement kept has the same symbol, one moved the same
    moved by the lines the edit added; only those read anew are made."""
    moved = before[len(before) - revision.moved:]
    made = symbols.statements[revision.kept:len(symbols.statements) - revision.moved]
    return [*before[:revision.kept], *(_symbol(statement, index) for statement in made),
            *(moved if not revision.lines else (symbol.moved(revision.lines)
                                                 for symbol in moved))]


def _cross_relations(index: LineIndex, words: list[Token]) -> list[OutlineSymbol]:
    found = []
    for i, token in enumerate(words):
        if token.kind is not TokenKind.KEYWORD or token.text not in _CROSS_KINDS or i < 1:
            continue
        first = i - 3 if i >= 3 and words[i - 2].text == "." else i - 1
        last = i + 3 if i + 2 < len(words) and words[i + 2].text == "." else i + 1
        if last >= len(words):
            continue
        if last + 1 < len(words) and words[last + 1].kind is TokenKind.STRING:
            last += 1
        name = " ".join(["".join(t.text for t in words[first:i]), token.text,
                         "".join(t.text for t in words[i + 1:min(last + 1, i + 4)]
                                 if t.kind is not TokenKind.STRING)])
        found.append(OutlineSymbol.of(name, types.SymbolKind.Interface.value,
                                      index.span(words[first].start, words[last].end),
                                      index.span(token.start, token.end)))
    return found
