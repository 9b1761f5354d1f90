"""`argmap init`: a new map whose header comes from the text and whose comments quote it."""

from __future__ import annotations

import re

from argmap.cli import main
from argmap.scaffold import document_id
from conftest import SEEDS


def test_init_writes_a_map_ready_to_quote(project, monkeypatch):
    monkeypatch.chdir(project.root)
    assert main(["init", "seeds/fpri.txt", "-o", "maps/new.arg"]) == 0
    text = (project.root / "maps" / "new.arg").read_text(encoding="utf-8")
    first_line = (SEEDS / "fpri.txt").read_text(encoding="utf-8").splitlines()[0].strip()
    assert text.startswith(f'document fpri "{first_line}" {{\n  source "../seeds/fpri.txt"\n')
    quotes = re.findall(r'^# (".*")$', text, re.MULTILINE)
    assert len(quotes) >= 20
    # Each sentence, taken out of its comment as evidence, is found in the source.
    evidence = "".join(f"evidence q{i} {quote}\n  supports main\n"
                       for i, quote in enumerate(quotes))
    project.write("quoted.arg", text + 'thesis main "The claim."\n' + evidence)
    assert project.rules("quoted.arg") == []
    assert main(["fmt", "--check", "maps/new.arg"]) == 0


def test_init_does_not_overwrite_a_map(project, monkeypatch, capsys):
    monkeypatch.chdir(project.root)
    (project.root / "fpri.arg").write_text("mine", encoding="utf-8")
    assert main(["init", "seeds/fpri.txt"]) == 2
    assert "exists" in capsys.readouterr().err
    assert (project.root / "fpri.arg").read_text(encoding="utf-8") == "mine"


def test_document_ids_made_from_file_names():
    assert document_id("fpri") == "fpri"
    assert document_id("2017 report (draft)") == "_2017_report_draft"
    assert document_id("thesis") == "thesis_doc"


def test_init_treats_a_link_as_a_map_that_exists(project, monkeypatch, capsys, tmp_path_factory):
    """A link to nothing exists too: written through, it would make its target, wherever
    that is. Without --force it is refused; with it, a link out of the project still is."""
    outside = tmp_path_factory.mktemp("outside") / "planted.arg"
    monkeypatch.chdir(project.root)
    (project.root / "fpri.arg").symlink_to(outside)
    assert main(["init", "seeds/fpri.txt"]) == 2
    assert f"fpri.arg exists (a link to {outside})" in capsys.readouterr().err
    assert main(["init", "seeds/fpri.txt", "--force"]) == 2
    assert "outside the project folder" in capsys.readouterr().err
    assert not outside.exists()
    # a link inside the project is the map it names, replaced with --force
    (project.root / "fpri.arg").unlink()
    (project.root / "fpri.arg").symlink_to(project.root / "maps" / "target.arg")
    assert main(["init", "seeds/fpri.txt"]) == 2
    assert main(["init", "seeds/fpri.txt", "--force"]) == 0
    assert (project.root / "maps" / "target.arg").read_text(encoding="utf-8").startswith(
        "document fpri")
