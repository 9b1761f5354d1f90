"""The subcommands of `argmap`, one module each.

Each module has `add_parser(commands)`, which adds its subparser and sets `run`, the
function that takes the parsed arguments and returns the exit status. Modules import their
heavy dependencies inside `run`, so that `argmap --version` stays fast.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Callable, Mapping

__all__ = ["COMMANDS", "EXIT_OK", "EXIT_FINDINGS", "EXIT_USAGE", "EXIT_INTERRUPTED",
           "EXIT_BROKEN_PIPE", "EXIT_TERMINATED", "USAGE_PROBLEM", "EXIT_CODES",
           "exit_statuses", "Formatter", "add_subparser", "add_paths", "add_jobs", "add_watch",
           "add_config"]

# The exit statuses, defined here once: each command's help lists what they mean for it
# (`exit_statuses`), and tests/test_docs.py checks the docs' tables against the help.
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
# What shells report for a program ended by a signal: 128 + SIGINT, SIGPIPE, SIGTERM.
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE, EXIT_TERMINATED = 130, 141, 143
#: What the statuses of the signals mean, the same for every command.
_SIGNALS = {
    EXIT_INTERRUPTED: "interrupted (Ctrl-C)",
    EXIT_BROKEN_PIPE: "the reader of the output stopped early (| head)",
    EXIT_TERMINATED: "ended by SIGTERM",
}
#: What exit status 2 means for every command that reads files; commands add their own.
USAGE_PROBLEM = "usage or input problem: a bad option, a path that does not exist or cannot be read"


def exit_statuses(meanings: Mapping[int, str]) -> str:
    """The `exit status:` section of a command's help: what each status in `meanings`
    means for it, then the statuses of the signals.

    >>> print(exit_statuses({EXIT_OK: "done", EXIT_USAGE: "a bad option"}), end="")
    exit status:
      0  done
      2  a bad option
      130  interrupted (Ctrl-C)
      141  the reader of the output stopped early (| head)
      143  ended by SIGTERM
    """
    lines = ["exit status:"]
    for status, meaning in {**meanings, **_SIGNALS}.items():
        lines += textwrap.wrap(meaning, 88, initial_indent=f"  {status}  ",
                               subsequent_indent=" " * (4 + len(str(status))))
    return "\n".join(lines) + "\n"


EXIT_CODES = exit_statuses({EXIT_OK: "no finding at or above the failing severity (error)",
                            EXIT_FINDINGS: "findings at or above it", EXIT_USAGE: USAGE_PROBLEM})

# In the order `argmap --help` lists them.
COMMANDS = ("init", "check", "rules", "stats", "render", "report", "export", "import", "diff",
            "evaluate", "fmt", "lsp")


class Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter that keeps descriptions as written, as wide as the terminal.

    It finds the width as `shutil.get_terminal_size` does, without importing shutil (and
    the compression modules it imports): argparse builds a formatter for every option it
    adds, so every command would pay for them."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        # As argparse does: two columns less than the terminal's.
        super().__init__(prog, indent_increment, max_help_position,
                         _terminal_columns() - 2 if width is None else width)


def _terminal_columns() -> int:
    """`shutil.get_terminal_size().columns`: $COLUMNS, else the terminal's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        columns = 80
    return columns or 80


def add_subparser(commands, name: str, *, help: str, description: str,
                  epilog: str = EXIT_CODES) -> argparse.ArgumentParser:
    """One subcommand's parser, formatted like the others."""
    return commands.add_parser(name, help=help, description=description, epilog=epilog,
                               formatter_class=Formatter)


def add_watch(parser: argparse.ArgumentParser,
              run_once: Callable[[argparse.Namespace], int]) -> None:
    """The `--watch` option of the commands that read maps (`argmap.watch`), and their `run`:
    `run_once`, and with --watch again after each change to what it read."""
    def run(args: argparse.Namespace) -> int:
        if not args.watch:
            return run_once(args)
        from ..errors import InputError
        from ..output_files import STANDARD_OUTPUT

        if getattr(args, "output_dir", None) == STANDARD_OUTPUT:
            raise InputError("--watch writes again after each change, and -o - (standard "
                             "output) holds one file: give -o a folder")
        from ..settings import Discovery
        from ..watch import watch

        return watch(args.paths, lambda: run_once(args), Discovery.for_run(args.config))

    parser.set_defaults(run=run)
    parser.add_argument("--watch", action="store_true",
                        help="run again whenever a map, a map it uses or a source text changes, "
                             "until Ctrl-C (needs watchfiles, argmap's `watch` extra: pip install "
                             "'.[watch]' in a clone of argmap)")


def add_paths(parser: argparse.ArgumentParser, more: str = "") -> None:
    """The PATH... operand of the commands that read `.arg` files: the current folder when
    none is given; `more` says what else it may be."""
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                        help=".arg files, or folders to search for *.arg files (default: the "
                             f"current folder{more})")


def add_jobs(parser: argparse.ArgumentParser) -> None:
    """The --jobs option of the commands that read many files."""
    parser.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                        help="check in up to N worker processes (default: the number of CPUs; "
                             "1: all in this process). Workers start only for 32 files or "
                             "more, which pays for starting them")


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of processes from 1, not {text!r}")
    return value


def add_config(parser: argparse.ArgumentParser, what: str = "rule severities, exclude") -> None:
    """The --config option of the commands that read the configuration, naming `what` of it
    they use."""
    parser.add_argument("--config", metavar="PATH",
                        help=f"read the configuration ({what}) from this file instead of "
                             "searching for the nearest one")
