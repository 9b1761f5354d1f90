"""What the rules look at: a parsed file with its references resolved and its quotes located."""

from __future__ import annotations

import difflib
import os
from collections import defaultdict
from functools import cached_property

from ..model import Comparison, DocumentMap, Link, Node, NodeKind, Ref, RelationKind
from ..quotes import QuoteMatch, QuoteMiss, SourceText
from ..workspace import Workspace, relative_to

__all__ = ["MapContext", "ComparisonContext", "closest", "closest_sibling"]


def closest(word: str, candidates) -> str | None:
    """The candidate nearest to `word`, for a "did you mean" (None when nothing is near)."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def closest_sibling(path: str, suffix: str = "") -> str | None:
    """The name of the file beside `path` (ending in `suffix`) nearest to its name."""
    folder, name = os.path.split(path)
    try:
        names = sorted(n for n in os.listdir(folder or ".") if n != name and n.endswith(suffix))
    except OSError:
        return None
    # Compare what comes before the shared suffix, which would make every name look alike.
    stems = {n[: len(n) - len(suffix)]: n for n in names}
    stem = name[: len(name) - len(suffix)] if name.endswith(suffix) else name
    guess = closest(stem, stems)
    return stems[guess] if guess else None


class MapContext:
    """A document map and the graph of its resolved relations."""

    def __init__(self, document_map: DocumentMap, workspace: Workspace):
        self.map = document_map
        self.workspace = workspace
        self.nodes: dict[str, Node] = {}
        for node in document_map.nodes:
            self.nodes.setdefault(node.id, node)

    def resolve(self, ref: Ref) -> Node | None:
        """The node a reference names; `DOC.NODE` resolves only when DOC is this document."""
        if ref.document is not None and ref.document != self.map.id:
            return None
        return self.nodes.get(ref.node)

    @cached_property
    def supporters(self) -> dict[str, list[str]]:
        """For each node id, the ids of the nodes that support it."""
        return self._edges(RelationKind.SUPPORTS, reverse=True)

    @cached_property
    def supported(self) -> dict[str, list[str]]:
        """For each node id, the ids of the nodes it supports."""
        return self._edges(RelationKind.SUPPORTS, reverse=False)

    @cached_property
    def attackers(self) -> dict[str, list[str]]:
        """For each node id, the ids of the nodes that attack it."""
        return self._edges(RelationKind.ATTACKS, reverse=True)

    @cached_property
    def undercut(self) -> set[str]:
        """Ids of the nodes whose support some node undercuts."""
        return {supported.id for node in self.nodes.values() for relation in node.relations
                if isinstance(relation.target, Link)
                for supported in [self.resolve(relation.target.supported)] if supported}

    @cached_property
    def links(self) -> set[tuple[str, str]]:
        """Every support link as (supporter id, supported id)."""
        return {(source, target) for target, sources in self.supporters.items() for source in sources}

    def link_ends(self, link: Link) -> tuple[Node | None, Node | None]:
        """The nodes at both ends of an undercut's target link."""
        return self.resolve(link.supporter), self.resolve(link.supported)

    def _edges(self, kind: RelationKind, reverse: bool) -> dict[str, list[str]]:
        edges: dict[str, list[str]] = defaultdict(list)
        for node in self.nodes.values():
            for relation in node.relations:
                if relation.kind is not kind:
                    continue
                target = self.resolve(relation.target)
                if target is None or target.id == node.id:
                    continue
                if reverse:
                    edges[target.id].append(node.id)
                else:
                    edges[node.id].append(target.id)
        return edges

    @cached_property
    def source_path(self) -> str | None:
        """The source file, as a path to open, when the header names one."""
        header = self.map.header
        field = header.get("source") if header else None
        return relative_to(self.map.path, field.value) if field else None

    @cached_property
    def source(self) -> SourceText | str | None:
        """The source text, why it cannot be read, or None when no source is named."""
        return self.workspace.source(self.source_path) if self.source_path else None

    @cached_property
    def quotes(self) -> dict[str, QuoteMatch | QuoteMiss]:
        """Where each evidence quote is in the source (empty when there is no source)."""
        if not isinstance(self.source, SourceText):
            return {}
        evidence = [n for n in self.nodes.values() if n.kind is NodeKind.EVIDENCE]
        results = self.source.locate([n.text for n in evidence])
        return {node.id: result for node, result in zip(evidence, results)}


class ComparisonContext:
    """A comparison and the document maps it uses."""

    def __init__(self, comparison: Comparison, workspace: Workspace, maps: dict[str, MapContext]):
        self.comparison = comparison
        self.workspace = workspace
        #: The context of each used map, by document id (the first map to claim an id).
        self.documents: dict[str, MapContext] = {}
        #: Each `use` and the file it names, loaded, or None when it cannot be read.
        self.used = []
        for use in comparison.uses:
            path = relative_to(comparison.path, use.path)
            try:
                loaded = workspace.load(path)
            except OSError:
                loaded = None
            self.used.append((use, loaded))
            if loaded is not None and isinstance(loaded.model, DocumentMap):
                context = maps.setdefault(loaded.path, MapContext(loaded.model, workspace))
                if context.map.id is not None:
                    self.documents.setdefault(context.map.id, context)
        #: The `use` lines whose file is a document map with an id.
        self.used_maps = [(use, loaded) for use, loaded in self.used
                          if loaded is not None and isinstance(loaded.model, DocumentMap)
                          and loaded.model.id is not None]
        #: Whether some used file is not such a map: then an unknown document may be that
        #: file's, and its own findings say what is wrong.
        self.incomplete = len(self.used_maps) < len(self.used)

    def resolve(self, ref: Ref) -> Node | None:
        """The node `DOC.NODE` names, when both exist."""
        context = self.documents.get(ref.document or "")
        return context.nodes.get(ref.node) if context else None
