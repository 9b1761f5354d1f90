"""AIF JSON, as AIFdb and OVA write it, read by arguebuf (the extra `aif`).

What becomes what: each I node is a node (its id the node id when it is one, `n29045`
for AIFdb's numbers); an RA node is an inference from the I nodes that point to it
(several make a linked support) to the one it points to, its scheme (other than the
default) written above it; a CA node is an attack from each I node that points to it, on
an I node, or on an RA node's inference (an undercut). MA (rephrase), PA (preference) and
scheme nodes aimed at what `.arg` cannot hold are noted. The dialogue (L, YA and TA nodes)
is not the argument, with one exception: an I node asserted by a locution that names a
`source`, as `argmap export --format aif` writes a quote, is evidence from that source.
"""

from __future__ import annotations

import json
import logging
import os
import re
from typing import Any

from ..errors import InputError
from ..lexicon import SOURCE, NodeKind, RelationKind
from . import Draft, DraftNode, Support, identifier, scheme_named

__all__ = ["read", "draft_of"]

#: The fields of AIF's nodes, edges and locutions that hold ids.
_ID_KEYS = frozenset({"nodeID", "edgeID", "fromID", "toID", "formEdgeID"})
#: The texts AIFdb gives an RA node that names no scheme.
_DEFAULTS = frozenset({"", "RA", "Default Inference", "Default"})

_NODE_ID = re.compile(r'"nodeID"\s*:\s*"?([^",}\s]+)')
#: The id argmap's AIF export gives the RA node of an explanation (`ra:x1`, `fpri.ra:x1`):
#: AIF does not tell an explanation from a support.
_EXPLANATION = re.compile(r"(?:^|\.)ra:x\d+$")


def read(path: str) -> Draft:
    """The draft of the AIF JSON file at `path`."""
    try:
        with open(path, encoding="utf-8-sig") as file:
            text = file.read()
        data = json.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read it: {error}") from error
    except json.JSONDecodeError as error:
        raise InputError(f"{path}:{error.lineno}:{error.colno}: not JSON: {error.msg}"
                         ) from error
    except RecursionError:  # json reads nested arrays and objects by recursion
        raise InputError(f"{path}: its arrays or objects are nested too deeply") from None
    stem = os.path.basename(path).removesuffix(".json").removesuffix(".aif")
    return draft_of(data, text, stem, f"{os.path.basename(path)} (AIF, read by arguebuf)",
                    path)


def draft_of(data: Any, text: str, name: str, origin: str, what: str | None = None) -> Draft:
    """The draft of AIF data (`text` its JSON, for the line of each node) of the file
    named `name`, at `what` (for messages)."""
    what = what or name
    try:
        import arguebuf
        from arguebuf.model.scheme import Attack, Preference
        from arguebuf.model.scheme import Support as SupportScheme
    except ImportError as error:
        from .._tools import install_hint

        raise InputError("reading AIF needs arguebuf (Python 3.11 or later): "
                         f"{install_hint('aif')}") from error
    if isinstance(data, dict) and isinstance(data.get("AIF"), dict):
        data = data["AIF"]  # xAIF, as the argument-mining pipelines write it
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise InputError(f"{what}: not AIF JSON: no list of `nodes`")
    # Ids as text: AIFdb writes them as strings, other tools as numbers.
    data = {**data, **{key: [_ids_as_text(item) for item in data.get(key) or []]
                       for key in ("nodes", "edges", "locutions")}}
    lines: dict[str, int] = {}
    for match in _NODE_ID.finditer(text):
        lines.setdefault(match[1], text.count("\n", 0, match.start()) + 1)
    # The dialogue (L, YA, TA nodes) is read from the JSON itself (`_quoted`): arguebuf,
    # reading the argument alone, warns of each edge into it that it skips.
    quiet = logging.getLogger("arguebuf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        graph = arguebuf.load.aif(data, name)
    except (KeyError, TypeError, ValueError) as error:
        raise InputError(f"{what}: arguebuf cannot read it as AIF: {error!r}") from error
    finally:
        quiet.setLevel(level)
    draft = Draft(identifier(name), name, origin)
    raw_nodes = {str(n.get("nodeID")): n for n in data["nodes"] if isinstance(n, dict)}
    ids: dict[str, str] = {}
    sources = _quoted(data)
    for atom in sorted(graph.atom_nodes.values(), key=lambda a: lines.get(a.id, 0)):
        ids[atom.id] = draft.names[atom.id] = identifier(atom.id, draft.nodes)
        node = DraftNode(ids[atom.id], atom.plain_text, lines.get(atom.id, 0))
        if atom.id in sources:
            node.kind = NodeKind.EVIDENCE
            draft.fields.setdefault(SOURCE, sources[atom.id])
        draft.nodes[ids[atom.id]] = node
    schemes = sorted(graph.scheme_nodes.values(), key=lambda s: lines.get(s.id, 0))
    inferences: dict[str, Support] = {}
    for scheme in schemes:
        line = lines.get(scheme.id, 0)
        premises = tuple(ids[n.id] for n in graph.incoming_nodes(scheme) if n.id in ids)
        targets = list(graph.outgoing_nodes(scheme))
        if isinstance(scheme.scheme, Preference) and len(targets) == 1 and premises \
                and targets[0].id in ids:
            for preferred in premises:
                draft.weighings.append((RelationKind.OUTRANKS, preferred, ids[targets[0].id],
                                        line))
        elif not isinstance(scheme.scheme, SupportScheme | Attack):
            what = type(scheme.scheme).__name__.lower() if scheme.scheme else "scheme"
            draft.note(line, f"{what} node {scheme.id} has no form in the map; it is left out")
        elif len(targets) != 1 or not premises:
            draft.note(line, f"scheme node {scheme.id} does not lead from I nodes to one "
                             "node; it is left out")
        elif isinstance(scheme.scheme, SupportScheme):
            if targets[0].id not in ids:
                draft.note(line, f"RA node {scheme.id} supports an inference, which the map "
                                 "has no form for; it is left out")
                continue
            # AIFdb names the scheme in the node's text (or `scheme`), which arguebuf reads
            # only for some names.
            raw = raw_nodes.get(scheme.id, {})
            name = str(raw.get("scheme") or raw.get("text") or "")
            if scheme.scheme is not SupportScheme.DEFAULT:
                name = scheme.scheme.value
            known = scheme_named(name)
            unknown = name if not known and name not in _DEFAULTS else None
            kind = (RelationKind.EXPLAINS if _EXPLANATION.search(scheme.id)
                    else RelationKind.SUPPORTS)
            support = Support(premises, ids[targets[0].id], line,
                              (f"scheme: {unknown}",) if unknown else (), kind=kind,
                              scheme=known)
            if unknown:
                draft.note(line, f"scheme `{unknown}` of RA node {scheme.id} is kept as a "
                                 "comment above the support: the language has no such scheme")
            inferences[scheme.id] = support
            draft.add_support(support)
    for scheme in schemes:
        line = lines.get(scheme.id, 0)
        if not isinstance(scheme.scheme, Attack):
            continue
        premises = tuple(ids[n.id] for n in graph.incoming_nodes(scheme) if n.id in ids)
        targets = list(graph.outgoing_nodes(scheme))
        if len(targets) != 1 or not premises:
            continue  # noted above
        target = targets[0].id
        for attacker in premises:
            if target in ids:
                draft.add_attack(attacker, ids[target], line)
            elif target in inferences:
                draft.undercuts.append((attacker, inferences[target], line))
            else:
                draft.note(line, f"CA node {scheme.id} attacks node {target}, which is "
                                 "neither an I node nor an inference; it is left out")
    return draft


def _ids_as_text(item: Any) -> Any:
    """An AIF node, edge or locution with its ids as text."""
    if not isinstance(item, dict):
        return item
    return {key: str(value) if key in _ID_KEYS and isinstance(value, int) else value
            for key, value in item.items()}


def _quoted(data: dict[str, Any]) -> dict[str, str]:
    """The I nodes asserted by a locution that names its source: each node's source."""
    types = {str(n.get("nodeID")): n.get("type") for n in data["nodes"]}
    sources = {str(loc.get("nodeID")): loc["source"] for loc in data.get("locutions") or []
               if isinstance(loc, dict) and isinstance(loc.get("source"), str)}
    into: dict[str, list[str]] = {}
    for edge in data.get("edges") or []:
        into.setdefault(str(edge.get("toID")), []).append(str(edge.get("fromID")))
    quoted = {}
    for node_id, node_type in types.items():
        if node_type != "I":
            continue
        for asserting in into.get(node_id, []):
            if types.get(asserting) == "YA":
                for locution in into.get(asserting, []):
                    if locution in sources:
                        quoted[node_id] = sources[locution]
    return quoted
