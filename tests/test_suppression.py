"""Inline suppression (`# argmap: ignore[...]`) and the `unused-suppression` rule."""

from __future__ import annotations

from argmap.lint import check_paths
from argmap.settings import Discovery, Options
from conftest import HEADER

GROUNDED = HEADER + 'thesis main "A claim."\nassumption ground "A ground." supports main\n'


def found(project, text: str, name: str = "m.arg", **options) -> list[tuple[str, int, int, str]]:
    """(rule, line, column, message) of each finding of checking `text`."""
    path = project.write(name, text)
    return [(f.rule, f.position.line, f.position.column, f.message)
            for f in check_paths([str(path)], **options).findings]


def rules(project, text: str, **options) -> list[tuple[str, int]]:
    return [(rule, line) for rule, line, _, _ in found(project, text, **options)]


def test_named_rules_are_silenced_on_the_node_and_its_later_lines(project):
    text = GROUNDED + 'premise p "x"  # argmap: ignore[unknown-reference, unsupported-claim]\n  supports mian\n'
    assert rules(project, text) == []
    assert rules(project, text.replace("  # argmap", "  # not argmap")) == [
        ("unsupported-claim", 4), ("unknown-reference", 5)]


def test_only_the_named_rules_are_silenced(project):
    text = GROUNDED + 'premise p "x" supports mian  # argmap: ignore[AM105]\n'
    assert rules(project, text) == [("unsupported-claim", 4)]


def test_a_bare_ignore_silences_every_rule(project):
    text = GROUNDED + 'premise p "x" supports mian # argmap: ignore\n'
    assert rules(project, text) == []


def test_the_next_node_is_not_silenced(project):
    text = GROUNDED + 'evidence a "A quote." # argmap: ignore\nevidence b "B quote."\n'
    assert [rule for rule, _ in rules(project, text)] == ["unused-evidence", "quote-not-found"]
    assert all(line == 5 for _, line in rules(project, text))


def test_a_header_can_be_silenced(project):
    text = ('document d "A document" { source "missing.txt" }  # argmap: ignore[source-not-found]\n'
            'thesis main "A claim."\nassumption ground "A ground." supports main\n')
    assert rules(project, text) == []


def test_a_relation_of_a_comparison_can_be_silenced(project):
    project.write("a.arg", 'document a "A" { }\nthesis t "x"\nassumption g "y" supports t\n')
    text = 'compare c "C" { use "a.arg" }\na.t agrees a.t  # argmap: ignore[invalid-relation]\n'
    assert rules(project, text) == []
    assert rules(project, text.replace("  # argmap: ignore[invalid-relation]", "")) == [
        ("invalid-relation", 2)]


def test_a_hash_inside_a_string_is_not_a_comment(project):
    text = GROUNDED + 'premise p "x # argmap: ignore" supports mian\n'
    assert rules(project, text) == [("unsupported-claim", 4), ("unknown-reference", 4)]
    block = GROUNDED + 'premise p """x\n  # argmap: ignore\n  y""" supports mian\n'
    assert [rule for rule, _ in rules(project, block)] == ["unsupported-claim", "unknown-reference"]


def test_a_file_with_a_syntax_error_is_reported_whatever_its_comments(project):
    assert rules(project, "thesis t  # argmap: ignore\n") == [("syntax-error", 1)]


# unused-suppression

def unused(project, text: str, **options) -> list[tuple[int, int, str]]:
    return [(line, column, message) for rule, line, column, message in found(project, text, **options)
            if rule == "unused-suppression"]


def test_a_bare_ignore_that_silences_nothing(project):
    assert unused(project, HEADER + 'thesis main "A claim."  # argmap: ignore\n'
                  'assumption ground "A ground." supports main\n') == [
        (2, 25, "`# argmap: ignore` silences nothing: no finding on thesis `main`")]


def test_each_name_that_silences_nothing(project):
    text = GROUNDED + 'premise p "x" supports mian  # argmap: ignore[unknown-reference, AM306, no-thesis]\n'
    assert unused(project, text) == [
        (4, 66, "nothing to silence: `AM306` (unused-evidence) reports nothing on premise `p`"),
        (4, 73, "nothing to silence: `no-thesis` reports nothing on premise `p`")]
    assert rules(project, text) == [("unsupported-claim", 4), ("unused-suppression", 4),
                                    ("unused-suppression", 4)]


def test_a_name_that_is_no_rule(project):
    text = GROUNDED + 'premise p "x" supports main  # argmap: ignore[unsupported-claims]\n'
    assert unused(project, text) == [
        (4, 47, "no rule is called `unsupported-claims`; did you mean `unsupported-claim`?")]


def test_a_comment_away_from_a_first_line(project):
    text = GROUNDED + 'premise p "x"\n  supports mian  # argmap: ignore[unknown-reference]\n'
    assert unused(project, text) == [(5, 18, "this `# argmap: ignore` silences nothing: put it at "
                                             "the end of the first line of a node or header")]
    assert ("unknown-reference", 5) in rules(project, text)


def test_an_unreadable_argmap_comment(project):
    for comment in ("# argmap: ignore unknown-reference", "# argmap: ignore[]", "# argmap: skip"):
        text = GROUNDED + f'premise p "x" supports main  {comment}\n'
        assert unused(project, text) == [(4, 30, "cannot read this `# argmap:` comment: write "
                                                 "`# argmap: ignore` or `# argmap: ignore[RULE, ...]`")]


def test_a_reason_may_follow_in_another_comment(project):
    text = GROUNDED + 'premise p "x" supports mian  # argmap: ignore[AM105, AM304]  # kept on purpose\n'
    assert rules(project, text) == []


def test_names_of_rules_that_did_not_run_are_not_reported(project):
    text = GROUNDED + 'premise p "x" supports main  # argmap: ignore[unused-evidence]\n'
    assert unused(project, text, settings=Discovery(options=Options(ignore=["AM306"]))) == []
    assert len(unused(project, text)) == 1


def test_unused_suppression_can_be_turned_off(project):
    text = GROUNDED + 'premise p "x" supports main  # argmap: ignore\n'
    without = Discovery(options=Options(ignore=["unused-suppression"]))
    assert unused(project, text, settings=without) == []
    assert rules(project, text, settings=without) == []


def test_unused_suppression_cannot_silence_itself(project):
    text = GROUNDED + 'premise p "x" supports main  # argmap: ignore[unused-suppression, nope]\n'
    messages = [message for _, _, message in unused(project, text)]
    assert messages == ["`unused-suppression` cannot be silenced inline; turn it off in the "
                        "configuration", "no rule is called `nope`"]
