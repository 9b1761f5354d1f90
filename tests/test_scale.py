"""Large maps: graph checks are iterative, so long chains never hit the recursion limit; the
cycles found after peeling off what leads to none are those of Tarjan's algorithm alone."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap.graph import cyclic_components, strongly_connected
from conftest import HEADER

N = 20_000


def chain(bottom: str) -> str:
    lines = [HEADER, 'thesis n0 "claim 0"\n']
    lines += [f'premise n{i} "claim {i}" supports n{i - 1}\n' for i in range(1, N)]
    lines.append(bottom)
    return "".join(lines)


def test_a_20000_node_support_chain_checks_cleanly(project):
    project.write("chain.arg", chain(f'assumption base "ground" supports n{N - 1}\n'))
    assert project.check("chain.arg") == []


def test_an_ungrounded_20000_node_chain_names_its_end(project):
    project.write("chain.arg", chain(""))
    findings = project.check("chain.arg")
    assert len(findings) == N
    assert findings[0].message.endswith(f"its support ends in premise `n{N - 1}`, which nothing supports")


def test_a_20000_node_cycle_is_one_finding(project):
    project.write("cycle.arg", chain(f'assumption base "ground" supports n{N - 1}\n'
                                     f'premise closing "closes the loop" supports n{N - 1}\n')
                  .replace('thesis n0 "claim 0"\n', 'thesis n0 "claim 0" supports closing\n'))
    [finding] = [f for f in project.check("cycle.arg") if f.rule == "circular-support"]
    # The cycle runs through every claim of the chain, so none is counted off it; the path
    # is shown cut short.
    assert finding.message == ("circular support: `n0` → `closing` → "
                               + " → ".join(f"`n{i}`" for i in range(N - 1, N - 5, -1))
                               + " → … → `n0`")


def test_only_nodes_on_cycles_form_cyclic_components():
    # a -> b -> c -> a is a cycle; t leads into it, c also leads out to o; x -> y is a chain;
    # d <-> e is a second cycle that the first leads into.
    successors = {"t": ["a"], "a": ["b"], "b": ["c"], "c": ["a", "o", "d"], "x": ["y"],
                  "d": ["e"], "e": ["d"]}
    predecessors: dict[str, list[str]] = {}
    for node, nexts in successors.items():
        for nxt in nexts:
            predecessors.setdefault(nxt, []).append(node)
    nodes = ["t", "a", "b", "c", "o", "x", "y", "d", "e"]
    assert cyclic_components(nodes, successors, predecessors) == [["d", "e"], ["a", "b", "c"]]
    assert cyclic_components(["x", "y"], {"x": ["y"]}, {"y": ["x"]}) == []


@given(st.integers(min_value=1, max_value=8).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n))))
def test_cyclic_components_are_the_strongly_connected_components_of_two_or_more(graph):
    """Peeling off first what leads to no cycle leaves the same components as Tarjan's
    algorithm over the whole graph."""
    n, edges = graph
    nodes = [f"n{i}" for i in range(n)]
    successors: dict[str, list[str]] = {}
    predecessors: dict[str, list[str]] = {}
    for start, end in edges:
        successors.setdefault(nodes[start], []).append(nodes[end])
        predecessors.setdefault(nodes[end], []).append(nodes[start])
    whole = [c for c in strongly_connected(nodes, successors) if len(c) > 1]
    found = cyclic_components(nodes, successors, predecessors)
    assert sorted(map(sorted, found)) == sorted(map(sorted, whole))
