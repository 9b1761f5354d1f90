"""Two nodes of a map, or two documents of a comparison, share an id.

Ids name nodes in relations and documents in comparisons, so each must be unique: node
ids within their map, document ids among the maps one comparison uses.

```arg
document d "A document" { source "d.txt" }
thesis main "A claim."
premise main "Another claim."
```
"""

from ...diagnostics import Severity
from ..context import ComparisonContext, MapContext

NAME = "duplicate-id"
CODE = "AM104"
SEVERITY = Severity.ERROR


def check_map(context: MapContext):
    for node in context.map.nodes:
        first = context.nodes[node.id]
        if first is not node:
            yield node.position, (f"`{node.id}` is already the id of the {first.kind.value} at "
                                  f"line {first.position.line}")


def check_comparison(context: ComparisonContext):
    seen: dict[str, tuple] = {}
    for use, loaded in context.used_maps:
        document_id = loaded.model.id
        if document_id in seen:
            earlier_use, earlier = seen[document_id]
            if earlier is loaded:
                yield use.position, f"`{use.path}` is used twice"
            else:
                yield use.position, (f"`{use.path}` and `{earlier_use.path}` (line "
                                     f"{earlier_use.position.line}) are both document "
                                     f"`{document_id}`")
        else:
            seen[document_id] = (use, loaded)
