"""The `source` file of a document cannot be read, or the map names none.

The `source` path is relative to the `.arg` file. Without a readable source, the map's
evidence quotes cannot be checked; they are then not reported one by one.

```arg
document d "A document" { source "missing.txt" }
thesis main "A claim."
evidence quote "A quote." supports main
```
"""

from ..._tools import closest_sibling
from ...diagnostics import Severity
from ...lexicon import SOURCE, NodeKind
from ...semantics import MapSemantics

NAME = "source-not-found"
CODE = "AM201"
SEVERITY = Severity.ERROR


def check_map(context: MapSemantics):
    header = context.map.header
    if header is None:
        return
    field = header.get(SOURCE)
    if field is None:
        if any(node.kind is NodeKind.EVIDENCE for node in context.map.nodes):
            yield header.position, ("the header names no `source`, so the evidence quotes "
                                    'cannot be checked: add `source "path/to/text.txt"`')
        return
    if isinstance(context.source, str) and context.source_path is not None:
        message = f"cannot read source `{field.value}` ({context.source_path}): {context.source}"
        guess = closest_sibling(context.source_path)
        if guess:
            message += f"; did you mean `{guess}`?"
        yield field.position, message
