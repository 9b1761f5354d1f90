"""`argmap import`: maps no one here wrote (Argdown's published examples, an AIFdb map)
import, check and draw, and carry every statement and relation their own tools read;
maps argmap writes come back whole through Argdown and AIF (property tests)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.export import as_aif, as_argdown, attacks, weighings
from argmap.fmt import format_text
from argmap.importing import FORMATS, import_file
from argmap.importing.argdown import read as read_argdown
from argmap.lexicon import KEYWORDS, SCHEMES, NodeKind, RelationKind
from argmap.lint import check_paths
from argmap.model import topic_spans
from conftest import DATA, ROOT, require_tool

ARGDOWN = ROOT / "bench" / "node_modules" / ".bin" / "argdown"
EXAMPLES = sorted((DATA / "import" / "argdown").glob("*.argdown"))
AIF_MAPS = sorted((DATA / "import" / "aif").glob("*.json"))
needs_arguebuf = pytest.mark.skipif(sys.version_info < (3, 11),
                                    reason="arguebuf needs Python 3.11 or later")
#: What an imported map may be told, as it has no source text: its claims rest on nothing,
#: and neither its objections nor its schemes' critical questions are answered.
SOURCE_LACKS = {"unsupported-claim", "unanswered-objection", "open-critical-questions"}


def structure(semantics, concessions: bool = True) -> tuple[set, ...]:
    """A map's supports (premises, conclusion, scheme), attacks, undercuts, explanations
    (premises, conclusion, scheme) and preferences and concessions, as sets."""
    weighed = [RelationKind.OUTRANKS, *([RelationKind.CONCEDES] if concessions else [])]
    return ({(frozenset(i.premises), i.conclusion, i.relation.scheme)
             for i in semantics.every_inference},
            {(attacker, target) for attacker, target, _ in attacks(semantics)},
            {(u.node, frozenset(i.premises), i.conclusion)
             for u in semantics.undercuts for i in u.inferences},
            {(frozenset(i.premises), i.conclusion, i.relation.scheme)
             for found in semantics.explanations.values() for i in found},
            {(kind.value, source, target) for kind in weighed
             for source, target, _ in weighings(semantics, kind)})


def argdown() -> str:
    """The Argdown CLI the tests read Argdown with (the test skipped, or failed under CI,
    when it is missing)."""
    return require_tool(ARGDOWN, "npm ci --prefix bench")


def imported(path: Path, folder: Path) -> Path:
    options = ["--argdown", argdown()] if path.suffix == ".argdown" else []
    assert main(["import", str(path), "-o", str(folder), *options]) == 0
    return folder / f"{path.stem}.arg"


@pytest.fixture(scope="module")
def argdown_json(tmp_path_factory) -> Path:
    """`argdown json`, the Argdown CLI itself, run on every example: its output folder."""
    folder = tmp_path_factory.mktemp("argdown-json")
    done = subprocess.run([argdown(), "json", str(DATA / "import" / "argdown" / "*.argdown"),
                           str(folder)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return folder


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_each_argdown_example_imports_checks_and_draws(tmp_path, path):
    output = imported(path, tmp_path)
    findings = check_paths([str(output)]).findings
    assert {f.rule for f in findings} <= SOURCE_LACKS, [str(f) for f in findings
                                                         if f.rule not in SOURCE_LACKS]
    assert "<svg" in argmap.draw(str(output), "svg")
    text = output.read_text(encoding="utf-8")
    assert format_text(text) == text  # in `argmap fmt`'s layout


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_each_argdown_example_carries_every_statement_and_relation_argdown_reads(
        tmp_path, argdown_json, path):
    """Against `argdown json`'s own output: each statement's text is its node's text (a
    second wording a comment), each premise-conclusion structure an inference, each
    relation a relation of the kind it is."""
    data = json.loads((argdown_json / f"{path.stem}.json").read_text(encoding="utf-8"))
    draft = read_argdown(str(path), argdown())
    output = imported(path, tmp_path)
    written = output.read_text(encoding="utf-8")
    semantics = argmap.load(str(output))
    supports, attacked, undercuts, _, _ = structure(semantics)
    supports = {(premises, conclusion) for premises, conclusion, _ in supports}
    for title, statement in data["statements"].items():
        texts = [" ".join(m["text"].split()) for m in statement["members"]
                 if m.get("text", "").strip() and not m.get("isReference")]
        node = semantics.nodes[draft.names[f"[{title}]"]]
        assert node.text == (texts[0] if texts else title)
        assert all(text in written for text in texts[1:])
    for title, argument in data["arguments"].items():
        pcs = [draft.names[f"[{m['title']}]"] for m in argument.get("pcs", [])]
        for index, member in enumerate(argument.get("pcs", [])):
            if member.get("inference"):
                assert any(conclusion == pcs[index] and premises <= set(pcs[:index])
                           for premises, conclusion in supports), (title, index)
    reconstructed = {t for t, a in data["arguments"].items() if a.get("pcs")}
    for relation in data["relations"]:
        name = {"argument": "<{}>"}.get(relation["fromType"], "[{}]")
        source = draft.names[name.format(relation["from"])]
        name = {"argument": "<{}>"}.get(relation["toType"], "[{}]")
        target = draft.names[name.format(relation["to"])]
        kind = relation["relationType"]
        undercut = any(u[0] == source and (target in u[1] or u[2] == target)
                       for u in undercuts)
        if kind in ("support", "entails"):
            assert any(source in p and c == target for p, c in supports), relation
        elif kind == "contradictory":
            assert {(source, target), (target, source)} <= attacked, relation
        elif kind == "undercut" or relation["to"] in reconstructed:
            # An undercut of an attack is an attack on the attacker, and noted so.
            assert undercut or ((source, target) in attacked and any(
                f"`{source}` undercuts `{target}`" in n.message for n in draft.notes)), relation
        else:
            assert (source, target) in attacked, relation


ARGDOWN_CONSTRUCTS = """\
# Constructs

[Main]: The main claim.
  - [Doubt]: A doubt. #doubts
    - [Answer]: An answer.

## Reasons

<Reason>: A reason for the main claim.
  +> [Main]

<Reconstructed>

(1) [P]: A premise.
(2) Another premise. {note: "kept"}
--
Modus ponens
--
(3) [Main]: The main claim, worded again.
  >< [Contrary]: Its contradiction.

[Answer]
  -> <Reconstructed>
"""


def test_what_argdown_has_and_the_map_cannot_hold_is_noted_by_line(tmp_path):
    path = tmp_path / "constructs.argdown"
    path.write_text(ARGDOWN_CONSTRUCTS, encoding="utf-8")
    text, notes = import_file(str(path), argdown=argdown())
    assert [(note.line, note.message) for note in notes] == [
        (5, 'an attack on argument <Reconstructed> is an undercut of its last inference: Argdown does not say which premise it attacks'),
        (15, 'statement [Untitled 1] has data the map has no form for (note); it is kept as a comment'),
        (16, 'the inference rule (Modus ponens) of argument <Reconstructed> is kept as a comment above its support: the language has no such scheme'),
        (19, 'statement [Main] is worded again; the other wording is kept as a comment: a node has one text'),
    ]
    assert text == """\
# Imported by `argmap import` from constructs.argdown (Argdown, read by the Argdown CLI).
document constructs "Constructs" {}

topic "Constructs"

# also worded (line 19): The main claim, worded again.
thesis Main "The main claim."
  attacks Contrary

objection Doubt "A doubt. #doubts" #doubts
  attacks Main

rebuttal Answer "An answer."
  attacks Doubt
  undercuts P -> Main

topic "Reasons"

premise Reason "A reason for the main claim."
  supports Main

premise P "A premise."
  # <Reconstructed>
  # scheme: Modus ponens
  supports Main with untitled_1

# Argdown data: {"note": "kept"}
premise untitled_1 "Another premise."

objection Contrary "Its contradiction."
  attacks Main
"""


def test_an_argdown_syntax_error_is_named_by_line_and_column(tmp_path, capsys):
    path = tmp_path / "broken.argdown"
    path.write_text("[A]: text\n\n<B>\n\n(1) premise\n----\n", encoding="utf-8")
    assert main(["import", str(path), "--argdown", argdown()]) == 2
    error = capsys.readouterr().err
    assert f"{path}:" in error and "Argdown syntax error" in error
    assert not (tmp_path / "broken.arg").exists()


def test_import_never_replaces_an_existing_map(tmp_path, capsys):
    source = tmp_path / "m.argdown"
    source.write_text("[A]: a.\n", encoding="utf-8")
    (tmp_path / "m.arg").write_text("mine\n", encoding="utf-8")
    assert main(["import", str(source), "--argdown", argdown()]) == 2
    assert "m.arg exists" in capsys.readouterr().err
    assert (tmp_path / "m.arg").read_text(encoding="utf-8") == "mine\n"
    assert main(["import", str(source), "--argdown", argdown(), "--force"]) == 0
    assert "thesis A" in (tmp_path / "m.arg").read_text(encoding="utf-8")


def test_the_import_command_offers_the_importing_packages_formats():
    import importlib

    command = importlib.import_module("argmap.commands.import")
    assert command._FORMATS == tuple(FORMATS)


def test_without_the_argdown_cli_the_import_says_what_to_install(tmp_path, capsys):
    path = tmp_path / "m.argdown"
    path.write_text("[A]: a.\n", encoding="utf-8")
    assert main(["import", str(path), "--argdown", str(tmp_path / "no-argdown")]) == 2
    assert "npm install -g @argdown/cli" in capsys.readouterr().err


# AIF

@needs_arguebuf
@pytest.mark.parametrize("path", AIF_MAPS, ids=lambda p: p.name)
def test_each_aif_map_imports_checks_draws_and_carries_every_i_node_and_ra_node(tmp_path, path):
    import arguebuf

    output = imported(path, tmp_path)
    findings = check_paths([str(output)]).findings
    assert {f.rule for f in findings} <= SOURCE_LACKS
    assert "<svg" in argmap.draw(str(output), "svg")
    semantics = argmap.load(str(output))
    graph = arguebuf.load.aif(json.loads(path.read_text(encoding="utf-8")), path.stem)
    assert {n.text for n in semantics.nodes.values()} == {
        a.plain_text for a in graph.atom_nodes.values()}
    supports = {(premises, conclusion) for premises, conclusion, _ in structure(semantics)[0]}
    assert len(supports) == len(graph.scheme_nodes)
    for scheme in graph.scheme_nodes.values():
        (conclusion,) = graph.outgoing_nodes(scheme)
        premises = frozenset(f"n{n.id}" for n in graph.incoming_nodes(scheme))
        assert (premises, f"n{conclusion.id}") in supports


# Round trips: a map written out and read back is the map

_WORDS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"),
                               exclude_characters="…"), min_size=1, max_size=24)
_TEXTS = _WORDS.map(lambda t: " ".join(t.split())).filter(
    lambda t: t and "..." not in t and not t.startswith(("/", "*")))
_IDS = st.from_regex(r"[a-z][a-z0-9_]{0,5}", fullmatch=True).filter(lambda i: i not in KEYWORDS)


@st.composite
def maps(draw) -> tuple[str, list[str]]:
    """A map: its `.arg` text (its header names `source.txt`) and its quotes, for that
    source. Every kind and tag, single and linked supports and explanations with and
    without schemes, concessions and preferences, attacks on any node, rebuttals of
    objections, undercuts of supports; texts of any characters."""
    lines = ['document d "A map" { source "source.txt" }']
    kinds: dict[str, NodeKind] = {}
    supports: list[tuple[str, str]] = []
    linked: set[str] = set()
    quotes = []
    for index, node_id in enumerate(draw(st.lists(_IDS, min_size=1, max_size=8, unique=True))):
        kind = NodeKind.THESIS if index == 0 else draw(st.sampled_from(list(NodeKind)))
        objections = [n for n, k in kinds.items() if k is NodeKind.OBJECTION]
        if kind is NodeKind.REBUTTAL and not objections:
            kind = NodeKind.OBJECTION
        text = draw(_TEXTS)
        tags = draw(st.lists(st.sampled_from(["t", "x-1"]), max_size=2, unique=True))
        relation = ""
        if kind is NodeKind.REBUTTAL:
            relation = f"attacks {draw(st.sampled_from(objections))}"
        elif kind is NodeKind.OBJECTION and supports and draw(st.booleans()):
            supporter, supported = draw(st.sampled_from(supports))
            relation = f"undercuts {supporter} -> {supported}"
        elif kind is NodeKind.OBJECTION:
            relation = f"attacks {draw(st.sampled_from(list(kinds)))}"
        elif kind is not NodeKind.THESIS:
            target = draw(st.sampled_from([n for n, k in kinds.items()
                                           if k is not NodeKind.EVIDENCE]))
            partners = [n for n, k in kinds.items() if n != target and n not in linked
                        and k in (NodeKind.PREMISE, NodeKind.ASSUMPTION, NodeKind.EVIDENCE)]
            verb = draw(st.sampled_from(["supports", "supports", "explains"]))
            relation = f"{verb} {target}"
            if verb == "supports":
                supports.append((node_id, target))
            if partners and draw(st.booleans()):
                partner = draw(st.sampled_from(partners))
                linked.add(partner)
                relation += f" with {partner}"
            if draw(st.booleans()):
                relation += f" by {draw(st.sampled_from(sorted(SCHEMES)))}"
            rivals = [n for n, k in kinds.items() if n != target and k is not NodeKind.EVIDENCE]
            if kind is not NodeKind.EVIDENCE and rivals and draw(st.booleans()):
                relation += (f" {draw(st.sampled_from(['concedes', 'outranks']))} "
                             f"{draw(st.sampled_from(rivals))}")
        if kind is NodeKind.EVIDENCE:
            quotes.append(text)
        kinds[node_id] = kind
        string = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
        lines.append(f"{kind.value} {node_id} {string} "
                     f"{' '.join('#' + t for t in tags)} {relation}")
    return "\n".join(lines) + "\n", quotes


def round_trip(text: str, quotes: list[str], output_format: str) -> tuple:
    """The map, and the map read back from its export in `output_format`."""
    with tempfile.TemporaryDirectory() as folder:
        original = Path(folder, "m.arg")
        original.write_text(text, encoding="utf-8")
        Path(folder, "source.txt").write_text("\n\n".join(quotes) + "\n", encoding="utf-8")
        semantics = argmap.load(str(original))
        exported = Path(folder, "m.argdown" if output_format == "argdown" else "m.aif.json")
        module = as_argdown if output_format == "argdown" else as_aif
        exported.write_text(module.export(semantics), encoding="utf-8")
        back_text, _ = import_file(str(exported),
                                   argdown=argdown() if output_format == "argdown" else None)
        back = Path(folder, "back.arg")
        back.write_text(back_text, encoding="utf-8")
        read_back = argmap.load(str(back))
        errors = [f for f in check_paths([str(back)]).findings if f.severity.value == "error"]
        original_errors = [f for f in check_paths([str(original)]).findings
                           if f.severity.value == "error"]
        return semantics, read_back, errors, original_errors


@given(maps())
def test_a_map_comes_back_whole_through_aif(generated):
    semantics, back, errors, original_errors = round_trip(*generated, "aif")
    assert {i: n.text for i, n in back.nodes.items()} == {
        i: n.text for i, n in semantics.nodes.items()}
    # AIF has no form for a concession (`argmap export` says so when it leaves one out).
    assert structure(back) == structure(semantics, concessions=False)
    # AIF has no kinds: evidence is a quote (an asserted locution with a source), the
    # others are what their relations make them.
    assert {i for i, n in back.nodes.items() if n.kind is NodeKind.EVIDENCE} == {
        i for i, n in semantics.nodes.items() if n.kind is NodeKind.EVIDENCE}
    if not original_errors:
        assert errors == []


# Each example runs Node once: fewer of them.
@settings(max_examples=15)
@given(maps())
def test_a_map_comes_back_whole_through_argdown(generated):
    semantics, back, errors, original_errors = round_trip(*generated, "argdown")
    assert {i: (n.kind, " ".join(n.text.split()), n.tags) for i, n in back.nodes.items()} == {
        i: (n.kind, " ".join(n.text.split()), n.tags) for i, n in semantics.nodes.items()}
    assert structure(back) == structure(semantics)
    if not original_errors:
        assert errors == []


def test_topics_come_back_through_argdown():
    text = ('document m "M" { source "source.txt" }\ntopic "Why"\nthesis t "T."\n'
            'assumption a "A." supports t\ntopic "Against #it"\nobjection o "O." attacks t\n'
            'assumption b "B." supports o\n')
    semantics, back, errors, _ = round_trip(text, [], "argdown")
    def topics(map_semantics):
        document = map_semantics.map
        return [(topic.name, [document.nodes[i].id for i in members])
                for topic, members in topic_spans(document.topics, len(document.nodes))]
    assert topics(back) == topics(semantics) == [("Why", ["t", "a"]),
                                                 ("Against #it", ["o", "b"])]
    assert errors == []


AIF_CONSTRUCTS = {
    "nodes": [
        {"nodeID": "1", "text": "We should act.", "type": "I"},
        {"nodeID": "2", "text": "Experts say so.", "type": "I"},
        {"nodeID": "3", "text": "Expert Opinion", "type": "RA", "scheme": "Expert Opinion"},
        {"nodeID": "4", "text": "The experts were paid.", "type": "I"},
        {"nodeID": "5", "text": "Default Conflict", "type": "CA"},
        {"nodeID": "6", "text": "Acting costs too much.", "type": "I"},
        {"nodeID": "7", "text": "Default Conflict", "type": "CA"},
        {"nodeID": "8", "text": "Action is needed.", "type": "I"},
        {"nodeID": "9", "text": "Default Rephrase", "type": "MA"},
    ],
    "edges": [
        {"edgeID": "a", "fromID": "2", "toID": "3"}, {"edgeID": "b", "fromID": "3", "toID": "1"},
        {"edgeID": "c", "fromID": "4", "toID": "5"}, {"edgeID": "d", "fromID": "5", "toID": "3"},
        {"edgeID": "e", "fromID": "6", "toID": "7"}, {"edgeID": "f", "fromID": "7", "toID": "1"},
        {"edgeID": "g", "fromID": "8", "toID": "9"}, {"edgeID": "h", "fromID": "9", "toID": "1"},
    ],
    "locutions": [],
}


@needs_arguebuf
def test_aif_ids_written_as_numbers_are_read(tmp_path):
    path = tmp_path / "numbers.json"
    path.write_text(json.dumps({
        "nodes": [{"nodeID": 1, "text": "A", "type": "I"}, {"nodeID": 2, "text": "B", "type": "I"},
                  {"nodeID": 3, "text": "Argument From Expert Opinion", "type": "RA"}],
        "edges": [{"edgeID": 1, "fromID": 2, "toID": 3}, {"edgeID": 2, "fromID": 3, "toID": 1}],
        "locutions": []}), encoding="utf-8")
    text, notes = import_file(str(path))
    assert notes == []
    assert text.endswith('premise n2 "B"\n  supports n1 by expert-opinion\n')


def test_what_is_not_aif_is_an_input_problem(tmp_path, capsys):
    path = tmp_path / "other.json"
    path.write_text('{"nodes": 3}', encoding="utf-8")
    assert main(["import", str(path)]) == 2
    assert f"{path}: not AIF JSON: no list of `nodes`" in capsys.readouterr().err


@needs_arguebuf
def test_aif_schemes_conflicts_and_undercuts_and_what_is_noted(tmp_path):
    path = tmp_path / "constructs.json"
    path.write_text(json.dumps(AIF_CONSTRUCTS, indent=1), encoding="utf-8")
    text, notes = import_file(str(path))
    assert [(n.line, n.message) for n in notes] == [
        (45, "rephrase node 9 has no form in the map; it is left out"),
    ]
    assert text == """\
# Imported by `argmap import` from constructs.json (AIF, read by arguebuf).
document constructs "constructs" {}

thesis n1 "We should act."

premise n2 "Experts say so."
  supports n1 by expert-opinion

objection n4 "The experts were paid."
  undercuts n2 -> n1

objection n6 "Acting costs too much."
  attacks n1

thesis n8 "Action is needed."
"""


def test_a_lone_surrogate_in_aif_becomes_a_replacement_character(tmp_path, capsys):
    """JSON's `\\ud800` is a lone surrogate in the string read, which UTF-8 cannot hold."""
    path = tmp_path / "s.json"
    path.write_text('{"nodes":[{"nodeID":"1","text":"a\\ud800 b\\udcff","type":"I"}],'
                    '"edges":[]}', encoding="utf-8")
    assert main(["import", str(path)]) == 0
    assert 'thesis n1 "a\ufffd b\ufffd"' in (tmp_path / "s.arg").read_text(encoding="utf-8")
    assert 'thesis n1 "a\ufffd b\ufffd"' in import_file(str(path))[0]


def test_a_lone_surrogate_from_the_argdown_cli_becomes_a_replacement_character(
        tmp_path, monkeypatch):
    """What the Argdown CLI writes is JSON too: a `\\ud800` in it (here put in its output)
    is read as a lone surrogate."""
    from argmap.importing import argdown as reader

    real = reader.run_argdown
    monkeypatch.setattr(reader, "run_argdown", lambda *words: json.loads(
        json.dumps(real(*words)).replace("SURROGATE", "\\ud800")))
    path = tmp_path / "m.argdown"
    path.write_text("[A]: a SURROGATE.\n", encoding="utf-8")
    text, _ = import_file(str(path), argdown=argdown())
    assert 'thesis A "a \ufffd."' in text
    text.encode("utf-8")


def test_import_treats_a_link_as_a_map_that_exists(tmp_path, tmp_path_factory, capsys):
    """A link to nothing exists too; with --force, a link out of the project is refused."""
    outside = tmp_path_factory.mktemp("outside") / "planted.arg"
    path = tmp_path / "s.json"
    path.write_text('{"nodes":[{"nodeID":"1","text":"a","type":"I"}],"edges":[]}',
                    encoding="utf-8")
    (tmp_path / "s.arg").symlink_to(outside)
    assert main(["import", str(path)]) == 2
    assert "s.arg exists (a link to" in capsys.readouterr().err
    assert main(["import", str(path), "--force"]) == 2
    assert "outside the project folder" in capsys.readouterr().err
    assert not outside.exists()
