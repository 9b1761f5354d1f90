"""Graph algorithms, iterative so that long chains never meet Python's recursion limit."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

__all__ = ["reachable", "cyclic_components", "strongly_connected", "cycle_through"]

N = TypeVar("N", bound=Hashable)


def reachable(starts: Iterable[N], successors: Mapping[N, Sequence[N]]) -> set[N]:
    """Every node reachable from `starts` (included) by following `successors`."""
    seen = set(starts)
    queue = deque(seen)
    while queue:
        for nxt in successors.get(queue.popleft(), ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def cyclic_components(nodes: Sequence[N], successors: Mapping[N, Sequence[N]],
                      predecessors: Mapping[N, Sequence[N]]) -> list[list[N]]:
    """The strongly connected components of two nodes or more: the nodes on cycles.
    `predecessors` is `successors` reversed.

    A graph whose every edge goes back along the order of `nodes` has none (a map written
    from its thesis down, each support after the claim it supports). Otherwise the nodes
    from which no cycle can be reached are peeled off first, from the ends of the paths
    inwards (in a map without cycles, all of them), so that Tarjan's algorithm only walks
    what is left."""
    place = dict(zip(nodes, range(len(nodes))))
    if all(place[end] < place[node] for node, found in successors.items() for end in found):
        return []
    # Only the nodes with successors are counted, and the peeling starts from the nodes
    # without any that some node leads to: a map's evidence is most of its nodes.
    onward = {node: len(found) for node, found in successors.items() if found}  # not peeled
    ends = [node for node in predecessors if node not in onward]
    while ends:
        for previous in predecessors.get(ends.pop(), ()):
            count = onward[previous] = onward[previous] - 1
            if count == 0:
                ends.append(previous)
    if not any(onward.values()):
        return []  # no cycle: most often
    left = [node for node in nodes if onward.get(node)]
    kept = set(left)
    remaining = {node: [n for n in successors.get(node, ()) if n in kept] for node in left}
    return [c for c in strongly_connected(left, remaining) if len(c) > 1]


def strongly_connected(nodes: Sequence[N], successors: Mapping[N, Sequence[N]]) -> list[list[N]]:
    """Tarjan's strongly connected components, each in discovery order, without recursion."""
    index: dict[N, int] = {}
    low: dict[N, int] = {}
    on_stack: set[N] = set()
    stack: list[N] = []
    components: list[list[N]] = []
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(successors.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors.get(child, ()))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component[::-1])
    return components


def cycle_through(start: N, successors: Mapping[N, Sequence[N]],
                  allowed: Callable[[N], bool]) -> list[N]:
    """A shortest cycle from `start` back to itself through allowed nodes (breadth-first)."""
    parent: dict[N, N] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in successors.get(node, ()):
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return path[::-1] + [start]
            if nxt not in parent and allowed(nxt):
                parent[nxt] = node
                queue.append(nxt)
    return []
