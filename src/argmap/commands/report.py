"""`argmap report`: a self-contained HTML page per map or comparison, beside its source text."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from . import EXIT_FINDINGS, EXIT_OK, add_paths, add_subparser

if TYPE_CHECKING:  # imported by `run` only: `argmap --version` stays fast
    from ..diagnostics import Finding
    from ..render.dot import Drawing
    from ..workspace import Workspace

__all__ = ["add_parser"]

EPILOG = """\
A map's page shows its drawing beside its source text, every evidence quote marked in the
text and the sentences no quote covers marked too; selecting a quote shows its node,
selecting a node shows its quotes. A comparison's page shows its drawing, its relations
as a table, and the documents' texts side by side. Each page is one file that works
offline: nothing is fetched, and a Content-Security-Policy lets only its own script run.

Every file is checked first, as `argmap check` checks it (with the same configuration);
a file with errors is not reported, nor is a comparison while a map it uses has errors.
The page lists the warnings and infos. See docs/report.md.

exit status:
  0  every file was reported
  1  a file was not reported because it, or a map it uses, has errors (printed like `check`)
  2  usage or input problem: a bad option, a path that does not exist or cannot be read,
     an output that cannot be written, no layout engine, a layout that failed
  130  interrupted (Ctrl-C)
"""


def add_parser(commands) -> None:
    """Add `report` to the subcommands."""
    report = add_subparser(
        commands, "report", help="write an HTML page per map: the drawing beside the source",
        description="Write each map or comparison as one self-contained HTML page: beside each\n"
                    "input, NAME.html. The page explains itself; docs/report.md describes it.",
        epilog=EPILOG)
    add_paths(report)
    report.add_argument("-o", "--output-dir", metavar="DIR",
                        help="write the pages into DIR (created if needed) rather than beside "
                             "each input")
    report.add_argument("--config", metavar="PATH",
                        help="read the configuration (rule severities, exclude) from this file "
                             "instead of searching for it, as `check` does")
    report.set_defaults(run=run)


def run(args) -> int:
    """Check the paths, then write the page of every file that has no errors; 1 when one had
    errors."""
    from ..config import config_for_run
    from ..diagnostics import Severity, format_text
    from ..lint import check_paths, select_files
    from ..output_files import make_folder, output_path, refuse_clashes, write_atomically
    from ..workspace import Workspace

    config = config_for_run(args.config)
    targets = select_files(args.paths, config.excluded)
    if not targets:
        print(f"argmap: warning: no .arg files in {', '.join(args.paths)}", file=sys.stderr)
        return EXIT_OK
    findings = check_paths(targets, severities=config.severities([], []),
                           excluded=config.excluded).findings
    errors = {_key(f.position.file) for f in findings if f.severity is Severity.ERROR}
    workspace = Workspace()
    outputs: dict[str, str] = {}
    blocked: list[tuple[str, set[str]]] = []
    for path in targets:
        files = _files_of(workspace, path)
        if files & errors:
            blocked.append((path, files))
        else:
            outputs[path] = output_path(path, args.output_dir, "html")
    refuse_clashes(outputs, "reported", "report")
    if blocked:
        shown = set().union(*(files for _, files in blocked))
        sys.stdout.write(format_text([f for f in findings if f.severity is Severity.ERROR
                                      and _key(f.position.file) in shown], workspace.line))
        for path, _ in blocked:
            print(f"argmap: {path} not reported: it, or a map it uses, has errors (above)",
                  file=sys.stderr)
    if outputs and args.output_dir:
        make_folder(args.output_dir)
    for path, output in outputs.items():
        page = _page(workspace, path, [f for f in findings if _key(f.position.file) == _key(path)])
        write_atomically(output, page.encode("utf-8"))
        print(f"{path} -> {output}")
    return EXIT_FINDINGS if blocked else EXIT_OK


def _key(path: str) -> str:
    """One spelling of each file, however a command line or a `use` line names it."""
    return os.path.realpath(path)


def _files_of(workspace: Workspace, path: str) -> set[str]:
    """The file, and for a comparison the maps it uses: whose errors stop its page. (A `use`
    of anything but a readable map with an id is an error of the comparison itself.)"""
    from ..lint.context import ComparisonContext
    from ..model import Comparison

    model = workspace.load(path).model
    files = {_key(path)}
    if isinstance(model, Comparison):
        context = ComparisonContext(model, workspace, {})
        files |= {_key(document.map.path) for document in context.documents.values()}
    return files


def _page(workspace: Workspace, path: str, findings: list[Finding]) -> str:
    """The page of the file at `path`, which has no errors (so it parses)."""
    from ..lint.context import ComparisonContext, MapContext
    from ..model import Comparison
    from ..render.dot import draw_comparison, draw_map
    from ..report.comparison import comparison_page
    from ..report.document import map_page

    model = workspace.load(path).model
    if isinstance(model, Comparison):
        comparison = ComparisonContext(model, workspace, {})
        return comparison_page(comparison, _svg(draw_comparison(comparison), path), findings)
    if model is None:
        raise ValueError(f"{path} does not parse, yet was not stopped by its syntax error")
    document = MapContext(model, workspace)
    return map_page(document, _svg(draw_map(document), path), findings)


def _svg(drawing: Drawing, path: str) -> str:
    """The drawing laid out as `render` lays it out, with its tooltips."""
    from ..render.layout import find_engine, lay_out
    from ..render.titles import set_titles
    from .render import TIME_LIMIT

    svg, _ = lay_out(drawing, "svg", find_engine(), TIME_LIMIT, path)
    return set_titles(svg.decode("utf-8"), drawing.titles)
