"""Configuration: `[tool.argmap]` in the nearest pyproject.toml that has it, or argmap.toml.

Keys: `rules` (a table from rule name or code to "error", "warning", "info" or "off"),
`fail-on` (the least severity that makes `argmap check` exit 1), `exclude` (globs of
files to leave out, relative to the configuration file's folder), `per-file-ignores` (a
table from such a glob to the rules not to run on the files it matches) and
`allow-outside-project`. Which configuration applies to a file: `argmap.settings`.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Iterable, Mapping

from attrs import field, frozen

from ._tools import closest
from .errors import ConfigError
from .lint.rules import RULES, find_rule
from .severity import SEVERITY_WORDS, Severity, words_or

__all__ = ["Config", "find_config", "load_config"]

_KEYS = ("rules", "fail-on", "exclude", "per-file-ignores", "allow-outside-project")
# The rule that always runs, at error (see Config.severities).
_ALWAYS = "syntax-error"
_RULE_VALUES = (*SEVERITY_WORDS, "off")


@frozen
class Config:
    """What a configuration file says: severities set for rules (None for off), the failing
    severity, the globs of files to leave out and the rules to leave out by glob, relative
    to the folder `root`."""

    path: str | None = None
    rules: Mapping[str, Severity | None] = field(factory=dict)
    fail_on: Severity = Severity.ERROR
    exclude: tuple[str, ...] = ()
    root: str = "."
    #: Whether sources and used maps may lie outside the project folder.
    allow_outside: bool = False
    #: Globs, each with the names of the rules not to run on the files it matches.
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def severities(self, select: Iterable[str] = (),
                   ignore: Iterable[str] = ()) -> dict[str, Severity]:
        """The rules to run and their severities: the configured ones, only those in
        `select` when it names any (at their default if configured off), none in `ignore`;
        and always `syntax-error`, at error: a file that does not parse is never checked,
        so a run that left it unreported would pass it."""
        configured = {name: self.rules.get(name, rule.severity) for name, rule in RULES.items()}
        chosen = [_rule(key, "--select").name for key in select] or list(RULES)
        dropped = {_rule(key, "--ignore").name for key in ignore}
        if _ALWAYS in dropped:
            raise ConfigError(f"--ignore: `{_ALWAYS}` cannot be ignored: a file that does not "
                              "parse is never checked")
        picked = set(chosen) - dropped | {_ALWAYS}
        if not select:
            picked = {name for name in picked if configured[name] is not None}
        return {name: configured[name] or RULES[name].severity for name in RULES if name in picked}

    def excluded(self, path: str) -> bool:
        """Whether an `exclude` glob matches the file, or a folder it is in."""
        return self._matches(self.exclude, path)

    def ignored_rules(self, path: str) -> set[str]:
        """The rules `per-file-ignores` turns off for the file at `path`: a glob matches its
        path as `exclude`'s do, and a glob without `/` its name too, wherever it is
        (`"*.draft.arg"`), as ruff's do."""
        name = os.path.basename(path)
        return {rule for glob, names in self.per_file_ignores
                if self._matches((glob,), path) or ("/" not in glob and _glob(glob).match(name))
                for rule in names}

    def _matches(self, globs: Iterable[str], path: str) -> bool:
        if not globs:
            return False
        # Real paths both, the root's and the file's: a file reached through a link to the
        # project (or a folder in it) is matched as where it is.
        try:
            relative = os.path.relpath(os.path.realpath(path), os.path.realpath(self.root))
        except ValueError:  # on another drive
            return False
        relative = relative.replace(os.sep, "/")
        return any(_glob(pattern).match(relative) for pattern in globs)


def _rule(key: str, option: str):
    rule = find_rule(key)
    if rule is None:
        raise ConfigError(f"{option}: no rule is called `{key}`" + _did_you_mean(key, RULES))
    return rule


def _did_you_mean(word: str, candidates) -> str:
    guess = closest(word, list(candidates))
    return f"; did you mean `{guess}`?" if guess else ""


def find_config(start: str = ".") -> str | None:
    """The configuration file for a run from `start`: in that folder or the nearest one above
    it, `argmap.toml`, or `pyproject.toml` when it has a `[tool.argmap]` table."""
    candidate = os.path.realpath(start)
    while True:
        if os.path.isfile(os.path.join(candidate, "argmap.toml")):
            return os.path.join(candidate, "argmap.toml")
        pyproject = os.path.join(candidate, "pyproject.toml")
        if os.path.isfile(pyproject) and "argmap" in _tool(_read(pyproject)):
            return pyproject
        parent = os.path.dirname(candidate)
        if parent == candidate:
            return None
        candidate = parent


def load_config(path: str) -> Config:
    """The configuration in the file at `path`; `ConfigError` naming the file and key."""
    table = _read(path)
    data: object = table
    prefix = ""
    if os.path.basename(os.path.normpath(path)) == "pyproject.toml":
        data, prefix = _tool(table).get("argmap"), "tool.argmap."
        if data is None:
            raise ConfigError(f"{path}: no [tool.argmap] table")
    return _parse(data, path, prefix)


def _tool(data: dict) -> dict:
    """The `[tool]` table of a pyproject.toml: none when `tool` is not a table."""
    tool = data.get("tool", {})
    return tool if isinstance(tool, dict) else {}


def _read(path: str) -> dict:
    # Imported here: a run without a configuration file (or with --config) reads no TOML.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 reads TOML with tomli, tomllib's original
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    try:
        with open(path, encoding="utf-8") as file:
            return tomllib.loads(file.read())
    except OSError as error:
        raise ConfigError(f"cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except RecursionError:  # tomllib reads nested arrays and tables by recursion
        raise ConfigError(f"{path}: its arrays or tables are nested too deeply") from None


def _parse(data: object, path: str, prefix: str) -> Config:
    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{path}: `{prefix}{key}`: {problem}")

    if not isinstance(data, dict):
        raise ConfigError(f"{path}: `{prefix.rstrip('.')}` must be a table")
    for key in data:
        if key not in _KEYS:
            raise fail(key, "unknown key" + _did_you_mean(key, _KEYS)
                       + f" (the keys are {', '.join(_KEYS)})")
    rules: dict[str, Severity | None] = {}
    table = data.get("rules", {})
    if not isinstance(table, dict):
        raise fail("rules", f"must be a table of rule names to {words_or(_RULE_VALUES)}")
    for key, value in table.items():
        rule = find_rule(key)
        if rule is None:
            raise fail(f"rules.{key}", "no rule is called that" + _did_you_mean(key, RULES))
        if value not in _RULE_VALUES:
            raise fail(f"rules.{key}", f"{value!r} is not {words_or(_RULE_VALUES)}")
        if rule.name in rules:
            raise fail(f"rules.{key}", f"`{rule.name}` is already set (by name or code)")
        if rule.name == _ALWAYS and value != Severity.ERROR:
            raise fail(f"rules.{key}", f"`{_ALWAYS}` is always an error: a file that does not "
                       "parse is never checked")
        rules[rule.name] = None if value == "off" else Severity(value)
    fail_on = data.get("fail-on", Severity.ERROR.value)
    if fail_on not in SEVERITY_WORDS:
        raise fail("fail-on", f"{fail_on!r} is not {words_or(SEVERITY_WORDS)}")
    exclude = data.get("exclude", [])
    if not isinstance(exclude, list) or not all(isinstance(g, str) for g in exclude):
        raise fail("exclude", 'must be a list of globs, such as ["drafts/**"]')
    for glob in exclude:
        _check_glob(glob, fail, "exclude")
    per_file = data.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise fail("per-file-ignores", 'must be a table of globs to lists of rules, such as '
                   '{"drafts/**" = ["unused-evidence"]}')
    per_file_ignores = []
    for glob, names in per_file.items():
        key = f"per-file-ignores.{glob}"
        _check_glob(glob, fail, key)
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise fail(key, 'must be a list of rule names or codes, such as ["AM105"]')
        ignored = []
        for name in names:
            rule = find_rule(name)
            if rule is None:
                raise fail(key, f"no rule is called `{name}`" + _did_you_mean(name, RULES))
            if rule.name == _ALWAYS:
                raise fail(key, f"`{_ALWAYS}` cannot be ignored: a file that does not parse "
                           "is never checked")
            ignored.append(rule.name)
        per_file_ignores.append((glob, tuple(ignored)))
    allow_outside = data.get("allow-outside-project", False)
    if not isinstance(allow_outside, bool):
        raise fail("allow-outside-project", "must be true or false")
    return Config(path, rules, Severity(fail_on), tuple(exclude),
                  os.path.dirname(os.path.realpath(path)), allow_outside, tuple(per_file_ignores))


def _check_glob(glob: str, fail, key: str) -> None:
    try:
        _glob(glob)
    except re.error as error:
        raise fail(key, f"`{glob}` is not a glob: {error}") from None


@functools.cache
def _glob(pattern: str) -> re.Pattern:
    """A glob, relative to the configuration's folder, as a regular expression matching the
    paths it names and every path below them: `*` and `?` stay within a folder name, `**`
    spans folders, `[...]` is a set of characters."""
    segments = [s for s in pattern.split("/") if s not in ("", ".")]
    regex = ""
    for i, segment in enumerate(segments):
        last = i == len(segments) - 1
        if segment == "**":
            regex += ".*" if last else "(?:.*/)?"
        else:
            regex += _segment(segment) + ("" if last else "/")
    return re.compile(regex + r"(?:/.*)?\Z", re.DOTALL)


def _segment(segment: str) -> str:
    regex, i = "", 0
    while i < len(segment):
        char = segment[i]
        end = segment.find("]", i + 2) if char == "[" else -1
        if char == "*":
            regex += "[^/]*"
        elif char == "?":
            regex += "[^/]"
        elif end > 0:
            body = segment[i + 1:end]
            negate = body.startswith("!")
            # Escape what a character set would read as special, keeping `-` for ranges.
            members = "".join("\\" + c if c in "\\^[]&~|" else c for c in body[negate:])
            regex += "[" + ("^" if negate else "") + members + "]"
            i = end
        else:
            regex += re.escape(char)
        i += 1
    return regex
