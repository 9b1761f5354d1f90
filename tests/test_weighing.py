"""What real texts do beyond supporting and attacking: explanations (`explains`),
concessions (`concedes`), ranked rivals (`outranks`) and schemes (`by NAME`), through every
stage: both readers, the semantics, `evaluate`, the rules, the exports and the drawing."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

import argmap
from argmap.errors import ArgSyntaxError
from argmap.evaluation import Label, evaluate
from argmap.lexicon import SCHEMES, RelationKind
from argmap.parsing import parse
from argmap.parsing.lark_parser import parse_with_lark
from argmap.parsing.reader import LeftToLark, read
from argmap.semantics import MapSemantics
from conftest import HEADER, ROOT
from test_rules import assert_findings, rests_on_nothing

# The shapes of the constructs, each from one of the flagship maps.
WEIGHED = '''document d "D" { }
thesis motive "Status explains the active role best." explains active by best-explanation
  outranks rival
assumption motive_ground "Status ground." supports motive
premise active "Moscow is active."
evidence active_quote "has devoted considerable diplomatic resources" supports active
premise rival "Analysts cite influence and alignment." #alternatives explains active
assumption rival_ground "Rival ground." supports rival
premise granted "These factors have shaped perceptions." concedes motive
assumption granted_ground "Granted ground." supports granted
premise aim "The initiatives aim at preventing a war." explains active with belief
  by practical-reasoning
premise belief "Policymakers believe a consensus will moderate Trump."
'''


def both(text: str):
    """The model each reader builds of `text`, which must be the same."""
    by_reader = read(text, "m.arg")
    assert not isinstance(by_reader, LeftToLark)
    assert by_reader == parse_with_lark(text, "m.arg")
    return by_reader


def relations(model, node_id):
    node = next(n for n in model.nodes if n.id == node_id)
    return [(r.kind.value, str(r.target), [str(j) for j in r.jointly], r.scheme)
            for r in node.relations]


# Parsing, by both readers

def test_both_readers_read_explanations_concessions_preferences_and_schemes():
    model = both(WEIGHED)
    assert relations(model, "motive") == [
        ("explains", "active", [], "best-explanation"), ("outranks", "rival", [], None)]
    assert relations(model, "granted") == [("concedes", "motive", [], None)]
    assert relations(model, "aim") == [
        ("explains", "active", ["belief"], "practical-reasoning")]


def test_a_scheme_names_every_target_of_its_relation_and_a_linked_support():
    model = both('thesis t "T." premise p "P." supports t, u by sign\n'
                 'premise q "Q." supports t with p by practical-reasoning attacks u\n'
                 'premise u "U."')
    assert relations(model, "p") == [("supports", "t", [], "sign"), ("supports", "u", [], "sign")]
    assert relations(model, "q") == [("supports", "t", ["p"], "practical-reasoning"),
                                     ("attacks", "u", [], None)]


@pytest.mark.parametrize("text, words", [
    ('thesis t "T." premise p "P." attacks t by sign', "unexpected `by`"),
    ('thesis t "T." premise p "P." supports t by sign, t', "unexpected `,`"),
    ('thesis t "T." premise p "P." concedes t with t', "only a support or an explanation"),
    ('thesis t "T." premise p "P." supports t by', "expected"),
])
def test_a_misplaced_scheme_or_with_is_a_syntax_error_in_words(text, words):
    assert isinstance(read(text, "m.arg"), LeftToLark)
    with pytest.raises(ArgSyntaxError) as error:
        parse(text, "m.arg")
    assert words in str(error.value)


@pytest.mark.parametrize("keyword", ["explains", "concedes", "outranks", "by"])
def test_the_new_words_are_reserved(keyword):
    with pytest.raises(ArgSyntaxError):
        parse(f'thesis {keyword} "T."', "m.arg")


# Semantics

def test_an_explanation_grounds_nothing_and_concessions_and_preferences_are_resolved():
    semantics = MapSemantics(parse(WEIGHED, "m.arg"))
    assert [i.premises for i in semantics.explanations["active"]] == [
        ("motive",), ("rival",), ("aim", "belief")]
    assert semantics.conceded == {"motive": ["granted"]}
    assert semantics.outranked_by == {"rival": ["motive"]}
    assert "belief" not in semantics.grounded and "aim" not in semantics.grounded
    assert "active" in semantics.grounded  # by its quote, not by what explains it


def test_a_critical_question_is_answered_by_a_tagged_node_bearing_on_the_inference():
    semantics = MapSemantics(parse(WEIGHED, "m.arg"))
    best, _, means_end = semantics.explanations["active"]
    assert [tag for tag, _ in semantics.open_questions(best)] == ["plausibility", "thoroughness"]
    assert [tag for tag, _ in semantics.open_questions(means_end)] == [
        tag for tag, _ in SCHEMES["practical-reasoning"].questions if tag != "alternatives"]


# evaluate

def test_evaluate_ranks_rivals_lower_concedes_without_defeating_and_grounds_no_explanation():
    labelling = evaluate(MapSemantics(parse(WEIGHED, "m.arg")))
    labels = {node: label.value for node, label in labelling.nodes.items()}
    assert labels["motive"] == "in" and labels["granted"] == "in"
    assert labels["rival"] == "outweighed"
    assert labelling.reason("rival") == "stands, ranked below `motive`"
    assert labelling.reason("motive") == ("stands, though the author concedes `granted` "
                                          "against it")
    assert labels["aim"] == "out"
    assert labelling.reason("aim") == "nothing supports it"
    assert Label.OUT not in {labelling.nodes[n] for n in ("rival", "granted", "motive")}


def test_a_claim_only_explained_is_out_and_evaluate_says_why():
    labelling = evaluate(MapSemantics(parse(
        'document d "D" { }\nthesis t "T." premise e "E." explains t\n'
        'assumption a "A." supports e', "m.arg")))
    assert labelling.nodes["t"] is Label.OUT
    assert labelling.reason("t") == "nothing supports it (`e` only explains why it is so)"


def test_a_rival_that_does_not_stand_outweighs_nothing():
    labelling = evaluate(MapSemantics(parse(
        'document d "D" { }\nthesis t "T." premise best "B." explains t outranks other\n'
        'premise other "O." explains t\nassumption a "A." supports other, t', "m.arg")))
    assert labelling.nodes["best"] is Label.OUT  # nothing supports it
    assert labelling.nodes["other"] is Label.IN


def test_an_outweighed_nodes_reason_names_only_the_rivals_and_concessions_that_stand():
    """`low` is ranked below `hi` (itself outweighed by `top`, so it stands) and `mid`
    (undecided: it rests on `u1`, which `u2` attacks and which attacks `u2`); the thesis
    concedes `cu`, undecided too. What does not stand is not named (docs/evaluation.md)."""
    labelling = evaluate(MapSemantics(parse(
        'document d "D" { }\nthesis t "T."\n'
        'premise low "L." explains t\n'
        'premise hi "H." explains t outranks low\n'
        'premise mid "M." explains t outranks low\n'
        'premise top "Top." explains t outranks hi\n'
        'assumption a "A." supports low, hi, top, t\n'
        'assumption u1 "U1." supports mid attacks u2\n'
        'assumption u2 "U2." attacks u1\n'
        'premise cu "CU." concedes t\n'
        'assumption u3 "U3." supports cu attacks u4\n'
        'assumption u4 "U4." attacks u3\n', "m.arg")))
    assert [labelling.nodes[n] for n in ("low", "hi", "mid", "top", "t", "cu")] == [
        Label.OUTWEIGHED, Label.OUTWEIGHED, Label.UNDECIDED, Label.IN, Label.IN,
        Label.UNDECIDED]
    assert labelling.reason("low") == "stands, ranked below `hi`"
    assert labelling.reason("hi") == "stands, ranked below `top`"
    assert labelling.reason("t") == ""


def test_a_thesis_resting_on_a_scheme_with_open_questions_says_so():
    labelling = evaluate(MapSemantics(parse(
        'document d "D" { }\nthesis act "Engage Moscow." #thesis\n'
        'assumption means "Engaging Moscow brings talks." supports act by practical-reasoning\n'
        'assumption other_means "Sanctions failed." #alternatives supports act', "m.arg")))
    assert labelling.nodes["act"] is Label.IN
    assert labelling.reason("act") == (
        "rests on practical-reasoning (`means` → `act`) with open critical questions: "
        "conflicting-goals, feasibility, side-effects")


def test_evaluate_labels_nothing_the_maps_concede_or_rank_lower_as_out():
    for name in ("fpri", "eastwest"):
        semantics = argmap.load(str(ROOT / "maps" / f"{name}.arg"))
        labelling = evaluate(semantics)
        weighed = {*(c for found in semantics.conceded.values() for c in found),
                   *semantics.conceded, *semantics.outranked_by}
        assert weighed
        assert {labelling.nodes[n] for n in weighed} <= {Label.IN, Label.OUTWEIGHED}
        assert Label.OUT not in labelling.nodes.values()
    eastwest = evaluate(argmap.load(str(ROOT / "maps" / "eastwest.arg")))
    assert eastwest.nodes["other_motives"] is Label.OUTWEIGHED


def test_the_comparison_shows_the_disagreement_over_the_united_front():
    comparison = argmap.load(str(ROOT / "maps" / "fpri-vs-eastwest.arg")).comparison
    assert ("attacks", "eastwest.independence_from_china", "fpri.united_front") in {
        (r.kind.value, str(r.source), str(r.target)) for r in comparison.relations}


# Rules

def test_explained_not_supported_fires_on_a_claim_only_explained(project):
    assert_findings(project, HEADER + '''thesis main "Moscow wants a role."
premise motive "Brokering a deal would boost its status." explains main
assumption ground "A ground." supports motive
''', ("explained-not-supported", 2, 1,
      "thesis `main` is only explained (by `motive`), and nothing supports it: an explanation "
      "says why it is so, not that it is"))


def test_explained_not_supported_is_quiet_when_the_claim_is_also_supported(project):
    assert_findings(project, HEADER + '''thesis main "Moscow wants a role."
premise motive "Brokering a deal would boost its status." explains main
assumption ground "A ground." supports motive, main
''')


def test_open_critical_questions_fires_as_info_and_a_tagged_node_answers_one(project):
    questions = "; ".join(f"#{tag}: {q}" for tag, q in SCHEMES["analogy"].questions
                          if tag != "similarity")
    assert_findings(project, HEADER + '''thesis main "The consensus will moderate Trump."
assumption syria "Outreach on Syria softened Washington." supports main by analogy
assumption alike "The cases are alike." #similarity supports main
''', ("open-critical-questions", 3, 68,
      f"`syria` supports `main` by analogy; open critical questions: {questions}"))


def test_open_critical_questions_is_quiet_when_every_question_is_answered(project):
    assert_findings(project, HEADER + '''thesis main "The consensus will moderate Trump."
assumption syria "Outreach on Syria softened Washington." supports main by analogy
assumption alike "The cases are alike." #similarity #differences supports main
''')


def test_unknown_scheme_fires_with_a_suggestion(project):
    assert_findings(project, HEADER + '''thesis main "A claim."
assumption goal "A goal." supports main by practical-reasonning
''', ("unknown-scheme", 3, 36,
      "no scheme `practical-reasonning`: the schemes are " + ", ".join(SCHEMES)
      + "; did you mean `practical-reasoning`?"))


def test_unrelated_preference_fires_on_rivals_for_nothing_in_common(project):
    assert_findings(project, HEADER + '''thesis main "A claim."
assumption best "The best explanation." explains main outranks other
premise other "An explanation of something else." explains best
assumption ground "A ground." supports main, other
''', ("unrelated-preference", 3, 64,
      "`best` outranks `other`, but the two explain or support no claim in common: a "
      "preference ranks rivals"))


def test_unrelated_preference_is_quiet_for_rival_explanations(project):
    assert_findings(project, HEADER + '''thesis main "A claim."
assumption best "The best explanation." explains main outranks other
assumption other "A worse one." explains main
assumption ground "A ground." supports main
''')


@pytest.mark.parametrize("node, message", [
    ('evidence q "Sanctions on North Korea" explains main',
     "evidence `q` is a quote: it supports or attacks; let it support a premise that explains "
     "`main`"),
    ('assumption q "Q." supports main concedes main',
     "`q` both supports and concedes against `main`"),
])
def test_invalid_relation_for_the_new_relations(project, node, message):
    text = HEADER + f'''thesis main "A claim."
assumption ground "A ground." supports main
{node}
'''
    project.write("m.arg", text)
    found = [(f.rule, f.message) for f in project.check("m.arg")]
    assert ("invalid-relation", message) in found


def test_invalid_relation_for_two_nodes_outranking_each_other(project):
    text = HEADER + '''thesis main "A claim."
assumption a "A." explains main outranks b
assumption b "B." explains main outranks a
assumption ground "A ground." supports main
'''
    project.write("m.arg", text)
    assert [(f.rule, f.position.line, f.message) for f in project.check("m.arg")] == [
        ("invalid-relation", 3, "`a` and `b` outrank each other"),
        ("invalid-relation", 4, "`b` and `a` outrank each other")]


def test_a_claim_only_explained_is_not_also_reported_unsupported(project):
    found = assert_findings(project, HEADER + '''thesis main "A claim."
premise why "Why." explains main
''', ("explained-not-supported", 2, 1,
      "thesis `main` is only explained (by `why`), and nothing supports it: an explanation "
      "says why it is so, not that it is"), rests_on_nothing("premise", "why", 3))
    assert found


# Exports

def test_aif_names_schemes_on_ra_nodes_and_arguebuf_reads_them_and_the_preference(tmp_path):
    arguebuf = pytest.importorskip("arguebuf")
    from arguebuf.model.scheme import Preference, Support

    from argmap.export import export

    path = tmp_path / "m.arg"
    path.write_text(WEIGHED, encoding="utf-8")
    data = json.loads(export(argmap.load(str(path)), "aif"))
    texts = {node["nodeID"]: (node["type"], node["text"]) for node in data["nodes"]}
    assert texts["ra:x1"] == ("RA", "Abductive")
    assert texts["ra:x3"] == ("RA", "Practical Reasoning")
    assert texts["pa:1"] == ("PA", "Default Preference")
    graph = arguebuf.load.aif(data, "m")
    assert graph.scheme_nodes["ra:x3"].scheme is Support.PRACTICAL_REASONING
    assert isinstance(graph.scheme_nodes["pa:1"].scheme, Preference)
    assert [n.id for n in graph.incoming_nodes(graph.scheme_nodes["pa:1"])] == ["motive"]
    assert [n.id for n in graph.outgoing_nodes(graph.scheme_nodes["pa:1"])] == ["rival"]


def test_json_export_holds_schemes_explanations_concessions_and_preferences(tmp_path):
    from argmap.export import export

    path = tmp_path / "m.arg"
    path.write_text(WEIGHED, encoding="utf-8")
    data = json.loads(export(argmap.load(str(path)), "json"))
    assert [(x["id"], x["premises"], x["conclusion"], x["scheme"])
            for x in data["explanations"]] == [
        ("x1", ["motive"], "active", "best-explanation"), ("x2", ["rival"], "active", None),
        ("x3", ["aim", "belief"], "active", "practical-reasoning")]
    assert [(c["from"], c["to"]) for c in data["concessions"]] == [("granted", "motive")]
    assert [(p["from"], p["to"]) for p in data["preferences"]] == [("motive", "rival")]
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "src" / "argmap" / "export" / "argmap-export-1.schema.json")
                        .read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)


ARGDOWN = ROOT / "bench" / "node_modules" / ".bin" / "argdown"


@pytest.mark.skipif(not ARGDOWN.exists(), reason="the Argdown CLI is not installed (bench/)")
def test_argdown_reads_the_new_relations_as_data_and_the_scheme_of_an_argument(tmp_path):
    from argmap.export import export

    path = tmp_path / "m.arg"
    path.write_text(WEIGHED + 'premise reason "R." supports active by sign\n'
                    'assumption reason_ground "G." supports reason\n', encoding="utf-8")
    (tmp_path / "m.argdown").write_text(export(argmap.load(str(path)), "argdown"),
                                        encoding="utf-8")
    subprocess.run([str(ARGDOWN), "json", str(tmp_path / "m.argdown"), str(tmp_path)],
                   check=True, capture_output=True, timeout=120)
    data = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    statements = data["statements"]
    assert statements["motive"]["data"]["explains"] == [
        {"to": "active", "scheme": "best-explanation"}]
    assert statements["motive"]["data"]["outranks"] == [{"to": "rival"}]
    assert statements["granted"]["data"]["concedes"] == [{"to": "motive"}]
    assert statements["aim"]["data"]["explains"] == [
        {"to": "active", "with": ["belief"], "scheme": "practical-reasoning"}]
    [argument] = [a for a in data["arguments"].values()
                  if a.get("data", {}).get("scheme") == "sign"]
    assert argument["data"]["kind"] == "inference"


# Drawing

def test_each_new_relation_is_drawn_in_its_own_style_and_named_in_the_legend(tmp_path):
    from argmap.render.dot import draw_map
    from argmap.render.style import RELATION_STYLES

    path = tmp_path / "m.arg"
    path.write_text(WEIGHED, encoding="utf-8")
    source = draw_map(argmap.load(str(path))).source
    for kind in (RelationKind.EXPLAINS, RelationKind.CONCEDES, RelationKind.OUTRANKS):
        style = RELATION_STYLES[kind]
        assert f'arrowhead={style.arrowhead}' in source
        assert f">{style.description}<" in source.split('ID="legend"')[1]
    styles = {(s.colour, s.line, s.arrowhead) for s in RELATION_STYLES.values()}
    assert len(styles) == len(RELATION_STYLES)


def test_render_evaluate_marks_an_outweighed_node(tmp_path):
    from argmap.render.dot import draw_map
    from argmap.render.scene import Options

    path = tmp_path / "m.arg"
    path.write_text(WEIGHED, encoding="utf-8")
    source = draw_map(argmap.load(str(path)), Options(evaluated=True)).source
    # The note under the node, over as many lines as its width takes.
    # (A map sets each line in a cell of its own.)
    joined = re.sub(r"</FONT>(?:<BR/>|</TD></TR><TR><TD>)<FONT[^>]*>", " ", source)
    assert "↓ outweighed: stands, ranked below" in joined
    assert "↓ outweighed: stands, but a rival" in source.split('ID="legend"')[1]
