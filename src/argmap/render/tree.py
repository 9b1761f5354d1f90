"""The tree of a map: the order of each claim's row, and the column each claim stands on."""

from __future__ import annotations

from collections.abc import Collection

__all__ = ["quotes_in_the_middle", "spines", "first_reached"]

Edge = tuple[str, str, str]  # lower node, upper node, and how it is drawn


def quotes_in_the_middle(edges: list[Edge], quotes: Collection[str]) -> list[Edge]:
    """`edges` grouped by the node they point at, in the order each first appears; in each
    group the edges from `quotes` in the middle, the others in their order around them:
    a claim is centred over its row, so its quotes stand directly under it.

    >>> edges = [(tail, "c", "") for tail in ("q", "p1", "p2", "p3")] + [("r", "p1", "")]
    >>> [tail for tail, _, _ in quotes_in_the_middle(edges, {"q"})]
    ['p1', 'q', 'p2', 'p3', 'r']
    """
    groups: dict[str, tuple[list[Edge], list[Edge]]] = {}
    for edge in edges:
        others, middle = groups.setdefault(edge[1], ([], []))
        (middle if edge[0] in quotes else others).append(edge)
    ordered: list[Edge] = []
    for others, middle in groups.values():
        half = len(others) // 2
        ordered += others[:half] + middle + others[half:]
    return ordered


def spines(edges: list[Edge]) -> dict[str, str]:
    """For each node that is the middle one of its claim's row, and each claim with such a
    node, the top of the chain of middle nodes it is on: Graphviz keeps the nodes of a
    `group` in one straight column, so each claim stands over the middle of its row and
    the lines from its reasons fan out evenly rather than twisting round each other.
    `edges` are in the order of each row (`quotes_in_the_middle`).

    >>> spines([("a", "t", ""), ("b", "t", ""), ("c", "t", ""), ("b1", "b", "")])
    {'t': 't', 'b': 't', 'b1': 't'}
    >>> spines([("a", "t", ""), ("c", "t", ""), ("a1", "a", "")])  # a is not in the middle
    {'a': 'a', 't': 't', 'c': 't', 'a1': 'a'}
    """
    rows: dict[str, list[str]] = {}
    for lower, upper, _ in edges:
        rows.setdefault(upper, []).append(lower)
    above = {row[len(row) // 2]: upper for upper, row in rows.items()}

    # The top of each chain climbed, for every node on the way: climbing from each node of
    # a long chain anew would take time in the square of its length.
    tops: dict[str, str] = {}

    def top(node: str) -> str:
        path, seen = [node], {node}
        while node not in tops and node in above and above[node] not in seen:
            node = above[node]
            path.append(node)
            seen.add(node)
        if node in tops:
            found = tops[node]
        elif node in above:  # a cycle ends the chain: where it ends depends on the start
            return node
        else:
            found = node
        tops.update(dict.fromkeys(path, found))
        return found

    members = set(above) | set(above.values())
    ordered = dict.fromkeys(node for lower, upper, _ in edges for node in (lower, upper))
    return {node: top(node) for node in ordered if node in members}


def first_reached(edges: list[Edge], roots: list[str]) -> dict[str, str]:
    """For each node, the claim under which a reader going down the tree meets it first:
    depth first from `roots` (then from each claim that bears on nothing), each claim's
    reasons in the order of its row. A node that bears on several claims is drawn in full
    there, and repeated after it.

    >>> edges = [("q", "late", ""), ("q", "early", ""), ("early", "t", ""), ("late", "t", "")]
    >>> first_reached(edges, ["t"])["q"]
    'early'
    """
    rows: dict[str, list[str]] = {}
    for lower, upper, _ in edges:
        rows.setdefault(upper, []).append(lower)
    tails = {lower for lower, _, _ in edges}
    starts = roots + [upper for upper in rows if upper not in tails]
    reached: dict[str, str] = {}
    for start in starts:
        # An explicit stack, not recursion: a chain of reasons may be long.
        stack = [start]
        while stack:
            upper = stack.pop()
            fresh = [lower for lower in rows.get(upper, ()) if lower not in reached
                     and lower not in roots]
            for lower in fresh:
                reached[lower] = upper
            stack += reversed(fresh)
    return reached
