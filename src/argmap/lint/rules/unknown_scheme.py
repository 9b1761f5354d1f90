"""A support or an explanation names a scheme the language does not know.

`supports C by NAME` and `explains C by NAME` name the argumentation scheme of the
inference; NAME must be one of the schemes `argmap rules` and docs/language.md list
(practical-reasoning, best-explanation, cause-to-effect, consequences, sign,
expert-opinion, analogy), so that its critical questions are known. The message suggests
the closest name.

```arg
document d "A document" { source "d.txt" }
thesis main "A claim."
assumption goal "A goal." supports main by practical-reasonning
```
"""

from ..._tools import closest
from ...diagnostics import Severity
from ...lexicon import SCHEMES
from ...semantics import MapSemantics

NAME = "unknown-scheme"
CODE = "AM106"
SEVERITY = Severity.ERROR


def check_map(context: MapSemantics):
    for node in context.map.nodes:
        for relation in node.relations:
            if relation.scheme is not None and relation.scheme not in SCHEMES:
                guess = closest(relation.scheme, SCHEMES)
                hint = f"; did you mean `{guess}`?" if guess else ""
                yield relation.position, (f"no scheme `{relation.scheme}`: the schemes are "
                                          + ", ".join(SCHEMES) + hint)
