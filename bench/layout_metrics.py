"""How well each drawing shows its argument, measured on the laid-out drawing.

    .venv/bin/python bench/layout_metrics.py [--markdown] [PATH...]

draws every map and comparison in PATH (default: `maps/` and `tests/data/render/`) as
`argmap render` draws it (a comparison twice: its default view, and `--full`), lays it out
with Graphviz to its JSON output (`-Tjson`: every node's box, every edge's spline, every
label's text boxes), and reports, per drawing:

- **size**: the drawing's width and height, in points;
- **crossings**: how many times two visible edges that share no node cross (the legend's
  samples left out): two reasons of one claim may meet on their way to it, as graph
  drawing counts crossings;
- **thesis spread** and **claim spread**: how far apart, vertically, the direct reasons
  and objections of a thesis (of any claim) lie, in node heights: 0 when they share a row;
  the worst thesis (claim) of the drawing;
- **overlaps**: edge labels that overlap a node or another label (a comparison's default
  drawing sets each relation's number as a node on its line, which nothing overlaps);
- **through nodes**: edges that pass through a node other than their two ends;
- **cross length**: the mean length of the relations between documents, as a fraction of
  the drawing's diagonal;
- **text at 880 px**: how high the body text (the size most lines of the drawing are set
  in) is when the drawing is shown 880 pixels wide, as a README shows it, in pixels.

and whether the targets hold: a map 0 crossings, spread of every thesis's reasons at most
1, 0 overlaps; a comparison's default view at most 15 crossings, cross length at most 0.2,
0 overlaps, body text at least 9 px at 880 px wide and the whole at most 1,800 px tall there,
and fit to a browser window 1,400 px wide at most three 900-px screens (2,700 px) tall.
Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
from pathlib import Path

from attrs import frozen

ROOT = Path(__file__).resolve().parent.parent



@frozen
class Targets:
    """What a drawing must meet; None where nothing is asked. A drawing is shown `shown_at`
    pixels wide: its body text must be at least `text` pixels high there, and the whole at
    most `height` pixels tall."""

    crossings: int
    thesis_spread: float | None
    overlaps: int | None
    through_nodes: int | None = None
    cross_length: float | None = None
    shown_at: int = 880
    text: float | None = None
    height: float | None = None
    claim_spread: float | None = None
    #: Relation numbers increase down the page; the theses stand in its top fifth.
    reads_down: bool = False
    #: The tallest stretch of the drawing with no node, in node heights.
    empty_band: float | None = None
    #: Also shown `also_at` pixels wide, at most `also_height` pixels tall (a comparison:
    #: fit to a browser window 1,400 pixels wide, three 900-pixel screens at most).
    also_at: int | None = None
    also_height: float | None = None


#: Every map, shown in a browser window 1,400 pixels wide: three 900-pixel screens at most.
MAP_TARGETS = Targets(crossings=0, thesis_spread=1.0, overlaps=0, through_nodes=0,
                      shown_at=1400, text=10.0, height=2700, claim_spread=0.01)
#: The default view of a comparison, which the README shows 880 pixels wide.
COMPARISON_TARGETS = Targets(crossings=5, thesis_spread=None, overlaps=0, cross_length=0.2,
                             shown_at=880, text=9.0, height=1800, reads_down=True,
                             also_at=1400, also_height=2700)
#: A comparison drawn in full: a picture, few crossings, no empty band.
FULL_TARGETS = Targets(crossings=40, thesis_spread=None, overlaps=None, empty_band=2.0)

Box = tuple[float, float, float, float]  # left, bottom, right, top
Point = tuple[float, float]


@frozen
class Metrics:
    """What `measure` finds in one laid-out drawing."""

    width: float
    height: float
    crossings: int
    thesis_spread: float
    claim_spread: float
    overlaps: int
    through_nodes: int
    cross_length: float | None
    body_text_at_880: float
    #: Whether the relation numbers increase down the page (None: no numbers), and how far
    #: down the lowest thesis stands, as a fraction of the height.
    numbers_in_order: bool | None = None
    theses_down: float = 0.0
    empty_band: float = 0.0

    def text_at(self, pixels: int) -> float:
        """The body text's height in pixels, the drawing shown `pixels` wide."""
        return self.body_text_at_880 * pixels / 880

    def height_at(self, pixels: int) -> float:
        """The drawing's height in pixels, shown `pixels` wide."""
        return self.height * pixels / self.width

    def misses(self, targets: Targets) -> list[str]:
        """The targets this drawing misses, in words."""
        missed = []
        if self.crossings > targets.crossings:
            missed.append(f"{self.crossings} crossings > {targets.crossings}")
        if targets.thesis_spread is not None and self.thesis_spread > targets.thesis_spread:
            missed.append(f"thesis spread {self.thesis_spread:.2f} > {targets.thesis_spread}")
        if targets.overlaps is not None and self.overlaps > targets.overlaps:
            missed.append(f"{self.overlaps} overlaps > {targets.overlaps}")
        if targets.through_nodes is not None and self.through_nodes > targets.through_nodes:
            missed.append(f"{self.through_nodes} edges through nodes > {targets.through_nodes}")
        if targets.cross_length is not None and (self.cross_length or 0) > targets.cross_length:
            missed.append(f"cross length {self.cross_length:.2f} > {targets.cross_length}")
        at = targets.shown_at
        if targets.text is not None and self.text_at(at) < targets.text:
            missed.append(f"text {self.text_at(at):.1f} px < {targets.text} at {at} px")
        if targets.height is not None and self.height_at(at) > targets.height:
            missed.append(f"{self.height_at(at):.0f} px tall > {targets.height} at {at} px")
        if targets.also_at is not None and targets.also_height is not None and (
                self.height_at(targets.also_at) > targets.also_height):
            missed.append(f"{self.height_at(targets.also_at):.0f} px tall > "
                          f"{targets.also_height} at {targets.also_at} px")
        if targets.claim_spread is not None and self.claim_spread > targets.claim_spread:
            missed.append(f"claim spread {self.claim_spread:.2f} > {targets.claim_spread}")
        if targets.reads_down and self.numbers_in_order is False:
            missed.append("relation numbers out of order down the page")
        if targets.reads_down and self.theses_down > 0.2:
            missed.append(f"a thesis {self.theses_down:.0%} down the page > 20%")
        if targets.empty_band is not None and self.empty_band > targets.empty_band:
            missed.append(f"empty band {self.empty_band:.1f} node heights > {targets.empty_band}")
        return missed


def measure(layout: dict) -> Metrics:
    """The metrics of a drawing, from Graphviz's JSON output of it."""
    objects = {o["_gvid"]: o for o in layout.get("objects", []) if "pos" in o}
    boxes = {gvid: _node_box(o) for gvid, o in objects.items()}
    names = {gvid: o["name"] for gvid, o in objects.items()}
    edges = [e for e in layout.get("edges", []) if "invis" not in e.get("style", "")
             and not names[e["tail"]].startswith("legend/") and "pos" in e]
    lines = {e["_gvid"]: _polyline(e["pos"]) for e in edges}
    crossings = 0
    for i, first in enumerate(edges):
        for second in edges[i + 1:]:
            # As graph drawing counts them: edges that share a node (two reasons of one
            # claim) may meet on their way to it, which is no crossing.
            if not {first["tail"], first["head"]} & {second["tail"], second["head"]}:
                crossings += len(_intersections(lines[first["_gvid"]], lines[second["_gvid"]]))
    thesis_spread, claim_spread = _spreads(objects, boxes, edges,
                                           layout.get("rankdir") in ("LR", "RL"))
    labels = [box for e in edges for box in [_label_box(e)] if box is not None]
    overlaps = sum(1 for label in labels for box in boxes.values() if _overlap(label, box))
    overlaps += sum(1 for i, a in enumerate(labels) for b in labels[i + 1:] if _overlap(a, b))
    through = sum(1 for e in edges for gvid, box in boxes.items()
                  if gvid not in (e["tail"], e["head"]) and _crosses_box(lines[e["_gvid"]], box))
    left, bottom, right, top = (float(v) for v in layout["bb"].split(","))
    # A relation between documents (its id `KIND:DOC.NODE:DOC.NODE`) may be drawn in two
    # halves meeting at its number (`KIND:…` and `KIND:…/to`): its length is theirs.
    cross: dict[str, float] = {}
    for edge in edges:
        if ":" in edge.get("id", ""):
            relation = edge["id"].split("/")[0]
            cross[relation] = cross.get(relation, 0.0) + _length(lines[edge["_gvid"]])
    diagonal = math.hypot(right - left, top - bottom)
    # A relation's number is a node `relation/N` in a comparison's default view.
    numbers = sorted((int(o["name"].split("/")[1]), boxes[gvid])
                     for gvid, o in objects.items() if o["name"].startswith("relation/"))
    in_order = (all(a[1][1] > b[1][1] for a, b in itertools.pairwise(numbers))
                if numbers else None)
    theses = [boxes[gvid] for gvid, o in objects.items()
              if _is_thesis(o) and not o["name"].startswith("repeat:")]
    theses_down = max(((top - box[3]) / (top - bottom) for box in theses), default=0.0)
    return Metrics(right - left, top - bottom, crossings, thesis_spread, claim_spread, overlaps,
                   through, sum(cross.values()) / len(cross) / diagonal if cross else None,
                   _body_size(objects.values()) * 880 / (right - left), in_order, theses_down,
                   _empty_band(list(boxes.values()), bottom, top))


def _empty_band(boxes: list[Box], bottom: float, top: float) -> float:
    """The tallest horizontal band of the drawing that no node reaches into, in heights of
    the median node (the margins above the first node and below the last left out)."""
    if not boxes:
        return 0.0
    spans = sorted((box[1], box[3]) for box in boxes)
    heights = sorted(box[3] - box[1] for box in boxes)
    median = heights[len(heights) // 2] or 1.0
    widest, reach = 0.0, spans[0][1]
    for low, high in spans[1:]:
        widest = max(widest, low - reach)
        reach = max(reach, high)
    return widest / median


def _body_size(nodes) -> float:
    """The font size, in points, of the most lines of the nodes' labels. Shown `w` pixels
    wide, a drawing `W` points wide sets a size of `s` points at `s * w / W` pixels (a
    point being 4/3 pixels at 100%, the factors cancel)."""
    lines: dict[float, int] = {}
    for node in nodes:
        size = 14.0
        for op in node.get("_ldraw_", []):
            if op["op"] == "F":
                size = float(op["size"])
            elif op["op"] == "T":
                lines[size] = lines.get(size, 0) + 1
    return max(lines, key=lambda size: (lines[size], size)) if lines else 14.0


def _node_box(node: dict) -> Box:
    x, y = (float(v) for v in node["pos"].split(","))
    half_width, half_height = float(node["width"]) * 36, float(node["height"]) * 36
    return x - half_width, y - half_height, x + half_width, y + half_height


def _spreads(objects: dict, boxes: dict, edges: list[dict],
             across: bool = False) -> tuple[float, float]:
    """The widest vertical spread of the direct reasons of a thesis, and of any claim, in
    heights of the tallest of those reasons. A relation between documents is not a reason."""
    reasons: dict[int, list[int]] = {}
    for edge in edges:
        if ":" not in edge.get("id", ""):
            reasons.setdefault(edge["head"], []).append(edge["tail"])
    thesis = claim = 0.0
    # Ranks are rows, or in an outline (`rankdir=LR` or `RL`) columns: the spread is
    # measured across them, in the sizes of the reasons that way.
    axis = 0 if across else 1
    for head, tails in reasons.items():
        centres = [(boxes[t][axis] + boxes[t][axis + 2]) / 2 for t in tails]
        tallest = max(boxes[t][axis + 2] - boxes[t][axis] for t in tails)
        spread = round((max(centres) - min(centres)) / tallest, 3) if tallest else 0.0
        claim = max(claim, spread)
        if _is_thesis(objects[head]):
            thesis = max(thesis, spread)
    return thesis, claim


def _is_thesis(node: dict) -> bool:
    # Theses are the only nodes filled with the thesis colour.
    return node.get("fillcolor") == "#17375e"


def _polyline(spline: str) -> list[Point]:
    """Graphviz's `pos` of an edge (B-spline control points, with optional end points)
    sampled as a polyline."""
    points: list[Point] = []
    for part in spline.split(";")[0].split():
        if part[:2] in ("e,", "s,"):
            continue
        x, y = part.split(",")[:2]
        points.append((float(x), float(y)))
    line = [points[0]]
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i:i + 4]
        for step in range(1, 9):
            t = step / 8
            u = 1 - t
            x_at, y_at = (u ** 3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t ** 3 * d
                          for a, b, c, d in zip(p0, p1, p2, p3))
            line.append((x_at, y_at))
    return line


def _crosses_box(line: list[Point], box: Box) -> bool:
    """Whether a polyline passes through a box (by more than a point: an edge may graze
    a node)."""
    inner = (box[0] + 1, box[1] + 1, box[2] - 1, box[3] - 1)
    if not _overlap(_bounds(line), inner, by=-0.01):
        return False
    corners = [(inner[0], inner[1]), (inner[2], inner[1]), (inner[2], inner[3]),
               (inner[0], inner[3])]
    sides = list(zip(corners, corners[1:] + corners[:1]))
    return any(inner[0] < x < inner[2] and inner[1] < y < inner[3] for x, y in line) or any(
        _crossing(a, b, c, d) is not None for a, b in itertools.pairwise(line) for c, d in sides)


def _length(line: list[Point]) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(line))


def _intersections(first: list[Point], second: list[Point]) -> list[Point]:
    """Where two polylines cross."""
    found = []
    bounds = _bounds(second)
    for a, b in itertools.pairwise(first):
        if not _overlap(_bounds([a, b]), bounds, by=-0.01):
            continue
        for c, d in itertools.pairwise(second):
            point = _crossing(a, b, c, d)
            if point is not None:
                found.append(point)
    # A crossing on a vertex shared by two segments is found twice.
    return [p for i, p in enumerate(found) if all(math.dist(p, q) > 1 for q in found[:i])]


def _crossing(a: Point, b: Point, c: Point, d: Point) -> Point | None:
    r = (b[0] - a[0], b[1] - a[1])
    s = (d[0] - c[0], d[1] - c[1])
    denominator = r[0] * s[1] - r[1] * s[0]
    if abs(denominator) < 1e-9:
        return None
    t = ((c[0] - a[0]) * s[1] - (c[1] - a[1]) * s[0]) / denominator
    u = ((c[0] - a[0]) * r[1] - (c[1] - a[1]) * r[0]) / denominator
    if 0 <= t <= 1 and 0 <= u <= 1:
        return a[0] + t * r[0], a[1] + t * r[1]
    return None


def _bounds(points: list[Point]) -> Box:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _overlap(a: Box, b: Box, by: float = 1.0) -> bool:
    """Whether two boxes overlap by more than `by` points both ways (a negative `by` counts
    boxes that touch)."""
    return min(a[2], b[2]) - max(a[0], b[0]) > by and min(a[3], b[3]) - max(a[1], b[1]) > by


def _label_box(edge: dict) -> Box | None:
    """The box of an edge's label (or xlabel), from the text and lines Graphviz draws."""
    points: list[Point] = []
    for key in ("_ldraw_", "_xldraw_"):
        size = 14.0
        for op in edge.get(key, []):
            if op["op"] == "F":
                size = float(op["size"])
            elif op["op"] == "T":
                x, y = op["pt"]
                width = float(op["width"])
                left = {"l": x, "c": x - width / 2, "r": x - width}[op["align"]]
                points += [(left, y - size * 0.25), (left + width, y + size * 0.75)]
            elif "points" in op:
                points += [tuple(p) for p in op["points"]]
    return _bounds(points) if points else None


def lay_out_all(paths: list[str]) -> list[tuple[str, str, dict]]:
    """Each drawing of the maps and comparisons in `paths`: its file, its view
    (`map`, `comparison`, `comparison --full`) and its layout as JSON."""
    from argmap.lint import select_files
    from argmap.render.dot import draw_comparison, draw_map
    from argmap.render.layout import find_engine, lay_out
    from argmap.render.scene import Options
    from argmap.semantics import ComparisonSemantics, Resolver

    engine = find_engine("auto")
    resolver = Resolver()
    drawn = []
    for path in select_files(paths):
        semantics = resolver.of(resolver.load(path))
        if isinstance(semantics, ComparisonSemantics):
            views = [("comparison", draw_comparison(semantics)),
                     ("comparison --full", draw_comparison(semantics, Options(full=True)))]
        else:
            views = [("map", draw_map(semantics))]
        for view, drawing in views:
            output, _ = lay_out(drawing.source, "json", engine, 120, path)
            # Graphviz's JSON writer follows a table cell's dashed or dotted style with
            # whatever bytes lie after it in memory: not text, and nothing measured here.
            drawn.append((path, view, json.loads(output.decode("utf-8", "replace"), strict=False)))
    return drawn


def main(argv: list[str] | None = None) -> int:
    from tables import print_table  # run as a script: bench/, not a package, is on sys.path

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*",
                        default=[str(ROOT / "maps"), str(ROOT / "tests" / "data" / "render")])
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    rows = []
    missed_any = False
    for path, view, layout in lay_out_all(args.paths):
        metrics = measure(layout)
        targets = {"map": MAP_TARGETS, "comparison": COMPARISON_TARGETS,
                   "comparison --full": FULL_TARGETS}[view]
        missed = metrics.misses(targets) if targets else []
        missed_any |= bool(missed)
        verdict = "met" if not missed else "; ".join(missed)
        length = "" if metrics.cross_length is None else f"{metrics.cross_length:.2f}"
        at = targets.shown_at
        also = (f"; {metrics.height_at(targets.also_at):.0f} @{targets.also_at}"
                if targets.also_at is not None else "")
        rows.append((str(Path(path).resolve().relative_to(ROOT)), view,
                     f"{metrics.width:.0f} × {metrics.height:.0f}", str(metrics.crossings),
                     f"{metrics.claim_spread:.2f}", str(metrics.overlaps), length,
                     f"{metrics.text_at(at):.1f} × {metrics.height_at(at):.0f} @{at}{also}",
                     {None: "", True: "yes", False: "no"}[metrics.numbers_in_order],
                     f"{metrics.empty_band:.1f}", verdict))
    header = ("drawing", "view", "size (pt)", "crossings", "claim spread", "overlaps",
              "cross length", "text px × height px @ width", "numbers down", "empty band",
              "targets")
    print_table(header, rows, args.markdown)
    return 1 if missed_any else 0


if __name__ == "__main__":
    sys.exit(main())
