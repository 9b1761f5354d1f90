"""The `argmap` command line."""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import signal
import sys
from typing import NoReturn

from . import __version__
from ._tools import visible
from .commands import (
    COMMANDS,
    EXIT_BROKEN_PIPE,
    EXIT_CODES,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TERMINATED,
    EXIT_USAGE,
    Formatter,
)
from .errors import ArgmapError, Terminated

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Run the command line `argv` and return the exit status; or, with no `argv`, run this
    process's command line and end the process with its status (see `_end`)."""
    if argv is not None:
        return _main(argv)
    _end(_main(sys.argv[1:]))


def _end(status: int) -> NoReturn:
    """End the process at once with `status`, once standard output and error are written
    out, as mypy does: the interpreter's shut-down would free every object left (modules,
    classes, the last file's model) one by one, for a process that ends anyway, which
    takes a thirtieth of a check's time, large or small."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # no room, no reader, or closed: nothing more to say
            pass
    os._exit(status)


def _main(argv: list[str]) -> int:
    parser = _parser(argv)
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):  # bare `argmap`: what it can do, and no error
        parser.print_help()
        return EXIT_OK
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        status = args.run(args)
        # Written out here, so that a full disk under the output is reported as such, not
        # left to the interpreter's exit.
        sys.stdout.flush()
        return status
    except ArgmapError as error:
        print(f"argmap: error: {visible(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("argmap: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print("argmap: terminated", file=sys.stderr)
        return EXIT_TERMINATED
    except BrokenPipeError:
        # The reader went away (`argmap check | head`): the output is cut short, so the run
        # ends as a program that SIGPIPE stopped, never as a success.
        _drop_output()
        return EXIT_BROKEN_PIPE
    except OSError as error:
        if error.errno not in _NO_ROOM:
            return _internal_error(error)
        # Files are written by `write_atomically`, which words its own errors: this is
        # standard output, on a full disk (`> /dev/full`).
        _drop_output()
        print(f"argmap: error: cannot write the output: {error.strerror}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # a bug: one clear line, the traceback only on request
        return _internal_error(error)
    finally:
        signal.signal(signal.SIGTERM, previous)


# The errors of a write that found no room: a full disk, a quota, a file size limit.
_NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def _drop_output() -> None:
    """Send what is left of standard output nowhere: the last flush (`_end`, or the
    interpreter's exit when `main` is called with arguments) would write it, and fail
    again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (AttributeError, ValueError, OSError):  # not a file (captured by a test)
        pass


def _internal_error(error: Exception) -> int:
    if os.environ.get("ARGMAP_DEBUG"):
        import traceback

        traceback.print_exception(error)
    print(visible(f"argmap: internal error: {type(error).__name__}: {error} (please "
                  "report it; set ARGMAP_DEBUG=1 to see the traceback)"), file=sys.stderr)
    return EXIT_USAGE


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def _parser(argv: list[str]) -> argparse.ArgumentParser:
    """The parser of the command line: of the one command `argv` names (the others' modules
    are not even imported), or of every command when it names none, for the help."""
    parser = argparse.ArgumentParser(
        prog="argmap", description="Map the arguments of documents, check them, compare them. "
                                   "With no command, argmap prints this help (exit status 0).",
        epilog=EXIT_CODES, formatter_class=Formatter)
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND",
                                     description="`argmap COMMAND --help` tells more.")
    chosen = next((word for word in argv if not word.startswith("-")), None)
    for name in (chosen,) if chosen in COMMANDS else COMMANDS:
        importlib.import_module(f".commands.{name}", __package__).add_parser(commands)
    return parser
