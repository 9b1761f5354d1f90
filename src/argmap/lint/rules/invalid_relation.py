"""A relation that makes no sense for the kinds of node it joins.

- Nothing relates to itself.
- An objection attacks or undercuts; it never supports, alone or linked.
- A linked support (`supports claim with b, d`) links each node once, and neither its own
  node nor its claim.
- Evidence is a quote: nothing supports it, and it cannot undercut.
- A rebuttal answers an objection: it attacks objections only.
- Only an objection or a rebuttal undercuts, and only an inference the map states
  (`undercuts a -> b` needs `a supports b`).
- No node both supports and attacks the same node (in a map or in a comparison), nor
  supports and explains it, nor concedes against a node it supports or attacks; in a
  comparison, no two nodes both agree and contradict.
- Evidence only supports or attacks: it neither explains, concedes nor outranks (make the
  quote support a premise that does); nothing explains, concedes against or ranks evidence.
- Two nodes never outrank each other.
- In a comparison, the two ends of a relation belong to different documents.

```arg
document d "A document" { source "d.txt" }
thesis main "A claim."
objection doubt "A doubt." supports main
```
"""

from ...diagnostics import Severity
from ...lexicon import CrossKind, NodeKind, RelationKind
from ...model import Link, Ref
from ...semantics import ComparisonSemantics, MapSemantics

NAME = "invalid-relation"
CODE = "AM302"
SEVERITY = Severity.ERROR
#: Its findings in the statements that parse stand whatever a statement set aside said.
PARTIAL = True

_UNDERCUTTERS = (NodeKind.OBJECTION, NodeKind.REBUTTAL)


#: The relations a node cannot also have to the same node, and the word for the pair.
_CONFLICTS = {
    RelationKind.SUPPORTS: {RelationKind.ATTACKS: "supports and attacks",
                            RelationKind.EXPLAINS: "supports and explains",
                            RelationKind.CONCEDES: "supports and concedes against"},
    RelationKind.ATTACKS: {RelationKind.SUPPORTS: "supports and attacks",
                           RelationKind.CONCEDES: "attacks and concedes against"},
    RelationKind.EXPLAINS: {RelationKind.SUPPORTS: "supports and explains"},
    RelationKind.CONCEDES: {RelationKind.SUPPORTS: "supports and concedes against",
                            RelationKind.ATTACKS: "attacks and concedes against"},
}
# Read for every relation: held by name, as looking up an enum's member takes longer.
_SUPPORTS, _ATTACKS, _OUTRANKS = RelationKind.SUPPORTS, RelationKind.ATTACKS, RelationKind.OUTRANKS
_EVIDENCE, _OBJECTION, _REBUTTAL = NodeKind.EVIDENCE, NodeKind.OBJECTION, NodeKind.REBUTTAL
#: The relations that only a claim may have, and only to a claim.
_BETWEEN_CLAIMS = frozenset({RelationKind.EXPLAINS, RelationKind.CONCEDES,
                             RelationKind.OUTRANKS})


def check_map(context: MapSemantics):
    nodes, own = context.nodes, context.map.id
    for node in context.map.nodes:
        relations = node.relations
        # (target id, kind) so far: a conflict takes two relations, and most nodes have one.
        related: set[tuple[str, RelationKind]] | None = set() if len(relations) > 1 else None
        for relation in relations:
            target = None
            kind, ref = relation.kind, relation.target
            if isinstance(ref, Link):
                message = _undercut(node, ref, context)
            else:
                # context.resolve(ref), written out: this runs for every relation
                target = nodes.get(ref.node) if ref.document is None or ref.document == own \
                    else None
                if target is None:
                    continue
                message = _relation(node, kind, target)
                if related is not None:
                    related.add((target.id, kind))
                    for other, words in _CONFLICTS.get(kind, {}).items():
                        if message is None and (target.id, other) in related:
                            message = f"`{node.id}` both {words} `{target.id}`"
                if message is None and kind is _OUTRANKS \
                        and target.id in context.outranked_by.get(node.id, ()):
                    message = f"`{node.id}` and `{target.id}` outrank each other"
            if message:
                yield relation.position, message
            if relation.jointly and target is not None:
                yield from _linked(node, relation.jointly, target, context)


def _linked(node, jointly: tuple[Ref, ...], target, context: MapSemantics):
    """What is wrong with the nodes a support links with the node it is written on."""
    seen = {node.id}
    for ref in jointly:
        member = context.resolve(ref)
        if member is None:
            continue
        if member is target:
            yield ref.position, f"`{member.id}` is linked in a support of itself"
        elif member.id in seen:
            yield ref.position, (f"`{member.id}` is already in this linked support of "
                                 f"`{target.id}`")
        elif member.kind is NodeKind.OBJECTION:
            yield ref.position, (f"an objection cannot support: `{member.id}` cannot be linked "
                                 f"in a support of `{target.id}`")
        seen.add(member.id)


def _relation(node, kind: RelationKind, target) -> str | None:
    if target is node:
        return f"`{node.id}` {kind.value} itself"
    if kind in _BETWEEN_CLAIMS:
        if node.kind is _EVIDENCE:
            return (f"evidence `{node.id}` is a quote: it supports or attacks; let it support a "
                    f"premise that {kind.value} `{target.id}`")
        if target.kind is _EVIDENCE:
            return (f"`{target.id}` is evidence, a quote: {kind.value} the claim it backs "
                    "instead")
    if kind is _SUPPORTS:
        if node.kind is _OBJECTION:
            return (f"an objection cannot support: `{node.id}` should attack or undercut, or "
                    f"be a premise if it backs `{target.id}`")
        if target.kind is _EVIDENCE:
            return (f"`{target.id}` is evidence, a quote: nothing supports it; support the "
                    "claim it backs instead")
    if kind is _ATTACKS and node.kind is _REBUTTAL and target.kind is not _OBJECTION:
        return (f"a rebuttal answers an objection, and {target.kind.value} `{target.id}` is not "
                "one: use an objection to attack a claim")
    return None


def _undercut(node, link: Link, context: MapSemantics) -> str | None:
    if node.kind not in _UNDERCUTTERS:
        return f"only an objection or a rebuttal can undercut, not {node.kind.value} `{node.id}`"
    supporter, supported = context.link_ends(link)
    if supporter is None or supported is None:
        return None
    if node.id in (supporter.id, supported.id):
        return f"`{node.id}` undercuts an inference it is part of"
    if (supporter.id, supported.id) not in context.links:
        return (f"`{supporter.id}` does not support `{supported.id}`, so there is no inference "
                "to undercut")
    return None


# Relations that cannot both hold between two nodes, and the words for a node that states
# both; `agrees` and `contradicts` hold between the two whichever is written first.
_CROSS_OPPOSITE = {CrossKind.SUPPORTS: CrossKind.ATTACKS, CrossKind.ATTACKS: CrossKind.SUPPORTS,
                   CrossKind.AGREES: CrossKind.CONTRADICTS,
                   CrossKind.CONTRADICTS: CrossKind.AGREES}
_SYMMETRIC = frozenset({CrossKind.AGREES, CrossKind.CONTRADICTS})
_BOTH = {CrossKind.SUPPORTS: "both supports and attacks",
         CrossKind.AGREES: "both agrees with and contradicts"}


def check_comparison(context: ComparisonSemantics):
    related: set[tuple[str, str, CrossKind]] = set()  # (source, target, kind) so far
    for relation in context.comparison.relations:
        source, target = relation.source, relation.target
        if source.document is not None and source.document == target.document:
            yield relation.position, (f"both ends are in `{source.document}`: relate nodes of "
                                      "one document in its own map")
            continue
        ends = (str(source), str(target))
        if relation.kind in _SYMMETRIC:
            ends = (min(ends), max(ends))
        related.add((*ends, relation.kind))
        opposite = _CROSS_OPPOSITE.get(relation.kind)
        if opposite is not None and (*ends, opposite) in related:
            both = _BOTH.get(relation.kind) or _BOTH[opposite]
            yield relation.position, f"`{source}` {both} `{target}`"
