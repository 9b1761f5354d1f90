"""`argmap render` with hostile text: every string is shown as typed, and none becomes markup,
a Graphviz attribute, a script or a `javascript:` link."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.api import draw
from argmap.cli import main
from argmap.names import shortened
from argmap.render.escape import label_text, safe_url, xml_text

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

HOSTILE = [
    "quotes: \"double\" and 'single'",
    "back\\slash \\ and a trailing backslash\\",
    "escapes: \\N \\G \\L \\n \\E \\T \\H \\l \\r \\\\N",
    '<script>alert("x")</script>',
    ']; node [URL="javascript:alert(1)"]; x [label="',
    "<<TABLE><TR><TD>cell</TD></TR></TABLE>>",
    "RTL \u200f\u202e\u05de\u05e4\u05d4\u202c marks \u200e",
    "emoji \U0001f5fa\ufe0f\U0001f469\U0001f3fd\u200d\U0001f4bb and \u2713",
    "Pneumonoultramicroscopicsilicovolcanoconiosis" * 3,
    "&amp; &lt; &#92; &#x41; entities",
]
TAGS = ["<script>x</script>", "javascript:alert", "\\N", "]"]
HOSTILE_HTTPS = 'https://example.org/a"onmouseover="alert(1)'



def arg_string(text: str) -> str:
    """`text` as an .arg one-line string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture
def hostile(project):
    """A map and a comparison full of hostile text; the source holds every text as a paragraph."""
    (project.root / "maps" / "hostile.txt").write_text("\n\n".join(HOSTILE) + "\n", encoding="utf-8")
    lines = [f"document hostile {arg_string(HOSTILE[5])} {{",
             f"  publisher {arg_string(HOSTILE[3])}",
             f"  author {arg_string(HOSTILE[1])}",
             f"  date {arg_string(HOSTILE[2])}",
             f"  url {arg_string('javascript:alert(document.cookie)')}",
             '  source "hostile.txt"', "}",
             f"thesis top {arg_string(HOSTILE[3])} " + " ".join(f"#{t}" for t in TAGS)]
    for i, text in enumerate(HOSTILE):
        lines += [f"premise p{i} {arg_string(text)} supports top",
                  f"evidence e{i} {arg_string(text)} supports p{i}"]
    lines += [f"assumption a {arg_string(HOSTILE[4])} supports top",
              f"objection o {arg_string(HOSTILE[5])} attacks top undercuts e0 -> p0",
              f"rebuttal r {arg_string(HOSTILE[2])} attacks o"]
    project.write("hostile.arg", "\n".join(lines) + "\n")
    project.write("other.arg", "\n".join([
        f"document other {arg_string(HOSTILE[0])} {{",
        f"  url {arg_string(HOSTILE_HTTPS)}", "}",
        f"thesis t {arg_string(HOSTILE[1])}", f"assumption a {arg_string(HOSTILE[7])} supports t"]) + "\n")
    project.write("both.arg", "\n".join([
        f"compare both {arg_string(HOSTILE[3])} {{", '  use "hostile.arg"', '  use "other.arg"', "}",
        f"hostile.top contradicts other.t {arg_string(HOSTILE[4])}",
        f"other.a supports hostile.p1 {arg_string(HOSTILE[6])}"]) + "\n")
    return project


def render_svg(capsys, project, name: str, *options: str) -> str:
    out = project.root / "out"
    assert main(["render", str(project.root / "maps" / name), "-o", str(out), *options]) == 0, (
        capsys.readouterr())
    return (out / name.replace(".arg", ".svg")).read_text(encoding="utf-8")


def shown(group: ET.Element) -> str:
    """The text a group shows, without white space (wrapping changes only that)."""
    return re.sub(r"\s", "", "".join(t.text or "" for t in group.iter(f"{SVG}text")))


def squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_hostile_text_is_shown_as_typed(hostile, capsys):
    svg = render_svg(capsys, hostile, "both.arg", "--full", "--quotes-inside")
    groups = {g.get("id"): g for g in ET.fromstring(svg).iter(f"{SVG}g")}
    tags = " ".join(f"#{t}" for t in TAGS)
    # The other end of a relation is named by its text, shortened, as typed.
    assert shown(groups["hostile.top"]) == squeeze(
        HOSTILE[3] + tags + f"1 contradicts → “{shortened(HOSTILE[1])}”")
    assert groups["hostile.top"].find(f"{SVG}title").text == f"thesis hostile.top\n{HOSTILE[3]}\n{tags}"
    for i, text in enumerate(HOSTILE):
        # Each quote but e0, whose link is undercut, is drawn inside its premise's box.
        inside = shown(groups[f"hostile.e{i}"]) if i else ""
        assert groups[f"hostile.e{i}"].get("class") == ("quote" if i else "node")
        # p1 is the end of the comparison's second relation: its number is under its text.
        marker = squeeze(f"2 supports ← “{shortened(HOSTILE[7])}”") if i == 1 else ""
        assert shown(groups[f"hostile.p{i}"]) == squeeze(text) + marker + inside
        assert groups[f"hostile.p{i}"].find(f"{SVG}title").text == f"premise hostile.p{i}\n{text}"
        assert shown(groups[f"hostile.e{i}"]) == squeeze(f"“{text}”hostile · line {2 * i + 1}")
        assert groups[f"hostile.e{i}"].find(f"{SVG}title").text == (
            f"evidence hostile.e{i}\n“{text}”\nhostile · line {2 * i + 1} of hostile.txt")
    assert shown(groups["hostile.a"]) == squeeze(HOSTILE[4])
    assert shown(groups["hostile.o"]) == squeeze(HOSTILE[5])
    assert shown(groups["hostile.r"]) == squeeze(HOSTILE[2])
    assert shown(groups["other.t"]) == squeeze(
        HOSTILE[1] + f"1 contradicts ← “{shortened(HOSTILE[3])}”")
    assert shown(groups["document:hostile"]).startswith(
        squeeze(HOSTILE[5] + HOSTILE[3] + " · " + HOSTILE[1] + " · " + HOSTILE[2]))
    assert groups["document:hostile"].find(f"{SVG}title").text == (
        f"{HOSTILE[5]}\n{HOSTILE[3]} · {HOSTILE[1]} · {HOSTILE[2]}")
    assert shown(groups["comparison"]) == squeeze(HOSTILE[3])


def test_hostile_explanations_are_shown_as_typed_in_the_key(hostile, capsys):
    svg = render_svg(capsys, hostile, "both.arg")
    groups = {g.get("id"): g for g in ET.fromstring(svg).iter(f"{SVG}g")}
    explained = "".join(shown(group) for name, group in groups.items()
                        if name and name.endswith("/why"))
    assert squeeze(HOSTILE[4]) in explained and squeeze(HOSTILE[6]) in explained
    assert groups["contradicts:hostile.top:other.t"].find(f"{SVG}title").text == (
        f"1. hostile.top contradicts other.t\n{HOSTILE[4]}")
    assert shown(groups["hostile.top"]) == squeeze(HOSTILE[3] + " ".join(f"#{t}" for t in TAGS))


def test_hostile_text_makes_no_script_and_no_javascript_link(hostile, capsys):
    for name, options in (("hostile.arg", ()), ("both.arg", ()), ("both.arg", ("--full",))):
        svg = render_svg(capsys, hostile, name, *options)
        root = ET.fromstring(svg)  # well-formed XML
        assert "<script" not in svg.lower()
        links = []
        for element in root.iter():
            assert element.tag.split("}")[-1].lower() != "script"
            for attribute, value in element.attrib.items():
                assert "javascript:" not in value.lower(), (element.tag, attribute, value)
                assert not attribute.split("}")[-1].lower().startswith("on"), (element.tag, attribute)
                if attribute in (f"{XLINK}href", "href"):
                    links.append(value)
        # Only the https url of `other` is a link; its quotes are percent-encoded.
        expected = ["https://example.org/a%22onmouseover=%22alert(1)"] if name == "both.arg" else []
        assert links == expected


def test_hostile_text_lays_out_in_every_format(hostile, capsys):
    out = hostile.root / "out"
    for fmt in ("png", "pdf", "dot"):
        assert main(["render", str(hostile.root / "maps" / "both.arg"), "-o", str(out),
                     "--format", fmt]) == 0
    dot = (out / "both.dot").read_text(encoding="utf-8")
    # User text reaches the DOT only inside labels built from escaped text.
    assert "javascript" not in re.sub(r"label=<.*?> (?=\w+=)|xlabel=<.*?>\]", "", dot, flags=re.S)


# The escaping itself.

@pytest.mark.parametrize("text, escaped", [
    ("plain", "plain"),
    ("\\N and \\", "\\\\N and \\\\"),
    ("<b>&amp;</b>", "&lt;b&gt;&amp;amp;&lt;/b&gt;"),
    ('say "hi"', "say &quot;hi&quot;"),
    ("bell\x07 and \x0b tab\t", "bell\ufffd and \ufffd tab\t"),
])
def test_label_text(text, escaped):
    assert label_text(text) == escaped


def test_xml_text_keeps_backslashes():
    assert xml_text("a\\N<") == "a\\N&lt;"


@pytest.mark.parametrize("url, link", [
    ("https://example.org/path?a=1&b=2#top", "https://example.org/path?a=1&b=2#top"),
    ("  http://example.org/  ", "http://example.org/"),
    ("HTTPS://example.org", "HTTPS://example.org"),
    ('https://example.org/"><script>', "https://example.org/%22%3E%3Cscript%3E"),
    ("https://example.org/a\\b c", "https://example.org/a%5Cb%20c"),
    ("https://example.org/caf\u00e9", "https://example.org/caf%C3%A9"),
    ("javascript:alert(1)", None),
    (" JavaScript:alert(1)", None),
    ("java\tscript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("file:///etc/passwd", None),
    ("//example.org/no-scheme", None),
    ("https:no-host", None),
    ("example.org", None),
])
def test_safe_url(url, link):
    assert safe_url(url) == link


# Any text a one-line string can hold: every character but line breaks, surrogates and NUL
# (which makes a file binary data, refused), with the ones XML cannot hold (C0 controls,
# U+FFFE, U+FFFF) drawn often.
ANY_TEXT = st.text(st.one_of(
    st.sampled_from("\x01\x08\x0b\x0c\x1b\x7f\ufffe\uffff\t<&\"\\"),
    st.characters(blacklist_categories=("Cs",),
                  blacklist_characters="\x00\n\r\x85\u2028\u2029")),
    min_size=1, max_size=12)


@given(ANY_TEXT)
def test_render_and_report_write_xml_whatever_the_text(tmp_path_factory, text):
    """Every text that reaches the SVG (labels, tooltips, a quote's title, the document's
    title) is cleaned, so that the SVG parses and the report, which reads it back, runs."""
    folder = tmp_path_factory.mktemp("any")
    text = f"x {text} y"  # never blank, which is an error that stops the report
    (folder / "s.txt").write_text(f"before {text} after\n", encoding="utf-8")
    (folder / "m.arg").write_text("\n".join([
        f"document d {arg_string(text)} {{ source \"s.txt\" }}",
        f"thesis t {arg_string(text)}",
        f"evidence e {arg_string(text)} supports t",
        f"objection o {arg_string(text)} attacks t"]) + "\n", encoding="utf-8")
    svg = draw(str(folder / "m.arg"))
    ET.fromstring(svg.encode("utf-8"))
    assert main(["report", str(folder / "m.arg"), "-o", str(folder)]) == 0
