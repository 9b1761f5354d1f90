"""The language server's answers, one function per request, in the protocol's types.

Each works on offsets in the text of a file (`\\n` line ends, see `positions`) and turns
them into the protocol's positions through the file's `LineIndex`, in the encoding the
editor and the server agreed on.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Callable, Sequence
from typing import Any

from lsprotocol import types

from ..diagnostics import Severity
from ..errors import Refused
from ..fixing import closest_passages
from ..fmt import format_text
from ..lexicon import (
    BY,
    HEADER_KEYS,
    KEYWORDS,
    RELATION_MEANINGS,
    SCHEMES,
    TERMINALS,
    TOPIC,
    USE,
    WITH,
    CrossKind,
    NodeKind,
    RelationKind,
)
from ..quotes import QuoteMatch, SourceText
from ..semantics import MapSemantics
from ..tokens import Token, TokenKind, scan, tokenize
from .fixes import SENTENCE_END, fix_for
from .positions import LineIndex
from .project import Project
from .symbols import FileSymbols, Role, Statement, read_symbols

__all__ = [
    "SEMANTIC_TOKENS", "diagnostics", "definition", "references", "hover", "completion",
    "prepare_rename", "rename", "code_actions", "formatting", "semantic_tokens",
    "folding_ranges", "workspace_symbols",
]
_SEVERITIES = {Severity.ERROR: types.DiagnosticSeverity.Error,
               Severity.WARNING: types.DiagnosticSeverity.Warning,
               Severity.INFO: types.DiagnosticSeverity.Information}
_NODE_KINDS = frozenset(kind.value for kind in NodeKind)
_RELATIONS = frozenset(kind.value for kind in RelationKind)
_STATEMENT_STARTS = _NODE_KINDS | {TOPIC}
_IDENT = re.compile(TERMINALS["IDENT"])
_WORD_IN_QUOTE = re.compile(r'[^\s"]+')


def diagnostics(project: Project, path: str) -> list[types.Diagnostic]:
    """The findings of `argmap check` on the buffer, each with its quick fix as `data`.

    Each finding's token is read from the text of its line and the next, not from the
    tokens of the whole file: a map with a finding on every node costs one pass."""
    index = project.index(path)
    if index is None:
        return []
    text = index.text
    bom = 1 if text.startswith("\ufeff") else 0  # argmap's columns do not count it
    last_line = len(index.starts) - 1
    passages: dict[int, str] | None = None  # the closest passages, once a quote is missed
    found = []
    for finding in project.findings(path):
        line = finding.position.line
        start = index.offset_of(line, finding.position.column + (bom if line == 1 else 0))
        first = min(max(line - 1, 0), last_line)
        tokens = tuple(tokenize(text, index.starts[first],
                                index.line_end(min(first + 1, last_line)), first + 1))
        token = next((t for t in tokens if t.start == start and t.significant), None)
        end = token.end if token is not None else min(start + 1, len(text))
        passage = None
        if token is None and finding.rule == "quote-not-found":
            word = _WORD_IN_QUOTE.match(text, start)  # the word that differs
            end = word.end() if word else end
        if finding.rule == "quote-not-found":
            if passages is None:
                context = project.map_context(path)
                passages = closest_passages(context) if context is not None else {}
            passage = _quoted(passages, tokens, start - bom)
        fix = fix_for(finding, tokens, start, passage)
        data = None if fix is None else {"title": fix.title, "text": fix.text,
                                         "range": index.range_json(fix.start, fix.end)}
        found.append(types.Diagnostic(
            range=index.range(start, end), message=finding.message,
            severity=_SEVERITIES[finding.severity], code=finding.rule, source="argmap",
            data=data))
    return found


def _quoted(passages: dict[int, str], tokens: tuple[Token, ...], offset: int) -> str | None:
    """The whole closest passage (`fixing.closest_passages`) of the quote whose string holds
    `offset`: the message shows it shortened."""
    string = next((t for t in tokens if t.start <= offset < t.end
                   and t.kind is TokenKind.STRING), None)
    return passages.get(string.start) if string is not None else None


def code_actions(uri: str, params: types.CodeActionParams) -> list[types.CodeAction]:
    """A quick fix for each diagnostic the editor sends (those at the cursor) that has one."""
    actions = []
    for diagnostic in params.context.diagnostics:
        data: Any = diagnostic.data
        try:
            where = data["range"]
            edit = types.TextEdit(
                types.Range(types.Position(**where["start"]), types.Position(**where["end"])),
                str(data["text"]))
            title = str(data["title"])
        except (KeyError, TypeError, ValueError):  # no fix, or data another server wrote
            continue
        actions.append(types.CodeAction(
            title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
            is_preferred=True, edit=types.WorkspaceEdit(changes={uri: [edit]})))
    return actions


def _located(project: Project, path: str, token: Token, uri_of: Callable[[str], str]
             ) -> types.Location | None:
    index = project.index(path)
    if index is None:
        return None
    return types.Location(uri_of(path), index.range(token.start, token.end))


def _named(project: Project, path: str, offset: int):
    """The id under the cursor and what it names, when it names something."""
    occurrence = project.occurrence_at(path, offset)
    key = project.key(path, occurrence) if occurrence else None
    return (occurrence, key) if occurrence is not None and key is not None else (None, None)


def definition(project: Project, path: str, offset: int, uri_of: Callable[[str], str]
               ) -> types.Location | None:
    _, key = _named(project, path, offset)
    target = project.definition(key) if key else None
    return _located(project, key[1], target.token, uri_of) if key and target else None


def references(project: Project, path: str, offset: int, include_declaration: bool,
               uri_of: Callable[[str], str]) -> list[types.Location]:
    _, key = _named(project, path, offset)
    if key is None:
        return []
    found = [_located(project, where, o.token, uri_of) for where, o in project.occurrences(key)
             if include_declaration or not o.definition]
    return [location for location in found if location is not None]


def hover(project: Project, path: str, offset: int) -> types.Hover | None:
    """A node's kind and text, and for evidence the source sentence the quote is in; a
    document's title and header; a relation's meaning, and a scheme's critical questions."""
    index = project.index(path)
    head = project.head(path)
    if index is None:
        return None
    if head is not None and not head.comparison:
        described = _vocabulary_hover(index, offset)
        if described is not None:
            return described
    occurrence, key = _named(project, path, offset)
    if key is None or occurrence is None:
        return None
    context = project.latest_context(key[1])
    if context is None:
        return None
    where = index.range(occurrence.token.start, occurrence.token.end)
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


def _vocabulary_hover(index: LineIndex, offset: int) -> types.Hover | None:
    """What a relation keyword means, or a scheme's summary and critical questions, from
    the lexicon; None for any other token. Only the cursor's line is read: the scheme's
    `by` is on it."""
    line = index.position(offset).line
    tokens = tokenize(index.text, index.starts[line], index.line_end(line), line + 1)
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
                       index.range(token.start, token.end))


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
    for mark in SENTENCE_END.finditer(normal, sentence_start, start):
        sentence_start = mark.end()
    after = SENTENCE_END.search(normal, max(start, end - 1))
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
    tokens = _tokens_before(symbols, offset)
    words = [t for t in tokens if t.significant and t.end <= offset]
    typing = words[-1] if words and words[-1].end == offset else None
    if typing is not None and typing.kind in (TokenKind.IDENT, TokenKind.KEYWORD):
        words.pop()  # the word being typed
    previous = words[-1] if words else None
    if _in_header(words):
        if symbols.comparison:
            return [_item(USE, types.CompletionItemKind.Keyword)]
        present = {t.text for t in _header_tokens(tokens, words)}
        return [_item(key, types.CompletionItemKind.Property)
                for key in HEADER_KEYS if key not in present]
    if previous is not None and previous.text == "." and previous.kind is TokenKind.PUNCT:
        document = words[-2].text if len(words) >= 2 else None
        return _node_items(project, path, symbols, document)
    if previous is not None and previous.text == TOPIC and previous.kind is TokenKind.KEYWORD:
        return []  # a topic's name: free text
    topic = _item(TOPIC, types.CompletionItemKind.Keyword,
                  "groups what follows it, up to the next topic, under a name")
    if symbols.comparison:
        if previous is not None and previous.kind is TokenKind.IDENT:
            return [_item(k.value, types.CompletionItemKind.Keyword) for k in CrossKind]
        return [_item(f"{document}.", types.CompletionItemKind.Module)
                for document in project.used_maps(path)] + [topic]
    if previous is not None and previous.text == BY and previous.kind is TokenKind.KEYWORD:
        return [_item(scheme.name, types.CompletionItemKind.EnumMember, scheme.summary)
                for scheme in SCHEMES.values()]
    if previous is not None and previous.text in (_RELATIONS | {",", "->", WITH}) \
            and previous.kind is not TokenKind.STRING:
        return _node_items(project, path, symbols, None)
    kinds = [_item(k.value, types.CompletionItemKind.Keyword) for k in NodeKind]
    relations = [_item(k.value, types.CompletionItemKind.Keyword, RELATION_MEANINGS[k])
                 for k in RelationKind] if words else []
    return kinds + relations + [topic]


def _tokens_before(symbols: FileSymbols, offset: int) -> list[Token]:
    """The tokens completion looks at: those of the statement the cursor is in and of the
    one before it, up to the next (a node or a topic reads the same whatever came before
    it); all those up to the next statement, when the cursor is in the first two."""
    statements = symbols.statements
    before = bisect.bisect_left(statements, offset, key=_statement_start)
    after = bisect.bisect_right(statements, offset, key=_statement_start)
    end = statements[after].start if after < len(statements) else len(symbols.text)
    first = statements[before - 2] if before >= 3 else None
    if first is None or first.kind not in _STATEMENT_STARTS:
        return tokenize(symbols.text, 0, end)
    return tokenize(symbols.text, first.start, end, symbols.text.count("\n", 0, first.start) + 1)


def _statement_start(statement: Statement) -> int:
    return statement.start


def _in_header(words: list[Token]) -> bool:
    braces = [t for t in words if t.kind is TokenKind.PUNCT and t.text in "{}"]
    return bool(braces) and braces[-1].text == "{"


def _header_tokens(tokens: list[Token], before: list[Token]) -> list[Token]:
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
    # The nodes' texts as last checked: a keystroke does not read the whole map again.
    context = project.latest_context(target) if target else None
    items = []
    for occurrence in target_symbols.occurrences:
        if occurrence.definition and occurrence.role is Role.NODE:
            node = context.nodes.get(occurrence.name) if context else None
            items.append(_item(occurrence.name, types.CompletionItemKind.Reference,
                               f"{node.kind.value}: {node.text}" if node else None))
    return items


def prepare_rename(project: Project, path: str, offset: int) -> types.Range | None:
    occurrence, _ = _named(project, path, offset)
    index = project.index(path)
    if occurrence is None or index is None:
        return None
    return index.range(occurrence.token.start, occurrence.token.end)


def rename(project: Project, path: str, offset: int, new_name: str,
           uri_of: Callable[[str], str]) -> types.WorkspaceEdit | None:
    """Every occurrence of the id under the cursor, in every file that names it, renamed;
    `Refused`, in words, for a name that cannot be an id or that is taken."""
    if not _IDENT.fullmatch(new_name) or new_name in KEYWORDS:
        raise Refused(f"`{new_name}` cannot be an id: an id starts with a letter or `_`, "
                      "goes on with letters, digits, `_` and `-`, and is not a keyword")
    occurrence, key = _named(project, path, offset)
    if key is None or occurrence is None:
        return None
    if new_name != occurrence.name:
        _refuse_a_clash(project, key, new_name)
    changes: dict[str, list[types.TextEdit]] = {}
    for where, found in project.occurrences(key):
        index = project.index(where)
        if index is not None:
            changes.setdefault(uri_of(where), []).append(
                types.TextEdit(index.range(found.token.start, found.token.end), new_name))
    return types.WorkspaceEdit(changes=changes)


def _refuse_a_clash(project: Project, key, new_name: str) -> None:
    """`Refused` when `new_name` is already the id of a node of the map (or of a document
    the project holds): renaming would make two things one."""
    if key[0] == Role.NODE:
        symbols = project.symbols(key[1])
        taken = next((o for o in symbols.occurrences if o.definition and o.role is Role.NODE
                      and o.name == new_name), None) if symbols else None
        if taken is not None:
            where = project.index(key[1])
            line = where.position(taken.token.start).line + 1 if where else 0
            raise Refused(f"`{new_name}` is already the id of a node of this map (line {line}): "
                          "renaming would make the two nodes one; choose another name")
        return
    for other in project.files:
        symbols = project.symbols(other)
        if symbols is not None and symbols.document == new_name and other != key[1]:
            raise Refused(f"`{new_name}` is already the id of the document mapped in {other}: "
                          "a comparison could not tell the two apart; choose another name")


def formatting(project: Project, path: str, raw: str,
               within: types.Range | None = None) -> list[types.TextEdit]:
    """The edits that lay the file out as `argmap fmt` does (none while it does not parse);
    `within`: only the statements on the lines of that range. `raw` is the buffer as the
    editor holds it: its line ends are the ones the edits write."""
    loaded = project.load(path)
    index = project.index(path)
    symbols = project.symbols(path)
    if loaded is None or loaded.model is None or index is None or symbols is None:
        return []
    formatted = format_text(index.text)
    newline = "\r\n" if "\r\n" in raw else "\n"
    old, new = _LINE.findall(index.text), _LINE.findall(formatted)
    if within is not None:
        spans = _statement_lines(symbols.statements, index, read_symbols(formatted).statements,
                                 LineIndex(formatted), within)
        if spans is None:
            return []
        (old_first, old_last), (new_first, new_last) = spans
        end = (types.Position(old_last + 1, 0) if old_last + 1 < len(old)
               else index.position(len(index.text)))
        text = "".join(new[new_first:new_last + 1]).replace("\n", newline)
        if old[old_first:old_last + 1] == new[new_first:new_last + 1]:
            return []
        return [types.TextEdit(types.Range(types.Position(old_first, 0), end), text)]
    edits = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        end = (types.Position(old_end, 0) if old_end < len(old)
               else index.position(len(index.text)))
        text = "".join(new[new_start:new_end]).replace("\n", newline)
        edits.append(types.TextEdit(types.Range(types.Position(old_start, 0), end), text))
    return edits


def _statement_lines(old: Sequence[Statement], old_index: LineIndex,
                     new: Sequence[Statement], new_index: LineIndex, within: types.Range
                     ) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The lines of the statements on the lines of `within`, before and after formatting
    (which keeps the statements, in order); widened so that no other statement shares
    their first or last line."""
    if len(old) != len(new):
        return None

    def lines(statement: Statement, index: LineIndex) -> tuple[int, int]:
        return index.position(statement.start).line, index.position(statement.end).line

    chosen = [i for i, statement in enumerate(old)
              if lines(statement, old_index)[1] >= within.start.line
              and lines(statement, old_index)[0] <= within.end.line]
    if not chosen:
        return None
    first, last = chosen[0], chosen[-1]
    while first > 0 and lines(old[first - 1], old_index)[1] == lines(old[first], old_index)[0]:
        first -= 1
    while last + 1 < len(old) and \
            lines(old[last + 1], old_index)[0] == lines(old[last], old_index)[1]:
        last += 1
    return ((lines(old[first], old_index)[0], lines(old[last], old_index)[1]),
            (lines(new[first], new_index)[0], lines(new[last], new_index)[1]))


_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


#: The semantic token types and modifiers the server uses, in the legend's order.
SEMANTIC_TOKENS = types.SemanticTokensLegend(
    token_types=["keyword", "variable", "namespace", "property", "string", "comment",
                 "decorator", "operator"],
    token_modifiers=["declaration"])
_TYPE_OF = {TokenKind.KEYWORD: 0, TokenKind.IDENT: 1, TokenKind.STRING: 4,
            TokenKind.COMMENT: 5, TokenKind.TAG: 6, TokenKind.PUNCT: 7}


def semantic_tokens(project: Project, path: str) -> types.SemanticTokens:
    """Every token the editor may colour: keywords, node ids (their definitions marked as
    such), document ids, header keys, strings, comments, tags and punctuation. The tokens
    are read in one pass, their lines counted as it goes (a large map has 100,000)."""
    symbols = project.symbols(path)
    index = project.index(path)
    if symbols is None or index is None:
        return types.SemanticTokens(data=[])
    roles = {o.token.start: o for o in symbols.occurrences}
    data: list[int] = []
    previous_line = previous_start = line = 0
    starts, text = index.starts, index.text
    for token_kind, value, at in scan(text):
        kind = _TYPE_OF.get(token_kind)
        if kind is None:
            continue
        modifiers = 0
        if token_kind is TokenKind.IDENT:
            occurrence = roles.get(at)
            if occurrence is None:
                kind = 3  # a header key, or a word out of place
            else:
                kind = 2 if occurrence.role is Role.DOCUMENT else 1
                modifiers = 1 if occurrence.definition else 0
        # A token may span lines (a long string): one piece per line, as editors want.
        offset = at
        for piece in value.split("\n"):
            if piece:
                while line + 1 < len(starts) and starts[line + 1] <= offset:
                    line += 1
                start = index.units(starts[line], offset)
                delta_line = line - previous_line
                delta_start = start - (previous_start if delta_line == 0 else 0)
                data += [delta_line, delta_start, index.units(offset, offset + len(piece)),
                         kind, modifiers]
                previous_line, previous_start = line, start
            offset += len(piece) + 1
    return types.SemanticTokens(data=data)


def folding_ranges(project: Project, path: str) -> list[types.FoldingRange]:
    """Each header and each node that spans lines, and each run of comment lines."""
    symbols = project.symbols(path)
    index = project.index(path)
    if symbols is None or index is None:
        return []
    found = []
    for statement in symbols.statements:
        start, end = index.line(statement.start), index.line(statement.end)
        if end > start:
            found.append(types.FoldingRange(start, end, kind=types.FoldingRangeKind.Region))
    run: list[int] = []
    for kind, _, at in scan(index.text):
        if kind is TokenKind.COMMENT:
            line = index.line(at)
            if run and line != run[-1] + 1:
                found += _comment_fold(run)
                run = []
            run.append(line)
    found += _comment_fold(run)
    return sorted(found, key=lambda fold: (fold.start_line, fold.end_line))


def _comment_fold(lines: list[int]) -> list[types.FoldingRange]:
    if len(lines) < 2:
        return []
    return [types.FoldingRange(lines[0], lines[-1], kind=types.FoldingRangeKind.Comment)]


def workspace_symbols(project: Project, query: str, uri_of: Callable[[str], str]
                      ) -> list[types.WorkspaceSymbol]:
    """The node and document ids defined in the project's files whose names hold the
    letters of `query` in order (any case), as editors match them."""
    wanted = re.compile(".*?".join(map(re.escape, query.lower())))
    found = []
    for path in project.files:
        symbols = project.symbols(path)
        index = project.index(path)
        if symbols is None or index is None:
            continue
        container = symbols.document
        for occurrence in symbols.occurrences:
            if not occurrence.definition or not wanted.search(occurrence.name.lower()):
                continue
            kind = (types.SymbolKind.Module if occurrence.role is Role.DOCUMENT
                    else types.SymbolKind.Field)
            found.append(types.WorkspaceSymbol(
                name=occurrence.name, kind=kind,
                location=types.Location(uri_of(path), index.range(occurrence.token.start,
                                                                  occurrence.token.end)),
                container_name=None if occurrence.role is Role.DOCUMENT else container))
    return found
