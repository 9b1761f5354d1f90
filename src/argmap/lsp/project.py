"""The files the language server sees: the editor's open buffers first, then the disk."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property

from ..diagnostics import Finding
from ..errors import InputError
from ..lint.engine import check_file
from ..model import DocumentMap
from ..semantics import MapSemantics, Resolver
from ..settings import Discovery
from ..workspace import LoadedFile, Workspace, find_arg_files, relative_to
from .symbols import FileSymbols, Occurrence, Role, read_symbols

__all__ = ["BufferWorkspace", "Project", "Key"]

#: What an occurrence names: ("node", map path, node id) or ("document", map path, "").
Key = tuple[str, str, str]


class BufferWorkspace(Workspace):
    """A workspace that reads an open buffer, unsaved, in place of its file, and every other
    file as `argmap check` reads it (through the settings found for it)."""

    def __init__(self, buffers: Mapping[str, str], settings: Discovery | None = None):
        super().__init__(settings)
        self.buffers = buffers

    def read_bytes(self, path: str) -> bytes:
        text = self.buffers.get(os.path.realpath(path))
        return super().read_bytes(path) if text is None else text.encode("utf-8")


class Project:
    """One answer's view of the files: buffers by real path, and the folders to search for
    the other `.arg` files (for references and renames across files). Files are read as
    `argmap check` reads them: a link out of its project, or a used map outside the
    comparison's, is not read (`argmap.settings`)."""

    def __init__(self, buffers: Mapping[str, str], roots: list[str],
                 settings: Discovery | None = None):
        self.buffers = buffers
        self.roots = roots
        self.resolver = Resolver(BufferWorkspace(
            buffers, settings if settings is not None else Discovery(lenient=True)))
        self.workspace = self.resolver.workspace
        self.settings = self.workspace.settings
        self._symbols: dict[str, FileSymbols | None] = {}

    def text(self, path: str) -> str | None:
        """The text of an `.arg` file: its buffer, else its file; None when unreadable."""
        path = os.path.realpath(path)
        if path in self.buffers:
            return self.buffers[path]
        try:
            return self.workspace.read_bytes(path).decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def symbols(self, path: str) -> FileSymbols | None:
        path = os.path.realpath(path)
        if path not in self._symbols:
            text = self.text(path)
            self._symbols[path] = None if text is None else read_symbols(text)
        return self._symbols[path]

    @cached_property
    def files(self) -> list[str]:
        """The open buffers and the `.arg` files under the roots, as real paths."""
        found = dict.fromkeys(self.buffers)
        for root in self.roots:
            try:
                named = find_arg_files([root])
            except InputError:  # a root that went away: its files are simply not searched
                continue
            found.update(dict.fromkeys(os.path.realpath(p) for p in named if not (
                self.settings.excluded(p) or self.settings(p).reader.link_refusal(p))))
        return list(found)

    def used_maps(self, path: str) -> dict[str, str]:
        """For a comparison, the path of each used map by its document id."""
        symbols = self.symbols(path)
        maps: dict[str, str] = {}
        for use in symbols.uses if symbols else ():
            if self.workspace.outside(relative_to(path, use), path) is not None:
                continue  # check does not read it: its text is not shown either
            used = os.path.realpath(relative_to(path, use))
            used_symbols = self.symbols(used)
            if used_symbols is not None and used_symbols.document is not None:
                maps.setdefault(used_symbols.document, used)
        return maps

    def key(self, path: str, occurrence: Occurrence) -> Key | None:
        """What the occurrence in the file at `path` names, when it names something."""
        path = os.path.realpath(path)
        symbols = self.symbols(path)
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
        symbols = self.symbols(path)
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
        except OSError:
            return None

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
        return [f for f in report.findings if os.path.realpath(f.position.file) ==
                os.path.realpath(path)]
