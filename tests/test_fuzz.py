"""Fuzzing: whatever the input, `argmap check` answers with diagnostics and never crashes;
the reader and Lark read every file alike; valid maps draw as DOT that Graphviz accepts.

Examples per test come from the Hypothesis profile (tests/conftest.py): a few dozen in CI,
thousands with HYPOTHESIS_PROFILE=long.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.errors import ArgSyntaxError
from argmap.lexicon import HEADER_KEYS, KEYWORDS
from argmap.model import Lines
from argmap.parsing.lark_parser import parse_with_lark
from argmap.parsing.reader import LeftToLark, read
from argmap.quotes import SourceText, _normalize, _pieces_of, normalize, quote_pieces
from conftest import ROOT

MAPS = ROOT / "maps"


def run(*args: str) -> tuple[int, str, str]:
    """`argmap ARGS...` in-process: the exit status, standard output and standard error."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


def check_never_crashes(path: Path) -> list[dict]:
    """Check `path`: findings (as JSON), exit status 0 or 1, and no internal error."""
    status, out, err = run("check", "--format", "json", str(path))
    assert "internal error" not in err, err
    assert status in (0, 1), (status, err)
    findings = json.loads(out)
    assert all(f["line"] >= 1 and f["column"] >= 1 for f in findings)
    return findings


def lark_outcome(text: str, well_formed_to: int = 0):
    """Lark's model of `text`, or the words and place of its syntax error."""
    try:
        return parse_with_lark(text, "fuzz.arg", well_formed_to)
    except ArgSyntaxError as error:
        return error.message, error.position


@contextlib.contextmanager
def working_in(folder: str):
    """Run in `folder`, the project whose sources argmap then reads, and come back."""
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def assert_read_alike(text: str) -> None:
    """The reader gives Lark's model, and gives up only on what Lark rejects; and Lark,
    told where the statements the reader read whole end, words the error as it does when
    it parses the whole file."""
    expected = lark_outcome(text)
    got = read(text, "fuzz.arg")
    if isinstance(got, LeftToLark):
        assert isinstance(expected, tuple), text
        assert lark_outcome(text, got.well_formed_to) == expected, text
    else:
        assert got == expected, text


# --- Token soup: the language's tokens, near-misses and junk, in any order ------------

_IDENTS = ["a", "b", "d", "main", "x-y", "_1", "a-", "Thesis", "thesis_2", "supportsx"]
_PUNCTUATION = ["{", "}", ",", ".", "->", "-", ">", "=>", ":", "=", "(", ")", "#", "#t",
                "#a#b", "#,", "#\"", "0", "9a", "é", "\u201c", "'", "`", "\x00", "\ufffd"]
_SEPARATORS = ["", " ", " ", " ", "\n", "\t", "\r\n", "\u00a0", "\ufeff", "\u2028",
               " # a comment\n", " #\n", "\n\n"]
_STRING_PARTS = st.sampled_from(["x", " ", "é", "#", "\\\"", "\\\\", "\\n", "\\t", "\\",
                                 "\n", "\"", "\"\"", "...", "{", "}", "\r"])


@st.composite
def strings(draw) -> str:
    """String tokens, well formed or not: escapes good and bad, triple quotes, breaks."""
    body = "".join(draw(st.lists(_STRING_PARTS, max_size=6)))
    quote = draw(st.sampled_from(['"', '"""']))
    closing = draw(st.sampled_from([quote, quote, quote, "", '"']))
    return quote + body + closing


_TOKENS = st.one_of(st.sampled_from(sorted(KEYWORDS)), st.sampled_from(_IDENTS),
                    st.sampled_from(_PUNCTUATION), strings())


@st.composite
def statements(draw) -> list[str]:
    """A statement of the language, as tokens: a node, a header, a use, a cross relation, a
    topic."""
    ref = st.one_of(st.sampled_from(_IDENTS), st.builds("{}.{}".format, st.sampled_from(_IDENTS),
                                                        st.sampled_from(_IDENTS)))
    shape = draw(st.sampled_from(["node", "document", "compare", "cross", "topic"]))
    if shape == "topic":
        return ["topic", *draw(st.lists(strings(), max_size=2))]
    if shape == "node":
        tokens = [draw(st.sampled_from(["thesis", "premise", "evidence", "assumption",
                                        "objection", "rebuttal"])),
                  draw(st.sampled_from(_IDENTS)), draw(strings())]
        tokens += draw(st.lists(st.sampled_from(["#t", "#x:y", "#été"]), max_size=2))
        for _ in range(draw(st.integers(0, 2))):
            relation = draw(st.sampled_from(["supports", "attacks", "undercuts", "linked",
                                             "explains", "concedes", "outranks"]))
            targets = draw(st.lists(ref, min_size=1, max_size=3))
            if relation == "undercuts":
                targets = [f"{t} -> {draw(ref)}" for t in targets]
            if relation == "linked":  # `supports C with B, D`, or a misplaced `with`
                relation = draw(st.sampled_from(["supports", "explains", "attacks"]))
                targets = [draw(ref), "with", ", ".join(targets)]
            # A scheme, well placed (after a support or an explanation) or not.
            scheme = draw(st.sampled_from([[], [], ["by", "sign"], ["by", "x-y"], ["by"]]))
            tokens += [relation, ", ".join(targets), *scheme]
        return tokens
    if shape == "document":
        fields = draw(st.lists(st.tuples(st.sampled_from(list(HEADER_KEYS) + ["use", "x"]),
                                         strings()), max_size=2))
        return ["document", draw(st.sampled_from(_IDENTS)), draw(strings()), "{",
                *[t for field in fields for t in field], "}"]
    if shape == "compare":
        uses = draw(st.lists(strings(), max_size=2))
        return ["compare", draw(st.sampled_from(_IDENTS)), draw(strings()), "{",
                *[t for use in uses for t in ("use", use)], "}"]
    kind = draw(st.sampled_from(["agrees", "contradicts", "qualifies", "supports", "attacks"]))
    explanation = draw(st.lists(strings(), max_size=1))
    return [draw(ref), kind, draw(ref), *explanation]


@st.composite
def soups(draw) -> str:
    """Statements and stray tokens, joined by any kind of white space, comment or nothing."""
    pieces = draw(st.lists(st.one_of(statements(), st.lists(_TOKENS, max_size=3)), max_size=6))
    tokens = [token for piece in pieces for token in piece]
    out = []
    for token in tokens:
        out += [draw(st.sampled_from(_SEPARATORS)), token]
    return "".join(out) + draw(st.sampled_from(_SEPARATORS))


# At least 500 examples, whatever the profile: the reader's agreement with Lark is what lets
# the reader stand in for the parser of record.
@settings(max_examples=max(500, settings.default.max_examples))
@given(soups())
@example('premise p "x" supports a, b attacks c.d #t')
@example('premise p "x" explains a with b by sign concedes c outranks d supports e by x')
@example('objection o "x" undercuts a->b, c . d -> e')
@example('compare c "t" { use "a.arg" } a.b agrees c.d "why" e.f qualifies g.h')
@example('thesis t """\n  a "b" \\" c\n  """ document d "x" { source "s" }')
@example('thesis t "x" supports # comment\n a')
@example('thesis-> t "x"')
@example('thesis a""""""supports a.a')  # `""` then `""""`: the plain statement's backtracking
@example('premise p "x" supports a\n\n# note\n  attacks b')
@example('premise p "x" attacks a, b.c premise q "y" supports a, b, c')
@example('premise p "x" supports a ,b#t')
def test_reader_and_lark_read_alike(text):
    assert_read_alike(text)


def test_reader_and_lark_read_every_file_of_the_repository_alike():
    files = sorted([*ROOT.glob("maps/*.arg"), *ROOT.glob("tests/**/*.arg")])
    assert len(files) > 90
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        assert_read_alike(text)


# --- (1) Arbitrary bytes and text: diagnostics, never a crash --------------------------

@given(st.binary(max_size=300))
@example(b"\xef\xbb\xbfthesis t \"x\"")
@example(b"thesis t \"\xff\"")
@example(b"thesis t \"x\x00\"")
def test_any_bytes_are_checked_without_crashing(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "fuzz.arg")
        path.write_bytes(data)
        check_never_crashes(path)


@given(st.one_of(st.text(max_size=300), soups()))
def test_any_text_is_checked_without_crashing(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "fuzz.arg")
        path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        check_never_crashes(path)


# --- (3) Token-level mutations of the maps in maps/ -------------------------------------

_TOKEN = re.compile(r'"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|#[^\n]*|[A-Za-z_][\w-]*|\s+|.')


@pytest.fixture(scope="module")
def scratch():
    """A folder with the maps of maps/ and, through a link, the source texts they quote."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "maps").mkdir()
        os.symlink(ROOT / "seeds", root / "seeds")
        for path in MAPS.glob("*.arg"):
            (root / "maps" / path.name).write_bytes(path.read_bytes())
        yield root


def _tokens(name: str) -> list[str]:
    return _TOKEN.findall((MAPS / name).read_text(encoding="utf-8"))


_MAP_TOKENS = {path.name: _tokens(path.name) for path in sorted(MAPS.glob("*.arg"))}


@st.composite
def mutated_maps(draw) -> tuple[str, str]:
    """A map of maps/ with tokens deleted, duplicated, swapped, or the file truncated."""
    name = draw(st.sampled_from(sorted(_MAP_TOKENS)))
    tokens = list(_MAP_TOKENS[name])
    for _ in range(draw(st.integers(1, 4))):
        if not tokens:
            break
        i = draw(st.integers(0, len(tokens) - 1))
        j = draw(st.integers(0, len(tokens) - 1))
        operation = draw(st.sampled_from(["delete", "duplicate", "swap", "truncate"]))
        if operation == "delete":
            del tokens[i]
        elif operation == "duplicate":
            tokens.insert(i, tokens[i])
        elif operation == "swap":
            tokens[i], tokens[j] = tokens[j], tokens[i]
        else:
            del tokens[i:]
    return name, "".join(tokens)


@given(mutated_maps())
def test_mutated_maps_are_checked_without_crashing(scratch, mutation):
    name, text = mutation
    path = scratch / "maps" / f"mutated-{name}"
    path.write_text(text, encoding="utf-8")
    try:
        check_never_crashes(path)
        assert_read_alike(text)
    finally:
        path.unlink()


# --- (2) Valid random maps: checked, then drawn as DOT that Graphviz accepts ------------

_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzAZéß0123456789<>&'\"{}|\\[]%;", min_size=1,
                max_size=8)
# Text for titles and claims, escaped below: anything a file can hold (no NUL, no lone
# surrogate).
_TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
                max_size=40)


def _quoted(text: str, triple: bool = False) -> str:
    # A CR ends a line in a file, as a line feed does: neither stands raw in a string.
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "")
    if triple:
        return '"""\n' + escaped + '\n"""'
    return '"' + escaped.replace("\n", "\\n") + '"'


@st.composite
def valid_maps(draw) -> tuple[str, str]:
    """A map with no errors, and the source text its evidence quotes: nodes relate only to
    nodes before them (no circular support) and only as the rules allow."""
    sentences = draw(st.lists(st.lists(_WORD, min_size=3, max_size=8).map(" ".join),
                              min_size=1, max_size=6, unique=True))
    source = "\n\n".join(s + "." for s in sentences) + "\n"
    separator = st.sampled_from([" ", "\n  ", "\n\t", " # why\n  ", "\u00a0"])
    lines = [f'document d {_quoted(draw(_TEXT))} {{{draw(separator)}source "source.txt"']
    for key in draw(st.lists(st.sampled_from(["publisher", "author", "date", "url"]),
                             unique=True, max_size=2)):
        lines.append(f"  {key} {_quoted(draw(_TEXT))}")
    lines.append("}")
    kinds: dict[str, str] = {}
    supports: set[tuple[str, str]] = set()
    for index in range(draw(st.integers(1, 12))):
        node_id = f"n{index}"
        kind = "thesis" if index == 0 else draw(st.sampled_from(
            ["thesis", "premise", "evidence", "assumption", "objection", "rebuttal"]))
        if kind == "evidence":
            text = draw(st.sampled_from(sentences))
        else:
            text = draw(_TEXT)
        statement = [kind, node_id, _quoted(text, triple=draw(st.booleans()) and kind != "evidence")]
        statement += ["#" + t for t in draw(st.lists(_WORD.filter(
            lambda w: re.fullmatch(r'[^\s#",{}()]+', w)), max_size=2))]
        earlier = list(kinds)
        claims = [n for n in earlier if kinds[n] != "evidence"]
        # Linked only with quotes, which nothing supports, so no link closes a circle.
        partners = [n for n in earlier if kinds[n] == "evidence"]
        if kind in ("premise", "evidence", "assumption") and claims:
            targets = draw(st.lists(st.sampled_from(claims), min_size=1, max_size=2, unique=True))
            statement += ["supports", ", ".join(draw(st.sampled_from([t, f"d.{t}"])) for t in targets)]
            supports |= {(node_id, t) for t in targets}
            linked = [n for n in partners if n != targets[0]]
            if linked and draw(st.booleans()):  # a linked support: `supports t with m, ...`
                members = draw(st.lists(st.sampled_from(linked), min_size=1, max_size=2,
                                        unique=True))
                statement += ["supports", targets[0], "with", ", ".join(members)]
                supports |= {(member, targets[0]) for member in members}
        elif kind == "objection" and earlier:
            statement += ["attacks", draw(st.sampled_from(earlier))]
        elif kind == "rebuttal":
            objections = [n for n in earlier if kinds[n] == "objection"]
            links = sorted(supports)
            if objections and draw(st.booleans()):
                statement += ["attacks", draw(st.sampled_from(objections))]
            elif links:
                supporter, supported = draw(st.sampled_from(links))
                statement += ["undercuts", f"{supporter} -> {supported}"]
        kinds[node_id] = kind
        if not draw(st.integers(0, 3)):  # a topic over the nodes from here on
            lines.append(f"topic {_quoted(draw(_TEXT))}")
        lines.append(draw(separator).join(statement))
    return "\n".join(lines) + "\n", source


def graphviz_errors(dot: str) -> list[str]:
    """What Graphviz says is wrong when it lays out `dot` (with pygraphviz's Graphviz; its
    complaints, HTML labels' among them, go to the standard error of the process)."""
    pygraphviz = pytest.importorskip("pygraphviz")
    with tempfile.TemporaryFile() as errors:
        saved = os.dup(2)
        os.dup2(errors.fileno(), 2)
        try:
            pygraphviz.AGraph(string=dot).draw(format="svg", prog="dot")
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        errors.seek(0)
        said = errors.read().decode("utf-8", errors="replace")
    # Warnings (a font without metrics, say) depend on the machine; errors do not.
    return [line for line in said.splitlines() if line.startswith("Error")]


@given(valid_maps())
def test_valid_maps_check_and_draw_as_dot_graphviz_accepts(generated):
    text, source = generated
    with tempfile.TemporaryDirectory() as folder, working_in(folder):
        path = Path(folder, "map.arg")
        path.write_text(text, encoding="utf-8")
        Path(folder, "source.txt").write_text(source, encoding="utf-8")
        assert_read_alike(text)
        findings = check_never_crashes(path)
        assert [f for f in findings if f["severity"] == "error"] == []
        status, _, err = run("render", "--format", "dot", str(path))
        assert status == 0, err
        dot = Path(folder, "map.dot").read_text(encoding="utf-8")
    assert graphviz_errors(dot) == []


# --- Quote matching: the shortcuts agree with the plain definitions --------------------

_CURLY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_SPACES = {ord(c): " " for c in map(chr, range(0x3000 + 1)) if c.isspace() and c != "\n"}
_PLAIN_RULE_LINE = re.compile(r"^[^\S\n]*(?:[-\u2013\u2014_=*~][^\S\n]*){3,}$", re.MULTILINE)
_PLAIN_REWRITE = re.compile(
    r"(?P<par>[^\S\n]*\n(?:[^\S\n]*\n)+[^\S\n]*)"
    r"|(?P<dash>[^\S\n]*\n?[^\S\n]*[-\u2013\u2014]+[^\S\n]*(?:\n(?![^\S\n]*\n))?[^\S\n]*)"
    r"|(?P<comma>,(?:\s*,)+)"
    r"|(?P<space>\s{2,}|\n)")


def plain_normalize(text: str, source: bool = True) -> tuple[str, list[tuple[int, int]]]:
    """Normalisation as docs/language.md defines it, one rewrite at a time, and the
    (normalised, original) offset of every rewrite's end; a source's rule lines blanked."""
    points, shift = [], 0

    def rewrite(match):
        nonlocal shift
        new = {"par": "\n", "dash": "-", "comma": ","}.get(match.lastgroup, " ")
        shift += len(match.group()) - len(new)
        points.append((match.end() - shift, match.end()))
        return new

    if source:
        text = _PLAIN_RULE_LINE.sub(lambda m: " " * len(m.group()), text)
    return _PLAIN_REWRITE.sub(rewrite, text.translate(_CURLY)).translate(_SPACES), points


_PROSE = st.text(alphabet=" \n\t\u00a0\u2003\r,-\u2013\u2014_*.\u2026ab\u2019\u201c", max_size=40)


@given(_PROSE)
@example("a \n\n b -- c , , d\r\n e")
def test_normalisation_is_the_plain_rewrite(text):
    expected, points = plain_normalize(text)
    normalised, _, _ = _normalize(text)
    assert normalised == expected
    assert normalize(text) == plain_normalize(text, source=False)[0].strip()
    source = SourceText(text)
    for norm, orig in points:
        assert source.original_offset(norm) == orig


@given(st.lists(_PROSE, max_size=5))
def test_quotes_normalised_together_are_normalised_alike(quotes):
    assert _pieces_of(quotes) == [quote_pieces(quote) for quote in quotes]


@st.composite
def sources_and_quotes(draw) -> tuple[str, list[str]]:
    """A source of few distinct words, so that quotes recur, and runs of its words as
    quotes, some with the middle elided."""
    word = st.sampled_from(["a", "b", "ab", "ba", "a-b", "a,", "\u2019a", "-", "b."])
    space = st.sampled_from([" ", " ", "\n", "\n\n", "  ", " - "])
    words = draw(st.lists(word, min_size=1, max_size=60))
    source = "".join(w + draw(space) for w in words)
    quotes = []
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(words) - 1))
        quote = words[start:start + draw(st.integers(1, 12))]
        if len(quote) > 2 and draw(st.booleans()):
            quote[len(quote) // 2] = "..."
        quotes.append(" ".join(quote))
    return source, quotes


@given(sources_and_quotes())
def test_quotes_are_found_where_a_plain_search_finds_them(generated):
    source_text, quotes = generated
    source = SourceText(source_text)
    found = source.locate(quotes)
    for quote, result in zip(quotes, found):
        parts = quote_pieces(quote)
        assume(parts)
        assert result == (source._find(parts, None) or source._miss(parts))


@pytest.mark.parametrize("title, text", [
    ("Title", ""), ("Title", " "), ("Title", "\x0b"), ("Title", "\u2028"), ("", "text"),
    ("Title", "a\n"), ("Title", "a\n\nb"), ("a\n\nb", "text")])
def test_render_draws_lines_of_white_space_only(tmp_path, monkeypatch, title, text):
    monkeypatch.chdir(tmp_path)  # the project whose sources argmap reads
    path = tmp_path / "map.arg"
    path.write_text(f'document d {_quoted(title)} {{ source "source.txt" }}\n'
                    f'thesis n0 {_quoted(text)}\n', encoding="utf-8")
    (tmp_path / "source.txt").write_text("x.\n", encoding="utf-8")
    assert run("render", "--format", "dot", str(path))[0] == 0
    assert graphviz_errors((tmp_path / "map.dot").read_text(encoding="utf-8")) == []


@given(st.text(alphabet="ab\n\r", max_size=60), st.data())
def test_a_position_counted_is_the_position_indexed(text, data):
    """`Lines` counts line breaks for its first few positions, then makes an index: the
    two give the same position for every offset."""
    indexed = Lines("m.arg", text)
    for _ in range(Lines.COUNTED):
        indexed.position(0)
    offset = data.draw(st.integers(0, len(text)))
    assert Lines("m.arg", text).position(offset) == indexed.position(offset)
