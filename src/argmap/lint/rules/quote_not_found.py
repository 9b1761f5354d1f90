"""An evidence quote does not occur in the document's source.

Evidence is a verbatim quotation. Both sides are normalised before comparing: runs of
white space (no-break spaces too) count as one space, curly quotes as straight ones, any
dash with white space around it as any other, and `, ,` as `,`; case is kept. `...` or
`…` elides text: the pieces must occur in that order within one paragraph. The message
says where the closest passage is.

```arg
document fpri "FPRI report" { source "../seeds/fpri.txt" }
thesis engage "Engage Russia."
evidence quote "sanctions have proven useless" supports engage
```
"""

from ...diagnostics import Severity
from ...quotes import QuoteMiss
from ...semantics import MapSemantics

NAME = "quote-not-found"
CODE = "AM202"
SEVERITY = Severity.ERROR


def check_map(context: MapSemantics):
    header = context.map.header
    field = header.get("source") if header else None
    source = field.value if field else None
    for node_id, result in context.quotes.items():
        if isinstance(result, QuoteMiss):
            message = f"quote not found in `{source}`"
            if result.reason:
                message += f": {result.reason}"
            if result.closest_line is not None:
                message += (f"; closest match at {context.source_path}:{result.closest_line}: "
                            f"'{result.closest_text}'")
            yield context.nodes[node_id].text_position, message
