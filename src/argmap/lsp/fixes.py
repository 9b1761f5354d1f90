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
from ..quotes import QuoteMiss, SourceText, normalize
from ..tokens import Token, TokenKind

__all__ = ["Fix", "fix_for", "full_passage", "SENTENCE_END"]

_DID_YOU_MEAN = re.compile(r"did you mean `([^`]+)`\?")
_CLOSEST = re.compile(r"closest match at .*?:\d+: '(.*)'$", re.DOTALL)
_QUOTED = re.compile(r"`([^`]+)`")
#: The end of a sentence in a source: a stop before white space, or a paragraph's end.
SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?=\s|$)|\n")
# What the message adds to a passage it shortens, or that the sentence goes on after.
_MORE = "..."


@frozen
class Fix:
    """Replace the text between two offsets with `text`; `title` says what it does."""

    title: str
    start: int
    end: int
    text: str


def fix_for(finding: Finding, tokens: tuple[Token, ...], offset: int,
            passage: str | None = None) -> Fix | None:
    """The fix a finding suggests, in the file of `tokens` (all of it, or the lines around
    the finding); `offset` is the finding's. `passage`: for a quote not found, the closest
    passage in full (`full_passage`), which the message shows shortened."""
    token = next((t for t in tokens if t.start <= offset < t.end), None)
    if token is None:
        return None
    if finding.rule == "quote-not-found":
        shown = _CLOSEST.search(finding.message)
        if passage is None and shown is not None and not shown[1].endswith(_MORE):
            passage = shown[1]
        if passage is None or token.kind is not TokenKind.STRING:
            return None
        quoted = '"' + passage.replace("\\", "\\\\").replace('"', '\\"') + '"'
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


def full_passage(source: SourceText, miss: QuoteMiss, quote: str) -> str | None:
    """The passage of `source` closest to `quote` as the quote would cite it: from where
    the message's shortened passage starts, to the end of the word at the quote's length
    (or of the sentence, if sooner); None when there is no passage."""
    shown = miss.closest_text
    if shown is None:
        return None
    head = shown.removesuffix(_MORE)
    text = source.text
    start = text.find(head)
    if start < 0:
        return None if head != shown else shown
    stop = SENTENCE_END.search(text, start + len(head))
    sentence_end = len(text) if stop is None else (
        stop.start() if stop.group() == "\n" else stop.end())
    end = text.find(" ", start + max(len(head), len(normalize(quote))), sentence_end)
    return text[start:sentence_end if end < 0 else end]
