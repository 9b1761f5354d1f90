"""Error recovery: every syntax error of a map (one a statement), nothing that only follows
from one, and whichever parser reads the good parts, the same errors."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given

from argmap import parsing
from argmap.cli import main
from argmap.errors import SyntaxProblem
from argmap.parsing.reader import LeftToLark
from conftest import HEADER
from test_fuzz import soups

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from gen import generate  # bench/ is not a package

FIVE = '''document d "D" { source "s.txt" }

thesis t "The claim."

premise p1 "unterminated
  supports t

premise p2 "fine" supports t

claim c "a misspelt kind"

premise p3 "x" supprts t

premise p4 "y"
  supports

premise p5 "z" supports t, , t

assumption a "ok" supports p2
'''


def test_five_syntax_errors_are_five_findings():
    model, errors = parsing.parse_all(FIVE, "five.arg")
    assert [(e.position.line, e.position.column, e.problem) for e in errors] == [
        (5, 12, SyntaxProblem.UNTERMINATED_STRING), (10, 1, SyntaxProblem.UNKNOWN_KIND),
        (12, 16, SyntaxProblem.UNKNOWN_RELATION), (17, 1, SyntaxProblem.STATEMENT_IN_RELATION),
        (17, 28, SyntaxProblem.MISSING_TARGET)]
    assert model is not None and [n.id for n in model.nodes] == ["t", "p2", "a"]


def test_check_reports_the_five_and_nothing_else(tmp_path, capsys):
    path = tmp_path / "five.arg"
    path.write_text(FIVE)
    assert main(["check", "--output-format", "concise", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.count("[syntax-error]") == 5 and out.count("\n") == 6  # and the summary
    assert "Found 5 errors in 1 file." in out


def test_more_wrong_in_one_statement_is_one_error():
    text = 'document d "t" {\n  use "x"\n}\n\nthesis main "A claim."\n'
    errors = parsing.parse_all(text, "m.arg")[1]
    assert [e.problem for e in errors] == [SyntaxProblem.KEYWORD_AS_NAME]


def test_carets_underline_the_offending_token(tmp_path, capsys):
    path = tmp_path / "m.arg"
    path.write_text('document d "D" {}\nthesis t "x"\nclaim c "y"\n')
    main(["check", str(path)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:3] == ['  claim c "y"', "  ^^^^^"]


def _findings(tmp_path, capsys, edit) -> list[str]:
    paths = generate(10_000, str(tmp_path))
    path = Path(paths["arg"])
    lines = path.read_text().split("\n")
    lines[6:8] = edit(lines[6:8])  # node n1, near the top: `premise n1 "..."`, `supports n0`
    path.write_text("\n".join(lines))
    main(["check", "--output-format", "concise", "-q", str(path)])
    return capsys.readouterr().out.splitlines()


def test_one_typo_near_the_top_of_a_large_map_is_at_most_three_findings(tmp_path, capsys,
                                                                         monkeypatch):
    monkeypatch.chdir(tmp_path)
    for edit in (lambda two: [two[0], two[1].replace("n0", "n00")],  # a misspelt reference
                 lambda two: [two[0].replace(' "', " ", 1), two[1]],  # a quote left out
                 lambda two: [two[0].replace("premise", "premse"), two[1]]):  # a kind
        findings = _findings(tmp_path, capsys, edit)
        assert 1 <= len(findings) <= 3, findings


@given(soups())
def test_the_errors_are_the_same_whichever_parser_reads_the_good_parts(text):
    both = parsing.parse_all(text, "m.arg")
    original = parsing.read
    parsing.read = lambda text, path: LeftToLark(0)  # Lark alone
    try:
        lark_only = parsing.parse_all(text, "m.arg")
    finally:
        parsing.read = original
    assert [(e.position, e.problem) for e in both[1]] == \
        [(e.position, e.problem) for e in lark_only[1]]
    assert both[0] == lark_only[0]


def test_what_cannot_follow_from_a_syntax_error_is_reported_beside_it(project):
    project.write("m.arg", HEADER + 'thesis t "x"\n'
                                  'premise p "broken\n  supports t\n'
                                  'evidence e "not in the source at all" supports t\n'
                                  'premise t "a second t"  # argmap: ignore[duplicate-id]\n'
                                  'premise q "y" supports p\n')
    assert [(f.rule, f.position.line) for f in project.check("m.arg")] == [
        ("syntax-error", 3), ("quote-not-found", 5)]  # not q's unknown reference to p
