"""An objection that nothing attacks, rebuts or undercuts.

An objection is answered when a node attacks it, or undercuts an inference that supports it.

Often right: an author may concede a point and leave it standing. Reported as
information, so that a concession left unanswered is a choice, not an oversight.

```arg
document d "A document" { source "d.txt" }
thesis main "A claim."
objection doubt "A doubt." attacks main
```
"""

from ...diagnostics import Severity
from ...lexicon import NodeKind
from ...semantics import MapSemantics

NAME = "unanswered-objection"
CODE = "AM307"
SEVERITY = Severity.INFO


def check_map(context: MapSemantics):
    objection = NodeKind.OBJECTION  # read for every claim: held locally
    for node in context.claims:
        node_id = node.id
        if (node.kind is objection and not context.attackers.get(node_id)
                and node_id not in context.undercut):
            yield node.position, (f"objection `{node_id}` is not answered: nothing attacks or "
                                  "rebuts it")
