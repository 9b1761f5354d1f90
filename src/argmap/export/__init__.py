"""Maps and comparisons written out for other tools: JSON (argmap's own schema), AIF JSON
(AIFdb, OVA), Argdown, and GraphML (yEd, Gephi, networkx). One module per format, each
with `export(semantics) -> str`; what each format cannot hold is listed in docs/export.md.

Every export is a function of the file alone: the same map gives the same bytes, wherever
it is read from (paths are given as the map writes them, never as absolute paths).
"""

from __future__ import annotations

import importlib

from ..lexicon import RelationKind
from ..model import CrossRelation, Ref, Relation
from ..semantics import ComparisonSemantics, Inference, MapSemantics

__all__ = ["FORMATS", "export", "left_out", "inference_ids", "explanation_ids", "attacks",
           "weighings"]

#: Each format and the extension of the file it is written to (beside a map `NAME.arg`,
#: `NAME.` and the extension). AIF ends in `.json`, as AIFdb's files do, which is also how
#: AIF tools (arguebuf among them) recognise it.
FORMATS = {"json": "json", "aif": "aif.json", "argdown": "argdown", "graphml": "graphml"}

_MODULES = {"json": "as_json", "aif": "as_aif", "argdown": "as_argdown", "graphml": "as_graphml"}


def export(semantics: MapSemantics | ComparisonSemantics, output_format: str) -> str:
    """The text of a map or comparison in `output_format` (one of `FORMATS`); `InputError`
    when the format cannot hold it."""
    module = importlib.import_module(f"{__name__}.{_MODULES[output_format]}")
    return module.export(semantics)


def left_out(semantics: MapSemantics | ComparisonSemantics, output_format: str
             ) -> list[CrossRelation]:
    """The cross relations of a comparison that `output_format` has no form for (its
    module's `LEFT_OUT`), for the command to name."""
    if isinstance(semantics, MapSemantics):
        return []
    module = importlib.import_module(f"{__name__}.{_MODULES[output_format]}")
    return [r for r in semantics.comparison.relations if r.kind in module.LEFT_OUT]


def inference_ids(semantics: MapSemantics) -> dict[Inference, str]:
    """A name for each inference of a map, the same in every format: `i1`, `i2`, ... in
    the order the map writes its supports."""
    return {inference: f"i{number}"
            for number, inference in enumerate(semantics.every_inference, start=1)}


def attacks(semantics: MapSemantics) -> list[tuple[str, str, Relation]]:
    """Every attack of a map whose target exists: (attacker id, target id, relation), in
    the map's order."""
    return [(node_id, target.id, relation)
            for node_id, node in semantics.nodes.items() for relation in node.relations
            if relation.kind is RelationKind.ATTACKS and isinstance(relation.target, Ref)
            for target in [semantics.resolve(relation.target)] if target is not None]


def explanation_ids(semantics: MapSemantics) -> dict[Inference, str]:
    """A name for each explanation of a map, the same in every format: `x1`, `x2`, ... in
    the order the map writes them."""
    found = sorted((inference for inferences in semantics.explanations.values()
                    for inference in inferences), key=lambda inference: inference.relation.offset)
    return {inference: f"x{number}" for number, inference in enumerate(found, start=1)}


def weighings(semantics: MapSemantics, kind: RelationKind) -> list[tuple[str, str, Relation]]:
    """Every concession or preference (`kind`) of a map whose target exists: (source id,
    target id, relation), in the map's order."""
    return [(node_id, target.id, relation)
            for node_id, node in semantics.nodes.items() for relation in node.relations
            if relation.kind is kind and isinstance(relation.target, Ref)
            for target in [semantics.resolve(relation.target)]
            if target is not None and target.id != node_id]
