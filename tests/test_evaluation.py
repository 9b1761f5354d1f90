"""`argmap evaluate` and `argmap.evaluation`: the worked examples of docs/evaluation.md,
the attack-only part against PyArg's grounded extension, and the rules on random maps,
with the labels and the grounded nodes against their definitions."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from argmap.cli import main
from argmap.evaluation import Label, evaluate
from argmap.parsing import parse
from argmap.semantics import MapSemantics
from conftest import ROOT

EXAMPLES = re.findall(r"```arg\n(.*?)```\n\n```console\n\$ argmap evaluate example.arg\n(.*?)```",
                      (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8"), re.DOTALL)


def semantics_of(text: str) -> MapSemantics:
    return MapSemantics(parse(text, "m.arg"))


def test_the_worked_examples_of_the_documentation_give_what_they_show(tmp_path, monkeypatch, capsys):
    assert len(EXAMPLES) == 4
    monkeypatch.chdir(tmp_path)
    for text, shown in EXAMPLES:
        (tmp_path / "example.arg").write_text(text, encoding="utf-8")
        assert main(["evaluate", "example.arg"]) == 0
        assert capsys.readouterr().out == shown


# The attack-only part: evidence and assumptions attacking each other, as a Dung framework.

frameworks = st.integers(min_value=1, max_value=9).flatmap(lambda n: st.tuples(
    st.just(n), st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
                        .filter(lambda pair: pair[0] != pair[1]), max_size=n * n)))


def attack_map(n: int, attacks: set[tuple[int, int]]) -> str:
    """A map of `n` assumptions `a0`, `a1`, ..., with the attacks given (a node never attacks
    itself in a map: the language refuses it)."""
    lines = ['document d "D" { }']
    for i in range(n):
        targets = sorted(f"a{j}" for source, j in attacks if source == i)
        lines.append(f'assumption a{i} "A{i}."' + (f" attacks {', '.join(targets)}" if targets else ""))
    return "\n".join(lines) + "\n"


@given(frameworks)
def test_attacks_alone_give_dungs_grounded_labelling_as_pyarg_computes_it(framework):
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat
    from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension

    n, attacks = framework
    arguments = [Argument(f"a{i}") for i in range(n)]
    defeats = [Defeat(arguments[i], arguments[j]) for i, j in sorted(attacks)]
    grounded = {a.name for a in get_grounded_extension(
        AbstractArgumentationFramework("af", arguments, defeats))}
    labels = evaluate(semantics_of(attack_map(n, attacks))).nodes
    attacked_by_grounded = {f"a{j}" for i, j in attacks if f"a{i}" in grounded}
    assert {node for node, label in labels.items() if label is Label.IN} == grounded
    assert {node for node, label in labels.items() if label is Label.OUT} == attacked_by_grounded


# Supports, linked supports and undercuts: every label obeys the table of docs/evaluation.md.

KINDS = ("thesis", "premise", "evidence", "assumption", "objection", "rebuttal")


@st.composite
def maps(draw):
    n = draw(st.integers(min_value=2, max_value=8))
    kinds = [draw(st.sampled_from(KINDS)) for _ in range(n)]
    lines = ['document d "D" { }']
    supports: list[tuple[int, int, list[int]]] = []
    for i in range(n):
        relations = []
        others = [j for j in range(n) if j != i]
        if kinds[i] != "objection" and draw(st.booleans()):
            target = draw(st.sampled_from(others))
            linked = draw(st.lists(st.sampled_from([j for j in others if j != target]),
                                   max_size=2, unique=True)) if n > 2 else []
            supports.append((i, target, linked))
            relations.append(f"supports n{target}" + (f" with {', '.join(f'n{j}' for j in linked)}"
                                                      if linked else ""))
        attacked = draw(st.lists(st.sampled_from(others), max_size=2, unique=True))
        if attacked:
            relations.append("attacks " + ", ".join(f"n{j}" for j in attacked))
        lines.append(f'{kinds[i]} n{i} "N{i}." ' + " ".join(relations))
    for i in range(n):
        if supports and draw(st.booleans()):
            supporter, target, _ = draw(st.sampled_from(supports))
            if i not in (supporter, target):
                lines.append(f'objection u{i} "U{i}." undercuts n{supporter} -> n{target}')
    return "\n".join(lines) + "\n"


@given(maps())
def test_every_label_obeys_the_rules(text):
    semantics = semantics_of(text)
    labelling = evaluate(semantics)
    nodes, inferences = labelling.nodes, labelling.inferences
    for inference, label in inferences.items():
        premises = [nodes[p] for p in inference.premises]
        against = [nodes[u] for u in labelling.undercutters.get(inference, [])]
        is_in = all(p is Label.IN for p in premises) and all(u is Label.OUT for u in against)
        is_out = Label.OUT in premises or Label.IN in against
        assert label is (Label.IN if is_in else Label.OUT if is_out else Label.UNDECIDED)
    for node_id, label in nodes.items():
        against = [nodes[a] for a in labelling.attackers.get(node_id, [])]
        supports = labelling.supports.get(node_id)
        held = [inferences[i] for i in supports] if supports is not None else None
        is_in = all(a is Label.OUT for a in against) and (held is None or Label.IN in held)
        is_out = Label.IN in against or (held is not None and all(h is Label.OUT for h in held))
        if label is Label.IN:
            assert is_in and not is_out
        elif label is Label.OUT:
            assert is_out and not is_in
        else:  # at the fixed point, a rule that applied would have labelled it
            assert not is_in and not is_out
        assert bool(labelling.reason(node_id)) == (label is not Label.IN)


def least_fixed_point(semantics: MapSemantics) -> tuple[dict[str, Label], list[Label]]:
    """The labels by their definition: every node and inference undecided, then the rules
    of docs/evaluation.md applied to all of them, over and over, until nothing changes."""
    nodes = dict.fromkeys(semantics.nodes, Label.UNDECIDED)
    every = semantics.every_inference
    inferences = [Label.UNDECIDED] * len(every)
    undercutters: dict[int, set[str]] = {}
    for undercut in semantics.undercuts:
        for inference in undercut.inferences:
            undercutters.setdefault(id(inference), set()).add(undercut.node)
    changed = True
    while changed:
        changed = False
        for number, inference in enumerate(every):
            premises = [nodes[p] for p in inference.premises]
            against = [nodes[u] for u in undercutters.get(id(inference), ())]
            if Label.OUT in premises or Label.IN in against:
                label = Label.OUT
            elif all(p is Label.IN for p in premises) and all(u is Label.OUT for u in against):
                label = Label.IN
            else:
                label = Label.UNDECIDED
            changed |= label is not inferences[number]
            inferences[number] = label
        for node_id, node in semantics.nodes.items():
            against = [nodes[a] for a in semantics.attackers.get(node_id, ())]
            held = [inferences[n] for n, i in enumerate(every) if i.conclusion == node_id]
            claim = node.kind.value not in ("evidence", "assumption")
            if Label.IN in against or (claim and all(h is Label.OUT for h in held)):
                label = Label.OUT
            elif all(a is Label.OUT for a in against) and (not claim or Label.IN in held):
                label = Label.IN
            else:
                label = Label.UNDECIDED
            changed |= label is not nodes[node_id]
            nodes[node_id] = label
    return nodes, inferences


@given(maps())
def test_the_labels_are_the_least_fixed_point_of_the_rules(text):
    """The evaluation labels in one pass what it can and then only what may change: the
    same labels as applying the rules everywhere until nothing changes, in any order the
    map is written in."""
    semantics = semantics_of(text)
    labelling = evaluate(semantics)
    nodes, inferences = least_fixed_point(semantics)
    assert {n: label for n, label in labelling.nodes.items()
            if label is not Label.OUTWEIGHED} == nodes
    assert list(labelling.inferences.values()) == inferences


@given(maps())
def test_the_grounded_nodes_are_those_of_the_definition(text):
    """`MapSemantics.grounded` (`unsupported-claim`) grounds in one pass what it can, then
    counts down what the rest waits for: the same nodes as its definition applied until
    nothing changes."""
    semantics = semantics_of(text)
    grounded = {i for i, n in semantics.nodes.items()
                if n.kind.value in ("evidence", "assumption")}
    changed = True
    while changed:
        found = grounded | {i.conclusion for i in semantics.every_inference
                            if grounded.issuperset(i.premises)}
        changed, grounded = found != grounded, found
    assert semantics.grounded == grounded


def test_the_json_format_gives_each_nodes_label_reason_and_defeaters(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "example.arg").write_text(EXAMPLES[1][0], encoding="utf-8")
    assert main(["evaluate", "example.arg", "--format", "json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert (result["file"], result["document"]) == ("example.arg", "d")
    assert result["nodes"][:2] == [
        {"id": "build", "kind": "thesis", "label": "out",
         "reason": "every support of it is out (`deep` + `ships`: `deep` out)",
         "defeaters": ["old_chart"]},
        {"id": "deep", "kind": "premise", "label": "out",
         "reason": "every support of it is out (`sounding`: undercut by `old_chart`)",
         "defeaters": ["old_chart"]}]


def test_a_comparison_is_evaluated_through_the_maps_it_uses(capsys):
    assert main(["evaluate", str(ROOT / "maps" / "fpri-vs-eastwest.arg")]) == 0
    heads = [line for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]
    assert [h.split(":")[0].rsplit("/", 1)[-1] for h in heads if h] == ["fpri.arg", "eastwest.arg"]


def test_a_file_with_errors_is_not_evaluated(project, capsys):
    project.write("m.arg", 'document d "D" { }\nthesis t "T." attacks nowhere\n')
    assert main(["evaluate", str(project.root / "maps")]) == 1
    captured = capsys.readouterr()
    assert "[unknown-reference]" in captured.out and "document d" not in captured.out
    assert "not evaluated: it, or a map it uses, has errors" in captured.err
