"""Fixing files, as `argmap check --fix` does: the fixes of a file's findings (the language
server's quick fixes, `lsp/fixes.py`) applied to its text, then the text checked again and
fixed again, until no fix is left or `MAX_ROUNDS` have run (as ruff does: a fix may let
another finding show, or make one that overlapped it applicable).

The text is fixed as written: its line ends (CR LF too) and a byte-order mark stay.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable, Mapping

from attrs import frozen

from ._tools import line_starts
from .diagnostics import Finding
from .lsp.fixes import Fix, fix_for, full_passage
from .quotes import QuoteMiss, SourceText
from .semantics import MapSemantics
from .tokens import TokenKind, tokenize

__all__ = ["MAX_ROUNDS", "Fixed", "closest_passages", "fixes_in", "fix_text"]

#: Rounds of fixing one file at most: each round applies the fixes that do not overlap.
MAX_ROUNDS = 10
_BOM = "\ufeff"
# What a message says when its finding may have a fix (see `lsp/fixes.py`): finding the fix
# needs the file's tokens, which the other findings are spared.
_HINTS = ("did you mean", "closest match at", "silences nothing", "nothing to silence")


@frozen
class Fixed:
    """A file's text before and after fixing, and how many fixes were applied."""

    path: str
    before: bytes
    after: bytes
    applied: int


def closest_passages(semantics: MapSemantics) -> dict[int, str]:
    """For each quote of the map that its source does not hold, the closest passage in full,
    by the offset where the quote's string starts: the finding's message shortens it, and
    the fix quotes it whole (as the language server's quick fix does)."""
    source = semantics.source
    if not isinstance(source, SourceText):
        return {}
    passages = {}
    for node in semantics.map.nodes:
        miss = semantics.quotes.get(node.id)
        # A repeated id's quote is its first node's (`MapSemantics.nodes`).
        if isinstance(miss, QuoteMiss) and semantics.nodes[node.id] is node:
            passage = full_passage(source, miss, node.text)
            if passage is not None:
                passages[node.text_offset] = passage
    return passages


def fixes_in(text: str, findings: Iterable[Finding],
             passages: Callable[[], Mapping[int, str]] = dict) -> list[tuple[Finding, Fix]]:
    """The findings (of the file whose decoded text is `text`) that have a fix, with it;
    `passages()` gives the file's `closest_passages`, asked for only if a quote is not found."""
    candidates = [f for f in findings if any(hint in f.message for hint in _HINTS)]
    if not candidates:
        return []
    tokens = tuple(tokenize(text))
    token_starts = [t.start for t in tokens]
    starts = line_starts(text)
    quoted = functools.cache(passages)  # the file checked once more, at most
    found = []
    for finding in candidates:
        line, column = finding.position.line, finding.position.column
        if line > len(starts):
            continue
        offset = starts[line - 1] + column - 1
        at = bisect.bisect_right(token_starts, offset) - 1
        passage = None
        if finding.rule == "quote-not-found" and 0 <= at < len(tokens) \
                and tokens[at].kind is TokenKind.STRING:
            passage = quoted().get(tokens[at].start)
        # The token there, the one before it and the few a reference spans after it.
        fix = fix_for(finding, tokens[max(at - 1, 0):at + 8], offset, passage)
        if fix is not None:
            found.append((finding, fix))
    return found


def fix_text(path: str, data: bytes, findings: list[Finding], *, unsafe: bool,
             check: Callable[[bytes], list[Finding]],
             passages: Callable[[bytes], Mapping[int, str]]) -> Fixed:
    """The file at `path`, whose bytes are `data` and whose findings are `findings`, with
    its safe fixes applied (and its unsafe ones when `unsafe`), round after round;
    `check(data)` gives the findings of the file changed so, `passages(data)` its
    `closest_passages`."""
    applied = 0
    current = data
    for _ in range(MAX_ROUNDS):
        text = _text(current)
        decoded = text.removeprefix(_BOM).replace("\r\n", "\n").replace("\r", "\n")
        fixes = [fix for _, fix in fixes_in(decoded, findings,
                                            functools.partial(passages, current))
                 if fix.safe or unsafe]
        if not fixes:
            break
        text, count = _applied(text, fixes)
        applied += count
        current = text.encode("utf-8")
        findings = [f for f in check(current) if f.position.file == path]
    return Fixed(path, data, current, applied)


def _text(data: bytes) -> str:
    """The file's text with its line ends and byte-order mark as they are (a file that
    does not decode has no fix: its only finding is a syntax error)."""
    return data.decode("utf-8", errors="replace")


def _applied(text: str, fixes: list[Fix]) -> tuple[str, int]:
    """`text` (with a byte-order mark and CR LF line ends, maybe) with the fixes that do not
    overlap one before applied; their offsets are in the text without either."""
    shift = _shift(text)
    out, end, count = [], 0, 0
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        start, stop = shift(fix.start), shift(fix.end)
        if start < end:
            continue
        out += [text[end:start], fix.text]
        end = stop
        count += 1
    out.append(text[end:])
    return "".join(out), count


def _shift(text: str) -> Callable[[int], int]:
    """From an offset in the decoded text (no byte-order mark, `\n` line ends) to the same
    place in `text` (a lone CR, the line end of old Mac OS, is one character in both)."""
    bom = 1 if text.startswith(_BOM) else 0
    if "\r\n" not in text:
        return lambda offset: offset + bom
    body = text[bom:]
    # Each CR LF before a place moves it one further than in the decoded text.
    crlf = [i - n for n, i in enumerate(_find_all(body, "\r\n"))]
    return lambda offset: offset + bom + bisect.bisect_right(crlf, offset - 1)


def _find_all(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + len(needle))
    return found
