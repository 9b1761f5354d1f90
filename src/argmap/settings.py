"""The settings of a run, decided in one place and found per file as ruff finds them.

Every entry point (each command, `argmap.load`, `check` and `draw`, the language server)
asks a `Discovery` for the `Settings` of each file it reads, and reads through their
`FileReader`, so that they all read the same files and report the same findings:

1. `--config PATH` (or the API's `config=`): that file's settings, for every file.
2. Otherwise the nearest configuration above the file: in its folder or the nearest one
   above, `argmap.toml`, or `pyproject.toml` when it has a `[tool.argmap]` table (a folder
   holding both uses `argmap.toml`). Its folder is the project.
3. Otherwise the defaults, and the project is the repository the file is in (the nearest
   folder above it holding `.git`), or else the file's own folder; never the current one,
   so `argmap check ../other-clone/maps` reads what it would read from inside the clone.

The command line's options (`--select`, `--ignore`, `--fail-on`) apply over every file's
settings. Settings are not merged across files: the nearest configuration is the whole of
a file's settings, as in ruff.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable

from attrs import field, frozen
from attrs.converters import optional

from .config import Config, find_config, load_config
from .errors import ConfigError
from .severity import Severity
from .workspace import read_file

__all__ = ["Discovery", "FileReader", "Options", "Settings", "project_of"]


@frozen
class FileReader:
    """What argmap may read on behalf of a file: regular files only (`read_file`), and the
    sources and used maps it names only inside `project` (a real path; None: anywhere), so
    that a map cannot have argmap read, and quote back, a file from anywhere on the
    machine. A `.arg` file that is a link to a file outside the project is refused too: a
    folder's search would otherwise read it."""

    project: str | None

    def refusal(self, path: str) -> str | None:
        """Why the file at `path` may not be read: it lies outside the project (links
        resolved); None when it may."""
        if self.project is None:
            return None
        real = os.path.realpath(path)
        if real == self.project or real.startswith(self.project.rstrip(os.sep) + os.sep):
            return None
        return (f"it lies outside the project folder {self.project}; an argmap.toml in a "
                "folder above both, or the configuration's `allow-outside-project = true`, "
                "lets argmap read it")

    def link_refusal(self, path: str) -> str | None:
        """Why the `.arg` file at `path` may not be read: it is a link to a file outside the
        project; None when it may."""
        refused = self.refusal(path) if os.path.islink(path) else None
        return None if refused is None else f"it is a link, and {refused}"

    def read_map(self, path: str) -> bytes:
        """The bytes of the `.arg` file at `path`; `OSError` when it cannot be read, or is a
        link to a file outside the project."""
        refused = self.link_refusal(path)
        if refused is not None:
            raise PermissionError(errno.EACCES, refused)
        return read_file(path)


def _names(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(names)


@frozen
class Options:
    """What the command line (or the API's caller) says over every file's configuration:
    the rules to run only (`--select`), not to run (`--ignore`), and the failing severity
    (`--fail-on`). A rule misnamed is a `ConfigError` when the options are made."""

    select: tuple[str, ...] = field(default=(), converter=_names)
    ignore: tuple[str, ...] = field(default=(), converter=_names)
    fail_on: Severity | None = field(default=None, converter=optional(Severity))

    def __attrs_post_init__(self) -> None:
        Config().severities(self.select, self.ignore)


@frozen
class Settings:
    """The settings of the files under one configuration: the configuration (the defaults
    when there is none), the project folder (a real path) its sources must lie in, and the
    run's options over them."""

    config: Config
    project: str
    options: Options = Options()

    @property
    def reader(self) -> FileReader:
        return FileReader(None if self.config.allow_outside else self.project)

    @property
    def fail_on(self) -> Severity:
        """The least severity of a finding that fails the run."""
        return self.options.fail_on or self.config.fail_on

    def severities(self, path: str | None = None) -> dict[str, Severity]:
        """The rules to run on the file at `path` and their severities: those of
        `Config.severities` for the options' `select` and `ignore`, less those the
        configuration's `per-file-ignores` turns off for the file."""
        chosen = self.config.severities(self.options.select, self.options.ignore)
        if path is not None:
            for name in self.config.ignored_rules(path):
                chosen.pop(name, None)
        return chosen

    def excluded(self, path: str) -> bool:
        return self.config.excluded(path)


def project_of(folder: str, top: str | None = None) -> str:
    """The project of the files in `folder` under no configuration: the repository it is in
    (the nearest folder above it holding `.git`, or `top`, the top of a repository unpacked
    without its `.git`), else the folder itself; a real path."""
    folder = os.path.realpath(folder)
    top = os.path.realpath(top) if top is not None else None
    candidate = folder
    while True:
        if candidate == top or os.path.exists(os.path.join(candidate, ".git")):
            return candidate
        parent = os.path.dirname(candidate)
        if parent == candidate:
            return folder
        candidate = parent


@frozen
class Discovery:
    """The settings of each file: those of the configuration `given` (as `--config` names
    it) for every file, else those found from the file's folder (see the module's
    docstring), with the run's `options` over them. Each folder is looked up once.

    A configuration found that cannot be used raises `ConfigError`, unless `lenient` (for
    the language server, while the file is being edited): its folder is then the project,
    with the defaults. `top` stands for a repository's top folder where it has no `.git`:
    the files of a revision unpacked by `argmap diff --rev`."""

    given: Config | None = None
    options: Options = Options()
    lenient: bool = False
    top: str | None = None
    _found: dict[str, Settings] = field(init=False, factory=dict, eq=False)

    @classmethod
    def for_run(cls, config: str | None = None, options: Options | None = None) -> Discovery:
        """The settings of a run: with the configuration file `config` names (`--config`),
        read now, so that a bad one stops the run before any file is read."""
        return cls(load_config(config) if config is not None else None, options or Options())

    def __call__(self, path: str) -> Settings:
        folder = os.path.dirname(os.path.abspath(path))
        if folder not in self._found:
            config = self.given if self.given is not None else self._find(folder)
            if config is None:
                settings = Settings(Config(), project_of(folder, self.top), self.options)
            else:
                settings = Settings(config, os.path.realpath(config.root), self.options)
            self._found[folder] = settings
        return self._found[folder]

    def _find(self, folder: str) -> Config | None:
        found = None
        try:
            found = find_config(folder)
            return load_config(found) if found is not None else None
        except ConfigError:
            if not self.lenient:
                raise
            return Config(found, root=os.path.dirname(os.path.realpath(found)) if found else folder)

    def excluded(self, path: str) -> bool:
        """Whether the settings of the file at `path` exclude it."""
        return self(path).excluded(path)
