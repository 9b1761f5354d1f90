"""A document map has no `document` header, has two, or has it after its nodes.

The header names the document (the namespace comparisons use) and its `source`, against
which evidence quotes are checked. It comes first, once.

```arg
thesis main "A claim with no document around it."
```
"""

from ...diagnostics import Severity
from ...model import Position
from ...semantics import MapSemantics

NAME = "missing-document"
CODE = "AM102"
SEVERITY = Severity.ERROR


def check_map(context: MapSemantics):
    headers = context.map.headers
    if not headers:
        yield Position(context.map.path, 1, 1), (
            'this map has no header: start it with `document ID "title" { source "..." }`')
        return
    first = headers[0]
    for extra in headers[1:]:
        yield extra.position, (f"a map describes one document, and its `document` header is "
                               f"already at line {first.position.line}")
    nodes_before = [n for n in context.map.nodes if n.offset < first.offset]
    if nodes_before:
        yield first.position, (f"the `document` header comes first, before the "
                               f"{nodes_before[0].kind.value} at line "
                               f"{nodes_before[0].position.line}")
