"""`argmap render`: draw maps and comparisons as SVG (or DOT, PNG, PDF) with Graphviz."""

from __future__ import annotations

import argparse
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
    add_watch,
    exit_statuses,
)

__all__ = ["add_parser", "add_time_limit", "render_once"]

FORMATS = ("svg", "dot", "png", "pdf")
# A longer limit is no limit a person waits for, and the operating system's timers refuse
# some (an OverflowError for 1e300 seconds).
MAX_TIME_LIMIT = 86400.0

EPILOG = """\
The layout runs in the Graphviz that the pygraphviz wheels bundle, so `pip install argmap`
is all it takes (or, without pygraphviz, in the `dot` program on PATH), and measures text
with the fonts argmap ships, so a drawing is the same on every machine. A file with
errors (as `argmap check` reports them, with the same configuration: rule severities
and exclude globs) is not drawn; a comparison is not drawn while a map it uses has errors.
Warnings do not stop a drawing.

""" + exit_statuses({
    EXIT_OK: "every file was drawn",
    EXIT_FINDINGS: "a file was not drawn because it, or a map it uses, has errors (printed "
                   "like `check`)",
    EXIT_USAGE: f"{USAGE_PROBLEM}, no layout engine, a layout that failed or ran out of time"})


def add_parser(commands) -> None:
    """Add `render` to the subcommands."""
    render = add_subparser(
        commands, "render", help="draw maps and comparisons as SVG with Graphviz",
        description="Draw each map or comparison as a diagram: beside each input, NAME.svg\n"
                    "(or NAME.dot, NAME.png, NAME.pdf). A map is a tree, each claim's reasons\n"
                    "on one row below it; a comparison, one column per document, its relations\n"
                    "numbered and explained in a key (--full: every reason and quote). Every\n"
                    "drawing shows the kinds it uses. The visual language is described in\n"
                    "docs/rendering.md of argmap's source repository (not installed with it).",
        epilog=EPILOG)
    add_paths(render)
    render.add_argument("-o", "--output-dir", metavar="DIR",
                        help="write the drawings into DIR (created if needed) rather than "
                             "beside each input; `-`: to standard output, for one file")
    render.add_argument("--format", choices=FORMATS, default="svg",
                        help="svg (default); dot: the Graphviz source, laid out by nothing; "
                             "png; pdf")
    render.add_argument("--claims-only", action="store_true",
                        help="leave evidence out: draw only theses, premises, assumptions, "
                             "objections and rebuttals (of a map, or of a comparison's "
                             "documents with --full)")
    render.add_argument("--full", action="store_true",
                        help="for a comparison, draw every reason and quote of its documents, "
                             "one under the other, each relation's number under the claims "
                             "it links and explained in a key; by default a comparison draws "
                             "only the claims its relations link, a row per relation, its "
                             "explanation beside it")
    render.add_argument("--evaluate", action="store_true",
                        help="mark the nodes that do not stand, as `argmap evaluate` labels "
                             "them: out (defeated) or undecided, each with why, faded, and "
                             "named in the legend (maps, and comparisons with --full)")
    render.add_argument("--quotes-inside", action="store_true",
                        help="draw each quote on which nothing else bears in full inside its "
                             "claim's box; by default a claim says how many quotes support it "
                             "and where, and shows them on hover")
    render.add_argument("--direction", choices=("auto", "up", "right"), default="auto",
                        help="auto (default): a map whose reasons would not fit one row is "
                             "drawn as an outline, its theses on the left and each claim's "
                             "reasons in a column to its right; up: theses on top; right: "
                             "always an outline")
    render.add_argument("--engine", choices=("auto", "dot", "bundled"), default="auto",
                        help="auto (default): the Graphviz bundled with pygraphviz, else the "
                             "`dot` program on PATH; dot; bundled")
    add_time_limit(render)
    add_config(render)
    render.add_argument("-v", "--verbose", action="store_true",
                        help="say which engine runs, and show what it prints (fontconfig and "
                             "layout warnings)")
    add_jobs(render)
    add_watch(render, render_once)


def add_time_limit(parser: argparse.ArgumentParser) -> None:
    """The --time-limit option of the commands that lay out drawings (`render`, `report`)."""
    from ..render import TIME_LIMIT

    parser.add_argument("--time-limit", type=_seconds, default=TIME_LIMIT, metavar="SECONDS",
                        help=f"stop a layout that takes longer than this (default {TIME_LIMIT:g} "
                             "seconds)")


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value <= MAX_TIME_LIMIT:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds up to "
                                         f"{MAX_TIME_LIMIT:g} (a day), not {text!r}")
    return value


def render_once(args) -> int:
    """Check the paths, then draw every file that has no errors; 1 when one had errors."""
    from ..output_files import STANDARD_OUTPUT, output_path, refuse_clashes
    from ._checked import check_first

    checked = check_first(args.paths, config_path=args.config, jobs=args.jobs, what="drawn",
                          one=args.output_dir == STANDARD_OUTPUT)
    outputs = {path: output_path(path, args.output_dir, args.format) for path in checked.clean}
    if args.output_dir != STANDARD_OUTPUT:
        refuse_clashes(outputs, "drawn", "render",
                       checked.resolver.workspace.paths_read())
    if outputs:
        _draw_all(args, outputs, checked.resolver)
    return EXIT_FINDINGS if checked.kept_back else EXIT_OK


def _draw_all(args, outputs: dict[str, str], resolver) -> None:
    from .._tools import visible
    from ..output_files import (
        STANDARD_OUTPUT,
        make_folder,
        write_atomically,
        write_standard_output,
    )
    from ..render.layout import find_engine
    from ..render.output import draw
    from ..render.scene import Options

    engine = None if args.format == "dot" else find_engine(args.engine)
    if engine is not None and args.verbose:
        where = ("the Graphviz bundled with pygraphviz" if engine.name == "bundled"
                 else engine.program[0])
        print(f"argmap: laying out with {where}", file=sys.stderr)
    to_stdout = args.output_dir == STANDARD_OUTPUT
    if args.output_dir and not to_stdout:
        make_folder(args.output_dir)
    options = Options(claims_only=args.claims_only, full=args.full, evaluated=args.evaluate,
                      quotes_inside=args.quotes_inside, direction=args.direction,
                      engine=args.engine, time_limit=args.time_limit)
    for path, output in outputs.items():
        drawn = draw(resolver.of(resolver.load(path)), args.format, engine, options, what=path)
        if args.verbose and drawn.noise:
            sys.stderr.write(drawn.noise if drawn.noise.endswith("\n") else drawn.noise + "\n")
        if to_stdout:
            write_standard_output(drawn.data)
            continue
        write_atomically(output, drawn.data)
        print(visible(f"{path} -> {output}"))
