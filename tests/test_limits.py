"""Hard inputs: big maps and sources stay linear, binary files are refused with words.

No test here is timed: where a quadratic algorithm would be wrong, the test counts the
work instead (how many places quote matching tries), so a regression fails on any machine.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from argmap.cli import main
from argmap.errors import ArgSyntaxError
from argmap.lexicon import NodeKind
from argmap.model import Lines
from argmap.parsing.lark_parser import parse_with_lark
from argmap.parsing.reader import LeftToLark, read
from argmap.quotes import QuoteMatch, SourceText
from conftest import HEADER, ROOT

WORDS = "the of sanctions russia china korea talks".split()


def prose(sentences: int) -> tuple[str, list[str]]:
    """A source of few distinct words, wrapped in paragraphs, and one quote per sentence
    (the sentence after its first word, as analysts trim): every quote opens with words
    that recur thousands of times."""
    lines, quoted = [], []
    for i in range(sentences):
        words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(12)]
        words.insert(6, f"case-{i}")
        lines.append(" ".join(words) + ".")
        quoted.append(" ".join(words[1:]))
    paragraphs = ["\n".join(lines[i:i + 5]) for i in range(0, len(lines), 5)]
    return "\n\n".join(paragraphs) + "\n", quoted


def test_quote_matching_tries_few_places_per_quote(monkeypatch):
    text, quoted = prose(3000)
    source = SourceText(text)
    tried = 0
    match_at = SourceText._match_at

    def counting(self, parts, pos):
        nonlocal tried
        tried += 1
        return match_at(self, parts, pos)

    monkeypatch.setattr(SourceText, "_match_at", counting)
    results = source.locate(quoted)
    assert all(isinstance(r, QuoteMatch) for r in results)
    # Five sentences a paragraph, one to a line, and a blank line between paragraphs.
    assert [r.line for r in results[:6]] == [1, 2, 3, 4, 5, 7]
    # One place each: the scan this replaced tried every quote at every word it shares
    # with the others, and the opening words of each quote recur in every sentence.
    assert tried == len(quoted)


def test_short_and_repeated_quotes_are_still_found_first_where_they_fit():
    text, _ = prose(50)
    source = SourceText(text + "\nthe of sanctions, at the end.\n")
    [first, elided, last] = source.locate(["the of", "russia ... case-7", "sanctions, at the"])
    # `the of` first occurs on the line added at the end (after 10 paragraphs of 5 lines);
    # `russia` opens every sentence, and the first in the paragraph of case 7 (line 9)
    # starts that paragraph, on line 7.
    assert (first.line, elided.line, last.line) == (61, 7, 61)


def test_source_of_tens_of_megabytes_is_read_once_and_quoted():
    text, quoted = prose(60_000)  # about 5 MB; the scan over it is one pass
    text = text * 4
    assert len(text) > 20_000_000
    source = SourceText(text)
    [match] = source.locate([quoted[-1]])
    assert match.line == 12_000 * 6 - 1  # the last line of the first copy


@pytest.mark.parametrize("data, words", [
    (b"abc\0def", "it contains a NUL byte"),
    (b"abc \xe9t\xe9", "it is not valid UTF-8: byte 0xE9"),
])
def test_a_binary_or_latin1_source_is_refused_with_words(project, data, words):
    (project.root / "seeds" / "bad.txt").write_bytes(data)
    project.write("m.arg", 'document d "D" { source "../seeds/bad.txt" }\nthesis t "x"\n'
                           'evidence e "abc" supports t\n')
    [finding] = project.check("m.arg")
    assert finding.rule == "source-not-found"
    assert words in finding.message


def test_a_map_of_100000_nodes_is_read_without_lark():
    lines = [HEADER, 'thesis n0 "claim 0"\n']
    lines += [f'premise n{i} "claim {i}" supports n{(i - 1) // 3}\n' for i in range(1, 100_000)]
    model = read("".join(lines), "big.arg")
    assert len(model.nodes) == 100_000
    assert model.nodes[-1].relations[0].target.node == f"n{(100_000 - 2) // 3}"


def test_a_syntax_error_at_the_end_of_a_big_map_is_found_and_worded():
    lines = [HEADER, 'thesis n0 "claim 0"\n']
    lines += [f'premise n{i} "claim {i}" supports n{i - 1}\n' for i in range(1, 5_000)]
    lines.append('premise last "x" supports\n')
    text = "".join(lines)
    left = read(text, "big.arg")
    assert isinstance(left, LeftToLark) and text[left.well_formed_to:].startswith("premise last")
    for well_formed_to in (0, left.well_formed_to):  # the whole file, or just its end
        with pytest.raises(ArgSyntaxError) as caught:
            parse_with_lark(text, "big.arg", well_formed_to)
        assert (caught.value.position.line, caught.value.position.column) == (5_002, 26)
        assert "expected a node id after `supports`" in caught.value.message


def test_a_string_of_megabytes_and_a_million_escapes_reads_alike():
    text = 'thesis t "' + 'a \\" b ' * 200_000 + '"\n'
    [node] = read(text, "long.arg").nodes
    assert node.kind is NodeKind.THESIS and node.text.count('"') == 200_000


def test_a_line_of_tens_of_thousands_of_nodes_reads():
    text = HEADER + " ".join(f'premise p{i} "x" supports p{i + 1}' for i in range(30_000))
    model = read(text, "line.arg")
    assert model.nodes[-1].text_position.column > 900_000


def test_check_imports_neither_graphviz_nor_lark_for_valid_maps():
    """Start-up stays small: drawing libraries load only for `render`, Lark only for a file
    the reader leaves to it."""
    code = ("import sys\nfrom argmap.cli import main\nmain(['check', '-q', 'maps'])\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'graphviz', 'pygraphviz', 'lark'}))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    assert done.stdout.splitlines()[-1] == "[]"



def test_check_of_a_clean_map_imports_only_what_checking_needs(tmp_path):
    """Start-up stays small (issue 14): with no configuration file, no finding to suggest a
    name for, and text output, `check` reads no TOML and imports neither difflib, nor
    traceback, nor json, nor pathlib (and urllib), nor shutil (and the compression modules)."""
    (tmp_path / "m.arg").write_text('document d "D" { }\nthesis t "x"\nassumption a "y" supports t\n')
    code = ("import sys\nfrom argmap.cli import main\nstatus = main(['check', '-q', 'm.arg'])\n"
            "print(status, sorted({m.split('.')[0] for m in sys.modules} & {'tomllib', 'difflib', "
            "'traceback', 'json', 'pathlib', 'urllib', 'shutil', 'bz2', 'lzma'}))")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, check=True)
    assert done.stdout.splitlines()[-1] == "0 []"

def test_a_clean_check_works_out_no_line_or_column(project, monkeypatch):
    """The model and the quote matches keep offsets (issue 14): a check that finds nothing
    works out no line or column of a map, nor any line of a source."""
    project.write("m.arg", HEADER + """\
        thesis t "Russia should have a larger role in North Korean affairs."
        premise p "Russia's role in North Korean affairs is long overdue." supports t
        evidence e "a more prominent role in North Korean affairs is long overdue" supports p
        """)

    def not_now(*args):
        raise AssertionError("a line or column was worked out")

    monkeypatch.setattr(Lines, "position", not_now)
    monkeypatch.setattr(SourceText, "line_at", not_now)
    assert project.check() == []


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_device_as_source_or_map_is_refused_not_read_for_ever(project):
    # Allowed outside the project, so that it is the device that is refused.
    (project.root / "argmap.toml").write_text("allow-outside-project = true\n")
    project.write("m.arg", 'document d "D" { source "/dev/zero" }\nthesis t "x"\n'
                           'evidence e "abc" supports t\n')
    project.write("c.arg", 'compare c "C" { use "/dev/zero" }\n')
    findings = {f.rule: f.message for f in project.check("m.arg", "c.arg")}
    assert "it is not a regular file but a device or a pipe" in findings["source-not-found"]
    assert findings["unknown-reference"] == "`use` names `/dev/zero`, which cannot be read"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_as_source_is_refused_not_waited_on(project):
    os.mkfifo(project.root / "seeds" / "pipe.txt")
    project.write("m.arg", 'document d "D" { source "../seeds/pipe.txt" }\nthesis t "x"\n')
    [finding] = [f for f in project.check("m.arg") if f.rule == "source-not-found"]
    assert "not a regular file" in finding.message


def test_a_pipe_or_device_named_on_the_command_line_is_refused_as_such(tmp_path, capsys):
    os.mkfifo(tmp_path / "pipe.arg")
    for path in (str(tmp_path / "pipe.arg"), "/dev/null"):
        assert main(["check", path]) == 2
        assert capsys.readouterr().err == (
            f"argmap: error: not a file or folder but a device or a pipe: {path}\n")
