"""An evidence quote does not occur in the document's source.

Evidence is a verbatim quotation. Both sides are normalised before comparing: runs of
white space (no-break spaces too) count as one space, curly quotes as straight ones, any
dash with white space around it as any other, and `, ,` as `,`; case is kept. `...` or
`…` elides text: the pieces must occur in that order within one paragraph. The message
says where the closest passage is, and the finding points at the first word of the quote
that differs from it.

```arg
document fpri "FPRI report" { source "../seeds/fpri.txt" }
thesis engage "Engage Russia."
evidence quote "sanctions have proven useless" supports engage
```
"""

import re

from ...diagnostics import Severity
from ...lexicon import SOURCE
from ...model import Node, Position
from ...quotes import QuoteMiss, normalize
from ...semantics import MapSemantics

NAME = "quote-not-found"
CODE = "AM202"
SEVERITY = Severity.ERROR
#: Its findings in the statements that parse stand whatever a statement set aside said.
PARTIAL = True


def check_map(context: MapSemantics):
    header = context.map.header
    field = header.get(SOURCE) if header else None
    source = field.value if field else None
    for node_id, result in context.quotes.items():
        if isinstance(result, QuoteMiss):
            message = f"quote not found in `{source}`"
            if result.reason:
                message += f": {result.reason}"
            if result.closest_line is not None:
                message += (f"; closest match at {context.source_path}:{result.closest_line}: "
                            f"'{result.closest_text}'")
            yield _first_difference(context, context.nodes[node_id], result), message


_WORD = re.compile(r"\S+")


def _first_difference(context: MapSemantics, node: Node, miss: QuoteMiss) -> Position:
    """Where the quote's first word that differs from the closest passage is written; the
    opening quote mark when there is no passage, or the string spans lines."""
    opening = node.text_position
    if miss.closest_text is None:
        return opening
    import difflib  # only for a quote not found

    words = list(_WORD.finditer(node.text))
    passage = normalize(miss.closest_text).split()
    matcher = difflib.SequenceMatcher(None, [normalize(w.group()) for w in words], passage,
                                      autojunk=False)
    differing = next((i for tag, i, _, _, _ in matcher.get_opcodes() if tag != "equal"), None)
    line = context.line(opening.line)
    if differing is None or differing >= len(words) or line is None \
            or line.startswith('"""', opening.column - 1):
        return opening
    return Position(opening.file, opening.line,
                    _column_of(line, opening.column, words[differing].start()))


def _column_of(line: str, opening: int, offset: int) -> int:
    """The column of character `offset` of the one-line string whose `"` is at `opening`
    (an escape is two characters written, one in the text)."""
    at = opening  # 0-based index of the string's first character after the `"`
    for _ in range(offset):
        at += 2 if line[at] == "\\" else 1
    return at + 1
