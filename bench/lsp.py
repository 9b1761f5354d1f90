"""How fast `argmap lsp` answers an editor, as maps grow: driven by pygls's own client.

    python bench/lsp.py [--sizes 100 1000 10000] [--repeat 5] [--markdown]

For each N, `bench/gen.py` writes the map of N nodes and its source into a temporary
folder; the script starts `argmap lsp` there, opens the map as an editor does, and
measures, in milliseconds (the median of `--repeat` tries, each on a fresh edit):

- **diagnostics, no error**: from the change (one character of a node's text, near the top,
  changed) to the diagnostics of that text: the server's delay included;
- **diagnostics, syntax error**: the same, for a change that breaks the syntax (a node kind
  misspelt near the top), and then mended;
- **outline**: `textDocument/documentSymbol`, asked for as soon as the diagnostics of a
  changed text arrive (as an editor asks), until the answer is read as JSON, as an editor
  reads it; **outline, into pygls's classes**: the same, for another change, until pygls's
  client has read the answer into the protocol's classes (at 10,000 nodes, 2 MB of JSON:
  most of that time is the client's own);
- **hover during a check**: a hover sent every 25 ms from a change until its diagnostics
  arrive; the slowest answer;
- **hover behind an outline**: a hover sent 5 ms after an outline request (for a changed
  text, as soon as its diagnostics arrive), from then to its answer: how long a request
  waits behind another, the outline read as JSON; **..., into pygls's classes**: the same
  behind an outline (of the same text) that pygls's client reads into classes, which it
  does before it sends the hover or reads its answer (its loop is busy till then).

Each change is a full replacement of the text, as a client without incremental sync sends.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen import generate

COLUMNS = ("N", "diagnostics, no error", "diagnostics, syntax error", "outline",
           "outline, into pygls's classes", "hover during a check", "hover behind an outline",
           "hover behind an outline, into pygls's classes")


class Session:
    """One server, one open map, and the diagnostics it publishes, by version."""

    def __init__(self, client: LanguageClient, uri: str, text: str):
        self.client = client
        self.uri = uri
        self.text = text
        self.version = 1
        self.published: dict[int, asyncio.Future] = {}

    def expect(self, version: int) -> asyncio.Future:
        return self.published.setdefault(version, asyncio.get_running_loop().create_future())

    def receive(self, params: types.PublishDiagnosticsParams) -> None:
        if params.uri == self.uri and params.version is not None:
            future = self.expect(params.version)
            if not future.done():
                future.set_result(time.perf_counter())

    def change(self, text: str) -> tuple[float, asyncio.Future]:
        self.version += 1
        self.text = text
        waiting = self.expect(self.version)
        sent = time.perf_counter()
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=self.uri, version=self.version),
            [types.TextDocumentContentChangeWholeDocument(text=text)]))
        return sent, waiting

    async def diagnostics_after(self, text: str) -> float:
        sent, waiting = self.change(text)
        return await asyncio.wait_for(waiting, 120) - sent

    async def hover(self, position: types.Position) -> float:
        sent = time.perf_counter()
        await self.client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(self.uri), position))
        return time.perf_counter() - sent

    async def outline_json(self) -> float:
        """The outline's round trip, its answer read as JSON but not into classes."""
        number = f"outline-{time.perf_counter_ns()}"
        answer = asyncio.get_running_loop().create_future()
        protocol = self.client.protocol
        protocol._request_futures[number] = answer
        sent = time.perf_counter()
        protocol._send_data({"jsonrpc": "2.0", "id": number,
                             "method": types.TEXT_DOCUMENT_DOCUMENT_SYMBOL,
                             "params": {"textDocument": {"uri": self.uri}}})
        await answer
        return time.perf_counter() - sent

    async def outline(self) -> float:
        sent = time.perf_counter()
        await self.client.text_document_document_symbol_async(types.DocumentSymbolParams(
            types.TextDocumentIdentifier(self.uri)))
        return time.perf_counter() - sent


def _edited(text: str, round_: int, broken: bool) -> str:
    """The text with one character of its first premise changed (round by round), or with
    that premise's kind misspelt."""
    at = text.index("\npremise ") + 1
    if broken:
        return text[:at] + "premse" + text[at + len("premise"):]
    quote = text.index('"', at) + 1
    return text[:quote] + "xyzw"[round_ % 4] + text[quote + 1:]


def _position(text: str, needle: str) -> types.Position:
    offset = text.index(needle) + 1
    return types.Position(text.count("\n", 0, offset), offset - text.rfind("\n", 0, offset) - 1)


async def measure(n: int, repeat: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        generate(n, folder)
        path = Path(folder) / f"map{n}.arg"
        text = path.read_text(encoding="utf-8")
        client = LanguageClient("argmap-bench", "1")
        await client.start_io(sys.executable, "-m", "argmap", "lsp", cwd=folder)
        session = Session(client, path.as_uri(), text)
        client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)(
            lambda params: session.receive(params))
        await client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=Path(folder).as_uri()))
        client.initialized(types.InitializedParams())
        first = session.expect(1)
        client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
            uri=session.uri, language_id="argmap", version=1, text=text)))
        await asyncio.wait_for(first, 120)
        results: dict[str, list[float]] = {column: [] for column in COLUMNS[1:]}
        hover_at = _position(text, "\npremise ")
        hover_at.character = len("premise ") + 1
        for round_ in range(repeat):
            results["diagnostics, no error"].append(
                await session.diagnostics_after(_edited(text, round_, broken=False)))
            results["diagnostics, syntax error"].append(
                await session.diagnostics_after(_edited(text, round_, broken=True)))
            await session.diagnostics_after(text)
            results["outline"].append(await session.outline_json())
            await session.diagnostics_after(_edited(text, round_ + 1, broken=False))
            results["outline, into pygls's classes"].append(await session.outline())
            _, waiting = session.change(_edited(text, round_ + 2, broken=False))
            hovers = []
            while not waiting.done():
                hovers.append(await session.hover(hover_at))
                await asyncio.sleep(0.025)
            results["hover during a check"].append(max(hovers))
            await session.diagnostics_after(text)
            for column, outline in (("hover behind an outline", session.outline_json),
                                    ("hover behind an outline, into pygls's classes",
                                     session.outline)):
                meant = time.perf_counter() + 0.005
                asking = asyncio.ensure_future(outline())
                await asyncio.sleep(0.005)  # the outline's request is on its way first
                # From when the hover was to be sent: a client busy reading the outline
                # sends it late.
                await session.hover(hover_at)
                results[column].append(time.perf_counter() - meant)
                await asking
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
        return {column: statistics.median(values) * 1000 for column, values in results.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    options = parser.parse_args(argv)
    rows = [(n, asyncio.run(measure(n, options.repeat))) for n in options.sizes]
    if options.markdown:
        print("| " + " | ".join(COLUMNS) + " |")
        print("|" + "---|" * len(COLUMNS))
        for n, row in rows:
            print(f"| {n:,} | " + " | ".join(f"{row[c]:.0f}" for c in COLUMNS[1:]) + " |")
    else:
        for n, row in rows:
            print(f"N={n}: " + ", ".join(f"{c} {row[c]:.0f} ms" for c in COLUMNS[1:]))


if __name__ == "__main__":
    main()
