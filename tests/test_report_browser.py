"""`argmap report` pages in a real browser: Playwright driving Debian's Chromium.

The browser is `/usr/bin/chromium` (`apt-get install chromium`), or the one `CHROMIUM`
names: Playwright's own download is not used. Where there is no such browser the tests
are skipped, except in CI (`CI` set), where that is a failure.
"""

from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.render.style import PAGE_COLOURS
from conftest import DATA, ROOT, require_module, require_tool

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Headless, as root, with every connection of Chromium's own (updates, sync, metrics) off:
# a test sees the requests of the page and nothing else.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser():
    executable = require_tool(CHROMIUM, "apt-get install chromium")
    playwright_api = require_module("playwright.sync_api", "pip install 'argmap[test]'")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    """The reports of maps/."""
    folder = tmp_path_factory.mktemp("reports")
    assert main(["report", str(ROOT / "maps"), "-o", str(folder)]) == 0
    return folder


class Watched:
    """A page, and what it did besides showing: requests, dialogs, console messages, errors."""

    def __init__(self, browser, url: str, viewport=DESKTOP, javascript: bool = True):
        self.context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", self._dialog)
        self.page.on("console",
                     lambda message: self.console.append(f"{message.type}: {message.text}"))
        self.page.on("pageerror", lambda error: self.console.append(f"error: {error}"))
        self.page.goto(url)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def open_page(browser):
    opened: list[Watched] = []

    def open_(path: Path, fragment: str = "", **options) -> Watched:
        url = path.as_uri() + (f"#{fragment}" if fragment else "")
        opened.append(Watched(browser, url, **options))
        return opened[-1]

    yield open_
    for watched in opened:
        watched.close()


# Whether the middle of an element is on the screen: inside the window and inside every box
# around it that clips what overflows it (the drawing's viewport, a text, a pane).
IN_VIEW = """element => {
  const box = element.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const inside = (outer) => x > outer.left && x < outer.right && y > outer.top && y < outer.bottom;
  if (box.width === 0 || !inside({left: 0, top: 0, right: innerWidth, bottom: innerHeight})) {
    return false;
  }
  for (let outer = element.parentElement; outer; outer = outer.parentElement) {
    if (getComputedStyle(outer).overflow !== "visible" && !inside(outer.getBoundingClientRect())) {
      return false;
    }
  }
  return true;
}"""


def in_view(page, selector: str) -> bool:
    return page.locator(selector).first.evaluate(IN_VIEW)


def wait_in_view(page, selector: str) -> None:
    """Panzoom moves the drawing at the next frame: wait for it."""
    element = page.locator(selector).first.element_handle()
    # Generous: the page pans with an animation, which a busy machine slows.
    page.wait_for_function(IN_VIEW, arg=element, timeout=20000)


def rgb(colour: str) -> str:
    """A `#rrggbb` colour as a computed style gives it.

    >>> rgb("#ff8000")
    'rgb(255, 128, 0)'
    """
    return "rgb({}, {}, {})".format(*(int(colour[i:i + 2], 16) for i in (1, 3, 5)))


# The size in pixels at which the drawing shows its body text: the font size of its most
# frequent size, times the scale from the drawing's units to the screen.
TEXT_SIZE = """() => {
  const texts = [...document.querySelectorAll("svg.drawing g.node text")];
  const sizes = texts.map(t => Number(t.getAttribute("font-size")));
  const body = sizes.sort((a, b) => sizes.filter(s => s === b).length
                                  - sizes.filter(s => s === a).length)[0];
  const text = texts.find(t => Number(t.getAttribute("font-size")) === body);
  return body * text.getBoundingClientRect().width / text.getBBox().width;
}"""


def drawing_text_size(page) -> float:
    return page.evaluate(TEXT_SIZE)


def node(name: str) -> str:
    """A node of the drawing, or a quote drawn inside its claim's box."""
    return f'g:is(.node, .quote)[id="{name}"]'


def link(name: str) -> str:
    """The link of a node of the drawing (not those of the quotes inside its box)."""
    return f"{node(name)} > a.node-link"


def quote(name: str) -> str:
    return f'a.quote[id="quote:{name}"]'


def test_clicking_a_quote_highlights_and_shows_its_node(open_page, pages):
    watched = open_page(pages / "fpri.html")
    page = watched.page
    # A quote drawn inside the box of the claim it supports.
    evidence = "fpri.china_half_hearted_quote"
    assert page.locator(f'g.node[id="fpri.china_half_hearted"] > g.quote[id="{evidence}"]').count()
    def width() -> float:
        return page.locator(node(evidence)).bounding_box()["width"]

    page.locator(quote(evidence)).click()
    wait_in_view(page, node(evidence))
    assert page.locator(".selected").evaluate_all("els => els.map(e => e.id)") == [
        evidence, f"quote:{evidence}"]
    # Zoomed in until its text is legible (12 pixels, as the drawing starts), and no
    # further, so that what is around it shows too: a line of it 12 to 24 pixels high (its
    # letters' box), the node a fifth to a half of the pane's width.
    line = page.locator(f'{node(evidence)} text').first.bounding_box()["height"]
    assert 12 <= line <= 24
    assert drawing_text_size(page) >= 11.5
    assert 0.2 < width() / page.locator(".viewport").bounding_box()["width"] < 0.5
    assert watched.console == [] and watched.dialogs == []
    assert watched.requests == [(pages / "fpri.html").as_uri()]


def test_clicking_a_node_shows_its_quote_in_the_text(open_page, pages):
    watched = open_page(pages / "eastwest.html")
    page = watched.page
    # The last quote of the text: out of view until its node is selected.
    evidence = page.locator("a.quote").last.get_attribute("data-nodes").split()[0]
    assert not in_view(page, quote(evidence))
    page.locator("button[data-zoom=fit]").click()  # the whole drawing in the pane
    page.locator(link(evidence)).click()
    wait_in_view(page, quote(evidence))
    assert page.locator(f"{node(evidence)}.selected").count() == 1
    assert page.locator(f"{quote(evidence)}.selected").count() == 1


def test_clicking_a_claim_shows_the_quotes_of_the_evidence_below_it(open_page, pages):
    page = open_page(pages / "fpri.html").page
    claim = "fpri.sanctions_insufficient"
    page.locator("button[data-zoom=fit]").click()  # the whole drawing in the pane
    # Its own text: the middle of its box is the quote drawn inside it.
    page.locator(f"{link(claim)} > text").first.click()
    assert page.locator(".selected").first.get_attribute("id") == claim
    selected = set(page.locator("a.quote.selected").evaluate_all(
        "els => els.map(e => e.dataset.nodes)"))
    # Its own quote, and the quotes of the premises that support it; not the quote of a
    # premise that only explains it (`sanctions_evaded`): that is no evidence for it.
    assert {"fpri.sanctions_insufficient_quote", "fpri.new_sanctions_weak_quote"} <= selected
    assert "fpri.engage_russia_quote" not in selected
    assert "fpri.sanctions_evaded_quote" not in selected


def test_clicking_a_relation_shows_both_claims_and_their_quotes(open_page, pages):
    page = open_page(pages / "fpri-vs-eastwest.html").page
    row = page.locator("tr.relation").nth(5)
    first, second = row.get_attribute("data-nodes").split()
    row.click()
    for name in (first, second):
        wait_in_view(page, f"{node(name)}.selected")
    # Its two lines and its number between them.
    line, number, other = row.get_attribute("data-edges").split()
    assert number == f"{line}/number" and other == f"{line}/to"
    for name in (line, other):
        assert page.locator(f'g.edge[id="{name}"].selected').count() == 1
    assert page.locator(f'g.node[id="{number}"].selected').count() == 1
    assert page.locator(f'g.node[id="{number}"] text').text_content() == row.locator(
        "td.number").inner_text()
    # Each text is scrolled to its first quote of the two claims' own (marked stronger than
    # those of the evidence further below), or else to its first quote further below.
    for document in ("fpri", "eastwest"):
        pane = f'.source[id="text:{document}"]'
        assert page.locator(f"{pane} a.quote.selected").count() > 0
        own = f"{pane} a.quote.selected:not(.below)"
        wait_in_view(page, own if page.locator(own).count() else f"{pane} a.quote.selected")
    assert "selected" in row.get_attribute("class")


def test_a_quote_cell_is_filled_and_its_claim_is_not_outlined(open_page, pages):
    page = open_page(pages / "fpri.html").page
    evidence = "fpri.china_half_hearted_quote"
    page.locator(quote(evidence)).click()
    cell = page.locator(f'g.quote[id="{evidence}"] polygon[stroke="none"]')
    wait_in_view(page, f'g.quote[id="{evidence}"]')
    assert cell.evaluate("e => getComputedStyle(e).fill") == rgb(PAGE_COLOURS["pick-strong"])
    outline = page.locator(f'{link("fpri.china_half_hearted")} > polygon').first
    assert outline.evaluate("e => getComputedStyle(e).strokeWidth") != "7px"
    # Selecting the claim outlines it, and leaves the quotes inside it as they are.
    page.locator(f'{link("fpri.china_half_hearted")} > text').first.click()
    assert outline.evaluate("e => getComputedStyle(e).strokeWidth") == "7px"
    assert cell.evaluate("e => getComputedStyle(e).fill") != rgb(PAGE_COLOURS["pick-strong"])
    assert page.locator(f"{quote(evidence)}.selected").count() == 1


def test_clicking_a_repeated_node_selects_the_node(open_page, pages):
    page = open_page(pages / "fpri.html").page
    repeat = 'g.node[id="repeat:fpri.moscow_wants_role@fpri.deal_making_usable"]'
    page.locator("button[data-zoom=fit]").click()
    page.locator("button[data-zoom=in]").click()
    page.locator(f"{repeat} > a.node-link").click()
    assert page.locator(".selected").first.get_attribute("id") == "fpri.moscow_wants_role"
    wait_in_view(page, f'{node("fpri.moscow_wants_role")}.selected')


def test_selecting_during_a_zoom_shows_the_node(open_page, pages):
    """A zoom animates; a node selected before it ends is still brought into view."""
    page = open_page(pages / "fpri.html").page
    link_of_repeat = 'g.node[id="repeat:fpri.moscow_wants_role@fpri.deal_making_usable"] > a'
    # Both in one task, so that the click lands while the zoom has not yet been drawn.
    page.evaluate("""selector => {
      document.querySelector("button[data-zoom=in]").click();
      document.querySelector(selector).dispatchEvent(new MouseEvent("click", {bubbles: true}));
    }""", link_of_repeat)
    wait_in_view(page, f'{node("fpri.moscow_wants_role")}.selected')


def test_a_comparison_quote_selects_the_claim_drawn_for_it(open_page, pages):
    page = open_page(pages / "fpri-vs-eastwest.html").page
    # The overview draws the claims the relations link, not the evidence under them.
    evidence = "fpri.sanctions_insufficient_quote"
    assert page.locator(node(evidence)).count() == 0
    mark = page.locator(quote(evidence))
    assert mark.get_attribute("data-drawn") == "fpri.sanctions_insufficient"
    mark.click()
    wait_in_view(page, f'{node("fpri.sanctions_insufficient")}.selected')
    assert page.locator(f"{quote(evidence)}.selected").count() == 1
    # The status line names the claim by its text, not its id.
    assert page.locator(".status").inner_text().startswith(
        "This quote (not drawn) bears on “Sanctions, though important in pressuring…” — ")
    # The relations of that claim are marked in the table, and the first is scrolled to.
    related = page.locator("tr.relation.related")
    assert related.count() == page.locator(
        'tr.relation[data-nodes~="fpri.sanctions_insufficient"]').count() > 0
    wait_in_view(page, "tr.relation.related")


def test_a_comparison_starts_legible_at_its_first_thesis_and_fit_shows_it_whole(
        open_page, pages):
    """Whole, the comparison's two long columns would be too small to read: the drawing
    starts zoomed until its text is legible, at the first thesis, and `Fit` shows all of it."""
    page = open_page(pages / "fpri-vs-eastwest.html").page
    graph, viewport = page.locator("svg.drawing > g#argmap"), page.locator(".viewport")
    page.wait_for_function("() => document.querySelector('.canvas').style.transform !== ''")
    assert drawing_text_size(page) >= 11
    wait_in_view(page, node("fpri.engage_russia"))
    assert graph.bounding_box()["height"] > 2 * viewport.bounding_box()["height"]
    page.locator("button[data-zoom=fit]").click()
    page.wait_for_function("""([g, v]) => g.getBoundingClientRect().height
                              <= v.getBoundingClientRect().height + 1""",
                           arg=[graph.element_handle(), viewport.element_handle()])


def test_clicking_a_relation_number_selects_its_row(open_page, pages):
    page = open_page(pages / "fpri-vs-eastwest.html").page
    row = page.locator("tr.relation").last
    line = row.get_attribute("data-edges").split()[0]
    page.locator("button[data-zoom=fit]").click()  # the whole drawing: the last number too
    page.locator(f'g.node[id="{line}/number"] > a.relation-link').click()
    wait_in_view(page, f'tr.relation.selected[id="{row.get_attribute("id")}"]')
    assert page.locator(f'g.edge[id="{line}"].selected').count() == 1
    # As its row does, the number brings both claims into view.
    for name in row.get_attribute("data-nodes").split():
        wait_in_view(page, f"{node(name)}.selected")


def test_a_claim_marks_its_own_quotes_stronger_than_those_further_below(open_page, pages):
    """A thesis rests on nearly every quote of its text: its own, and those of the evidence
    that supports it directly, stand out from the rest."""
    page = open_page(pages / "fpri.html").page
    page.locator(f'{link("fpri.engage_russia")} > text').first.click()
    strong = page.locator("a.quote.selected:not(.below)")
    assert strong.count() >= 1
    assert {strong.nth(i).get_attribute("data-nodes") for i in range(strong.count())} == {
        "fpri.engage_russia_quote"}
    assert page.locator("a.quote.selected.below").count() > 10
    assert "1 quote marked in the text, and " in page.locator(".status").inner_text()
    # A premise with no evidence further below marks its quotes alike.
    page.locator(quote("fpri.sanctions_evaded_quote")).click()
    page.locator(f'{link("fpri.sanctions_evaded")} > text').first.click()
    assert page.locator("a.quote.selected").count() >= 1
    assert page.locator("a.quote.selected.below").count() == 0


def test_the_status_line_says_what_to_select_and_escape_clears_a_selection(open_page, pages):
    page = open_page(pages / "fpri.html").page
    status = page.locator(".status")
    page.wait_for_function("() => document.querySelector('.status').textContent !== ''")
    assert status.inner_text() == "Select a quote or a node to see it on the other side"
    page.locator(quote("fpri.china_half_hearted_quote")).click()
    assert "1 quote marked in the text" in status.inner_text()
    page.keyboard.press("Escape")
    assert page.locator(".selected").count() == 0
    assert status.inner_text().startswith("Select a quote")
    comparison = open_page(pages / "fpri-vs-eastwest.html").page
    comparison.locator("tr.relation").first.click()
    assert "marked in the texts" in comparison.locator(".status").inner_text()


def test_a_page_opened_at_a_node_selects_it(open_page, pages):
    page = open_page(pages / "fpri.html", fragment="fpri.sanctions_evaded").page
    wait_in_view(page, f'{node("fpri.sanctions_evaded")}.selected')
    assert page.locator(f'{quote("fpri.sanctions_evaded_quote")}.selected').count() == 1


def test_a_comparison_opened_at_a_relation_selects_it(open_page, pages):
    page = open_page(pages / "fpri-vs-eastwest.html", fragment="relation:4").page
    row = page.locator('tr.relation[id="relation:4"]')
    for name in row.get_attribute("data-nodes").split():
        wait_in_view(page, f"{node(name)}.selected")
    assert "selected" in row.get_attribute("class")


def test_a_finding_on_a_relation_selects_its_row(open_page, tmp_path):
    for name in ("harbour.arg", "harbour.txt", "ferry.arg", "ferry.txt"):
        (tmp_path / name).write_text((DATA / "render" / name).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    # A relation within one document: an error, lowered to a warning here.
    (tmp_path / "argmap.toml").write_text('[rules]\ninvalid-relation = "warning"\n')
    (tmp_path / "both.arg").write_text(textwrap.dedent("""\
        compare both "Both" {
          use "harbour.arg"
          use "ferry.arg"
        }
        harbour.deep_water agrees ferry.small_quay
        harbour.build_east agrees harbour.deep_water "Within one document."
        """), encoding="utf-8")
    config = str(tmp_path / "argmap.toml")
    assert main(["report", str(tmp_path / "both.arg"), "--config", config]) == 0
    page = open_page(tmp_path / "both.html").page
    finding = page.locator('a.finding-link[href="#relation:2"]')
    finding.click()
    row = page.locator('tr.relation[id="relation:2"]')
    assert "selected" in row.get_attribute("class")
    for name in row.get_attribute("data-nodes").split():
        wait_in_view(page, f"{node(name)}.selected")


def test_the_keyboard_selects_quotes_and_rows(open_page, pages):
    page = open_page(pages / "fpri-vs-eastwest.html").page
    # The first Tab shows the links past the drawing; one leads to the table's rows.
    assert page.locator(".jump").bounding_box()["y"] < 0
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "the relations"
    assert page.locator(".jump").bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    row = page.locator("tr.relation").first
    assert page.evaluate("document.activeElement.id") == row.get_attribute("id")
    page.keyboard.press("Enter")
    assert "selected" in row.get_attribute("class")
    mark = page.locator("a.quote").nth(3)
    mark.focus()
    page.keyboard.press(" ")
    # The comparison's drawing leaves most evidence out: the claim it bears on is selected.
    drawn = (mark.get_attribute("data-drawn") or mark.get_attribute("data-nodes")).split()[0]
    assert page.locator(f"{node(drawn)}.selected").count() == 1
    # Tab reaches the nodes of the drawing too.
    page.locator(".viewport").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('class')") == "node-link"


def test_a_click_in_the_drawing_leaves_no_focus_ring_elsewhere(open_page, pages):
    """A row selected with the keyboard keeps its focus ring after Escape; a node clicked
    next takes the selection, and the ring leaves the row, which would look selected too."""
    page = open_page(pages / "fpri-vs-eastwest.html").page
    row = page.locator("tr.relation").nth(2)
    row.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    assert row.evaluate("e => e.matches(':focus-visible')")
    # One of the row's claims, which its selection brought into view.
    name = row.get_attribute("data-nodes").split()[0]
    box = page.locator(link(name)).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + 10)
    assert page.locator(".selected").first.get_attribute("id") == name
    assert page.evaluate("document.querySelector(':focus-visible')") is None


def test_without_javascript_the_links_still_lead_to_their_targets(open_page, pages):
    page = open_page(pages / "fpri.html", javascript=False).page
    evidence = "fpri.sanctions_evaded_quote"
    page.locator(quote(evidence)).click()
    assert page.evaluate("location.hash") == f"#{evidence}"
    assert page.locator(f"{node(evidence)}:target").count() == 1
    page.locator(link(evidence)).click()
    assert page.locator(f"{quote(evidence)}:target").count() == 1


def test_on_a_phone_the_panes_stack(open_page, pages):
    page = open_page(pages / "fpri-vs-eastwest.html", viewport=PHONE).page
    boxes = [page.locator(selector).bounding_box()
             for selector in (".drawing-pane", ".relations-pane", '.source[id="text:fpri"]')]
    assert all(box["width"] <= PHONE["width"] for box in boxes)
    assert boxes[0]["y"] + boxes[0]["height"] <= boxes[1]["y"] <= boxes[2]["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_on_a_phone_a_relation_reads_down_claim_relation_claim(open_page, pages):
    """Stacked, a row of the table reads down: its first claim, the relation under it,
    then the other claim, then the explanation; never two claims one under the other with
    nothing between them."""
    page = open_page(pages / "fpri-vs-eastwest.html", viewport=PHONE).page
    rows = page.locator("tr.relation").evaluate_all("""rows => rows.map(row =>
      [...row.cells].map(cell => {
        const box = cell.getBoundingClientRect();
        return [box.top, box.bottom];
      }))""")
    assert rows
    for number, first, kind, second, explanation in rows:
        assert number[0] == first[0]
        assert first[1] <= kind[0] + 1 and kind[1] <= second[0] + 1
        if explanation[1] > explanation[0]:  # a relation may have none
            assert second[1] <= explanation[0] + 1


def test_printing_shows_the_whole_drawing_and_no_buttons(open_page, pages):
    page = open_page(pages / "fpri.html").page
    page.emulate_media(media="print")
    assert page.locator("button[data-zoom=in]").is_hidden()
    assert page.locator(".canvas").evaluate("e => getComputedStyle(e).transform") == "none"


HOSTILE_SOURCE = textwrap.dedent("""\
    A hostile source. <script>alert("source")</script> It goes on.

    <img src="https://example.org/pixel.png" onerror="alert('img')"> An image that must not load.

    </textarea></style></title><!-- a comment --> <a href="javascript:alert('link')">a link</a>.
    """)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """The report of a map and a comparison full of hostile text."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE_SOURCE, encoding="utf-8")
    (folder / "hostile.arg").write_text(textwrap.dedent("""\
        document hostile "<script>alert('title')</script>" {
          publisher "<img src=x onerror=alert('publisher')>"
          url "javascript:alert('url')"
          source "hostile.txt"
        }
        thesis top "<script>alert('thesis')</script> and \\"quotes\\" and </textarea>"
        evidence script_quote "<script>alert(\\"source\\")</script>" supports top
        evidence img_quote
          "<img src=\\"https://example.org/pixel.png\\" onerror=\\"alert('img')\\">"
          supports top
        premise link "<a href='javascript:alert(1)'>click</a> <style>body{display:none}</style>"
          supports top
        evidence link_quote "<a href=\\"javascript:alert('link')\\">a link</a>" supports link
        """), encoding="utf-8")
    (folder / "other.arg").write_text(textwrap.dedent("""\
        document other "Other <b>bold</b>" { url "https://example.org/\\"onmouseover=\\"alert(1)" }
        thesis t "</td></tr></table><script>alert('cell')</script>"
        """), encoding="utf-8")
    (folder / "both.arg").write_text(textwrap.dedent("""\
        compare both "<script>alert('comparison')</script>" {
          use "hostile.arg"
          use "other.arg"
        }
        hostile.top contradicts other.t "<script>alert('explanation')</script></td>"
        """), encoding="utf-8")
    # The folder is a project of its own, whose sources argmap may read.
    (folder / "argmap.toml").write_text("")
    assert main(["report", str(folder), "--config", str(folder / "argmap.toml"),
                 "-o", str(folder / "out")]) == 0
    return folder / "out"


@pytest.mark.parametrize("name", ["hostile.html", "both.html"])
def test_a_hostile_map_runs_nothing_and_requests_nothing(open_page, hostile, name):
    watched = open_page(hostile / name)
    page = watched.page
    # Use the page: every quote, node and row.
    for selector in ("a.quote", "a.node-link", "tr.relation"):
        for index in range(page.locator(selector).count()):
            page.locator(selector).nth(index).dispatch_event("click")
    page.wait_for_timeout(200)
    assert watched.dialogs == []
    assert watched.console == []
    assert watched.requests == [(hostile / name).as_uri()]
    assert page.evaluate("document.querySelectorAll('script').length") == 2
    assert page.locator("img, textarea, iframe, a[href^=javascript]").count() == 0
    shown = page.locator("body").inner_text()
    assert "<script>alert(" in shown  # shown as text, not run
    if name == "hostile.html":
        assert "<script>alert(\"source\")</script>" in page.locator(".source").inner_text()


# The boxes of the panes, and how many rows of the table are wholly in view.
PANES = """() => {
  const box = selector => {
    const e = document.querySelector(selector);
    if (!e) { return null; }
    const b = e.getBoundingClientRect();
    return {x: b.x, y: b.y, width: b.width, height: b.height};
  };
  const scroll = document.querySelector(".relations-pane .scroll");
  const rows = scroll ? [...scroll.querySelectorAll("tr.relation")].filter(row => {
    const r = row.getBoundingClientRect(), s = scroll.getBoundingClientRect();
    return r.top >= s.top - 1 && r.bottom <= Math.min(s.bottom, innerHeight) + 1;
  }).length : 0;
  return {drawing: box(".viewport"), table: box(".relations-pane .scroll"), rows: rows,
          texts: [...document.querySelectorAll(".source")].map(e => {
            const b = e.getBoundingClientRect(); return {width: b.width, height: b.height};
          })};
}"""


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_comparison_gives_the_drawing_and_the_table_room(open_page, pages, size):
    """At 1,400 × 900 the drawing takes the window's height beside the table and the texts,
    and shows its text legibly at once; on a phone the panes stack, each most of a screen."""
    viewport = DESKTOP if size == "desktop" else PHONE
    page = open_page(pages / "fpri-vs-eastwest.html", viewport=viewport).page
    page.wait_for_function("() => document.querySelector('.canvas').style.transform !== ''")
    panes = page.evaluate(PANES)
    drawing, table = panes["drawing"], panes["table"]
    assert drawing_text_size(page) >= 11
    if size == "desktop":
        # All of it on the first screen: the drawing the height of the window below the
        # header, half its width; the table beside it with several rows; the texts under it.
        assert drawing["width"] >= 0.5 * DESKTOP["width"] and drawing["height"] >= 600
        assert drawing["y"] + drawing["height"] <= DESKTOP["height"]
        assert table["x"] >= drawing["x"] + drawing["width"]
        assert table["width"] >= 600 and table["height"] >= 350 and panes["rows"] >= 3
        assert all(text["width"] >= 300 and text["height"] >= 150 for text in panes["texts"])
    else:
        assert drawing["width"] >= 0.9 * PHONE["width"]
        assert drawing["height"] >= 0.6 * PHONE["height"]
        assert table["height"] >= 0.6 * PHONE["height"]
        assert all(text["height"] >= 0.6 * PHONE["height"] for text in panes["texts"])


def test_on_a_phone_a_selected_relation_stays_legible(open_page, pages):
    """A relation runs across both columns, wider than a phone: selecting its row keeps
    the drawing legible, its number in the middle, rather than fitting both claims in
    text too small to read."""
    page = open_page(pages / "fpri-vs-eastwest.html", viewport=PHONE).page
    page.wait_for_function("() => document.querySelector('.canvas').style.transform !== ''")
    row = page.locator("tr.relation").nth(2)
    row.click()
    wait_in_view(page, f'g.node[id="{row.get_attribute("data-edges").split()[1]}"].selected')
    assert drawing_text_size(page) >= 11.5


# Whether an element lies wholly across the drawing's pane, from its left edge to its right.
ACROSS = """element => {
  const box = element.getBoundingClientRect();
  const pane = document.querySelector(".viewport").getBoundingClientRect();
  return box.left >= pane.left - 1 && box.right <= pane.right + 1;
}"""


def test_a_selection_in_a_comparison_keeps_the_claims_facing_it_in_view(open_page, pages):
    """At 1,400 × 900 the comparison starts legible with both columns across its pane: a
    quote selected brings its claim to the middle at that zoom, not zoomed further, so the
    claim it is related to across the columns stays in view; and no blank beyond the
    drawing's edges is shown."""
    page = open_page(pages / "fpri-vs-eastwest.html").page
    page.wait_for_function("() => document.querySelector('.canvas').style.transform !== ''")
    size = drawing_text_size(page)
    page.locator(quote("fpri.sanctions_insufficient_quote")).click()
    wait_in_view(page, f'{node("fpri.sanctions_insufficient")}.selected')
    assert drawing_text_size(page) == pytest.approx(size, abs=0.5)
    # Relation 4: it agrees with EastWest's claim in the other column.
    for name in ("fpri.sanctions_insufficient", "eastwest.strategy_struggles"):
        assert page.locator(node(name)).evaluate(ACROSS), name
    # No blank beyond the drawing's edges, but beside a drawing narrower than the pane
    # (a row per relation: two columns of claims and their numbers), centred in it.
    graph = page.locator("svg.drawing > g#argmap").bounding_box()
    pane = page.locator(".viewport").bounding_box()
    assert graph["y"] <= pane["y"] + 1
    assert graph["x"] <= pane["x"] + 1 or graph["width"] < pane["width"]


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("name", ["fpri", "eastwest"])
def test_a_map_starts_legible_at_its_thesis(open_page, pages, size, name):
    """Legible at its thesis, in a pane most of the window, whatever the findings above it
    (eastwest's run to several lines each)."""
    viewport = DESKTOP if size == "desktop" else PHONE
    page = open_page(pages / f"{name}.html", viewport=viewport).page
    page.wait_for_function("() => document.querySelector('.canvas').style.transform !== ''")
    drawing = page.evaluate(PANES)["drawing"]
    assert drawing_text_size(page) >= 11
    wait_in_view(page, node(page.locator(".viewport").get_attribute("data-start")))
    if size == "desktop":
        assert drawing["width"] >= 0.55 * DESKTOP["width"] and drawing["height"] >= 600
    else:
        assert drawing["height"] >= 0.6 * PHONE["height"]


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_map_shows_the_key_to_its_drawing_where_it_starts(open_page, pages, size):
    """The drawing starts zoomed in at its thesis, its own legend out of view at its foot:
    the head of its pane names each kind of node and of relation it draws, with a sample."""
    viewport = DESKTOP if size == "desktop" else PHONE
    page = open_page(pages / "fpri.html", viewport=viewport).page
    legend = page.locator(".drawing-pane .legend")
    # Those the header counts: "52 nodes (thesis 1, premise 19, …)", "50 relations (…)".
    nodes, relations = page.locator(".counts li").all_inner_texts()[:2]
    kinds = re.findall(r"(\w+) \d+", nodes + relations)
    assert len(kinds) >= 5
    assert legend.locator("li").all_inner_texts() == kinds
    assert legend.locator("li > svg").count() == len(kinds)
    assert in_view(page, ".drawing-pane .legend li:last-child")


# WCAG contrast from computed styles: a colour's relative luminance, the ratio of two, and
# the background an element's text is on (the nearest opaque one, from it outwards).
CONTRAST = """
const parse = colour => {
  const [r, g, b, a] = colour.match(/[\\d.]+/g).map(Number);
  return {r, g, b, a: a === undefined ? 1 : a};
};
const luminance = ({r, g, b}) => {
  const f = v => (v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
};
const ratio = (x, y) => {
  const [a, b] = [luminance(parse(x)), luminance(parse(y))].sort((p, q) => q - p);
  return (a + 0.05) / (b + 0.05);
};
const background = element => {
  for (let e = element; e; e = e.parentElement) {
    const colour = getComputedStyle(e).backgroundColor;
    const alpha = parse(colour).a;
    if (alpha > 0 && alpha < 1) { throw new Error("a translucent background: " + colour); }
    if (alpha === 1) { return colour; }
  }
  return "rgb(255, 255, 255)";
};
"""

# Every element outside the drawing with text of its own on the screen, and the contrast
# of that text with its background, lowest first.
TEXT_CONTRAST = "() => {" + CONTRAST + """
  const shown = [...document.body.querySelectorAll("*")].filter(e =>
    !e.closest("svg") && e.checkVisibility() && e.getClientRects().length
    && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()));
  return shown.map(e => [ratio(getComputedStyle(e).color, background(e)),
                         e.tagName + "." + e.className + ": " + e.textContent.slice(0, 40)])
    .sort((a, b) => a[0] - b[0]);
}"""


def lowest_contrast(page) -> tuple[float, str]:
    return page.evaluate(TEXT_CONTRAST)[0]


def contrast_of(page, script: str) -> float:
    return page.evaluate("() => {" + CONTRAST + script + "}")


def test_every_text_of_a_page_has_4_5_to_1_contrast_in_every_state(open_page, pages):
    comparison = open_page(pages / "fpri-vs-eastwest.html").page
    assert lowest_contrast(comparison)[0] >= 4.5, lowest_contrast(comparison)
    # A row selected: its claims' quotes marked in both texts, those further below too.
    comparison.locator("tr.relation").nth(3).click()
    comparison.locator("tr.relation").nth(4).hover()
    assert comparison.locator("a.quote.selected.below").count() > 0
    assert lowest_contrast(comparison)[0] >= 4.5, lowest_contrast(comparison)
    page = open_page(pages / "fpri.html").page
    page.locator(f'{link("fpri.engage_russia")} > text').first.click()
    page.locator("a.finding-link").first.click()
    assert lowest_contrast(page)[0] >= 4.5, lowest_contrast(page)
    # A quote drawn inside its claim's box, selected: its text on its new fill.
    page.locator(quote("fpri.china_half_hearted_quote")).click()
    cell = 'g.quote[id="fpri.china_half_hearted_quote"]'
    assert contrast_of(page, f"""
      const cell = document.querySelector('{cell}');
      const fill = getComputedStyle(cell.querySelector('polygon[stroke="none"]')).fill;
      return Math.min(...[...cell.querySelectorAll("text")].map(
        t => ratio(getComputedStyle(t).fill, fill)));""") >= 4.5


def test_each_relation_is_named_in_the_colour_of_its_line(open_page, pages):
    page = open_page(pages / "fpri-vs-eastwest.html").page
    names = page.locator("td.kind > a").evaluate_all("""links => links.map(link =>
      [link.parentElement.classList[1], getComputedStyle(link).color])""")
    assert {kind for kind, _ in names} >= {"agrees", "qualifies", "supports", "explains"}
    for kind, colour in names:
        assert colour == rgb(PAGE_COLOURS[f"kind-{kind}"]), kind


def test_a_selection_contrasts_3_to_1_with_what_is_not_selected(open_page, pages):
    """A selected quote, a quote further below a selected claim, a selected row and a
    selected node's outline each contrast at least 3:1 with what they are beside unselected:
    a quote, a row, the page and the fill of every kind of node."""
    page = open_page(pages / "fpri-vs-eastwest.html").page
    page.locator("tr.relation").nth(3).click()
    quotes = contrast_of(page, """
      const fill = selector => getComputedStyle(document.querySelector(selector)).backgroundColor;
      const plain = fill("a.quote:not(.selected)");
      const own = fill("a.quote.selected:not(.below)"), below = fill("a.quote.selected.below");
      return [ratio(own, plain), ratio(below, plain), ratio(own, below)];""")
    assert min(quotes) >= 3, quotes
    rows = contrast_of(page, """
      const row = document.querySelector("tr.relation.selected");
      const edge = getComputedStyle(row).boxShadow.match(/rgb\\([^)]*\\)/)[0];
      const plain = background(document.querySelector("tr.relation:not(.selected)"));
      return [ratio(edge, plain), ratio(edge, background(row))];""")
    assert min(rows) >= 3, rows
    # A node's outline, against the page, a document's panel and each kind of node's fill.
    outline = contrast_of(page, """
      const node = document.querySelector("g.node.selected a > :is(polygon, path)");
      const stroke = getComputedStyle(node).stroke;
      const fills = [...document.querySelectorAll(
        "svg.drawing g:is(.node, .cluster):not(.selected) > :is(polygon, path), "
        + "svg.drawing g.node:not(.selected) > a > :is(polygon, path)")]
        .map(shape => getComputedStyle(shape).fill).filter(fill => fill.startsWith("rgb"));
      return Math.min(ratio(stroke, "rgb(255, 255, 255)"),
                      ...fills.map(fill => ratio(stroke, fill)));""")
    assert outline >= 3


@pytest.mark.parametrize("fragment", ["50%", "%E0%A4%A", "fpri.%zz"])
def test_an_address_that_is_no_percent_encoding_opens_the_page_without_an_error(
        open_page, pages, fragment):
    watched = open_page(pages / "fpri.html", fragment=fragment)
    watched.page.wait_for_load_state("load")
    watched.page.locator("a.quote").first.click()
    assert [line for line in watched.console if line.startswith("error")] == []
