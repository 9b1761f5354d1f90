"""`argmap diff`: golden files in every format for a change that flips the thesis from in
to out and for one that breaks a quote; `--rev` against git; the drawing's marks; text
from a map shown as data in Markdown."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from argmap import diff as differ
from argmap.cli import main
from conftest import DATA

FOLDER = DATA / "diff"
EXTENSIONS = {"text": "txt", "json": "json", "markdown": "md"}


def run(capsys, *args: str) -> str:
    assert main(["diff", *args]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("output_format", list(EXTENSIONS))
@pytest.mark.parametrize("new", ["new", "broken"])
def test_diff_golden(capsys, monkeypatch, file_regression, new, output_format):
    """new: the thesis `build` goes from in to out (a new quote backs the objection, the
    rebuttal is attacked), a premise and a quote are reworded, nodes and relations added;
    broken: a quote reworded so that the source no longer has it."""
    monkeypatch.chdir(FOLDER)
    out = run(capsys, "old.arg", f"{new}.arg", "--format", output_format)
    file_regression.check(out, basename=f"old-to-{new}", extension=f".{EXTENSIONS[output_format]}")


def test_the_flip_from_in_to_out_is_in_every_format(capsys, monkeypatch):
    monkeypatch.chdir(FOLDER)
    data = json.loads(run(capsys, "old.arg", "new.arg", "--format", "json"))
    (changes,) = data["maps"]
    assert {"id": "build", "old": "in", "new": "out", "why": "attacked by `cost`"} in changes[
        "evaluation"]
    assert "build (thesis): in -> out (attacked by `cost`)" in run(capsys, "old.arg", "new.arg")
    assert "| `build` (thesis) | in | **out** |" in run(capsys, "old.arg", "new.arg",
                                                       "--format", "markdown")


def test_a_quote_the_source_no_longer_has_is_a_changed_quote_and_a_new_finding(
        capsys, monkeypatch):
    monkeypatch.chdir(FOLDER)
    (changes,) = json.loads(run(capsys, "old.arg", "broken.arg", "--format", "json"))["maps"]
    assert changes["quotes"] == [{"id": "jobs_quote", "change": "reworded",
                                  "found_before": True, "found_now": False}]
    assert [f["rule"] for f in changes["findings"]["new"]] == ["quote-not-found"]
    # A map with errors is not evaluated: no evaluation is said to change.
    assert changes["evaluation"] == []


def test_a_map_compared_with_itself_has_no_change(capsys, monkeypatch):
    monkeypatch.chdir(FOLDER)
    assert run(capsys, "old.arg", "old.arg") == "old.arg -> old.arg: no change to the argument\n"


def git(folder, *words: str) -> None:
    subprocess.run(["git", "-C", str(folder), *words], check=True, capture_output=True)


def test_rev_compares_each_map_with_the_revision(tmp_path, capsys, monkeypatch):
    """The map changed since, one added since and one deleted since; the old version's
    quotes checked against the source as it was at the revision."""
    for name in ("source.txt", "old.arg"):
        shutil.copy(FOLDER / name, tmp_path / name)
    (tmp_path / "old.arg").rename(tmp_path / "harbour.arg")
    shutil.copy(FOLDER / "old.arg", tmp_path / "gone.arg")
    git(tmp_path, "init", "-q")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "add", ".")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "old")
    shutil.copy(FOLDER / "new.arg", tmp_path / "harbour.arg")
    (tmp_path / "gone.arg").unlink()
    shutil.copy(FOLDER / "old.arg", tmp_path / "added.arg")
    monkeypatch.chdir(tmp_path)
    out = run(capsys, "--rev", "HEAD")
    monkeypatch.chdir(FOLDER)
    two_files = run(capsys, "old.arg", "new.arg")
    assert out.startswith("added.arg at HEAD -> added.arg: nodes: 6 added")
    assert two_files.replace("old.arg -> new.arg", "harbour.arg at HEAD -> harbour.arg") in out
    assert "gone.arg at HEAD -> gone.arg: nodes: 6 removed" in out


def test_rev_reads_the_old_maps_sources_from_a_sibling_folder(tmp_path, capsys, monkeypatch):
    """The usual layout, maps/ beside seeds/: the revision unpacked has no `.git`, and its
    top folder is still the project, so `../seeds/` is read and one reworded node is one
    change, not every quote changed and a source not found."""
    (tmp_path / "maps").mkdir()
    (tmp_path / "seeds").mkdir()
    shutil.copy(FOLDER / "source.txt", tmp_path / "seeds" / "source.txt")
    old = (FOLDER / "old.arg").read_text(encoding="utf-8")
    assert 'source "source.txt"' in old
    (tmp_path / "maps" / "harbour.arg").write_text(
        old.replace('source "source.txt"', 'source "../seeds/source.txt"'), encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "add", ".")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "old")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "--rev", "HEAD", "maps") == "no map changed\n"


def test_an_unknown_revision_is_an_input_problem(tmp_path, capsys, monkeypatch):
    git(tmp_path, "init", "-q")
    monkeypatch.chdir(tmp_path)
    assert main(["diff", "--rev", "no-such-rev"]) == 2
    assert "no-such-rev" in capsys.readouterr().err


def test_the_drawing_marks_what_changed(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(FOLDER)
    output = tmp_path / "change.svg"
    run(capsys, "old.arg", "new.arg", "--draw", str(output))
    svg = output.read_text(encoding="utf-8")
    assert "Changed since old.arg" in svg
    for colour in differ.MARKS.values():
        assert f'stroke="{colour}"' in svg
    assert "+ grant_withdrawn attacks grant" in svg


def test_text_from_a_map_is_data_in_markdown(tmp_path, capsys):
    (tmp_path / "source.txt").write_text("x\n", encoding="utf-8")
    old = tmp_path / "a.arg"
    old.write_text('document d "D" { source "source.txt" }\nthesis t "T"\n', encoding="utf-8")
    new = tmp_path / "b.arg"
    new.write_text('document d "D" { source "source.txt" }\nthesis t "T"\n'
                   'premise p "<img src=x onerror=alert(1)> | *bold* [link](http://x)"\n'
                   '  supports t\n', encoding="utf-8")
    out = run(capsys, str(old), str(new), "--format", "markdown")
    assert ("| added | `p` | premise | &lt;img src=x onerror=alert\\(1\\)&gt; \\| \\*bold\\* "
            "\\[link\\]\\(http://x\\) |") in out
    assert "<img" not in out


def test_schemes_explanations_concessions_and_preferences_are_relations(tmp_path, capsys):
    (tmp_path / "source.txt").write_text("x\n", encoding="utf-8")
    head = 'document d "D" { source "source.txt" }\nthesis t "T"\n'
    old = tmp_path / "a.arg"
    old.write_text(head + 'premise p "P"\n  supports t by sign\npremise q "Q"\n  supports t\n',
                   encoding="utf-8")
    new = tmp_path / "b.arg"
    new.write_text(head + 'premise p "P"\n  supports t by analogy\npremise q "Q"\n'
                   '  explains t\n  outranks p\npremise r "R"\n  concedes t\n', encoding="utf-8")
    out = run(capsys, str(old), str(new))
    for line in ["+ p supports t by analogy", "+ q explains t", "+ q outranks p",
                 "+ r concedes t", "- p supports t by sign", "- q supports t"]:
        assert f"    {line}\n" in out


def test_a_version_that_does_not_parse_is_named_where(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(FOLDER)
    broken = tmp_path / "broken.arg"
    broken.write_text('document d "D" {}\nthesis t "unterminated\n', encoding="utf-8")
    assert main(["diff", "old.arg", str(broken)]) == 2
    assert f"{broken}:2:10: unterminated string" in capsys.readouterr().err


def test_drawing_writes_nothing_but_the_drawing(tmp_path, capsys, monkeypatch):
    """Run in a folder of the user's: only the drawing appears (fontconfig, reading the
    fonts' configuration relative to the current folder, wrote a `.uuid` into every folder
    under it)."""
    (tmp_path / "sub").mkdir()
    for name in ("old.arg", "new.arg", "source.txt"):
        shutil.copy(FOLDER / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    run(capsys, "old.arg", "new.arg", "--draw", "change.svg")
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == [
        "change.svg", "new.arg", "old.arg", "source.txt", "sub"]


def test_drawing_on_standard_output_is_refused_in_words(tmp_path, capsys, monkeypatch):
    """Standard output holds the diff: `--draw -` names no file to draw into."""
    for name in ("old.arg", "new.arg", "source.txt"):
        shutil.copy(FOLDER / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    assert main(["diff", "old.arg", "new.arg", "--draw", "-"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == ("argmap diff: error: --draw - would draw on standard output, "
                                 "which holds the diff; name a file to draw into\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.arg", "old.arg", "source.txt"]
