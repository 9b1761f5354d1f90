"""Fixes for findings: the "did you mean" of a message, or, for a quote not found, the
closest passage of the source; or a suppression comment that silences nothing taken away.
The language server offers them as quick fixes, and `argmap check --fix` applies them.

A fix is safe, as ruff's are, when it cannot change what the map says nor what is found in
it: only taking away a suppression comment (or a rule it names) that silences nothing is.
A "did you mean" is a guess, which a reader must confirm: the reference, header key, file
name or rule name it puts in says something the file did not (a relation that was not in
the map, a source that was not read, a finding that is silenced); the closest passage
changes what the evidence quotes. They are unsafe: `--unsafe-fixes` applies them.

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
from ..lint.suppression import DIRECTIVE
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
# The findings of `unused-suppression` that a fix answers by taking the comment (or the rule
# it names) away; not those of a comment that cannot be read or is not where it could work.
_SILENCES_NOTHING = "`# argmap: ignore` silences nothing: no finding"
_NOTHING_TO_SILENCE = re.compile(r"nothing to silence: `([^`]+)`")


@frozen
class Fix:
    """Replace the text between two offsets with `text`; `title` says what it does, `safe`
    whether it can change what the map says or what is found in it (see above)."""

    title: str
    start: int
    end: int
    text: str
    safe: bool = False


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
    if finding.rule == "unused-suppression" and token.kind is TokenKind.COMMENT:
        removal = _unused_removed(finding, tokens, token)
        if removal is not None:
            return removal
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


def _unused_removed(finding: Finding, tokens: tuple[Token, ...], token: Token) -> Fix | None:
    """The suppression comment `token` without the rule that silences nothing, or without
    the comment, when it silences nothing at all; another comment after it stays."""
    directive = DIRECTIVE.fullmatch(token.text.rstrip())
    if directive is None:
        return None
    rest = directive["rest"]
    unused = _NOTHING_TO_SILENCE.match(finding.message)
    if unused is not None:
        names = [n.strip() for n in (directive["names"] or "").split(",") if n.strip()]
        kept = [n for n in names if n != unused[1]]
        if kept:
            return Fix(f"Remove `{unused[1]}` from the suppression comment", token.start,
                       token.end, f"# argmap: ignore[{', '.join(kept)}]"
                       + (f"  {rest}" if rest else ""), safe=True)
    elif not finding.message.startswith(_SILENCES_NOTHING):
        return None
    if rest:
        return Fix("Remove the suppression comment", token.start,
                   token.start + directive.start("rest"), "", safe=True)
    start = token.start  # with the blanks before it on its line
    before = next((t for t in tokens if t.end == token.start), None)
    if before is not None and before.kind is TokenKind.SPACE:
        start = before.start + before.text.rfind("\n") + 1
    return Fix("Remove the suppression comment", start, token.end, "", safe=True)


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
