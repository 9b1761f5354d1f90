"""The files the language server sees: the editor's open buffers first, then the disk.

A `Project` is one answer's view of the files; a `Cache`, which outlives it, keeps what
reading them cost (the parsed files, their semantics, the source texts, their ids) for as
long as their text stays the same, so that a keystroke in one map re-reads that map only.
Every `.arg` file that is not open is read by `BufferWorkspace.read_bytes`, as `argmap
check` reads it (through the reader of its settings, which refuses a pipe or a device
before opening it, and a link out of the project).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from concurrent.futures import Executor, Future
from functools import cached_property
from typing import TYPE_CHECKING

from lsprotocol import types

from ..diagnostics import Finding
from ..errors import InputError
from ..lexicon import NodeKind
from ..lint.engine import check_file
from ..model import Comparison, DocumentMap
from ..quotes import SourceText
from ..semantics import MapSemantics, Resolver
from ..settings import Discovery
from ..workspace import LoadedFile, Workspace, find_arg_files, relative_to
from .positions import LineIndex, normalized
from .symbols import FileSymbols, Occurrence, Role, read_symbols, reread_symbols

if TYPE_CHECKING:
    from .outline import OutlineSymbol

__all__ = ["Cache", "BufferWorkspace", "Project", "Key"]

#: What an occurrence names: (Role.NODE, map path, node id) or (Role.DOCUMENT, map path, "").
Key = tuple[str, str, str]


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return status.st_mtime_ns, status.st_size


class Cache:
    """What the server has read and worked out, by real path, each with what it was made
    from: the bytes of an `.arg` file and its `LoadedFile`; a loaded map and its semantics;
    a source text and its stamp (modification time and size); a text and its ids, and the
    outline made of them, its symbols and their JSON text."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[bytes, LoadedFile]] = {}
        self.maps: dict[str, tuple[LoadedFile, MapSemantics]] = {}
        self.sources: dict[str, tuple[tuple[int, int] | None, SourceText | str]] = {}
        self.symbols: dict[str, FileSymbols] = {}
        self.indexes: dict[str, LineIndex] = {}
        self.outlines: dict[str, tuple[FileSymbols, list[OutlineSymbol], str]] = {}
        # The ids being read ahead, in the check's thread, for a text: an answer that needs
        # them waits for that reading rather than doing it again beside it.
        self.reading: dict[str, tuple[str, Future]] = {}


class BufferWorkspace(Workspace):
    """A workspace that reads an open buffer, unsaved, in place of its file, and every other
    file as `argmap check` reads it (through the settings found for it); it keeps what it
    parsed and normalised in a `Cache` for the next answer."""

    def __init__(self, buffers: Mapping[str, str], cache: Cache | None = None,
                 settings: Discovery | None = None):
        super().__init__(settings)
        self.buffers = buffers
        self.cache = cache if cache is not None else Cache()
        self._read: dict[str, bytes] = {}

    def read_bytes(self, path: str) -> bytes:
        key = os.path.realpath(path)
        if key in self._read:
            return self._read.pop(key)
        text = self.buffers.get(key)
        # A lone surrogate (half an emoji, in an editor's buffer for a moment) cannot be
        # UTF-8: kept as the bytes it would be, the reader reports it as it would in a file.
        return (super().read_bytes(path) if text is None
                else text.encode("utf-8", "surrogatepass"))

    def load(self, path: str) -> LoadedFile:
        key = os.path.realpath(path)
        if key not in self._files:
            data = self.read_bytes(path)
            cached = self.cache.files.get(key)
            if cached is not None and cached[0] == data and cached[1].path == path:
                self._files[key] = cached[1]
            else:
                self._read[key] = data
                loaded = super().load(path)
                self._read.pop(key, None)
                self.cache.files[key] = (data, loaded)
        return self._files[key]

    def source(self, path: str, by: str) -> SourceText | str:
        key = os.path.realpath(path)
        stamp = _stamp(path)
        cached = self.cache.sources.get(key)
        if key not in self._sources and cached is not None and cached[0] == stamp:
            self._sources[key] = cached[1]
        found = super().source(path, by)
        if key in self._sources:
            self.cache.sources[key] = (stamp, self._sources[key])
        return found


class _Resolver(Resolver):
    """A resolver that keeps the semantics of a map for as long as its file is unchanged,
    and, when it changes, the place of each quote whose text and source did not."""

    workspace: BufferWorkspace

    def map(self, loaded: LoadedFile) -> MapSemantics:
        key = os.path.realpath(loaded.path)
        cached = self.workspace.cache.maps.get(key)
        if key not in self._maps and cached is not None and cached[0] is loaded:
            self._maps[key] = cached[1]
        semantics = super().map(loaded)
        if cached is not None and cached[1] is not semantics:
            _quotes_found_before(cached[1], semantics)
        self.workspace.cache.maps[key] = (loaded, semantics)
        return semantics


def _quotes_found_before(before: MapSemantics, now: MapSemantics) -> None:
    """Fill in `now.quotes` (`MapSemantics.quotes`, as it would work it out) from where
    `before` found the same quotes in the same source, locating only the quotes that are
    new: a keystroke in a large map then looks up one quote, not every one."""
    found = before.__dict__.get("quotes")
    if found is None or not isinstance(now.source, SourceText) or now.source is not before.source:
        return
    by_text = {before.nodes[node_id].text: result for node_id, result in found.items()}
    evidence = [n for n in now.nodes.values() if n.kind is NodeKind.EVIDENCE]
    new = list(dict.fromkeys(n.text for n in evidence if n.text not in by_text))
    by_text.update(zip(new, now.source.locate(new)))
    now.__dict__["quotes"] = {node.id: by_text[node.text] for node in evidence}


class Project:
    """One answer's view of the files: buffers by real path, the folders to search for
    the other `.arg` files (for references and renames across files), and the position
    encoding the editor and the server agreed on. Files are read as `argmap check` reads
    them: a link out of its project, or a used map outside the comparison's, is not read
    (`argmap.settings`)."""

    def __init__(self, buffers: Mapping[str, str], roots: list[str], cache: Cache | None = None,
                 encoding: str = types.PositionEncodingKind.Utf16,
                 settings: Discovery | None = None):
        self.buffers = buffers
        self.roots = roots
        self.encoding = encoding
        self.workspace = BufferWorkspace(
            buffers, cache, settings if settings is not None else Discovery(lenient=True))
        self.settings = self.workspace.settings
        self.cache = self.workspace.cache
        self.resolver = _Resolver(self.workspace)
        self._indexes: dict[str, LineIndex | None] = {}

    def text(self, path: str) -> str | None:
        """The text of an `.arg` file: its buffer, else its file as the editor would show it
        (no BOM, `\\n` line ends); None when it cannot be read or is not UTF-8."""
        path = os.path.realpath(path)
        if path in self.buffers:
            return self.buffers[path]
        try:
            return normalized(self.workspace.read_bytes(path).decode("utf-8-sig"))
        except (OSError, UnicodeDecodeError, ValueError):  # ValueError: a NUL in the path
            return None

    def index(self, path: str) -> LineIndex | None:
        """The lines of the file at `path`, for positions in the agreed encoding."""
        path = os.path.realpath(path)
        if path not in self._indexes:
            text = self.text(path)
            cached = self.cache.indexes.get(path)
            if text is None or (cached is not None and cached.text == text
                                and cached.encoding == self.encoding):
                self._indexes[path] = cached if text is not None else None
            else:
                self._indexes[path] = self.cache.indexes[path] = LineIndex(text, self.encoding)
        return self._indexes[path]

    def symbols(self, path: str) -> FileSymbols | None:
        """The ids of the file at `path` as it stands (read once for each text)."""
        path = os.path.realpath(path)
        text = self.text(path)
        if text is None:
            return None
        cached = self.cache.symbols.get(path)
        if cached is not None and cached.text == text:
            return cached
        reading = self.cache.reading.get(path)
        if reading is not None and reading[0] == text:
            return reading[1].result()
        return self._read(path, text)

    def read_ahead(self, path: str, executor: Executor) -> None:
        """Read the ids of the file at `path` in `executor`, for the answers to come."""
        path = os.path.realpath(path)
        text = self.text(path)
        if text is not None:
            self.cache.reading[path] = (text, executor.submit(self._read, path, text))

    def _read(self, path: str, text: str) -> FileSymbols:
        """The ids of `text`, read again where it differs from the last text read."""
        cached = self.cache.symbols.get(path)
        symbols = read_symbols(text) if cached is None else reread_symbols(cached, text)
        self.cache.symbols[path] = symbols
        return symbols

    def head(self, path: str) -> FileSymbols | None:
        """The ids of the file's first statement (its header): enough to know its document
        id, whether it is a comparison, and which maps it uses, without reading the rest."""
        text = self.text(path)
        if text is None:
            return None
        cached = self.cache.symbols.get(os.path.realpath(path))
        if cached is not None and cached.text == text:
            return cached
        brace = text.find("}")
        return read_symbols(text, 0, len(text) if brace < 0 else brace + 1)

    def occurrence_at(self, path: str, offset: int) -> Occurrence | None:
        """The id under the cursor at `offset`. When the file has changed since its ids were
        read, only the statement the cursor is in is read (from the last line that starts
        with a node's kind), so that a hover in a large map does not wait for the whole."""
        path = os.path.realpath(path)
        text = self.text(path)
        cached = self.cache.symbols.get(path)
        if text is None or (cached is not None and cached.text == text):
            return cached.at(offset) if text is not None and cached else None
        head = self.head(path)
        brace = text.find("}")
        if head is None or brace < 0 or offset <= brace:
            symbols = self.symbols(path)
            return symbols.at(offset) if symbols else None
        line_end = text.find("\n", offset)
        start = max(brace + 1, *(text.rfind(f"\n{kind.value} ", brace, offset) + 1
                                 for kind in NodeKind))
        return read_symbols(text, start, len(text) if line_end < 0 else line_end,
                            head.comparison).at(offset)

    @cached_property
    def files(self) -> list[str]:
        """The open buffers and the `.arg` files under the roots, as real paths."""
        found = dict.fromkeys(self.buffers)
        for root in self.roots:
            try:
                named = find_arg_files([root])
            except (InputError, OSError):  # a root that went away: its files are not searched
                continue
            found.update(dict.fromkeys(os.path.realpath(p) for p in named if not (
                self.settings.excluded(p) or self.settings(p).reader.link_refusal(p))))
        return list(found)

    def is_comparison(self, path: str) -> bool:
        """Whether the file at `path` is a comparison: as it parses, or, while it does not,
        by its first word (comments and all before it skipped)."""
        loaded = self.load(path)
        if loaded is not None and loaded.model is not None:
            return isinstance(loaded.model, Comparison)
        symbols = self.symbols(path)
        return symbols is not None and symbols.comparison

    def uses(self, path: str) -> set[str]:
        """The real paths of the maps the comparison at `path` uses."""
        loaded = self.load(path)
        if loaded is not None and isinstance(loaded.model, Comparison):
            written = [use.path for use in loaded.model.uses]
        else:
            symbols = self.symbols(path)
            written = list(symbols.uses) if symbols is not None else []
        return {os.path.realpath(relative_to(path, use)) for use in written}

    def used_maps(self, path: str) -> dict[str, str]:
        """For a comparison, the path of each used map by its document id."""
        symbols = self.head(path)
        maps: dict[str, str] = {}
        for use in symbols.uses if symbols else ():
            if self.workspace.outside(relative_to(path, use), path) is not None:
                continue  # check does not read it: its text is not shown either
            used = os.path.realpath(relative_to(path, use))
            used_symbols = self.head(used)
            if used_symbols is not None and used_symbols.document is not None:
                maps.setdefault(used_symbols.document, used)
        return maps

    def key(self, path: str, occurrence: Occurrence) -> Key | None:
        """What the occurrence in the file at `path` names, when it names something."""
        path = os.path.realpath(path)
        symbols = self.head(path)
        if symbols is None:
            return None
        if symbols.comparison:
            maps = self.used_maps(path)
            document = occurrence.name if occurrence.role is Role.DOCUMENT else occurrence.document
            if document not in maps:
                return None
            if occurrence.role is Role.DOCUMENT:
                return (Role.DOCUMENT, maps[document], "")
            return (Role.NODE, maps[document], occurrence.name)
        if occurrence.role is Role.DOCUMENT:
            return (Role.DOCUMENT, path, "") if occurrence.name == symbols.document else None
        if occurrence.document not in (None, symbols.document):
            return None
        return (Role.NODE, path, occurrence.name)

    def occurrences(self, key: Key) -> list[tuple[str, Occurrence]]:
        """Every occurrence of what `key` names, in the files the project sees."""
        name = key[2] if key[0] == Role.NODE else self._document_id(key[1])
        found = []
        for path in self.files:
            symbols = self.symbols(path)
            for occurrence in symbols.occurrences if symbols else ():
                if occurrence.name == name and self.key(path, occurrence) == key:
                    found.append((path, occurrence))
        return found

    def _document_id(self, path: str) -> str | None:
        symbols = self.head(path)
        return symbols.document if symbols else None

    def definition(self, key: Key) -> Occurrence | None:
        symbols = self.symbols(key[1])
        if symbols is None:
            return None
        role = Role.DOCUMENT if key[0] == Role.DOCUMENT else Role.NODE
        return next((o for o in symbols.occurrences if o.definition and o.role is role
                     and (role is Role.DOCUMENT or o.name == key[2])), None)

    def load(self, path: str) -> LoadedFile | None:
        try:
            return self.workspace.load(path)
        except (OSError, ValueError):
            return None

    def latest_context(self, path: str) -> MapSemantics | None:
        """The context of the document map at `path` as last worked out, if it was, though
        the file may have changed since (a hover in a large map does not wait for the
        check under way); else as it stands."""
        cached = self.cache.maps.get(os.path.realpath(path))
        return cached[1] if cached is not None else self.map_context(path)

    def map_context(self, path: str) -> MapSemantics | None:
        """The context of the document map at `path`, when it parses."""
        loaded = self.load(path)
        if loaded is None or not isinstance(loaded.model, DocumentMap):
            return None
        return self.resolver.map(loaded)

    def findings(self, path: str) -> list[Finding]:
        """What `argmap check` finds in the file at `path`, as its buffers stand: nothing in
        a file its configuration excludes."""
        if self.settings.excluded(path) or self.load(path) is None:
            return []
        report = check_file(self.resolver, path, self.settings(path).severities(path))
        real = os.path.realpath(path)
        return [f for f in report.findings
                if f.position.file == path or os.path.realpath(f.position.file) == real]
