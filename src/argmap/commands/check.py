"""`argmap check`: lint .arg files."""

from __future__ import annotations

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

FORMATS = ("text", "json", "github", "sarif", "auto")

_EXIT_CODES = exit_statuses({
    EXIT_OK: "no finding at or above the failing severity (error, unless --fail-on or the "
             "configuration's fail-on says otherwise)",
    EXIT_FINDINGS: "findings at or above it",
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
    add_paths(check)
    check.add_argument("--format", choices=FORMATS, default="text",
                       help="text (default): one finding per line with the source line and a "
                            "caret, then a summary; json: an array of findings; github: "
                            "workflow commands that annotate the files in GitHub Actions, "
                            "then the summary; sarif: a SARIF 2.1.0 log for code scanning; "
                            "auto: github when GITHUB_ACTIONS is set, text otherwise")
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


def _use_color(choice: str) -> bool:
    if choice == "auto":
        return not os.environ.get("NO_COLOR") and sys.stdout.isatty()
    return choice == "always"


def check_once(args) -> int:
    """Check the paths and print the findings; 1 when any is at the failing severity."""
    from ..collector import collector_paused

    with collector_paused():  # imports make long-lived objects: nothing for it to collect
        from ..diagnostics import format_json, format_text, summary
        from ..lint import check_paths
        from ..runner import default_jobs
        from ..settings import Discovery, Options

    settings = Discovery.for_run(args.config, Options(
        [n for names in args.select for n in names], [n for names in args.ignore for n in names],
        args.fail_on))
    chosen = args.format
    if chosen == "auto":
        chosen = "github" if os.environ.get("GITHUB_ACTIONS") else "text"

    counter = sys.stderr.isatty() and not args.quiet
    result = check_paths(args.paths, progress=_progress if counter else None,
                         settings=settings, force_exclude=args.force_exclude,
                         jobs=args.jobs or default_jobs())
    if counter:
        sys.stderr.write("\r\x1b[K")  # clear the progress line
    if not result.files:
        print(f"argmap: warning: no .arg files in {', '.join(args.paths)}", file=sys.stderr)

    findings = result.findings
    if chosen == "json":
        sys.stdout.write(format_json(findings))
    elif chosen == "sarif":
        from ..formats import format_sarif

        sys.stdout.write(format_sarif(findings, result.line))
    else:
        color = chosen == "text" and _use_color(args.color)
        if chosen == "text":
            sys.stdout.write(format_text(findings, result.line, color=color))
        else:
            from ..formats import format_github

            sys.stdout.write(format_github(findings))
        if not args.quiet:
            sys.stdout.write(summary(findings, len(result.files), color=color))
    failing = [f for f in findings
               if f.severity.rank >= settings(f.position.file).fail_on.rank]
    return EXIT_FINDINGS if failing else EXIT_OK
