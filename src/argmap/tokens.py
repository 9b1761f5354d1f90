"""The tokens of an `.arg` text as written, white space and comments included.

The formatter, the language server and the highlighters work on the text itself rather
than on the model, and on text that may not parse yet: `tokenize` never fails, and its
tokens, joined, give back the text. The patterns are the reader's (`reader.TERMINALS`),
so tokens are cut where the parser cuts them; what no token can start with becomes an
`ERROR` token of one character, or, for a string left open, of the rest of its line.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator

from attrs import frozen

from .lexicon import KEYWORDS, TERMINALS

__all__ = ["TokenKind", "Token", "tokenize", "scan", "PUNCTUATION"]

#: The language's punctuation, longest first.
PUNCTUATION = ("->", "{", "}", ",", ".")


class TokenKind(str, enum.Enum):
    SPACE = "space"
    COMMENT = "comment"
    TAG = "tag"
    STRING = "string"
    KEYWORD = "keyword"
    IDENT = "ident"
    PUNCT = "punct"
    ERROR = "error"


@frozen
class Token:
    """One token: its kind, its text, and where it starts (offset; 1-based line and column)."""

    kind: TokenKind
    text: str
    start: int
    line: int
    column: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def end_line(self) -> int:
        return self.line + self.text.count("\n")

    @property
    def significant(self) -> bool:
        """Whether the parser sees the token (white space and comments it skips)."""
        return self.kind not in (TokenKind.SPACE, TokenKind.COMMENT)


_TOKEN = re.compile("|".join([
    r"(?P<space>[\s\ufeff]+)",
    f"(?P<comment>{TERMINALS['COMMENT']})",
    f"(?P<tag>{TERMINALS['TAG']})",
    f"(?P<string>{TERMINALS['STRING']})",
    f"(?P<ident>{TERMINALS['IDENT']})",
    "(?P<punct>{})".format("|".join(map(re.escape, PUNCTUATION))),
    r'(?P<error>"[^\n]*|.)',
]), re.DOTALL)


def tokenize(text: str, start: int = 0, end: int | None = None, line: int = 1) -> list[Token]:
    """Every token of `text`, in order; their texts joined are `text`. Or those from offset
    `start`, the start of line `line` (a token starts there unless a multi-line string goes
    on), to `end`: the language server reads a line or two around a finding of a large map.
    """
    tokens = []
    line_start = start
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        kind = TokenKind(match.lastgroup)
        value = match.group()
        if kind is TokenKind.IDENT and value in KEYWORDS:
            kind = TokenKind.KEYWORD
        start = match.start()
        tokens.append(Token(kind, value, start, line, start - line_start + 1))
        breaks = value.count("\n")
        if breaks:
            line += breaks
            line_start = start + value.rindex("\n") + 1
    return tokens


_KINDS = {kind.value: kind for kind in TokenKind}


def scan(text: str, start: int = 0, end: int | None = None
         ) -> Iterator[tuple[TokenKind, str, int]]:
    """The kind, text and offset of each token of `text` (from `start` to `end`), cut as
    `tokenize` cuts them but without a `Token` each: the language server reads a large map
    this way at each change."""
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        kind = _KINDS[match.lastgroup or ""]
        value = match.group()
        yield (TokenKind.KEYWORD if kind is TokenKind.IDENT and value in KEYWORDS else kind,
               value, match.start())
