"""Offsets and the protocol's positions (`argmap.lsp.positions`), and the work the server
does per finding: positions come from an index, never from the start of the file."""

from __future__ import annotations

import cProfile
import itertools
import os
import pstats

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("lsprotocol")

from lsprotocol import types

from argmap.lsp import features
from argmap.lsp.positions import LineIndex
from argmap.lsp.project import Project

LINE = "a😀b𝑥é\ud83dc"  # a character of four UTF-8 bytes and two UTF-16 units, and others


@pytest.mark.parametrize("encoding, columns", [
    ("utf-8", [0, 1, 5, 6, 10, 12, 15, 16]),
    ("utf-16", [0, 1, 3, 4, 6, 7, 8, 9]),
    ("utf-32", [0, 1, 2, 3, 4, 5, 6, 7]),
])
def test_each_encoding_counts_its_own_units(encoding, columns):
    index = LineIndex("first line\n" + LINE + "\nlast", encoding)
    start = len("first line\n")
    for offset, column in enumerate(columns):
        assert index.position(start + offset) == types.Position(1, column)
        assert index.offset(types.Position(1, column)) == start + offset


def test_positions_outside_the_text_are_clamped():
    index = LineIndex("ab\ncd")
    assert index.offset(types.Position(0, 99)) == 2  # past the end of its line
    assert index.offset(types.Position(9, 0)) == 5  # past the last line
    assert index.position(99) == types.Position(1, 2)
    # Within an emoji's two UTF-16 units: at the emoji.
    assert LineIndex("😀x").offset(types.Position(0, 1)) == 0


@given(st.text(st.characters(blacklist_categories=["Cs"]) | st.sampled_from("\n😀\ud800")),
       st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_every_offset_goes_there_and_back(text, encoding):
    index = LineIndex(text, encoding)
    for offset in range(len(text) + 1):
        assert index.offset(index.position(offset)) == offset


def _calls(n: int, tmp_path) -> int:
    """The function calls (generator steps included) that the diagnostics of a map with a
    warning on each of its `n` nodes take."""
    text = 'document d "D" {}\n\nthesis t "T."\n\n' + "".join(
        f'premise p{i} "Claim {i}."\n  supports t\n\n' for i in range(n))
    path = os.path.realpath(tmp_path / f"m{n}.arg")
    project = Project({path: text}, [str(tmp_path)])
    project.findings(path)  # the check itself is not what is counted
    profile = cProfile.Profile()
    found = profile.runcall(features.diagnostics, project, path)
    assert len(found) == n + 1
    return pstats.Stats(profile).total_calls


def test_diagnostics_cost_the_same_per_finding_however_many(tmp_path):
    """Issue 20: 20 s for a map of 6,000 nodes with a warning each, against 0.4 s for
    `check`: each finding's position was found from the start of the file, and its token
    among all the file's tokens."""
    small, large = _calls(100, tmp_path), _calls(800, tmp_path)
    assert large < 10 * small  # eight times the findings; quadratic work would be 64 times


@given(st.text(st.sampled_from("ab\n😀é")), st.data(),
       st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_a_range_in_json_is_the_range(text, data, encoding):
    index = LineIndex(text, encoding)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    shown = index.range(start, end)
    assert index.range_json(start, end) == {
        "start": {"line": shown.start.line, "character": shown.start.character},
        "end": {"line": shown.end.line, "character": shown.end.character}}


@pytest.mark.parametrize("last_check, delay", [(0.0, 0.01), (0.004, 0.01), (0.2, 0.1),
                                               (5.0, 0.3)])
def test_the_delay_before_a_check_is_half_the_last_check(last_check, delay):
    from argmap.lsp.server import ArgmapServer

    server = ArgmapServer()
    server.last_check = last_check
    assert server.delay() == pytest.approx(delay)


@pytest.mark.parametrize("encoding, columns", [
    ("utf-8", [(0, 8), (9, 2), (12, 7), (20, 8)]),
    ("utf-16", [(0, 8), (9, 2), (12, 5), (18, 8)]),
    ("utf-32", [(0, 8), (9, 2), (12, 4), (17, 8)]),
])
def test_semantic_tokens_count_each_encodings_units(encoding, columns):
    """The start and length of each token of a line with an emoji in it, as each encoding
    counts them: the tokens are read without their positions, which are counted after."""
    text = 'evidence e1 "😀x" supports t'
    path = os.path.realpath("unsaved.arg")  # an editor's buffer, never read from disk
    data = features.semantic_tokens(Project({path: text}, [], encoding=encoding), path).data
    # delta line, delta start, length, type, modifiers: five numbers a token.
    starts, lengths = list(itertools.accumulate(data[1::5])), data[2::5]
    assert list(zip(starts, lengths, strict=True))[:4] == columns
