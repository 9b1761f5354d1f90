"""`argmap stats`: counts per kind, argumentative sentences, coverage, both formats."""

from __future__ import annotations

import json

import pytest

from argmap.cli import main
from argmap.quotes import SourceText
from argmap.stats import argumentative_sentences

SOURCE = """\
A Title Without A Full Stop

First claim is here. Second claim cites the U.S. Congress and St. Louis twice.

A Heading

Is a question a sentence? Yes! "A quoted sentence ends here." Last one (in brackets).

Jane Doe is a writer. She lives nowhere.
"""


def _texts(skip=frozenset()):
    return [s.text for s in argumentative_sentences(SourceText(SOURCE), skip)]


def test_sentences_skip_headings_and_keep_abbreviations_together():
    assert _texts() == [
        "First claim is here.", "Second claim cites the U.S. Congress and St. Louis twice.",
        "Is a question a sentence?", "Yes!", '"A quoted sentence ends here."',
        "Last one (in brackets).", "Jane Doe is a writer.", "She lives nowhere."]


def test_skip_lines_leave_out_a_bio():
    assert _texts(frozenset({9}))[-1] == "Last one (in brackets)."


def test_sentences_know_their_lines():
    assert [s.line for s in argumentative_sentences(SourceText(SOURCE))] == [3, 3, 7, 7, 7, 7, 9, 9]


def _write(project, evidence: str, skip: str = "") -> None:
    (project.root / "seeds" / "s.txt").write_text(SOURCE, encoding="utf-8")
    header = f'document d "D" {{ source "../seeds/s.txt" {skip} }}\n'
    project.write("d.arg", header + 'thesis t "T."\n' + evidence)


def _stats(project, capsys, *args) -> list[dict]:
    assert main(["stats", "--format", "json", *args, str(project.root / "maps")]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_sentence_is_quoted_when_half_its_words_are(project, capsys):
    # "Second claim ... twice." has 11 words (U.S is two); 6 quoted is over half, 4 is not.
    _write(project, 'evidence a "First claim is here." supports t\n'
                    'evidence b "Second claim cites the U.S" supports t\n'
                    'evidence c "Is a question" supports t\n')
    [stats] = _stats(project, capsys)
    assert stats["sentences"] == {"argumentative": 8, "quoted": 3}
    assert stats["coverage"] == 0.375
    assert [u["line"] for u in stats["unquoted"]] == [7, 7, 7, 9, 9]
    _write(project, 'evidence b "Second claim cites the" supports t\n')
    [stats] = _stats(project, capsys)
    assert stats["sentences"]["quoted"] == 0


def test_elided_quotes_cover_only_their_pieces(project, capsys):
    _write(project, 'evidence a "Jane Doe ... She lives nowhere." supports t\n', 'skip-lines "3, 7"')
    [stats] = _stats(project, capsys)
    assert stats["sentences"] == {"argumentative": 2, "quoted": 1}
    assert stats["unquoted"] == [{"line": 9, "text": "Jane Doe is a writer."}]


def test_counts_per_kind(project, capsys):
    _write(project, 'premise p "P." supports t\nobjection o "O." attacks t\n'
                    'rebuttal r "R." attacks o undercuts p -> t\n')
    [stats] = _stats(project, capsys)
    assert stats["nodes"] == {"thesis": 1, "premise": 1, "evidence": 0, "assumption": 0,
                              "objection": 1, "rebuttal": 1}
    assert stats["relations"] == {"supports": 1, "attacks": 2, "undercuts": 1, "explains": 0,
                                  "concedes": 0, "outranks": 0}


def test_no_source_means_unknown_coverage(project, capsys):
    project.write("d.arg", 'document d "D" { }\nthesis t "T."\n')
    [stats] = _stats(project, capsys)
    assert stats["coverage"] is None
    assert stats["source_problem"] == "the header names no source"


def test_comparison_counts_cross_relations(project, capsys):
    _write(project, "")
    project.write("e.arg", 'document e "E" { }\nthesis u "U."\n')
    project.write("c.arg", 'compare c "C" { use "d.arg" use "e.arg" }\n'
                           'd.t agrees e.u "x"\nd.t contradicts e.u\n')
    comparison = next(s for s in _stats(project, capsys) if s["kind"] == "comparison")
    assert comparison["documents"] == ["d", "e"]
    assert comparison["relations"] == {"agrees": 1, "contradicts": 1, "qualifies": 0,
                                       "supports": 0, "attacks": 0, "explains": 0}


def test_text_format_lists_unquoted_sentences(project, capsys):
    _write(project, 'evidence a "First claim is here." supports t\n', 'skip-lines "7-9"')
    assert main(["stats", str(project.root / "maps")]) == 0
    out = capsys.readouterr().out
    assert "nodes: 2 (thesis 1, evidence 1)" in out
    assert "coverage: 50% (1 of 2 argumentative sentences quoted)" in out
    assert "unquoted, line 3: Second claim cites the U.S. Congress and St. Louis twice." in out


def test_a_file_that_does_not_parse_is_reported_and_fails(project, capsys):
    project.write("bad.arg", 'thesis "no id"\n')
    assert main(["stats", str(project.root / "maps")]) == 1
    captured = capsys.readouterr()
    assert "bad.arg:1:8: error:" in captured.err
    assert captured.out == ""


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_output_is_deterministic(project, capsys, fmt):
    _write(project, 'evidence a "First claim is here." supports t\n')
    outputs = []
    for _ in range(2):
        main(["stats", "--format", fmt, str(project.root / "maps")])
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("doc, name", [("docs/language.md", "fpri.arg"), ("README.md", "eastwest.arg")])
def test_the_documented_examples_are_real(capsys, monkeypatch, doc, name):
    from conftest import ROOT

    text = (ROOT / doc).read_text(encoding="utf-8")
    shown = text.split(f"$ argmap stats maps/{name}\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    assert main(["stats", f"maps/{name}"]) == 0
    assert capsys.readouterr().out == shown
