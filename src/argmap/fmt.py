"""The canonical layout of an `.arg` file, as `argmap fmt` writes it.

The layout is the one the maps in `maps/` are written in:

- each statement starts a line of its own, at the left margin;
- a header is `document ID "title" {` (or `compare ...`), one `KEY "value"` or
  `use "path"` per line indented by two spaces, and `}`; an empty one is `{}`;
- a node is `KIND ID "text" #tags`, then each relation on a line of its own, indented:
  `  supports a, b`;
- a cross relation is `DOC.NODE KIND DOC.NODE`, its explanation on the next line, indented;
- a topic is `topic "Name"`, on one line;
- tokens on a line are separated by one space; none around `.`, none before `,`;
- blank lines between statements and comments are kept, at most one in a row.

Comments stay with the token they follow on its line, or come before the token they were
above. A comment after a token ends the line, and the statement goes on, indented, on the
next. A `# argmap:` comment silences what it silenced: at the end of a statement's first
line it stays at the end of its first line, elsewhere it keeps off it, and statements that
start on its line stay on one line with it. Strings and tags are copied as written, so no text
changes, and only white space between tokens does, which the language ignores.

Which tokens start a line is decided per kind of statement (`_lines`): in a node, each
relation keyword of `RelationKind` does (`_STARTS_LINE`), and every other token stays on
the line of the relation it is in, so a new relation kind, or a new word within a relation
(`supports C with B, D`), is laid out with no change here.
"""

from __future__ import annotations

import itertools
import re

from attrs import define, field

from .lexicon import COMPARE, DOCUMENT, TOPIC, NodeKind, RelationKind
from .tokens import Token, TokenKind, tokenize

__all__ = ["format_text"]

INDENT = "  "
_NODE_KINDS = frozenset(kind.value for kind in NodeKind)
_HEADERS = frozenset({DOCUMENT, COMPARE})
# Keywords that start an indented line of their own within a node.
_STARTS_LINE = frozenset(kind.value for kind in RelationKind)
_DIRECTIVE = re.compile(r"#\s*argmap\s*:")


@define
class _Line:
    """One line of a statement as laid out: its indentation and its tokens' indices."""

    indent: str
    indices: list[int]


@define
class _Layout:
    """What surrounds the significant tokens: comments and blank lines, by token index."""

    leading: dict[int, list[tuple[Token, bool]]] = field(factory=dict)  # (comment, blank before)
    trailing: dict[int, Token] = field(factory=dict)
    blank_before: set[int] = field(factory=set)
    break_before: set[int] = field(factory=set)  # tokens that must start a line


def format_text(text: str) -> str:
    """`text`, the text of an `.arg` file that parses, in the canonical layout."""
    tokens = tokenize(text)
    significant = [t for t in tokens if t.significant]
    layout = _attach_comments(tokens)
    statements = _join_statements_a_directive_silences(
        _statements(significant, layout), significant, layout)
    for statement in statements:
        _keep_directives_where_they_apply(statement, significant, layout)
    out: list[str] = []
    for statement in statements:
        _render(statement, significant, layout, out)
    for comment, blank in layout.leading.get(len(significant), []):
        _blank_line(out, blank)
        out.append(comment.text.rstrip())
    newline = "\r\n" if "\r\n" in text else "\n"
    return "".join(line + newline for line in out)


def _attach_comments(tokens: list[Token]) -> _Layout:
    """Each comment to the token it follows on the same line, or else to the next token."""
    layout = _Layout()
    index = 0  # of the next significant token
    previous: Token | None = None  # the token before, comments included
    pending: list[tuple[Token, bool]] = []
    blank = False
    for token in tokens:
        if token.kind is TokenKind.SPACE:
            blank = token.text.count("\n") >= 2
            continue
        if token.kind is TokenKind.COMMENT:
            if previous is not None and previous.significant and previous.end_line == token.line:
                layout.trailing[index - 1] = token
            else:
                pending.append((token, blank))
        else:
            if pending:
                layout.leading[index] = pending
                pending = []
            if blank:
                layout.blank_before.add(index)
            index += 1
        previous, blank = token, False
    if pending:
        layout.leading[index] = pending
    return layout


def _statements(tokens: list[Token], layout: _Layout) -> list[list[_Line]]:
    """The statements, each as its lines."""
    bounds = itertools.pairwise([*_statement_starts(tokens), len(tokens)])
    return [_lines(tokens, range(start, end), layout) for start, end in bounds]


def _statement_starts(tokens: list[Token]) -> list[int]:
    if not tokens or tokens[0].text != COMPARE:
        return [i for i, t in enumerate(tokens) if t.kind is TokenKind.KEYWORD and (
            t.text in _NODE_KINDS or t.text in _HEADERS or t.text == TOPIC)]
    # A comparison: its header, then cross relations `REF KIND REF "why"?` and topics.
    starts = [0]
    i = next(i for i, t in enumerate(tokens) if t.text == "}") + 1
    while i < len(tokens):
        starts.append(i)
        if tokens[i].kind is TokenKind.KEYWORD and tokens[i].text == TOPIC:
            i += 2  # `topic "Name"`
            continue
        i = _after_ref(tokens, i) + 1  # past the kind
        i = _after_ref(tokens, i)
        if i < len(tokens) and tokens[i].kind is TokenKind.STRING:
            i += 1
    return starts


def _after_ref(tokens: list[Token], i: int) -> int:
    """The index after the reference `ID` or `DOC.ID` that starts at `i`."""
    if i + 1 < len(tokens) and tokens[i + 1].text == ".":
        return i + 3
    return i + 1


def _lines(tokens: list[Token], indices: range, layout: _Layout) -> list[_Line]:
    """A statement's lines: the first, then those indented below it."""
    kind = tokens[indices[0]].text
    lines = [_Line("", [])]
    if kind in _HEADERS:
        *body, close = indices
        opened = False
        for i in body:
            if opened and tokens[i].kind is not TokenKind.STRING:
                lines.append(_Line(INDENT, []))  # `KEY "value"` and `use "path"`, one a line
            opened = opened or tokens[i].text == "{"
            lines[-1].indices.append(i)
        if len(lines) == 1 and close not in layout.leading:
            lines[0].indices.append(close)  # `{}`
        else:
            lines.append(_Line("", [close]))
        return lines
    for i in indices[1:]:
        token = tokens[i]
        if kind in _NODE_KINDS and token.kind is TokenKind.KEYWORD and token.text in _STARTS_LINE:
            lines.append(_Line(INDENT, []))
        elif kind not in _NODE_KINDS and kind != TOPIC and token.kind is TokenKind.STRING:
            lines.append(_Line(INDENT, []))  # a cross relation's explanation
        lines[-1].indices.append(i)
    lines[0].indices.insert(0, indices[0])
    return lines


def _join_statements_a_directive_silences(statements: list[list[_Line]], tokens: list[Token],
                                         layout: _Layout) -> list[list[_Line]]:
    """Keep on one line the statements that start on the line of a `# argmap:` comment,
    which silences them all, up to the token the comment follows."""
    directives = {comment.line: i for i, comment in layout.trailing.items()
                  if _DIRECTIVE.match(comment.text)}
    joined: list[list[_Line]] = []
    for statement in statements:
        line = tokens[statement[0].indices[0]].line
        previous = joined[-1] if joined else None
        if (line in directives and previous is not None
                and tokens[previous[0].indices[0]].line == line):
            end = directives[line]
            first = [i for part in previous for i in part.indices]
            first += [i for part in statement for i in part.indices if i <= end]
            rest = [_Line(part.indent, [i for i in part.indices if i > end])
                    for part in statement]
            joined[-1] = [_Line("", first), *(part for part in rest if part.indices)]
        else:
            joined.append(statement)
    return joined


def _keep_directives_where_they_apply(statement: list[_Line], tokens: list[Token],
                                      layout: _Layout) -> None:
    """A `# argmap:` comment silences the statement whose first line it ends: one on the
    statement's first line as written goes to the end of its first line as laid out; one
    on another line keeps off the first line (its token starts a line of its own)."""
    last_of_first = statement[0].indices[-1]
    first_line = tokens[statement[0].indices[0]].line
    for number, line in enumerate(statement):
        for i in line.indices:
            comment = layout.trailing.get(i)
            if comment is None or not _DIRECTIVE.match(comment.text):
                continue
            if number and comment.line == first_line and last_of_first not in layout.trailing:
                layout.trailing[last_of_first] = layout.trailing.pop(i)
            elif not number and comment.line != first_line:
                layout.break_before.add(i)


def _render(statement: list[_Line], tokens: list[Token], layout: _Layout,
            out: list[str]) -> None:
    statement_start = statement[0].indices[0]
    for line in statement:
        current: str | None = None
        previous: Token | None = None
        for i in line.indices:
            token = tokens[i]
            comments = layout.leading.get(i, [])
            if (comments or i in layout.break_before) and current is not None:
                out.append(current)
                current = None
            for comment, blank in comments:
                _blank_line(out, blank and i == statement_start)
                out.append(("" if i == statement_start else INDENT) + comment.text.rstrip())
            if i == statement_start:
                _blank_line(out, i in layout.blank_before)
            if current is None:
                current = line.indent + (INDENT if i != line.indices[0] else "") + token.text
            else:
                current += _separator(previous, token) + token.text
            previous = token
            trailing = layout.trailing.get(i)
            if trailing is not None:
                out.append(current + "  " + trailing.text.rstrip())
                current = None
        if current is not None:
            out.append(current)


def _separator(before: Token | None, token: Token) -> str:
    if token.text in (",", ".") and token.kind is TokenKind.PUNCT:
        return ""
    if before is not None and before.kind is TokenKind.PUNCT and (
            before.text == "." or (before.text == "{" and token.text == "}")):
        return ""
    return " "


def _blank_line(out: list[str], wanted: bool) -> None:
    """A blank line, when wanted and not at the start or after another."""
    if wanted and out and out[-1] != "":
        out.append("")
