"""argmap's Python API: load a map or comparison, check paths, draw a file as DOT or SVG.

Everything the command line does goes through these functions or the modules they name;
`docs/api.md` shows them at work (its examples run as tests).
"""

from __future__ import annotations

from collections.abc import Iterable

from .lint import CheckResult
from .render import TIME_LIMIT
from .semantics import ComparisonSemantics, MapSemantics, Resolver

__all__ = ["load", "check", "draw"]

#: What `draw` returns: the DOT source, or the drawing laid out as SVG.
TEXT_FORMATS = ("dot", "svg")


def load(path: str, *, config: str | None = None) -> MapSemantics | ComparisonSemantics:
    """The `.arg` file at `path`, parsed and resolved: a map with its quotes located in its
    source, or a comparison with the maps it uses; read as `argmap check` reads it, with
    the settings found for the file (or those of the file `config` names): a source or
    used map outside the project is not read.

    Raises `InputError` when the file cannot be read, `ConfigError` when its configuration
    cannot be used, and `ArgSyntaxError` when it is not the language (its `position` and
    `problem` say where and what)."""
    from .settings import Discovery
    from .workspace import Workspace

    resolver = Resolver(Workspace(Discovery.for_run(config)))
    loaded = resolver.load_named(path)
    if loaded.error is not None:
        raise loaded.error
    return resolver.of(loaded)


def check(paths: Iterable[str], *, select: Iterable[str] = (), ignore: Iterable[str] = (),
          config: str | None = None, jobs: int = 1) -> CheckResult:
    """Lint the `.arg` files named and under the folders named, and the maps they use, as
    `argmap check` does: each file with the settings found for it (or those of the file
    `config` names), the rules `select` names (all when empty) less those `ignore` names.
    The findings are sorted by file, line and column."""
    from .lint import check_paths
    from .settings import Discovery, Options

    return check_paths(list(paths), settings=Discovery.for_run(config, Options(select, ignore)),
                       jobs=jobs)


def draw(path: str, output_format: str = "svg", *, claims_only: bool = False,
         full: bool = False, evaluated: bool = False, quotes_inside: bool = False,
         direction: str = "auto", engine: str = "auto", time_limit: float = TIME_LIMIT,
         config: str | None = None) -> str:
    """The drawing of the `.arg` file at `path` as `argmap render` draws it, whatever its
    findings: `dot` (the Graphviz source) or `svg`; with the options of `argmap render`:
    `claims_only` (no evidence), `full` (a comparison's every reason and quote), `evaluated`
    (the nodes that do not stand marked, as `--evaluate`), `quotes_inside` (each quote in
    full inside its claim's box), `direction` (`auto`, `up` or `right`). `engine` is
    `auto`, `dot` or `bundled`; `LayoutError` when the layout fails or takes longer than
    `time_limit` seconds."""
    from .render.layout import find_engine
    from .render.output import draw as draw_in
    from .render.scene import Options

    if output_format not in TEXT_FORMATS:
        raise ValueError(f"output_format must be one of {', '.join(TEXT_FORMATS)}")
    if direction not in ("auto", "up", "right"):
        raise ValueError("direction must be one of auto, up, right")
    options = Options(claims_only=claims_only, full=full, evaluated=evaluated,
                      quotes_inside=quotes_inside, direction=direction,  # type: ignore[arg-type]
                      engine=engine, time_limit=time_limit)
    chosen = None if output_format == "dot" else find_engine(engine)
    return draw_in(load(path, config=config), output_format, chosen, options,
                   what=path).data.decode("utf-8")
