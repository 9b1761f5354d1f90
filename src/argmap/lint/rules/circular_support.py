"""Claims support each other in a cycle, which begs the question.

If `a` supports `b` and `b` (perhaps through others) supports `a`, neither gives the other
any ground. Reported once per cycle, at its first node in the file.

```arg
document d "A document" { source "d.txt" }
thesis main "A claim." supports reason
premise reason "A reason." supports main
```
"""

from ...diagnostics import Severity
from ...graph import cycle_through, cyclic_components
from ...semantics import MapSemantics

NAME = "circular-support"
CODE = "AM303"
SEVERITY = Severity.ERROR

_SHOWN = 6


def check_map(context: MapSemantics):
    for component in cyclic_components(list(context.nodes), context.supported,
                                       context.supporters):
        members = set(component)
        first = min(component, key=lambda i: context.nodes[i].position)
        cycle = cycle_through(first, context.supported, members.__contains__)
        shown = cycle if len(cycle) <= _SHOWN + 1 else cycle[:_SHOWN] + ["…", cycle[-1]]
        path = " → ".join(f"`{i}`" if i != "…" else i for i in shown)
        extra = f" ({len(members)} claims in all)" if len(members) > len(cycle) - 1 else ""
        yield context.nodes[first].position, f"circular support: {path}{extra}"
