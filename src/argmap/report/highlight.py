"""A source text as HTML: each quote a link to its node, each sentence no quote covers marked.

Quotes may overlap one another and cross sentence ends, so the text is cut at every place
where a quote or an unquoted sentence starts or ends, and each piece is wrapped in what
covers it: `<span class="unquoted">` around `<a class="quote">`. A piece covered by several
quotes links to the first and names them all in `data-nodes`; the first piece of each quote
carries its anchor, `quote:DOC.NODE`, which the drawing's node links to.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Mapping

from attrs import frozen

__all__ = ["QuoteSpan", "highlight", "quote_anchor"]


@frozen
class QuoteSpan:
    """Where a quote, or one piece of a quote elided with `...`, is in the original text."""

    start: int
    end: int
    #: The quote's node, `DOC.NODE`: the id of its element in the drawing.
    node: str


def quote_anchor(node: str) -> str:
    """The id of the place in the text where the quote of the evidence `node` starts.

    >>> quote_anchor("fpri.sanctions_quote")
    'quote:fpri.sanctions_quote'
    """
    return f"quote:{node}"


def highlight(text: str, quotes: Iterable[QuoteSpan], unquoted: Iterable[tuple[int, int]],
              shown_by: Mapping[str, tuple[str, ...]] | None = None) -> str:
    """`text` escaped as HTML, with its quotes and unquoted sentences (offsets) marked.

    A quote links to its node; `shown_by` names, for a quote whose node the drawing leaves
    out (a comparison's), the nodes drawn in its stead, which it then links to and lists
    in `data-drawn`.

    >>> print(highlight("A <b>. Rest.", [QuoteSpan(0, 6, "d.e")], [(7, 12)]))
    <a class="quote" href="#d.e" data-nodes="d.e" id="quote:d.e">A &lt;b&gt;.</a> \
<span class="unquoted">Rest.</span>
    >>> print(highlight("one two three", [QuoteSpan(0, 7, "d.a"), QuoteSpan(4, 13, "d.b")], []))
    <a class="quote" href="#d.a" data-nodes="d.a" id="quote:d.a">one </a>\
<a class="quote" href="#d.a" data-nodes="d.a d.b" id="quote:d.b">two</a>\
<a class="quote" href="#d.b" data-nodes="d.b"> three</a>
    >>> print(highlight("quoted", [QuoteSpan(0, 6, "d.e")], [], {"d.e": ("d.c",)}))
    <a class="quote" href="#d.c" data-nodes="d.e" data-drawn="d.c" id="quote:d.e">quoted</a>
    """
    shown_by = shown_by or {}
    spans = sorted((q for q in quotes if q.start < q.end), key=lambda q: (q.start, -q.end))
    gaps = [(start, end) for start, end in unquoted if start < end]
    cuts = sorted({0, len(text), *(q.start for q in spans), *(q.end for q in spans),
                   *(at for gap in gaps for at in gap)})
    anchored: set[str] = set()
    out: list[str] = []
    active: list[QuoteSpan] = []  # the quotes covering the current piece, in order
    waiting = iter(spans)
    following = next(waiting, None)
    gap_index = 0
    for start, end in itertools.pairwise(cuts):
        active = [q for q in active if q.end > start]
        while following is not None and following.start <= start:
            active.append(following)
            following = next(waiting, None)
        while gap_index < len(gaps) and gaps[gap_index][1] <= start:
            gap_index += 1
        piece = html.escape(text[start:end])
        if active:
            nodes = list(dict.fromkeys(q.node for q in active))
            new = [node for node in nodes if node not in anchored]
            anchored.update(new)
            # A second quote starting on this piece gets an empty anchor of its own.
            extra = "".join(f'<span class="anchor" id="{html.escape(quote_anchor(n))}"></span>'
                            for n in new[1:])
            anchor = f' id="{html.escape(quote_anchor(new[0]))}"' if new else ""
            drawn = list(dict.fromkeys(d for node in nodes for d in shown_by.get(node, ())))
            target = nodes[0] if nodes[0] not in shown_by or not drawn else drawn[0]
            stand_ins = f' data-drawn="{html.escape(" ".join(drawn))}"' if drawn else ""
            piece = (f'{extra}<a class="quote" href="#{html.escape(target)}" '
                     f'data-nodes="{html.escape(" ".join(nodes))}"{stand_ins}{anchor}>'
                     f"{piece}</a>")
        if gap_index < len(gaps) and gaps[gap_index][0] <= start:
            piece = f'<span class="unquoted">{piece}</span>'
        out.append(piece)
    return "".join(out)
