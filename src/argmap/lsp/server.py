"""The language server: pygls over standard input and output, wired to `features`.

Diagnostics are computed on the buffers as they stand, a moment after the last change
(`DEBOUNCE` seconds), for the file changed and for every open comparison, whose used maps
may be the file changed.
"""

from __future__ import annotations

import asyncio
import os

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__
from ..lexicon import COMPARE
from . import features
from .project import Project

# The handlers are what pygls calls, registered by their decorators.
__all__ = ["server", "serve", "DEBOUNCE", "did_open", "did_change", "did_save", "did_close",
           "definition", "references", "hover", "completion", "prepare_rename", "rename",
           "document_symbols", "code_action"]

#: Seconds without a change before a buffer is checked.
DEBOUNCE = 0.3

server = LanguageServer("argmap", __version__)
_pending: dict[str, asyncio.Task] = {}


def _path(uri: str) -> str:
    return os.path.realpath(to_fs_path(uri) or uri)


def _uri(path: str) -> str:
    return from_fs_path(path) or path


def _project(ls: LanguageServer) -> Project:
    """The open buffers and the workspace folders, as they stand now."""
    buffers = {_path(uri): document.source for uri, document in ls.workspace.text_documents.items()}
    roots = [path for folder in ls.workspace.folders.values()
             if (path := to_fs_path(folder.uri))]
    if not roots and ls.workspace.root_path:
        roots = [ls.workspace.root_path]
    return Project(buffers, roots)


def _publish(ls: LanguageServer, uris: list[str]) -> None:
    project = _project(ls)
    for uri in uris:
        if uri not in ls.workspace.text_documents:
            continue
        text = ls.workspace.get_text_document(uri).source
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, diagnostics=features.diagnostics(project, _path(uri), text)))


async def _publish_later(ls: LanguageServer, uri: str) -> None:
    await asyncio.sleep(DEBOUNCE)
    comparisons = [u for u, d in ls.workspace.text_documents.items()
                   if u != uri and d.source.lstrip().startswith(COMPARE)]
    try:
        _publish(ls, [uri, *comparisons])
    except Exception as error:  # a bug of ours: into the editor's log, and the server goes on
        ls.window_log_message(types.LogMessageParams(
            types.MessageType.Error, f"argmap: internal error: {type(error).__name__}: {error}"))


def _schedule(ls: LanguageServer, uri: str) -> None:
    task = _pending.pop(uri, None)
    if task is not None:
        task.cancel()
    _pending[uri] = asyncio.get_running_loop().create_task(_publish_later(ls, uri))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: LanguageServer, params: types.DidOpenTextDocumentParams) -> None:
    _schedule(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: LanguageServer, params: types.DidChangeTextDocumentParams) -> None:
    _schedule(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: LanguageServer, params: types.DidSaveTextDocumentParams) -> None:
    _schedule(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: LanguageServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
        uri=params.text_document.uri, diagnostics=[]))


def _where(ls: LanguageServer, params) -> tuple[Project, str, int]:
    """The project, the file's path and the cursor's offset of a positional request."""
    uri = params.text_document.uri
    text = ls.workspace.get_text_document(uri).source
    return _project(ls), _path(uri), features.offset_of(text, params.position)


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def definition(ls: LanguageServer, params: types.DefinitionParams):
    return features.definition(*_where(ls, params), _uri)


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
def references(ls: LanguageServer, params: types.ReferenceParams):
    return features.references(*_where(ls, params), params.context.include_declaration, _uri)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: LanguageServer, params: types.HoverParams):
    return features.hover(*_where(ls, params))


@server.feature(types.TEXT_DOCUMENT_COMPLETION,
                types.CompletionOptions(trigger_characters=[".", " "]))
def completion(ls: LanguageServer, params: types.CompletionParams):
    return types.CompletionList(is_incomplete=False, items=features.completion(*_where(ls, params)))


@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
def prepare_rename(ls: LanguageServer, params: types.PrepareRenameParams):
    return features.prepare_rename(*_where(ls, params))


@server.feature(types.TEXT_DOCUMENT_RENAME)
def rename(ls: LanguageServer, params: types.RenameParams):
    return features.rename(*_where(ls, params), params.new_name, _uri)


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def document_symbols(ls: LanguageServer, params: types.DocumentSymbolParams):
    text = ls.workspace.get_text_document(params.text_document.uri).source
    return features.document_symbols(text)


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
def code_action(ls: LanguageServer, params: types.CodeActionParams):
    return features.code_actions(params.text_document.uri, params)


def serve() -> None:
    """Answer an editor over standard input and output until it says to exit."""
    server.start_io()
