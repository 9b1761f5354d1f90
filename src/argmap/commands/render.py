"""`argmap render`: draw maps and comparisons as SVG (or DOT, PNG, PDF) with Graphviz."""

from __future__ import annotations

import argparse
import math
import os
import sys

from . import EXIT_FINDINGS, EXIT_OK, add_paths, add_subparser, add_watch

__all__ = ["add_parser"]

FORMATS = ("svg", "dot", "png", "pdf")
TIME_LIMIT = 60.0

EPILOG = """\
The layout runs in the `dot` program when it is on PATH, and otherwise in the Graphviz
that the pygraphviz wheels bundle, so `pip install argmap` is all it takes. A file with
errors (as `argmap check` reports them, with the same configuration: rule severities
and exclude globs) is not drawn; a comparison is not drawn while a map it uses has errors.
Warnings do not stop a drawing.

exit status:
  0  every file was drawn
  1  a file was not drawn because it, or a map it uses, has errors (printed like `check`)
  2  usage or input problem: a bad option, a path that does not exist or cannot be read,
     no layout engine, a layout that failed or ran out of time
"""


def add_parser(commands) -> None:
    """Add `render` to the subcommands."""
    render = add_subparser(
        commands, "render", help="draw maps and comparisons as SVG with Graphviz",
        description="Draw each map or comparison as a diagram: beside each input, NAME.svg\n"
                    "(or NAME.dot, NAME.png, NAME.pdf). Every drawing has a legend of the kinds\n"
                    "and relations it uses. The visual language is described in\n"
                    "docs/rendering.md of argmap's source repository (not installed with it).",
        epilog=EPILOG)
    add_paths(render)
    render.add_argument("-o", "--output-dir", metavar="DIR",
                        help="write the drawings into DIR (created if needed) rather than "
                             "beside each input")
    render.add_argument("--format", choices=FORMATS, default="svg",
                        help="svg (default); dot: the Graphviz source, laid out by nothing; "
                             "png; pdf")
    render.add_argument("--claims-only", action="store_true",
                        help="leave evidence out: draw only theses, premises, assumptions, "
                             "objections and rebuttals, for an overview")
    render.add_argument("--engine", choices=("auto", "dot", "bundled"), default="auto",
                        help="auto (default): the `dot` program when it is on PATH, else the "
                             "Graphviz bundled with pygraphviz; dot; bundled")
    render.add_argument("--time-limit", type=_seconds, default=TIME_LIMIT, metavar="SECONDS",
                        help=f"stop a layout that takes longer than this (default {TIME_LIMIT:g} "
                             "seconds)")
    render.add_argument("--config", metavar="PATH",
                        help="read the configuration (rule severities, exclude) from this file "
                             "instead of searching for it, as `check` does")
    render.add_argument("-v", "--verbose", action="store_true",
                        help="say which engine runs, and show what it prints (fontconfig and "
                             "layout warnings)")
    add_watch(render)
    render.set_defaults(run=run)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < math.inf:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, not {text!r}")
    return value


def run(args) -> int:
    """Draw the paths (again after each change, with --watch)."""
    if args.watch:
        from ..config import config_for_run
        from ..watch import watch

        return watch(args.paths, lambda: render_once(args), config_for_run(args.config).excluded)
    return render_once(args)


def render_once(args) -> int:
    """Check the paths, then draw every file that has no errors; 1 when one had errors."""
    from ..config import config_for_run
    from ..diagnostics import Severity, format_text
    from ..lint import check_paths, select_files

    config = config_for_run(args.config)
    targets = select_files(args.paths, config.excluded)
    if not targets:
        print(f"argmap: warning: no .arg files in {', '.join(args.paths)}", file=sys.stderr)
        return EXIT_OK
    result = check_paths(targets, severities=config.severities([], []), excluded=config.excluded)
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    outputs = {}
    blocked = []
    for path in targets:
        loaded = result.workspace.load(path)
        files = _files_of(loaded, result)
        if any(f.position.file in files for f in errors):
            blocked.append((path, files))
        else:
            outputs[path] = _output_path(path, args.output_dir, args.format)
    _refuse_clashes(outputs)
    if blocked:
        shown = {file for _, files in blocked for file in files}
        sys.stdout.write(format_text([f for f in errors if f.position.file in shown],
                                     result.workspace.line))
        for path, _ in blocked:
            print(f"argmap: {path} not drawn: it, or a map it uses, has errors (above)",
                  file=sys.stderr)
    if outputs:
        _draw_all(args, outputs, result)
    return EXIT_FINDINGS if blocked else EXIT_OK


def _files_of(loaded, result) -> set[str]:
    """The file, and for a comparison the maps it uses: whose errors stop its drawing."""
    from ..lint.context import ComparisonContext
    from ..model import Comparison

    files = {loaded.path}
    if isinstance(loaded.model, Comparison):
        context = ComparisonContext(loaded.model, result.workspace, result.maps)
        files |= {used.path for _, used in context.used if used is not None}
    return files


def _output_path(path: str, output_dir: str | None, output_format: str) -> str:
    stem = os.path.splitext(os.path.basename(path))[0]
    return os.path.join(output_dir or os.path.dirname(path), f"{stem}.{output_format}")


def _refuse_clashes(outputs: dict[str, str]) -> None:
    """Two inputs that would be drawn into one file are a usage problem, caught before
    anything is written."""
    from ..errors import InputError

    first: dict[str, str] = {}
    for path, output in outputs.items():
        other = first.setdefault(os.path.normcase(os.path.abspath(output)), path)
        if other != path:
            raise InputError(f"{other} and {path} would both be drawn to {output}; "
                        "render them into different folders")


def _draw_all(args, outputs: dict[str, str], result) -> None:
    from ..lint.context import ComparisonContext
    from ..model import Comparison
    from ..render.dot import draw_comparison, draw_map
    from ..render.layout import find_engine, lay_out
    from ..render.titles import set_titles

    engine = None if args.format == "dot" else find_engine(args.engine)
    if engine is not None and args.verbose:
        where = "the Graphviz bundled with pygraphviz" if engine.name == "bundled" else engine.program[0]
        print(f"argmap: laying out with {where}", file=sys.stderr)
    if args.output_dir:
        _make_folder(args.output_dir)
    for path, output in outputs.items():
        loaded = result.workspace.load(path)
        if isinstance(loaded.model, Comparison):
            context = ComparisonContext(loaded.model, result.workspace, result.maps)
            drawing = draw_comparison(context, args.claims_only)
        else:
            drawing = draw_map(result.maps[loaded.path], args.claims_only)
        if engine is None:
            data = drawing.source.encode("utf-8")
        else:
            data, noise = lay_out(drawing, args.format, engine, args.time_limit, path)
            if args.verbose and noise:
                sys.stderr.write(noise if noise.endswith("\n") else noise + "\n")
            if args.format == "svg":
                data = set_titles(data.decode("utf-8"), drawing.titles).encode("utf-8")
        _write_atomically(output, data)
        print(f"{path} -> {output}")


def _make_folder(folder: str) -> None:
    from ..errors import InputError

    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        raise InputError(f"cannot create {folder}: {error.strerror or error}") from None


def _write_atomically(path: str, data: bytes) -> None:
    """Write `path` through a temporary file beside it, so a reader never sees half of it."""
    import tempfile

    from ..errors import InputError

    folder, name = os.path.split(path)
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder or ".", prefix=f".{name}.", suffix=".tmp")
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
        # mkstemp makes the file private; give it the permissions a new file gets.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except OSError as error:
        os.unlink(temporary)
        raise InputError(f"cannot write {path}: {error.strerror or error}") from None
