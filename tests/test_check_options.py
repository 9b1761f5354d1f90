"""`argmap check` as a ruff user reaches for it: --fix (safe and unsafe), --diff, `-` with
--stdin-filename, --exit-zero, --statistics, --output-format concise, per-file-ignores;
`fmt --diff`. Each with its exit status: 0 nothing (left) at the failing severity, 1
something, 2 a usage problem."""

from __future__ import annotations

import io
import json
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.cli import main
from conftest import HEADER
from test_fuzz import valid_maps

# An unknown reference (an unsafe fix), an ignore comment that silences nothing (a safe
# fix), and a claim nothing supports (no fix).
FIXABLE = (HEADER + 'thesis main "x"  # argmap: ignore[unused-evidence]\n'
           'assumption a "y" supports mian\n')


def run(capsys, *args, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_fix_applies_only_the_safe_fixes_and_reports_what_is_left(project, capsys):
    path = project.write("m.arg", FIXABLE)
    status, out, _ = run(capsys, "check", "--fix", str(path))
    assert path.read_text() == FIXABLE.replace("  # argmap: ignore[unused-evidence]", "")
    assert status == 1  # the unknown reference is left
    assert "[unknown-reference]" in out and "[unused-suppression]" not in out
    assert "Fixed 1 finding.\n" in out


def test_unsafe_fixes_apply_the_did_you_mean_and_the_run_then_passes(project, capsys):
    path = project.write("m.arg", FIXABLE)
    status, out, _ = run(capsys, "check", "--fix", "--unsafe-fixes", str(path))
    assert path.read_text() == (HEADER + 'thesis main "x"\nassumption a "y" supports main\n')
    assert status == 0
    assert out.endswith("Fixed 2 findings.\nNo problems found in 1 file.\n")


def test_exit_non_zero_on_fix_fails_a_run_that_fixed_a_file(project, capsys):
    path = project.write("m.arg", HEADER + 'thesis main "x"  # argmap: ignore\n'
                                  'assumption a "y" supports main\n')
    assert run(capsys, "check", "--fix", "--exit-non-zero-on-fix", str(path))[0] == 1
    assert run(capsys, "check", "--fix", "--exit-non-zero-on-fix", str(path))[0] == 0


def test_fix_keeps_crlf_line_ends_and_a_byte_order_mark(project, capsys):
    path = project.write("m.arg", "")
    path.write_bytes(b"\xef\xbb\xbf" + FIXABLE.replace("\n", "\r\n").encode())
    run(capsys, "check", "--fix", "--unsafe-fixes", str(path))
    assert path.read_bytes() == b"\xef\xbb\xbf" + (
        HEADER + 'thesis main "x"\nassumption a "y" supports main\n').replace(
            "\n", "\r\n").encode()


def test_diff_shows_the_fixes_writes_nothing_and_exits_1(project, capsys):
    path = project.write("m.arg", FIXABLE)
    status, out, err = run(capsys, "check", "--diff", str(path))
    assert status == 1
    assert path.read_text() == FIXABLE
    assert out == (f"--- {path}\n+++ {path}\n@@ -1,3 +1,3 @@\n {HEADER}"
                   '-thesis main "x"  # argmap: ignore[unused-evidence]\n'
                   '+thesis main "x"\n assumption a "y" supports mian\n')
    assert err == "Would fix 1 finding in 1 file.\n"
    assert run(capsys, "check", "--diff", "--exit-zero", str(path))[0] == 0


def test_diff_with_nothing_to_fix_exits_0(project, capsys):
    path = project.write("m.arg", HEADER + 'thesis main "x"\n')
    assert run(capsys, "check", "--diff", str(path))[:2] == (0, "")


def exported(capsys, path) -> dict:
    """What `argmap export --format json` says of the map at `path`."""
    status, out, err = run(capsys, "export", "--format", "json", "-o", "-", str(path))
    assert status == 0, err
    return json.loads(out)


def test_fix_never_changes_the_export_beyond_the_fixed_findings(project, capsys):
    path = project.write("m.arg", HEADER + 'thesis main "x"  # argmap: ignore\n'
                                  'assumption a "y" supports main  # argmap: ignore[AM304]\n'
                                  'assumption b "z" supports main\n')
    before = exported(capsys, path)
    status, out, _ = run(capsys, "check", "--fix", str(path))
    assert "Fixed 2 findings." in out and status == 0
    assert exported(capsys, path) == before


# A quote that says "useless" where the report says "insufficient", longer than the 120
# characters a message shows of the closest passage.
LONG_QUOTE = ("The policy of economic sanctions on North Korea, while important in pressuring "
              "Pyongyang, has proven {} in coercing the country to restrain or relinquish its "
              "nuclear and missile programs.")
MISQUOTED = (HEADER + 'thesis main "x"\nassumption a "y" supports main\n'
             f'evidence e "{LONG_QUOTE.format("useless")}" supports main\n')


def test_the_closest_passage_is_quoted_whole_where_the_message_shortens_it(project, capsys):
    """As the language server's quick fix: the passage in full, not the message's
    shortened one, nor none at all."""
    path = project.write("m.arg", MISQUOTED)
    _, out, _ = run(capsys, "check", str(path))
    assert "has proven insufficient in ...' [quote-not-found]" in out
    assert run(capsys, "check", "--fix", str(path))[0] == 1  # unsafe: not with --fix alone
    assert path.read_text() == MISQUOTED
    _, out, _ = run(capsys, "check", "--statistics", "--unsafe-fixes", str(path))
    assert out == "1\tAM202\t[*] quote-not-found\n"
    status, out, _ = run(capsys, "check", "--diff", "--unsafe-fixes", str(path))
    assert status == 1 and f'+evidence e "{LONG_QUOTE.format("insufficient")}"' in out
    status, out, _ = run(capsys, "check", "--fix", "--unsafe-fixes", str(path))
    assert path.read_text() == MISQUOTED.replace("useless", "insufficient")
    assert status == 0 and out.endswith("Fixed 1 finding.\nNo problems found in 1 file.\n")


def test_the_quote_fix_changes_the_export_only_in_the_quote(project, capsys):
    (project.root / "pyproject.toml").write_text(  # exported with the quote not found
        '[tool.argmap.rules]\nquote-not-found = "warning"\n')
    path = project.write("m.arg", MISQUOTED)
    before = exported(capsys, path)
    run(capsys, "check", "--fix", "--unsafe-fixes", str(path))
    after = exported(capsys, path)
    [quoted] = [node for node in after["nodes"] if node["id"] == "e"]
    assert quoted["text"] == LONG_QUOTE.format("insufficient") and quoted["quote"]["found"]
    [misquoted] = [node for node in before["nodes"] if node["id"] == "e"]
    misquoted.update(text=quoted["text"], quote=quoted["quote"])
    # What comes after the quote on its line is as many columns further on as it is longer.
    for inference in before["inferences"]:
        if inference["position"]["line"] == misquoted["position"]["line"]:
            inference["position"]["column"] += len("insufficient") - len("useless")
    assert after == before


def test_the_summary_says_what_fix_would_fix(project, capsys):
    path = project.write("m.arg", FIXABLE)
    _, out, _ = run(capsys, "check", str(path))
    assert out.splitlines()[-1] == ("[*] 1 fixable with the `--fix` option (1 hidden fix can "
                                    "be enabled with the `--unsafe-fixes` option).")


def test_stdin_is_checked_as_the_file_stdin_filename_names(project, capsys, monkeypatch):
    name = str(project.root / "maps" / "typed.arg")
    status, out, _ = run(capsys, "check", "-", "--stdin-filename", name, "--output-format",
                         "concise", stdin=FIXABLE.encode(), monkeypatch=monkeypatch)
    assert status == 1
    assert f"{name}:3:27: error: no node `mian` in this map" in out
    assert "quote-not-found" not in out and "source-not-found" not in out  # ../seeds found


def test_stdin_fixed_goes_to_stdout_and_the_findings_to_stderr(project, capsys, monkeypatch):
    status, out, err = run(capsys, "check", "-", "--fix", "--unsafe-fixes", "--stdin-filename",
                           "maps/typed.arg", stdin=FIXABLE.encode(), monkeypatch=monkeypatch)
    assert out == HEADER + 'thesis main "x"\nassumption a "y" supports main\n'
    assert status == 0 and "No problems found in 1 file." in err


def test_stdin_without_a_name_is_called_dash(project, capsys, monkeypatch):
    status, out, _ = run(capsys, "check", "-", "-q", "--output-format", "concise",
                         stdin=b'thesis t "x"\n', monkeypatch=monkeypatch)
    assert status == 1 and out.startswith("-:1:1: error: ")


@pytest.mark.parametrize("args", [["-", "maps"], ["--stdin-filename", "x.arg", "maps"]])
def test_stdin_misused_is_a_usage_error(project, capsys, args):
    status, _, err = run(capsys, "check", *args)
    assert status == 2 and err.startswith("argmap: error: ")


def test_exit_zero_passes_whatever_is_found(project, capsys):
    path = project.write("m.arg", FIXABLE)
    status, out, _ = run(capsys, "check", "--exit-zero", str(path))
    assert status == 0 and "Found 1 error" in out
    assert run(capsys, "check", "--exit-zero", "--config", "nowhere.toml", str(path))[0] == 2


def test_statistics_count_the_findings_by_rule(project, capsys):
    path = project.write("m.arg", FIXABLE + 'premise p "z" supports main\npremise q "w" '
                                            'supports main\n')
    status, out, _ = run(capsys, "check", "--statistics", str(path))
    assert status == 1
    assert out == ("3\tAM304\t[ ] unsupported-claim\n"
                   "1\tAM105\t[ ] unknown-reference\n"
                   "1\tAM901\t[*] unused-suppression\n")
    status, out, _ = run(capsys, "check", "--statistics", "--format", "json", str(path))
    assert json.loads(out)[2] == {"code": "AM901", "name": "unused-suppression", "count": 1,
                                  "fixable": True}


def test_concise_is_one_line_a_finding_and_format_is_the_same_option(project, capsys):
    path = project.write("m.arg", FIXABLE)
    status, out, _ = run(capsys, "check", "--output-format", "concise", "-q", str(path))
    assert status == 1
    assert out.splitlines() == [
        f"{path}:2:1: warning: thesis `main` rests on nothing: no evidence, assumption or "
        "claim supports it [unsupported-claim]",
        f"{path}:2:35: info: nothing to silence: `unused-evidence` reports nothing on thesis "
        "`main` [unused-suppression]",
        f"{path}:3:27: error: no node `mian` in this map; did you mean `main`? "
        "[unknown-reference]"]
    assert run(capsys, "check", "--format", "concise", "-q", str(path))[1] == out


def test_per_file_ignores_turn_rules_off_in_the_files_a_glob_matches(project, capsys):
    (project.root / "argmap.toml").write_text(
        '[per-file-ignores]\n"maps/draft-*.arg" = ["unsupported-claim"]\n"*.sketch.arg" = '
        '["AM105"]\n')
    text = HEADER + 'thesis main "x"\npremise p "y" supports mian\n'
    draft, sketch, other = (project.write(n, text)
                            for n in ("draft-1.arg", "a.sketch.arg", "m.arg"))
    rules = {path.name: {f["rule"] for f in json.loads(run(
        capsys, "check", "--format", "json", str(path))[1])} for path in (draft, sketch, other)}
    assert rules == {"draft-1.arg": {"unknown-reference"},
                     "a.sketch.arg": {"unsupported-claim"},
                     "m.arg": {"unknown-reference", "unsupported-claim"}}


@pytest.mark.parametrize("table, words", [
    ('"*.arg" = "unsupported-claim"', "must be a list of rule names"),
    ('"*.arg" = ["unsuported-claim"]', "did you mean `unsupported-claim`?"),
    ('"*.arg" = ["syntax-error"]', "cannot be ignored"),
])
def test_per_file_ignores_that_cannot_be_used_exit_2(project, capsys, table, words):
    (project.root / "argmap.toml").write_text(f"[per-file-ignores]\n{table}\n")
    status, _, err = run(capsys, "check", str(project.write("m.arg", HEADER)))
    assert status == 2 and words in err and "`per-file-ignores" in err


def test_fmt_diff_shows_the_layout_writes_nothing_and_exits_1(project, capsys, monkeypatch):
    header = 'document d "D" {\n  source "../seeds/fpri.txt"\n}\n'
    text = header + 'thesis  main "x" supports  a\n'
    path = project.write("m.arg", text)
    status, out, _ = run(capsys, "fmt", "--diff", str(path))
    assert status == 1 and path.read_text() == text
    assert out == (f"--- {path}\n+++ {path}\n@@ -1,4 +1,5 @@\n"
                   ' document d "D" {\n   source "../seeds/fpri.txt"\n }\n'
                   '-thesis  main "x" supports  a\n+thesis main "x"\n+  supports a\n')
    status, out, _ = run(capsys, "fmt", "-", "--diff", stdin=text.encode(),
                         monkeypatch=monkeypatch)
    assert status == 1 and out.startswith("--- -\n+++ -\n")
    laid_out = project.write("n.arg", header + 'thesis main "x"\n')
    assert run(capsys, "fmt", "--diff", str(laid_out))[:2] == (0, "")


# capsys serves every example: `run` reads (and so empties) it after each command.
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(valid_maps(), st.sampled_from(["\n", "\r\n"]), st.sampled_from(["", "  # why"]))
def test_fix_leaves_the_export_as_it_was_for_any_map(capsys, case, newline, comment):
    text, source = case
    text += f'assumption extra "x" supports n0  # argmap: ignore[duplicate-id]{comment}\n'
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / ".git").mkdir()  # the project
        (Path(folder) / "source.txt").write_text(source, encoding="utf-8")
        path = Path(folder) / "m.arg"
        path.write_bytes(text.replace("\n", newline).encode())
        before = exported(capsys, path)
        out = run(capsys, "check", "--fix", "--exit-zero", str(path))[1]
        assert "Fixed 1 finding." in out
        assert path.read_bytes() == text.replace(
            "  # argmap: ignore[duplicate-id]", "").replace("\n", newline).encode()
        assert exported(capsys, path) == before


def test_fix_changes_only_the_files_named_not_the_maps_a_comparison_uses(project, capsys):
    """As ruff fixes only the files it is given: the map a comparison uses is checked and
    reported with it, and left as it is."""
    used = project.write("a.arg", FIXABLE)
    comparison = project.write("c.arg", 'compare c "C" { use "a.arg" }\n')
    status, out, _ = run(capsys, "check", "--fix", str(comparison))
    assert used.read_text() == FIXABLE
    assert "[unused-suppression]" in out and status == 1
    _, out, _ = run(capsys, "check", str(comparison))
    assert "fixable" not in out  # nor is it counted as what --fix would fix
    run(capsys, "check", "--fix", str(project.root / "maps"))  # found in a folder named
    assert used.read_text() == FIXABLE.replace("  # argmap: ignore[unused-evidence]", "")


def test_stdin_reports_the_maps_a_comparison_uses_as_the_path_does(project, capsys,
                                                                   monkeypatch):
    project.write("a.arg", FIXABLE)
    comparison = project.write("c.arg", 'compare c "C" { use "a.arg" }\n')
    _, by_path, _ = run(capsys, "check", str(comparison))
    status, by_stdin, _ = run(capsys, "check", "-", "--stdin-filename", str(comparison),
                              stdin=comparison.read_bytes(), monkeypatch=monkeypatch)
    assert status == 1 and "a.arg" in by_stdin and "in 2 files" in by_stdin
    assert by_stdin == by_path
    # --fix changes standard input only, written to standard output
    status, out, err = run(capsys, "check", "-", "--fix", "--stdin-filename", str(comparison),
                           stdin=comparison.read_bytes(), monkeypatch=monkeypatch)
    assert out == comparison.read_text() and "[unused-suppression]" in err
    assert (project.root / "maps" / "a.arg").read_text() == FIXABLE
