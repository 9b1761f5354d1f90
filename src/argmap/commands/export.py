"""`argmap export`: maps and comparisons as JSON, AIF JSON, Argdown or GraphML
(docs/export.md)."""

from __future__ import annotations

import sys

from . import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    USAGE_PROBLEM,
    add_config,
    add_jobs,
    add_paths,
    add_subparser,
    exit_statuses,
)

__all__ = ["add_parser", "run"]

# The format names, here and in `argmap.export.FORMATS` (a test keeps them the same): the
# export package is imported only when the command runs.
_FORMATS = ("json", "aif", "argdown", "graphml")

_EPILOG = """\
Each file is written beside its input (or into DIR) as NAME.json, NAME.aif.json,
NAME.argdown or NAME.graphml, through a temporary file, so that a reader never sees half
of one; with -o -, the one file named (or found in the folder named) is written to
standard output instead, and several are a usage problem. A file with errors (as `argmap
check` reports them, with the same configuration) is not exported. What each format
cannot hold: docs/export.md in argmap's source repository (not installed with it); a
relation a format leaves out is named on standard error.

""" + exit_statuses({
    EXIT_OK: "every file was exported",
    EXIT_FINDINGS: "a file was not exported because it, or a map it uses, has errors (printed "
                   "like `check`)",
    EXIT_USAGE: f"{USAGE_PROBLEM} or written"})


def add_parser(commands) -> None:
    """Add `export` to the subcommands."""
    export = add_subparser(
        commands, "export", help="write maps out as JSON, AIF, Argdown or GraphML",
        description="Write each map or comparison in another format: json (argmap's own,\n"
                    "described by a JSON Schema), aif (AIF JSON, as AIFdb and OVA write it),\n"
                    "argdown (for Argdown's tools) or graphml (for yEd, Gephi, networkx).",
        epilog=_EPILOG)
    add_paths(export)
    export.add_argument("--format", choices=_FORMATS, required=True,
                        help="json: nodes, inferences, attacks, undercuts and where each quote "
                             "is; aif: I, RA, CA, L and YA nodes; argdown: statements and "
                             "arguments; graphml: nodes and relations, with yEd's graphics")
    export.add_argument("-o", "--output-dir", metavar="DIR",
                        help="write into DIR (created if needed) rather than beside each input; "
                             "`-`: to standard output, for one file")
    add_config(export)
    add_jobs(export)
    export.set_defaults(run=run)


def run(args) -> int:
    """Check the paths, then export every file that has no errors; 1 when one had errors."""
    from .._tools import visible
    from ..export import FORMATS, export, left_out
    from ..output_files import (
        STANDARD_OUTPUT,
        make_folder,
        output_path,
        refuse_clashes,
        write_atomically,
        write_standard_output,
    )
    from ._checked import check_first

    to_stdout = args.output_dir == STANDARD_OUTPUT
    checked = check_first(args.paths, config_path=args.config, jobs=args.jobs,
                          what="exported", one=to_stdout)
    outputs = {path: output_path(path, args.output_dir, FORMATS[args.format])
               for path in checked.clean}
    if not to_stdout:
        refuse_clashes(outputs, "exported", "export",
                       checked.resolver.workspace.paths_read())
        if args.output_dir and outputs:
            make_folder(args.output_dir)
    resolver = checked.resolver
    # Every text first: a file the format cannot hold stops the run before anything is written.
    texts = {}
    for path in outputs:
        semantics = resolver.of(resolver.load(path))
        texts[path] = export(semantics, args.format)
        for relation in left_out(semantics, args.format):
            position = relation.position
            print(visible(f"argmap: warning: {position.file}:{position.line}: {args.format} has "
                          f"no form for `{relation.kind.value}`: {relation.source} "
                          f"{relation.kind.value} {relation.target} is left out"),
                  file=sys.stderr)
    for path, output in outputs.items():
        if to_stdout:
            write_standard_output(texts[path].encode("utf-8"))
            continue
        write_atomically(output, texts[path].encode("utf-8"))
        print(visible(f"{path} -> {output}"))
    return EXIT_FINDINGS if checked.kept_back else EXIT_OK
