"""A support or an explanation whose scheme has critical questions the map leaves open.

An inference that names its scheme (`supports C by practical-reasoning`) is tested by that
scheme's critical questions (Walton): for means and end, whether other means would do,
whether the action is feasible, what else it brings. A node answers a question by carrying
its tag (`#alternatives`) and bearing on the inference: undercutting it, or relating to
its conclusion or one of its premises. The questions no node answers are listed.

Often right: a text rarely answers every question. Reported as information, so that what
the text leaves open is seen; `argmap evaluate` says it of each thesis that rests on such
an inference.

```arg
document d "A document" { source "d.txt" }
thesis act "Washington should engage Moscow."
assumption goal "Washington wants talks." supports act with means by practical-reasoning
assumption means "Engaging Moscow could bring Pyongyang to the table."
```
"""

from ...diagnostics import Severity
from ...semantics import MapSemantics

NAME = "open-critical-questions"
CODE = "AM310"
SEVERITY = Severity.INFO


def check_map(context: MapSemantics):
    # Only an inference that names a scheme can have questions: most name none.
    named = [i for i in context.every_inference if i.relation.scheme]
    named += (i for found in context.explanations.values() for i in found if i.relation.scheme)
    for inference in sorted(named, key=lambda i: i.relation.offset):
        questions = context.open_questions(inference)
        if not questions or inference.scheme is None:
            continue
        premises = " + ".join(f"`{p}`" for p in inference.premises)
        verb = "explain" if inference.explains else "support"
        verb += "" if inference.linked else "s"
        yield inference.relation.position, (
            f"{premises} {verb} `{inference.conclusion}` by {inference.scheme.name}; open "
            "critical questions: " + "; ".join(f"#{tag}: {question}"
                                               for tag, question in questions))
