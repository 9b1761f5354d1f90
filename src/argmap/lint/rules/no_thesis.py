"""A document map has no thesis.

Every map says what the document concludes: at least one `thesis` node, which the rest of
the map supports or attacks.

```arg
document d "A document" { source "d.txt" }
premise reason "A reason for nothing in particular."
```
"""

from ...diagnostics import Severity
from ...lexicon import NodeKind
from ...model import Position
from ...semantics import MapSemantics

NAME = "no-thesis"
CODE = "AM301"
SEVERITY = Severity.ERROR


def check_map(context: MapSemantics):
    if any(node.kind is NodeKind.THESIS for node in context.map.nodes):
        return
    header = context.map.headers[0] if context.map.headers else None
    position = header.position if header else Position(context.map.path, 1, 1)
    yield position, "this map has no thesis: mark the document's main conclusion with `thesis`"
