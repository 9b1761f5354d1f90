"""`argmap import`: Argdown and AIF maps as `.arg` files (docs/import.md)."""

from __future__ import annotations

import sys

from . import EXIT_OK, EXIT_USAGE, USAGE_PROBLEM, add_subparser, exit_statuses

__all__ = ["add_parser", "run"]

# The formats, here and in `argmap.importing.FORMATS` (a test keeps them the same): the
# importing package is imported only when the command runs.
_FORMATS = ("argdown", "aif")

_EPILOG = """\
Each FILE.argdown or FILE.json is written as FILE.arg beside it (or into DIR), through a
temporary file; an existing .arg is never replaced unless --force is given. Argdown is read
by the Argdown CLI (Node.js and `npm install -g @argdown/cli`); AIF by arguebuf
(the extra `aif`). What the map cannot hold is named on standard error as
FILE:LINE: note: ..., and kept as a comment where it can be. The map has no source text,
so `argmap check` warns that its claims rest on no evidence.

""" + exit_statuses({
    EXIT_OK: "every file was imported",
    EXIT_USAGE: f"{USAGE_PROBLEM}, or is not Argdown or AIF (its syntax errors named by line "
                "and column); an output that exists"})


def add_parser(commands) -> None:
    """Add `import` to the subcommands."""
    parser = add_subparser(
        commands, "import", help="read Argdown or AIF maps into .arg files",
        description="Write each Argdown (.argdown) or AIF JSON (.json, as AIFdb and OVA write\n"
                    "it) file as a .arg map: statements as nodes, reconstructed arguments as\n"
                    "linked reasons, attacks and undercuts as relations, tags as tags.",
        epilog=_EPILOG)
    parser.add_argument("files", nargs="+", metavar="FILE", help="Argdown or AIF files")
    parser.add_argument("--from", dest="input_format", choices=_FORMATS,
                        help="the files' format (default: from each file's name)")
    parser.add_argument("-o", "--output-dir", metavar="DIR",
                        help="write into DIR (created if needed) rather than beside each input; "
                             "`-`: as --stdout")
    parser.add_argument("--stdout", action="store_true",
                        help="print the maps on standard output instead of writing files")
    parser.add_argument("--force", action="store_true", help="replace .arg files that exist")
    parser.add_argument("--argdown", metavar="PATH",
                        help="the Argdown CLI to read Argdown with (default: `argdown` on PATH)")
    parser.set_defaults(run=run)


def run(args) -> int:
    """Import every file, then write them all; the notes go to standard error."""
    import os

    from .._tools import visible
    from ..errors import InputError
    from ..importing import import_file
    from ..output_files import (
        STANDARD_OUTPUT,
        make_folder,
        output_path,
        refuse_clashes,
        refuse_existing,
        write_atomically,
    )

    stdout = args.stdout or args.output_dir == STANDARD_OUTPUT
    outputs = {path: output_path(path, args.output_dir, "arg") for path in args.files}
    if not stdout:
        refuse_clashes(outputs, "imported", "import", {os.path.realpath(p) for p in args.files})
    texts = {}
    for path in args.files:
        if not os.path.isfile(path):
            raise InputError(f"{path}: no such file")
        output = outputs[path]
        if not stdout:
            refuse_existing(output, args.force, "import into another folder (-o DIR) or "
                                                "give --force to replace it")
        texts[path], notes = import_file(path, args.input_format, argdown=args.argdown)
        for note in notes:
            print(visible(f"{path}:{note.line}: note: {note.message}"), file=sys.stderr)
    if args.output_dir and not stdout:
        make_folder(args.output_dir)
    for path, text in texts.items():
        if stdout:
            sys.stdout.write(text)
        else:
            write_atomically(outputs[path], text.encode("utf-8"))
            print(visible(f"{path} -> {outputs[path]}"))
    return EXIT_OK
