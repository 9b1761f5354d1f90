"""The language server: pygls over standard input and output, wired to `features`.

The loop that reads the editor's messages does no work of argmap's own: a check runs in a
thread of its own, and each request in one of a few others, on a snapshot of the buffers
taken when it arrives; so no request waits behind a check, nor behind a slow request.

A buffer is checked a moment after its last change: half as long as the last check took,
between `DELAY_MIN` and `DELAY_MAX` seconds, so a small map is checked almost at once and
a large one waits for a pause in typing worth its cost. With it are checked the open
comparisons that use it. Diagnostics are published only for the text they were worked
out on; a check overtaken by a change is followed by the next.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__
from ..errors import Refused
from . import features, outline
from .positions import normalized
from .project import Cache, Project

# The handlers are what pygls calls, registered by their decorators.
__all__ = ["ArgmapServer", "ArgmapProtocol", "server", "serve", "shared", "DELAY_MIN", "DELAY_MAX",
           "did_open", "did_change", "did_save", "did_close", "definition", "references",
           "hover", "completion", "prepare_rename", "rename", "document_symbols", "code_action",
           "formatting", "range_formatting", "semantic_tokens", "folding_ranges",
           "workspace_symbols"]

#: The least and the most seconds without a change before a buffer is checked.
DELAY_MIN, DELAY_MAX = 0.01, 0.3

T = TypeVar("T")


class _Answered:
    """A request already answered with an error while it was read."""

    jsonrpc = ""


class ArgmapProtocol(LanguageServerProtocol):
    """pygls's protocol, but a request whose parameters do not fit their type is answered,
    with an InvalidParams error (pygls logs it and leaves the editor waiting); and an answer
    already written as JSON (`outline.Serialized`) is sent as it is."""

    def structure_message(self, data: dict[str, Any]):
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            message_id = data.get("id")
            if "method" not in data or not isinstance(message_id, int | str):
                raise
            cause = error.__cause__ or error
            self._send_response(message_id, error=JsonRpcInvalidParams(
                f"the parameters of {data['method']} do not fit its type: "
                f"{str(cause).splitlines()[0]}").to_response_error())
            return _Answered()

    def handle_message(self, message) -> None:
        if not isinstance(message, _Answered):
            super().handle_message(message)

    def _send_data(self, data: Any) -> None:
        result = getattr(data, "result", None)
        if not isinstance(result, outline.Serialized) or self.writer is None:
            super()._send_data(data)
            return
        body = f'{{"id":{json.dumps(data.id)},"jsonrpc":"2.0","result":{result}}}'.encode()
        # Standard output's writer, which `serve` sets, writes at once.
        self.writer.write(f"Content-Length: {len(body)}\r\n\r\n".encode() + body)


class ArgmapServer(LanguageServer):
    """The server, with what outlives one answer: the cache of what was read, the threads,
    the checks waiting for their moment, and how long the last check took."""

    def __init__(self) -> None:
        super().__init__("argmap", __version__, protocol_cls=ArgmapProtocol)
        self.cache = Cache()
        self.checker = ThreadPoolExecutor(1, thread_name_prefix="argmap-check")
        self.answerer = ThreadPoolExecutor(4, thread_name_prefix="argmap-answer")
        self.pending: dict[str, asyncio.Task] = {}
        self.last_check = 0.0
        # The outline being written ahead, after a check, for a text of a file: a request
        # for it waits for that writing rather than doing it again beside it.
        self.outlining: dict[str, tuple[str | None, Future[outline.Serialized]]] = {}

    def delay(self) -> float:
        return min(DELAY_MAX, max(DELAY_MIN, self.last_check / 2))


server = ArgmapServer()


def _path(uri: str) -> str:
    return os.path.realpath(to_fs_path(uri) or uri)


def _uri(path: str) -> str:
    return from_fs_path(path) or path


def _project(ls: ArgmapServer) -> Project:
    """The open buffers and the workspace folders, as they stand now."""
    documents = list(ls.workspace.text_documents.items())
    buffers = {_path(uri): normalized(document.source) for uri, document in documents}
    roots = [path for folder in list(ls.workspace.folders.values())
             if (path := to_fs_path(folder.uri))]
    if not roots and ls.workspace.root_path:
        roots = [ls.workspace.root_path]
    return Project(buffers, roots, ls.cache, ls.workspace.position_encoding
                   or types.PositionEncodingKind.Utf16)


def _diagnose(project: Project, changed: str) -> dict[str, list[types.Diagnostic]]:
    """The diagnostics of the file changed and of the open comparisons that use it."""
    paths = [changed] + [path for path in project.buffers if path != changed
                         and project.is_comparison(path) and changed in project.uses(path)]
    return {path: features.diagnostics(project, path) for path in paths}


def _log_internal_error(ls: ArgmapServer, error: Exception) -> None:
    """A bug of ours: into the editor's log, and the server goes on."""
    ls.window_log_message(types.LogMessageParams(
        types.MessageType.Error, f"argmap: internal error: {type(error).__name__}: {error}"))


async def _check_later(ls: ArgmapServer, uri: str) -> None:
    await asyncio.sleep(ls.delay())
    documents = dict(ls.workspace.text_documents)
    versions = {_path(u): (u, d.version, d.source) for u, d in documents.items()}
    project = _project(ls)
    started = time.perf_counter()
    try:
        found = await asyncio.get_running_loop().run_in_executor(
            ls.checker, _diagnose, project, _path(uri))
    except Exception as error:
        _log_internal_error(ls, error)
        return
    ls.last_check = time.perf_counter() - started
    # Then the ids of the file, read ahead for references and completion, and its outline,
    # which editors ask for after each change.
    changed = _path(uri)
    project.read_ahead(changed, ls.checker)
    ls.outlining[changed] = (project.text(changed),
                             ls.checker.submit(outline.document_symbols, project, changed))
    for path, diagnostics in found.items():
        address, version, text = versions[path]
        current = ls.workspace.text_documents.get(address)
        if current is None or current.source is not text:
            continue  # closed or changed since: its own check follows
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=address, diagnostics=diagnostics, version=version))


def _schedule(ls: ArgmapServer, uri: str) -> None:
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.pending[uri] = asyncio.get_running_loop().create_task(_check_later(ls, uri))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ArgmapServer, params: types.DidOpenTextDocumentParams) -> None:
    _schedule(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: ArgmapServer, params: types.DidChangeTextDocumentParams) -> None:
    _schedule(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: ArgmapServer, params: types.DidSaveTextDocumentParams) -> None:
    _schedule(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ArgmapServer, params: types.DidCloseTextDocumentParams) -> None:
    task = ls.pending.pop(params.text_document.uri, None)
    if task is not None:
        task.cancel()
    ls.outlining.pop(_path(params.text_document.uri), None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
        uri=params.text_document.uri, diagnostics=[]))


async def _answer(ls: ArgmapServer, work: Callable[..., T], *args) -> T:
    """`work(*args)` in a thread of its own: a slow answer holds up no other. A request
    argmap declines is an error in words (RequestFailed), not an internal error."""
    try:
        return await asyncio.get_running_loop().run_in_executor(ls.answerer, work, *args)
    except Refused as refusal:
        raise JsonRpcException(str(refusal), types.LSPErrorCodes.RequestFailed) from None


async def _at(ls: ArgmapServer, params, work: Callable[..., T], *args) -> T | None:
    """The answer of `work(project, path, offset, *args)` at a request's position; None
    for a file that cannot be read (a pipe, a folder, a file gone)."""
    project, path = _project(ls), _path(params.text_document.uri)

    def located():
        index = project.index(path)
        if index is None:
            return None
        return work(project, path, index.offset(params.position), *args)

    return await _answer(ls, located)


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
async def definition(ls: ArgmapServer, params: types.DefinitionParams):
    return await _at(ls, params, features.definition, _uri)


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
async def references(ls: ArgmapServer, params: types.ReferenceParams):
    return await _at(ls, params, features.references, params.context.include_declaration, _uri)


@server.feature(types.TEXT_DOCUMENT_HOVER)
async def hover(ls: ArgmapServer, params: types.HoverParams):
    return await _at(ls, params, features.hover)


@server.feature(types.TEXT_DOCUMENT_COMPLETION,
                types.CompletionOptions(trigger_characters=[".", " "]))
async def completion(ls: ArgmapServer, params: types.CompletionParams):
    items = await _at(ls, params, features.completion)
    return types.CompletionList(is_incomplete=False, items=items or [])


@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
async def prepare_rename(ls: ArgmapServer, params: types.PrepareRenameParams):
    return await _at(ls, params, features.prepare_rename)


@server.feature(types.TEXT_DOCUMENT_RENAME)
async def rename(ls: ArgmapServer, params: types.RenameParams):
    return await _at(ls, params, features.rename, params.new_name, _uri)


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
async def document_symbols(ls: ArgmapServer, params: types.DocumentSymbolParams):
    project, path = _project(ls), _path(params.text_document.uri)
    ahead = ls.outlining.get(path)
    if ahead is not None and ahead[0] is not None and ahead[0] == project.text(path) \
            and not ahead[1].cancelled():
        return await shared(ahead[1])
    return await _answer(ls, outline.document_symbols, project, path)


async def shared(future: Future[T]) -> T:
    """The result of `future`, which several requests may await: one that the editor
    cancels leaves it to the others (a future awaited as it is would be cancelled with it,
    and every later request for the same text with it)."""
    return await asyncio.shield(asyncio.wrap_future(future))


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
def code_action(ls: ArgmapServer, params: types.CodeActionParams):
    return features.code_actions(params.text_document.uri, params)


def _raw(ls: ArgmapServer, uri: str) -> str:
    document = ls.workspace.text_documents.get(uri)
    return document.source if document is not None else ""


@server.feature(types.TEXT_DOCUMENT_FORMATTING)
async def formatting(ls: ArgmapServer, params: types.DocumentFormattingParams):
    uri = params.text_document.uri
    return await _answer(ls, features.formatting, _project(ls), _path(uri), _raw(ls, uri))


@server.feature(types.TEXT_DOCUMENT_RANGE_FORMATTING)
async def range_formatting(ls: ArgmapServer, params: types.DocumentRangeFormattingParams):
    uri = params.text_document.uri
    return await _answer(ls, features.formatting, _project(ls), _path(uri), _raw(ls, uri),
                         params.range)


@server.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL, features.SEMANTIC_TOKENS)
async def semantic_tokens(ls: ArgmapServer, params: types.SemanticTokensParams):
    return await _answer(ls, features.semantic_tokens, _project(ls),
                         _path(params.text_document.uri))


@server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
async def folding_ranges(ls: ArgmapServer, params: types.FoldingRangeParams):
    return await _answer(ls, features.folding_ranges, _project(ls),
                         _path(params.text_document.uri))


@server.feature(types.WORKSPACE_SYMBOL)
async def workspace_symbols(ls: ArgmapServer, params: types.WorkspaceSymbolParams):
    return await _answer(ls, features.workspace_symbols, _project(ls), params.query, _uri)


def serve() -> None:
    """Answer an editor over standard input and output until it says to exit. pygls closes
    the stream it writes to when the session ends: it is given a stream of its own on
    standard output, which stays open for the command line's last flush (on the closed
    stream, that flush was an internal error at the end of every session)."""
    with os.fdopen(os.dup(sys.stdout.fileno()), "wb") as output:
        server.start_io(sys.stdin.buffer, output)
