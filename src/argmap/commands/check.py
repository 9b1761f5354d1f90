"""`argmap check`: lint .arg files."""

from __future__ import annotations

import sys

from . import EXIT_FINDINGS, EXIT_OK, add_subparser

__all__ = ["add_parser"]


def add_parser(commands) -> None:
    """Add `check` to the subcommands."""
    check = add_subparser(
        commands, "check", help="lint .arg files: structure, references, quotes",
        description="Lint .arg files: syntax, references, structure of the argument, and "
                    "evidence quotes against their sources. Comparisons are checked with the "
                    "maps they use.")
    check.add_argument("paths", nargs="+", metavar="PATH",
                       help=".arg files, or folders to search for *.arg files")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="text (default): one finding per line with the source line and a "
                            "caret, then a summary; json: an array of findings")
    check.set_defaults(run=run)


def _progress(done: int, total: int) -> None:
    """A one-line counter on the terminal while files are checked."""
    sys.stderr.write(f"\rchecking {done}/{total} files")
    sys.stderr.flush()


def run(args) -> int:
    """Check the paths and print the findings; 1 when any is an error."""
    from ..diagnostics import Severity, format_json, format_text, summary
    from ..lint import check_paths

    on_terminal = sys.stderr.isatty()
    result = check_paths(args.paths, progress=_progress if on_terminal else None)
    if on_terminal:
        sys.stderr.write("\r\x1b[K")  # clear the progress line
    if not result.files:
        print(f"argmap: warning: no .arg files in {', '.join(args.paths)}", file=sys.stderr)
    if args.format == "json":
        sys.stdout.write(format_json(result.findings))
    else:
        sys.stdout.write(format_text(result.findings, result.workspace.line))
        sys.stdout.write(summary(result.findings, len(result.files)))
    failing = [f for f in result.findings if f.severity.rank >= Severity.ERROR.rank]
    return EXIT_FINDINGS if failing else EXIT_OK
