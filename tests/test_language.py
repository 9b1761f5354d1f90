"""The grammar and the model: the spec's examples, strings, comments, tags, keywords."""

from __future__ import annotations

import pytest

from argmap.errors import ArgSyntaxError
from argmap.lexicon import CrossKind, NodeKind, RelationKind
from argmap.model import Comparison, DocumentMap, Link, to_data
from argmap.parsing import parse
from conftest import DATA


def parse_spec(name: str):
    return parse((DATA / "spec" / name).read_text(encoding="utf-8"), name)


def test_spec_document_map_parses_with_its_meaning():
    document_map = parse_spec("fpri.arg")
    assert isinstance(document_map, DocumentMap)
    header = document_map.header
    assert (header.id, header.get("source").value) == ("fpri", "../seeds/fpri.txt")
    assert [(n.kind, n.id) for n in document_map.nodes] == [
        (NodeKind.THESIS, "engage_russia"), (NodeKind.PREMISE, "sanctions_fail"),
        (NodeKind.EVIDENCE, "sanctions_quote"), (NodeKind.ASSUMPTION, "russia_leverage"),
        (NodeKind.OBJECTION, "weak_ties"), (NodeKind.REBUTTAL, "old_ties")]
    old_ties = document_map.nodes[-1]
    assert old_ties.tags == ("history",)
    assert [(r.kind, r.target.node) for r in old_ties.relations] == [(RelationKind.ATTACKS, "weak_ties")]


def test_spec_comparison_parses_with_its_meaning():
    comparison = parse_spec("fpri-vs-eastwest.arg")
    assert isinstance(comparison, Comparison)
    assert [u.path for u in comparison.uses] == ["fpri.arg", "eastwest.arg"]
    assert [(str(r.source), r.kind, str(r.target)) for r in comparison.relations] == [
        ("fpri.engage_russia", CrossKind.AGREES, "eastwest.useful_partner"),
        ("fpri.united_front", CrossKind.CONTRADICTS, "eastwest.independence_from_china"),
        ("eastwest.sanctions_violations", CrossKind.ATTACKS, "fpri.engage_russia")]
    assert comparison.relations[0].explanation.startswith("Both end by casting Moscow")
    assert comparison.relations[2].explanation is None


def test_model_of_the_spec_map(data_regression):
    data_regression.check(to_data(parse_spec("fpri.arg")))


def test_model_of_the_spec_comparison(data_regression):
    data_regression.check(to_data(parse_spec("fpri-vs-eastwest.arg")))


def test_positions_are_kept_for_nodes_and_references():
    document_map = parse('document d "t" {}\n\n  premise p "x"\n    supports q, d.r\n', "m.arg")
    node = document_map.nodes[0]
    assert (node.position.file, node.position.line, node.position.column) == ("m.arg", 3, 3)
    assert (node.text_position.line, node.text_position.column) == (3, 13)
    refs = [r.target for r in node.relations]
    assert [(r.document, r.node, r.position.line, r.position.column) for r in refs] == [
        (None, "q", 4, 14), ("d", "r", 4, 17)]


def test_undercut_targets_a_support_link():
    document_map = parse('objection o "x" undercuts a -> b, c->d', "m.arg")
    links = [r.target for r in document_map.nodes[0].relations]
    assert all(isinstance(link, Link) for link in links)
    assert [str(link) for link in links] == ["a -> b", "c -> d"]


def test_statements_may_wrap_over_lines_and_carry_comments():
    text = 'premise\n  p # the id\n  "text"   # the text\n  #tag\n  supports\n    a,\n    b\n'
    node = parse(text, "m.arg").nodes[0]
    assert (node.id, node.text, node.tags) == ("p", "text", ("tag",))
    assert [r.target.node for r in node.relations] == ["a", "b"]


@pytest.mark.parametrize("source, text", [
    (r'"say \"no\""', 'say "no"'),
    (r'"back\\slash"', "back\\slash"),
    (r'"two\nlines"', "two\nlines"),
    ('"curly ’quotes’ and “these”"', "curly ’quotes’ and “these”"),
    ('"""\n    first\n      indented\n    last\n    """', "first\n  indented\nlast"),
    ('"""one line"""', "one line"),
    ('"""\n  a "quoted" word and \\"escaped\\" ones\n"""', 'a "quoted" word and "escaped" ones'),
    ('""""""', ""),
])
def test_strings(source, text):
    assert parse(f"premise p {source}", "m.arg").nodes[0].text == text


def test_triple_quoted_strings_keep_crlf_out():
    node = parse('premise p """\r\n  a\r\n  b\r\n"""\r\n', "m.arg").nodes[0]
    assert node.text == "a\nb"


@pytest.mark.parametrize("text, line, column, words", [
    ('premise p "bad \\q"', 1, 16, "unknown escape `\\q`"),
    ('premise p """\nok\n  \\t"""', 3, 3, "unknown escape `\\t`"),
])
def test_unknown_escapes_are_syntax_errors(text, line, column, words):
    with pytest.raises(ArgSyntaxError) as caught:
        parse(text, "m.arg")
    assert (caught.value.position.line, caught.value.position.column) == (line, column)
    assert words in caught.value.message


def test_hash_space_is_a_comment_and_hash_word_a_tag():
    node = parse('premise p "x" #keep # not a tag\n#also', "m.arg").nodes[0]
    assert node.tags == ("keep", "also")


@pytest.mark.parametrize("keyword", [
    "document", "compare", "use", "thesis", "premise", "evidence", "assumption", "objection",
    "rebuttal", "supports", "attacks", "undercuts", "agrees", "contradicts", "qualifies"])
def test_every_keyword_is_reserved(keyword):
    with pytest.raises(ArgSyntaxError) as caught:
        parse(f'premise {keyword} "x"', "m.arg")
    assert caught.value.position.column == 9
    assert f"`{keyword}`" in caught.value.message


@pytest.mark.parametrize("keyword", ["supports", "agrees", "use"])
def test_keywords_are_reserved_as_targets_too(keyword):
    with pytest.raises(ArgSyntaxError):
        parse(f'premise p "x" supports {keyword}', "m.arg")


def test_identifiers_may_hold_hyphens_and_underscores():
    node = parse('premise _a-b_2 "x" supports c-d', "m.arg").nodes[0]
    assert (node.id, node.relations[0].target.node) == ("_a-b_2", "c-d")


def test_a_keyword_may_start_an_identifier():
    node = parse('premise supportsx "x" supports thesis_1', "m.arg").nodes[0]
    assert (node.id, node.relations[0].target.node) == ("supportsx", "thesis_1")


def test_empty_file_is_an_empty_map():
    assert parse("", "m.arg") == DocumentMap("m.arg", (), ())


def test_spec_map_checks_with_its_quote_found(project):
    project.write("fpri.arg", (DATA / "spec" / "fpri.arg").read_text(encoding="utf-8"))
    findings = project.check("fpri.arg")
    assert [(f.rule, f.position.line) for f in findings] == [
        ("unsupported-claim", 18), ("unsupported-claim", 21)]


def test_a_node_is_equal_to_one_written_alike_in_the_same_file_only():
    """The model keeps offsets and works out positions when asked (issue 14); two objects
    written alike are equal only within one file, as when they held their positions."""
    text = 'document d "D" { }\nthesis t "x"\n'
    assert parse(text, "a.arg") == parse(text, "a.arg")
    assert parse(text, "a.arg").nodes[0] != parse(text, "b.arg").nodes[0]
    assert len({parse(text, "a.arg").nodes[0], parse(text, "b.arg").nodes[0]}) == 2
    assert parse(text, "a.arg").nodes[0].position.line == 2
