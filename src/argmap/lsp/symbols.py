"""Where each id of a file is defined and used, read from its tokens.

The server answers "go to definition", "find references" and "rename" while a file is
being typed, when it may not parse: so the ids are found token by token, by what comes
before them (`thesis ID`, `supports ID, ID`, `DOC.ID`), not from the model.
"""

from __future__ import annotations

import enum

from attrs import frozen

from ..errors import ArgSyntaxError
from ..lexicon import COMPARE, DOCUMENT, USE, WITH, CrossKind, NodeKind, RelationKind
from ..model import Lines
from ..parsing.strings import string_value
from ..tokens import Token, TokenKind, tokenize

__all__ = ["Role", "Occurrence", "FileSymbols", "read_symbols"]

_NODE_KINDS = frozenset(kind.value for kind in NodeKind)
# What a reference follows: a relation, a cross relation, a separator within one, or the
# `with` of a linked support or explanation (not `by`: a scheme's name is no reference).
_BEFORE_REF = frozenset({*(k.value for k in RelationKind), *(k.value for k in CrossKind),
                         ",", "->", WITH})


class Role(str, enum.Enum):
    NODE = "node"
    DOCUMENT = "document"


@frozen
class Occurrence:
    """An id as written: a node's or a document's, its definition or a reference to it.
    `document` is the document a node id is qualified with (`DOC.ID`), if any."""

    token: Token
    role: Role
    definition: bool
    document: str | None = None

    @property
    def name(self) -> str:
        return self.token.text


@frozen
class FileSymbols:
    """The ids of one file, its document id (a map's), and the paths its `use` lines name."""

    tokens: tuple[Token, ...]
    occurrences: tuple[Occurrence, ...]
    document: str | None
    comparison: bool
    uses: tuple[str, ...]

    def at(self, offset: int) -> Occurrence | None:
        """The id under the cursor at `offset` (touching either end of it)."""
        return next((o for o in self.occurrences if o.token.start <= offset <= o.token.end),
                    None)


def read_symbols(text: str) -> FileSymbols:
    """The ids of `text`, an `.arg` file that may not parse."""
    tokens = tuple(tokenize(text))
    words = [t for t in tokens if t.significant]
    comparison = bool(words) and words[0].text == COMPARE
    occurrences: list[Occurrence] = []
    document: str | None = None
    uses: list[str] = []
    in_header = False
    for index, token in enumerate(words):
        before = words[index - 1] if index else None
        after = words[index + 1] if index + 1 < len(words) else None
        if token.kind is TokenKind.PUNCT and token.text in "{}":
            in_header = token.text == "{"
        if token.kind is TokenKind.STRING and before is not None and before.text == USE:
            try:
                uses.append(string_value(token.text, token.start, Lines("", text)))
            except ArgSyntaxError:  # an escape being typed: the path is not known yet
                pass
        if token.kind is not TokenKind.IDENT or (before is None and not comparison):
            continue
        previous = before.text if before is not None else ""
        if previous == COMPARE:
            continue  # the comparison's own id, which nothing refers to
        if before is not None and before.kind is TokenKind.KEYWORD and previous == DOCUMENT:
            document = document or token.text
            occurrences.append(Occurrence(token, Role.DOCUMENT, True))
        elif before is not None and before.kind is TokenKind.KEYWORD and previous in _NODE_KINDS:
            occurrences.append(Occurrence(token, Role.NODE, True))
        elif after is not None and after.text == "." and after.kind is TokenKind.PUNCT:
            occurrences.append(Occurrence(token, Role.DOCUMENT, False))
        elif previous == "." and before is not None and before.kind is TokenKind.PUNCT:
            qualifier = words[index - 2].text if index >= 2 else None
            occurrences.append(Occurrence(token, Role.NODE, False, qualifier))
        elif not in_header and (previous in _BEFORE_REF or comparison):
            occurrences.append(Occurrence(token, Role.NODE, False))
    return FileSymbols(tokens, tuple(occurrences), document, comparison, tuple(uses))
