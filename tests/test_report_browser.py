"""`argmap report` pages in a real browser: Playwright driving Debian's Chromium.

The browser is `/usr/bin/chromium` (`apt-get install chromium`), or the one `CHROMIUM`
names: Playwright's own download is not used. Where there is no such browser the tests
are skipped, except in CI (`CI` set), where that is a failure.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from argmap.cli import main
from conftest import DATA, ROOT

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Headless, as root, with every connection of Chromium's own (updates, sync, metrics) off:
# a test sees the requests of the page and nothing else.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"no browser at {CHROMIUM}: apt-get install chromium")
        pytest.skip(f"no browser at {CHROMIUM}")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
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

    # The whole drawing fits its pane at first: the node is too small to read.
    assert width() < 0.15 * page.locator(".viewport").bounding_box()["width"]
    page.locator(quote(evidence)).click()
    wait_in_view(page, node(evidence))
    assert page.locator(".selected").evaluate_all("els => els.map(e => e.id)") == [
        evidence, f"quote:{evidence}"]
    # Zoomed in until its text reads as the page's does, and no further, so that what is
    # around it shows too: a line of it 14 to 24 pixels high (its letters' box, some 1.4
    # times their size), the node a fifth to a half of the pane's width.
    line = page.locator(f'{node(evidence)} text').first.bounding_box()["height"]
    assert 14 <= line <= 24
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
    # Its own text: the middle of its box is the quote drawn inside it.
    page.locator(f"{link(claim)} > text").first.click()
    assert page.locator(".selected").first.get_attribute("id") == claim
    selected = set(page.locator("a.quote.selected").evaluate_all(
        "els => els.map(e => e.dataset.nodes)"))
    # Its own quote, and the quotes of the premises under it.
    assert {"fpri.sanctions_insufficient_quote", "fpri.new_sanctions_weak_quote",
            "fpri.sanctions_evaded_quote"} <= selected
    assert "fpri.engage_russia_quote" not in selected


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
    assert cell.evaluate("e => getComputedStyle(e).fill") == "rgb(255, 201, 77)"
    outline = page.locator(f'{link("fpri.china_half_hearted")} > polygon').first
    assert outline.evaluate("e => getComputedStyle(e).strokeWidth") != "7px"
    # Selecting the claim outlines it, and leaves the quotes inside it as they are.
    page.locator(f'{link("fpri.china_half_hearted")} > text').first.click()
    assert outline.evaluate("e => getComputedStyle(e).strokeWidth") == "7px"
    assert cell.evaluate("e => getComputedStyle(e).fill") != "rgb(255, 201, 77)"
    assert page.locator(f"{quote(evidence)}.selected").count() == 1


def test_clicking_a_repeated_node_selects_the_node(open_page, pages):
    page = open_page(pages / "fpri.html").page
    repeat = 'g.node[id="repeat:fpri.china_unenthusiastic@fpri.china_half_hearted"]'
    page.locator(f"{repeat} > a.node-link").click()
    assert page.locator(".selected").first.get_attribute("id") == "fpri.china_unenthusiastic"
    wait_in_view(page, f'{node("fpri.china_unenthusiastic")}.selected')


def test_selecting_during_a_zoom_shows_the_node(open_page, pages):
    """A zoom animates; a node selected before it ends is still brought into view."""
    page = open_page(pages / "fpri.html").page
    link_of_repeat = 'g.node[id="repeat:fpri.china_unenthusiastic@fpri.china_half_hearted"] > a'
    # Both in one task, so that the click lands while the zoom has not yet been drawn.
    page.evaluate("""selector => {
      document.querySelector("button[data-zoom=in]").click();
      document.querySelector(selector).dispatchEvent(new MouseEvent("click", {bubbles: true}));
    }""", link_of_repeat)
    wait_in_view(page, f'{node("fpri.china_unenthusiastic")}.selected')


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
    assert "(not drawn) bears on fpri.sanctions_insufficient" in page.locator(".status").inner_text()
    # The relations of that claim are marked in the table, and the first is scrolled to.
    related = page.locator("tr.relation.related")
    assert related.count() == page.locator(
        'tr.relation[data-nodes~="fpri.sanctions_insufficient"]').count() > 0
    wait_in_view(page, "tr.relation.related")


def test_a_tall_comparison_starts_as_wide_as_its_pane_and_fit_shows_it_whole(open_page, pages):
    """Whole, the comparison's two long columns would be too small to read in a wide pane:
    the drawing starts as wide as the pane, from its top, and `Fit` shows all of it."""
    page = open_page(pages / "fpri-vs-eastwest.html").page
    graph, viewport = page.locator("svg.drawing > g#argmap"), page.locator(".viewport")

    def boxes():
        return graph.bounding_box(), viewport.bounding_box()

    page.wait_for_function("() => document.querySelector('.canvas').style.transform !== ''")
    drawn, pane = boxes()
    assert abs(drawn["width"] - pane["width"]) < 0.03 * pane["width"]
    assert abs(drawn["y"] - pane["y"]) < 0.03 * pane["height"]
    assert drawn["height"] > 2 * pane["height"]
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
