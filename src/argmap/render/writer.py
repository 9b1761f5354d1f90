"""The one writer of DOT: a `Scene` as Graphviz source, every name and attribute quoted here.

A map's many nodes and edges share a handful of styles: each style key's attribute list is
quoted once (`graphviz.quoting.a_list`), rather than every attribute of every node again,
which was most of the time taken for a large map. Labels are HTML-like (`<...>`), which
`a_list` writes as they are: `labels` builds them from escaped text.
"""

from __future__ import annotations

from graphviz.quoting import a_list, quote

from .scene import Group, Line, Scene, Shape

__all__ = ["dot_source"]


def dot_source(scene: Scene) -> str:
    """The DOT of a scene.

    >>> scene = Scene({"rankdir": "BT"}, {}, {}, {"box": {"shape": "box"}})
    >>> scene.root.add(Shape("d.a", "box", label="<A &amp; B>", id="d.a"))
    >>> scene.root.add(Shape("d.b", "box"))
    >>> scene.root.add(Line("d.a", "d.b", "box"))
    >>> print(dot_source(scene).expandtabs(4))
    digraph argmap {
        graph [rankdir=BT]
        "d.a" [label=<A &amp; B> id="d.a" shape=box]
        "d.b" [shape=box]
        "d.a" -> "d.b" [shape=box]
    }
    <BLANKLINE>
    """
    styles = {key: a_list(kwargs=attributes) for key, attributes in scene.styles.items()}
    out = ["digraph argmap {\n"]
    for keyword, attributes in (("graph", scene.attributes), ("node", scene.node_defaults),
                                ("edge", scene.edge_defaults)):
        if attributes:
            out.append(f"\t{keyword} [{a_list(kwargs=attributes)}]\n")
    _write_items(scene.root, styles, out, "\t")
    out.append("}\n")
    return "".join(out)


def _write_items(group: Group, styles: dict[str, str], out: list[str], indent: str) -> None:
    for item in group.items:
        if isinstance(item, Shape):
            out.append(_shape(item, styles, indent))
        elif isinstance(item, Line):
            out.append(_line(item, styles, indent))
        else:
            _write_group(item, styles, out, indent)


def _write_group(group: Group, styles: dict[str, str], out: list[str], indent: str) -> None:
    header = f"subgraph {quote(group.name)} " if group.name else ""
    out.append(f"{indent}{header}{{\n")
    inner = indent + "\t"
    attributes = dict(group.attributes)
    if group.id is not None:
        attributes["id"] = group.id
    if group.rank is not None:
        attributes["rank"] = group.rank
    if attributes:
        out.append(f"{inner}{a_list(kwargs=attributes)}\n")
    _write_items(group, styles, out, inner)
    out.append(f"{indent}}}\n")


def _shape(shape: Shape, styles: dict[str, str], indent: str) -> str:
    # Its own attributes after its style's: Graphviz keeps the last of an attribute given
    # twice, so a faded node's colours override its kind's.
    attributes = " ".join(part for part in (
        a_list(shape.label, kwargs={"id": shape.id}), styles.get(shape.style, ""),
        a_list(kwargs=dict(shape.extra))) if part)
    return f"{indent}{_name(shape.name)} [{attributes}]\n" if attributes else (
        f"{indent}{_name(shape.name)}\n")


def _line(line: Line, styles: dict[str, str], indent: str) -> str:
    attributes = " ".join(part for part in (
        a_list(kwargs={"id": line.id}), styles.get(line.style, ""),
        a_list(kwargs=dict(line.extra))) if part)
    return f"{indent}{_name(line.tail)} -> {_name(line.head)} [{attributes}]\n"


def _name(name: str) -> str:
    """A node's name as a DOT identifier: always quoted, so that `DOC.NODE` and `a/b` are
    one identifier each."""
    quoted = quote(name)
    return quoted if quoted.startswith('"') else f'"{quoted}"'
