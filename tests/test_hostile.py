"""argmap under hostile or careless use: each class of failure the issue names, with a case
that failed before its fix (issue 14). Nothing fails open, no internal error is reachable,
nothing hangs or grows without bound, the quote check has no false pass, sources stay in
the project, and signals leave nothing behind."""

from __future__ import annotations

import json
import unicodedata

from argmap.cli import main
from argmap.quotes import QuoteMatch, QuoteMiss, SourceText
from conftest import HEADER


def run(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


# --- Nothing grows without bound ----------------------------------------------------

def test_a_skip_lines_range_of_a_trillion_lines_is_two_numbers(project, capsys):
    project.write("m.arg", HEADER.replace("}", 'skip-lines "1-3, 40-999999999999" }')
                  + 'thesis t "x"\nevidence e "has proven insufficient" supports t\n')
    status, out, _ = run(capsys, "stats", "--format", "json", str(project.root / "maps"))
    assert status == 0
    [stats] = json.loads(out)
    assert stats["sentences"]["argumentative"] > 0


# --- No false pass of the quote check -------------------------------------------------

def test_an_elided_quote_does_not_join_paragraphs_across_a_closing_dash():
    source = SourceText("The first paragraph ends with a dash —\n\nThe second one starts here.\n")
    [found] = source.locate(["ends with a dash ... The second one"])
    assert isinstance(found, QuoteMiss)
    [plain] = source.locate(["ends with a dash"])
    assert isinstance(plain, QuoteMatch)


def test_an_elided_quote_does_not_join_paragraphs_across_a_rule_line():
    for rule in ("-----", "_____", "* * *", "———"):
        source = SourceText(f"The first paragraph ends here.\n{rule}\nThe second starts here.\n")
        [found] = source.locate(["ends here. ... The second starts"])
        assert isinstance(found, QuoteMiss), rule


def test_a_decomposed_source_matches_a_composed_quote():
    source = SourceText(unicodedata.normalize("NFD", "Le café à Pyongyang est fermé.\n"))
    [found] = source.locate(["Le café à Pyongyang"])
    assert isinstance(found, QuoteMatch)
    assert source.original_text(*found.spans[0]) == "Le café à Pyongyang"


def test_old_mac_line_ends_are_read_as_lines(project, capsys):
    text = HEADER + '# a comment\nthesis t "x"\npremise p "y" supports tt\n'
    path = project.root / "maps" / "mac.arg"
    path.write_bytes(text.replace("\n", "\r").encode("utf-8"))
    status, out, _ = run(capsys, "check", "--format", "json", str(path))
    assert status == 1
    findings = json.loads(out)
    assert [(f["rule"], f["line"], f["column"]) for f in findings if f["severity"] == "error"] == [
        ("unknown-reference", 4, 24)]


def test_did_you_mean_among_many_ids_finds_what_comparing_with_each_finds():
    from argmap._tools import Suggestions, closest

    ids = [f"claim_{i}" for i in range(5000)] + ["engage_russia", "sanctions_fail"]
    suggestions = Suggestions(ids)
    for word in ("engage_rusia", "sanction_fail", "claim_4999x", "clam_17", "zzz"):
        assert suggestions.closest(word) == closest(word, ids), word


# --- Never fail open -------------------------------------------------------------------

def test_an_empty_path_is_a_usage_error_not_the_current_folder(project, capsys, monkeypatch):
    monkeypatch.chdir(project.root / "maps")
    project.write("bad.arg", 'thesis t "x" supports\n')
    for command in ("check", "stats", "render"):
        status, out, err = run(capsys, command, "")
        assert (status, out) == (2, ""), command
        assert err == "argmap: error: an empty path names no file or folder\n"


def test_a_file_that_does_not_parse_is_reported_whatever_the_rules_chosen(project, capsys):
    path = str(project.write("bad.arg", HEADER + 'thesis t "x" supports\n'))
    for options in (["--select", "unknown-reference"], ["--select", "AM202,no-thesis"]):
        status, out, _ = run(capsys, "check", "--format", "json", *options, path)
        assert status == 1, options
        assert [f["rule"] for f in json.loads(out)] == ["syntax-error"]
    status, _, err = run(capsys, "check", "--ignore", "syntax-error", path)
    assert status == 2 and "`syntax-error` cannot be ignored" in err


def test_syntax_error_cannot_be_lowered_by_the_configuration(project, capsys, monkeypatch):
    (project.root / "argmap.toml").write_text('[rules]\nsyntax-error = "warning"\n')
    monkeypatch.chdir(project.root)
    project.write("bad.arg", 'thesis t "x" supports\n')
    status, _, err = run(capsys, "check", "maps")
    assert status == 2
    assert "`rules.syntax-error`: `syntax-error` is always an error" in err


# --- No internal error is reachable ------------------------------------------------------

def test_a_glob_toml_accepts_but_no_glob_is_a_configuration_error(project, capsys, monkeypatch):
    (project.root / "argmap.toml").write_text('exclude = ["drafts/[z-a].arg"]\n')
    monkeypatch.chdir(project.root)
    project.write("m.arg", HEADER + 'thesis t "x"\n')
    status, _, err = run(capsys, "check", "maps")
    assert status == 2
    assert err.startswith("argmap: error: ") and "`exclude`: `drafts/[z-a].arg` is not a glob" in err


def test_file_names_that_are_not_utf8_are_printed_in_every_format(project, capsys):
    folder = bytes(project.root / "maps")
    path = folder + b"/caf\xe9.arg"
    with open(path, "wb") as file:
        file.write(b'thesis t "x" supports\n')
    for output in ("text", "json", "github", "sarif"):
        status, out, err = run(capsys, "check", "--format", output, str(project.root / "maps"))
        assert (status, err) == (1, ""), output
        out.encode("utf-8")
        if output == "json":
            [finding] = json.loads(out)
            assert finding["file"].endswith("/caf\\xe9.arg")
        elif output == "sarif":
            assert "caf%E9.arg" in out
        else:
            assert "caf\\xe9.arg" in out, output


def test_control_characters_from_maps_and_sources_are_shown_not_sent(project, capsys):
    (project.root / "seeds" / "esc.txt").write_text("Plain text.\x1b]0;owned\x07 More text.\n")
    text = ('document d "D\\n" { source "../seeds/esc.txt" }\n'
            'thesis t "x" #tag\x1b[2J supports nowhere\n'
            'evidence e "Plain text.\x1b]0;owned" supports t\n')
    project.write("m.arg", text)
    for command in (["check"], ["check", "--format", "github"], ["stats"]):
        _, out, err = run(capsys, *command, str(project.root / "maps"))
        assert "\x1b" not in out + err and "\x07" not in out + err, command
    _, out, _ = run(capsys, "check", str(project.root / "maps"))
    assert "\\x1b[2J" in out


# --- Sources stay inside the project; the parser cache is the user's own -----------------

def test_the_parser_cache_is_not_read_from_a_folder_others_can_write(tmp_path, monkeypatch):
    import os

    from argmap.parsing import lark_parser

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = lark_parser._cache_file()
    assert isinstance(first, str) and os.path.dirname(first) == str(tmp_path / "argmap")
    os.chmod(tmp_path / "argmap", 0o777)
    assert lark_parser._cache_file() is False
    os.chmod(tmp_path / "argmap", 0o700)
    planted = tmp_path / "argmap" / "planted"
    planted.write_bytes(b"not a cache")
    os.chmod(planted, 0o666)
    cache = tmp_path / "argmap" / os.path.basename(first)
    if cache.exists():
        cache.unlink()
    cache.symlink_to(planted)
    assert lark_parser._cache_file() is False


# --- Nothing hangs ---------------------------------------------------------------------

def _die(resolver, path):
    """Work that a worker does not survive, as when the kernel kills it for memory."""
    import os
    import signal

    os.kill(os.getpid(), signal.SIGKILL)


def test_a_worker_that_dies_ends_the_run_with_a_message_not_a_hang(monkeypatch):
    import pytest

    from argmap import runner
    from argmap.errors import ArgmapError

    monkeypatch.setattr(runner, "MIN_FILES", 2)
    with pytest.raises(ArgmapError, match="a worker process died"):
        runner.for_each_file(["a", "b", "c"], _die, jobs=2)


def test_a_huge_time_limit_is_refused_with_a_message(project, capsys):
    import pytest

    path = str(project.write("m.arg", HEADER + 'thesis t "x"\n'))
    with pytest.raises(SystemExit) as stopped:
        main(["render", "--time-limit", "1e300", path])
    assert stopped.value.code == 2 and "up to 86400 (a day)" in capsys.readouterr().err


def test_an_output_folder_that_is_a_file_is_a_usage_error(project, capsys):
    path = str(project.write("m.arg", HEADER + 'thesis t "x"\n'))
    blocker = project.root / "blocker"
    blocker.write_text("a file, not a folder")
    status, out, err = run(capsys, "render", "--format", "dot", "-o", str(blocker / "out"), path)
    assert (status, out) == (2, "") and err.startswith("argmap: error: cannot create ")


def test_stats_on_a_file_that_cannot_be_read_is_a_usage_error(project, capsys):
    (project.root / "maps" / "gone.arg").symlink_to(project.root / "nowhere.arg")
    status, _, err = run(capsys, "stats", str(project.root / "maps"))
    assert status == 2 and "cannot read" in err and "gone.arg" in err


def test_a_map_whose_missing_header_is_demoted_is_not_drawn(project, capsys, monkeypatch):
    (project.root / "argmap.toml").write_text('[rules]\nmissing-document = "info"\n')
    monkeypatch.chdir(project.root)
    project.write("m.arg", 'thesis t "x"\nassumption a "y" supports t\n')
    status, out, err = run(capsys, "render", "--format", "dot", "maps")
    assert (status, out) == (2, "")
    assert "cannot be drawn: it has no single `document` header" in err


# --- Clean on signals; outputs never replace inputs; reproducible output ------------------

def test_render_never_overwrites_a_file_it_reads(project, capsys):
    (project.root / "seeds" / "m.json").write_text("The text.\n")
    path = str(project.write("m.arg", 'document d "D" { source "../seeds/m.json" }\n'
                             'thesis t "x"\nevidence e "The text." supports t\n'))
    status, _, err = run(capsys, "export", "--format", "json", "-o",
                         str(project.root / "seeds"), path)
    assert status == 2 and "which is one of the files export reads" in err
    assert (project.root / "seeds" / "m.json").read_text() == "The text.\n"


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    import os

    import pytest

    from argmap.output_files import write_atomically

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(str(tmp_path / "out.svg"), b"<svg/>")
    assert list(tmp_path.iterdir()) == []


def test_pdf_output_is_byte_for_byte_the_same_from_run_to_run(project, capsys, monkeypatch):
    import time

    path = str(project.write("m.arg", HEADER + 'thesis t "x"\nassumption a "y" supports t\n'))
    outputs = []
    for run_number in range(2):
        out = project.root / f"out{run_number}"
        assert run(capsys, "render", "--format", "pdf", "-o", str(out), path)[0] == 0
        outputs.append((out / "m.pdf").read_bytes())
        time.sleep(1.1)  # the creation time cairo writes has a one-second resolution
    assert outputs[0] == outputs[1] and outputs[0].startswith(b"%PDF")


def test_a_reader_that_stops_early_never_sees_exit_status_zero(project):
    import subprocess
    import sys

    lines = [HEADER, 'thesis t0 "x"\n'] + [f'premise p{i} "y" supports nowhere{i}\n'
                                           for i in range(3000)]
    path = project.write("m.arg", "".join(lines))
    done = subprocess.run(f"set -o pipefail; {sys.executable} -m argmap check {path} | head -1",
                          shell=True, executable="/bin/bash", capture_output=True)
    assert done.returncode == 141 and done.stdout.count(b"\n") == 1


def test_a_source_or_used_map_outside_the_project_is_not_read(project, capsys, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "secret.txt").write_text("The secret sentence nobody may quote back.\n")
    (elsewhere / "other.arg").write_text('document o "O" { }\nthesis t "x"\n')
    path = project.write("m.arg", f'document d "D" {{ source "{elsewhere}/secret.txt" }}\n'
                         'thesis t "x"\nevidence e "The secret sentence" supports t\n')
    project.write("c.arg", f'compare c "C" {{ use "m.arg" use "{elsewhere}/other.arg" }}\n')
    status, out, _ = run(capsys, "check", str(project.root / "maps"))
    assert status == 1 and "secret sentence" not in out.replace(str(path), "")
    assert "it lies outside the project folder" in out
    assert "which is not read: it lies outside the project folder" in out
    (project.root / "argmap.toml").write_text("allow-outside-project = true\n")
    status, out, _ = run(capsys, "check", str(project.root / "maps"))
    assert status == 0, out


def test_a_link_out_of_the_project_is_followed_and_refused(project, capsys, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "secret.txt").write_text("The secret sentence.\n")
    (project.root / "seeds" / "link.txt").symlink_to(elsewhere / "secret.txt")
    project.write("m.arg", 'document d "D" { source "../seeds/link.txt" }\n'
                  'thesis t "x"\nevidence e "The secret" supports t\n')
    status, out, _ = run(capsys, "stats", str(project.root / "maps"))
    assert status == 0
    assert "coverage: unknown" in out and "outside the project folder" in out


def test_a_link_to_a_file_outside_the_project_is_not_read(project, capsys, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n")
    (project.root / "maps" / "leak.arg").symlink_to(elsewhere / "passwd")
    status, out, err = run(capsys, "check", str(project.root / "maps"))
    assert status == 2 and "root:x" not in out + err
    assert "it is a link, and it lies outside the project folder" in err
