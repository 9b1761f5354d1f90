"""Quick fixes from findings: each "did you mean" replaces the right text with the suggestion
(the server's end-to-end tests are in test_lsp.py)."""

from __future__ import annotations

import pytest

from argmap.lint import check_paths
from argmap.lsp.fixes import fix_for
from argmap.tokens import tokenize
from conftest import HEADER


def applied(project, name: str, text: str) -> dict[str, str]:
    """For each finding with a fix, the file's text with the fix applied, by rule."""
    path = project.write(name, text)
    lines = text.split("\n")
    tokens = tuple(tokenize(text))
    fixed = {}
    for finding in check_paths([str(path)]).findings:
        if finding.position.file != str(path):
            continue
        offset = sum(len(line) + 1 for line in lines[:finding.position.line - 1]) \
            + finding.position.column - 1
        fix = fix_for(finding, tokens, offset)
        if fix is not None:
            fixed[finding.rule] = text[:fix.start] + fix.text + text[fix.end:]
    return fixed


@pytest.mark.parametrize("wrong, right", [
    ('supports mian', 'supports main'),
    ('supports d.mian', 'supports d.main'),
])
def test_a_misspelt_node_in_a_map(project, wrong, right):
    text = HEADER + f'thesis main "x"\npremise p "y" {wrong}\n'
    assert applied(project, "m.arg", text)["unknown-reference"] == text.replace(wrong, right)


def test_a_misspelt_header_key_and_a_misspelt_source(project):
    text = 'document d "D" { source "../seeds/fpri.tx" authr "A" }\nthesis main "x"\n'
    fixed = applied(project, "m.arg", text)
    assert fixed["invalid-header"] == text.replace("authr", "author")
    assert fixed["source-not-found"] == text.replace("fpri.tx", "fpri.txt")


def test_a_misspelt_rule_in_a_suppression_comment(project):
    text = HEADER + 'thesis main "x"  # argmap: ignore[unsuported-claim]\n'
    fixed = applied(project, "m.arg", text)
    assert fixed["unused-suppression"] == text.replace("unsuported", "unsupported")


def test_misspelt_names_in_a_comparison(project):
    project.write("a.arg", HEADER + 'thesis main "x"\n')
    project.write("b.arg", 'document b "B" {}\nthesis other "y"\n')
    text = 'compare c "C" { use "a.arg" use "bb.arg" }\nd.mian agrees b.other\n'
    fixed = applied(project, "c.arg", text)
    assert fixed["unknown-reference"] in (text.replace("bb.arg", "b.arg"),
                                          text.replace("d.mian", "d.main"))
    text = 'compare c "C" { use "a.arg" use "b.arg" }\nd.mian agrees bx.other\n'
    project.write("c.arg", text)
    findings = [f for f in check_paths([str(project.root / "maps" / "c.arg")]).findings
                if f.rule == "unknown-reference"]
    messages = sorted(f.message for f in findings)
    assert any("did you mean `d.main`?" in m for m in messages)
    tokens = tuple(tokenize(text))
    results = set()
    for finding in findings:
        offset = text.index("\n") + 1 + finding.position.column - 1
        fix = fix_for(finding, tokens, offset)
        results.add(text[:fix.start] + fix.text + text[fix.end:])
    assert results == {text.replace("d.mian", "d.main"), text.replace("bx.other", "b.other")}


def test_a_misspelt_node_kind(project):
    text = HEADER + 'thesis main "x"\npremse p "y" supports main\n'
    assert applied(project, "m.arg", text)["syntax-error"] == text.replace("premse", "premise")
