"""Every text of a drawing, faded or not, has at least 4.5:1 contrast with what it is set on
(WCAG AA): computed from the palette, and from the DOT of every drawing of the test maps and
of `maps/`, plain and `--evaluate`d."""

from __future__ import annotations

import re

import pytest

from argmap.cli import main
from argmap.lexicon import NodeKind
from argmap.render.style import (
    CROSS_STYLES,
    EVALUATED_FILL,
    EVALUATED_INK,
    INK,
    MUTED,
    NODE_STYLES,
    PANEL_FILL,
    contrast,
)
from argmap.render.texts import note_colour
from conftest import DATA, ROOT

AA = 4.5
DRAWINGS = sorted((DATA / "render").glob("*.arg")) + sorted((ROOT / "maps").glob("*.arg"))


def test_the_palette_sets_every_text_at_4_5_to_1():
    pairs = []
    for kind, style in NODE_STYLES.items():
        pairs += [(style.font_colour, style.fill), (note_colour(kind), style.fill)]
    pairs += [(INK, NODE_STYLES[NodeKind.EVIDENCE].fill)]  # a quote inside a claim's box
    pairs += [(ink, EVALUATED_FILL) for ink in EVALUATED_INK.values()]
    pairs += [(MUTED, background) for background in ("#ffffff", PANEL_FILL)]
    pairs += [(style.ink, background) for style in CROSS_STYLES.values()
              for background in ("#ffffff", PANEL_FILL)]
    low = [(text, background, round(contrast(text, background), 2))
           for text, background in pairs if contrast(text, background) < AA]
    assert low == []


def test_contrast_fails_what_it_should():
    assert contrast("#9aa3ab", EVALUATED_FILL) < AA  # the old faded note: 2.2:1
    assert contrast("#e69f00", "#ffffff") < AA  # orange text on white


# A node statement with a fill; its label's fonts and cells.
_NODE = re.compile(r'^\s*"[^"]+" \[label=<(?P<label>.*)> (?P<attributes>.*)\]$')
_TOKEN = re.compile(r'<TD[^>]*?BGCOLOR="(?P<cell>#[0-9a-f]{6})"|</TD>'
                    r'|<FONT[^>]*?COLOR="(?P<font>#[0-9a-f]{6})"')


def _texts_on_fills(dot: str) -> list[tuple[str, str]]:
    """(text colour, the fill it is set on) for every coloured text of every filled node."""
    pairs = []
    for line in dot.splitlines():
        node = _NODE.match(line)
        if node is None:
            continue
        attributes = dict(re.findall(r'(\w+)="?([^" ]+)"?', node.group("attributes")))
        fill = attributes.get("fillcolor")
        if fill is None or "filled" not in attributes.get("style", ""):
            continue
        pairs.append((attributes.get("fontcolor", "#000000"), fill))
        background = fill
        for token in _TOKEN.finditer(node.group("label")):
            if token.group("cell"):
                background = token.group("cell")
            elif token.group("font"):
                pairs.append((token.group("font"), background))
            else:
                background = fill
    return pairs


@pytest.mark.parametrize("options", [(), ("--evaluate",), ("--full", "--evaluate")],
                         ids=["plain", "evaluated", "full"])
def test_every_text_drawn_has_4_5_to_1_on_its_fill(tmp_path, capsys, options):
    assert main(["render", "--format", "dot", "-o", str(tmp_path), *options,
                 *map(str, DRAWINGS)]) == 0
    capsys.readouterr()
    pairs = [pair for path in sorted(tmp_path.glob("*.dot"))
             for pair in _texts_on_fills(path.read_text(encoding="utf-8"))]
    assert len(pairs) > 100
    low = sorted({(text, fill, round(contrast(text, fill), 2)) for text, fill in pairs
                  if contrast(text, fill) < AA})
    assert low == []
