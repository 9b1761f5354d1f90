"""Reading files: `.arg` files parsed once each, source texts normalised once each."""

from __future__ import annotations

import errno
import functools
import os
import stat
from typing import TYPE_CHECKING

from attrs import frozen

from .errors import ArgSyntaxError, InputError
from .lexicon import EXTENSION
from .model import ArgFile
from .parsing import decode, parse_all
from .quotes import SourceText

if TYPE_CHECKING:  # the settings read the configuration, whose rules read workspaces
    from .settings import Discovery

__all__ = ["LoadedFile", "Workspace", "OverlayWorkspace", "find_arg_files", "read_file",
           "relative_to"]


@frozen
class LoadedFile:
    """A `.arg` file: its model when it parses, its (first) syntax error when it does not,
    all of them in `errors`, and then the model of its statements that parse in `partial`
    (see `parsing.parse_all`)."""

    path: str
    model: ArgFile | None
    error: ArgSyntaxError | None
    text: str | None  # None when the bytes are not text (`error` says why)
    errors: tuple[ArgSyntaxError, ...] = ()
    partial: ArgFile | None = None

    @functools.cached_property
    def lines(self) -> tuple[str, ...]:
        """The file's lines, split when first asked for: to show under a finding."""
        return () if self.text is None else tuple(self.text.split("\n"))


def read_file(path: str) -> bytes:
    """The bytes of the regular file at `path`. A device or a pipe is refused (`OSError`)
    before it is opened: reading `/dev/zero` would never end, and opening a pipe no one
    writes to would wait for ever."""
    mode = os.stat(path).st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):  # a folder fails as such on opening
        raise OSError(errno.EINVAL, "it is not a regular file but a device or a pipe")
    with open(path, "rb") as file:
        return file.read()


def find_arg_files(paths: list[str]) -> list[str]:
    """The files named, and the `*.arg` files below the folders named, in a stable order."""
    found: list[str] = []
    for name in paths:
        if not name:  # Path("") is the current folder: an empty argument names nothing
            raise InputError("an empty path names no file or folder")
        mode = _mode(name)
        if mode is not None and stat.S_ISDIR(mode):
            # os.walk skips folders it cannot read and does not follow links into loops.
            for folder, subfolders, files in os.walk(name):
                subfolders.sort()
                found += [os.path.normpath(os.path.join(folder, f)) for f in sorted(files)
                          if f.endswith(EXTENSION)]
        elif mode is not None and stat.S_ISREG(mode):
            found.append(os.path.normpath(name))
        elif mode is not None:
            raise InputError(f"not a file or folder but a device or a pipe: {name}")
        else:
            raise InputError(f"no such file or folder: {name}")
    return list(dict.fromkeys(found))


def _mode(name: str) -> int | None:
    """The mode of what `pathlib.Path(name)` names (links followed), or None when nothing
    is there: as `Path.is_dir`, `is_file` and `exists` see it, without importing pathlib."""
    if os.name == "nt":  # pragma: no cover - pathlib parses Windows paths its own way
        from pathlib import Path

        named = str(Path(name))
    else:  # Path drops empty and `.` parts, and keeps a leading `//` as it is
        root = "//" if name.startswith("//") and not name.startswith("///") else (
            "/" if name.startswith("/") else "")
        named = root + "/".join(p for p in name.split("/") if p not in ("", ".")) or "."
    try:
        return os.stat(named).st_mode
    except ValueError:  # a NUL in the name
        return None
    except OSError as error:
        if error.errno in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP):
            return None
        raise


def relative_to(base_file: str, target: str) -> str:
    """`target`, written relative to the folder of `base_file`, as a path to open."""
    return os.path.normpath(os.path.join(os.path.dirname(base_file), target))


class Workspace:
    """The files one run reads, each read once whichever file refers to it, through the
    reader of each file's settings (`argmap.settings`): a source or used map is read only
    when the settings of the map that names it allow it.

    `settings`: the settings of each file (default: found per file, as ruff finds them)."""

    def __init__(self, settings: Discovery | None = None) -> None:
        if settings is None:
            from .settings import Discovery

            settings = Discovery()
        self.settings = settings
        self._files: dict[str, LoadedFile] = {}
        self._sources: dict[str, SourceText | str] = {}

    def outside(self, path: str, by: str) -> str | None:
        """Why the source or used map at `path`, which the file at `by` names, may not be
        read: it lies outside that file's project; None when it may."""
        return self.settings(by).reader.refusal(path)

    def load(self, path: str) -> LoadedFile:
        """Read and parse a `.arg` file; `OSError` when it cannot be read at all, or when it
        is a link to a file outside its project (which a folder's search would otherwise
        read, and quote back under its findings)."""
        key = os.path.realpath(path)
        if key not in self._files:
            data = self.read_bytes(path)
            try:
                text = decode(data, path)
            except ArgSyntaxError as error:
                self._files[key] = LoadedFile(path, None, error, None, (error,))
                return self._files[key]
            model, errors = parse_all(text, path)
            if errors:
                self._files[key] = LoadedFile(path, None, errors[0], text, errors, model)
            else:
                self._files[key] = LoadedFile(path, model, None, text)
        return self._files[key]

    def read_bytes(self, path: str) -> bytes:
        """The bytes of the `.arg` file at `path`: the file's, here; the language server's
        workspace reads the editor's unsaved buffers instead."""
        return self.settings(path).reader.read_map(path)

    def source(self, path: str, by: str) -> SourceText | str:
        """The source text at `path`, which the map at `by` names, ready for quote matching;
        or why it cannot be read."""
        refused = self.outside(path, by)  # before the cache: another map may be allowed it
        if refused is not None:
            return refused
        key = os.path.realpath(path)
        if key not in self._sources:
            try:
                self._sources[key] = SourceText(decode(read_file(path), path))
            except ArgSyntaxError as error:
                self._sources[key] = error.message.replace("the file", "it", 1)
            except FileNotFoundError:
                self._sources[key] = "no such file"
            except IsADirectoryError:
                self._sources[key] = "it is a folder, not a file"
            except OSError as error:
                self._sources[key] = error.strerror or str(error)
        return self._sources[key]

    def keep_only(self, files: set[str], sources: set[str]) -> None:
        """Let go of every `.arg` file and source text read but those at the real paths
        `files` and `sources`: a long run then holds only what is still to be used."""
        self._files = {key: loaded for key, loaded in self._files.items() if key in files}
        self._sources = {key: text for key, text in self._sources.items() if key in sources}

    def paths_read(self) -> set[str]:
        """The real paths of every `.arg` file and source text read so far."""
        return set(self._files) | set(self._sources)

    def line(self, path: str, number: int) -> str | None:
        """Line `number` of a loaded `.arg` file, for showing under a finding."""
        lines = self.lines(path)
        return lines[number - 1] if 1 <= number <= len(lines) else None

    def lines(self, path: str) -> tuple[str, ...]:
        """The lines of a loaded `.arg` file (none for a file not loaded)."""
        loaded = self._files.get(os.path.realpath(path))
        return loaded.lines if loaded is not None else ()


class OverlayWorkspace(Workspace):
    """A workspace that reads given bytes in place of some `.arg` files, by real path:
    standard input under the name `--stdin-filename` gives it, or a file as `--fix` is
    changing it."""

    def __init__(self, settings: Discovery, overlay: dict[str, bytes]) -> None:
        super().__init__(settings)
        self.overlay = {os.path.realpath(path): data for path, data in overlay.items()}

    def read_bytes(self, path: str) -> bytes:
        data = self.overlay.get(os.path.realpath(path))
        return super().read_bytes(path) if data is None else data
