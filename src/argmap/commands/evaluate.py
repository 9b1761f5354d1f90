"""`argmap evaluate`: which nodes of each map stand (docs/evaluation.md)."""

from __future__ import annotations

import os
import sys
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
    exit_statuses,
)

if TYPE_CHECKING:
    from ..semantics import MapSemantics

__all__ = ["add_parser", "run"]

_EPILOG = """\
Each node is labelled in (it stands), out (it is defeated, or every support of it is) or
undecided (the attacks on it, or on what it rests on, go round in a circle that nothing
settles). Attacks and undercuts are read as in Dung's grounded semantics; a thesis,
premise, objection or rebuttal stands only while some support of it stands. A comparison
is evaluated through the maps it uses, each on its own. A file with errors (as `argmap
check` reports them) is not evaluated. The semantics, with worked examples:
docs/evaluation.md in argmap's source repository (not installed with it).

""" + exit_statuses({
    EXIT_OK: "every file was evaluated",
    EXIT_FINDINGS: "a file was not evaluated because it, or a map it uses, has errors "
                   "(printed like `check`)",
    EXIT_USAGE: USAGE_PROBLEM})


def add_parser(commands) -> None:
    """Add `evaluate` to the subcommands."""
    evaluate = add_subparser(
        commands, "evaluate", help="label every node in, out or undecided",
        description="For each document map (and each map a comparison uses): whether each\n"
                    "node stands, given the attacks, undercuts and supports of the map, and\n"
                    "why a node that does not stand does not.",
        epilog=_EPILOG)
    add_paths(evaluate)
    evaluate.add_argument("--format", choices=("text", "json"), default="text",
                          help="text (default): a block per map, a line per node; json: an "
                               "array with an object per map")
    add_config(evaluate)
    add_jobs(evaluate)
    evaluate.set_defaults(run=run)


def run(args) -> int:
    """Print the labelling of each map; 1 when a file had errors."""
    from .._tools import json_text
    from ..evaluation import evaluate
    from ..model import DocumentMap
    from ._checked import check_first

    checked = check_first(args.paths, config_path=args.config, jobs=args.jobs,
                          what="evaluated")
    resolver = checked.resolver
    maps: dict[str, MapSemantics] = {}
    for path in checked.clean:
        loaded = resolver.load(path)
        used = ([loaded] if isinstance(loaded.model, DocumentMap) else
                [u.loaded for u in resolver.comparison(loaded).used_maps if u.loaded])
        for file in used:  # each map once, however it is named
            maps.setdefault(os.path.realpath(file.path), resolver.map(file))
    results = [(semantics, evaluate(semantics)) for semantics in maps.values()]
    if args.format == "json":
        data = [_data(semantics, labelling) for semantics, labelling in results]
        sys.stdout.write(json_text(data) + "\n")
    else:
        sys.stdout.write("\n".join(_text(semantics, labelling)
                                   for semantics, labelling in results))
    return EXIT_FINDINGS if checked.kept_back else EXIT_OK


def _text(semantics, labelling) -> str:
    """One map's block: a line per node, its label, kind and id, and why when not in; its
    control characters made visible."""
    from .._tools import visible
    from ..evaluation import Label

    counts = {label: list(labelling.nodes.values()).count(label) for label in Label}
    # Outweighed nodes are counted only in a map that ranks rivals.
    lines = [f"{semantics.map.path}: document {semantics.map.id}: "
             + ", ".join(f"{n} {label.value}" for label, n in counts.items()
                         if n or label is not Label.OUTWEIGHED)]
    for node_id, label in labelling.nodes.items():
        reason = labelling.reason(node_id)
        lines.append(f"  {label.value:<10}  {semantics.nodes[node_id].kind.value} {node_id}"
                     + (f": {reason}" if reason else ""))
    return visible("\n".join(lines) + "\n")


def _data(semantics, labelling) -> dict:
    from .._tools import visible

    return {
        "file": visible(semantics.map.path), "document": semantics.map.id,
        "nodes": [{"id": node_id, "kind": semantics.nodes[node_id].kind.value,
                   "label": label.value, "reason": labelling.reason(node_id),
                   "defeaters": labelling.defeaters(node_id)}
                  for node_id, label in labelling.nodes.items()],
    }
