"""The legend: a sample of each node kind and each relation a drawing uses, and no others.

It is drawn below the map, in rows of a few samples: the node kinds, then the relations.
An invisible edge to the node drawn lowest keeps it under the map (`rank=min` would only
put it beside the lowest nodes; edges to all of them would cross the whole drawing).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import attrs

from ..lexicon import CrossKind, NodeKind, RelationKind
from .labels import html_label
from .style import (
    CROSS_STYLES,
    EVALUATED_FADE,
    EVALUATION_NOTES,
    INK,
    JOIN_POINT,
    LINK_POINT,
    NODE_STYLES,
    RELATION_STYLES,
    EdgeStyle,
)

__all__ = ["add_legend"]

#: What each label of `render --evaluate` says in the legend.
_WHY = {"out": "defeated", "undecided": "neither stands nor falls",
        "outweighed": "stands, but a rival is ranked above it"}
_SIZE = 12
_PER_ROW = 4
_CLUSTER = {"label": html_label([("Legend", {"bold": True, "size": 13})]), "style": "rounded",
            "color": "#c5ccd3", "fontcolor": INK, "margin": "14", "labeljust": "l",
            "labelloc": "b", "id": "legend"}
# A relation's sample line starts in the middle of an invisible box: the box sets its length.
_LINE_START = {"shape": "box", "width": "0.55", "height": "0.3", "style": "invis", "label": ""}


def add_legend(graph, titles: dict[str, str], kinds: set[NodeKind], relations: set[RelationKind],
               cross: set[CrossKind], lowest: str | None, analyst: bool = False,
               linked: bool = False, evaluated: Sequence[str] = ()) -> None:
    """Add a legend cluster to `graph` for the kinds and relations given, below the node
    `lowest`; nothing when there is nothing to explain. Its nodes are named with a `/`,
    which no `DOC.NODE` contains."""
    if not kinds:
        return
    samples: list[list[str]] = []  # the nodes of each sample, left to right
    with graph.subgraph(name="cluster/legend") as legend:
        legend.attr(**_CLUSTER)
        for kind in (k for k in NodeKind if k in kinds):
            style = NODE_STYLES[kind]
            label = html_label([(style.description, {"bold": style.bold, "size": _SIZE})])
            legend.node(f"legend/{kind.value}", label=label, id=f"legend:{kind.value}",
                        **style.attributes())
            titles[f"legend:{kind.value}"] = style.description
            samples.append([f"legend/{kind.value}"])
        if analyst:  # a claim the analyst adds, drawn dotted
            style = NODE_STYLES[NodeKind.PREMISE]
            label = html_label([("#analyst: the analyst's claim", {"size": _SIZE})])
            legend.node("legend/analyst", label=label, id="legend:analyst",
                        **{**style.attributes(), "style": style.style + ",dotted"})
            titles["legend:analyst"] = ("a claim the analyst adds, which the text does not "
                                        "make (tagged #analyst)")
            samples.append(["legend/analyst"])
        for label in evaluated:  # `render --evaluate`: the nodes that do not stand
            style = NODE_STYLES[NodeKind.PREMISE]
            text = EVALUATION_NOTES[label].format(why=_WHY[label])
            legend.node(f"legend/{label}", id=f"legend:{label}",
                        label=html_label([(text, {"size": _SIZE,
                                                  "colour": EVALUATED_FADE[label]})]),
                        **{**style.attributes(), "color": EVALUATED_FADE[label],
                           "fillcolor": "#eceff1"})
            titles[f"legend:{label}"] = (f"{label}: {_WHY[label]}, by argmap evaluate's "
                                         "semantics")
            samples.append([f"legend/{label}"])
        rows = _rows(samples)
        samples = [_relation_sample(legend, titles, f"relation-{k.value}", RELATION_STYLES[k],
                                    k is RelationKind.UNDERCUTS)
                   for k in RelationKind if k in relations]
        if linked:  # lines that join at a point: reasons that support a claim only together
            joined = attrs.evolve(RELATION_STYLES[RelationKind.SUPPORTS], arrowhead="none",
                                  description="supports, joined: only together")
            samples.insert(1, _relation_sample(legend, titles, "relation-linked", joined, True,
                                               JOIN_POINT))
        samples += [_relation_sample(legend, titles, f"cross-{k.value}", CROSS_STYLES[k], False)
                    for k in CrossKind if k in cross]
        rows += _rows(samples)
        for row in rows:
            with legend.subgraph() as same:
                same.attr(rank="same")
                for name in (name for sample in row for name in sample):
                    same.node(name)
            # A flat edge keeps its tail on the left: so the samples keep their order.
            for left, right in itertools.pairwise(row):
                legend.edge(left[-1], right[0], style="invis")
        for lower, upper in zip(rows[1:], rows):
            legend.edge(lower[0][0], upper[0][0], style="invis")
    if lowest is not None:
        graph.edge(rows[0][0][0], lowest, style="invis", weight="0")


def _rows(samples: list[list[str]]) -> list[list[list[str]]]:
    return [samples[i:i + _PER_ROW] for i in range(0, len(samples), _PER_ROW)]


def _relation_sample(legend, titles: dict[str, str], key: str, style: EdgeStyle,
                     to_point: bool, point_style: dict[str, str] = LINK_POINT) -> list[str]:
    """A line in the relation's style, ending at its name (or, for an undercut, at a link's
    point); the names of its nodes, left to right."""
    start, point, text = (f"legend/{key}/{part}" for part in ("start", "point", "text"))
    legend.node(start, id=f"legend:{key}:start", **_LINE_START)
    legend.node(text, id=f"legend:{key}", shape="plaintext", margin="0.04,0",
                label=html_label([(style.description, {"size": _SIZE})]))
    titles[f"legend:{key}"] = style.description
    line = {**style.attributes(), "tailclip": "false"}
    if not to_point:
        legend.edge(start, text, **line)
        return [start, text]
    legend.node(point, id=f"legend:{key}:point", **point_style)
    legend.edge(start, point, **line)
    legend.edge(point, text, style="invis")
    return [start, point, text]
