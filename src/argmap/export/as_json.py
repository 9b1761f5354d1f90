"""A map or comparison as JSON data, described by the JSON Schema shipped beside this
module (`argmap-export-1.schema.json`, documented in docs/export.md)."""

from __future__ import annotations

import json
import os
from typing import Any

from .._tools import visible
from ..lexicon import CrossKind, NodeKind, RelationKind
from ..model import Node, Position, topic_spans
from ..quotes import QuoteMatch, SourceText
from ..semantics import ComparisonSemantics, MapSemantics
from . import attacks, explanation_ids, inference_ids, weighings

__all__ = ["VERSION", "SCHEMA", "LEFT_OUT", "export", "map_data", "comparison_data"]

#: The version of the export's format; a change that breaks a reader gets a new number and
#: a new schema file.
VERSION = 1
#: The file name of the schema, in this package.
SCHEMA = f"argmap-export-{VERSION}.schema.json"
#: The cross relations left out: none, JSON holds every one.
LEFT_OUT: frozenset[CrossKind] = frozenset()


def export(semantics: MapSemantics | ComparisonSemantics) -> str:
    """The JSON text: two-space indented, keys in a fixed order, ending in a line break."""
    data = (map_data(semantics) if isinstance(semantics, MapSemantics)
            else comparison_data(semantics))
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def map_data(semantics: MapSemantics) -> dict[str, Any]:
    """A document map as plain data: its document, nodes, inferences, attacks, undercuts."""
    header = semantics.map.header
    names = inference_ids(semantics)
    return {
        "format": "argmap-export", "version": VERSION, "type": "map",
        "file": visible(os.path.basename(semantics.map.path)),
        "document": {
            "id": header.id if header else None,
            "title": header.title if header else None,
            "fields": {field.key: field.value for field in header.fields} if header else {},
        },
        "nodes": [_node(semantics, node) for node in semantics.nodes.values()],
        "inferences": [
            {"id": names[inference], "premises": list(inference.premises),
             "conclusion": inference.conclusion, "linked": inference.linked,
             "position": _position(inference.relation.position),
             "scheme": inference.relation.scheme}
            for inference in semantics.every_inference],
        "attacks": [{"from": attacker, "to": target, "position": _position(relation.position)}
                    for attacker, target, relation in attacks(semantics)],
        "undercuts": [
            {"from": undercut.node,
             "link": {"supporter": undercut.link.supporter.node,
                      "supported": undercut.link.supported.node},
             "inferences": [names[inference] for inference in undercut.inferences],
             "position": _position(undercut.relation.position)}
            for undercut in semantics.undercuts],
        "explanations": [
            {"id": name, "premises": list(inference.premises),
             "conclusion": inference.conclusion, "linked": inference.linked,
             "position": _position(inference.relation.position),
             "scheme": inference.relation.scheme}
            for inference, name in explanation_ids(semantics).items()],
        "concessions": _pairs(semantics, RelationKind.CONCEDES),
        "preferences": _pairs(semantics, RelationKind.OUTRANKS),
        "topics": [{"name": topic.name, "nodes": [semantics.map.nodes[i].id for i in members],
                    "position": _position(topic.position)}
                   for topic, members in topic_spans(semantics.map.topics,
                                                     len(semantics.map.nodes))],
    }


def comparison_data(semantics: ComparisonSemantics) -> dict[str, Any]:
    """A comparison as plain data: its documents (the maps it uses) and cross relations."""
    comparison = semantics.comparison
    return {
        "format": "argmap-export", "version": VERSION, "type": "comparison",
        "file": visible(os.path.basename(comparison.path)),
        "comparison": {"id": comparison.id, "title": comparison.title},
        "documents": [{"id": used.document_id, "file": used.use.path}
                      for used in semantics.used_maps],
        "relations": [
            {"kind": relation.kind.value,
             "from": {"document": relation.source.document, "node": relation.source.node},
             "to": {"document": relation.target.document, "node": relation.target.node},
             "explanation": relation.explanation, "position": _position(relation.position)}
            for relation in comparison.relations],
        "topics": [{"name": topic.name, "relations": list(members),
                    "position": _position(topic.position)}
                   for topic, members in topic_spans(comparison.topics,
                                                     len(comparison.relations))],
    }


def _pairs(semantics: MapSemantics, kind: RelationKind) -> list[dict[str, Any]]:
    """The concessions or the preferences of a map: from, to, and where each is written."""
    return [{"from": source, "to": target, "position": _position(relation.position)}
            for source, target, relation in weighings(semantics, kind)]


def _node(semantics: MapSemantics, node: Node) -> dict[str, Any]:
    data: dict[str, Any] = {"id": node.id, "kind": node.kind.value, "text": node.text,
                            "tags": list(node.tags), "position": _position(node.position)}
    if node.kind is NodeKind.EVIDENCE:
        data["quote"] = _quote(semantics, node.id)
    return data


def _quote(semantics: MapSemantics, node_id: str) -> dict[str, Any] | None:
    """Where the quote is in the source: its lines, and each piece's character span in the
    source as read (0-based, end excluded); None when no source was read."""
    found = semantics.quotes.get(node_id)
    source = semantics.source
    if not isinstance(source, SourceText):
        return None
    data: dict[str, Any] = {"found": isinstance(found, QuoteMatch)}
    if isinstance(found, QuoteMatch):
        data.update(line=found.line, end_line=found.end_line, spans=[
            {"start": source.original_offset(start), "end": source.original_offset(end),
             "line": source.line_at(start)}
            for start, end in found.spans])
    return data


def _position(position: Position) -> dict[str, int]:
    return {"line": position.line, "column": position.column}
