"""What a parsed file means: its references resolved, its support graph, its quotes located.

The lint rules, `render`, `stats` and the public API all read a file through these classes.
Each is built by a named constructor from the model and what was read for it (`MapSemantics.of`
takes the source text; `Resolver` reads the files and caches what it builds); `__init__`
does no I/O, and the graphs are derived on first use.
"""

from __future__ import annotations

import functools
import os
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from typing import NamedTuple

from attrs import frozen

from ._tools import Suggestions
from .errors import InputError
from .lexicon import CLAIM_KINDS, GROUND_KINDS, SCHEMES, SOURCE, NodeKind, RelationKind, Scheme
from .model import Comparison, DocumentHeader, DocumentMap, Link, Node, Ref, Relation, Use
from .notebook import Drawable
from .quotes import QuoteMatch, QuoteMiss, SourceText
from .workspace import LoadedFile, Workspace, relative_to

__all__ = ["MapSemantics", "Inference", "Undercut", "ComparisonSemantics", "UsedFile", "Resolver",
           "source_path_of"]


def source_path_of(document_map: DocumentMap) -> str | None:
    """The map's source file as a path to open (relative to the map), when its header names one."""
    header = document_map.header
    field = header.get(SOURCE) if header else None
    return relative_to(document_map.path, field.value) if field else None


@frozen
class Inference:
    """A support: the premises that support a conclusion, one, or several linked ones that
    support it only together (`supports C with B, D`), and the relation that says so."""

    conclusion: str
    premises: tuple[str, ...]
    relation: Relation

    def __hash__(self) -> int:
        # Equal inferences have equal conclusions and premises. The relation is left out:
        # the evaluation keys its labels by inference, and hashing the relation, down to its
        # positions, took most of its time.
        return hash((self.conclusion, self.premises))

    @property
    def linked(self) -> bool:
        return len(self.premises) > 1

    @property
    def explains(self) -> bool:
        """Whether the premises say why the conclusion is so, rather than that it is: an
        explanation grounds nothing."""
        return self.relation.kind is RelationKind.EXPLAINS

    @property
    def scheme(self) -> Scheme | None:
        """The scheme the inference names, when the language knows it."""
        return SCHEMES.get(self.relation.scheme or "")


class _Resolved(NamedTuple):
    """The relations of a map between two of its nodes, resolved (`MapSemantics._resolved`)."""

    inferences: dict[str, list[Inference]]
    supporters: dict[str, list[str]]
    supported: dict[str, list[str]]
    attackers: dict[str, list[str]]
    every_inference: list[Inference]
    #: Each relation whose target is a link, with the id of the node it is written on.
    undercuts: list[tuple[str, Relation]]
    explanations: dict[str, list[Inference]]
    conceded: dict[str, list[str]]
    outranked_by: dict[str, list[str]]


@frozen
class Undercut:
    """An `undercuts A -> B` of a node, with the inferences it attacks: each support of B
    that A is a premise of (a linked one included)."""

    node: str
    relation: Relation
    link: Link
    inferences: tuple[Inference, ...]


class MapSemantics(Drawable):
    """A document map with its relations resolved and its quotes located in its source."""

    def __init__(self, document_map: DocumentMap, source: SourceText | str | None = None,
                 lines: Callable[[], Sequence[str]] = tuple):
        """`source`: the source text, why it cannot be read, or None when none is named;
        `lines`: gives the map's own text, line by line (to point into a string), when a
        finding asks: a check that finds little need not split a large map into lines."""
        self.map = document_map
        self.source = source
        self._lines = lines
        self.source_path = source_path_of(document_map)
        #: Each node by id (the first of the map's nodes with that id).
        self.nodes: dict[str, Node] = {}
        for node in document_map.nodes:
            self.nodes.setdefault(node.id, node)

    @classmethod
    def of(cls, document_map: DocumentMap, workspace: Workspace) -> MapSemantics:
        """The semantics of `document_map`, with its source read through `workspace`."""
        path = source_path_of(document_map)
        return cls(document_map, workspace.source(path, document_map.path) if path else None,
                   functools.partial(workspace.lines, document_map.path))

    @property
    def header(self) -> DocumentHeader:
        """The map's one header, for what draws or shows the map. `InputError` when it has
        none or several: its `missing-document` error stops a drawing, unless a
        configuration lowers that rule."""
        header = self.map.header
        if header is None:
            raise InputError(f"{self.map.path} cannot be drawn: it has no single `document` "
                             "header (see its missing-document finding)")
        return header

    @cached_property
    def claims(self) -> list[Node]:
        """The nodes that make claims (`CLAIM_KINDS`), in the map's order: those that should
        rest on evidence or an assumption."""
        return [node for node in self.nodes.values() if node.kind in CLAIM_KINDS]

    @cached_property
    def theses(self) -> list[Node]:
        """The map's theses, in its order."""
        return [node for node in self.claims if node.kind is NodeKind.THESIS]

    @cached_property
    def suggestions(self) -> Suggestions:
        """The node ids, for a "did you mean" when a reference names none of them."""
        return Suggestions(self.nodes)

    def line(self, number: int) -> str | None:
        """Line `number` of the map's text, if it has one."""
        lines = self._lines()
        return lines[number - 1] if 1 <= number <= len(lines) else None

    def resolve(self, ref: Ref) -> Node | None:
        """The node a reference names; `DOC.NODE` resolves only when DOC is this document."""
        if ref.document is not None and ref.document != self.map.id:
            return None
        return self.nodes.get(ref.node)

    @cached_property
    def inferences(self) -> dict[str, list[Inference]]:
        """For each node id, its supports, in the map's order. A linked node that does not
        exist is left out (`unknown-reference` reports it), rather than making its support
        ground nothing."""
        return self._resolved.inferences

    @cached_property
    def _resolved(self) -> _Resolved:
        """Every relation of the map between two of its nodes resolved, in one pass over its
        relations (each reference looked up once): the supports and attacks, which every
        rule shares, the explanations, concessions and preferences, and each relation whose
        target is a link (an undercut) with the id of its node."""
        inferences: dict[str, list[Inference]] = defaultdict(list)
        supporters: dict[str, list[str]] = defaultdict(list)
        supported: dict[str, list[str]] = defaultdict(list)
        attackers: dict[str, list[str]] = defaultdict(list)
        every: list[Inference] = []
        cuts: list[tuple[str, Relation]] = []
        explanations: dict[str, list[Inference]] = defaultdict(list)
        conceded: dict[str, list[str]] = defaultdict(list)
        outranked_by: dict[str, list[str]] = defaultdict(list)
        nodes, own = self.nodes, self.map.id
        supports, attacks = RelationKind.SUPPORTS, RelationKind.ATTACKS
        explains, concedes, outranks = (RelationKind.EXPLAINS, RelationKind.CONCEDES,
                                        RelationKind.OUTRANKS)
        for node in nodes.values():
            node_id = node.id
            for relation in node.relations:
                kind, ref = relation.kind, relation.target
                if isinstance(ref, Link):
                    cuts.append((node_id, relation))  # an undercut (see `undercuts`)
                    continue
                end = ref.node  # the target's id, when it names a node of the map
                if (ref.document is not None and ref.document != own) or end not in nodes:
                    continue
                if relation.jointly:
                    premises = [node, *map(self.resolve, relation.jointly)]
                    ids = tuple(dict.fromkeys(p.id for p in premises if p is not None))
                else:
                    ids = (node_id,)
                if kind is supports:
                    inference = Inference(end, ids, relation)
                    inferences[end].append(inference)
                    every.append(inference)
                    for start in ids:
                        if start != end:
                            supporters[end].append(start)
                            supported[start].append(end)
                elif kind is attacks:
                    for start in ids:
                        if start != end:
                            attackers[end].append(start)
                elif kind is explains:
                    explanations[end].append(Inference(end, ids, relation))
                elif (kind is concedes or kind is outranks) and end != node_id:
                    (conceded if kind is concedes else outranked_by)[end].append(node_id)
        return _Resolved(inferences, supporters, supported, attackers, every, cuts,
                         explanations, conceded, outranked_by)

    @cached_property
    def explanations(self) -> dict[str, list[Inference]]:
        """For each node id, the explanations of it (`explains`), in the map's order: why it
        is so, which grounds nothing."""
        return self._resolved.explanations

    @cached_property
    def conceded(self) -> dict[str, list[str]]:
        """For each node id, the nodes the author concedes against it."""
        return self._resolved.conceded

    @cached_property
    def outranked_by(self) -> dict[str, list[str]]:
        """For each node id, the nodes ranked above it (`outranks`)."""
        return self._resolved.outranked_by

    def open_questions(self, inference: Inference) -> list[tuple[str, str]]:
        """The critical questions of an inference's scheme that no node answers: a node
        answers one by carrying its tag and bearing on the inference (undercutting it) or
        on its conclusion or one of its premises (by any relation)."""
        scheme = inference.scheme
        if scheme is None:
            return []
        ends = {inference.conclusion, *inference.premises}
        answered = set()
        for node in self.nodes.values():
            tags = set(node.tags)
            if not tags.intersection(tag for tag, _ in scheme.questions):
                continue
            for relation in node.relations:
                bears = any(end is not None and end.id in ends
                            for end in map(self.resolve, relation.refs))
                if bears:
                    answered |= tags
        return [(tag, question) for tag, question in scheme.questions if tag not in answered]

    @cached_property
    def every_inference(self) -> list[Inference]:
        """Every support of the map as one list, in the order the map writes them (the
        order of its nodes and of their relations, in which they are resolved)."""
        return self._resolved.every_inference

    @cached_property
    def undercuts(self) -> list[Undercut]:
        """Every undercut the map writes whose link resolves, in the map's order; one that
        names no support of the map attacks nothing (`invalid-relation` reports it)."""
        found = []
        for node_id, relation in self._resolved.undercuts:
            link = relation.target
            assert isinstance(link, Link)
            supporter, supported = self.link_ends(link)
            if supporter is None or supported is None:
                continue
            attacked = tuple(inference for inference in self.inferences.get(supported.id, ())
                             if supporter.id in inference.premises)
            found.append(Undercut(node_id, relation, link, attacked))
        return found

    @cached_property
    def grounded(self) -> set[str]:
        """Ids of the nodes that rest on evidence or an assumption: those, and every node
        one of whose supports has all its premises grounded (a linked support grounds only
        when every one of its nodes does)."""
        inferences = self.inferences
        no_support: list[Inference] = []
        grounded = {node_id for node_id, node in self.nodes.items() if node.kind in GROUND_KINDS}
        # A pass grounds what it can, the last claim written first: a map is mostly written
        # from its thesis down, so a claim is most often looked at after what it rests on; a
        # pass the other way over what it left grounds most of a map written upwards.
        left = [node.id for node in reversed(self.claims)]
        for _ in range(2):
            passed, left = left, []
            for claim in passed:
                for inference in inferences.get(claim, no_support):
                    premises = inference.premises
                    if premises[0] in grounded if len(premises) == 1 \
                            else grounded.issuperset(premises):
                        grounded.add(claim)
                        break
                else:
                    left.append(claim)
            left.reverse()
        if not left:
            return grounded
        # The rest, from what they still wait for: each inference of a claim left is counted
        # down as its premises are grounded, so that a chain written upwards stays linear.
        missing: list[int] = []  # for each inference of a claim left, its premises not grounded
        conclusions: list[str] = []
        waiting: dict[str, list[int]] = defaultdict(list)  # premise -> inferences it is in
        for claim in left:
            for inference in inferences.get(claim, no_support):
                index = len(missing)
                count = 0
                for premise in inference.premises:
                    if premise not in grounded:
                        waiting[premise].append(index)
                        count += 1
                missing.append(count)
                conclusions.append(claim)
        queue: deque[str] = deque()
        for index, count in enumerate(missing):
            if count == 0 and (conclusion := conclusions[index]) not in grounded:
                grounded.add(conclusion)
                queue.append(conclusion)
        while queue:
            for index in waiting.get(queue.popleft(), ()):
                missing[index] -= 1
                if missing[index] == 0 and (conclusion := conclusions[index]) not in grounded:
                    grounded.add(conclusion)
                    queue.append(conclusion)
        return grounded

    @cached_property
    def supporters(self) -> dict[str, list[str]]:
        """For each node id, the ids of the nodes that support it, alone or linked."""
        return self._resolved.supporters

    @cached_property
    def supported(self) -> dict[str, list[str]]:
        """For each node id, the ids of the nodes it supports, alone or linked."""
        return self._resolved.supported

    @cached_property
    def attackers(self) -> dict[str, list[str]]:
        """For each node id, the ids of the nodes that attack it."""
        return self._resolved.attackers

    @cached_property
    def undercut(self) -> set[str]:
        """Ids of the nodes whose support some node undercuts."""
        return {supported.id for _, relation in self._resolved.undercuts
                if isinstance(relation.target, Link)
                for supported in [self.resolve(relation.target.supported)] if supported}

    @cached_property
    def links(self) -> set[tuple[str, str]]:
        """Every support link as (supporter id, supported id)."""
        return {(source, target) for target, sources in self.supporters.items()
                for source in sources}

    def link_ends(self, link: Link) -> tuple[Node | None, Node | None]:
        """The nodes at both ends of an undercut's target link."""
        return self.resolve(link.supporter), self.resolve(link.supported)

    @cached_property
    def quotes(self) -> dict[str, QuoteMatch | QuoteMiss]:
        """Where each evidence quote is in the source (empty when there is no source)."""
        if not isinstance(self.source, SourceText):
            return {}
        evidence = [n for n in self.nodes.values() if n.kind is NodeKind.EVIDENCE]
        results = self.source.locate([n.text for n in evidence])
        return dict(zip((node.id for node in evidence), results))


@frozen
class UsedFile:
    """A `use` line of a comparison and the file it names, loaded (None when it cannot be
    read)."""

    use: Use
    loaded: LoadedFile | None
    #: Why the file was not read, when argmap refused to read it (it lies outside the
    #: project).
    refused: str | None = None

    @property
    def document_id(self) -> str | None:
        """The id of the file's document, when it is a document map with one."""
        model = self.loaded.model if self.loaded is not None else None
        return model.id if isinstance(model, DocumentMap) else None


class ComparisonSemantics(Drawable):
    """A comparison, the files it uses, and the semantics of the document maps among them."""

    def __init__(self, comparison: Comparison, used: tuple[UsedFile, ...],
                 maps: tuple[MapSemantics, ...]):
        """`maps`: the semantics of the used document maps, in the order of `used`."""
        self.comparison = comparison
        #: Each `use` and the file it names.
        self.used = used
        #: The semantics of each used map, by document id (the first map to claim an id).
        self.documents: dict[str, MapSemantics] = {}
        for semantics in maps:
            if semantics.map.id is not None:
                self.documents.setdefault(semantics.map.id, semantics)
        #: The `use` lines whose file is a document map with an id.
        self.used_maps = tuple(used_file for used_file in used if used_file.document_id)
        #: Whether some used file is not such a map: then an unknown document may be that
        #: file's, and its own findings say what is wrong.
        self.incomplete = len(self.used_maps) < len(used)

    def resolve(self, ref: Ref) -> Node | None:
        """The node `DOC.NODE` names, when both exist."""
        semantics = self.documents.get(ref.document or "")
        return semantics.nodes.get(ref.node) if semantics else None


class Resolver:
    """Reads files through a workspace and builds their semantics, each once while it is
    held: a comparison and the check of a map it uses share that map's semantics. A run over
    many files lets go of each once it is checked (`done_with`)."""

    def __init__(self, workspace: Workspace | None = None):
        self.workspace = workspace if workspace is not None else Workspace()
        self._maps: dict[str, MapSemantics] = {}
        # For `done_with`: the real paths of the files checked, and of the maps that a
        # comparison checked uses and that are not checked yet.
        self._checked: set[str] = set()
        self._awaited: set[str] = set()

    def done_with(self, path: str, used: Iterable[str] = ()) -> None:
        """The file at `path` is checked, and `used` names the maps it uses (a comparison's,
        checked next): let go of every file read and semantics built but those of the maps
        a comparison uses and that are not checked yet, and their sources. A run over many
        files then holds one file's model at a time, not every one (a map checked before a
        comparison that uses it is read again for the comparison)."""
        key = os.path.realpath(path)
        self._checked.add(key)
        self._awaited.discard(key)
        self._awaited |= {os.path.realpath(p) for p in used} - self._checked
        self._maps = {k: semantics for k, semantics in self._maps.items() if k in self._awaited}
        sources = set()
        for semantics in self._maps.values():
            if semantics.source_path is not None:
                sources.add(os.path.realpath(semantics.source_path))
        self.workspace.keep_only(self._awaited, sources)

    def load(self, path: str) -> LoadedFile:
        """Read and parse a `.arg` file; `OSError` when it cannot be read at all."""
        return self.workspace.load(path)

    def load_named(self, path: str) -> LoadedFile:
        """Read and parse a `.arg` file the user named (not one a comparison uses):
        `InputError`, which stops the run, when it cannot be read."""
        try:
            return self.workspace.load(path)
        except OSError as error:
            raise InputError(f"cannot read {path}: {error.strerror or error}") from None

    def map(self, loaded: LoadedFile) -> MapSemantics:
        """The semantics of a loaded document map."""
        assert isinstance(loaded.model, DocumentMap)
        key = os.path.realpath(loaded.path)
        if key not in self._maps:
            self._maps[key] = MapSemantics.of(loaded.model, self.workspace)
        return self._maps[key]

    def comparison(self, loaded: LoadedFile) -> ComparisonSemantics:
        """The semantics of a loaded comparison, with the maps it uses read."""
        assert isinstance(loaded.model, Comparison)
        used = []
        for use in loaded.model.uses:
            path = relative_to(loaded.path, use.path)
            refused = self.workspace.outside(path, loaded.path)
            if refused is not None:
                used.append(UsedFile(use, None, refused))
                continue
            try:
                used.append(UsedFile(use, self.load(path)))
            except OSError:
                used.append(UsedFile(use, None))
        maps = tuple(self.map(used_file.loaded) for used_file in used
                     if used_file.loaded is not None
                     and isinstance(used_file.loaded.model, DocumentMap))
        return ComparisonSemantics(loaded.model, tuple(used), maps)

    def files_of(self, path: str) -> set[str]:
        """The real paths of the file at `path` and, for a comparison, of the files it uses:
        the files whose errors stop it from being drawn or reported."""
        loaded = self.load(path)
        files = {os.path.realpath(loaded.path)}
        if isinstance(loaded.model, Comparison):
            files |= {os.path.realpath(used.loaded.path)
                      for used in self.comparison(loaded).used if used.loaded is not None}
        return files

    def of(self, loaded: LoadedFile) -> MapSemantics | ComparisonSemantics:
        """The semantics of a loaded file that parsed."""
        if isinstance(loaded.model, Comparison):
            return self.comparison(loaded)
        return self.map(loaded)
