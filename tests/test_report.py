"""`argmap report`: the pages it writes, what they hold, and how the command behaves.

The pages in a browser: `test_report_browser.py`."""

from __future__ import annotations

import base64
import hashlib
import html
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
import argmap.report.assets
import argmap.report.page
from argmap.cli import main
from argmap.lexicon import CrossKind
from argmap.render.style import INK, NODE_STYLES, PAGE_COLOURS, PANEL_FILL, contrast
from argmap.report.highlight import QuoteSpan, highlight, quote_anchor
from conftest import DATA, ROOT

RENDER = DATA / "render"
HOSTILE_SCRIPT = "<script>alert(1)</script>"


def report(capsys, *args):
    status = main(["report", *map(str, args)])
    out, err = capsys.readouterr()
    return status, out, err


class Elements(HTMLParser):
    """The start tags of a page, with their attributes, and the text of each inline block."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.blocks: dict[str, list[str]] = {"script": [], "style": []}
        self._open: str | None = None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in self.blocks:
            self._open = tag
            self.blocks[tag].append("")

    def handle_endtag(self, tag):
        self._open = None

    def handle_data(self, data):
        if self._open:
            self.blocks[self._open][-1] += data



def test_report_of_the_maps_writes_three_pages(capsys, tmp_path):
    status, out, err = report(capsys, ROOT / "maps", "-o", tmp_path)
    assert status == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "eastwest.html", "fpri-vs-eastwest.html", "fpri.html"]
    assert out.count(" -> ") == 3
    comparison = (tmp_path / "fpri-vs-eastwest.html").read_text(encoding="utf-8")
    # Every cross relation is a row, and both source texts are there.
    relations = argmap.load(str(ROOT / "maps" / "fpri-vs-eastwest.arg")).comparison.relations
    assert comparison.count('<tr class="relation"') == len(relations) == 22
    assert 'id="text:fpri"' in comparison and 'id="text:eastwest"' in comparison


def test_a_page_is_written_beside_its_map_without_o(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the project whose source the page shows
    for name in ("harbour.arg", "harbour.txt"):
        shutil.copy(RENDER / name, tmp_path / name)
    status, out, _ = report(capsys, tmp_path / "harbour.arg")
    assert status == 0
    assert out == f"{tmp_path / 'harbour.arg'} -> {tmp_path / 'harbour.html'}\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def without_drawing(page: str) -> str:
    """A page without the inside of its drawing, which depends on the Graphviz version and
    the fonts installed."""
    return re.sub(r"(<svg\b[^>]*>).*?(</svg>)", r"\1…\2", page, flags=re.DOTALL)


def structure(page: str) -> str:
    """A page with what the golden file need not repeat elided: the drawing, the style
    sheet and scripts (their own files), and their hashes."""
    page = re.sub(r"(<(script|style)>).*?(</\2>)", r"\1…\3", without_drawing(page),
                  flags=re.DOTALL)
    return re.sub(r"'sha256-[^']*'", "'sha256-…'", page)


@pytest.mark.parametrize("name", ["harbour", "harbour-vs-ferry"])
def test_page_structure(capsys, tmp_path, file_regression, name):
    out = tmp_path / "out"
    assert report(capsys, RENDER / f"{name}.arg", "-o", out)[0] == 0
    page = (out / f"{name}.html").read_text(encoding="utf-8")
    file_regression.check(structure(page), basename=name, extension=".html")


def test_the_map_page_marks_quotes_links_nodes_and_lists_findings(capsys, tmp_path):
    assert report(capsys, RENDER / "harbour.arg", "-o", tmp_path)[0] == 0
    page = (tmp_path / "harbour.html").read_text(encoding="utf-8")
    tags = Elements(page).tags
    quotes = [a for tag, a in tags if tag == "a" and a.get("class") == "quote"]
    assert len(quotes) == 5
    nodes = {a["data-node"]: a for tag, a in tags if tag == "a" and a.get("class") == "node-link"}
    # Each quote links to its node in the drawing, and each evidence node to its quote.
    assert {"harbour.deep_water_quote", "harbour.estimate_quote"} <= {
        q["data-nodes"] for q in quotes}
    assert all(q["href"] == "#" + q["data-nodes"].split()[0] for q in quotes)
    assert nodes["harbour.deep_water_quote"]["href"] == "#quote:harbour.deep_water_quote"
    assert {a.get("id") for tag, a in tags} >= {"quote:harbour.deep_water_quote",
                                                "harbour.deep_water_quote"}
    # A claim shows the quotes of the evidence below it, found down the nodes under it.
    below, pending = set(), ["harbour.build_east"]
    while pending:
        name = pending.pop()
        below.update(nodes[name]["data-quotes"].split())
        pending += nodes[name].get("data-under", "").split()
    assert "harbour.deep_water_quote" in below
    # A quote drawn inside its claim's box has a link of its own, beside the claim's: links
    # do not nest.
    assert re.search(r'<g id="harbour.deep_water" class="node">\s*<title>[^<]*</title>'
                     r'<a class="node-link"[^>]*>(?:(?!<a\b).)*?</a><g id="harbour.deep_water_quote"'
                     r' class="quote">\s*<title>[^<]*</title><a class="node-link"', page, re.DOTALL)
    # A repeated node leads to the node drawn in full.
    repeats = [a for tag, a in tags if tag == "a" and a.get("class") == "node-link"
               and a.get("tabindex") == "-1"]
    assert repeats and all(r["href"] == "#" + r["data-node"] for r in repeats)
    # check's warnings and infos, each linked to the node it is about.
    findings = [a for tag, a in tags if tag == "a" and a.get("class") == "finding-link"]
    assert findings and all(f["href"] == "#" + f["data-node"] for f in findings)
    assert 'harbour.dredging' in {f["data-node"] for f in findings}


def test_findings_and_the_status_line_name_nodes_by_their_text(capsys, tmp_path):
    """`check` names nodes by id, in backticks, for the analyst; the page names them by
    what they say, shortened, and leaves other spans in backticks as code."""
    assert report(capsys, RENDER / "harbour.arg", "-o", tmp_path)[0] == 0
    page = (tmp_path / "harbour.html").read_text(encoding="utf-8")
    findings = re.findall(r'<li class="finding [^>]*>(.*?)</li>', page)
    assert any("objection “Dredging could disturb the river bed, so the…” rests on nothing"
               in finding for finding in findings)
    assert not any("`" in finding for finding in findings)
    # What the script says a node or a relation is: its name, in its link or its row.
    tags = Elements(page).tags
    names = {a["data-node"]: a["data-name"] for tag, a in tags if a.get("class") == "node-link"}
    assert names["harbour.too_costly"] == "The cost is too high."
    assert report(capsys, RENDER / "harbour-vs-ferry.arg", "-o", tmp_path)[0] == 0
    tags = Elements((tmp_path / "harbour-vs-ferry.html").read_text(encoding="utf-8")).tags
    rows = [a["data-name"] for tag, a in tags if a.get("class") == "relation"]
    assert rows[0] == ("Relation 1: “The city should build the new harbour on the…” "
                       "contradicts “The city does not need a new harbour.”")


# A colour as a style sheet may write it: #rgb to #rrggbbaa, a colour function, or a name.
COLOUR = re.compile(r"#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|"
                    r":\s*(?:white|black|red|green|blue|orange|yellow|gray|grey)\b", re.IGNORECASE)


def test_the_page_takes_its_colours_from_the_palette_of_the_drawings():
    """One palette: `render/style.py` holds every colour; the style sheet names them only
    as custom properties, which the page defines from it."""
    css = (ROOT / "src/argmap/report/static/report.css").read_text(encoding="utf-8")
    without_comments = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    # Attribute selectors match the drawing's own values, `[fill="white"]`: no colour set.
    values = re.sub(r"\[[^\]]*\]", "", without_comments)
    assert COLOUR.findall(values) == []
    used = set(re.findall(r"var\(--([\w-]+)\)", css))
    assert used <= set(PAGE_COLOURS), used - set(PAGE_COLOURS)
    style = argmap.report.assets.assets().style
    for name in used:
        assert f"--{name}: {PAGE_COLOURS[name]};" in style
    # The drawing's own colours are the page's: its ink, its panels, an evidence's edge.
    assert PAGE_COLOURS["ink"] == INK and PAGE_COLOURS["panel"] == PANEL_FILL


def test_the_page_s_colours_read_on_their_backgrounds():
    """The contrasts the palette promises: text 4.5:1 on what it is shown on, a selection 3:1
    with what it is beside."""
    colours = PAGE_COLOURS
    for text, ground in [("ink", "paper"), ("ink", "quote"), ("ink", "pick-below"),
                         ("pick-ink", "pick-strong"), ("muted", "paper"), ("muted", "panel"),
                         ("muted", "findings"), ("warning", "warning-fill"), ("info", "info-fill"),
                         *[(f"kind-{kind.value}", ground) for kind in CrossKind
                           for ground in ("paper", "pick-row", "related-row", "row-hover")]]:
        assert contrast(colours[text], colours[ground]) >= 4.5, (text, ground)
    for mark, ground in [("pick-strong", "quote"), ("pick-below", "quote"),
                         ("pick-strong", "pick-below"), ("pick", "paper"), ("pick", "panel"),
                         ("pick", "pick-row"), ("pick", "related-row")]:
        assert contrast(colours[mark], colours[ground]) >= 3, (mark, ground)
    for style in NODE_STYLES.values():
        assert contrast(colours["pick"], style.fill) >= 3, style


@pytest.mark.parametrize("name", ["harbour", "harbour-vs-ferry"])
def test_every_fragment_link_leads_to_an_element_of_the_page(capsys, tmp_path, name):
    """Without JavaScript, every link is a fragment link: none may lead nowhere (in a
    comparison, a quote whose evidence is not drawn leads to a claim that is)."""
    assert report(capsys, RENDER / f"{name}.arg", "-o", tmp_path)[0] == 0
    tags = Elements((tmp_path / f"{name}.html").read_text(encoding="utf-8")).tags
    ids = {a["id"] for _, a in tags if a.get("id")}
    hrefs = {a["href"][1:] for tag, a in tags if tag == "a" and a.get("href", "").startswith("#")}
    assert hrefs and hrefs <= ids, sorted(hrefs - ids)


def test_unquoted_sentences_are_marked(capsys, project):
    project.write("part.arg", '''\
        document part "Part" { source "../seeds/fpri.txt" }
        thesis t "Engage Russia."
        evidence q """
          has proven insufficient in coercing the country to restrain or relinquish its
          nuclear and missile programs.
          """
          supports t
        ''')
    out = project.root / "out"
    assert report(capsys, project.root / "maps" / "part.arg", "-o", out)[0] == 0
    page = (out / "part.html").read_text(encoding="utf-8")
    assert page.count('<span class="unquoted">') > 10
    assert "quotes cover 5% of the argument: 1 of 20 argumentative sentences" in page


def test_a_claim_marks_its_nearest_quotes_stronger(project):
    """The quotes a node's selection marks strongest: its own evidence's, or for a claim with
    none, the nearest claims' under it; never none of them (nor all, a level further down)."""
    path = project.write("levels.arg", 'document d "D" { source "../seeds/fpri.txt" }\n'
                         'thesis t "Sanctions have failed."\n'
                         'premise p "Sanctions have not coerced Pyongyang." supports t\n'
                         'evidence e1 "has proven insufficient in coercing the country" '
                         'supports p\n'
                         'premise q "Pyongyang evades sanctions." supports p\n'
                         'evidence e2 "Pyongyang is skillful at evading sanctions" supports q\n')
    links = argmap.report.page.node_links(argmap.load(str(path)))
    below = argmap.report.page.quotes_below
    assert below(links, ["d.t"]) == (["d.e1", "d.e2"], ["d.e1"])
    assert below(links, ["d.p"]) == (["d.e1", "d.e2"], ["d.e1"])
    assert below(links, ["d.q"]) == (["d.e2"], ["d.e2"])
    assert links["d.t"].href == links["d.p"].href == "#quote:d.e1"


def test_a_map_with_errors_is_not_reported(capsys, project):
    project.write("good.arg", 'document good "Good" { source "../seeds/fpri.txt" }\n'
                              'thesis t "T."\n')
    project.write("bad.arg", 'document bad "Bad" { source "../seeds/fpri.txt" }\n'
                             'thesis t "T." supports nothing_here\n')
    project.write("both.arg", 'compare both "Both" {\n  use "good.arg"\n  use "bad.arg"\n}\n'
                              'good.t agrees bad.t\n')
    status, out, err = report(capsys, project.root / "maps")
    assert status == 1
    assert "unknown-reference" in out and "good.html" in out
    assert "bad.arg not reported" in err and "both.arg not reported" in err
    assert sorted(p.name for p in (project.root / "maps").glob("*.html")) == ["good.html"]


def test_two_inputs_with_one_output_are_refused_before_writing(capsys, tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.arg").write_text('document x "X" {}\nthesis t "T."\n')
    status, _, err = report(capsys, tmp_path / "a", tmp_path / "b", "-o", tmp_path / "out")
    assert status == 2 and "would both be reported to" in err
    assert not (tmp_path / "out").exists()


def test_an_output_that_cannot_be_written_is_exit_2(capsys, tmp_path):
    (tmp_path / "file").write_text("")
    status, _, err = report(capsys, RENDER / "harbour.arg", "-o", tmp_path / "file" / "out")
    assert status == 2 and err.startswith("argmap: error: cannot create")


def test_help_gives_the_exit_statuses(capsys):
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    out = capsys.readouterr().out
    assert "exit status:" in out and "1  a file was not reported" in out


def test_the_content_security_policy_allows_exactly_the_inline_blocks(capsys, tmp_path):
    assert report(capsys, ROOT / "maps" / "fpri.arg", "-o", tmp_path)[0] == 0
    page = (tmp_path / "fpri.html").read_text(encoding="utf-8")
    parsed = Elements(page)
    [policy] = [a["content"] for tag, a in parsed.tags
                if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"]

    def hashes(directive: str) -> list[str]:
        sources = re.search(rf"{directive} ([^;]*)", policy).group(1).split()
        return [s.strip("'").removeprefix("sha256-") for s in sources]

    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()

    assert "default-src 'none'" in policy
    assert hashes("script-src") == [digest(text) for text in parsed.blocks["script"]]
    assert hashes("style-src") == [digest(text) for text in parsed.blocks["style"]]
    # Nothing the policy would block is on the page: no style or event attribute, no
    # element that loads something.
    attributes = {name for _, attrs in parsed.tags for name in attrs}
    assert "style" not in attributes and not [n for n in attributes if n.startswith("on")]
    assert not {tag for tag, _ in parsed.tags} & {"img", "link", "iframe", "object", "embed"}


def test_hostile_text_is_escaped(capsys, project):
    (project.root / "maps" / "hostile.txt").write_text(
        f"Intro {HOSTILE_SCRIPT} and </textarea></style><!-- end.\n", encoding="utf-8")
    project.write("hostile.arg", f"""\
        document hostile "{HOSTILE_SCRIPT}" {{
          url "javascript:alert(2)"
          source "hostile.txt"
        }}
        thesis t "</textarea><img src=x onerror=alert(3)> \\"quoted\\" {HOSTILE_SCRIPT}"
        evidence q "{HOSTILE_SCRIPT} and </textarea></style><!--" supports t
        """)
    out = project.root / "out"
    assert report(capsys, project.root / "maps" / "hostile.arg", "-o", out)[0] == 0
    page = (out / "hostile.html").read_text(encoding="utf-8")
    parsed = Elements(page)
    assert len(parsed.blocks["script"]) == 2  # Panzoom and the page's own
    assert not {tag for tag, _ in parsed.tags} & {"img", "textarea"}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript' not in page


def test_pages_are_byte_identical_across_runs_and_hash_seeds(tmp_path):
    pages: dict[str, set[bytes]] = {}
    for seed in ("0", "1", "4242"):
        folder = tmp_path / seed
        done = subprocess.run([sys.executable, "-m", "argmap", "report", "-o", str(folder), "maps"],
                              cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed},
                              capture_output=True, check=False)
        assert done.returncode == 0, done.stderr
        for path in folder.glob("*.html"):
            pages.setdefault(path.name, set()).add(path.read_bytes())
    assert len(pages) == 3 and all(len(versions) == 1 for versions in pages.values())


def test_committed_reports_are_current(tmp_path):
    """maps/*.html, which the README links, is what `argmap report maps/` writes today (the
    drawing aside: it depends on the Graphviz version and the fonts)."""
    done = subprocess.run([sys.executable, "-m", "argmap", "report", "-o", str(tmp_path), "maps"],
                          cwd=ROOT, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    for page in sorted(tmp_path.glob("*.html")):
        committed = ROOT / "maps" / page.name
        assert committed.exists(), f"maps/{page.name} is missing: run `argmap report maps/`"
        stale = f"maps/{page.name} is stale: run `argmap report maps/`"
        assert without_drawing(committed.read_text(encoding="utf-8")) == without_drawing(
            page.read_text(encoding="utf-8")), stale


def test_a_map_without_a_source_is_reported_without_a_text(capsys, project):
    project.write("bare.arg", 'document bare "Bare" { author "A." }\nthesis t "T."\n'
                              'assumption a "A." supports t\n')
    out = project.root / "out"
    assert report(capsys, project.root / "maps" / "bare.arg", "-o", out)[0] == 0
    page = (out / "bare.html").read_text(encoding="utf-8")
    assert '<p class="source-problem">coverage unknown: the header names no source</p>' in page
    assert 'class="source"' not in page and 'class="text-legend"' not in page


def test_a_quote_elided_with_dots_is_marked_piece_by_piece(capsys, project):
    project.write("elided.arg", '''\
        document elided "Elided" { source "../seeds/fpri.txt" }
        thesis t "Sanctions fail."
        evidence q "The policy of economic sanctions on North Korea ... has proven insufficient"
          supports t
        ''')
    out = project.root / "out"
    assert report(capsys, project.root / "maps" / "elided.arg", "-o", out)[0] == 0
    tags = Elements((out / "elided.html").read_text(encoding="utf-8")).tags
    pieces = [a for tag, a in tags if tag == "a" and a.get("data-nodes") == "elided.q"]
    assert len(pieces) == 2
    assert [a.get("id") for a in pieces] == ["quote:elided.q", None]


@given(st.text(alphabet="ab<&\n \"'", max_size=40),
       st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=6),
       st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=3))
def test_highlighting_keeps_the_text_and_marks_each_quote_once(text, quotes, gaps):
    spans = [QuoteSpan(min(a, b, len(text)), min(max(a, b), len(text)), f"d.q{i}")
             for i, (a, b) in enumerate(quotes)]
    # Unquoted sentences do not overlap one another.
    ends = sorted({min(x, len(text)) for gap in gaps for x in gap})
    unquoted = list(zip(ends[::2], ends[1::2]))
    marked = highlight(text, spans, unquoted)
    assert html.unescape(re.sub(r"<[^>]*>", "", marked)) == text
    for span in spans:
        expected = 1 if span.start < span.end else 0
        assert marked.count(f'id="{quote_anchor(span.node)}"') == expected


def test_version_does_not_import_the_report_pages():
    code = ("import sys\nfrom argmap.cli import main\ntry:\n    main(['--version'])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('argmap.report')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"
