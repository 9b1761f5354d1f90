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
    # The labelling reads the attackers as they are (a repeated one changes no label);
    # the labelling it gives names each attacker once.
    attacking = semantics.attackers
    attackers: dict[str, list[str]] = {node: found[:] if len(found) == 1
                                       else list(dict.fromkeys(found))
                                       for node, found in attacking.items()}
    # The undercutters of each inference, by its identity (hashing an inference costs more).
    undercutters: dict[Inference, list[str]] = {}
    against: dict[int, list[str]] = {}
    for undercut in semantics.undercuts:
        for inference in undercut.inferences:
            found = against.setdefault(id(inference), [])
            if undercut.node not in found:
                found.append(undercut.node)
                undercutters.setdefault(inference, found)
    every = semantics.every_inference
    inferences = semantics.inferences
    no_one: list[str] = []
    no_support: list[Inference] = []
    supports = {node.id: [*inferences.get(node.id, no_support)] for node in semantics.claims}
    nodes = dict.fromkeys(semantics.nodes, Label.UNDECIDED)
    IN, OUT, UNDECIDED = Label.IN, Label.OUT, Label.UNDECIDED  # read often: held locally

    def inference_label(inference: Inference) -> Label:
        # Out when a premise is out or an undercutter in; in when every premise is in and
        # every undercutter out.
        premises = inference.premises
        cut = against.get(id(inference), no_one) if against else no_one
        if len(premises) == 1 and not cut:  # most often: it stands or falls with its premise
            return nodes[premises[0]]
        settled = True
        for premise in premises:
            label = nodes[premise]
            if label is OUT:
                return OUT
            if label is not IN:
                settled = False
        for undercutter in cut:
            label = nodes[undercutter]
            if label is IN:
                return OUT
            if label is not OUT:
                settled = False
        return IN if settled else UNDECIDED

    def node_label(node_id: str) -> Label:
        # Out when an attacker is in, or every support is out (none counts); in when every
        # attacker is out and, for a claim, some support is in.
        unattacked = True  # every attacker out
        for attacker in attacking.get(node_id, no_one):
            label = nodes[attacker]
            if label is IN:
                return OUT
            if label is not OUT:
                unattacked = False
        found = supports.get(node_id)
        if found is None:  # evidence or an assumption: it needs no support
            return IN if unattacked else UNDECIDED
        some_in, all_out = False, True
        for inference in found:
            label = inference_label(inference)
            if label is not OUT:
                all_out = False
                some_in = some_in or label is IN
        if all_out:
            return OUT
        return IN if unattacked and some_in else UNDECIDED

    # Labels only ever go from undecided to in or out (an inference's label follows from
    # those of its premises and undercutters), and a label given while others are still
    # undecided is the one the least fixed point gives: the rules only ever need more
    # labels, never fewer. So a pass labels what it can, the last node written first: a
    # map is mostly written from its thesis down, so most nodes are then looked at after
    # what they rest on (at 100,000 nodes, every one); a pass the other way over what it
    # left labels most of a map written upwards.
    open_ = list(reversed(nodes))
    for _ in range(2):
        left = []
        for node_id in open_:
            label = node_label(node_id)
            if label is UNDECIDED:
                left.append(node_id)
            else:
                nodes[node_id] = label
        open_ = left[::-1]
    # What is left is looked at again only when something it depends on has just been
    # labelled, which keeps a long chain linear rather than quadratic.
    depending: dict[str, list[str]] = defaultdict(list)
    for node_id in open_:
        for attacker in attacking.get(node_id, no_one):
            depending[attacker].append(node_id)
        for inference in supports.get(node_id, no_support):
            for premise in inference.premises:
                depending[premise].append(node_id)
            for undercutter in against.get(id(inference), no_one):
                depending[undercutter].append(node_id)
    pending = deque(open_)
    while pending:
        node_id = pending.popleft()
        if nodes[node_id] is UNDECIDED:
            label = node_label(node_id)
            if label is not UNDECIDED:
                nodes[node_id] = label
                pending.extend(depending.get(node_id, no_one))
    if against:
        inference_labels = {inference: inference_label(inference) for inference in every}
    else:  # most inferences have one premise, and then they have its label
        inference_labels = {
            inference: nodes[premises[0]] if len(premises := inference.premises) == 1
            else inference_label(inference) for inference in every}
    # A preference weighs, it does not attack: a node that stands with a rival that stands
    # ranked above it is outweighed, and what rests on it keeps the label it had.
    outranked_by = semantics.outranked_by
    if outranked_by:
        standing = {node_id for node_id, label in nodes.items() if label is IN}
        for node_id, above in outranked_by.items():
            if node_id in standing and standing.intersection(above):
                nodes[node_id] = Label.OUTWEIGHED
    return Labelling(nodes, inference_labels, attackers, undercutters, supports,
                     dict(semantics.explanations), dict(semantics.conceded),
                     dict(outranked_by),
                     _open_questions(semantics, nodes, inference_labels))


def _open_questions(semantics: MapSemantics, nodes: dict[str, Label],
                    inferences: dict[Inference, Label]) -> dict[str, list[str]]:
    """For each thesis that stands, the schemes of the standing supports it rests on (its
    own and, through their premises, those below) whose critical questions are open."""
    found: dict[str, list[str]] = {}
    for node in semantics.theses:
        thesis = node.id
        if nodes[thesis] is not Label.IN:
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
