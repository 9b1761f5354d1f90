"""A Pygments lexer for `.arg` files, so that they read well in Sphinx, MkDocs, Jupyter and
anything else that highlights with Pygments (registered through the `pygments.lexers`
entry point: `argmap`, `arg`, `*.arg`).

The tokens are argmap's own (`argmap.tokens`), cut where the parser cuts them; the lexer
only gives each a Pygments type: a node's id where it is defined is a function's name, a
header key an attribute, a tag a decorator.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pygments.lexer import Lexer
from pygments.token import (
    Comment,
    Error,
    Keyword,
    Name,
    Operator,
    Punctuation,
    String,
    Text,
    Whitespace,
    _TokenType,
)

from .lexicon import COMPARE, DOCUMENT, EXTENSION, STATEMENT_KEYWORDS, NodeKind
from .tokens import TokenKind, tokenize

__all__ = ["ArgmapLexer"]

_NODE_KINDS = frozenset(kind.value for kind in NodeKind)
_HEADERS = frozenset(STATEMENT_KEYWORDS)
_TYPES: dict[TokenKind, _TokenType] = {
    TokenKind.SPACE: Whitespace, TokenKind.COMMENT: Comment.Single,
    TokenKind.TAG: Name.Decorator, TokenKind.STRING: String.Double,
    TokenKind.IDENT: Name, TokenKind.PUNCT: Punctuation, TokenKind.ERROR: Error,
}


class ArgmapLexer(Lexer):
    """Lexer for argmap's `.arg` argument maps and comparisons."""

    name = "argmap"
    aliases: ClassVar[list[str]] = ["argmap", "arg"]
    filenames: ClassVar[list[str]] = [f"*{EXTENSION}"]
    mimetypes: ClassVar[list[str]] = ["text/x-argmap"]

    def get_tokens_unprocessed(self, text: str) -> Iterator[tuple[int, _TokenType, str]]:
        previous = ""  # the significant token before
        in_header = False
        for token in tokenize(text):
            kind: _TokenType = _TYPES.get(token.kind, Text)
            if token.kind is TokenKind.KEYWORD:
                kind = (Keyword.Declaration if token.text in _NODE_KINDS
                        else Keyword.Namespace if token.text in _HEADERS else Keyword)
            elif token.kind is TokenKind.IDENT:
                if previous in _NODE_KINDS or previous in (DOCUMENT, COMPARE):
                    kind = Name.Function
                elif in_header:
                    kind = Name.Attribute
            elif token.kind is TokenKind.PUNCT:
                if token.text == "->":
                    kind = Operator
                elif token.text in "{}":
                    in_header = token.text == "{"
            yield token.start, kind, token.text
            if token.significant:
                previous = token.text
