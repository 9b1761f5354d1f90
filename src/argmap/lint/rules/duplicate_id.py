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
from ...semantics import ComparisonSemantics, MapSemantics, UsedFile

NAME = "duplicate-id"
CODE = "AM104"
SEVERITY = Severity.ERROR
#: Its findings in the statements that parse stand whatever a statement set aside said.
PARTIAL = True


def check_map(context: MapSemantics):
    if len(context.nodes) == len(context.map.nodes):
        return  # as many ids as nodes: none is repeated
    for node in context.map.nodes:
        first = context.nodes[node.id]
        if first is not node:
            yield node.position, (f"`{node.id}` is already the id of the {first.kind.value} at "
                                  f"line {first.position.line}")


def check_comparison(context: ComparisonSemantics):
    seen: dict[str | None, UsedFile] = {}
    for used in context.used_maps:
        earlier = seen.setdefault(used.document_id, used)
        if earlier is used:
            continue
        use = used.use
        if earlier.loaded is used.loaded:
            yield use.position, f"`{use.path}` is used twice"
        else:
            yield use.position, (f"`{use.path}` and `{earlier.use.path}` (line "
                                 f"{earlier.use.position.line}) are both document "
                                 f"`{used.document_id}`")
