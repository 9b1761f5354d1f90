"""The drawing model: what a drawing shows, between the semantics and the DOT.

A map or a comparison is first drawn as a `Scene`: shapes (nodes, quotes, points, the key,
the legend's samples), lines (relations, their halves, invisible edges that hold the
layout), and groups (a document's panel, a topic's band, a row that shares a rank), each
with its role, its SVG id, its tooltip and a style key. Only `writer` turns a scene into
DOT, quoting every name and attribute in one place; the SVG's tooltips and the report's
links are taken from the scene (`Scene.titles`, `Scene.links`), not read back from the
SVG Graphviz writes. Every drawing is built from one `Options`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from attrs import define, field, frozen

from . import TIME_LIMIT

__all__ = ["Options", "Shape", "Line", "Group", "Scene", "Role", "Direction"]

#: What an element of a drawing is, for the page that shows it: `node`, a claim or a quote
#: drawn as a box (with the quotes drawn inside it, `Shape.quotes`); `repeat`, a node drawn
#: again under another claim; `point`, where lines meet; `number`, a relation's number;
#: `key`, `legend`, `panel` (a document), `band` (a topic), `frame` (round reasons that
#: support a claim only jointly), `relation` (a line), `layout`
#: (an invisible element that only holds the layout).
Role = Literal["node", "repeat", "point", "number", "key", "legend", "panel", "band", "frame",
               "relation", "layout"]
#: Which way a map's arguments run: `up`, the theses on top; `right`, the theses on the left
#: and their reasons in columns to the right, as an outline; `auto`, `right` for a map wider
#: than tall when drawn `up`.
Direction = Literal["auto", "up", "right"]


@frozen(kw_only=True)
class Options:
    """How to draw: one value for every choice the command line, the API and the report make.

    >>> Options(full=True).evolve(claims_only=True)
    Options(claims_only=True, full=True, evaluated=False, keyed=True, quotes_inside=False, \
direction='auto', engine='auto', time_limit=60.0)
    """

    #: Leave the evidence out.
    claims_only: bool = False
    #: A comparison's every reason and quote, not only the claims its relations link.
    full: bool = False
    #: The nodes that do not stand marked, as `argmap evaluate` labels them.
    evaluated: bool = False
    #: A comparison's overview with the key of its numbered relations beside it.
    keyed: bool = True
    #: The quotes on which nothing else bears drawn in full inside their claims' boxes;
    #: by default they are folded into the claim (a line says how many, and where), the
    #: quote one hover away, or in a report one click.
    quotes_inside: bool = False
    direction: Direction = "auto"
    #: The layout engine (`auto`, `dot`, `bundled`) and how long it may take, in seconds.
    engine: str = "auto"
    time_limit: float = TIME_LIMIT

    def evolve(self, **changes) -> Options:
        """These options with `changes`."""
        import attrs

        return attrs.evolve(self, **changes)


@frozen
class Shape:
    """A node of the drawing: its DOT `name`, its HTML-like `label` (built from escaped text
    by `labels`), its `style` key (`Scene.styles`), its SVG `id`, its tooltip; `stands_for`,
    the `DOC.NODE` a repeat shows (for links); `quotes`, the `DOC.NODE` and the tooltip of
    each quote drawn inside its box; `extra`, attributes of its own (a faded colour, a
    group)."""

    name: str
    style: str
    label: str | None = None
    id: str | None = None
    title: str | None = None
    role: Role = "node"
    stands_for: str | None = None
    quotes: tuple[tuple[str, str], ...] = ()
    extra: tuple[tuple[str, str], ...] = ()


@frozen
class Line:
    """An edge from `tail` to `head`, in the style `style`; `id` and `title` when it is a line
    a reader sees; `extra`, attributes of its own."""

    tail: str
    head: str
    style: str
    id: str | None = None
    title: str | None = None
    role: Role = "relation"
    extra: tuple[tuple[str, str], ...] = ()


@define
class Group:
    """A subgraph: a cluster (a document's panel, a topic's band, the legend) when `name`
    starts with `cluster`, else a set of shapes on one rank (`rank`), or a plain scope."""

    name: str | None = None
    attributes: dict[str, str] = field(factory=dict)
    id: str | None = None
    title: str | None = None
    role: Role = "panel"
    rank: str | None = None
    #: Shapes, lines and groups, in the order they are written.
    items: list[Shape | Line | Group] = field(factory=list)

    def add(self, item: Shape | Line | Group) -> None:
        self.items.append(item)

    def group(self, name: str | None = None, **kwargs) -> Group:
        """A new group inside this one."""
        group = Group(name, **kwargs)
        self.items.append(group)
        return group

    def walk(self) -> Iterator[Shape | Line | Group]:
        """Every item inside this group, depth first, in order."""
        for item in self.items:
            yield item
            if isinstance(item, Group):
                yield from item.walk()


@define
class Scene:
    """A whole drawing: the graph's attributes, the default attributes of its nodes and edges,
    the style of each style key, and its groups and items (`root`)."""

    attributes: dict[str, str]
    node_defaults: dict[str, str]
    edge_defaults: dict[str, str]
    styles: dict[str, dict[str, str]]
    root: Group = field(factory=Group)
    #: The graph's own tooltip (its SVG id is `argmap`).
    title: str = ""
    #: Tables inside labels that are elements of their own (the legend, the key): their
    #: role and tooltip, by id. Graphviz draws each as an anchor, `svg` makes it a group.
    cells: dict[str, tuple[Role, str]] = field(factory=dict)

    def elements(self) -> Iterator[Shape | Line | Group]:
        """Every shape, line and group."""
        yield from self.root.walk()

    @property
    def titles(self) -> dict[str, str]:
        """The tooltip of each element, by its SVG id; a quote inside a claim's box too."""
        titles = {"argmap": self.title}
        titles.update((name, title) for name, (_, title) in self.cells.items())
        for item in self.elements():
            if item.id is not None and item.title is not None:
                titles[item.id] = item.title
            if isinstance(item, Shape):
                titles.update(item.quotes)
        return titles

    def ids(self, *roles: Role) -> set[str]:
        """The SVG ids of the elements of these roles."""
        return {item.id for item in self.elements() if item.id is not None and item.role in roles}

    def drawn(self) -> set[str]:
        """The `DOC.NODE` of every node drawn, as a box or as a quote inside a box."""
        shown = set()
        for item in self.elements():
            if isinstance(item, Shape) and item.role == "node":
                shown.add(item.name)
                shown.update(quote for quote, _ in item.quotes)
        return shown

    def stands_for(self) -> dict[str, str]:
        """For each node, quote and repeat drawn: its SVG id, and the `DOC.NODE` it shows."""
        found = {}
        for item in self.elements():
            if isinstance(item, Shape) and item.role in ("node", "repeat") and item.id:
                found[item.id] = item.stands_for or item.name
                found.update((quote, quote) for quote, _ in item.quotes)
        return found
