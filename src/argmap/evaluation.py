"""Which nodes of a map stand: each labelled in, out or undecided (docs/evaluation.md).

Attacks and undercuts defeat as in Dung's grounded semantics; a claim stands only while
some support of it stands (a linked support stands while every one of its premises does),
and evidence and assumptions stand unless defeated. The labelling is the least fixed point
of the rules in `evaluate` (the table of docs/evaluation.md), reached by applying them
until nothing changes: a node or inference is labelled only once the labels it depends on
settle it, so what is never settled (an attack cycle, a circle of support) stays
undecided.

`evaluate(semantics)` is a pure function of a map's semantics: `argmap evaluate`, the
`thesis-defeated` rule and any drawing or report read the same `Labelling`.
"""

from __future__ import annotations

import enum
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping

import attrs
from attrs import frozen

from .lexicon import GROUND_KINDS, NodeKind
from .semantics import Inference, MapSemantics

__all__ = ["Label", "Labelling", "evaluate"]


class Label(str, enum.Enum):
    """Whether a node (or an inference) stands."""

    IN = "in"
    OUT = "out"
    UNDECIDED = "undecided"
    #: It stands, but a rival that stands is ranked above it (`outranks`): an alternative
    #: the author considers and ranks lower, not one they refute.
    OUTWEIGHED = "outweighed"


@frozen(eq=False)
class Labelling:
    """The label of every node and of every inference of a map, and what decided it."""

    #: Each node's label, by id, in the map's order.
    nodes: dict[str, Label]
    #: Each inference's label, in the map's order.
    inferences: dict[Inference, Label]
    #: For each node id, the nodes that attack it.
    attackers: dict[str, list[str]]
    #: For each inference, the nodes that undercut it.
    undercutters: dict[Inference, list[str]]
    #: For each node id, its supports (empty for evidence and assumptions: they need none).
    supports: dict[str, list[Inference]]
    #: For each node id, its explanations, the nodes conceded against it and those ranked
    #: above it: none defeats it.
    explanations: dict[str, list[Inference]] = attrs.field(factory=dict)
    conceded: dict[str, list[str]] = attrs.field(factory=dict)
    outranked_by: dict[str, list[str]] = attrs.field(factory=dict)
    #: For each thesis that stands, the schemes it rests on whose critical questions the
    #: map leaves open, each as "scheme (`premise` → `conclusion`): question tags".
    open_questions: dict[str, list[str]] = attrs.field(factory=dict)
    #: The defeaters of each node worked out so far (see `defeaters`).
    _found: dict[str, tuple[str, ...]] = attrs.field(factory=dict, init=False, repr=False)

    def reason(self, node_id: str) -> str:
        """Why a node has its label, in words; for a node that stands, what weakens it
        without defeating it (a concession, open critical questions), or nothing."""
        label = self.nodes[node_id]
        if label is Label.IN:
            return "; ".join(self._weakened(node_id))
        if label is Label.OUTWEIGHED:
            above = self._standing(self.outranked_by.get(node_id, []))
            return "; ".join([f"stands, ranked below {_names(above)}",
                              *self._weakened(node_id)])
        attackers = [a for a in self.attackers.get(node_id, [])
                     if self.nodes[a] is _defeating(label)]
        if attackers:
            verb = "attacked by" if label is Label.OUT else "attacked by undecided"
            return f"{verb} {_names(attackers)}"
        supports = self.supports.get(node_id)
        if supports is None:  # evidence or an assumption: only an attack defeats it
            return ""
        if not supports:
            explainers = [p for inference in self.explanations.get(node_id, [])
                          for p in inference.premises]
            if explainers:
                return (f"nothing supports it ({_names(explainers)} only "
                        f"{'explains' if len(explainers) == 1 else 'explain'} why it is so)")
            return "nothing supports it"
        if label is Label.OUT:
            return f"every support of it is out ({'; '.join(map(self._why_out, supports))})"
        return "no support of it stands yet ({})".format("; ".join(
            self._why_undecided(inference) for inference in supports
            if self.inferences[inference] is Label.UNDECIDED))

    def _standing(self, node_ids: Iterable[str]) -> list[str]:
        """Those of `node_ids` that stand: in, or in and outweighed (which the weighing of
        preferences found in); an undecided one does not."""
        return [n for n in node_ids if self.nodes[n] in (Label.IN, Label.OUTWEIGHED)]

    def _weakened(self, node_id: str) -> list[str]:
        """What weakens a standing node without defeating it, in words."""
        found = []
        conceded = self._standing(self.conceded.get(node_id, []))
        if conceded:
            found.append(f"stands, though the author concedes {_names(conceded)} against it")
        if self.open_questions.get(node_id):
            found.append("rests on " + "; ".join(self.open_questions[node_id]))
        return found

    def defeaters(self, node_id: str) -> list[str]:
        """The attacking and undercutting nodes behind a node's not standing: those that
        attack it or undercut its supports with the same label (in for an out node,
        undecided for an undecided one), then, for each premise of its supports with its
        label, that premise's defeaters; each once.

        Each node's defeaters are worked out once and kept: asked of every node of a chain,
        a walk down the chain from each would take time in the square of its length."""
        found = self._found
        if node_id not in found:
            order, cyclic = self._below(node_id)
            if cyclic:  # a circle of support: what is kept would miss what is on the circle
                return list(dict.fromkeys(d for own in self._walk(node_id).values()
                                          for d in own))
            for current in order:
                found[current] = tuple(self._defeaters_of(current, found))
        return list(found[node_id])

    def _same_label_premises(self, node_id: str) -> Iterator[str]:
        label = self.nodes[node_id]
        if label is Label.IN or label is Label.OUTWEIGHED:
            return
        for inference in self.supports.get(node_id, []):
            yield from (p for p in inference.premises if self.nodes[p] is label)

    def _own(self, node_id: str) -> Iterator[str]:
        """The nodes that attack `node_id`, or undercut a support of it, and defeat it."""
        label = self.nodes[node_id]
        if label is Label.IN or label is Label.OUTWEIGHED:
            return
        yield from (a for a in self.attackers.get(node_id, [])
                    if self.nodes[a] is _defeating(label))
        for inference in self.supports.get(node_id, []):
            yield from (u for u in self.undercutters.get(inference, [])
                        if self.nodes[u] is _defeating(label))

    def _defeaters_of(self, node_id: str, below: Mapping[str, Iterable[str]]) -> dict[str, None]:
        """`node_id`'s own defeaters, then those `below` holds for its premises."""
        found = dict.fromkeys(self._own(node_id))
        for premise in self._same_label_premises(node_id):
            found.update(dict.fromkeys(below.get(premise, ())))
        return found

    def _below(self, node_id: str) -> tuple[list[str], bool]:
        """The nodes below `node_id` through premises of its label not yet worked out, each
        after those below it; and whether they go round a circle."""
        found = self._found
        order: list[str] = []
        state: dict[str, bool] = {node_id: False}  # False while its premises are visited
        stack = [(node_id, iter(self._same_label_premises(node_id)))]
        while stack:
            current, premises = stack[-1]
            premise = next(premises, None)
            if premise is None:
                stack.pop()
                state[current] = True
                order.append(current)
            elif premise in found or state.get(premise):
                continue
            elif premise in state:
                return order, True
            else:
                state[premise] = False
                stack.append((premise, iter(self._same_label_premises(premise))))
        return order, False

    def _walk(self, node_id: str) -> dict[str, tuple[str, ...]]:
        """Every node below `node_id` through premises of its label, with its own
        defeaters: for a node on a circle of support, where nothing is kept."""
        seen: dict[str, tuple[str, ...]] = {}
        pending = deque([node_id])
        while pending:
            current = pending.popleft()
            if current in seen:
                continue
            seen[current] = tuple(self._own(current))
            pending += self._same_label_premises(current)
        return seen

    def _why_out(self, inference: Inference) -> str:
        undercutters = [u for u in self.undercutters.get(inference, [])
                        if self.nodes[u] is Label.IN]
        if undercutters:
            return f"{_premises(inference)}: undercut by {_names(undercutters)}"
        out = [p for p in inference.premises if self.nodes[p] is Label.OUT]
        return f"{_premises(inference)}: {_names(out)} out"

    def _why_undecided(self, inference: Inference) -> str:
        undercutters = [u for u in self.undercutters.get(inference, [])
                        if self.nodes[u] is Label.UNDECIDED]
        if undercutters:
            return f"{_premises(inference)}: undercut by undecided {_names(undercutters)}"
        waiting = [p for p in inference.premises if self.nodes[p] is Label.UNDECIDED]
        return f"{_premises(inference)}: {_names(waiting)} undecided"


def evaluate(semantics: MapSemantics) -> Labelling:
    """The labelling of a map's nodes and inferences.

    >>> from argmap.parsing import parse
    >>> labelling = evaluate(MapSemantics(parse('''
    ... document d "D" { }
    ... thesis t "T."
    ... assumption a "A." supports t
    ... objection o "O." attacks t
    ... assumption b "B." supports o
    ... rebuttal r "R." attacks o
    ... assumption c "C." supports r
    ... ''', "m.arg")))
    >>> {node: label.value for node, label in labelling.nodes.items()}
    {'t': 'in', 'a': 'in', 'o': 'out', 'b': 'in', 'r': 'in', 'c': 'in'}
    >>> labelling.reason("o")
    'attacked by `r`'
    """
    attackers: dict[str, list[str]] = {node: list(dict.fromkeys(found))
                                       for node, found in semantics.attackers.items()}
    # The inferences by their index in the map's order: labelled in a list, and each one's
    # premises and undercutters looked up by index (hashing an inference costs more).
    every = semantics.every_inference
    index = {id(inference): number for number, inference in enumerate(every)}
    undercutters: dict[Inference, list[str]] = {}
    against_inference: dict[int, list[str]] = {}
    for undercut in semantics.undercuts:
        for inference in undercut.inferences:
            found = against_inference.setdefault(index[id(inference)], [])
            if undercut.node not in found:
                found.append(undercut.node)
                undercutters.setdefault(inference, found)
    supports = {node_id: list(semantics.inferences.get(node_id, ()))
                for node_id, node in semantics.nodes.items() if node.kind not in GROUND_KINDS}
    held_by = {node_id: [index[id(inference)] for inference in found]
               for node_id, found in supports.items()}
    premises = [inference.premises for inference in every]
    conclusions = [inference.conclusion for inference in every]
    nodes = dict.fromkeys(semantics.nodes, Label.UNDECIDED)
    labels = [Label.UNDECIDED] * len(every)
    no_one: list[str] = []
    IN, OUT, UNDECIDED = Label.IN, Label.OUT, Label.UNDECIDED  # read often: held locally

    def node_label(node_id: str) -> Label:
        # Out when an attacker is in, or every support is out (none counts); in when every
        # attacker is out and, for a claim, some support is in.
        unattacked = True  # every attacker out
        for attacker in attackers.get(node_id, no_one):
            label = nodes[attacker]
            if label is IN:
                return OUT
            if label is not OUT:
                unattacked = False
        found = held_by.get(node_id)
        if found is None:  # evidence or an assumption: it needs no support
            return IN if unattacked else UNDECIDED
        some_in, all_out = False, True
        for number in found:
            label = labels[number]
            if label is not OUT:
                all_out = False
                some_in = some_in or label is IN
        if all_out:
            return OUT
        return IN if unattacked and some_in else UNDECIDED

    def inference_label(number: int) -> Label:
        # Out when a premise is out or an undercutter in; in when every premise is in and
        # every undercutter out.
        settled = True
        for premise in premises[number]:
            label = nodes[premise]
            if label is OUT:
                return OUT
            if label is not IN:
                settled = False
        for undercutter in against_inference.get(number, no_one):
            label = nodes[undercutter]
            if label is IN:
                return OUT
            if label is not OUT:
                settled = False
        return IN if settled else UNDECIDED

    # Labels only ever go from undecided to in or out, so each node and inference is
    # labelled at most once; one is looked at again only when something it depends on has
    # just been labelled, which keeps a long chain of supports linear rather than quadratic.
    # An inference is pending by its index (an int), a node by its id (a str). The nodes
    # come first, the last written first: a map is mostly written from its thesis down, so
    # most are then looked at after what they rest on (a third fewer looks at 100,000
    # nodes); the labels are the same in any order.
    depending: dict[str, list[str | int]] = defaultdict(list)
    for node_id, targets in attackers.items():
        for attacker in targets:
            depending[attacker].append(node_id)
    for number, inference in enumerate(every):
        for premise in inference.premises:
            depending[premise].append(number)
        for undercutter in against_inference.get(number, no_one):
            depending[undercutter].append(number)
    pending: deque[str | int] = deque([*reversed(nodes), *range(len(every))])
    while pending:
        item = pending.popleft()
        if isinstance(item, int):
            if labels[item] is UNDECIDED:
                label = labels[item] = inference_label(item)
                if label is not UNDECIDED:
                    pending.append(conclusions[item])
        elif nodes[item] is UNDECIDED:
            label = nodes[item] = node_label(item)
            if label is not UNDECIDED:
                pending.extend(depending.get(item, no_one))
    # A preference weighs, it does not attack: a node that stands with a rival that stands
    # ranked above it is outweighed, and what rests on it keeps the label it had.
    standing = {node_id for node_id, label in nodes.items() if label is IN}
    for node_id, above in semantics.outranked_by.items():
        if node_id in standing and standing.intersection(above):
            nodes[node_id] = Label.OUTWEIGHED
    inference_labels = dict(zip(every, labels))
    return Labelling(nodes, inference_labels, attackers, undercutters, supports,
                     dict(semantics.explanations), dict(semantics.conceded),
                     dict(semantics.outranked_by),
                     _open_questions(semantics, nodes, inference_labels))


def _open_questions(semantics: MapSemantics, nodes: dict[str, Label],
                    inferences: dict[Inference, Label]) -> dict[str, list[str]]:
    """For each thesis that stands, the schemes of the standing supports it rests on (its
    own and, through their premises, those below) whose critical questions are open."""
    found: dict[str, list[str]] = {}
    for thesis, node in semantics.nodes.items():
        if node.kind is not NodeKind.THESIS or nodes[thesis] is not Label.IN:
            continue
        seen, pending, open_ = {thesis}, deque([thesis]), []
        while pending:
            for inference in semantics.inferences.get(pending.popleft(), ()):
                if inferences.get(inference) is not Label.IN:
                    continue
                questions = semantics.open_questions(inference)
                if questions and inference.scheme is not None:
                    open_.append(f"{inference.scheme.name} ({_premises(inference)} → "
                                 f"`{inference.conclusion}`) with open critical questions: "
                                 + ", ".join(tag for tag, _ in questions))
                fresh = [p for p in inference.premises if p not in seen]
                seen.update(fresh)
                pending.extend(fresh)
        if open_:
            found[thesis] = open_
    return found


def _defeating(label: Label) -> Label:
    """The label of an attacker that gives a node this label: in for out, else undecided."""
    return Label.IN if label is Label.OUT else Label.UNDECIDED


def _names(ids: list[str]) -> str:
    return ", ".join(f"`{i}`" for i in ids)


def _premises(inference: Inference) -> str:
    """How a support is named in a reason: `a`, or `a` + `b` for a linked one.

    >>> from argmap.model import Lines, Ref, Relation
    >>> from argmap.lexicon import RelationKind
    >>> relation = Relation(RelationKind.SUPPORTS, "a", Ref("c", 0, Lines("m.arg", "")))
    >>> _premises(Inference("c", ("a", "b"), relation))
    '`a` + `b`'
    """
    return " + ".join(f"`{premise}`" for premise in inference.premises)
