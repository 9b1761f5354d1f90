"""The TextMate grammar: the committed file is the one `argmap.textmate` builds from the
language's vocabulary. (Its scopes are tested by vscode-tmgrammar-test, from npm, on
`editors/vscode/tests/*.arg`: `.ci/run` runs them.)"""

from __future__ import annotations

import json
import re

from argmap.lexicon import KEYWORDS
from argmap.textmate import grammar
from conftest import ROOT

GRAMMAR = ROOT / "editors" / "vscode" / "syntaxes" / "argmap.tmLanguage.json"


def test_the_committed_grammar_is_the_built_one():
    assert json.loads(GRAMMAR.read_text(encoding="utf-8")) == grammar()


def test_the_grammar_knows_every_keyword():
    text = GRAMMAR.read_text(encoding="utf-8")
    for word in KEYWORDS:
        assert re.search(rf"[(|]{word}[|)]", text), word


def test_the_extension_declares_the_grammar_for_arg_files():
    manifest_path = ROOT / "editors" / "vscode" / "package.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    [language] = manifest["contributes"]["languages"]
    [declared] = manifest["contributes"]["grammars"]
    assert language["extensions"] == [".arg"]
    assert declared["scopeName"] == grammar()["scopeName"]
    assert (ROOT / "editors" / "vscode" / declared["path"]).resolve() == GRAMMAR.resolve()
