"""Stacking: how far below its parent each subtree is drawn, so that wide maps stay compact.

A thesis with eight reasons, each with its own reasons and quotes, drawn as a plain tree
puts every reason side by side: a picture many times wider than tall, unreadable once
scaled to a page. Here the subtrees under a node with many children are dealt into a few
columns, and the subtrees of one column are stacked, each drawn below the one before it
(through the `minlen` of the edge to the parent); the edges of the lower ones rise beside
the upper ones. A node's parent is the first node it points at, in the order the edges
were drawn; the other edges keep their natural length.
"""

from __future__ import annotations

import math
from collections import deque

__all__ = ["stack", "depths"]


def stack(edges: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """The `minlen` of each edge (lower node, upper node) that needs more than 1."""
    parent: dict[str, str] = {}
    children: dict[str, list[str]] = {}
    for lower, upper in edges:
        if lower not in parent and lower != upper:
            parent[lower] = upper
            children.setdefault(upper, []).append(lower)
    heights: dict[str, int] = {}
    lengths: dict[tuple[str, str], int] = {}
    # Roots first, then down, so a node is laid out after its children (iteratively: the
    # chains of a long argument may be deeper than Python's recursion limit).
    roots = [node for node in children if node not in parent]
    order: list[str] = []
    seen: set[str] = set()
    for root in roots:
        todo = [root]
        while todo:
            node = todo.pop()
            if node in seen:
                continue
            seen.add(node)
            order.append(node)
            todo += children.get(node, [])
    for node in reversed(order):
        heights[node] = _stack_children(node, children.get(node, []), heights, lengths)
    return lengths


def _stack_children(node: str, kids: list[str], heights: dict[str, int],
                    lengths: dict[tuple[str, str], int]) -> int:
    """Deal `kids` into columns, stack each column, and return the height below `node`."""
    if not kids:
        return 0
    columns = math.ceil(math.sqrt(len(kids))) if len(kids) > 2 else len(kids)
    depth = [0] * columns  # ranks used so far below `node`, per column
    for kid in kids:
        column = depth.index(min(depth))
        offset = depth[column] + 1
        if offset > 1:
            lengths[(kid, node)] = offset
        depth[column] = offset + heights.get(kid, 0)
    return max(depth)


def depths(edges: list[tuple[str, str]], lengths: dict[tuple[str, str], int]) -> dict[str, int]:
    """How many ranks below the top each node is drawn: the longest path down to it, each
    edge counting its `minlen` (nodes on a cycle, which the layout breaks somewhere, are
    left out)."""
    above: dict[str, int] = {}
    below: dict[str, list[str]] = {}
    for lower, upper in edges:
        above[lower] = above.get(lower, 0) + 1
        above.setdefault(upper, 0)
        below.setdefault(upper, []).append(lower)
    depth = {node: 0 for node, count in above.items() if count == 0}
    queue = deque(depth)
    while queue:
        upper = queue.popleft()
        for lower in below.get(upper, []):
            depth[lower] = max(depth.get(lower, 0), depth[upper] + lengths.get((lower, upper), 1))
            above[lower] -= 1
            if above[lower] == 0:
                queue.append(lower)
    return {node: depth[node] for node in depth if above[node] == 0}
