"""`argmap check`: lint .arg files."""

from __future__ import annotations

import functools
import os
import sys

from ..severity import SEVERITY_WORDS
from . import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    USAGE_PROBLEM,
    add_config,
    add_jobs,
    add_paths,
    add_subparser,
    add_watch,
    exit_statuses,
)

__all__ = ["add_parser", "check_once"]

FORMATS = ("text", "full", "concise", "json", "github", "sarif", "auto")

_EXIT_CODES = exit_statuses({
    EXIT_OK: "no finding at or above the failing severity (error, unless --fail-on or the "
             "configuration's fail-on says otherwise), none left after --fix, or --exit-zero; "
             "with --diff, no fix to show",
    EXIT_FINDINGS: "findings at or above it (left after --fix); with --diff, fixes to show; "
                   "with --exit-non-zero-on-fix, a file fixed",
    EXIT_USAGE: f"{USAGE_PROBLEM}, a configuration that cannot be used"})

_CONFIGURATION = """\
configuration:
  For each file, the file --config names, else the nearest argmap.toml, or
  pyproject.toml with a [tool.argmap] table, in the file's folder or above it (its folder
  is the project: the maps' sources must lie in it), else the defaults (the project is
  then the repository holding the file, or its folder):

    [tool.argmap]
    fail-on = "warning"              # error (default), warning or info
    exclude = ["drafts/**"]          # globs, relative to this file's folder
    [tool.argmap.per-file-ignores]
    "notes/*.arg" = ["AM306"]        # rules not run on the files a glob matches
    [tool.argmap.rules]
    unanswered-objection = "off"     # by name or code: error, warning, info or off
    AM306 = "error"

  A node or header whose first line ends in `# argmap: ignore[RULE, ...]` (or a bare
  `# argmap: ignore`) is not reported by those rules. `argmap rules` lists the rules.
"""


def _names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


def add_parser(commands) -> None:
    """Add `check` to the subcommands."""
    check = add_subparser(
        commands, "check", help="lint .arg files: structure, references, quotes",
        description="Lint .arg files: syntax, references, structure of the argument, and "
                    "evidence quotes against their sources. Comparisons are checked with the "
                    "maps they use.",
        epilog=_CONFIGURATION + "\n" + _EXIT_CODES)
    add_paths(check, "; `-`: standard input, see --stdin-filename")
    check.add_argument("--output-format", "--format", dest="format", choices=FORMATS,
                       default="text", metavar="FORMAT",
                       help="text (default; or full, ruff's name): each finding with the "
                            "source line and the span underlined, then a summary; concise: "
                            "one line a finding; json: an array of findings; github: workflow "
                            "commands that annotate the files in GitHub Actions, then the "
                            "summary; sarif: a SARIF 2.1.0 log for code scanning; auto: github "
                            "when GITHUB_ACTIONS is set, text otherwise")
    check.add_argument("--fix", action="store_true",
                       help="apply the safe fixes (those that cannot change what the map says: "
                            "suppression comments that silence nothing taken away), write the "
                            "files, and report what is left")
    check.add_argument("--unsafe-fixes", action="store_true",
                       help="with --fix or --diff, apply the unsafe fixes too: each \"did you "
                            "mean\" and the closest passage for a quote not found")
    check.add_argument("--diff", action="store_true",
                       help="write nothing: show the changes --fix would make as a unified "
                            "diff, and exit 1 when there are any")
    check.add_argument("--exit-non-zero-on-fix", action="store_true",
                       help="with --fix, exit 1 when a file was fixed, even if nothing is left "
                            "(for pre-commit: the fixed files are then to be staged)")
    check.add_argument("--stdin-filename", metavar="PATH",
                       help="with `-`, the name of the file read on standard input: for the "
                            "findings, the configuration and the `source` paths relative to it")
    check.add_argument("--exit-zero", action="store_true",
                       help="exit 0 even when findings at the failing severity are left")
    check.add_argument("--statistics", action="store_true",
                       help="print how many findings each rule made instead of the findings "
                            "(a table, or with --output-format json an array)")
    check.add_argument("--select", metavar="RULE,...", type=_names, action="append", default=[],
                       help="run only these rules (names or codes; the option may be repeated)")
    check.add_argument("--ignore", metavar="RULE,...", type=_names, action="append", default=[],
                       help="do not run these rules (names or codes; the option may be repeated)")
    check.add_argument("--fail-on", choices=SEVERITY_WORDS,
                       help="exit 1 when a finding is at this severity or above (default: the "
                            "configuration's fail-on, or error)")
    add_config(check, "rule severities, fail-on, exclude")
    check.add_argument("--force-exclude", action="store_true",
                       help="leave out the files named on the command line that the "
                            "configuration's exclude matches, as for files found in folders "
                            "(for pre-commit, which names every file)")
    check.add_argument("-q", "--quiet", action="store_true",
                       help="print the findings only: no summary, no progress counter")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the text format: auto (default) when standard output is a "
                            "terminal and NO_COLOR is not set")
    add_jobs(check)
    add_watch(check, check_once)


def _progress(done: int, total: int) -> None:
    """A one-line counter on the terminal while files are checked."""
    sys.stderr.write(f"\rchecking {done}/{total} files")
    sys.stderr.flush()


def _use_color(choice: str, out) -> bool:
    if choice == "auto":
        return not os.environ.get("NO_COLOR") and out.isatty()
    return choice == "always"


def check_once(args) -> int:
    """Check the paths (or standard input), fix them when asked, and print the findings;
    the exit status as ruff's: 1 when any is left at the failing severity."""
    from ..collector import collector_paused

    with collector_paused():  # imports make long-lived objects: nothing for it to collect
        from ..errors import InputError
        from ..lint import check_paths
        from ..runner import default_jobs
        from ..settings import Discovery, Options

    settings = Discovery.for_run(args.config, Options(
        [n for names in args.select for n in names], [n for names in args.ignore for n in names],
        args.fail_on))
    stdin = "-" in args.paths
    if stdin and args.paths != ["-"]:
        raise InputError("`-` (standard input) cannot be checked with other paths")
    if args.stdin_filename is not None and not stdin:
        raise InputError("--stdin-filename names standard input: give `-` as the path")
    if stdin and args.watch:
        raise InputError("--watch cannot watch standard input")
    run = _Run(args, settings)
    if stdin:
        result = run.check_stdin()
    else:
        counter = sys.stderr.isatty() and not args.quiet
        result = check_paths(args.paths, progress=_progress if counter else None,
                             settings=settings, force_exclude=args.force_exclude,
                             jobs=args.jobs or default_jobs())
        if counter:
            sys.stderr.write("\r\x1b[K")  # clear the progress line
        if not result.files:
            print(f"argmap: warning: no .arg files in {', '.join(args.paths)}",
                  file=sys.stderr)
    if args.fix or args.diff:
        fixed = run.fix(result)
        if args.diff:
            return EXIT_FINDINGS if fixed and not args.exit_zero else EXIT_OK
        if fixed and stdin:  # checked again, for what is left
            result = run.check_fixed_stdin()
        elif fixed:
            result = check_paths(args.paths, settings=settings, force_exclude=args.force_exclude,
                                 jobs=args.jobs or default_jobs())
    run.report(result)
    if run.fixed_count and args.exit_non_zero_on_fix:
        return EXIT_FINDINGS
    failing = [f for f in result.findings
               if f.severity.rank >= settings(f.position.file).fail_on.rank]
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_OK


def _to_fix(result) -> dict[str, list]:
    """The findings --fix may fix, by file: those of the files named (or found in folders
    named), not of the maps a comparison among them uses, which are checked with it and
    reported, and left as they are (ruff fixes only the files it is given)."""
    named = {os.path.realpath(path) for path in result.named}
    by_file: dict[str, list] = {}
    for finding in result.findings:
        if os.path.realpath(finding.position.file) in named:
            by_file.setdefault(finding.position.file, []).append(finding)
    return by_file


class _Run:
    """One `check`: its options and settings, and what it reads, fixes and prints."""

    def __init__(self, args, settings) -> None:
        self.args = args
        self.settings = settings
        #: Standard input, when it is what is checked.
        self.stdin: bytes | None = None
        self.fixed_count = 0

    @property
    def stdin_name(self) -> str:
        return self.args.stdin_filename or "-"

    def check_stdin(self):
        """Check standard input, as the file `--stdin-filename` names (`-` when none)."""
        from ..lint import CheckResult

        self.stdin = sys.stdin.buffer.read()
        if self.args.force_exclude and self.settings.excluded(self.stdin_name):
            return CheckResult([], [], {})
        return self._check_bytes(self.stdin_name, self.stdin)

    def _check_bytes(self, path: str, data: bytes):
        """The findings of the file at `path` if it held `data` (standard input), and of the
        maps it uses, as when it is named."""
        from ..lint import check_files
        from ..semantics import Resolver
        from ..workspace import OverlayWorkspace

        resolver = Resolver(OverlayWorkspace(self.settings, {path: data}))
        return check_files([path], settings=self.settings, resolver=resolver)

    def check_fixed_stdin(self):
        assert self.stdin is not None
        return self._check_bytes(self.stdin_name, self.stdin)

    def _findings_if(self, path: str, data: bytes) -> list:
        """The findings of the file at `path` alone, if it held `data` (as --fix changes
        it)."""
        from ..lint.engine import check_file
        from ..semantics import Resolver
        from ..workspace import OverlayWorkspace

        resolver = Resolver(OverlayWorkspace(self.settings, {path: data}))
        return check_file(resolver, path, self.settings(path).severities(path)).findings

    def _passages_if(self, path: str, data: bytes) -> dict[int, str]:
        """The `closest_passages` of the file at `path`, if it held `data`."""
        from ..fixing import closest_passages
        from ..model import DocumentMap
        from ..semantics import Resolver
        from ..workspace import OverlayWorkspace

        resolver = Resolver(OverlayWorkspace(self.settings, {path: data}))
        loaded = resolver.load_named(path)
        if not isinstance(loaded.model, DocumentMap):
            return {}
        return closest_passages(resolver.map(loaded))

    def _data(self, path: str) -> bytes:
        """The bytes of a checked file: standard input's, or the file's."""
        from ..errors import InputError

        if self.stdin is not None and path == self.stdin_name:
            return self.stdin
        try:
            return self.settings(path).reader.read_map(path)
        except OSError as error:
            raise InputError(f"cannot read {path}: {error.strerror or error}") from None

    def fix(self, result) -> bool:
        """Apply the fixes (show them, with --diff); whether any file changes. Standard
        input fixed is written to standard output, its findings left to standard error."""
        from .._tools import unified_diff
        from ..fixing import fix_text
        from ..output_files import write_atomically

        changed = []
        for path, findings in _to_fix(result).items():
            fixed = fix_text(path, self._data(path), findings,
                             unsafe=self.args.unsafe_fixes,
                             check=functools.partial(self._findings_if, path),
                             passages=functools.partial(self._passages_if, path))
            if fixed.applied:
                changed.append(fixed)
        self.fixed_count = sum(fixed.applied for fixed in changed)
        if self.args.diff:
            for fixed in changed:
                sys.stdout.write(unified_diff(fixed.path, fixed.before.decode("utf-8", "replace"),
                                              fixed.after.decode("utf-8", "replace")))
            print(f"Would fix {self.fixed_count} finding{'' if self.fixed_count == 1 else 's'}"
                  f" in {len(changed)} file{'' if len(changed) == 1 else 's'}.",
                  file=sys.stderr)
        elif self.stdin is not None:
            fixed_stdin = changed[0].after if changed else self.stdin
            sys.stdout.buffer.write(fixed_stdin)
            sys.stdout.flush()
            self.stdin = fixed_stdin
        else:
            for fixed in changed:
                write_atomically(fixed.path, fixed.after)
        return bool(changed)

    def report(self, result) -> None:
        """Print the findings (to standard error when standard output holds the fixed
        standard input) in the format asked for, or their statistics."""
        from ..diagnostics import format_concise, format_json, format_text, summary

        args = self.args
        # Standard output holds standard input fixed.
        out = sys.stderr if self.stdin is not None and args.fix else sys.stdout
        findings = result.findings
        chosen = args.format
        if chosen == "auto":
            chosen = "github" if os.environ.get("GITHUB_ACTIONS") else "text"
        if args.statistics:
            self._statistics(result, chosen == "json", out)
            return
        if chosen == "json":
            out.write(format_json(findings, result.line))
            return
        if chosen == "sarif":
            from ..formats import format_sarif

            out.write(format_sarif(findings, result.line))
            return
        color = chosen in ("text", "full", "concise") and _use_color(args.color, out)
        if chosen in ("text", "full"):
            out.write(format_text(findings, result.line, color=color))
        elif chosen == "concise":
            out.write(format_concise(findings, color=color))
        else:
            from ..formats import format_github

            out.write(format_github(findings))
        if args.quiet:
            return
        if self.fixed_count and not args.diff:
            out.write(f"Fixed {self.fixed_count} finding"
                      f"{'' if self.fixed_count == 1 else 's'}.\n")
        out.write(summary(findings, len(result.files), color=color))
        if not args.fix and chosen != "github":
            from ..diagnostics import fixes_summary

            fixable, hidden = self._fixable(result)
            out.write(fixes_summary(len(fixable), hidden))

    def _fixable(self, result) -> tuple[list, int]:
        """The findings --fix fixes with the options given, and how many more only
        --unsafe-fixes would."""
        from ..errors import ArgSyntaxError, InputError
        from ..fixing import fixes_in
        from ..parsing import decode

        fixable, hidden = [], 0
        for path, found in _to_fix(result).items():
            try:
                data = self._data(path)
                text = decode(data, path)
            except (InputError, ArgSyntaxError):  # gone, or not text: nothing to fix
                continue
            for finding, fix in fixes_in(text, found,
                                         functools.partial(self._passages_if, path, data)):
                if fix.safe or self.args.unsafe_fixes:
                    fixable.append(finding)
                else:
                    hidden += 1
        return fixable, hidden

    def _statistics(self, result, as_json: bool, out) -> None:
        from .._tools import json_text
        from ..diagnostics import format_statistics, statistics

        rows = statistics(result.findings, self._fixable(result)[0])
        out.write(json_text(rows) + "\n" if as_json else format_statistics(rows))
