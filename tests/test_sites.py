"""```arg fences drawn where documentation is built: Python-Markdown, a small MkDocs site
(the extension, and SuperFences' custom fence), and a small Sphinx site with MyST."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS

markdown = pytest.importorskip("markdown")

MAP = """\
document fpri "Russia and crisis management" { source "fpri.txt" }
thesis engage "The US should engage Russia as a <broker>."
evidence broker_quote "has proven insufficient in coercing the country"
  supports engage
"""
BROKEN = 'document d "D" {}\nthesis t "unterminated\n'


def page(tmp_path: Path, folder: str, fence: str = "```arg") -> Path:
    """A folder with the source text and a page holding the map and a broken map."""
    root = tmp_path / folder
    root.mkdir(parents=True)
    (root / "fpri.txt").write_bytes((SEEDS / "fpri.txt").read_bytes())
    (root / "index.md").write_text(f"# Maps\n\n{fence}\n{MAP}```\n\nBetween.\n\n"
                                   f"{fence}\n{BROKEN}```\n", encoding="utf-8")
    return root


def assert_drawn(html: str) -> None:
    """The map drawn inline, its text as data; the broken map's error shown in its place."""
    assert html.count('<div class="argmap"><svg style="max-width: 100%; height: auto"') == 1
    assert "The US should engage Russia as a &lt;broker&gt;." in html
    assert "<broker>" not in html
    assert ('<pre class="argmap-error">argmap: the map was not drawn: line 2, column 10: '
            "unterminated string") in html


def test_the_markdown_extension_draws_arg_fences_by_its_entry_point_name(tmp_path):
    root = page(tmp_path, "md")
    html = markdown.markdown((root / "index.md").read_text(encoding="utf-8"),
                             extensions=["argmap", "fenced_code"],
                             extension_configs={"argmap": {"base_dir": str(root)}})
    assert_drawn(html)
    assert "Between." in html


def mkdocs(root: Path, extensions: str) -> str:
    (root / "docs").mkdir()
    (root / "index.md").rename(root / "docs" / "index.md")
    (root / "mkdocs.yml").write_text("site_name: Maps\nmarkdown_extensions:\n" + extensions,
                                     encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return (root / "site" / "index.html").read_text(encoding="utf-8")


def test_an_mkdocs_site_draws_arg_fences_with_the_extension(tmp_path):
    pytest.importorskip("mkdocs")
    root = page(tmp_path, "site")
    assert_drawn(mkdocs(root, "  - argmap\n"))


def test_an_mkdocs_site_draws_arg_fences_with_superfences(tmp_path):
    pytest.importorskip("mkdocs")
    pytest.importorskip("pymdownx")
    root = page(tmp_path, "site")
    html = mkdocs(root, "  - pymdownx.superfences:\n"
                        "      custom_fences:\n"
                        "        - name: arg\n"
                        "          class: argmap\n"
                        "          format: !!python/name:argmap.fences.fence_format\n")
    assert_drawn(html)


def test_a_sphinx_site_with_myst_draws_arg_fences_and_the_directive(tmp_path):
    pytest.importorskip("sphinx")
    pytest.importorskip("myst_parser")
    root = page(tmp_path, "sphinx")
    (root / "conf.py").write_text('extensions = ["myst_parser", "argmap.sphinx"]\n'
                                  'project = "Maps"\n', encoding="utf-8")
    text = (root / "index.md").read_text(encoding="utf-8")
    (root / "index.md").write_text(text + f"\n```{{argmap}}\n{MAP}```\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", str(root),
                           str(root / "_build")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    html = (root / "_build" / "index.html").read_text(encoding="utf-8")
    assert html.count('<div class="argmap"><svg style="max-width: 100%; height: auto"') == 2
    assert "The US should engage Russia as a &lt;broker&gt;." in html
    assert 'class="argmap-error"' in html
    assert "the map was not drawn" in done.stderr
