"""A relation or `use` names something that does not exist.

In a document map, every id after `supports`, `attacks` and `undercuts` must be a node of
the same map (`DOC.NODE` is accepted when DOC is the map's own document). In a
comparison, every `use` must name a readable `.arg` file, and every reference must be
`DOC.NODE` with DOC a used document and NODE one of its nodes. The message suggests the
closest existing name. While a used file cannot be read as a map, references to documents
not found are left alone: the file's own findings say what is wrong.

```arg
document d "A document" { source "d.txt" }
thesis main "A claim."
premise reason "A reason." supports mian
```
"""

from ..._tools import closest, closest_sibling
from ...diagnostics import Severity
from ...lexicon import EXTENSION
from ...model import DocumentMap, Ref
from ...semantics import ComparisonSemantics, MapSemantics
from ...workspace import relative_to

NAME = "unknown-reference"
CODE = "AM105"
SEVERITY = Severity.ERROR


def check_map(context: MapSemantics):
    nodes, own = context.nodes, context.map.id
    for node in context.map.nodes:
        for relation in node.relations:
            for ref in relation.refs:
                # context.resolve(ref) is None, written out: this runs for every reference
                if (ref.document is not None and ref.document != own) or ref.node not in nodes:
                    yield ref.position, _map_message(ref, context)


def _map_message(ref: Ref, context: MapSemantics) -> str:
    if ref.document is not None and ref.document != context.map.id:
        return (f"`{ref}`: a document map refers only to its own nodes; relate nodes of "
                "different documents in a comparison")
    guess = context.suggestions.closest(ref.node)
    return f"no node `{ref.node}` in this map" + _did_you_mean(guess)


def check_comparison(context: ComparisonSemantics):
    for used in context.used:
        use, loaded = used.use, used.loaded
        if used.refused is not None:
            yield use.position, f"`use` names `{use.path}`, which is not read: {used.refused}"
        elif loaded is None:
            guess = closest_sibling(relative_to(context.comparison.path, use.path), EXTENSION)
            hint = f"; did you mean `{guess}`?" if guess else ""
            yield use.position, f"`use` names `{use.path}`, which cannot be read{hint}"
        elif loaded.model is not None and not isinstance(loaded.model, DocumentMap):
            yield use.position, f"`{use.path}` is a comparison; `use` takes document maps"
    for relation in context.comparison.relations:
        for ref in (relation.source, relation.target):
            message = _comparison_message(ref, context)
            if message:
                yield ref.position, message


def _comparison_message(ref: Ref, context: ComparisonSemantics) -> str | None:
    if ref.document is None:
        return f"`{ref.node}`: in a comparison, name nodes as `DOC.NODE`"
    document = context.documents.get(ref.document)
    if document is None and context.incomplete:
        return None
    if document is None:
        return (f"no used document is called `{ref.document}`"
                + _did_you_mean(closest(ref.document, context.documents)))
    if ref.node not in document.nodes:
        return (f"document `{ref.document}` has no node `{ref.node}`"
                + _did_you_mean(document.suggestions.closest(ref.node), ref.document + "."))
    return None


def _did_you_mean(guess: str | None, prefix: str = "") -> str:
    return f"; did you mean `{prefix}{guess}`?" if guess else ""
