"""The corpus of bad inputs: each `tests/bad/*.arg` file says which findings it must give.

A case file starts with expectation lines, comments the parser ignores:

    # expect: RULE LINE: words the message must contain

LINE is the 1-based line of the finding, counting these comment lines. Every expectation
must be met by a finding in the case file, and every finding of severity `error` must be
expected (warnings and infos may come in addition). Files under `tests/bad/used/` are maps
the comparisons use, and `tests/bad/sources/` holds the texts evidence quotes are checked
against; neither may give an error of its own.

Inputs that cannot be written as a UTF-8 case file (a NUL byte, invalid UTF-8, Latin-1) and
inputs that must parse (a BOM, CRLF line endings, tabs, no final newline) are built here
byte by byte.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from argmap.cli import main

BAD = Path(__file__).resolve().parent / "bad"
CASES = sorted(BAD.glob("*.arg"))
EXPECT = re.compile(r"# expect: (?P<rule>[a-z][a-z-]*) (?P<line>\d+): (?P<words>.+)")


def run_check(path: Path, capsys) -> tuple[int, list[dict]]:
    """`argmap check --format json PATH`, in-process: the exit status and the findings."""
    capsys.readouterr()  # drop anything printed before
    status = main(["check", "--format", "json", str(path)])
    out = capsys.readouterr().out
    assert status in (0, 1, 2), f"exit status {status}"
    findings = json.loads(out)
    assert isinstance(findings, list)
    for finding in findings:
        assert {"rule", "severity", "file", "line", "column", "message"} <= finding.keys()
    return status, findings


def expectations(path: Path) -> list[tuple[str, int, str]]:
    """The `# expect:` lines at the top of a case file, as (rule, line, words)."""
    found = []
    for text in path.read_text(encoding="utf-8").splitlines():
        match = EXPECT.fullmatch(text.rstrip())
        if match is None:
            break
        found.append((match["rule"], int(match["line"]), match["words"]))
    return found


def same_file(a: str, b: Path) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


def meets(finding: dict, rule: str, line: int, words: str) -> bool:
    return finding["rule"] == rule and finding["line"] == line and words in finding["message"]


def shown(findings: list[dict]) -> str:
    return "\n".join(f"  {f['file']}:{f['line']}:{f['column']}: {f['severity']}: "
                     f"{f['message']} [{f['rule']}]" for f in findings) or "  (no findings)"


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_bad_input(path: Path, capsys):
    expected = expectations(path)
    assert expected, f"{path.name} starts with no `# expect: RULE LINE: words` line"
    status, findings = run_check(path, capsys)
    own = [f for f in findings if same_file(f["file"], path)]
    for rule, line, words in expected:
        assert any(meets(f, rule, line, words) for f in own), (
            f"expected {rule} at line {line} with {words!r}; found:\n{shown(findings)}")
    unexpected = [f for f in own if f["severity"] == "error"
                  and not any(meets(f, *e) for e in expected)]
    assert not unexpected, f"errors not in the expectations:\n{shown(unexpected)}"
    elsewhere = [f for f in findings if not same_file(f["file"], path) and f["severity"] == "error"]
    assert not elsewhere, f"errors in the files this case uses:\n{shown(elsewhere)}"
    if any(f["severity"] == "error" for f in findings):
        assert status == 1


# Bytes that cannot be a UTF-8 case file: (bytes, line, column, words).
BYTE_ERRORS = {
    "nul_byte": (b'document d "A document" {}\nthesis main "A\x00 claim."\n', 2, 15, "NUL"),
    "nul_byte_first": (b'\x00document d "A document" {}\n', 1, 1, "NUL"),
    "invalid_utf8": (b'document d "A document" {}\n\nthesis main "\xff"\n', 3, 14, "not valid UTF-8"),
    "latin1_accent": ('document d "A document" {}\nthesis main "Caf\u00e9 cr\u00e8me."\n'
                      .encode("latin-1"), 2, 17, "not valid UTF-8"),
    "truncated_utf8_at_end": ('document d "A document" {}\nthesis main "\u00e9"\n'.encode()[:-3],
                              2, 14, "not valid UTF-8"),
}


@pytest.mark.parametrize("name", sorted(BYTE_ERRORS))
def test_bytes_that_are_not_utf8_text(name, tmp_path, capsys):
    data, line, column, words = BYTE_ERRORS[name]
    path = tmp_path / f"{name}.arg"
    path.write_bytes(data)
    status, findings = run_check(path, capsys)
    assert status == 1
    assert [(f["rule"], f["line"], f["column"]) for f in findings] == [
        ("syntax-error", line, column)], shown(findings)
    assert words in findings[0]["message"]


def test_bytes_that_are_not_text_show_no_line_under_their_error(tmp_path, capsys):
    """The text output shows the line a finding points at; a file that is not text has
    none to show, not an empty one with a caret under it."""
    path = tmp_path / "bad.arg"
    path.write_bytes(b"\xff map\n")
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:1:1: error: the file is not valid UTF-8: byte 0xFF cannot be decoded; save "
        "the file as UTF-8 [syntax-error]", "Found 1 error in 1 file."]


CLEAN = ('document d "A document" {\n'
         '  publisher "Someone"\n'
         '}\n'
         '\n'
         'thesis main """A claim\n'
         '  over two lines."""\n'
         'assumption ground "A ground." #tag\n'
         '  supports main\n')

# Bytes that must parse, and give no error at all.
BYTE_CLEAN = {
    "utf8_bom": b"\xef\xbb\xbf" + CLEAN.encode(),
    "crlf_line_endings": CLEAN.replace("\n", "\r\n").encode(),
    "bom_and_crlf": b"\xef\xbb\xbf" + CLEAN.replace("\n", "\r\n").encode(),
    "tab_indentation": CLEAN.replace("  ", "\t").encode(),
    "no_final_newline": CLEAN.rstrip("\n").encode(),
    "comment_on_last_line_without_newline": (CLEAN + "# the end").encode(),
    "crlf_comment_on_last_line_without_newline": (CLEAN + "# the end").replace("\n", "\r\n").encode(),
    "bare_hash_on_last_line": (CLEAN + "#").encode(),
    "no_break_spaces_between_tokens": CLEAN.replace("thesis main", "thesis\u00a0main").encode(),
    "accented_utf8_text": CLEAN.replace("A ground.", "Un caf\u00e9 \u2014 cr\u00e8me br\u00fbl\u00e9e.").encode(),
}


@pytest.mark.parametrize("name", sorted(BYTE_CLEAN))
def test_bytes_that_parse(name, tmp_path, capsys):
    path = tmp_path / f"{name}.arg"
    path.write_bytes(BYTE_CLEAN[name])
    status, findings = run_check(path, capsys)
    assert not [f for f in findings if f["rule"] == "syntax-error"], shown(findings)
    assert not [f for f in findings if f["severity"] == "error"], shown(findings)
    assert status == 0


# Line endings and a BOM must not shift where a finding is reported: (bytes, rule, line, column).
BYTE_POSITIONS = {
    "crlf_error_line": (CLEAN.replace("\n", "\r\n").encode() + b"premise p \"x\" supports mian\r\n",
                        "unknown-reference", 9, 24),
    "crlf_syntax_error_line": (CLEAN.replace("\n", "\r\n").encode() + b"premise 1p \"x\"\r\n",
                               "syntax-error", 9, 9),
    "bom_syntax_error_column": (b"\xef\xbb\xbfthesis 1x \"x\"\n", "syntax-error", 1, 8),
    "tab_syntax_error_column": (b"document d \"t\" {}\n\tthesis\t1x \"x\"\n", "syntax-error", 2, 9),
}


@pytest.mark.parametrize("name", sorted(BYTE_POSITIONS))
def test_positions_survive_line_endings(name, tmp_path, capsys):
    data, rule, line, column = BYTE_POSITIONS[name]
    path = tmp_path / f"{name}.arg"
    path.write_bytes(data)
    _, findings = run_check(path, capsys)
    assert any(f["rule"] == rule and f["line"] == line and f["column"] == column
               for f in findings), shown(findings)
