"""The `argmap` command line."""

from __future__ import annotations

import argparse
import os
import sys
import traceback

from . import __version__
from .errors import ArgmapError

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

_EXIT_CODES = """\
exit status:
  0  no finding at or above the failing severity (error)
  1  findings at or above it
  2  usage or input problem: a bad option, a path that does not exist or cannot be read
"""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except ArgmapError as error:
        print(f"argmap: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`argmap check | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:  # a bug: one clear line, the traceback only on request
        if os.environ.get("ARGMAP_DEBUG"):
            traceback.print_exc()
        print(f"argmap: internal error: {type(error).__name__}: {error} (please report it; "
              "set ARGMAP_DEBUG=1 to see the traceback)", file=sys.stderr)
        return EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="argmap", description="Map the arguments of documents, check them, compare them.",
        epilog=_EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    check = commands.add_parser(
        "check", help="lint .arg files: structure, references, quotes",
        description="Lint .arg files: syntax, references, structure of the argument, and "
                    "evidence quotes against their sources. Comparisons are checked with the "
                    "maps they use.",
        epilog=_EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("paths", nargs="+", metavar="PATH",
                       help=".arg files, or folders to search for *.arg files")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="text (default): one finding per line with the source line and a "
                            "caret, then a summary; json: an array of findings")
    check.set_defaults(run=_check)
    return parser


def _progress(done: int, total: int) -> None:
    """A one-line counter on the terminal while files are checked."""
    sys.stderr.write(f"\rchecking {done}/{total} files")
    sys.stderr.flush()


def _check(args) -> int:
    from .diagnostics import Severity, format_json, format_text, summary
    from .lint import check_paths

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
