"""A thesis that does not stand: an objection (or any node) that stands defeats it.

`argmap evaluate` labels the map's nodes (docs/evaluation.md); a thesis labelled out or
undecided is reported with the nodes behind it: those that attack it, or undercut a
support of it, and stand (or, for an undecided thesis, are undecided themselves), followed
through the premises it rests on (the first three by name, and how many more: `argmap
evaluate` shows them all). A thesis that is out only because nothing supports it is left
to `unsupported-claim`.

Often right: a document may concede a point that sinks its thesis, or the analyst may
have added the objection that does. Reported as information, so that a thesis that no
longer stands is seen, not missed.

```arg
document d "A document" { source "d.txt" }
thesis main "A claim."
assumption ground "A ground." supports main
objection doubt "A doubt." attacks main
assumption reason "A reason to doubt." supports doubt
```
"""

from ...diagnostics import Severity
from ...evaluation import Label, evaluate
from ...semantics import MapSemantics

NAME = "thesis-defeated"
CODE = "AM308"
SEVERITY = Severity.INFO
#: The nodes behind a thesis a message names; the others are counted.
NAMED = 3


def check_map(context: MapSemantics):
    theses = context.theses
    if not theses or not (context.attackers or context.undercuts):
        return  # with no attack nor undercut, nothing defeats a thesis: no need to label
    labelling = evaluate(context)
    for thesis in theses:
        label = labelling.nodes[thesis.id]
        defeaters = labelling.defeaters(thesis.id)
        if label is Label.IN or not defeaters:
            continue
        names = " and ".join(f"{context.nodes[d].kind.value} `{d}`" for d in defeaters)
        if len(defeaters) > NAMED:
            names = (", ".join(f"{context.nodes[d].kind.value} `{d}`" for d in defeaters[:NAMED])
                     + f" and {len(defeaters) - NAMED} more")
        if label is Label.OUT:
            yield thesis.position, (f"thesis `{thesis.id}` does not stand: {names} "
                                    f"{'defeats' if len(defeaters) == 1 else 'defeat'} it")
        else:
            yield thesis.position, (f"thesis `{thesis.id}` is undecided: it stands or falls "
                                    f"with {names}, which nothing settles")
