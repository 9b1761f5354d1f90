"""`argmap report`: a self-contained HTML page per map or comparison, beside its source text."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:  # imported by `run` only: `argmap --version` stays fast
    from ..diagnostics import Finding
    from ..semantics import Resolver

__all__ = ["add_parser", "report_once"]

EPILOG = """\
A map's page shows its drawing beside its source text, every evidence quote marked in the
text and the sentences no quote covers marked too; selecting a quote shows its node,
selecting a node shows its quotes; the nodes that do not stand (as `argmap evaluate`
labels them) are faded, with why. A comparison's page shows its drawing, its relations
as a table, and the documents' texts side by side. Each page is one file that works
offline: nothing is fetched, and a Content-Security-Policy lets only its own script run.

Every file is checked first, as `argmap check` checks it (with the same configuration);
a file with errors is not reported, nor is a comparison while a map it uses has errors.
The page lists the warnings and infos. docs/report.md in argmap's source repository (not
installed with it) describes the pages.

""" + exit_statuses({
    EXIT_OK: "every file was reported",
    EXIT_FINDINGS: "a file was not reported because it, or a map it uses, has errors (printed "
                   "like `check`)",
    EXIT_USAGE: f"{USAGE_PROBLEM}, an output that cannot be written, no layout engine, a "
                "layout that failed"})


def add_parser(commands) -> None:
    """Add `report` to the subcommands."""
    from .render import add_time_limit

    report = add_subparser(
        commands, "report", help="write an HTML page per map: the drawing beside the source",
        description="Write each map or comparison as one self-contained HTML page: beside each\n"
                    "input, NAME.html. The page explains itself; docs/report.md of argmap's\n"
                    "source repository (not installed with it) describes it.",
        epilog=EPILOG)
    add_paths(report)
    report.add_argument("-o", "--output-dir", metavar="DIR",
                        help="write the pages into DIR (created if needed) rather than beside "
                             "each input; `-`: to standard output, for one file")
    add_time_limit(report)
    add_config(report)
    add_jobs(report)
    add_watch(report, report_once)


def report_once(args) -> int:
    """Check the paths, then write the page of every file that has no errors; 1 when one had
    errors."""
    from .._tools import visible
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
    checked = check_first(args.paths, config_path=args.config, jobs=args.jobs, what="reported",
                          one=to_stdout)
    outputs = {path: output_path(path, args.output_dir, "html") for path in checked.clean}
    if not to_stdout:
        refuse_clashes(outputs, "reported", "report",
                       checked.resolver.workspace.paths_read())
        if outputs and args.output_dir:
            make_folder(args.output_dir)
    for path, output in outputs.items():
        own = [f for f in checked.findings if _key(f.position.file) == _key(path)]
        page = _page(checked.resolver, path, own, args.time_limit)
        if to_stdout:
            write_standard_output(page.encode("utf-8"))
            continue
        write_atomically(output, page.encode("utf-8"))
        print(visible(f"{path} -> {output}"))
    return EXIT_FINDINGS if checked.kept_back else EXIT_OK


def _key(path: str) -> str:
    """One spelling of each file, however a command line or a `use` line names it."""
    return os.path.realpath(path)


def _page(resolver: Resolver, path: str, findings: list[Finding], time_limit: float) -> str:
    """The page of the file at `path`, which has no errors (so it parses)."""
    from ..render.layout import find_engine
    from ..render.output import draw
    from ..render.scene import Options
    from ..report.comparison import comparison_page
    from ..report.document import map_page
    from ..semantics import ComparisonSemantics

    semantics = resolver.of(resolver.load(path))
    # A comparison's page has the key of its numbered relations as a table of its own.
    drawing = draw(semantics, "svg", find_engine(),
                   Options(evaluated=True, keyed=False, quotes_inside=True, direction="up",
                           time_limit=time_limit), what=path)
    if isinstance(semantics, ComparisonSemantics):
        return comparison_page(semantics, drawing, findings)
    return map_page(semantics, drawing, findings)
