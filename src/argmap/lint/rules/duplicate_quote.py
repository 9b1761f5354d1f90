"""Two evidence nodes quote the same passage, or passages that overlap.

Usually one claim written twice, or one quote cut in two where the analyst meant one. The
finding stands on the later of the two nodes in the file and names the earlier. Elided
quotes overlap only where their pieces do.

```arg
document fpri "FPRI report" { source "../seeds/fpri.txt" }
thesis engage "Engage Russia."
evidence first "Pyongyang is skillful at evading sanctions" supports engage
evidence again "skillful at evading sanctions via shell companies" supports engage
```
"""

from ...diagnostics import Severity
from ...model import Position
from ...quotes import QuoteMatch
from ...semantics import MapSemantics

NAME = "duplicate-quote"
CODE = "AM203"
SEVERITY = Severity.WARNING
#: Its findings in the statements that parse stand whatever a statement set aside said.
PARTIAL = True


def check_map(context: MapSemantics):
    order = {node_id: index for index, node_id in enumerate(context.nodes)}
    pieces = sorted((start, end, order[node_id], node_id)
                    for node_id, found in context.quotes.items() if isinstance(found, QuoteMatch)
                    for start, end in found.spans)
    reported: set[str] = set()
    reach, reaching = -1, ""  # the furthest end of the pieces so far, and whose piece it is
    for start, end, _, node_id in pieces:
        if start < reach and reaching != node_id:
            earlier, later = sorted((reaching, node_id), key=order.__getitem__)
            if later not in reported:
                reported.add(later)
                yield _finding(context, earlier, later)
        if end > reach:
            reach, reaching = end, node_id


def _finding(context: MapSemantics, earlier: str, later: str) -> tuple[Position, str]:
    first, second = context.quotes[earlier], context.quotes[later]
    assert isinstance(first, QuoteMatch) and isinstance(second, QuoteMatch)
    how = "the same passage as" if first.spans == second.spans else "a passage that overlaps"
    return context.nodes[later].position, (
        f"evidence `{later}` quotes {how} `{earlier}` (line {first.line}): one claim written "
        "twice? keep one quote, or quote each point apart")
