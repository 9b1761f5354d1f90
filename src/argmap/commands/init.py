"""`argmap init`: start a map for a source text."""

from __future__ import annotations

import os
import sys

from . import EXIT_OK, EXIT_USAGE, add_subparser, exit_statuses

__all__ = ["add_parser", "run"]

_EXIT_CODES = exit_statuses({
    EXIT_OK: "the map was written",
    EXIT_USAGE: "usage or input problem: the source cannot be read, the map exists (see "
                "--force) or would be the source, an --id that is not an id"})


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
                           "current folder); `-`: to standard output, as a map in the current "
                           "folder")
    init.add_argument("--id", help="the document's id (default: made from SOURCE's name)")
    init.add_argument("--force", action="store_true", help="overwrite the map if it exists")
    init.set_defaults(run=run)


def run(args) -> int:
    """Write the map; 2 when the source cannot be read or the map exists."""
    from .._tools import visible
    from ..errors import ArgSyntaxError, InputError
    from ..output_files import (
        STANDARD_OUTPUT,
        make_folder,
        refuse_existing,
        write_atomically,
        write_standard_output,
    )
    from ..scaffold import document_id, id_problem, new_map
    from ..workspace import decode, read_file

    if args.id is not None and (problem := id_problem(args.id)) is not None:
        raise InputError(f"--id: `{args.id}` is not an id: {problem}")
    stem = os.path.splitext(os.path.basename(args.source))[0]
    output = args.output or f"{stem}.arg"
    to_stdout = output == STANDARD_OUTPUT
    if to_stdout:  # the source's path as a map in the current folder would give it
        output = f"{stem}.arg"
    elif os.path.realpath(output) == os.path.realpath(args.source):
        raise InputError(f"{output} is the source text {args.source}; write the map to "
                         "another file")
    else:
        refuse_existing(output, args.force, "--force overwrites it")
    try:
        text = decode(read_file(args.source), args.source)
    except OSError as error:
        raise InputError(f"cannot read {args.source}: {error.strerror or error}") from None
    except ArgSyntaxError as error:
        raise InputError(f"cannot read {args.source}: {error.message}") from None
    source = os.path.relpath(os.path.abspath(args.source),
                             os.path.dirname(os.path.abspath(output))).replace(os.sep, "/")
    ident = args.id or document_id(stem)
    if any("\udc80" <= char <= "\udcff" for char in source):  # a byte that was not UTF-8
        raise InputError(f"cannot refer to {args.source} from a map: its path is not UTF-8")
    data = new_map(text, source, ident).encode("utf-8")
    if to_stdout:
        write_standard_output(data)
    else:
        folder = os.path.dirname(output)
        if folder:
            make_folder(folder)
        write_atomically(output, data)
    where = "standard output" if to_stdout else output
    print(visible(f"wrote {where}: document `{ident}`; its argumentative sentences are "
                  "comments, ready to quote"), file=sys.stderr)
    return EXIT_OK
