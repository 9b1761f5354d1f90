"""`argmap export`: every export of every map and comparison, read back by its real consumer.

JSON is validated against the schema shipped in the package (jsonschema); AIF is read by
arguebuf, with no warning logged, and compared node for node; Argdown is read by the
Argdown CLI (`bench/node_modules`, installed by `npm ci --prefix bench`), and its relations
compared with the map's.
"""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
from collections import Counter
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

import argmap
from argmap.cli import main
from argmap.export import FORMATS, inference_ids
from argmap.lexicon import CrossKind, NodeKind
from argmap.quotes import normalize, quote_pieces
from argmap.semantics import MapSemantics
from conftest import DATA, ROOT, require_tool

ARGDOWN = ROOT / "bench" / "node_modules" / ".bin" / "argdown"
INSTALL_ARGDOWN = "npm ci --prefix bench"

# arguebuf runs on Python 3.11 and later only, and is installed there only.
needs_arguebuf = pytest.mark.skipif(sys.version_info < (3, 11),
                                    reason="arguebuf needs Python 3.11 or later")

#: The flagship maps and the render test maps: every node kind and relation, a linked
#: support, undercuts, comparisons with every kind of cross relation.
FILES = sorted([*ROOT.glob("maps/*.arg"), *(DATA / "render").glob("*.arg")])
IDS = [f"{path.parent.name}/{path.name}" for path in FILES]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, Path]:
    """Every file exported in every format by the command, into one folder per format."""
    folders = {}
    for name in FORMATS:
        folder = tmp_path_factory.mktemp(name)
        assert main(["export", *map(str, FILES), "--format", name, "-o", str(folder)]) == 0
        folders[name] = folder
    return folders


def output(exported, name: str, path: Path) -> Path:
    return exported[name] / f"{path.stem}.{FORMATS[name]}"


def expected_relations(semantics) -> Counter:
    """The relations of a map or comparison as (kind, from, to), ids prefixed with the
    document's in a comparison; an undercut's target is the inference it attacks, as
    (premises, conclusion)."""
    found: Counter = Counter()
    maps = ({"": semantics} if isinstance(semantics, MapSemantics)
            else {f"{doc}.": s for doc, s in semantics.documents.items()})
    for prefix, map_semantics in maps.items():
        for inference in map_semantics.every_inference:
            found["supports", tuple(prefix + p for p in inference.premises),
                  prefix + inference.conclusion] += 1
        for node_id, targets in map_semantics.attackers.items():
            for attacker in targets:
                found["attacks", (prefix + attacker,), prefix + node_id] += 1
        for undercut in map_semantics.undercuts:
            for inference in undercut.inferences:
                found["undercuts", (prefix + undercut.node,),
                      (tuple(prefix + p for p in inference.premises),
                       prefix + inference.conclusion)] += 1
        for conclusion, inferences in map_semantics.explanations.items():
            for inference in inferences:
                found["explains", tuple(prefix + p for p in inference.premises),
                      prefix + conclusion] += 1
        for lower, higher in map_semantics.outranked_by.items():
            for upper in higher:
                found["outranks", (prefix + upper,), prefix + lower] += 1
    if not isinstance(semantics, MapSemantics):
        for relation in semantics.comparison.relations:
            found[relation.kind.value, (str(relation.source),), str(relation.target)] += 1
    return found


def node_texts(semantics) -> dict[str, str]:
    if isinstance(semantics, MapSemantics):
        return {node.id: node.text for node in semantics.nodes.values()}
    return {f"{doc}.{node.id}": node.text for doc, s in semantics.documents.items()
            for node in s.nodes.values()}


# JSON

@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_the_json_export_validates_against_the_shipped_schema(exported, path):
    schema = json.loads(resources.files("argmap.export").joinpath(
        "argmap-export-1.schema.json").read_text(encoding="utf-8"))
    data = json.loads(output(exported, "json", path).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["type"] == ("map" if "-vs-" not in path.name else "comparison")


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_the_json_export_holds_every_node_and_relation(exported, path):
    semantics = argmap.load(str(path))
    data = json.loads(output(exported, "json", path).read_text(encoding="utf-8"))
    if not isinstance(semantics, MapSemantics):
        assert [(r["kind"], r["from"]["node"], r["to"]["node"], r["explanation"])
                for r in data["relations"]] == [
            (r.kind.value, r.source.node, r.target.node, r.explanation)
            for r in semantics.comparison.relations]
        return
    assert {n["id"]: (n["kind"], n["text"], tuple(n["tags"]), n["position"]["line"])
            for n in data["nodes"]} == {
        n.id: (n.kind.value, n.text, n.tags, n.position.line) for n in semantics.nodes.values()}
    inferences = {i["id"]: (tuple(i["premises"]), i["conclusion"]) for i in data["inferences"]}
    relations: Counter = Counter()
    for premises, conclusion in inferences.values():
        relations["supports", premises, conclusion] += 1
    for attack in data["attacks"]:
        relations["attacks", (attack["from"],), attack["to"]] += 1
    for undercut in data["undercuts"]:
        for name in undercut["inferences"]:
            relations["undercuts", (undercut["from"],), inferences[name]] += 1
    for explanation in data["explanations"]:
        relations["explains", tuple(explanation["premises"]), explanation["conclusion"]] += 1
    for preference in data["preferences"]:
        relations["outranks", (preference["from"],), preference["to"]] += 1
    assert relations == expected_relations(semantics)
    assert sorted((c["from"], c["to"]) for c in data["concessions"]) == sorted(
        (c, node_id) for node_id, found in semantics.conceded.items() for c in found)


@pytest.mark.parametrize("path", [p for p in FILES if "-vs-" not in p.name], ids=lambda p: p.name)
def test_each_quote_span_in_the_json_export_holds_the_quote(exported, path):
    semantics = argmap.load(str(path))
    source = (path.parent / semantics.map.header.get("source").value).read_text(encoding="utf-8")
    data = json.loads(output(exported, "json", path).read_text(encoding="utf-8"))
    evidence = [node for node in data["nodes"] if node["kind"] == NodeKind.EVIDENCE.value]
    assert evidence
    for node in evidence:
        quote = node["quote"]
        assert quote["found"]
        pieces = [normalize(source[span["start"]:span["end"]]) for span in quote["spans"]]
        assert pieces == [normalize(piece) for piece in quote_pieces(node["text"])]
        assert quote["line"] == quote["spans"][0]["line"] == source.count("\n", 0, quote["spans"][0]["start"]) + 1


def test_the_json_schema_names_the_languages_kinds():
    schema = json.loads(resources.files("argmap.export").joinpath(
        "argmap-export-1.schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["node"]["properties"]["kind"]["enum"] == [k.value for k in NodeKind]
    relation = schema["$defs"]["comparison"]["properties"]["relations"]["items"]
    assert relation["properties"]["kind"]["enum"] == [k.value for k in CrossKind]


def test_the_export_command_offers_the_export_packages_formats():
    from argmap.commands import export as command

    assert command._FORMATS == tuple(FORMATS)


# AIF

def aif_structure(graph) -> Counter:
    """The relations arguebuf read, as `expected_relations` gives them: each scheme node
    as (kind, its premises, its conclusion), a conflict aimed at a support node as an
    undercut of that inference."""
    from arguebuf.model.scheme import Attack, Preference, Rephrase, Support

    def inference(scheme) -> tuple:
        (conclusion,) = graph.outgoing_nodes(scheme)
        # The premises are the claims an inference starts from, not the conflicts aimed at it.
        premises = [n.id for n in graph.incoming_nodes(scheme) if n.id in graph.atom_nodes]
        return tuple(sorted(premises)), conclusion.id

    found: Counter = Counter()
    for scheme in graph.scheme_nodes.values():
        premises, _ = inference(scheme)
        (target,) = graph.outgoing_nodes(scheme)
        if isinstance(scheme.scheme, Support):  # an explanation's RA node is named `ra:x1`
            kind = "explains" if re.search(r"(^|[.:])ra:x\d+$", scheme.id) else "supports"
            found[kind, premises, target.id] += 1
        elif isinstance(scheme.scheme, Preference):
            found["outranks", premises, target.id] += 1
        elif isinstance(scheme.scheme, Rephrase):
            found["agrees", premises, target.id] += 1
        else:
            assert isinstance(scheme.scheme, Attack)
            aimed = (inference(target) if target.id in graph.scheme_nodes else target.id)
            found["undercuts" if target.id in graph.scheme_nodes else "attacks", premises,
                  aimed] += 1
    return found


def aif_expected(semantics) -> Counter:
    """`expected_relations` as AIF holds them: premises sorted, `contradicts` as an attack
    each way, `qualifies` left out."""
    found: Counter = Counter()
    for (kind, premises, target), count in expected_relations(semantics).items():
        if kind == "undercuts":
            target = (tuple(sorted(target[0])), target[1])
        if kind == "contradicts":
            found["attacks", premises, target] += count
            found["attacks", (target,), premises[0]] += count
        elif kind != "qualifies":
            found[kind, tuple(sorted(premises)), target] += count
    return found


@needs_arguebuf
@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_arguebuf_reads_the_aif_export_node_for_node_without_a_warning(exported, path, caplog):
    import arguebuf

    semantics = argmap.load(str(path))
    data = json.loads(output(exported, "aif", path).read_text(encoding="utf-8"))
    with caplog.at_level(logging.DEBUG):
        # The dialogue part (L and YA nodes) is read as arguebuf reads AIFdb's dialogues.
        graph = arguebuf.load.aif(data, path.stem, reconstruct_dialog=True)
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert {i: n.plain_text for i, n in graph.atom_nodes.items()} == node_texts(semantics)
    assert aif_structure(graph) == aif_expected(semantics)


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_each_quote_is_the_documents_locution_in_the_aif_export(exported, path):
    semantics = argmap.load(str(path))
    data = json.loads(output(exported, "aif", path).read_text(encoding="utf-8"))
    by_id = {node["nodeID"]: node for node in data["nodes"]}
    edges = {(edge["fromID"], edge["toID"]) for edge in data["edges"]}
    maps = ({"": semantics} if isinstance(semantics, MapSemantics)
            else {f"{d}.": s for d, s in semantics.documents.items()})
    quotes = [(prefix, s.map.id, node) for prefix, s in maps.items() for node in s.nodes.values()
              if node.kind is NodeKind.EVIDENCE]
    assert quotes
    assert [loc["nodeID"] for loc in data["locutions"]] == [f"{p}l:{n.id}" for p, _, n in quotes]
    for prefix, document, node in quotes:
        locution, asserting = by_id[f"{prefix}l:{node.id}"], by_id[f"{prefix}ya:{node.id}"]
        assert (locution["type"], locution["text"]) == ("L", f"{document}: {node.text}")
        assert asserting["type"] == "YA"
        assert {(locution["nodeID"], asserting["nodeID"]),
                (asserting["nodeID"], prefix + node.id)} <= edges


def test_a_relation_aif_cannot_hold_is_named_when_left_out(tmp_path, capsys):
    path = ROOT / "maps" / "fpri-vs-eastwest.arg"
    assert main(["export", str(path), "--format", "aif", "-o", str(tmp_path)]) == 0
    qualifies = [r for r in argmap.load(str(path)).comparison.relations
                 if r.kind is CrossKind.QUALIFIES]
    warnings = capsys.readouterr().err.splitlines()
    assert qualifies and len(warnings) == len(qualifies)
    assert all("aif has no form for `qualifies`" in warning for warning in warnings)


# Argdown

@pytest.fixture(scope="module")
def argdown_json(exported, tmp_path_factory) -> Path:
    """`argdown json` run on every Argdown export at once: the folder of its output."""
    argdown = require_tool(ARGDOWN, INSTALL_ARGDOWN)
    folder = tmp_path_factory.mktemp("argdown-json")
    done = subprocess.run([argdown, "json", str(exported["argdown"] / "*.argdown"),
                           str(folder)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in (done.stdout + done.stderr).lower()
    return folder


def argdown_structure(data: dict) -> Counter:
    """The relations Argdown read: each argument's premise-conclusion structure as a
    support, each statement attack, undercut (of an argument's inference) and relation
    of a comparison."""
    def pcs(title: str) -> tuple:
        *premises, conclusion = [m["title"] for m in data["arguments"][title]["pcs"]]
        return tuple(premises), conclusion

    kinds = {"attack": "attacks", "support": "supports", "contradictory": "contradicts"}
    found: Counter = Counter()
    for title in data["arguments"]:
        premises, conclusion = pcs(title)
        found["supports", premises, conclusion] += 1
    for relation in data["relations"]:
        if relation["relationType"] == "undercut":
            found["undercuts", (relation["from"],), pcs(relation["to"])] += 1
        else:
            found[kinds[relation["relationType"]], (relation["from"],), relation["to"]] += 1
    return found


def argdown_expected(semantics) -> Counter:
    """`expected_relations` as Argdown holds them: `agrees` and `qualifies` only as data."""
    return Counter({key: n for key, n in expected_relations(semantics).items()
                    if key[0] not in ("agrees", "qualifies", "explains", "outranks")})


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_argdown_reads_the_same_statements_and_relations(argdown_json, path):
    semantics = argmap.load(str(path))
    data = json.loads((argdown_json / f"{path.stem}.json").read_text(encoding="utf-8"))
    statements = {title: member["text"].strip()
                  for title, statement in data["statements"].items()
                  for member in statement["members"] if not member.get("isReference")}
    assert statements == {i: " ".join(text.split()) for i, text in node_texts(semantics).items()}
    assert argdown_structure(data) == argdown_expected(semantics)


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_argdown_keeps_each_nodes_kind_line_and_source_as_data(argdown_json, path):
    semantics = argmap.load(str(path))
    data = json.loads((argdown_json / f"{path.stem}.json").read_text(encoding="utf-8"))
    maps = ({"": semantics} if isinstance(semantics, MapSemantics)
            else {f"{d}.": s for d, s in semantics.documents.items()})
    for prefix, map_semantics in maps.items():
        source = map_semantics.map.header.get("source").value
        for node in map_semantics.nodes.values():
            kept = data["statements"][prefix + node.id]["data"]
            assert (kept["kind"], kept["line"]) == (node.kind.value, node.position.line)
            assert kept.get("tags", []) == list(node.tags)
            if node.kind is NodeKind.EVIDENCE:
                assert kept["source"] == source
                assert kept["source_line"] == map_semantics.quotes[node.id].line
            # Explanations, concessions and preferences: data, Argdown having no relation.
            weighed = [(r.kind.value, r.target.node, r.scheme) for r in node.relations
                       if r.kind.value in ("explains", "concedes", "outranks")]
            assert [(kind, entry["to"], entry.get("scheme"))
                    for kind in ("explains", "concedes", "outranks")
                    for entry in kept.get(kind, [])] == sorted(
                        weighed, key=lambda w: ("explains", "concedes", "outranks").index(w[0]))
    if not isinstance(semantics, MapSemantics):
        kept = Counter((kind["kind"], title, kind["to"])
                       for title, statement in data["statements"].items()
                       for kind in statement.get("data", {}).get("cross", []))
        assert kept == Counter((r.kind.value, str(r.source), str(r.target))
                               for r in semantics.comparison.relations)


@pytest.mark.parametrize("text", [
    "A #tag, a [ref], an <argument> and a @[mention].",
    "// not a comment /* nor this */ and a back\\slash\\",
    "*not emphasis* _nor this_ {not: data} - + > <_ ->",
    "Quotes \"double\" and 'single', colons: and ends."])
def test_argdown_reads_escaped_text_back_as_written(tmp_path, text):
    from argmap.export.as_argdown import escape

    argdown = require_tool(ARGDOWN, INSTALL_ARGDOWN)
    (tmp_path / "t.argdown").write_text(f"[t]: {escape(text)}\n", encoding="utf-8")
    done = subprocess.run([argdown, "json", str(tmp_path / "t.argdown"), str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    data = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert data["statements"]["t"]["members"][0]["text"].strip() == text


# The command

def test_export_is_deterministic_and_independent_of_the_folder_it_is_run_from(tmp_path, monkeypatch):
    first, second = tmp_path / "first", tmp_path / "second"
    for name in FORMATS:
        assert main(["export", str(ROOT / "maps"), "--format", name, "-o", str(first)]) == 0
    monkeypatch.chdir(ROOT)
    for name in FORMATS:
        assert main(["export", "maps", "--format", name, "-o", str(second)]) == 0
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir()) and len(names) == 3 * len(FORMATS)
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)


def test_export_writes_beside_the_input_by_default(project, capsys):
    project.write("m.arg", 'document d "D" { }\nthesis t "T."\nassumption a "A." supports t\n')
    assert main(["export", str(project.root / "maps" / "m.arg"), "--format", "json"]) == 0
    written = project.root / "maps" / "m.json"
    assert json.loads(written.read_text(encoding="utf-8"))["inferences"] == [
        {"id": "i1", "premises": ["a"], "conclusion": "t", "linked": False,
         "position": {"line": 3, "column": 28}, "scheme": None}]
    assert capsys.readouterr().out.endswith("m.json\n")


def test_a_file_with_errors_is_not_exported(project, capsys):
    project.write("m.arg", 'document d "D" { }\nthesis t "T."\nassumption a "A." supports tt\n')
    assert main(["export", str(project.root / "maps"), "--format", "argdown"]) == 1
    assert not (project.root / "maps" / "m.argdown").exists()
    captured = capsys.readouterr()
    assert "[unknown-reference]" in captured.out
    assert "not exported: it, or a map it uses, has errors" in captured.err


def test_a_linked_support_is_one_inference_in_every_format(project):
    project.write("m.arg", 'document d "D" { }\nthesis t "T."\n'
                           'assumption a "A." supports t with b\nassumption b "B."\n'
                           'objection o "O." undercuts b -> t\nassumption c "C." supports o\n')
    semantics = argmap.load(str(project.root / "maps" / "m.arg"))
    inference, grounds_objection = semantics.every_inference
    assert inference_ids(semantics) == {inference: "i1", grounds_objection: "i2"}
    assert (inference.premises, inference.conclusion, inference.linked) == (("a", "b"), "t", True)
    from argmap.export.as_aif import aif_data

    data = aif_data(semantics)
    assert sorted(e["fromID"] for e in data["edges"] if e["toID"] == "ra:i1") == ["a", "b", "ca:1"]


TOPICAL = ('document d "D" { }\ntopic "Why"\nthesis t "T."\nassumption a "A." supports t\n'
           'topic "Against #it"\nobjection o "O." attacks t\nassumption b "B." supports o\n')


def test_topics_are_exported_as_lists_in_json_and_as_headings_in_argdown(project):
    from argmap.export.as_argdown import export as argdown
    from argmap.export.as_json import map_data

    project.write("m.arg", TOPICAL)
    semantics = argmap.load(str(project.root / "maps" / "m.arg"))
    assert [(t["name"], t["nodes"]) for t in map_data(semantics)["topics"]] == [
        ("Why", ["t", "a"]), ("Against #it", ["o", "b"])]
    text = argdown(semantics)
    assert text.index("# Why\n\n[t]:") < text.index("# Against \\#it\n\n[o]:")


def test_argdown_reads_each_topic_as_the_section_of_its_statements(project):
    argdown = require_tool(ARGDOWN, INSTALL_ARGDOWN)
    project.write("m.arg", TOPICAL)
    assert main(["export", "maps/m.arg", "--format", "argdown", "-o", "out"]) == 0
    subprocess.run([argdown, "json", "out/m.argdown", "out"], check=True, capture_output=True,
                   timeout=300)
    data = json.loads((project.root / "out" / "m.json").read_text(encoding="utf-8"))
    sections = {section["id"]: section["title"] for section in data["sections"]}
    assert {title: sections[statement["section"]] for title, statement
            in data["statements"].items()} == {"t": "Why", "a": "Why", "o": "Against #it",
                                                "b": "Against #it"}


def test_an_output_folder_that_cannot_be_made_is_an_input_problem(tmp_path, capsys):
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    assert main(["export", str(ROOT / "maps" / "fpri.arg"), "--format", "json",
                 "-o", str(tmp_path / "file" / "out")]) == 2
    assert "cannot create" in capsys.readouterr().err


def test_two_inputs_exported_to_one_file_are_refused_before_anything_is_written(project, capsys):
    text = 'document d "D" { }\nthesis t "T."\nassumption a "A." supports t\n'
    project.write("m.arg", text)
    (project.root / "other").mkdir()
    (project.root / "other" / "m.arg").write_text(text, encoding="utf-8")
    out = project.root / "out"
    assert main(["export", str(project.root / "maps"), str(project.root / "other"),
                 "--format", "json", "-o", str(out)]) == 2
    assert "would both be exported to" in capsys.readouterr().err
    assert not out.exists()
