"""A node with no path to any thesis.

Every node should bear on the document's conclusion: following its relations (supports,
attacks, undercuts) must lead to a thesis. Evidence that relates to nothing at all is left
to `unused-evidence`, and a node with a broken reference to `unknown-reference`; so are the
nodes whose way to a thesis may run through that reference: one misspelt id near the top
of a map is one finding, not one for every node below it.

```arg
document d "A document" { source "d.txt" }
thesis main "A claim."
premise aside "A remark that bears on nothing."
```
"""

from collections import defaultdict

from ...diagnostics import Severity
from ...graph import reachable
from ...lexicon import NodeKind
from ...model import Ref
from ...semantics import MapSemantics

NAME = "disconnected-node"
CODE = "AM305"
SEVERITY = Severity.WARNING


def check_map(context: MapSemantics):
    theses = context.theses
    if not theses:
        return  # no-thesis says so once; every node here would be disconnected
    # The nodes with a path to a thesis, or to a node with a broken reference. One pass in
    # the map's order finds most: a map is mostly written from its thesis down, so a node
    # is most often looked at after the nodes it relates to.
    connected = {node.id for node in theses}
    broken: set[str] = set()
    waiting: list[tuple[str, list[str]]] = []  # what the pass left, and where it leads
    nodes, own = context.nodes, context.map.id
    for node_id, node in nodes.items():
        leads_to: list[str] = []
        for relation in node.relations:
            ref = relation.target
            if not relation.jointly and isinstance(ref, Ref):  # one reference, most often
                end = nodes.get(ref.node) if ref.document is None or ref.document == own else None
                if end is None:
                    broken.add(node_id)
                else:
                    leads_to.append(end.id)
                continue
            ends = [end for ref in relation.refs if (end := context.resolve(ref)) is not None]
            if len(ends) < len(relation.refs):
                broken.add(node_id)
            elif relation.jointly:  # the linked nodes lead to the target as this one does
                leads_to.append(ends[0].id)
                waiting += ((end.id, [ends[0].id]) for end in ends[1:])
            else:
                leads_to += (end.id for end in ends)
        if node_id in broken or not connected.isdisjoint(leads_to):
            connected.add(node_id)
        elif leads_to:
            waiting.append((node_id, leads_to))
    # A pass the other way over what that pass left connects most of a map written upwards.
    left = []
    for node_id, leads_to in reversed(waiting):
        if connected.isdisjoint(leads_to):
            left.append((node_id, leads_to))
        else:
            connected.add(node_id)
    if left:  # what leads to a node found connected after it, either way
        led_from: dict[str, list[str]] = defaultdict(list)
        for node_id, leads_to in left:
            if node_id not in connected:
                for target in leads_to:
                    led_from[target].append(node_id)
        connected |= reachable([t for t in led_from if t in connected], led_from)
    evidence, supported = NodeKind.EVIDENCE, context.supported
    for node_id, node in nodes.items():
        if (node_id in connected or node_id in broken
                or (node.kind is evidence and not node.relations and node_id not in supported)):
            continue
        yield node.position, (f"{node.kind.value} `{node_id}` has no path to a thesis: relate it "
                              "to the argument, or remove it")
