"""Large maps: graph checks are iterative, so long chains never hit the recursion limit."""

from __future__ import annotations

from argmap.graph import cyclic_components
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
