"""The TextMate grammar of `.arg` files, built from the language's own vocabulary.

VS Code, and the editors that read TextMate grammars, highlight with the JSON this module
writes: `python -m argmap.textmate > editors/vscode/syntaxes/argmap.tmLanguage.json`
(a test checks that the committed file is what this module gives). The words come from
`argmap.model`, the token patterns from the reader's, so the grammar follows the language.
"""

from __future__ import annotations

import json
import sys

from .lexicon import (
    BY,
    COMPARE,
    DOCUMENT,
    EXTENSION,
    TERMINALS,
    TOPIC,
    USE,
    WITH,
    CrossKind,
    NodeKind,
    RelationKind,
)

__all__ = ["grammar", "SCOPE"]

SCOPE = "source.argmap"

_IDENT = TERMINALS["IDENT"]
# A keyword is a whole identifier: no identifier character around it.
_BEFORE = r"(?<![A-Za-z0-9_-])"
_AFTER = r"(?![A-Za-z0-9_]|-(?!>))"


def _words(*groups) -> str:
    words = dict.fromkeys(getattr(word, "value", word) for group in groups for word in group)
    return _BEFORE + "(" + "|".join(words) + ")" + _AFTER


def grammar() -> dict:
    """The grammar, as the JSON object a `.tmLanguage.json` file holds."""
    node_kinds = _words(NodeKind)
    cross_only = [kind for kind in CrossKind if kind.value not in {k.value for k in RelationKind}]
    return {
        "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
        "name": "argmap",
        "scopeName": SCOPE,
        "fileTypes": [EXTENSION[1:]],
        "patterns": [{"include": "#comment"}, {"include": "#header"}, {"include": "#node"},
                     {"include": "#topic"}, {"include": "#statement"}],
        "repository": {
            "comment": {"name": "comment.line.number-sign.argmap",
                        "match": TERMINALS["COMMENT"]},
            "tag": {"name": "entity.name.tag.argmap", "match": TERMINALS["TAG"]},
            "escape": {"patterns": [
                {"name": "constant.character.escape.argmap", "match": r'\\["\\n]'},
                {"name": "invalid.illegal.unknown-escape.argmap", "match": r"\\."}]},
            "string": {"patterns": [
                {"name": "string.quoted.triple.argmap", "begin": '"""', "end": '"""',
                 "patterns": [{"include": "#escape"}]},
                {"name": "string.quoted.double.argmap", "begin": '"', "end": '"|$',
                 "patterns": [{"include": "#escape"}]}]},
            "header": {
                "begin": _BEFORE + f"({DOCUMENT}|{COMPARE})" + _AFTER + rf"\s*({_IDENT})?",
                "beginCaptures": {"1": {"name": "keyword.other.header.argmap"},
                                  "2": {"name": "entity.name.type.document.argmap"}},
                "end": r"\}",
                "endCaptures": {"0": {"name": "punctuation.section.block.end.argmap"}},
                "patterns": [
                    {"include": "#comment"}, {"include": "#string"},
                    {"match": r"\{", "name": "punctuation.section.block.begin.argmap"},
                    {"match": _BEFORE + f"({USE})" + _AFTER,
                     "name": "keyword.other.use.argmap"},
                    {"match": _BEFORE + _IDENT, "name": "variable.other.key.argmap"}]},
            "node": {
                "match": node_kinds + rf"\s*({_IDENT})?",
                "captures": {"1": {"name": "storage.type.node-kind.argmap"},
                             "2": {"name": "entity.name.function.node.argmap"}}},
            "topic": {
                "match": _BEFORE + f"({TOPIC})" + _AFTER + r'\s*("(?:[^"\\\n]|\\.)*")?',
                "captures": {"1": {"name": "keyword.other.topic.argmap"},
                             "2": {"name": "entity.name.section.topic.argmap"}}},
            "statement": {"patterns": [
                {"include": "#comment"}, {"include": "#tag"}, {"include": "#string"},
                {"match": _words(RelationKind, [WITH]), "name": "keyword.operator.relation.argmap"},
                {"match": rf"{_BEFORE}({BY}){_AFTER}\s*({_IDENT})?",
                 "captures": {"1": {"name": "keyword.operator.scheme.argmap"},
                              "2": {"name": "support.constant.scheme.argmap"}}},
                {"match": _words(cross_only), "name": "keyword.operator.cross-relation.argmap"},
                {"match": "->", "name": "keyword.operator.arrow.argmap"},
                {"match": ",", "name": "punctuation.separator.comma.argmap"},
                {"match": rf"{_BEFORE}({_IDENT})\s*(\.)",
                 "captures": {"1": {"name": "entity.name.namespace.document.argmap"},
                              "2": {"name": "punctuation.accessor.argmap"}}},
                {"match": _BEFORE + _IDENT, "name": "variable.other.node.argmap"}]},
        },
    }


if __name__ == "__main__":
    sys.stdout.write(json.dumps(grammar(), indent=2, ensure_ascii=False) + "\n")
