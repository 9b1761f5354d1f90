"""`argmap fmt`: the canonical layout is reached in one step, keeps every comment, and never
changes what a file means (its model, positions aside, and its findings)."""

from __future__ import annotations

import io
import tempfile
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.cli import main
from argmap.errors import ArgSyntaxError
from argmap.fmt import format_text
from argmap.lint import check_paths
from argmap.model import to_data
from argmap.parsing import parse
from argmap.tokens import TokenKind, tokenize
from conftest import ROOT
from test_fuzz import valid_maps


def without_positions(data):
    """Model data with every position left out, for comparing a file before and after."""
    if isinstance(data, dict):
        return {k: without_positions(v) for k, v in data.items() if "position" not in k}
    if isinstance(data, (list, tuple)):
        return [without_positions(v) for v in data]
    return data


def comments(text: str) -> list[str]:
    return [t.text.rstrip() for t in tokenize(text) if t.kind is TokenKind.COMMENT]


def assert_formats_faithfully(text: str) -> str:
    formatted = format_text(text)
    assert format_text(formatted) == formatted
    assert without_positions(to_data(parse(formatted, "x.arg"))) == \
        without_positions(to_data(parse(text, "x.arg")))
    assert comments(formatted) == comments(text)
    return formatted


def repository_files() -> list[Path]:
    files = []
    for path in sorted(ROOT.glob("**/*.arg")):
        if ".venv" in path.parts or "node_modules" in path.parts:
            continue
        try:
            parse(path.read_text(encoding="utf-8"), str(path))
        except (ArgSyntaxError, UnicodeDecodeError):
            continue
        files.append(path)
    return files


REPOSITORY_FILES = repository_files()


def test_the_repository_has_files_that_parse():
    assert len(REPOSITORY_FILES) > 30


@pytest.mark.parametrize("path", REPOSITORY_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_file_of_the_repository_formats_faithfully(path, tmp_path):
    text = path.read_text(encoding="utf-8")
    formatted = assert_formats_faithfully(text)
    # The findings stay the same, suppression comments included (their lines may move).
    copy = path.parent / f".fmt-{path.name}"
    try:
        copy.write_text(formatted, encoding="utf-8")
        after = rules_of(copy)
    finally:
        copy.unlink()
    before = rules_of(path)
    assert after == before


def rules_of(path: Path) -> Counter:
    """How many findings of each rule checking the file gives in the file itself."""
    findings = check_paths([str(path)]).findings
    return Counter(f.rule for f in findings if f.position.file == str(path))


def test_the_committed_maps_are_in_the_canonical_layout():
    for path in (ROOT / "maps").glob("*.arg"):
        text = path.read_text(encoding="utf-8")
        assert format_text(text) == text, path


_SEPARATORS = st.sampled_from([" ", "\n", "\n\n\n", "\t", " # a comment\n", "\n# own line\n",
                               "  #\n", " # argmap: ignore\n", "\r\n"])


@st.composite
def noisy_maps(draw) -> str:
    """A valid map with the white space between its tokens replaced by any white space
    and comments."""
    text, _ = draw(valid_maps())
    pieces = []
    for token in tokenize(text):
        if token.kind is not TokenKind.SPACE:
            pieces.append(token.text)
        elif pieces and pieces[-1].startswith("#"):
            pieces.append("\n" + draw(_SEPARATORS))  # a comment runs to the end of its line
        else:
            pieces.append(draw(_SEPARATORS))
    return "".join(pieces)


@given(valid_maps())
def test_random_valid_maps_format_faithfully(generated):
    assert_formats_faithfully(generated[0])


@given(noisy_maps())
def test_random_maps_with_comments_anywhere_format_faithfully(text):
    assert_formats_faithfully(text)


def test_the_layout():
    text = ('# about\ndocument d "T" { source "s.txt" date "2017" }\n'
            'thesis t "x"\n\n\n\npremise p "y" #tag supports t attacks q undercuts a->b\n'
            'objection q "z" attacks # why\n t\n')
    assert format_text(text) == (
        '# about\ndocument d "T" {\n  source "s.txt"\n  date "2017"\n}\nthesis t "x"\n\n'
        'premise p "y" #tag\n  supports t\n  attacks q\n  undercuts a -> b\n'
        'objection q "z"\n  attacks  # why\n    t\n')
    assert format_text('compare c "C" { use "a.arg" }\na . x agrees b.y "why" a.z attacks b.w') \
        == 'compare c "C" {\n  use "a.arg"\n}\na.x agrees b.y\n  "why"\na.z attacks b.w\n'
    assert format_text('document d "T" {  }') == 'document d "T" {}\n'
    assert format_text('topic\n  "A" thesis t "x" topic "B"\npremise p "y" supports t') == (
        'topic "A"\nthesis t "x"\ntopic "B"\npremise p "y"\n  supports t\n')
    assert format_text('compare c "C" {}\ntopic "A" a.x agrees b.y "why"\n\ntopic "B"') == (
        'compare c "C" {}\ntopic "A"\na.x agrees b.y\n  "why"\n\ntopic "B"\n')


def test_a_suppression_comment_stays_on_the_first_line_of_its_node():
    text = 'premise p "y" supports t  # argmap: ignore[unsupported-claim]\n'
    assert format_text(text) == 'premise p "y"  # argmap: ignore[unsupported-claim]\n  supports t\n'


@pytest.mark.parametrize("text, expected", [
    # Not on the node's first line: it silences nothing, and stays off the first line.
    ('thesis n0\n"" # argmap: ignore\n', 'thesis n0\n  ""  # argmap: ignore\n'),
    # On the first line of three statements: it silences the three, which stay on it.
    ('document d "D" {} thesis a "x" premise b "y" supports a # argmap: ignore\n'
     '  attacks c, e\nthesis c "z"\n',
     'document d "D" {} thesis a "x" premise b "y" supports a  # argmap: ignore\n'
     '  attacks c, e\nthesis c "z"\n'),
])
def test_a_suppression_comment_silences_what_it_silenced(tmp_path, text, expected):
    assert format_text(text) == expected
    before, after = tmp_path / "before.arg", tmp_path / "after.arg"
    before.write_text(text, encoding="utf-8")
    after.write_text(expected, encoding="utf-8")
    assert rules_of(after) == rules_of(before)


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


def test_fmt_rewrites_files_and_check_reports_them(tmp_path):
    messy = tmp_path / "messy.arg"
    messy.write_text('document d "T" {}\nthesis t "x" premise p "y" supports t\n', encoding="utf-8")
    tidy = tmp_path / "tidy.arg"
    tidy.write_text('document d "T" {}\nthesis t "x"\n', encoding="utf-8")
    status, out, err = run("fmt", "--check", str(tmp_path))
    assert (status, out) == (1, f"would reformat {messy}\n")
    assert "1 of 2 files would be reformatted" in err
    assert run("fmt", str(tmp_path))[:2] == (0, f"reformatted {messy}\n")
    assert messy.read_text(encoding="utf-8") == \
        'document d "T" {}\nthesis t "x"\npremise p "y"\n  supports t\n'
    assert run("fmt", "--check", str(tmp_path))[0] == 0


def test_fmt_leaves_a_file_that_does_not_parse_alone(tmp_path):
    broken = tmp_path / "broken.arg"
    broken.write_text('document d "T" {}\nthesis t "x" support t\n', encoding="utf-8")
    status, _out, err = run("fmt", str(broken))
    assert status == 1
    assert "broken.arg:2:" in err and "[syntax-error]" in err
    assert broken.read_text(encoding="utf-8") == 'document d "T" {}\nthesis t "x" support t\n'


def test_fmt_keeps_crlf_line_ends():
    assert format_text('thesis t "x"\r\n  supports a\r\n') == 'thesis t "x"\r\n  supports a\r\n'


def test_fmt_dash_filters_standard_input(monkeypatch, capsys):
    messy = b'thesis t "x" premise p "y" supports t'
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(messy)))
    assert main(["fmt", "-"]) == 0
    assert capsys.readouterr().out == 'thesis t "x"\npremise p "y"\n  supports t\n'
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b'thesis t "x" support t')))
    assert main(["fmt", "-"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "did you mean `supports`?" in err


@st.composite
def noisy_maps_with_sources(draw) -> tuple[str, str]:
    """A valid map with comments anywhere, suppression comments among them, and its source."""
    text, source = draw(valid_maps())
    pieces = []
    for token in tokenize(text):
        if token.kind is not TokenKind.SPACE:
            pieces.append(token.text)
        elif pieces and pieces[-1].startswith("#"):
            pieces.append("\n" + draw(_SEPARATORS))
        else:
            pieces.append(draw(_SEPARATORS))
    return "".join(pieces), source


@given(noisy_maps_with_sources())
def test_formatting_keeps_the_findings_of_random_maps(generated):
    text, source = generated
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "source.txt").write_text(source, encoding="utf-8")
        before, after = Path(folder, "before.arg"), Path(folder, "after.arg")
        before.write_text(text, encoding="utf-8")
        after.write_text(format_text(text), encoding="utf-8")
        assert rules_of(after) == rules_of(before)
