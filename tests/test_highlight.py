"""The Pygments lexer: found by name and file name through its entry point; on every valid
file no error token, and the tokens join back to the input."""

from __future__ import annotations

import pytest
from hypothesis import given

pygments = pytest.importorskip("pygments")
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename  # noqa: E402
from pygments.token import Comment, Error, Keyword, Name, Punctuation, String  # noqa: E402

from argmap.highlight import ArgmapLexer  # noqa: E402
from test_fmt import REPOSITORY_FILES, noisy_maps  # noqa: E402
from test_fuzz import valid_maps  # noqa: E402


def tokens(text: str) -> list[tuple[object, str]]:
    return [(kind, value) for _, kind, value in ArgmapLexer().get_tokens_unprocessed(text)]


def assert_lexes_cleanly(text: str) -> None:
    found = tokens(text)
    assert [value for kind, value in found if kind is Error] == []
    assert "".join(value for _, value in found) == text


def test_pygments_finds_the_lexer_through_its_entry_point():
    assert isinstance(get_lexer_by_name("argmap"), ArgmapLexer)
    assert isinstance(get_lexer_for_filename("maps/fpri.arg"), ArgmapLexer)


@pytest.mark.parametrize("path", REPOSITORY_FILES, ids=lambda p: p.name)
def test_every_valid_file_of_the_repository_lexes_cleanly(path):
    assert_lexes_cleanly(path.read_text(encoding="utf-8"))


@given(valid_maps())
def test_random_valid_maps_lex_cleanly(generated):
    assert_lexes_cleanly(generated[0])


@given(noisy_maps())
def test_random_maps_with_comments_lex_cleanly(text):
    assert_lexes_cleanly(text)


def test_the_types_of_the_tokens():
    found = [(kind, value) for kind, value in tokens(
        'document d "T" { source "s.txt" }\n'
        'premise p "x" #tag  # why\n  supports t\n') if value.strip()]
    assert found == [
        (Keyword.Namespace, "document"), (Name.Function, "d"), (String.Double, '"T"'),
        (Punctuation, "{"), (Name.Attribute, "source"), (String.Double, '"s.txt"'),
        (Punctuation, "}"), (Keyword.Declaration, "premise"), (Name.Function, "p"),
        (String.Double, '"x"'), (Name.Decorator, "#tag"), (Comment.Single, "# why"),
        (Keyword, "supports"), (Name, "t")]
    assert [(kind, value) for kind, value in tokens('topic "Sanctions"') if value.strip()] == [
        (Keyword.Namespace, "topic"), (String.Double, '"Sanctions"')]


def test_what_cannot_start_a_token_is_an_error():
    assert (Error, "\u201c") in tokens('thesis t \u201cx"')
