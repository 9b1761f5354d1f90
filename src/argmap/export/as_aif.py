"""A document map as AIF JSON, as AIFdb and OVA write it: `nodes` (each with `nodeID`,
`text`, `type`), `edges` (`edgeID`, `fromID`, `toID`, `formEdgeID`) and `locutions`.

- an I-node per node (its id is the node's id, its text the node's text or quote);
- an RA node per inference, with an edge from each premise (so a linked support is one RA
  with several premises) and one to the conclusion;
- an RA node per explanation likewise (AIF does not tell an explanation from a support;
  its id, `ra:x1`, does); an RA node names its scheme (`Practical Reasoning`) when the map
  does (`by practical-reasoning`);
- a PA node per preference (`a outranks b`), with an edge from the node preferred and one
  to the node ranked lower; a concession has no AIF form and is left out;
- a CA node per attack, from the attacker to the node it attacks; an undercut is a CA from
  the undercutting node to the RA of each inference it attacks;
- each evidence quote is also what the document says: an L-node (the locution, its text
  `DOCUMENT: quote`, as OVA writes `Speaker: text`), a YA node `Asserting` from it to the
  quote's I-node, and an entry in `locutions` naming the document and its source file.

A comparison is the graphs of the maps it uses, every id prefixed with its document's
(`fpri.engage_russia`, `fpri.ra:i1`), and its cross relations: `supports` and `explains`
an RA node,
`attacks` a CA node, `contradicts` two CA nodes (each node attacks the other), `agrees` an
MA node (AIF's rephrase, its nearest); `qualifies` has no AIF form and is left out
(`LEFT_OUT`; `argmap export` says so when it happens).

Scheme and locution nodes have ids that no node id can take (`ra:i1`, `ca:3`, `l:quote`,
`ya:quote`), since node ids never hold a colon. AIF has no node kinds, tags or positions:
docs/export.md lists what is lost.
"""

from __future__ import annotations

import json
from typing import Any

from ..lexicon import SOURCE, CrossKind, NodeKind, RelationKind
from ..semantics import ComparisonSemantics, Inference, MapSemantics
from . import attacks, explanation_ids, inference_ids, weighings

__all__ = ["LEFT_OUT", "export", "aif_data", "comparison_aif_data"]

#: The cross relations AIF has no form for.
LEFT_OUT = frozenset({CrossKind.QUALIFIES})

# The texts AIFdb gives scheme nodes that name no particular scheme.
_INFERENCE, _CONFLICT, _REPHRASE, _ASSERTING, _PREFERENCE = (
    "Default Inference", "Default Conflict", "Default Rephrase", "Asserting",
    "Default Preference")
#: Each scheme of the language by the name AIFdb (and arguebuf, reading it) gives it.
_AIF_SCHEMES = {"practical-reasoning": "Practical Reasoning", "best-explanation": "Abductive",
                "cause-to-effect": "Cause To Effect", "consequences": "Consequences",
                "sign": "Sign", "expert-opinion": "Expert Opinion", "analogy": "Analogy"}


def _scheme_name(inference: Inference) -> str:
    """The text of an inference's RA node: its scheme's AIF name, else AIFdb's default."""
    return _AIF_SCHEMES.get(inference.relation.scheme or "", _INFERENCE)


def export(semantics: MapSemantics | ComparisonSemantics) -> str:
    """The AIF JSON text of a map or a comparison."""
    data = (aif_data(semantics) if isinstance(semantics, MapSemantics)
            else comparison_aif_data(semantics))
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


class _Graph:
    """AIF nodes, edges and locutions as they are added."""

    def __init__(self) -> None:
        self.nodes: list[dict[str, str]] = []
        self.edges: list[dict[str, Any]] = []
        self.locutions: list[dict[str, Any]] = []

    def node(self, node_id: str, text: str, node_type: str) -> str:
        self.nodes.append({"nodeID": node_id, "text": text, "type": node_type})
        return node_id

    def edge(self, from_id: str, to_id: str) -> None:
        self.edges.append({"edgeID": f"e{len(self.edges) + 1}", "fromID": from_id,
                           "toID": to_id, "formEdgeID": None})

    def scheme(self, scheme_id: str, text: str, scheme_type: str, premises: list[str],
               conclusion: str) -> None:
        """A scheme node with an edge from each premise and one to the conclusion."""
        self.node(scheme_id, text, scheme_type)
        for premise in premises:
            self.edge(premise, scheme_id)
        self.edge(scheme_id, conclusion)

    def data(self) -> dict[str, Any]:
        return {"nodes": self.nodes, "edges": self.edges, "locutions": self.locutions}


def aif_data(semantics: MapSemantics) -> dict[str, Any]:
    """The AIF graph of a map as plain data."""
    graph = _Graph()
    _add_map(graph, semantics, "")
    return graph.data()


def comparison_aif_data(semantics: ComparisonSemantics) -> dict[str, Any]:
    """The AIF graph of a comparison: its maps' graphs, each id prefixed with the document's,
    and its cross relations (but those in `LEFT_OUT`)."""
    graph = _Graph()
    for document, map_semantics in semantics.documents.items():
        _add_map(graph, map_semantics, f"{document}.")
    for number, relation in enumerate(semantics.comparison.relations, start=1):
        source, target = str(relation.source), str(relation.target)
        kind = relation.kind
        if kind is CrossKind.SUPPORTS:
            graph.scheme(f"x:ra:{number}", _INFERENCE, "RA", [source], target)
        elif kind is CrossKind.EXPLAINS:  # an RA node, told apart by its id as in a map
            graph.scheme(f"x:ra:x{number}", _INFERENCE, "RA", [source], target)
        elif kind is CrossKind.ATTACKS:
            graph.scheme(f"x:ca:{number}", _CONFLICT, "CA", [source], target)
        elif kind is CrossKind.CONTRADICTS:
            graph.scheme(f"x:ca:{number}", _CONFLICT, "CA", [source], target)
            graph.scheme(f"x:ca:{number}:back", _CONFLICT, "CA", [target], source)
        elif kind is CrossKind.AGREES:
            graph.scheme(f"x:ma:{number}", _REPHRASE, "MA", [source], target)
    return graph.data()


def _add_map(graph: _Graph, semantics: MapSemantics, prefix: str) -> None:
    """A map's nodes, inferences, attacks, undercuts and locutions, ids after `prefix`."""
    header = semantics.map.header
    document = semantics.map.id or ""
    source = header.get(SOURCE) if header else None
    for node in semantics.nodes.values():
        graph.node(prefix + node.id, node.text, "I")
        if node.kind is NodeKind.EVIDENCE:
            locution = graph.node(f"{prefix}l:{node.id}", f"{document}: {node.text}", "L")
            graph.scheme(f"{prefix}ya:{node.id}", _ASSERTING, "YA", [locution],
                         prefix + node.id)
            graph.locutions.append({"nodeID": locution, "personID": document, "start": None,
                                    "end": None, "source": source.value if source else None})
    names = inference_ids(semantics)
    for inference, name in [*names.items(), *explanation_ids(semantics).items()]:
        graph.scheme(f"{prefix}ra:{name}", _scheme_name(inference), "RA",
                     [prefix + premise for premise in inference.premises],
                     prefix + inference.conclusion)
    for number, (higher, lower, _) in enumerate(weighings(semantics, RelationKind.OUTRANKS),
                                                start=1):
        graph.scheme(f"{prefix}pa:{number}", _PREFERENCE, "PA", [prefix + higher], prefix + lower)
    conflicts = 0
    for attacker, target, _ in attacks(semantics):
        conflicts += 1
        graph.scheme(f"{prefix}ca:{conflicts}", _CONFLICT, "CA", [prefix + attacker],
                     prefix + target)
    for undercut in semantics.undercuts:
        for inference in undercut.inferences:
            conflicts += 1
            graph.scheme(f"{prefix}ca:{conflicts}", _CONFLICT, "CA", [prefix + undercut.node],
                         f"{prefix}ra:{names[inference]}")
