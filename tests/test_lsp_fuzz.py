"""The language server's answers on any text: a file being typed may be anything, and no
request may fail on it."""

from __future__ import annotations

import os
import tempfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("lsprotocol")

from argmap.lsp import features
from argmap.lsp.project import Project
from test_fuzz import soups


@given(st.one_of(st.text(max_size=200), soups()), st.data())
def test_every_request_answers_on_any_text(text, data):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.realpath(os.path.join(folder, "m.arg"))
        project = Project({path: text}, [folder])
        offset = data.draw(st.integers(0, len(text)))
        features.diagnostics(project, path, text)
        features.document_symbols(text)
        features.completion(project, path, offset)
        features.hover(project, path, offset)
        features.definition(project, path, offset, str)
        features.references(project, path, offset, True, str)
        if features.prepare_rename(project, path, offset) is not None:
            assert features.rename(project, path, offset, "renamed", str) is not None
