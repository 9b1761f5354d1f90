"""The maps shipped in `maps/` stay clean, covered and compared, as issue 3 asks."""

import json

import pytest

import argmap
from argmap.cli import main
from argmap.lint import check_paths
from conftest import ROOT

MAPS = ROOT / "maps"


def test_maps_have_no_errors_or_warnings():
    findings = check_paths([str(MAPS)]).findings
    assert [f for f in findings if f.severity.value != "info"] == []


def _stats(capsys, *names):
    assert main(["stats", "--format", "json", *(str(MAPS / n) for n in names)]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("name", ["fpri.arg", "eastwest.arg"])
def test_quotes_cover_most_of_each_text(capsys, name):
    [stats] = _stats(capsys, name)
    assert stats["coverage"] >= 0.8, stats["unquoted"]


def test_claims_are_short():
    for path in (MAPS / "fpri.arg", MAPS / "eastwest.arg"):
        model = argmap.load(str(path)).map
        for node in model.nodes:
            if node.kind.value != "evidence":
                assert len(node.text.split()) <= 30, (path.name, node.id)


def test_comparison_takes_positions(capsys):
    [stats] = _stats(capsys, "fpri-vs-eastwest.arg")
    relations = stats["relations"]
    assert sum(relations.values()) >= 10
    # Agreement, qualification and disagreement, each at least twice. The two texts never
    # contradict each other outright (issue 12): they disagree by one's claim speaking
    # against the other's, so disagreement counts `contradicts` and `attacks` alike.
    assert min(relations["agrees"], relations["qualifies"],
               relations["contradicts"] + relations["attacks"]) >= 2
    comparison = argmap.load(str(MAPS / "fpri-vs-eastwest.arg")).comparison
    assert all(relation.explanation for relation in comparison.relations)
    assert {doc for r in comparison.relations for doc in (r.source.document, r.target.document)} == {
        "fpri", "eastwest"}


def test_cross_relations_rest_on_what_the_texts_say():
    # issue 12: no cross relation rests on an analyst's node (an assumption, or #analyst)
    comparison = argmap.load(str(MAPS / "fpri-vs-eastwest.arg"))
    for relation in comparison.comparison.relations:
        for ref in (relation.source, relation.target):
            node = comparison.resolve(ref)
            assert node.kind.value != "assumption" and "analyst" not in node.tags, str(ref)
