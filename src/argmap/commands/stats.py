"""`argmap stats`: what each map holds, and how much of its source the quotes cover."""

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

_EXIT_CODES = exit_statuses({
    EXIT_OK: "every file was read",
    EXIT_FINDINGS: "some file does not parse (its syntax error is printed on stderr)",
    EXIT_USAGE: USAGE_PROBLEM})


def add_parser(commands) -> None:
    """Add `stats` to the subcommands."""
    stats = add_subparser(
        commands, "stats", help="count nodes and relations; measure quote coverage",
        description="For each document map: nodes per kind, relations per kind, and the share "
                    "of the source's argumentative sentences that evidence quotes cover "
                    "(headings, and the lines the header lists in skip-lines, are left out; a "
                    "sentence counts as quoted when quotes cover half its words or more). For "
                    "each comparison: its documents and its cross relations per kind.",
        epilog=_EXIT_CODES)
    add_paths(stats)
    stats.add_argument("--format", choices=("text", "json"), default="text",
                       help="text (default): a block per file, listing the unquoted sentences; "
                            "json: an array with an object per file (key `coverage`, 0 to 1)")
    add_config(stats, "exclude, the project folder")
    add_jobs(stats)
    stats.set_defaults(run=run)


def run(args) -> int:
    """Print the statistics of each file; 1 when some file does not parse."""
    from .._tools import json_text
    from ..diagnostics import Finding, format_text
    from ..lint import select_files
    from ..runner import default_jobs, for_each_file
    from ..settings import Discovery
    from ..stats import stats_of_file

    settings = Discovery.for_run(args.config)
    paths = select_files(args.paths, settings.excluded)
    if not paths:
        print(f"argmap: warning: no .arg files in {', '.join(args.paths)}", file=sys.stderr)
    lines: dict[tuple[str, int], str] = {}
    results, problems = [], []
    for result, line in for_each_file(paths, stats_of_file, jobs=args.jobs or default_jobs(),
                                      settings=settings):
        if isinstance(result, Finding):
            problems.append(result)
            if line is not None:
                lines[(result.position.file, result.position.line)] = line
        else:
            results.append(result)
    sys.stderr.write(format_text(problems, lambda file, number: lines.get((file, number))))
    if args.format == "json":
        data = [r.to_data() for r in results]
        sys.stdout.write(json_text(data) + "\n")
    else:
        sys.stdout.write("\n".join(_text(result) for result in results))
    return EXIT_FINDINGS if problems else EXIT_OK


def _counts(counts: dict[str, int]) -> str:
    """`49 (supports 43, attacks 5, undercuts 1)`: the total, then each kind present."""
    used = [f"{kind} {n}" for kind, n in counts.items() if n]
    return f"{sum(counts.values())} ({', '.join(used)})" if used else "0"


def _text(result) -> str:
    """One file's block in the text format, with control characters made visible."""
    from .._tools import visible
    from ..stats import MapStats

    if not isinstance(result, MapStats):
        return visible(f"{result.path}: comparison {result.comparison} \"{result.title}\"\n"
                       f"  documents: {', '.join(result.documents) or 'none'}\n"
                       f"  cross relations: {_counts(result.relations)}\n")
    lines = [f"{result.path}: document {result.document} \"{result.title}\"",
             f"  nodes: {_counts(result.nodes)}",
             f"  relations: {_counts(result.relations)}"]
    if result.source_problem:
        lines.append(f"  coverage: unknown, {result.source_problem}")
    elif result.coverage is None:
        lines.append("  coverage: unknown, the source has no argumentative sentence")
    else:
        quoted = len(result.sentences) - len(result.unquoted)
        lines.append(f"  coverage: {result.coverage:.0%} ({quoted} of {len(result.sentences)} "
                     "argumentative sentences quoted)")
        lines += [f"    unquoted, line {s.line}: {s.text}" for s in result.unquoted]
    return visible("\n".join(lines) + "\n")
