"""The Vim syntax file: the committed one is the one `argmap.vim` builds, and Neovim (when
installed) highlights each construct with it."""

from __future__ import annotations

import subprocess

from argmap.lexicon import KEYWORDS
from argmap.vim import syntax
from conftest import ROOT, require_tool

VIM = ROOT / "editors" / "vim"

SAMPLE = '''\
document fpri "Title \\" x" {
  source "../seeds/fpri.txt"  # a comment
}

thesis engage_russia "Engage." #history
premise p "x\\t"
  supports engage_russia, fpri.other
objection o "y" undercuts p -> engage_russia
topic "Sanctions"
'''


def test_the_committed_syntax_file_is_the_built_one():
    assert (VIM / "syntax" / "argmap.vim").read_text(encoding="utf-8") == syntax()


def test_the_syntax_file_knows_every_keyword():
    listed = {word for line in syntax().splitlines() if line.startswith("syn keyword ")
              for word in line.split()[3:] if "=" not in word and word != "skipwhite"}
    assert KEYWORDS <= listed


def test_neovim_highlights_each_construct(tmp_path):
    nvim = require_tool("nvim", "apt-get install neovim")
    sample = tmp_path / "sample.arg"
    sample.write_text(SAMPLE, encoding="utf-8")
    wanted = {  # (line, column): syntax group, both 1-based
        (1, 1): "argmapHeader", (1, 16): "argmapString", (1, 23): "argmapEscape",
        (2, 31): "argmapComment", (5, 1): "argmapKind", (5, 8): "argmapDefinition",
        (5, 32): "argmapTag", (6, 13): "argmapBadEscape", (7, 3): "argmapRelation",
        (8, 17): "argmapRelation", (8, 29): "argmapArrow", (7, 12): "",
        (9, 1): "argmapHeader", (9, 7): "argmapString",
    }
    out = tmp_path / "groups.txt"
    script = tmp_path / "groups.vim"
    script.write_text("let out = [&filetype]\n" + "".join(
        f'call add(out, synIDattr(synID({line}, {column}, 1), "name"))\n'
        for line, column in wanted) + f'call writefile(out, "{out}")\nqa!\n', encoding="utf-8")
    subprocess.run([nvim, "--headless", "-u", "NONE", "--cmd", f"set rtp^={VIM}",
                    "--cmd", "filetype plugin on", "--cmd", "syntax on", str(sample),
                    "-S", str(script)], check=True, timeout=60, capture_output=True)
    filetype, *groups = out.read_text(encoding="utf-8").splitlines()
    assert filetype == "argmap"
    assert dict(zip(wanted, groups, strict=True)) == wanted
