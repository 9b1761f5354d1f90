"""Each lint rule, firing and not firing.

Every test asserts the complete list of findings of checking its case, every rule's, not
only the findings of the rule under test (as yamllint's `RuleTestCase.check` does): a
change that makes a case fire another rule, or fire one twice, fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from conftest import HEADER


def assert_findings(project, text, *expected, name="m.arg"):
    """Write `text` to `name`, check it, and assert that its findings are exactly `expected`.

    Each expected finding is `(rule, line, column, message)` in `name`, or
    `(file, rule, line, column, message)` in another file the check reads (a map that a
    comparison uses). Order does not matter in `expected`; the findings must come sorted
    by file, line and column. Returns the findings, for further assertions."""
    project.write(name, text)
    found = project.check(name)
    actual = [(Path(f.position.file).name, f.position.line, f.position.column, f.rule, f.message)
              for f in found]
    wanted = []
    for item in expected:
        file, rule, line, column, message = item if len(item) == 5 else (name, *item)
        wanted.append((file, line, column, rule, message))
    assert actual == sorted(wanted)
    return found


def rests_on_nothing(kind, node, line):
    """The `unsupported-claim` finding on a claim that nothing supports."""
    return ("unsupported-claim", line, 1,
            f"{kind} `{node}` rests on nothing: no evidence, assumption or claim supports it")


def unanswered(node, line):
    """The `unanswered-objection` finding on an objection that nothing answers."""
    return ("unanswered-objection", line, 1,
            f"objection `{node}` is not answered: nothing attacks or rebuts it")


def defeated(thesis, line, message):
    """The `thesis-defeated` finding on a thesis that does not stand."""
    return ("thesis-defeated", line, 1, f"thesis `{thesis}` {message}")


def disconnected(kind, node, line):
    """The `disconnected-node` finding on a node with no path to a thesis."""
    return ("disconnected-node", line, 1,
            f"{kind} `{node}` has no path to a thesis: relate it to the argument, or remove it")


GROUNDED = HEADER + """\
thesis main "Engage Russia."
assumption leverage "Russia has leverage." supports main
"""


def test_the_grounded_map_has_no_findings(project):
    assert_findings(project, GROUNDED)


# syntax-error

def test_syntax_error_suggests_the_closest_node_kind(project):
    assert_findings(project, GROUNDED + 'premis p "x" supports main\n',
                    ("syntax-error", 4, 1,
                     "unknown node kind `premis` — did you mean `premise`?"))


def test_syntax_error_suggests_topic_for_a_misspelt_topic(project):
    assert_findings(project, GROUNDED + 'topc "Sanctions"\n',
                    ("syntax-error", 4, 1, "unknown statement `topc` — did you mean `topic`?"))


def test_syntax_error_names_what_was_expected(project):
    assert_findings(project, GROUNDED + 'premise p "x" supports\n',
                    ("syntax-error", 4, 23, "expected a node id after `supports`"))


def test_well_formed_multi_line_node_is_not_a_syntax_error(project):
    assert_findings(project, GROUNDED + 'premise p """x\n  y""" supports main\n',
                    rests_on_nothing("premise", "p", 4))


# unknown-reference

def test_unknown_reference_suggests_the_closest_id(project):
    assert_findings(project, GROUNDED + 'premise p "x" supports mian\n',
                    rests_on_nothing("premise", "p", 4),
                    ("unknown-reference", 4, 24,
                     "no node `mian` in this map; did you mean `main`?"))


def test_unknown_reference_in_undercut_link(project):
    assert_findings(project, GROUNDED + 'objection o "x" undercuts nope -> main\n',
                    unanswered("o", 4),
                    rests_on_nothing("objection", "o", 4),
                    ("unknown-reference", 4, 27, "no node `nope` in this map"))


def test_qualified_reference_to_another_document_in_a_map(project):
    assert_findings(project, GROUNDED + 'premise p "x" supports other.main\n',
                    rests_on_nothing("premise", "p", 4),
                    ("unknown-reference", 4, 24, "`other.main`: a document map refers only to its own nodes; relate nodes of different documents in a comparison"))


def test_qualified_reference_to_the_maps_own_document_resolves(project):
    assert_findings(project, GROUNDED + 'premise p "x" supports d.main\n',
                    rests_on_nothing("premise", "p", 4))


def test_comparison_references(project):
    project.write("a.arg", 'document a "A" { source "../seeds/fpri.txt" }\nthesis claim "x"\n')
    project.write("b.arg", 'document b "B" { source "../seeds/fpri.txt" }\nthesis claim "y"\n')
    assert_findings(project, """\
        compare c "C" { use "a.arg" use "b.arg" }
        a.claim agrees b.claim
        a.clam agrees bb.claim
        claim qualifies b.claim
        """,
        ("a.arg", *rests_on_nothing("thesis", "claim", 2)),
        ("b.arg", *rests_on_nothing("thesis", "claim", 2)),
        ("unknown-reference", 3, 1, "document `a` has no node `clam`; did you mean `a.claim`?"),
        ("unknown-reference", 3, 15, "no used document is called `bb`; did you mean `b`?"),
        ("unknown-reference", 4, 1, "`claim`: in a comparison, name nodes as `DOC.NODE`"),
        name="c.arg")


# empty-topic

def test_a_topic_followed_by_a_topic_or_the_end_groups_nothing(project):
    text = HEADER + 'topic "A"\ntopic "B"\nthesis main "x"\n' \
        'assumption a "y" supports main\ntopic "C"\n'
    assert_findings(project, text,
                    ("empty-topic", 2, 1, 'topic "A" groups no nodes: the next topic or the end '
                                          "of the file follows it at once"),
                    ("empty-topic", 6, 1, 'topic "C" groups no nodes: the next topic or the end '
                                          "of the file follows it at once"))


def test_topics_that_group_nodes_and_relations(project):
    assert_findings(project, HEADER + 'topic "A"\nthesis main "x"\ntopic "B"\n'
                    'assumption a "y" supports main\n')
    project.write("a.arg", GROUNDED)
    project.write("b.arg", GROUNDED.replace("document d", "document b"))
    assert_findings(project, 'compare c "C" { use "a.arg" use "b.arg" }\ntopic "T"\n'
                    'd.main agrees b.main\ntopic "U"\n',
                    ("empty-topic", 4, 1, 'topic "U" groups no relations: the next topic or the '
                                          "end of the file follows it at once"),
                    name="c.arg")


def test_use_of_a_missing_file(project):
    project.write("alpha.arg", 'document a "A" { source "../seeds/fpri.txt" }\nthesis claim "x"\n')
    assert_findings(
        project, 'compare c "C" { use "alpah.arg" use "gone.arg" }\na.claim agrees gone.claim\n',
        ("unknown-reference", 1, 21,
         "`use` names `alpah.arg`, which cannot be read; did you mean `alpha.arg`?"),
        ("unknown-reference", 1, 37, "`use` names `gone.arg`, which cannot be read"),
        name="c.arg")


def test_use_of_a_comparison_is_refused(project):
    project.write("inner.arg", 'compare i "I" { }\n')
    assert_findings(project, 'compare c "C" { use "inner.arg" }\n',
                    ("unknown-reference", 1, 21,
                     "`inner.arg` is a comparison; `use` takes document maps"),
                    name="c.arg")


def test_references_into_a_broken_used_map_are_left_to_its_own_findings(project):
    project.write("broken.arg", 'document broken "B" {}\nthesis main "x" supports\n')
    project.write("ok.arg", 'document ok "O" { source "../seeds/fpri.txt" }\nthesis main "y"\n')
    text = 'compare c "C" { use "broken.arg" use "ok.arg" }\nbroken.main agrees ok.main\n'
    assert_findings(project, text,
                    ("broken.arg", "syntax-error", 2, 25, "expected a node id after `supports`"),
                    ("ok.arg", *rests_on_nothing("thesis", "main", 2)),
                    name="c.arg")


# duplicate-id

def test_duplicate_node_id(project):
    assert_findings(project, GROUNDED + 'premise main "again"\n',
                    ("duplicate-id", 4, 1, "`main` is already the id of the thesis at line 2"))


def test_distinct_ids_are_fine(project):
    assert_findings(project, GROUNDED)


def test_duplicate_document_ids_in_a_comparison(project):
    project.write("a.arg", 'document same "A" { source "../seeds/fpri.txt" }\nthesis t "x"\n')
    project.write("b.arg", 'document same "B" { source "../seeds/fpri.txt" }\nthesis t "y"\n')
    assert_findings(project, 'compare c "C" {\n use "a.arg"\n use "b.arg"\n use "a.arg"\n}\n',
                    ("a.arg", *rests_on_nothing("thesis", "t", 2)),
                    ("b.arg", *rests_on_nothing("thesis", "t", 2)),
                    ("duplicate-id", 3, 6, "`b.arg` and `a.arg` (line 2) are both document `same`"),
                    ("duplicate-id", 4, 6, "`a.arg` is used twice"),
                    name="c.arg")


def test_a_duplicate_supporting_the_first_of_its_id_is_not_self_support(project):
    assert_findings(project, GROUNDED + 'assumption main "again" supports main\n',
                    ("duplicate-id", 4, 1, "`main` is already the id of the thesis at line 2"))


# missing-document

def test_map_without_header(project):
    assert_findings(project, 'thesis t "x"\n',
                    ("missing-document", 1, 1, 'this map has no header: start it with `document ID "title" { source "..." }`'),
                    rests_on_nothing("thesis", "t", 1))


def test_map_with_two_headers(project):
    assert_findings(project, GROUNDED + 'document e "Again" {}\n',
                    ("missing-document", 4, 1,
                     "a map describes one document, and its `document` header is already "
                     "at line 1"))


def test_header_after_nodes(project):
    assert_findings(project, 'thesis t "x"\n' + HEADER,
                    rests_on_nothing("thesis", "t", 1),
                    ("missing-document", 2, 1,
                     "the `document` header comes first, before the thesis at line 1"))


def test_one_header_first_is_fine(project):
    assert_findings(project, GROUNDED)


# no-thesis

def test_no_thesis(project):
    assert_findings(project, HEADER + 'premise p "x"\n',
                    ("no-thesis", 1, 1, "this map has no thesis: mark the document's main conclusion with `thesis`"),
                    rests_on_nothing("premise", "p", 2))


def test_a_thesis_is_enough(project):
    assert_findings(project, GROUNDED)


# source-not-found

def test_source_not_found_suggests_a_file(project):
    missing = project.root / "seeds" / "fpri.text"
    assert_findings(project, 'document d "D" {\n  source "../seeds/fpri.text"\n}\nthesis t "x"\n',
                    ("source-not-found", 2, 3, f"cannot read source `../seeds/fpri.text` ({missing}): no such file; did you mean `fpri.txt`?"),
                    rests_on_nothing("thesis", "t", 4))


def test_no_source_with_evidence(project):
    text = 'document d "D" { }\nthesis t "x"\nevidence e "has proven insufficient" supports t\n'
    assert_findings(project, text,
                    ("source-not-found", 1, 1, 'the header names no `source`, so the evidence quotes cannot be checked: add `source "path/to/text.txt"`'))


def test_no_source_without_evidence_is_fine(project):
    assert_findings(project, 'document d "D" { }\nthesis t "x"\n',
                    rests_on_nothing("thesis", "t", 2))


def test_readable_source_is_fine(project):
    assert_findings(project, GROUNDED)


def test_source_not_found_does_not_suggest_the_name_that_failed(project):
    (project.root / "maps" / "folder").mkdir()
    folder = project.root / "maps" / "folder"
    assert_findings(project, 'document d "D" { source "folder" }\nthesis t "x"\n',
                    ("source-not-found", 1, 18,
                     f"cannot read source `folder` ({folder}): it is a folder, not a file"),
                    rests_on_nothing("thesis", "t", 2))


# quote-not-found

def test_quote_not_found_names_the_closest_passage(project):
    source = project.root / "seeds" / "fpri.txt"
    text = GROUNDED + 'evidence e "has proven useless in coercing the country" supports main\n'
    # At the first word that differs: "useless" where the report says "insufficient".
    assert text.splitlines()[3][23:].startswith("useless")
    assert_findings(project, text,
                    ("quote-not-found", 4, 24, f"quote not found in `../seeds/fpri.txt`; closest match at {source}:10: 'has proven insufficient in coercing the country...'"))


def test_quote_found_despite_typography(project):
    text = GROUNDED + """\
evidence e1 "Democratic People's Republic of Korea's nuclear" supports main
evidence e2 "such a \\"united front\\"" supports main
evidence e3 "vis - à - vis Pyongyang" supports main
evidence e4 "The policy of economic sanctions ... has proven insufficient" supports main
"""
    assert_findings(project, text)


ELIDED_OUT_OF_ORDER = ("quote not found in `../seeds/fpri.txt`: its pieces around `...` all "
                       "occur in the source, but not in this order within one paragraph")


def test_elided_pieces_out_of_order(project):
    text = GROUNDED + 'evidence e "has proven insufficient ... The policy of economic sanctions" supports main\n'
    assert_findings(project, text, ("quote-not-found", 4, 12, ELIDED_OUT_OF_ORDER))


def test_elided_pieces_in_different_paragraphs(project):
    text = GROUNDED + 'evidence e "has proven insufficient ... its support for harsh penalties" supports main\n'
    assert_findings(project, text, ("quote-not-found", 4, 12, ELIDED_OUT_OF_ORDER))


def test_case_is_kept(project):
    text = GROUNDED + 'evidence e "HAS PROVEN INSUFFICIENT" supports main\n'
    assert_findings(project, text,
                    ("quote-not-found", 4, 12, "quote not found in `../seeds/fpri.txt`"))


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
    assert_findings(
        project, text,
        ("invalid-relation", 4, 24, "`p` supports itself"),
        ("invalid-relation", 5, 26, "an objection cannot support: `o` should attack or undercut, or be a premise if it backs `main`"),
        ("invalid-relation", 6, 62, "only an objection or a rebuttal can undercut, not evidence `q`"),
        ("invalid-relation", 7, 24, "`q` is evidence, a quote: nothing supports it; support the claim it backs instead"),
        ("invalid-relation", 8, 24, "a rebuttal answers an objection, and thesis `main` is not one: use an objection to attack a claim"),
        ("invalid-relation", 9, 28, "`q` does not support `leverage`, so there is no inference to undercut"),
        ("invalid-relation", 10, 40, "`both` both supports and attacks `main`"),
        # The other problems of these nodes, each reported by its own rule.
        disconnected("premise", "p", 4),
        rests_on_nothing("premise", "p", 4),
        unanswered("o", 5),
        rests_on_nothing("objection", "o", 5),
        rests_on_nothing("premise", "r", 7),
        rests_on_nothing("rebuttal", "b", 8),
        unanswered("o2", 9),
        rests_on_nothing("objection", "o2", 9),
        rests_on_nothing("premise", "both", 10),
    )


def test_valid_relations(project):
    text = GROUNDED + """\
evidence q "has proven insufficient" supports main
objection o "y" attacks main undercuts q -> main
rebuttal b "w" attacks o
evidence q2 "Pyongyang is skillful at evading sanctions" supports o
"""
    assert_findings(project, text, rests_on_nothing("rebuttal", "b", 6),
                    defeated("main", 2, "does not stand: objection `o` defeats it"))


def test_comparison_relation_within_one_document(project):
    project.write("a.arg", 'document a "A" { source "../seeds/fpri.txt" }\nthesis t "x"\nthesis u "y"\n')
    assert_findings(project, 'compare c "C" { use "a.arg" }\na.t agrees a.u\n',
                    ("a.arg", *rests_on_nothing("thesis", "t", 2)),
                    ("a.arg", *rests_on_nothing("thesis", "u", 3)),
                    ("invalid-relation", 2, 1,
                     "both ends are in `a`: relate nodes of one document in its own map"),
                    name="c.arg")


# circular-support

CIRCLE = "does not rest on evidence or an assumption: its support only goes round in a circle"


def test_circular_support_is_reported_once_per_cycle(project):
    text = HEADER + """\
thesis t "x"
premise a "a" supports b, t
premise b "b" supports c
premise c "c" supports a
"""
    assert_findings(project, text,
                    ("circular-support", 3, 1, "circular support: `a` → `b` → `c` → `a`"),
                    ("unsupported-claim", 2, 1, f"thesis `t` {CIRCLE}"),
                    ("unsupported-claim", 3, 1, f"premise `a` {CIRCLE}"),
                    ("unsupported-claim", 4, 1, f"premise `b` {CIRCLE}"),
                    ("unsupported-claim", 5, 1, f"premise `c` {CIRCLE}"))


def test_attacks_do_not_make_circles(project):
    text = GROUNDED + 'objection o "x" attacks main\nrebuttal r "y" attacks o\nobjection o2 "z" attacks r\n'
    assert_findings(project, text,
                    rests_on_nothing("objection", "o", 4),
                    rests_on_nothing("rebuttal", "r", 5),
                    unanswered("o2", 6),
                    rests_on_nothing("objection", "o2", 6))


# unsupported-claim

def test_unsupported_claim_names_where_support_runs_out(project):
    text = HEADER + """\
thesis t "x"
premise a "a" supports t
premise b "b" supports a
"""
    assert_findings(
        project, text,
        ("unsupported-claim", 2, 1, "thesis `t` does not rest on evidence or an assumption: its support ends in premise `b`, which nothing supports"),
        ("unsupported-claim", 3, 1, "premise `a` does not rest on evidence or an assumption: its support ends in premise `b`, which nothing supports"),
        ("unsupported-claim", 4, 1, "premise `b` rests on nothing: no evidence, assumption or claim supports it"),
    )


def test_support_going_round_in_a_circle(project):
    text = HEADER + 'thesis t "x"\npremise a "a" supports t, b\npremise b "b" supports a\n'
    assert_findings(project, text,
                    ("unsupported-claim", 2, 1, f"thesis `t` {CIRCLE}"),
                    ("unsupported-claim", 3, 1, f"premise `a` {CIRCLE}"),
                    ("unsupported-claim", 4, 1, f"premise `b` {CIRCLE}"),
                    ("circular-support", 3, 1, "circular support: `a` → `b` → `a`"))


def test_claims_on_evidence_or_assumptions_are_supported(project):
    text = GROUNDED + """\
premise p "x" supports main
evidence q "has proven insufficient" supports p
objection o "y" attacks p
assumption a "z" supports o
"""
    assert_findings(project, text, unanswered("o", 6))


# unanswered-objection

def test_unanswered_objection_is_info(project):
    found = assert_findings(project, GROUNDED + 'objection o "x" attacks main\n',
                            unanswered("o", 4),
                            rests_on_nothing("objection", "o", 4))
    [finding] = [f for f in found if f.rule == "unanswered-objection"]
    assert finding.severity.value == "info"


def test_answered_objection(project):
    text = GROUNDED + 'objection o "x" attacks main\nrebuttal r "y" attacks o\n'
    assert_findings(project, text,
                    rests_on_nothing("objection", "o", 4),
                    rests_on_nothing("rebuttal", "r", 5))


def test_an_undercut_of_its_support_answers_an_objection(project):
    text = GROUNDED + """\
objection o "x" attacks main
assumption b "y" supports o
rebuttal r "z" undercuts b -> o
"""
    assert_findings(project, text, rests_on_nothing("rebuttal", "r", 6),
                    defeated("main", 2, "does not stand: objection `o` defeats it"))


# disconnected-node

def test_disconnected_node(project):
    text = GROUNDED + 'premise p "x"\npremise q "y" supports p\n'
    assert_findings(project, text,
                    disconnected("premise", "p", 4),
                    ("unsupported-claim", 4, 1, "premise `p` does not rest on evidence or an assumption: its support ends in premise `q`, which nothing supports"),
                    disconnected("premise", "q", 5),
                    rests_on_nothing("premise", "q", 5))


def test_connected_through_attacks_and_undercuts(project):
    text = GROUNDED + """\
objection o "x" undercuts leverage -> main
rebuttal r "y" attacks o
evidence e "has proven insufficient" supports r
"""
    assert_findings(project, text, rests_on_nothing("objection", "o", 4))


def test_no_disconnected_nodes_without_a_thesis(project):
    assert_findings(project, HEADER + 'premise p "x"\n',
                    ("no-thesis", 1, 1, "this map has no thesis: mark the document's main conclusion with `thesis`"),
                    rests_on_nothing("premise", "p", 2))


_KINDS = ("thesis", "premise", "evidence", "assumption", "objection", "rebuttal")


@st.composite
def related_maps(draw):
    """A small map whose nodes relate in any order (forwards and backwards), linked,
    undercutting, explaining, and now and then naming a node that does not exist."""
    n = draw(st.integers(min_value=1, max_value=7))
    ids = st.sampled_from([f"n{i}" for i in range(n)] + ["nowhere"])
    relation = st.one_of(
        st.builds("supports {}".format, ids),
        st.builds("supports {} with {}".format, ids, ids),
        st.builds("attacks {}".format, ids),
        st.builds("undercuts {} -> {}".format, ids, ids),
        st.builds("explains {}".format, ids))
    lines = [HEADER.rstrip("\n")]
    for i in range(n):
        kind = draw(st.sampled_from(_KINDS))
        lines.append(f'{kind} n{i} "N{i}." ' + " ".join(draw(st.lists(relation, max_size=3))))
    return "\n".join(lines) + "\n"


@given(related_maps())
def test_disconnected_nodes_are_those_with_no_path_by_definition(text):
    """One pass in the map's order, then a catch-up over what it left, finds the nodes the
    definition finds: no path along relations (a linked node along its support) to a thesis
    or to a node with a broken reference."""
    from argmap.graph import reachable
    from argmap.lint.rules import disconnected_node
    from argmap.parsing import parse
    from argmap.semantics import MapSemantics

    semantics = MapSemantics(parse(text, "m.arg"))
    found = [re.search(r"`(\w+)`", message).group(1)
             for _, message in disconnected_node.check_map(semantics)]
    leads_to: dict[str, list[str]] = {}  # each node, and the nodes it leads to
    broken = set()
    for node_id, node in semantics.nodes.items():
        for relation in node.relations:
            ends = [semantics.resolve(ref) for ref in relation.refs]
            if None in ends:
                broken.add(node_id)
                continue
            starts = [node_id, *(end.id for end in ends[1:])] if relation.jointly else [node_id]
            targets = ends[:1] if relation.jointly else ends
            for start in starts:
                leads_to.setdefault(start, []).extend(end.id for end in targets)
    theses = [i for i, node in semantics.nodes.items() if node.kind.value == "thesis"]
    led_from: dict[str, list[str]] = {}
    for start, ends in leads_to.items():
        for end in ends:
            led_from.setdefault(end, []).append(start)
    connected = reachable([*theses, *broken], led_from)
    expected = [i for i, node in semantics.nodes.items()
                if theses and i not in connected and i not in broken
                and not (node.kind.value == "evidence" and not node.relations
                         and i not in semantics.supported)]
    assert found == expected


def test_a_node_with_a_broken_reference_is_left_to_unknown_reference(project):
    assert_findings(project, GROUNDED + 'premise p "x" supports mian\n',
                    rests_on_nothing("premise", "p", 4),
                    ("unknown-reference", 4, 24,
                     "no node `mian` in this map; did you mean `main`?"))


# unused-evidence

def test_unused_evidence(project):
    assert_findings(project, GROUNDED + 'evidence e "has proven insufficient"\n',
                    ("unused-evidence", 4, 1, "evidence `e` supports or attacks nothing"))


def test_used_evidence(project):
    assert_findings(project, GROUNDED + 'evidence e "has proven insufficient" attacks main\n',
                    defeated("main", 2, "does not stand: evidence `e` defeats it"))


# invalid-header

def test_invalid_header_keys(project):
    text = 'document d "D" {\n  source "../seeds/fpri.txt"\n  publihser "x"\n  zzz "y"\n  source "again"\n}\nthesis t "x"\n'
    assert_findings(
        project, text,
        ("invalid-header", 3, 3, "unknown header key `publihser`; did you mean `publisher`?"),
        ("invalid-header", 4, 3, "unknown header key `zzz`; known keys: publisher, author, date, url, source, skip-lines"),
        ("invalid-header", 5, 3, "`source` is already set at line 2"),
        rests_on_nothing("thesis", "t", 7),
    )


def test_all_known_header_keys(project):
    text = ('document d "D" { publisher "p" author "a" date "2017" url "https://x" '
            'source "../seeds/fpri.txt" skip-lines "1-3, 7" }\nthesis t "x"\n')
    assert_findings(project, text, rests_on_nothing("thesis", "t", 2))


def test_malformed_skip_lines(project):
    assert_findings(project, 'document d "D" { skip-lines "1-3, x" }\nthesis t "x"\n',
                    ("invalid-header", 1, 18,
                     "`skip-lines`: `x` is not a line number or a range like `42-47`"),
                    rests_on_nothing("thesis", "t", 2))
    assert_findings(project, 'document d "D" { skip-lines "9-4" }\nthesis t "x"\n',
                    ("invalid-header", 1, 18,
                     "`skip-lines`: `9-4` is not a range of lines from 1 upward"),
                    rests_on_nothing("thesis", "t", 2))


# unused-suppression

def test_a_bare_ignore_that_silences_nothing(project):
    text = GROUNDED.replace('"Engage Russia."', '"Engage Russia."  # argmap: ignore')
    assert_findings(project, text,
                    ("unused-suppression", 2, 31,
                     "`# argmap: ignore` silences nothing: no finding on thesis `main`"))


def test_a_named_ignore_that_silences_nothing(project):
    text = GROUNDED + 'premise p "x" supports main  # argmap: ignore[unknown-reference]\n'
    assert_findings(project, text,
                    rests_on_nothing("premise", "p", 4),
                    ("unused-suppression", 4, 47,
                     "nothing to silence: `unknown-reference` reports nothing on premise `p`"))


def test_an_ignore_that_silences_a_finding_is_used(project):
    text = GROUNDED + 'premise p "x" supports mian  # argmap: ignore[unknown-reference]\n'
    assert_findings(project, text, rests_on_nothing("premise", "p", 4))
    text = GROUNDED + 'evidence e "has proven insufficient"  # argmap: ignore[unused-evidence]\n'
    assert_findings(project, text)


# Linked reasons: `supports C with B, D` in every rule that resolves supports

LINKED = HEADER + """\
thesis main "Engage Russia."
assumption old_ties "Moscow's ties are old." supports main with ties_matter
assumption ties_matter "Old ties give influence."
"""


def test_a_linked_support_of_grounded_nodes_grounds_its_claim(project):
    assert_findings(project, LINKED)


def test_a_linked_support_grounds_only_when_every_node_is_grounded(project):
    text = HEADER + """\
thesis main "Engage Russia."
assumption old_ties "Moscow's ties are old." supports main with ties_matter
premise ties_matter "Old ties give influence."
"""
    assert_findings(project, text,
                    ("unsupported-claim", 2, 1, "thesis `main` does not rest on evidence or an "
                     "assumption: its support ends in premise `ties_matter`, which nothing "
                     "supports"),
                    rests_on_nothing("premise", "ties_matter", 4))


def test_a_quote_linked_in_a_support_is_used_and_connected(project):
    text = HEADER + """\
thesis main "Engage Russia."
assumption ties_matter "Old ties give influence." supports main with quote
evidence quote "has proven insufficient"
"""
    assert_findings(project, text)


def test_an_undercut_may_name_a_linked_inference_by_any_of_its_nodes(project):
    assert_findings(project, LINKED + 'objection o "x" undercuts ties_matter -> main\n',
                    rests_on_nothing("objection", "o", 5), unanswered("o", 5))


def test_linked_nodes_are_resolved_with_a_did_you_mean(project):
    text = LINKED.replace("with ties_matter", "with ties_mater")
    assert_findings(project, text,
                    ("unknown-reference", 3, 65,
                     "no node `ties_mater` in this map; did you mean `ties_matter`?"),
                    disconnected("assumption", "ties_matter", 4))


def test_invalid_linked_supports(project):
    text = HEADER + """\
thesis main "Engage Russia."
assumption a "A." supports main with main
assumption b "B." supports main with c, c
assumption c "C." supports main with b
objection o "O." attacks main
assumption d "D." supports main with o
"""
    assert_findings(project, text,
                    ("invalid-relation", 3, 38, "`main` is linked in a support of itself"),
                    ("invalid-relation", 4, 41,
                     "`c` is already in this linked support of `main`"),
                    ("invalid-relation", 7, 38,
                     "an objection cannot support: `o` cannot be linked in a support of `main`"),
                    rests_on_nothing("objection", "o", 6), unanswered("o", 6))


def test_circular_support_runs_through_linked_nodes(project):
    text = HEADER + """\
thesis main "Engage Russia."
premise p "P." supports main
premise q "Q." supports p
assumption a "A." supports q with main
"""
    assert_findings(project, text,
                    ("circular-support", 2, 1,
                     "circular support: `main` → `q` → `p` → `main`"),
                    ("unsupported-claim", 2, 1, "thesis `main` does not rest on evidence or an "
                     "assumption: its support only goes round in a circle"),
                    ("unsupported-claim", 3, 1, "premise `p` does not rest on evidence or an "
                     "assumption: its support only goes round in a circle"),
                    ("unsupported-claim", 4, 1, "premise `q` does not rest on evidence or an "
                     "assumption: its support only goes round in a circle"))


# duplicate-quote

def test_duplicate_quote_same_and_overlapping_passages(project):
    text = HEADER + """\
thesis main "Engage Russia."
evidence first "Pyongyang is skillful at evading sanctions" supports main
evidence again "Pyongyang is skillful at evading sanctions" supports main
evidence overlap "evading sanctions via shell companies" supports main
"""
    assert_findings(project, text,
                    ("duplicate-quote", 4, 1, "evidence `again` quotes the same passage as "
                     "`first` (line 10): one claim written twice? keep one quote, or quote each "
                     "point apart"),
                    ("duplicate-quote", 5, 1, "evidence `overlap` quotes a passage that "
                     "overlaps `first` (line 10): one claim written twice? keep one quote, or "
                     "quote each point apart"))


def test_quotes_of_different_passages_are_not_duplicates(project):
    text = HEADER + """\
thesis main "Engage Russia."
evidence first "Pyongyang is skillful at evading sanctions" supports main
evidence next "via shell companies and Chinese intermediaries" supports main
evidence elided "Pyongyang is ... shell companies" supports main
"""
    assert_findings(project, text, ("duplicate-quote", 5, 1, "evidence `elided` quotes a "
                                    "passage that overlaps `first` (line 10): one claim "
                                    "written twice? keep one quote, or quote each point apart"))
    text = text.replace('evidence elided "Pyongyang is ... shell companies" supports main\n', "")
    assert_findings(project, text)


# hedge-dropped

HEDGED = 'evidence quote "the United States should attempt to engage the Russian Federation as a potential broker"\n  supports main\n'


def test_hedge_dropped_names_the_words_and_the_quote(project):
    assert_findings(project, HEADER + 'thesis main "The US should engage Russia as a broker."\n'
                    + HEDGED,
                    ("hedge-dropped", 2, 1, "thesis `main` states more than its evidence: its "
                     "quote `quote` says \"potential\" and \"attempt\", and the thesis does "
                     "not"))


def test_a_claim_that_keeps_each_family_of_hedge_is_fine(project):
    assert_findings(project, HEADER + 'thesis main "The US should try to engage Russia as a '
                    'possible broker."\n' + HEDGED)


def test_a_claim_keeping_one_family_still_drops_the_other(project):
    assert_findings(project, HEADER + 'thesis main "The US should try to engage Russia as a '
                    'broker."\n' + HEDGED,
                    ("hedge-dropped", 2, 1, "thesis `main` states more than its evidence: its "
                     "quote `quote` says \"potential\", and the thesis does not"))


def test_a_claim_that_also_rests_on_a_plain_quote_is_left_alone(project):
    text = (HEADER + 'thesis main "The US should engage Russia as a broker."\n' + HEDGED
            + 'evidence plain "has proven insufficient in coercing the country" supports main\n')
    assert_findings(project, text)


def test_may_the_month_is_no_hedge(project):
    project.root.joinpath("seeds", "m.txt").write_text("In May the talks resumed.\n")
    text = ('document d "D" { source "../seeds/m.txt" }\n'
            'thesis main "The talks resumed."\n'
            'evidence quote "In May the talks resumed." supports main\n')
    assert_findings(project, text)


_HEDGE_PIECES = ["may", "May", "MAY", "could", "Could", "likely", "more likely", "according  to",
                 "according\nto", "expected to", "said", "SAYS", "some", "somewhat", "try",
                 "\u212aeep", "\u017fay", "\u017fome", "na\u00efve", "item-1", "may_", "_may",
                 "2may", "mayor", "\u00e9may", "may\u00e9", " ", ", ", ".", "\u2014", "\u2019s"]


@given(st.lists(st.sampled_from(_HEDGE_PIECES), max_size=12))
def test_hedges_sieve_finds_what_every_pattern_finds(pieces):
    from argmap.lint.rules.hedge_dropped import _PATTERNS, hedges

    text = "".join(pieces)
    plain = {}
    for family, pattern in _PATTERNS.items():
        match = re.search(pattern, text)
        if match:
            plain[family] = " ".join(match.group().split())
    assert hedges(text) == plain
    assert list(hedges(text)) == list(plain)


# thesis-defeated

def test_thesis_defeated_names_the_objection_that_defeats_it(project):
    text = GROUNDED + 'objection o "x" attacks main\nassumption b "y" supports o\n'
    found = assert_findings(project, text, defeated("main", 2, "does not stand: objection `o` defeats it"),
                            unanswered("o", 4))
    [finding] = [f for f in found if f.rule == "thesis-defeated"]
    assert (finding.severity.value, finding.code) == ("info", "AM308")


def test_thesis_defeated_through_an_undercut_of_its_only_support(project):
    text = GROUNDED + 'objection o "x" undercuts leverage -> main\nassumption b "y" supports o\n'
    assert_findings(project, text, defeated("main", 2, "does not stand: objection `o` defeats it"),
                    unanswered("o", 4))


def test_thesis_defeated_follows_the_premises_it_rests_on(project):
    text = HEADER + """\
thesis main "x"
premise p "y" supports main
assumption a "z" supports p
objection o "w" attacks p
assumption b "v" supports o
objection o2 "u" attacks main
assumption c "t" supports o2
"""
    assert_findings(project, text,
                    defeated("main", 2, "does not stand: objection `o2` and objection `o` defeat it"),
                    unanswered("o", 5), unanswered("o2", 7))


def test_an_undecided_thesis_names_the_nodes_it_stands_or_falls_with(project):
    text = GROUNDED + """\
objection o "x" attacks main, r
assumption b "y" supports o
rebuttal r "z" attacks o
assumption c "w" supports r
"""
    assert_findings(project, text, defeated(
        "main", 2, "is undecided: it stands or falls with objection `o`, which nothing settles"))


def test_a_thesis_whose_objection_is_answered_stands(project):
    text = GROUNDED + """\
objection o "x" attacks main
assumption b "y" supports o
rebuttal r "z" attacks o
assumption c "w" supports r
"""
    assert_findings(project, text)


def test_a_thesis_out_for_want_of_support_is_left_to_unsupported_claim(project):
    assert_findings(project, HEADER + 'thesis main "x"\n', rests_on_nothing("thesis", "main", 2))
