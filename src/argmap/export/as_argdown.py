"""A document map as Argdown text (argdown.org), which Argdown's CLI and editor read.

Each node is a statement `[id]: text`, followed by its data as JSON, which Argdown's data
syntax accepts: `{"kind": ..., "line": ...}`, plus the tags, and for evidence the source
file and the lines the quote was found on. Each inference is an argument with a
premise-conclusion structure (a linked support is one argument with several premises),
its scheme, when it names one, in its data; explanations, concessions and preferences,
which Argdown has no relation for, are data of the statement they start from;
attacks are statement relations (`-> [target]`), and an undercut attacks the inference of
an argument (`_> <argument>`), both written under the attacking statement. Each topic is a
heading (`# Name`) before the first statement of the nodes it groups.

A comparison is the statements and arguments of the maps it uses, titles prefixed with the
document's id (`[fpri.engage_russia]`), and its cross relations as relations (`+>` supports,
`->` attacks, `><` contradicts) where Argdown has one; every cross relation, with its
explanation and topic, is also kept as data on the statement it starts from (`cross`), which
is all Argdown keeps of `agrees` and `qualifies`.

Statement text is escaped, so that no character of it is read as Argdown markup (a `#`
as a tag, `//` as a comment, `[` as a reference); line breaks in it become spaces, as
Argdown would read them anyway.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from ..lexicon import SOURCE, CrossKind, NodeKind, RelationKind
from ..model import Node, Ref, topic_spans
from ..quotes import QuoteMatch
from ..semantics import ComparisonSemantics, Inference, MapSemantics
from . import attacks, inference_ids

__all__ = ["LEFT_OUT", "export", "escape", "data_text", "argument_titles"]

#: The cross relations Argdown has a relation for; the others (agrees, qualifies) are kept
#: only as data, in the `cross` list of the statement they start from.
_CROSS_SYMBOLS = {CrossKind.SUPPORTS: "+>", CrossKind.ATTACKS: "->", CrossKind.CONTRADICTS: "><"}
#: The relations of a map that Argdown has no form for, kept as data on the statement they
#: start from (`{"explains": [{"to": "c", "scheme": "best-explanation"}]}`): an argument
#: would read an explanation as a support, and a concession or a preference as nothing.
_AS_DATA = frozenset({RelationKind.EXPLAINS, RelationKind.CONCEDES, RelationKind.OUTRANKS})
#: The cross relations left out altogether: none.
LEFT_OUT: frozenset[CrossKind] = frozenset()

# Every character Argdown gives a meaning inside a statement's text: markup, tags,
# mentions, references, data, comments and the escape character itself.
_SPECIAL = re.compile(r"([\\/*_#\[\]<>{}@+\-=:.!?()|`~&%$^'\",;])")


def escape(text: str) -> str:
    r"""Statement text that Argdown reads back as `text` (white space runs made one space).

    >>> escape("A #tag, a [ref] and // no comment.")
    'A \\#tag\\, a \\[ref\\] and \\/\\/ no comment\\.'
    """
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


# What Argdown's reader takes for the end of a data block or of a line wherever it stands,
# inside a quoted string too: braces, which it counts to find the block's end, and the
# line breaks JSON leaves raw (and the C1 controls, which a terminal would act on).
_RAW_IN_DATA = re.compile("[{}\x7f-\x9f\u2028\u2029]")


def data_text(value: object) -> str:
    r"""`value` as the data of a statement or an argument: JSON, which Argdown reads as
    YAML, with every character Argdown's reader would end the data at written as a
    `\uXXXX` escape, which YAML reads back.

    >>> print(data_text({"explanation": "{A, B}\u2028next", "line": 3}))
    {"explanation": "\u007bA, B\u007d\u2028next", "line": 3}
    """
    text = json.dumps(value, ensure_ascii=False)
    if not _RAW_IN_DATA.search(text):
        return text
    # Only within strings: the braces of the data itself are JSON's own.
    return re.sub(r'"(?:[^"\\]|\\.)*"', lambda string: _RAW_IN_DATA.sub(
        lambda match: f"\\u{ord(match.group()):04x}", string.group()), text)


def export(semantics: MapSemantics | ComparisonSemantics) -> str:
    """The Argdown text of a map or a comparison."""
    if isinstance(semantics, MapSemantics):
        header = semantics.map.header
        title = " ".join(header.title.split()) if header else "a document map"
        return "\n\n".join([f"// {semantics.map.id}: {title}", *_map_blocks(semantics, "", {})]
                           ) + "\n"
    comparison = semantics.comparison
    relations: dict[str, list[str]] = defaultdict(list)
    cross: dict[str, list[dict[str, Any]]] = defaultdict(list)
    topics = {index: topic.name for topic, members in
              topic_spans(comparison.topics, len(comparison.relations)) for index in members}
    for index, relation in enumerate(comparison.relations):
        source, target = str(relation.source), str(relation.target)
        if relation.kind in _CROSS_SYMBOLS:
            relations[source].append(f"  {_CROSS_SYMBOLS[relation.kind]} [{target}]")
        entry = {"kind": relation.kind.value, "to": target, "explanation": relation.explanation}
        if index in topics:
            entry["topic"] = topics[index]
        cross[source].append(entry)
    blocks = [f"// {comparison.id}: {' '.join(comparison.title.split())}"]
    data = {title: {"cross": found} for title, found in cross.items()}
    for document, map_semantics in semantics.documents.items():
        blocks += _map_blocks(map_semantics, f"{document}.", relations, data)
    return "\n\n".join(blocks) + "\n"


def _map_blocks(semantics: MapSemantics, prefix: str, extra: dict[str, list[str]],
                extra_data: dict[str, dict[str, Any]] | None = None) -> list[str]:
    """The statements and arguments of a map, titles after `prefix`; `extra` holds more
    relation lines, `extra_data` more data, for a statement by its prefixed title."""
    titles = argument_titles(semantics, prefix)
    attacked: dict[str, list[str]] = defaultdict(list)
    for attacker, target, _ in attacks(semantics):
        attacked[attacker].append(f"  -> [{prefix}{target}]")
    for undercut in semantics.undercuts:
        attacked[undercut.node].extend(f"  _> <{titles[inference]}>"
                                       for inference in undercut.inferences)
    document_map = semantics.map
    headings = {document_map.nodes[members[0]].offset: topic.name for topic, members
                in topic_spans(document_map.topics, len(document_map.nodes)) if members}
    blocks = []
    for node in semantics.nodes.values():
        if node.offset in headings:
            blocks.append(f"# {escape(headings[node.offset])}")
        title = prefix + node.id
        data = {**_data(semantics, node), **(extra_data or {}).get(title, {})}
        blocks.append("\n".join([f"[{title}]: {escape(node.text)} "
                                 f"{data_text(data)}",
                                 *attacked[node.id], *extra.get(title, [])]))
    for inference, title in titles.items():
        premises = [f"({number}) [{prefix}{premise}]"
                    for number, premise in enumerate(inference.premises, start=1)]
        data = {"kind": "inference", "line": inference.relation.position.line}
        if inference.relation.scheme:
            data["scheme"] = inference.relation.scheme
        blocks.append(f"<{title}> {data_text(data)}\n\n" + "\n".join(premises)
                      + f"\n----\n({len(premises) + 1}) [{prefix}{inference.conclusion}]")
    return blocks


def argument_titles(semantics: MapSemantics, prefix: str = "") -> dict[Inference, str]:
    """The argument title of each inference: its id and what it infers, `i1 (a + b → c)`
    (no `<`, `>` or `:`, which would end the title), ids after `prefix`."""
    return {inference: (f"{prefix}{name} ({' + '.join(inference.premises)} → "
                        f"{inference.conclusion})")
            for inference, name in inference_ids(semantics).items()}


def _data(semantics: MapSemantics, node: Node) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": node.kind.value, "line": node.position.line}
    if node.tags:
        data["tags"] = list(node.tags)
    for relation in node.relations:  # those Argdown has no relation for: kept as data
        target = semantics.resolve(relation.target) if isinstance(relation.target, Ref) else None
        if relation.kind in _AS_DATA and target is not None:
            entry: dict[str, Any] = {"to": target.id}
            if relation.jointly:
                entry["with"] = [str(ref) for ref in relation.jointly]
            if relation.scheme:
                entry["scheme"] = relation.scheme
            data.setdefault(relation.kind.value, []).append(entry)
    if node.kind is NodeKind.EVIDENCE and semantics.map.header:
        source = semantics.map.header.get(SOURCE)
        found = semantics.quotes.get(node.id)
        if source is not None:
            data["source"] = source.value
        if isinstance(found, QuoteMatch):
            data.update(source_line=found.line, source_end_line=found.end_line)
    return data
