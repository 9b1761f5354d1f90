"""The language server's answers on any text: a file being typed may be anything, and no
request may fail on it.

Two tests: every feature called on random texts in this process, and a real server
(`argmap lsp`, driven by pygls's client as an editor would) sent random edits and random
requests, which must all be answered without an internal error. The second's example count
is a quarter of the Hypothesis profile's (tests/conftest.py): 10 in CI, 750 with
`HYPOTHESIS_PROFILE=long`.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("lsprotocol")

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.client import LanguageClient

from argmap.lsp import features, outline
from argmap.lsp.project import Project
from conftest import SEEDS
from test_fuzz import soups

_WIDE = st.sampled_from(["😀", "𝑥", "é", "\ud83d", "\r\n", "\r", "\ufeff", '"', "\\", "#"])
# With a header, edits are read again only where they touch the map (`reread_symbols`).
_HEADER = 'document d "D" {\n  source "s.txt"\n}\n\n'
_TEXTS = st.one_of(st.text(max_size=200), soups(), st.lists(
    st.one_of(soups(), _WIDE), max_size=6).map("".join), soups().map(_HEADER.__add__))


@given(_TEXTS, st.data())
def test_every_request_answers_on_any_text(text, data):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.realpath(os.path.join(folder, "m.arg"))
        project = Project({path: text}, [folder])
        offset = data.draw(st.integers(0, len(text)))
        features.diagnostics(project, path)
        outline.document_symbols(project, path)
        features.semantic_tokens(project, path)
        features.folding_ranges(project, path)
        features.formatting(project, path, text)
        features.workspace_symbols(project, "a", str)
        features.completion(project, path, offset)
        features.hover(project, path, offset)
        features.definition(project, path, offset, str)
        features.references(project, path, offset, True, str)
        if features.prepare_rename(project, path, offset) is not None:
            assert features.rename(project, path, offset, "renamed", str) is not None


class Editor:
    """`argmap lsp` and a client, on an event loop of their own in a thread, so that
    Hypothesis (which calls the test synchronously) can drive them step by step."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.client = LanguageClient("argmap-fuzz", "1")
        self.published: dict[str, int | None] = {}
        self.diagnostics: dict[str, list[types.Diagnostic]] = {}
        self.errors: list[str] = []
        self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)(
            lambda params: self._published(params))
        for method in (types.WINDOW_LOG_MESSAGE, types.WINDOW_SHOW_MESSAGE):
            self.client.feature(method)(lambda params: self._message(params))
        self.run(self.client.start_io(sys.executable, "-m", "argmap", "lsp"))
        self.run(self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(general=types.GeneralClientCapabilities(
                position_encodings=[types.PositionEncodingKind.Utf16])),
            root_uri=folder.as_uri())))
        self.client.initialized(types.InitializedParams())
        self.documents = 0

    def _published(self, params: types.PublishDiagnosticsParams) -> None:
        self.published[params.uri] = params.version
        self.diagnostics[params.uri] = list(params.diagnostics)

    def _message(self, params: types.LogMessageParams | types.ShowMessageParams) -> None:
        if params.type == types.MessageType.Error:
            self.errors.append(params.message)

    def run(self, awaitable, timeout: float = 60):
        async def wrapped():
            return await awaitable
        return asyncio.run_coroutine_threadsafe(wrapped(), self.loop).result(timeout)

    def stop(self) -> None:
        self.run(self.client.shutdown_async(None))
        self.client.exit(None)
        self.run(self.client.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(SEEDS, folder / "seeds")
    (folder / "maps").mkdir()
    running = Editor(folder)
    yield running
    running.stop()


def _position(text: str, offset: int) -> types.Position:
    line_start = text.rfind("\n", 0, offset) + 1
    return types.Position(text.count("\n", 0, offset),
                          len(text[line_start:offset].encode("utf-16-le", "surrogatepass")) // 2)


_POSITIONS = st.tuples(st.integers(0, 40), st.integers(0, 200))
_REQUESTS = st.sampled_from(["hover", "definition", "references", "completion",
                             "prepare_rename", "rename", "outline", "folding", "semantic",
                             "formatting", "range_formatting", "code_action", "workspace"])
_STEPS = st.lists(st.one_of(
    st.tuples(st.just("edit"), st.floats(0, 1), st.floats(0, 1), _TEXTS),
    st.tuples(st.just("request"), _REQUESTS, _POSITIONS, st.sampled_from(["x", "9", "main"]))),
    max_size=8)


def _ask(editor: Editor, uri: str, kind: str, position: types.Position, name: str):
    client = editor.client
    document = types.TextDocumentIdentifier(uri)
    whole = types.Range(types.Position(0, 0), position)
    options = types.FormattingOptions(2, True)
    asks = {
        "hover": lambda: client.text_document_hover_async(types.HoverParams(document, position)),
        "definition": lambda: client.text_document_definition_async(
            types.DefinitionParams(document, position)),
        "references": lambda: client.text_document_references_async(types.ReferenceParams(
            text_document=document, position=position,
            context=types.ReferenceContext(include_declaration=True))),
        "completion": lambda: client.text_document_completion_async(
            types.CompletionParams(document, position)),
        "prepare_rename": lambda: client.text_document_prepare_rename_async(
            types.PrepareRenameParams(document, position)),
        "rename": lambda: client.text_document_rename_async(
            types.RenameParams(document, position, name)),
        "outline": lambda: client.text_document_document_symbol_async(
            types.DocumentSymbolParams(document)),
        "folding": lambda: client.text_document_folding_range_async(
            types.FoldingRangeParams(document)),
        "semantic": lambda: client.text_document_semantic_tokens_full_async(
            types.SemanticTokensParams(document)),
        "formatting": lambda: client.text_document_formatting_async(
            types.DocumentFormattingParams(document, options)),
        "range_formatting": lambda: client.text_document_range_formatting_async(
            types.DocumentRangeFormattingParams(document, whole, options)),
        "code_action": lambda: client.text_document_code_action_async(types.CodeActionParams(
            document, whole, types.CodeActionContext(
                diagnostics=editor.diagnostics.get(uri, [])))),
        "workspace": lambda: client.workspace_symbol_async(types.WorkspaceSymbolParams(name)),
    }
    return asks[kind]()


@settings(max_examples=max(10, settings.default.max_examples // 4), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(_TEXTS, _STEPS)
def test_random_edits_and_requests_get_answers_without_an_internal_error(editor, text, steps):
    editor.documents += 1
    uri = (editor.folder / "maps" / f"m{editor.documents}.arg").as_uri()
    client = editor.client
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="argmap", version=1, text=text)))
    version = 1
    refusals: list[tuple[str, int]] = []
    for step in steps:
        if step[0] == "edit":
            _, first, second, new = step
            start, end = sorted((int(first * len(text)), int(second * len(text))))
            version += 1
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [types.TextDocumentContentChangePartial(
                    range=types.Range(_position(text, start), _position(text, end)),
                    text=new)]))
            text = text[:start] + new + text[end:]
        else:
            _, kind, (line, character), name = step
            try:
                editor.run(_ask(editor, uri, kind, types.Position(line, character), name))
            except JsonRpcException as error:  # a refusal in words, never an internal error
                refusals.append((kind, error.code))
            assert all(code == types.LSPErrorCodes.RequestFailed for _, code in refusals), \
                refusals
    # The last text is checked, and its diagnostics published.
    for _ in range(400):
        if editor.published.get(uri) == version:
            break
        editor.run(asyncio.sleep(0.05))
    assert editor.published.get(uri) == version
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        types.TextDocumentIdentifier(uri)))
    assert editor.errors == []
