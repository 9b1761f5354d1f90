"""A claim that is only explained: something says why it is so, nothing that it is.

`e explains c` gives a reason why `c` is so (a motive, a cause), not evidence that it is:
it grounds nothing. A thesis, premise, objection or rebuttal whose only relations from
below are explanations rests on nothing. Support it with the evidence the text gives for
it, or, if the text offers `e` as a reason to believe `c`, make `e` support it. Such a
claim is reported here, not by `unsupported-claim`.

```arg
document d "A document" { source "d.txt" }
thesis main "Moscow wants a role."
assumption motive "Brokering a deal would boost its status." explains main
```
"""

from ...diagnostics import Severity
from ...lexicon import CLAIM_KINDS
from ...semantics import MapSemantics

NAME = "explained-not-supported"
CODE = "AM309"
SEVERITY = Severity.WARNING


def check_map(context: MapSemantics):
    for node_id, inferences in context.explanations.items():
        node = context.nodes[node_id]
        if node.kind not in CLAIM_KINDS or context.supporters.get(node_id):
            continue
        explainers = ", ".join(f"`{p}`" for i in inferences for p in i.premises)
        yield node.position, (f"{node.kind.value} `{node_id}` is only explained (by "
                              f"{explainers}), and nothing supports it: an explanation says "
                              "why it is so, not that it is")
