"""A claim that does not rest on evidence or an assumption.

A thesis, premise, objection or rebuttal should be supported, directly or through other
claims, by evidence (a quote) or an assumption (a premise the analyst reconstructs). A
linked support (`supports claim with other`) grounds its claim only when every node it
links is grounded; an explanation (`explains`) grounds nothing. The message names the
claim where the chain of support runs out. A claim that is only explained is left to
`explained-not-supported`.

```arg
document d "A document" { source "d.txt" }
thesis main "A claim."
premise reason "A reason nobody backs." supports main
```
"""

from collections import deque

from ...diagnostics import Severity
from ...semantics import MapSemantics

NAME = "unsupported-claim"
CODE = "AM304"
SEVERITY = Severity.WARNING

def check_map(context: MapSemantics):
    nodes = context.nodes
    grounded = context.grounded
    unsupported = [node.id for node in context.claims if node.id not in grounded]
    # Where each ungrounded claim's support runs out: spread upward from the claims that
    # nothing supports, breadth-first, so each claim names the nearest such end.
    ends = {i: i for i in unsupported if not context.supporters.get(i)}
    queue = deque(ends)
    while queue:
        node_id = queue.popleft()
        for above in context.supported.get(node_id, ()):
            if above not in ends and above not in grounded:
                ends[above] = ends[node_id]
                queue.append(above)
    for node_id in unsupported:
        node = nodes[node_id]
        what = f"{node.kind.value} `{node_id}`"
        end = ends.get(node_id)
        if end == node_id and context.explanations.get(node_id):
            continue  # only explained: `explained-not-supported` says so
        if end == node_id:
            message = f"{what} rests on nothing: no evidence, assumption or claim supports it"
        elif end is not None:
            message = (f"{what} does not rest on evidence or an assumption: its support ends in "
                       f"{nodes[end].kind.value} `{end}`, which nothing supports")
        else:
            message = (f"{what} does not rest on evidence or an assumption: its support only "
                       "goes round in a circle")
        yield node.position, message
