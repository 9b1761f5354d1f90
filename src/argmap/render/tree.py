"""How deep each node of a map is drawn: to put the legend under the lowest one."""

from __future__ import annotations

from collections import deque

__all__ = ["depths"]


def depths(edges: list[tuple[str, str]]) -> dict[str, int]:
    """How many rows below the top each node is drawn: the longest path down to it (nodes on
    a cycle, which the layout breaks somewhere, are left out).

    >>> depths([("a", "t"), ("b", "t"), ("c", "a")])
    {'t': 0, 'a': 1, 'b': 1, 'c': 2}
    >>> depths([("a", "t"), ("x", "y"), ("y", "x")])
    {'t': 0, 'a': 1}
    """
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
            depth[lower] = max(depth.get(lower, 0), depth[upper] + 1)
            above[lower] -= 1
            if above[lower] == 0:
                queue.append(lower)
    return {node: depth[node] for node in depth if above[node] == 0}
