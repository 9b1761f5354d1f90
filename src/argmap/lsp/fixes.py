"""Quick fixes for findings: the "did you mean" of a message, or, for a quote not found,
the closest passage of the source.

The rules say what they suggest in their messages, in two fixed forms: "did you mean
`X`?" and, for `quote-not-found`, "closest match at PATH:LINE: 'PASSAGE'". What the fix
replaces is found in the file's tokens at the finding's position: the reference, the
word, the string or the file name there.
"""

from __future__ import annotations

import posixpath
import re

from attrs import frozen

from ..diagnostics import Finding
from ..tokens import Token, TokenKind

__all__ = ["Fix", "fix_for"]

_DID_YOU_MEAN = re.compile(r"did you mean `([^`]+)`\?")
_CLOSEST = re.compile(r"closest match at .*?:\d+: '(.*)'$", re.DOTALL)
_QUOTED = re.compile(r"`([^`]+)`")


@frozen
class Fix:
    """Replace the text between two offsets with `text`; `title` says what it does."""

    title: str
    start: int
    end: int
    text: str


def fix_for(finding: Finding, tokens: tuple[Token, ...], offset: int) -> Fix | None:
    """The fix a finding suggests, in the file of `tokens`; `offset` is the finding's."""
    token = next((t for t in tokens if t.start <= offset < t.end), None)
    if token is None:
        return None
    if finding.rule == "quote-not-found":
        passage = _CLOSEST.search(finding.message)
        if passage is None or token.kind is not TokenKind.STRING:
            return None
        quoted = '"' + passage[1].replace("\\", "\\\\").replace('"', '\\"') + '"'
        return Fix("Quote the closest passage of the source", token.start, token.end, quoted)
    suggestion = _DID_YOU_MEAN.search(finding.message)
    if suggestion is None:
        return None
    wanted = suggestion[1]
    title = f"Change to `{wanted}`"
    if token.kind is TokenKind.IDENT and finding.rule == "source-not-found":
        token = _next_significant(tokens, token)
        if token is None:
            return None
    if token.kind is TokenKind.STRING:
        # A file name: keep the folders the path names.
        value = token.text[1:-1]
        folder = posixpath.dirname(value)
        path = posixpath.join(folder, wanted) if folder else wanted
        return Fix(title, token.start, token.end, f'"{path}"')
    if token.kind is TokenKind.COMMENT:
        wrong = _QUOTED.search(finding.message)
        if wrong is None or not token.text.startswith(wrong[1], offset - token.start):
            return None
        return Fix(title, offset, offset + len(wrong[1]), wanted)
    if token.kind not in (TokenKind.IDENT, TokenKind.KEYWORD):
        return None
    reference = _reference_from(tokens, token)
    if "." in wanted:
        return Fix(title, reference[0].start, reference[-1].end, wanted)
    named = set(_QUOTED.findall(finding.message[:suggestion.start()]))
    part = next((t for t in reference if t.text in named), reference[0])
    return Fix(title, part.start, part.end, wanted)


def _next_significant(tokens: tuple[Token, ...], token: Token) -> Token | None:
    return next((t for t in tokens if t.start >= token.end and t.significant), None)


def _reference_from(tokens: tuple[Token, ...], token: Token) -> list[Token]:
    """The identifiers of the reference that starts with `token`: `ID` or `DOC`, `ID`."""
    dot = _next_significant(tokens, token)
    if dot is None or dot.text != "." or dot.kind is not TokenKind.PUNCT:
        return [token]
    node = _next_significant(tokens, dot)
    return [token, node] if node is not None and node.kind is TokenKind.IDENT else [token]
