"""A topic that groups nothing.

A `topic "Name"` line groups the nodes of a map, or the relations of a comparison, that
follow it up to the next topic. One followed at once by another topic, or by the end of the
file, groups nothing: a heading left behind when its nodes moved, and drawn as an empty
band.

```arg
document d "A document" { source "d.txt" }
topic "Sanctions"
topic "Russia and China"
thesis main "Russia and China act together."
```
"""

from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import Position, Topic, topic_spans
from ...semantics import ComparisonSemantics, MapSemantics

NAME = "empty-topic"
CODE = "AM107"
SEVERITY = Severity.WARNING
PARTIAL = True


def check_map(context: MapSemantics):
    yield from _check(context.map.topics, len(context.map.nodes), "nodes")


def check_comparison(context: ComparisonSemantics):
    comparison = context.comparison
    yield from _check(comparison.topics, len(comparison.relations), "relations")


def _check(topics: tuple[Topic, ...], count: int, items: str) -> Iterator[tuple[Position, str]]:
    for topic, members in topic_spans(topics, count):
        if not members:
            yield topic.position, (f"topic \"{topic.name}\" groups no {items}: the next topic "
                                   "or the end of the file follows it at once")
