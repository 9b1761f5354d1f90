"""Each lint rule, firing and not firing."""

from __future__ import annotations

from conftest import HEADER


def findings_of(project, rule, text, name="m.arg"):
    project.write(name, text)
    return [f for f in project.check(name) if f.rule == rule]


GROUNDED = HEADER + """\
thesis main "Engage Russia."
assumption leverage "Russia has leverage." supports main
"""


# unknown-reference

def test_unknown_reference_suggests_the_closest_id(project):
    [finding] = findings_of(project, "unknown-reference", GROUNDED + 'premise p "x" supports mian\n')
    assert (finding.position.line, finding.position.column) == (4, 24)
    assert finding.message == "no node `mian` in this map; did you mean `main`?"


def test_unknown_reference_in_undercut_link(project):
    found = findings_of(project, "unknown-reference", GROUNDED + 'objection o "x" undercuts nope -> main\n')
    assert [f.message for f in found] == ["no node `nope` in this map"]


def test_qualified_reference_to_another_document_in_a_map(project):
    [finding] = findings_of(project, "unknown-reference", GROUNDED + 'premise p "x" supports other.main\n')
    assert "refers only to its own nodes" in finding.message


def test_qualified_reference_to_the_maps_own_document_resolves(project):
    assert findings_of(project, "unknown-reference", GROUNDED + 'premise p "x" supports d.main\n') == []


def test_comparison_references(project):
    project.write("a.arg", 'document a "A" { source "../seeds/fpri.txt" }\nthesis claim "x"\n')
    project.write("b.arg", 'document b "B" { source "../seeds/fpri.txt" }\nthesis claim "y"\n')
    found = findings_of(project, "unknown-reference", """\
        compare c "C" { use "a.arg" use "b.arg" }
        a.claim agrees b.claim
        a.clam agrees bb.claim
        claim qualifies b.claim
        """, name="c.arg")
    assert [(f.position.line, f.message) for f in found] == [
        (3, "document `a` has no node `clam`; did you mean `a.claim`?"),
        (3, "no used document is called `bb`; did you mean `b`?"),
        (4, "`claim`: in a comparison, name nodes as `DOC.NODE`"),
    ]


def test_use_of_a_missing_file(project):
    project.write("alpha.arg", 'document a "A" { source "../seeds/fpri.txt" }\nthesis claim "x"\n')
    found = findings_of(project, "unknown-reference",
                        'compare c "C" { use "alpah.arg" use "gone.arg" }\na.claim agrees gone.claim\n',
                        name="c.arg")
    assert [(f.position.line, f.message) for f in found] == [
        (1, "`use` names `alpah.arg`, which cannot be read; did you mean `alpha.arg`?"),
        (1, "`use` names `gone.arg`, which cannot be read")]


def test_use_of_a_comparison_is_refused(project):
    project.write("inner.arg", 'compare i "I" { }\n')
    found = findings_of(project, "unknown-reference", 'compare c "C" { use "inner.arg" }\n', name="c.arg")
    assert [f.message for f in found] == ["`inner.arg` is a comparison; `use` takes document maps"]


# duplicate-id

def test_duplicate_node_id(project):
    [finding] = findings_of(project, "duplicate-id", GROUNDED + 'premise main "again"\n')
    assert finding.position.line == 4
    assert finding.message == "`main` is already the id of the thesis at line 2"


def test_distinct_ids_are_fine(project):
    assert findings_of(project, "duplicate-id", GROUNDED) == []


def test_duplicate_document_ids_in_a_comparison(project):
    project.write("a.arg", 'document same "A" { source "../seeds/fpri.txt" }\nthesis t "x"\n')
    project.write("b.arg", 'document same "B" { source "../seeds/fpri.txt" }\nthesis t "y"\n')
    found = findings_of(project, "duplicate-id", 'compare c "C" {\n use "a.arg"\n use "b.arg"\n use "a.arg"\n}\n',
                        name="c.arg")
    assert [(f.position.line, f.message) for f in found] == [
        (3, "`b.arg` and `a.arg` (line 2) are both document `same`"),
        (4, "`a.arg` is used twice")]


# missing-document

def test_map_without_header(project):
    [finding] = findings_of(project, "missing-document", 'thesis t "x"\n')
    assert (finding.position.line, finding.position.column) == (1, 1)
    assert "no header" in finding.message


def test_map_with_two_headers(project):
    [finding] = findings_of(project, "missing-document", GROUNDED + 'document e "Again" {}\n')
    assert finding.position.line == 4
    assert "already at line 1" in finding.message


def test_header_after_nodes(project):
    [finding] = findings_of(project, "missing-document", 'thesis t "x"\n' + HEADER)
    assert finding.position.line == 2
    assert "comes first, before the thesis at line 1" in finding.message


def test_one_header_first_is_fine(project):
    assert findings_of(project, "missing-document", GROUNDED) == []


# no-thesis

def test_no_thesis(project):
    [finding] = findings_of(project, "no-thesis", HEADER + 'premise p "x"\n')
    assert finding.position.line == 1


def test_a_thesis_is_enough(project):
    assert findings_of(project, "no-thesis", GROUNDED) == []


# source-not-found

def test_source_not_found_suggests_a_file(project):
    [finding] = findings_of(project, "source-not-found",
                            'document d "D" {\n  source "../seeds/fpri.text"\n}\nthesis t "x"\n')
    assert (finding.position.line, finding.position.column) == (2, 3)
    assert "cannot read source `../seeds/fpri.text`" in finding.message
    assert finding.message.endswith("did you mean `fpri.txt`?")


def test_no_source_with_evidence(project):
    text = 'document d "D" { }\nthesis t "x"\nevidence e "has proven insufficient" supports t\n'
    [finding] = findings_of(project, "source-not-found", text)
    assert "names no `source`" in finding.message


def test_no_source_without_evidence_is_fine(project):
    assert findings_of(project, "source-not-found", 'document d "D" { }\nthesis t "x"\n') == []


def test_readable_source_is_fine(project):
    assert findings_of(project, "source-not-found", GROUNDED) == []


# quote-not-found

def test_quote_not_found_names_the_closest_passage(project):
    text = GROUNDED + 'evidence e "has proven useless in coercing the country" supports main\n'
    [finding] = findings_of(project, "quote-not-found", text)
    # At the first word that differs: "useless" where the report says "insufficient".
    assert (finding.position.line, finding.position.column) == (4, 24)
    assert text.splitlines()[3][23:].startswith("useless")
    assert "closest match at" in finding.message and "fpri.txt:10: 'has proven insufficient" in finding.message


def test_quote_found_despite_typography(project):
    text = GROUNDED + """\
evidence e1 "Democratic People's Republic of Korea's nuclear" supports main
evidence e2 "such a \\"united front\\"" supports main
evidence e3 "vis - à - vis Pyongyang" supports main
evidence e4 "The policy of economic sanctions ... has proven insufficient" supports main
"""
    assert findings_of(project, "quote-not-found", text) == []


def test_elided_pieces_out_of_order(project):
    text = GROUNDED + 'evidence e "has proven insufficient ... The policy of economic sanctions" supports main\n'
    [finding] = findings_of(project, "quote-not-found", text)
    assert "not in this order within one paragraph" in finding.message


def test_elided_pieces_in_different_paragraphs(project):
    text = GROUNDED + 'evidence e "has proven insufficient ... its support for harsh penalties" supports main\n'
    assert len(findings_of(project, "quote-not-found", text)) == 1


def test_case_is_kept(project):
    text = GROUNDED + 'evidence e "HAS PROVEN INSUFFICIENT" supports main\n'
    assert len(findings_of(project, "quote-not-found", text)) == 1


# invalid-relation

def test_invalid_relations(project):
    text = GROUNDED + """\
premise p "x" supports p
objection o "y" supports main
evidence q "has proven insufficient" supports main undercuts leverage -> main
premise r "z" supports q
rebuttal b "w" attacks main
objection o2 "v" undercuts q -> leverage
premise both "u" supports main attacks main
"""
    found = findings_of(project, "invalid-relation", text)
    assert [(f.position.line, f.message) for f in found] == [
        (4, "`p` supports itself"),
        (5, "an objection cannot support: `o` should attack or undercut, or be a premise if it backs `main`"),
        (6, "only an objection or a rebuttal can undercut, not evidence `q`"),
        (7, "`q` is evidence, a quote: nothing supports it; support the claim it backs instead"),
        (8, "a rebuttal answers an objection, and thesis `main` is not one: use an objection to attack a claim"),
        (9, "`q` does not support `leverage`, so there is no inference to undercut"),
        (10, "`both` both supports and attacks `main`"),
    ]


def test_valid_relations(project):
    text = GROUNDED + """\
evidence q "has proven insufficient" supports main
objection o "y" attacks main undercuts q -> main
rebuttal b "w" attacks o
evidence q2 "Pyongyang is skillful at evading sanctions" supports o
"""
    assert findings_of(project, "invalid-relation", text) == []


def test_comparison_relation_within_one_document(project):
    project.write("a.arg", 'document a "A" { source "../seeds/fpri.txt" }\nthesis t "x"\nthesis u "y"\n')
    found = findings_of(project, "invalid-relation", 'compare c "C" { use "a.arg" }\na.t agrees a.u\n',
                        name="c.arg")
    assert [f.message for f in found] == ["both ends are in `a`: relate nodes of one document in its own map"]


# circular-support

def test_circular_support_is_reported_once_per_cycle(project):
    text = HEADER + """\
thesis t "x"
premise a "a" supports b, t
premise b "b" supports c
premise c "c" supports a
"""
    [finding] = findings_of(project, "circular-support", text)
    assert finding.position.line == 3
    assert finding.message == "circular support: `a` → `b` → `c` → `a`"


def test_attacks_do_not_make_circles(project):
    text = GROUNDED + 'objection o "x" attacks main\nrebuttal r "y" attacks o\nobjection o2 "z" attacks r\n'
    assert findings_of(project, "circular-support", text) == []


# unsupported-claim

def test_unsupported_claim_names_where_support_runs_out(project):
    text = HEADER + """\
thesis t "x"
premise a "a" supports t
premise b "b" supports a
"""
    found = findings_of(project, "unsupported-claim", text)
    assert [(f.position.line, f.message) for f in found] == [
        (2, "thesis `t` does not rest on evidence or an assumption: its support ends in premise `b`, which nothing supports"),
        (3, "premise `a` does not rest on evidence or an assumption: its support ends in premise `b`, which nothing supports"),
        (4, "premise `b` rests on nothing: no evidence, assumption or claim supports it"),
    ]


def test_support_going_round_in_a_circle(project):
    text = HEADER + 'thesis t "x"\npremise a "a" supports t, b\npremise b "b" supports a\n'
    found = findings_of(project, "unsupported-claim", text)
    assert all("goes round in a circle" in f.message for f in found) and len(found) == 3


def test_claims_on_evidence_or_assumptions_are_supported(project):
    text = GROUNDED + """\
premise p "x" supports main
evidence q "has proven insufficient" supports p
objection o "y" attacks p
assumption a "z" supports o
"""
    assert findings_of(project, "unsupported-claim", text) == []


# unanswered-objection

def test_unanswered_objection_is_info(project):
    [finding] = findings_of(project, "unanswered-objection", GROUNDED + 'objection o "x" attacks main\n')
    assert finding.severity.value == "info"


def test_answered_objection(project):
    text = GROUNDED + 'objection o "x" attacks main\nrebuttal r "y" attacks o\n'
    assert findings_of(project, "unanswered-objection", text) == []


# disconnected-node

def test_disconnected_node(project):
    text = GROUNDED + 'premise p "x"\npremise q "y" supports p\n'
    found = findings_of(project, "disconnected-node", text)
    assert [f.position.line for f in found] == [4, 5]


def test_connected_through_attacks_and_undercuts(project):
    text = GROUNDED + """\
objection o "x" undercuts leverage -> main
rebuttal r "y" attacks o
evidence e "has proven insufficient" supports r
"""
    assert findings_of(project, "disconnected-node", text) == []


def test_no_disconnected_nodes_without_a_thesis(project):
    assert findings_of(project, "disconnected-node", HEADER + 'premise p "x"\n') == []


# unused-evidence

def test_unused_evidence(project):
    text = GROUNDED + 'evidence e "has proven insufficient"\n'
    [finding] = findings_of(project, "unused-evidence", text)
    assert finding.message == "evidence `e` supports or attacks nothing"


def test_used_evidence(project):
    assert findings_of(project, "unused-evidence", GROUNDED + 'evidence e "has proven insufficient" attacks main\n') == []


# invalid-header

def test_invalid_header_keys(project):
    text = 'document d "D" {\n  source "../seeds/fpri.txt"\n  publihser "x"\n  zzz "y"\n  source "again"\n}\nthesis t "x"\n'
    found = findings_of(project, "invalid-header", text)
    assert [(f.position.line, f.message) for f in found] == [
        (3, "unknown header key `publihser`; did you mean `publisher`?"),
        (4, "unknown header key `zzz`; known keys: publisher, author, date, url, source, skip-lines"),
        (5, "`source` is already set at line 2"),
    ]


def test_all_known_header_keys(project):
    text = ('document d "D" { publisher "p" author "a" date "2017" url "https://x" '
            'source "../seeds/fpri.txt" skip-lines "1-3, 7" }\nthesis t "x"\n')
    assert findings_of(project, "invalid-header", text) == []


def test_malformed_skip_lines(project):
    found = [f.message for f in findings_of(project, "invalid-header",
                                            'document d "D" { skip-lines "1-3, x" }\nthesis t "x"\n')]
    assert found == ["`skip-lines`: `x` is not a line number or a range like `42-47`"]
    found = [f.message for f in findings_of(project, "invalid-header",
                                            'document d "D" { skip-lines "9-4" }\nthesis t "x"\n')]
    assert found == ["`skip-lines`: `9-4` is not a range of lines from 1 upward"]


def test_a_node_with_a_broken_reference_is_left_to_unknown_reference(project):
    assert findings_of(project, "disconnected-node", GROUNDED + 'premise p "x" supports mian\n') == []


def test_an_undercut_of_its_support_answers_an_objection(project):
    text = GROUNDED + """\
objection o "x" attacks main
assumption b "y" supports o
rebuttal r "z" undercuts b -> o
"""
    assert findings_of(project, "unanswered-objection", text) == []


def test_source_not_found_does_not_suggest_the_name_that_failed(project):
    (project.root / "maps" / "folder").mkdir()
    [finding] = findings_of(project, "source-not-found",
                            'document d "D" { source "folder" }\nthesis t "x"\n')
    assert finding.message.endswith("it is a folder, not a file")


def test_references_into_a_broken_used_map_are_left_to_its_own_findings(project):
    project.write("broken.arg", 'document broken "B" {}\nthesis main "x" supports\n')
    project.write("ok.arg", 'document ok "O" { source "../seeds/fpri.txt" }\nthesis main "y"\n')
    project.write("c.arg", 'compare c "C" { use "broken.arg" use "ok.arg" }\nbroken.main agrees ok.main\n')
    errors = [(f.rule, f.position.file.rsplit("/", 1)[-1]) for f in project.check("c.arg")
              if f.severity.value == "error"]
    assert errors == [("syntax-error", "broken.arg")]


def test_a_duplicate_supporting_the_first_of_its_id_is_not_self_support(project):
    text = GROUNDED + 'assumption main "again" supports main\n'
    assert findings_of(project, "invalid-relation", text) == []
