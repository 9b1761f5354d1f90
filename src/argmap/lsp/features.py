"""The language server's answers, one function per request, in the protocol's types.

Positions are lines and characters counted in code points, as argmap counts columns (the
protocol's default counts UTF-16 units: the two differ only after a character outside the
Basic Multilingual Plane on the same line).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lsprotocol import types

from ..diagnostics import Finding, Severity
from ..lexicon import (
    BY,
    COMPARE,
    DOCUMENT,
    HEADER_KEYS,
    KEYWORDS,
    RELATION_MEANINGS,
    SCHEMES,
    TERMINALS,
    USE,
    WITH,
    CrossKind,
    NodeKind,
    RelationKind,
)
from ..quotes import QuoteMatch, SourceText
from ..semantics import MapSemantics
from ..tokens import Token, TokenKind
from .fixes import fix_for
from .project import Project
from .symbols import FileSymbols, Role, read_symbols

__all__ = [
    "offset_of", "position_of", "range_of", "diagnostics", "definition", "references", "hover",
    "completion", "prepare_rename", "rename", "document_symbols", "code_actions",
]

_SEVERITIES = {Severity.ERROR: types.DiagnosticSeverity.Error,
               Severity.WARNING: types.DiagnosticSeverity.Warning,
               Severity.INFO: types.DiagnosticSeverity.Information}
_SYMBOL_KINDS = {
    NodeKind.THESIS.value: types.SymbolKind.Class, NodeKind.PREMISE.value: types.SymbolKind.Field,
    NodeKind.EVIDENCE.value: types.SymbolKind.String,
    NodeKind.ASSUMPTION.value: types.SymbolKind.Constant,
    NodeKind.OBJECTION.value: types.SymbolKind.Event,
    NodeKind.REBUTTAL.value: types.SymbolKind.Operator,
}
_NODE_KINDS = frozenset(kind.value for kind in NodeKind)
_RELATIONS = frozenset(kind.value for kind in RelationKind)
_CROSS_KINDS = frozenset(kind.value for kind in CrossKind)
_IDENT = re.compile(TERMINALS["IDENT"])
_WORD_IN_QUOTE = re.compile(r'[^\s"]+')
# The end of the sentence a quote ends in: a stop before white space, or a paragraph's end.
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?=\s|$)|\n")


def offset_of(text: str, position: types.Position) -> int:
    """The offset in `text` of a protocol position."""
    start = 0
    for _ in range(position.line):
        start = text.find("\n", start) + 1
        if start == 0:
            return len(text)
    line_end = text.find("\n", start)
    return min(start + position.character, len(text) if line_end < 0 else line_end)


def position_of(text: str, offset: int) -> types.Position:
    line = text.count("\n", 0, offset)
    return types.Position(line, offset - (text.rfind("\n", 0, offset) + 1))


def range_of(text: str, start: int, end: int) -> types.Range:
    return types.Range(position_of(text, start), position_of(text, end))


def _offset_of_finding(text: str, finding: Finding) -> int:
    return offset_of(text, types.Position(finding.position.line - 1,
                                          finding.position.column - 1))


def diagnostics(project: Project, path: str, text: str) -> list[types.Diagnostic]:
    """The findings of `argmap check` on the buffer, each with its quick fix as `data`."""
    tokens = read_symbols(text).tokens
    found = []
    for finding in project.findings(path):
        start = _offset_of_finding(text, finding)
        token = next((t for t in tokens if t.start == start and t.significant), None)
        end = token.end if token is not None else min(start + 1, len(text))
        if token is None and finding.rule == "quote-not-found":
            word = _WORD_IN_QUOTE.match(text, start)  # the word that differs
            end = word.end() if word else end
        fix = fix_for(finding, tokens, start)
        data = None if fix is None else {"title": fix.title, "text": fix.text,
                                         "range": _range_data(text, fix.start, fix.end)}
        found.append(types.Diagnostic(
            range=range_of(text, start, end), message=finding.message,
            severity=_SEVERITIES[finding.severity], code=finding.rule, source="argmap",
            data=data))
    return found


def _range_data(text: str, start: int, end: int) -> dict:
    begin, finish = position_of(text, start), position_of(text, end)
    return {"start": {"line": begin.line, "character": begin.character},
            "end": {"line": finish.line, "character": finish.character}}


def code_actions(uri: str, params: types.CodeActionParams) -> list[types.CodeAction]:
    """A quick fix for each diagnostic the editor sends (those at the cursor) that has one."""
    actions = []
    for diagnostic in params.context.diagnostics:
        data = diagnostic.data
        if not isinstance(data, dict) or "text" not in data:
            continue
        where = data["range"]
        edit = types.TextEdit(
            types.Range(types.Position(**where["start"]), types.Position(**where["end"])),
            data["text"])
        actions.append(types.CodeAction(
            title=data["title"], kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
            is_preferred=True, edit=types.WorkspaceEdit(changes={uri: [edit]})))
    return actions


def _located(project: Project, path: str, token: Token, uri_of: Callable[[str], str]
             ) -> types.Location | None:
    text = project.text(path)
    if text is None:
        return None
    return types.Location(uri_of(path), range_of(text, token.start, token.end))


def definition(project: Project, path: str, offset: int, uri_of: Callable[[str], str]
               ) -> types.Location | None:
    symbols = project.symbols(path)
    occurrence = symbols.at(offset) if symbols else None
    key = project.key(path, occurrence) if occurrence else None
    target = project.definition(key) if key else None
    return _located(project, key[1], target.token, uri_of) if key and target else None


def references(project: Project, path: str, offset: int, include_declaration: bool,
               uri_of: Callable[[str], str]) -> list[types.Location]:
    symbols = project.symbols(path)
    occurrence = symbols.at(offset) if symbols else None
    key = project.key(path, occurrence) if occurrence else None
    if key is None:
        return []
    found = [_located(project, where, o.token, uri_of) for where, o in project.occurrences(key)
             if include_declaration or not o.definition]
    return [location for location in found if location is not None]


def hover(project: Project, path: str, offset: int) -> types.Hover | None:
    """A node's kind and text, and for evidence the source sentence the quote is in; a
    document's title and header; a relation's meaning, and a scheme's critical questions."""
    symbols = project.symbols(path)
    if symbols is not None and not symbols.comparison:
        described = _vocabulary_hover(project.text(path) or "", symbols.tokens, offset)
        if described is not None:
            return described
    occurrence = symbols.at(offset) if symbols else None
    key = project.key(path, occurrence) if occurrence else None
    if key is None or occurrence is None:
        return None
    context = project.map_context(key[1])
    if context is None:
        return None
    text = project.text(path) or ""
    where = range_of(text, occurrence.token.start, occurrence.token.end)
    if key[0] == Role.DOCUMENT:
        header = context.map.header
        if header is None:
            return None
        lines = [f"**document** `{header.id}`: {header.title}", ""]
        lines += [f"- {f.key}: {f.value}" for f in header.fields]
        return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, "\n".join(lines)), where)
    node = context.nodes.get(key[2])
    if node is None:
        return None
    lines = [f"**{node.kind.value}** `{node.id}`", "", node.text]
    if node.kind is NodeKind.EVIDENCE:
        lines += ["", *_quote_in_source(context, node.id)]
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, "\n".join(lines)), where)


def _vocabulary_hover(text: str, tokens: tuple[Token, ...], offset: int) -> types.Hover | None:
    """What a relation keyword means, or a scheme's summary and critical questions, from
    the lexicon; None for any other token."""
    words = [t for t in tokens if t.significant]
    at = next((i for i, t in enumerate(words) if t.start <= offset < t.end), None)
    if at is None:
        return None
    token = words[at]
    lines = None
    if token.kind is TokenKind.KEYWORD and token.text in _RELATIONS:
        kind = RelationKind(token.text)
        lines = [f"**{kind.value}**: {RELATION_MEANINGS[kind]}"]
    elif token.kind is TokenKind.IDENT and at and words[at - 1].text == BY \
            and token.text in SCHEMES:
        scheme = SCHEMES[token.text]
        lines = [f"**{scheme.name}**: {scheme.summary}", "", "Critical questions (answer one "
                 "with a node tagged as shown that bears on the inference):", "",
                 *(f"- `#{tag}`: {question}" for tag, question in scheme.questions)]
    if lines is None:
        return None
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, "\n".join(lines)),
                       range_of(text, token.start, token.end))


def _quote_in_source(context: MapSemantics, node_id: str) -> list[str]:
    """The sentence of the source an evidence quote is in, with its line; or why not."""
    result = context.quotes.get(node_id)
    source = context.source
    if source is None:
        return ["_The header names no source._"]
    if not isinstance(source, SourceText):
        return [f"_The source cannot be read: {source}._"]
    if not isinstance(result, QuoteMatch):
        if result is not None and result.closest_line is not None:
            return [f"Not found in the source; closest at line {result.closest_line}:", "",
                    f"> {result.closest_text}"]
        return ["Not found in the source."]
    start, end = result.spans[0][0], result.spans[-1][1]
    normal = source.text
    sentence_start = max(0, start - 2000)  # a sentence with no end in sight starts here
    for mark in _SENTENCE_END.finditer(normal, sentence_start, start):
        sentence_start = mark.end()
    after = _SENTENCE_END.search(normal, max(start, end - 1))
    sentence_end = len(normal) if after is None else (
        after.start() if after.group() == "\n" else after.end())
    sentence = " ".join(source.original_text(sentence_start, sentence_end).split())
    lines = "line" + (f"s {result.line}-{result.end_line}" if result.end_line != result.line
                      else f" {result.line}")
    return [f"{context.source_path}, {lines}:", "", f"> {sentence}"]


def completion(project: Project, path: str, offset: int) -> list[types.CompletionItem]:
    """Ids, kinds, relations or header keys, by what comes before the cursor."""
    symbols = project.symbols(path)
    if symbols is None:
        return []
    words = [t for t in symbols.tokens if t.significant and t.end <= offset]
    typing = words[-1] if words and words[-1].end == offset else None
    if typing is not None and typing.kind in (TokenKind.IDENT, TokenKind.KEYWORD):
        words.pop()  # the word being typed
    previous = words[-1] if words else None
    if _in_header(words):
        if symbols.comparison:
            return [_item(USE, types.CompletionItemKind.Keyword)]
        present = {t.text for t in _header_tokens(symbols.tokens, words)}
        return [_item(key, types.CompletionItemKind.Property)
                for key in HEADER_KEYS if key not in present]
    if previous is not None and previous.text == "." and previous.kind is TokenKind.PUNCT:
        document = words[-2].text if len(words) >= 2 else None
        return _node_items(project, path, symbols, document)
    if symbols.comparison:
        if previous is not None and previous.kind is TokenKind.IDENT:
            return [_item(k.value, types.CompletionItemKind.Keyword) for k in CrossKind]
        return [_item(f"{document}.", types.CompletionItemKind.Module)
                for document in project.used_maps(path)]
    if previous is not None and previous.text == BY and previous.kind is TokenKind.KEYWORD:
        return [_item(scheme.name, types.CompletionItemKind.EnumMember, scheme.summary)
                for scheme in SCHEMES.values()]
    if previous is not None and previous.text in (_RELATIONS | {",", "->", WITH}) \
            and previous.kind is not TokenKind.STRING:
        return _node_items(project, path, symbols, None)
    kinds = [_item(k.value, types.CompletionItemKind.Keyword) for k in NodeKind]
    relations = [_item(k.value, types.CompletionItemKind.Keyword, RELATION_MEANINGS[k])
                 for k in RelationKind] if words else []
    return kinds + relations


def _in_header(words: list[Token]) -> bool:
    braces = [t for t in words if t.kind is TokenKind.PUNCT and t.text in "{}"]
    return bool(braces) and braces[-1].text == "{"


def _header_tokens(tokens: tuple[Token, ...], before: list[Token]) -> list[Token]:
    """The identifiers of the header the cursor is in, before and after it."""
    opened = max(t.start for t in before if t.text == "{" and t.kind is TokenKind.PUNCT)
    inside = []
    for token in tokens:
        if token.start <= opened or not token.significant:
            continue
        if token.kind is TokenKind.PUNCT:
            break
        inside.append(token)
    return [t for t in inside if t.kind is TokenKind.IDENT]


def _item(label: str, kind: types.CompletionItemKind, detail: str | None = None
          ) -> types.CompletionItem:
    return types.CompletionItem(label=label, kind=kind, detail=detail)


def _node_items(project: Project, path: str, symbols: FileSymbols, document: str | None
                ) -> list[types.CompletionItem]:
    """The node ids of this map, or of the used map `document` names in a comparison."""
    if symbols.comparison:
        target = project.used_maps(path).get(document or "")
        target_symbols = project.symbols(target) if target else None
    else:
        target, target_symbols = path, symbols
    if target_symbols is None:
        return []
    context = project.map_context(target) if target else None
    items = []
    for occurrence in target_symbols.occurrences:
        if occurrence.definition and occurrence.role is Role.NODE:
            node = context.nodes.get(occurrence.name) if context else None
            items.append(_item(occurrence.name, types.CompletionItemKind.Reference,
                               f"{node.kind.value}: {node.text}" if node else None))
    return items


def prepare_rename(project: Project, path: str, offset: int) -> types.Range | None:
    symbols = project.symbols(path)
    occurrence = symbols.at(offset) if symbols else None
    if occurrence is None or project.key(path, occurrence) is None:
        return None
    text = project.text(path) or ""
    return range_of(text, occurrence.token.start, occurrence.token.end)


def rename(project: Project, path: str, offset: int, new_name: str,
           uri_of: Callable[[str], str]) -> types.WorkspaceEdit | None:
    """Every occurrence of the id under the cursor, in every file that names it, renamed."""
    if not _IDENT.fullmatch(new_name) or new_name in KEYWORDS:
        raise ValueError(f"`{new_name}` cannot be an id: an id starts with a letter or `_`, "
                         "goes on with letters, digits, `_` and `-`, and is not a keyword")
    symbols = project.symbols(path)
    occurrence = symbols.at(offset) if symbols else None
    key = project.key(path, occurrence) if occurrence else None
    if key is None:
        return None
    changes: dict[str, list[types.TextEdit]] = {}
    for where, found in project.occurrences(key):
        text = project.text(where) or ""
        changes.setdefault(uri_of(where), []).append(
            types.TextEdit(range_of(text, found.token.start, found.token.end), new_name))
    return types.WorkspaceEdit(changes=changes)


def document_symbols(text: str) -> list[types.DocumentSymbol]:
    """The outline: the header, then each node (or each cross relation) in order."""
    symbols = read_symbols(text)
    words = [t for t in symbols.tokens if t.significant]
    starts = [i for i, t in enumerate(words) if t.kind is TokenKind.KEYWORD and (
        t.text in _NODE_KINDS or t.text in (DOCUMENT, COMPARE))]
    outline = []
    for number, i in enumerate(starts):
        if i + 1 >= len(words) or words[i + 1].kind is not TokenKind.IDENT:
            continue
        end = (starts[number + 1] if number + 1 < len(starts) else len(words)) - 1
        kind, name = words[i].text, words[i + 1]
        if kind == COMPARE:
            end = next((j for j in range(i, len(words)) if words[j].text == "}"), end)
        symbol_kind = _SYMBOL_KINDS.get(kind, types.SymbolKind.Module if kind == DOCUMENT
                                        else types.SymbolKind.Namespace)
        outline.append(types.DocumentSymbol(
            name=name.text, detail=kind, kind=symbol_kind,
            range=range_of(text, words[i].start, words[end].end),
            selection_range=range_of(text, name.start, name.end)))
    if symbols.comparison:
        outline += _cross_relations(text, words)
    return outline


def _cross_relations(text: str, words: list[Token]) -> list[types.DocumentSymbol]:
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
        found.append(types.DocumentSymbol(
            name=name, kind=types.SymbolKind.Interface,
            range=range_of(text, words[first].start, words[last].end),
            selection_range=range_of(text, token.start, token.end)))
    return found

