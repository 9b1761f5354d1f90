"""The `argmap` command line."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback

from . import __version__
from ._tools import visible
from .commands import COMMANDS, EXIT_CODES, EXIT_OK, EXIT_USAGE
from .errors import ArgmapError

__all__ = ["main"]

# What shells report for a program ended by SIGINT (128 + 2).
EXIT_INTERRUPTED = 130


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):  # bare `argmap`: what it can do, and no error
        parser.print_help()
        return EXIT_OK
    try:
        return args.run(args)
    except ArgmapError as error:
        print(f"argmap: error: {visible(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("argmap: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
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
        prog="argmap", description="Map the arguments of documents, check them, compare them. "
                                   "With no command, argmap prints this help (exit status 0).",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND",
                                     description="`argmap COMMAND --help` tells more.")
    for name in COMMANDS:
        importlib.import_module(f".commands.{name}", __package__).add_parser(commands)
    return parser
