/* argmap report: selecting a quote, a node, a finding or a relation shows what goes with
   it. Without this script the same elements are plain fragment links. The page's data
   is in its attributes: a quote's `data-nodes` (its evidence nodes) and, when the drawing
   leaves these out, `data-drawn` (the drawn nodes they bear on); a node link's
   `data-node`, `data-quotes` (its own quote) and `data-under` (the nodes that support it
   directly, down which the quotes it rests on are found); a relation row's `data-nodes`,
   `data-edges` (its lines and its number in the drawing) and `data-quotes`; a relation
   number's `data-row`. In the drawing, a node is a `g.node`, and a quote drawn inside its
   claim's box a `g.quote` within the claim's. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  var viewport = document.querySelector(".viewport");
  var canvas = viewport && viewport.querySelector(".canvas");
  var status = document.querySelector(".status");
  var panzoom = canvas && typeof window.Panzoom === "function"
    // `clip`, not `hidden`: a pane that hides its overflow still scrolls to a link's target
    // or a focused node, which would shift the drawing under Panzoom.
    ? window.Panzoom(canvas, { maxScale: 40, minScale: 0.5, step: 0.35, cursor: "grab",
      overflow: "clip" })
    : null;
  // Where the drawing was when a pointer went down: a drag that ends on a node is no click.
  var downAt = null;
  // Panzoom moves the drawing to its start on a timer it sets when it starts; a move asked
  // for before then waits for it, or it would be undone.
  var started = false;
  var waiting = null;
  window.setTimeout(function () {
    if (status && !status.textContent) { say(HINT); }
    started = true;
    startView();
    if (waiting) { waiting(); }
  }, 0);

  // The drawing starts legible: whole if its text is then large enough, else zoomed until
  // it is (or, taller than its pane, as wide as the pane), at the node the page names in
  // `data-start` (its first thesis), without blank beyond the drawing's edges. `Fit` shows
  // it whole.
  var LEGIBLE = 12;  // pixels: the drawing's body text at the start
  var startAt = null;  // where startView put the drawing
  function startView() {
    var box = panzoom && drawingBox();
    startAt = null;
    if (!box || !canvas.offsetHeight) { return; }
    var width = canvas.offsetWidth;
    var height = canvas.offsetHeight;
    var fit = fitted();
    var legible = legibleScale();
    var wide = box.height / box.width > height / width ? width / (box.width * fit) : 1;
    var scale = Math.max(legible, wide);
    if (scale <= 1.01) { return; }
    var drawn = drawnBox();
    var at = { x: width / 2, y: drawn.top };
    var start = byId(viewport.getAttribute("data-start"));
    if (start) {
      var shown = canvas.getBoundingClientRect();
      var node = start.getBoundingClientRect();
      var k = shown.width / width;
      at = { x: (node.left + node.width / 2 - shown.left) / k,
        y: (node.top + node.height / 2 - shown.top) / k };
    }
    panzoom.zoom(scale, { animate: false });
    centreOn(at);
    startAt = { scale: panzoom.getScale(), pan: panzoom.getPan() };
  }

  // Where the drawing lies in the canvas, which it fills, centred: in the canvas's pixels
  // before any zoom.
  function drawnBox() {
    var box = drawingBox();
    var fit = fitted();
    return { left: (canvas.offsetWidth - box.width * fit) / 2,
      top: (canvas.offsetHeight - box.height * fit) / 2,
      width: box.width * fit, height: box.height * fit };
  }

  // Pan so that the point `at` of the canvas (its pixels before any zoom) is in the middle
  // of the viewport, or as near as the drawing's edges allow: no blank beyond them, and a
  // drawing no wider (or taller) than the view stays whole across it. Panzoom draws
  // `scale(s) translate(x, y)` about the canvas's centre c: a point p of the canvas is shown
  // at c + s (p + (x, y) - c), so p is in the middle, which the canvas fills, when
  // (x, y) = c - p, whatever the scale.
  function centreOn(at) {
    var width = canvas.offsetWidth;
    var height = canvas.offsetHeight;
    var scale = panzoom.getScale();  // as Panzoom keeps it, within its largest scale
    var drawn = drawnBox();
    panzoom.pan(width / 2 - within(at.x, drawn.left, drawn.width, width / scale),
      height / 2 - within(at.y, drawn.top, drawn.height, height / scale), { animate: false });
  }

  // The middle of a view `span` long at `at`, moved so that the view stays within the
  // drawing's `from` to `from + length` (or centred on it, when it is shorter).
  function within(at, from, length, span) {
    if (length <= span) { return from + length / 2; }
    return Math.min(Math.max(at, from + span / 2), from + length - span / 2);
  }

  // The drawing's own size, in its units (points): its `viewBox`.
  function drawingBox() {
    var svg = canvas.querySelector("svg");
    var box = svg && svg.viewBox.baseVal;
    return box && box.width && box.height ? box : null;
  }

  // Pixels to a unit of the drawing when it is fitted whole to the canvas (Panzoom's
  // scale 1): the canvas scales the drawing by this times Panzoom's scale.
  function fitted() {
    var box = drawingBox();
    return box ? Math.min(canvas.offsetWidth / box.width, canvas.offsetHeight / box.height) : 1;
  }

  // Panzoom's scale at which the drawing's body text shows at LEGIBLE pixels.
  function legibleScale() {
    var textSize = Number(viewport.getAttribute("data-text-size")) || 14;
    return LEGIBLE / (textSize * fitted());
  }

  // The pane may change size as the page settles, or with the window: the start view
  // follows it for as long as the reader has not moved the drawing.
  if (panzoom && window.ResizeObserver) {
    new ResizeObserver(function () {
      var at = panzoom.getPan();
      if (startAt && panzoom.getScale() === startAt.scale && at.x === startAt.pan.x
          && at.y === startAt.pan.y) {
        panzoom.reset({ animate: false });
        startView();
      }
    }).observe(viewport);
  }

  function byId(id) { return id ? document.getElementById(id) : null; }
  // The id a fragment names: `#50%` or `#%E0%A4%A` is no percent-encoding, and
  // decodeURIComponent would throw; such a fragment names the id as written.
  function fragmentId(fragment) {
    try { return decodeURIComponent(fragment); } catch (error) { return fragment; }
  }
  function words(text) { return text ? text.split(" ").filter(Boolean) : []; }
  function all(selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); }

  function clearSelection() {
    all(".selected").forEach(function (element) { element.classList.remove("selected"); });
    all(".related").forEach(function (element) { element.classList.remove("related"); });
    all(".below").forEach(function (element) { element.classList.remove("below"); });
  }

  // Escape puts the page back as it was before any selection (the drawing stays put).
  function unselect() {
    clearSelection();
    say(HINT);
  }

  function quotesOf(nodes) {
    return all("a.quote").filter(function (mark) {
      return words(mark.getAttribute("data-nodes")).some(function (node) {
        return nodes.indexOf(node) >= 0;
      });
    });
  }

  // The first link of each node (a repeated node has more), by its `data-node`: found once,
  // for the walks down a map's supports.
  var links = null;
  function nodeLink(node) {
    if (!links) {
      links = Object.create(null);
      all("a.node-link").forEach(function (link) {
        var name = link.getAttribute("data-node");
        if (!(name in links)) { links[name] = link; }
      });
    }
    return links[node] || null;
  }

  // The quotes a node rests on, nearest first, and the nearest of them: its own, and those
  // of the nodes under it (`data-under`) level by level, each node once. `quotes_below` in
  // report/page.py finds the same.
  function quotesBelow(node) {
    var found = [];
    var nearest = [];
    var seen = Object.create(null);
    var queue = [[node, 0]];
    var depth = -1;
    for (var i = 0; i < queue.length; i += 1) {
      var current = queue[i][0];
      var at = queue[i][1];
      var link = nodeLink(current);
      if (current in seen || !link) { continue; }
      seen[current] = true;
      words(link.getAttribute("data-quotes")).forEach(function (quote) {
        found.push(quote);
        if (depth < 0) { depth = at; }
        if (at === depth) { nearest.push(quote); }
      });
      words(link.getAttribute("data-under")).forEach(function (under) {
        queue.push([under, at + 1]);
      });
    }
    return { all: found, nearest: nearest };
  }

  // Scroll each text pane, not the page, so that its first selected quote is in the middle.
  function showQuotes(marks, reveal) {
    all(".source").forEach(function (pane) {
      var mark = marks.filter(function (m) { return pane.contains(m); })[0];
      if (!mark) { return; }
      var paneBox = pane.getBoundingClientRect();
      var markBox = mark.getBoundingClientRect();
      pane.scrollTop += markBox.top - paneBox.top - (pane.clientHeight - markBox.height) / 2;
      if (reveal) { revealOnPage(pane); }
    });
  }

  // On a narrow screen the panes stack: bring a pane wholly onto the screen.
  function revealOnPage(element) {
    element = element.closest(".pane") || element;
    var box = element.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      element.scrollIntoView({ block: "nearest" });
    }
  }

  // Zoom the drawing until the elements are legible, and centre them (centreOn): at the
  // zoom it has when that is legible and they fit, else zoomed out until they fit or in
  // until legible. Where they lie is read from the drawing as shown, against the canvas as
  // shown: a zoom still animating shows another scale than the one Panzoom reports.
  function showInDrawing(elements, reveal) {
    if (!panzoom || !elements.length) { return; }
    if (!started) {
      waiting = function () { showInDrawing(elements, reveal); };
      return;
    }
    var view = viewport.getBoundingClientRect();
    var shown = canvas.getBoundingClientRect();
    var shownScale = shown.width / canvas.offsetWidth;
    var box = union(elements);
    var px = (box.left + box.width / 2 - shown.left) / shownScale;
    var py = (box.top + box.height / 2 - shown.top) / shownScale;
    var fits = Math.min(0.85 * view.width * shownScale / box.width,
      0.85 * view.height * shownScale / box.height);
    // Never smaller than legible, even when they then do not fit whole (a relation across
    // a phone's width), and no larger than it needs: zooming in further would push what
    // is around them out of view, in a comparison the claims facing them.
    var legible = legibleScale();
    panzoom.zoom(Math.max(legible, Math.min(fits, Math.max(legible, panzoom.getScale()))),
      { animate: false });
    centreOn({ x: px, y: py });
    if (reveal) { revealOnPage(viewport); }
  }

  function union(elements) {
    var boxes = elements.map(function (e) { return e.getBoundingClientRect(); });
    var left = Math.min.apply(null, boxes.map(function (b) { return b.left; }));
    var top = Math.min.apply(null, boxes.map(function (b) { return b.top; }));
    var right = Math.max.apply(null, boxes.map(function (b) { return b.right; }));
    var bottom = Math.max.apply(null, boxes.map(function (b) { return b.bottom; }));
    return { left: left, top: top, width: Math.max(right - left, 1),
      height: Math.max(bottom - top, 1) };
  }

  function say(text) {
    if (status) { status.textContent = text; }
  }

  // What the status line says while nothing is selected.
  var HINT = document.querySelector("tr.relation")
    ? "Select a row, a number, a claim or a quote to see it on every side"
    : "Select a quote or a node to see it on the other side";

  function count(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  // A node as the page names it: its name (`data-name`), in quotation marks.
  function nameOf(node) {
    var link = nodeLink(node);
    var name = link && link.getAttribute("data-name");
    return name ? "\u201c" + name + "\u201d" : node;
  }
  function namesOf(nodes) { return nodes.map(nameOf).join(" and "); }

  // Select `nodes` and `edges` in the drawing and `quotes` in the texts; `from` says which
  // side the reader acted on: the other side is brought into view, and onto the screen if
  // the panes are stacked, unless the selection is shown on both sides (a table row).
  // `what` names the selection in the status line. Of the quotes, those not `direct` (when
  // it is given) are the evidence further below, marked lighter: a thesis rests on nearly
  // every quote of its text.
  function select(nodes, quotes, edges, from, what, direct) {
    clearSelection();
    var drawn = nodes.concat(edges).map(byId).filter(Boolean);
    drawn.forEach(function (g) { g.classList.add("selected"); });
    var strong = quotesOf(direct || quotes);
    var marks = strong.concat(quotesOf(quotes).filter(function (mark) {
      return strong.indexOf(mark) < 0;
    }));
    marks.forEach(function (mark) {
      mark.classList.add("selected");
      if (strong.indexOf(mark) < 0) { mark.classList.add("below"); }
    });
    // Said first: the status line's height sets the drawing's, which the zoom reads.
    var shown = quotes.filter(function (q) { return quotesOf([q]).length; }).length;
    var near = (direct || quotes).filter(function (q) { return quotesOf([q]).length; }).length;
    say((what || namesOf(nodes)) + " \u2014 " + count(near, "quote") + " marked in the "
      + (all(".source").length > 1 ? "texts" : "text")
      + (shown > near ? ", and " + (shown - near) + " further below, marked lighter" : ""));
    // A relation selected from its row, its number or a finding on it is shown in the
    // drawing, the texts and the table at once: on a small screen, where the panes are
    // stacked, only the drawing is brought onto it, from a row.
    var reveal = ["table", "number", "relation finding"].indexOf(from) < 0;
    if (from !== "drawing") { showInDrawing(drawn, reveal || from === "table"); }
    if (from !== "text") { showQuotes(marks, reveal); }
    // In a comparison, the relations of the selected claims are marked in the table too.
    if (reveal) {
      var related = all("tr.relation").filter(function (row) {
        return words(row.getAttribute("data-nodes")).some(function (node) {
          return nodes.indexOf(node) >= 0;
        });
      });
      related.forEach(function (row) { row.classList.add("related"); });
      if (related.length) { showRow(related[0], false); }
    }
  }

  // A quote's evidence, or where the drawing leaves it out, the drawn nodes it bears on.
  function selectQuote(quote) {
    var evidence = words(quote.getAttribute("data-nodes"));
    var instead = words(quote.getAttribute("data-drawn"));
    var drawn = evidence.filter(byId);
    var what = drawn.length ? namesOf(drawn) : "This quote";
    if (!drawn.length && instead.length) {
      var claims = instead.filter(function (id) { return id.indexOf("document:") !== 0; });
      what += claims.length ? " (not drawn) bears on " + namesOf(claims) : " (not drawn)";
    }
    select(drawn.length ? evidence : evidence.concat(instead), evidence, [], "text", what);
  }

  function selectRow(row, from) {
    var nodes = words(row.getAttribute("data-nodes"));
    select(nodes, words(row.getAttribute("data-quotes")), words(row.getAttribute("data-edges")),
      from, row.getAttribute("data-name"),
      row.hasAttribute("data-direct") ? words(row.getAttribute("data-direct")) : null);
    row.classList.add("selected");
    if (from !== "table") { showRow(row, true); } else { showWholeRow(row); }
  }

  // A row selected shows its claims and its explanation in full: scroll the table as little
  // as needed to show all of it (its top, if it is taller than the table).
  function showWholeRow(row) {
    var pane = row.closest(".scroll");
    if (!pane) { return; }
    var paneBox = pane.getBoundingClientRect();
    var rowBox = row.getBoundingClientRect();
    var head = pane.querySelector("thead");
    var top = paneBox.top + (head ? head.getBoundingClientRect().height : 0);
    if (rowBox.bottom > paneBox.bottom) {
      pane.scrollTop += Math.min(rowBox.bottom - paneBox.bottom, rowBox.top - top);
    } else if (rowBox.top < top) {
      pane.scrollTop -= top - rowBox.top;
    }
  }

  // Scroll the table, not the page, so that the row is in the middle, and onto the screen.
  function showRow(row, reveal) {
    var pane = row.closest(".scroll");
    if (!pane) { return; }
    var paneBox = pane.getBoundingClientRect();
    var rowBox = row.getBoundingClientRect();
    pane.scrollTop += rowBox.top - paneBox.top - (pane.clientHeight - rowBox.height) / 2;
    if (reveal) { revealOnPage(pane); }
  }

  function selectNodes(nodes, from) {
    var quotes = [];
    var direct = [];
    var below = false;
    nodes.forEach(function (node) {
      var under = quotesBelow(node);
      var its = under.all;
      var own = under.nearest;
      if (own.length !== its.length) { below = true; }
      its.forEach(function (q) { if (quotes.indexOf(q) < 0) { quotes.push(q); } });
      own.forEach(function (q) { if (direct.indexOf(q) < 0) { direct.push(q); } });
    });
    select(nodes, quotes, [], from, null, below ? direct : null);
  }

  function aboutRow(finding) {
    var row = byId(fragmentId(finding.getAttribute("href").slice(1)));
    return row && row.matches("tr.relation") ? row : null;
  }

  function activate(target, event) {
    var quote = target.closest("a.quote");
    var node = target.closest("a.node-link");
    var number = target.closest("a.relation-link");
    var finding = target.closest("a.finding-link");
    var row = target.closest("tr.relation");
    if (quote) {
      selectQuote(quote);
    } else if (number && byId(number.getAttribute("data-row"))) {
      selectRow(byId(number.getAttribute("data-row")), "number");
    } else if (node) {
      // A repeat of a node leads to the node, drawn in full elsewhere.
      var repeat = node.parentNode.id.indexOf("repeat:") === 0;
      selectNodes([node.getAttribute("data-node")], repeat ? "repeat" : "drawing");
    } else if (finding && finding.getAttribute("data-node")) {
      selectNodes([finding.getAttribute("data-node")], "findings");
      finding.classList.add("selected");
    } else if (finding && aboutRow(finding)) {
      // A finding on a comparison's relation selects its row.
      selectRow(aboutRow(finding), "relation finding");
      finding.classList.add("selected");
    } else if (row) {
      selectRow(row, "table");
    } else {
      return;
    }
    event.preventDefault();
  }

  document.addEventListener("click", function (event) {
    if (downAt && panzoom && event.target.closest(".canvas")) {
      var now = panzoom.getPan();
      var moved = Math.abs(now.x - downAt.x) + Math.abs(now.y - downAt.y);
      downAt = null;
      if (moved * panzoom.getScale() > 4) { event.preventDefault(); return; }
    }
    activate(event.target, event);
  });

  // Enter follows a link by itself (and so comes here as a click); Space does not, and a
  // table row is no link: both keys select what has the focus.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var isRow = target.matches && target.matches("tr.relation");
    var isLink = target.matches &&
      target.matches("a.quote, a.node-link, a.relation-link, a.finding-link");
    if ((event.key === " " && (isRow || isLink)) || (event.key === "Enter" && isRow)) {
      activate(target, event);
    } else if (event.key === "Escape") {
      unselect();
    }
  });

  // A node reached with Tab is brought into view, as it would be on a page that scrolls.
  document.addEventListener("focusin", function (event) {
    var link = event.target.closest && event.target.closest("a.node-link, a.relation-link");
    if (link && link.matches(":focus-visible")) { showInDrawing([link.parentNode], false); }
  });

  // Stacked on a narrow screen, the drawing's pane is as tall as the drawing is at the
  // pane's width, when its text is legible so, or else 70% of the window's height, to pan
  // in (and never less than 30%).
  function fitPaneToDrawing() {
    var box = drawingBox();
    var stacked = window.matchMedia("(max-width: 900px)").matches;
    if (!stacked || !box) {
      viewport.style.height = "";
      return;
    }
    var scale = viewport.clientWidth / box.width;
    var textSize = Number(viewport.getAttribute("data-text-size")) || 14;
    var height = textSize * scale >= LEGIBLE ? box.height * scale : Infinity;
    viewport.style.height = Math.min(Math.max(height, 0.3 * window.innerHeight),
      0.7 * window.innerHeight) + "px";
  }

  if (panzoom) {
    fitPaneToDrawing();
    window.addEventListener("resize", fitPaneToDrawing);
    canvas.addEventListener("pointerdown", function () {
      downAt = panzoom.getPan();
      // Panzoom keeps a press in the drawing from taking the focus: it leaves what had it
      // (a row, a quote), whose ring would stay beside the new selection, like a second one.
      var focused = document.activeElement;
      if (focused && focused !== viewport && focused !== document.body) { focused.blur(); }
    }, true);
    viewport.addEventListener("wheel", panzoom.zoomWithWheel);
    all("[data-zoom]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var action = button.getAttribute("data-zoom");
        if (action === "in") { panzoom.zoomIn(); }
        else if (action === "out") { panzoom.zoomOut(); }
        else { panzoom.reset(); }
      });
    });
    viewport.addEventListener("keydown", function (event) {
      if (event.target !== viewport) { return; }
      var step = 60 / panzoom.getScale();
      var moves = { ArrowLeft: [step, 0], ArrowRight: [-step, 0],
        ArrowUp: [0, step], ArrowDown: [0, -step] };
      if (moves[event.key]) {
        panzoom.pan(moves[event.key][0], moves[event.key][1], { relative: true });
      } else if (event.key === "+" || event.key === "=") { panzoom.zoomIn(); }
      else if (event.key === "-") { panzoom.zoomOut(); }
      else if (event.key === "0") { panzoom.reset(); }
      else { return; }
      event.preventDefault();
    });
  }

  // A page opened at `#DOC.NODE` selects that node, and one opened at `#relation:N` that
  // relation, once the browser has scrolled to it.
  window.addEventListener("load", function () {
    var opened = fragmentId(window.location.hash.slice(1));
    var row = byId(opened);
    if (opened && nodeLink(opened)) { selectNodes([opened], "link"); }
    else if (row && row.matches("tr.relation")) { selectRow(row, "table"); }
  });
}());
