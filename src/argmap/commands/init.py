"""`argmap init`: start a map for a source text."""

from __future__ import annotations

import os
import sys

from . import EXIT_OK, EXIT_USAGE, add_subparser, exit_statuses

__all__ = ["add_parser", "run"]

_EXIT_CODES = exit_statuses({
    EXIT_OK: "the map was written",
    EXIT_USAGE: "usage or input problem: the source cannot be read, or the map exists (see "
                "--force)"})


def add_parser(commands) -> None:
    """Add `init` to the subcommands."""
    init = add_subparser(
        commands, "init", help="start a map for a source text",
        description="Write a new map for a source text: its header filled in (the title from "
                    "the text's first line, the source path relative to the map), and the "
                    "text's argumentative sentences as comments, ready to quote as evidence.",
        epilog=_EXIT_CODES)
    init.add_argument("source", metavar="SOURCE.txt", help="the text the map is of")
    init.add_argument("-o", "--output", metavar="MAP.arg",
                      help="where to write the map (default: SOURCE's name with .arg, in the "
                           "current folder)")
    init.add_argument("--id", help="the document's id (default: made from SOURCE's name)")
    init.add_argument("--force", action="store_true", help="overwrite the map if it exists")
    init.set_defaults(run=run)


def run(args) -> int:
    """Write the map; 2 when the source cannot be read or the map exists."""
    from ..errors import ArgSyntaxError, InputError
    from ..scaffold import document_id, new_map
    from ..workspace import decode, read_file

    stem = os.path.splitext(os.path.basename(args.source))[0]
    output = args.output or f"{stem}.arg"
    if os.path.exists(output) and not args.force:
        raise InputError(f"{output} exists; --force overwrites it")
    try:
        text = decode(read_file(args.source), args.source)
    except OSError as error:
        raise InputError(f"cannot read {args.source}: {error.strerror or error}") from None
    except ArgSyntaxError as error:
        raise InputError(f"cannot read {args.source}: {error.message}") from None
    source = os.path.relpath(os.path.abspath(args.source),
                             os.path.dirname(os.path.abspath(output))).replace(os.sep, "/")
    ident = args.id or document_id(stem)
    folder = os.path.dirname(output)
    if folder:
        os.makedirs(folder, exist_ok=True)
    with open(output, "w", encoding="utf-8") as file:
        file.write(new_map(text, source, ident))
    print(f"wrote {output}: document `{ident}`; its argumentative sentences are comments, "
          "ready to quote", file=sys.stderr)
    return EXIT_OK
