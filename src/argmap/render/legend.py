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
from .scene import Group, Line, Shape
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

_SIZE = 12
_PER_ROW = 4
_CLUSTER = {"label": html_label([("Legend", {"bold": True, "size": 13})]), "style": "rounded",
            "color": "#c5ccd3", "fontcolor": INK, "margin": "14", "labeljust": "l",
            "labelloc": "b", "id": "legend"}
# A relation's sample line starts in the middle of an invisible box: the box sets its length.
_LINE_START = {"shape": "box", "width": "0.55", "height": "0.3", "style": "invis", "label": ""}


def add_legend(graph: Group, kinds: set[NodeKind], relations: set[RelationKind],
               cross: set[CrossKind], lowest: str | None, analyst: bool = False,
               linked: bool = False, evaluated: Sequence[str] = ()) -> None:
    """Add a legend cluster to `graph` for the kinds and relations given, below the node
    `lowest`; nothing when there is nothing to explain. Its nodes are named with a `/`,
    which no `DOC.NODE` contains."""
    if not kinds:
        return
    samples: list[list[str]] = []  # the nodes of each sample, left to right
    legend = graph.group("cluster/legend", attributes=dict(_CLUSTER), id="legend",
                         role="legend", title="Legend")

    def sample(name: str, key: str, label: str, description: str, looks: dict[str, str]) -> None:
        legend.add(Shape(name, "plain", label=label, id=f"legend:{key}", title=description,
                         role="legend", extra=tuple(looks.items())))
        samples.append([name])

    for kind in (k for k in NodeKind if k in kinds):
        style = NODE_STYLES[kind]
        sample(f"legend/{kind.value}", kind.value,
               html_label([(style.description, {"bold": style.bold, "size": _SIZE})]),
               style.description, style.attributes())
    if analyst:  # a claim the analyst adds, drawn dotted
        style = NODE_STYLES[NodeKind.PREMISE]
        sample("legend/analyst", "analyst",
               html_label([("#analyst: the analyst's claim", {"size": _SIZE})]),
               "a claim the analyst adds, which the text does not make (tagged #analyst)",
               {**style.attributes(), "style": style.style + ",dotted"})
    for label in evaluated:  # `render --evaluate`: the nodes that do not stand
        style = NODE_STYLES[NodeKind.PREMISE]
        text = EVALUATION_NOTES[label].format(why="defeated" if label == "out"
                                              else "neither stands nor falls")
        sample(f"legend/{label}", label,
               html_label([(text, {"size": _SIZE, "colour": EVALUATED_FADE[label]})]),
               f"{label}: a node that does not stand, by argmap evaluate's semantics",
               {**style.attributes(), "color": EVALUATED_FADE[label], "fillcolor": "#eceff1"})
    rows = _rows(samples)
    samples = [_relation_sample(legend, f"relation-{k.value}", RELATION_STYLES[k],
                                k is RelationKind.UNDERCUTS)
               for k in RelationKind if k in relations]
    if linked:  # lines that join at a point: reasons that support a claim only together
        joined = attrs.evolve(RELATION_STYLES[RelationKind.SUPPORTS], arrowhead="none",
                              description="supports, joined: only together")
        samples.insert(1, _relation_sample(legend, "relation-linked", joined, True, JOIN_POINT))
    samples += [_relation_sample(legend, f"cross-{k.value}", CROSS_STYLES[k], False)
                for k in CrossKind if k in cross]
    rows += _rows(samples)
    for row in rows:
        same = legend.group(rank="same", role="layout")
        for name in (name for sample in row for name in sample):
            same.add(Shape(name, "plain", role="layout"))
        # A flat edge keeps its tail on the left: so the samples keep their order.
        for left, right in itertools.pairwise(row):
            legend.add(Line(left[-1], right[0], "plain", role="layout", extra=_INVISIBLE))
    for lower, upper in zip(rows[1:], rows):
        legend.add(Line(lower[0][0], upper[0][0], "plain", role="layout", extra=_INVISIBLE))
    if lowest is not None:
        graph.add(Line(rows[0][0][0], lowest, "invisible", role="layout"))


_INVISIBLE = (("style", "invis"),)


def _rows(samples: list[list[str]]) -> list[list[list[str]]]:
    return [samples[i:i + _PER_ROW] for i in range(0, len(samples), _PER_ROW)]


def _relation_sample(legend: Group, key: str, style: EdgeStyle, to_point: bool,
                     point_style: dict[str, str] = LINK_POINT) -> list[str]:
    """A line in the relation's style, ending at its name (or, for an undercut, at a link's
    point); the names of its nodes, left to right."""
    start, point, text = (f"legend/{key}/{part}" for part in ("start", "point", "text"))
    legend.add(Shape(start, "plain", id=f"legend:{key}:start", role="layout",
                     extra=tuple(_LINE_START.items())))
    legend.add(Shape(text, "plain", id=f"legend:{key}", role="legend", title=style.description,
                     label=html_label([(style.description, {"size": _SIZE})]),
                     extra=(("shape", "plaintext"), ("margin", "0.04,0"))))
    line = tuple({**style.attributes(), "tailclip": "false"}.items())
    if not to_point:
        legend.add(Line(start, text, "plain", role="legend", extra=line))
        return [start, text]
    legend.add(Shape(point, "plain", id=f"legend:{key}:point", role="point",
                     extra=tuple(point_style.items())))
    legend.add(Line(start, point, "plain", role="legend", extra=line))
    legend.add(Line(point, text, "plain", role="layout", extra=_INVISIBLE))
    return [start, point, text]
