"""The legend: a sample of each node kind and each relation a drawing uses, and no others."""

from __future__ import annotations

from ..model import CrossKind, NodeKind, RelationKind
from .labels import html_label
from .style import CROSS_STYLES, INK, LINK_POINT, NODE_STYLES, RELATION_STYLES

__all__ = ["add_legend"]

_SIZE = 12
# Names with a `/`, which no `DOC.NODE` can contain, so they never meet a node of a map.
_CLUSTER = {"label": html_label([("Legend", {"bold": True, "size": 13})]), "style": "rounded",
            "color": "#c5ccd3", "fontcolor": INK, "margin": "12", "labeljust": "l",
            "id": "legend"}
_INVISIBLE = {"shape": "point", "width": "0", "height": "0", "style": "invis"}


def add_legend(graph, titles: dict[str, str], kinds: set[NodeKind],
               relations: set[RelationKind], cross: set[CrossKind]) -> None:
    """Add a legend cluster to `graph` for the kinds and relations given."""
    rows: list[str] = []
    with graph.subgraph(name="cluster/legend") as legend:
        legend.attr(**_CLUSTER)
        for kind in (k for k in NodeKind if k in kinds):
            style = NODE_STYLES[kind]
            name = f"legend/{kind.value}"
            font = {"bold": style.bold, "italic": False, "size": _SIZE}
            legend.node(name, label=html_label([(style.description, font)]),
                        id=f"legend:{kind.value}", **style.attributes())
            titles[f"legend:{kind.value}"] = style.description
            rows.append(name)
        samples = [(f"relation-{k.value}", RELATION_STYLES[k], k is RelationKind.UNDERCUTS)
                   for k in RelationKind if k in relations]
        samples += [(f"cross-{k.value}", CROSS_STYLES[k], False) for k in CrossKind if k in cross]
        for key, style, to_link in samples:
            tail, head, text = (f"legend/{key}/{end}" for end in ("tail", "head", "text"))
            with legend.subgraph() as row:
                row.attr(rank="same")
                row.node(tail, id=f"legend:{key}:tail", **_INVISIBLE)
                row.node(head, id=f"legend:{key}:head", **(LINK_POINT if to_link else _INVISIBLE))
                row.node(text, id=f"legend:{key}", shape="plaintext", margin="0.05,0",
                         label=html_label([(style.description, {"size": _SIZE})]))
                row.edge(tail, head, minlen="2.5", **style.attributes())
                row.edge(head, text, style="invis")
            titles[f"legend:{key}"] = style.description
            rows.append(tail)
        for lower, upper in zip(rows[1:], rows):
            legend.edge(lower, upper, style="invis")
