"""Evidence that supports or attacks nothing.

A quote earns its place by backing or attacking a claim, alone or linked in a support
written on another node (`supports claim with quote`).

```arg
document d "A document" { source "d.txt" }
thesis main "A claim."
evidence stray "A quote that backs nothing."
```
"""

from ...diagnostics import Severity
from ...lexicon import NodeKind
from ...semantics import MapSemantics

NAME = "unused-evidence"
CODE = "AM306"
SEVERITY = Severity.WARNING


def check_map(context: MapSemantics):
    evidence = NodeKind.EVIDENCE  # read for every node: held locally
    for node_id, node in context.nodes.items():
        if (node.kind is evidence and not node.relations
                and node_id not in context.supported):
            yield node.position, f"evidence `{node_id}` supports or attacks nothing"
