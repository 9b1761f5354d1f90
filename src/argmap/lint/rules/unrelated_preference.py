"""A preference between two nodes that are not rivals.

`a outranks b` ranks `b` below `a` as an explanation of, or a reason for, the same claim:
the author weighs the two and prefers `a` (an inference to the best explanation, AIF's
preference node). When `a` and `b` explain or support no claim in common, the ranking
weighs nothing: relate both to the claim they compete over.

```arg
document d "A document" { source "d.txt" }
thesis main "A claim."
assumption ground "A ground." supports main
assumption best "The best explanation." explains main outranks other
assumption other "An explanation of something else." explains ground
```
"""

from ...diagnostics import Severity
from ...lexicon import RelationKind
from ...model import Ref
from ...semantics import MapSemantics

NAME = "unrelated-preference"
CODE = "AM311"
SEVERITY = Severity.WARNING


def check_map(context: MapSemantics):
    if not context.outranked_by:
        return  # most maps rank nothing
    bears_on: dict[str, set[str]] = {}
    for found in (context.inferences, context.explanations):
        for conclusion, inferences in found.items():
            for inference in inferences:
                for premise in inference.premises:
                    bears_on.setdefault(premise, set()).add(conclusion)
    for lower, higher in context.outranked_by.items():
        for upper in higher:
            if not bears_on.get(lower, set()) & bears_on.get(upper, set()):
                node = context.nodes[upper]
                relation = next(r for r in node.relations if r.kind is RelationKind.OUTRANKS
                                and isinstance(r.target, Ref) and r.target.node == lower)
                yield relation.position, (f"`{upper}` outranks `{lower}`, but the two explain "
                                          "or support no claim in common: a preference ranks "
                                          "rivals")
