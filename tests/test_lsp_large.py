"""The language server on large maps reads only what it needs: after an edit, the statements
it touches (`reread_symbols`), which finds the same ids and statements, with the same
places, as reading the whole file, whatever the text and the edit; the outline made from the
last one is the outline made anew; completion reads the statements around the cursor."""

from __future__ import annotations

import os

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

pytest.importorskip("lsprotocol")

from argmap.lexicon import SCHEMES
from argmap.lsp import features, outline
from argmap.lsp.project import Project
from argmap.lsp.symbols import Change, difference, read_symbols, reread_symbols
from test_fuzz import soups

HEADER = 'document d "A map" {\n  source "s.txt"\n}\n\n'
MAP = HEADER + (
    'thesis t "The thesis."\n\n'
    'premise p1 "First."\n  supports t\n\n'
    'premise p2 "Second."\n  supports t\n\n'
    'topic "Doubts"\n\n'
    'objection o1 "An objection."\n  attacks p1\n')
_PIECES = st.sampled_from(["\n", "\n\n", " ", '"', '"""', "\\", "#", "x", "premise ",
                           "premise q \"Q.\"\n  supports t\n", "topic \"T\"\n", "{", "}",
                           "supports ", "d.", "->", "é", "😀"])
_INSERTS = st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=4).map("".join)
_TEXTS = st.one_of(st.just(MAP), soups().map(lambda body: HEADER + body),
                   st.lists(st.one_of(st.just(MAP[len(HEADER):]), soups()), max_size=4)
                   .map(lambda bodies: HEADER + "\n".join(bodies)))


def assert_reread_alike(before: str, *after: str) -> None:
    """Each text of `after` read again from the reading of the text before it, as an editor
    sends edit after edit, has the ids and statements read from scratch."""
    again = read_symbols(before)
    for text in after:
        again = reread_symbols(again, text)
    whole = read_symbols(after[-1])
    assert tuple(again.occurrences) == whole.occurrences
    assert tuple(again.statements) == whole.statements
    assert (again.document, again.comparison, again.uses, again.unclosed) == (
        whole.document, whole.comparison, whole.uses, whole.unclosed)


_EDITS = st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1), _INSERTS), min_size=1,
                  max_size=20)


def _edited(text: str, edits: list[tuple[float, float, str]]) -> list[str]:
    """The texts an editor would hold after each of `edits` (where, as fractions of the
    text, and what it inserts there)."""
    texts = []
    for first, second, inserted in edits:
        start, end = sorted((int(first * len(text)), int(second * len(text))))
        text = text[:start] + inserted + text[end:]
        texts.append(text)
    return texts


@given(_TEXTS, _EDITS)
# The kind of the statement after the edit's misspelt: the one before it goes on to the next.
@example(MAP, [(0.5, 0.5, "")])
@example(MAP, [(0.8, 0.8, '"""')])  # a string opened that a later edit may close
# Seventeen keystrokes: the ids moved by one are made of more pieces than are kept.
@example(MAP, [(0.9, 0.9, "x")] * 17)
def test_a_file_read_again_after_edits_has_the_ids_read_from_scratch(text, edits):
    assert_reread_alike(text, *_edited(text, edits))


@pytest.mark.parametrize(("edit", "before", "after"), [
    ("a kind misspelt", "premise p2", "premse p2"),
    ("a kind mended", "premise p1", "premise p1"),
    ("a line added", '"First."', '"First."\n  attacks o1'),
    ("a line removed", '"Second."\n  supports t', '"Second." supports t'),
    ("a string opened", '"Second."', '"Second.'),
    ("three quotes opened", '"Second."', '"""Second.'),
    ("a line break escaped", '"Second."', '"Second.\\'),
    ("a topic renamed", '"Doubts"', '"Replies"'),
    ("the header", "A map", "The map"),
])
def test_each_kind_of_edit_is_read_as_from_scratch(edit, before, after):
    assert_reread_alike(MAP, MAP.replace(before, after, 1))


def test_a_comparisons_header_left_open_in_a_map_is_read_as_from_scratch():
    """Its `}` deleted, it ends where the next node or topic starts, as a node does: the
    reading after an edit may start, or stop, at any node or topic."""
    text = MAP.replace('topic "Doubts"', 'compare c "x" {}\n\ntopic "Doubts"')
    assert_reread_alike(text, text.replace('"x" {}', '"x" {', 1))
    assert_reread_alike(text, text.replace('"x" {}', '"x" {', 1).replace('"First."', '"1."'))


def test_three_quotes_closed_after_an_edit_are_read_as_from_scratch():
    opened = MAP.replace('"Second."', '"""Second.', 1)
    assert_reread_alike(opened, opened.replace('"An objection."', '"An objection."""', 1))


def test_a_keystroke_in_a_large_map_moves_what_follows_and_keeps_what_precedes():
    text = HEADER + "".join(f'premise p{i} "Claim {i}."\n  supports p{i + 1}\n\n'
                            for i in range(200))
    before = read_symbols(text)
    after = reread_symbols(before, text.replace('"Claim 100."', '"Claim 100!."', 1))
    # The header, then the premises before p100.
    assert tuple(after.statements[:101]) == before.statements[:101]
    assert after.statements[102].start == before.statements[102].start + 1
    assert tuple(after.occurrences[:201]) == before.occurrences[:201]
    assert (after.revision.kept, after.revision.moved) == (101, 99)


def test_the_difference_of_two_texts_is_one_stretch():
    assert difference("abcdef", "abXYef") == Change(2, 4, 4)
    change = difference("a" * 5000 + "b" + "c" * 5000, "a" * 5000 + "BB" + "c" * 5000)
    assert (change.start, change.old_end, change.new_end) == (5000, 5001, 5002)
    assert difference("same", "same") == Change(4, 4, 4)
    assert difference("aa", "aaa") == Change(2, 2, 3)


@given(_TEXTS, _EDITS)
@example(MAP, [(0.5, 0.5, "\n\n")])  # what follows moves down
@example(MAP, [(0.3, 0.5, "")])  # and up
@example(MAP, [(0.5, 0.5, "é😀")])  # positions in UTF-16 units
def test_the_outline_after_edits_is_the_outline_made_anew(text, edits):
    path = os.path.realpath("unsaved.arg")  # an editor's buffer, never read from disk
    earlier = Project({path: text}, [])
    outline.document_symbols(earlier, path)
    for edited in _edited(text, edits):
        again = outline.document_symbols(Project({path: edited}, [], earlier.cache), path)
        assert again == outline.document_symbols(Project({path: edited}, []), path)


def test_completion_deep_in_a_large_map_offers_what_it_offers_at_the_top():
    """Ids after a relation, schemes after `by`, kinds and relations on a line of their own,
    header keys in the header."""
    nodes = "".join(f'premise p{i} "Claim {i}."\n  supports p{i + 1}\n\n' for i in range(300))
    text = MAP + nodes + 'premise last "Last."\n  supports p1 by \n\nthesis p300 "T."\n'
    path = os.path.realpath("unsaved.arg")
    project = Project({path: text}, [])

    def labels(offset: int) -> set[str]:
        return {item.label for item in features.completion(project, path, offset)}

    assert {"p0", "p299", "t", "o1"} <= labels(text.index("supports p1 by") + 9)
    assert set(SCHEMES) == labels(text.index("by \n") + 3)
    assert {"premise", "supports", "topic"} <= labels(text.index("\npremise p150"))
    assert "author" in labels(text.index("  source"))


@pytest.mark.asyncio
async def test_a_cancelled_request_leaves_the_outline_written_ahead_to_the_next():
    """The outline written ahead for a text is awaited by every request for it: the
    editor's cancelling one of them (`$/cancelRequest`) must not cancel it for the rest."""
    import asyncio
    from concurrent.futures import Future

    from argmap.lsp.server import shared

    ahead: Future[str] = Future()
    first = asyncio.ensure_future(shared(ahead))
    await asyncio.sleep(0)
    first.cancel()
    await asyncio.sleep(0)
    assert not ahead.cancelled()
    second = asyncio.ensure_future(shared(ahead))
    ahead.set_result("outline")
    assert await second == "outline"
    assert first.cancelled()
