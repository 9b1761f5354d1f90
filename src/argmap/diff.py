"""What a change did to an argument (`argmap diff`, docs/diff.md): two versions of a map
compared as arguments, not as text.

Each version is read into a `Snapshot` (its nodes, relations, quotes and whether each is
found in the source, each claim's evaluation, its findings); `compare` gives the `MapDiff`
of two; `text`, `markdown` and `data` write one out. A file that does not exist in one
version is an empty snapshot: every node added, or every node removed.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import attrs
from attrs import field, frozen

from .diagnostics import Finding, Severity
from .lexicon import BY, CLAIM_KINDS, NodeKind, RelationKind

__all__ = ["Snapshot", "MapDiff", "snapshot", "compare", "describe", "text", "markdown", "data",
           "marked_dot", "MARKS", "VERSION"]

#: The version of the JSON `data` writes.
VERSION = 1

#: A relation as compared: its kind, the nodes it starts from, what it ends at (a node,
#: or for an undercut the inference `a + b -> c`).
RelationKey = tuple[str, tuple[str, ...], str]
#: A finding as compared: where it is may move with every edit, so it is its rule,
#: severity and message (which name the nodes).
FindingKey = tuple[str, str, str]


@frozen
class Snapshot:
    """One version of a map, as `compare` needs it."""

    path: str
    #: Each node's kind and text, by id, in the map's order.
    nodes: dict[str, tuple[str, str]] = field(factory=dict)
    relations: frozenset[RelationKey] = frozenset()
    #: Whether each quote is found in the source (None: no source was read).
    quotes: dict[str, bool | None] = field(factory=dict)
    #: Each claim's evaluation and why, by id; None when the map has errors.
    labels: dict[str, tuple[str, str]] | None = None
    findings: tuple[Finding, ...] = ()
    exists: bool = True


@frozen
class MapDiff:
    """Everything that changed from `old` to `new`."""

    old: Snapshot
    new: Snapshot
    added: list[str]
    removed: list[str]
    reworded: list[str]
    #: (id, kind before, kind now)
    rekinded: list[tuple[str, str, str]]
    relations_added: list[RelationKey]
    relations_removed: list[RelationKey]
    #: (id, what became of it: added, removed or reworded, found before, found now)
    quotes: list[tuple[str, str, bool | None, bool | None]]
    #: (id, label before, label now, why now)
    evaluation: list[tuple[str, str, str, str]]
    findings_new: list[Finding]
    findings_fixed: list[Finding]

    @property
    def changed(self) -> bool:
        return any((self.added, self.removed, self.reworded, self.rekinded,
                    self.relations_added, self.relations_removed, self.quotes,
                    self.evaluation, self.findings_new, self.findings_fixed))


def snapshot(path: str, *, shown_as: str | None = None, tree: tuple[str, str] = ("", "")
             ) -> Snapshot:
    """The snapshot of the map at `path` (named `shown_as` in what is written), read as
    `argmap check` reads it; `InputError` or `ArgSyntaxError` when it cannot be read.
    `tree` is (where the version was read from, what to call that folder in messages)."""
    from .errors import InputError
    from .evaluation import evaluate
    from .export import attacks, weighings
    from .lint import check_paths
    from .quotes import QuoteMatch
    from .semantics import MapSemantics, Resolver
    from .settings import Discovery
    from .workspace import Workspace

    # A revision unpacked has no `.git`: its top folder is the project of its maps.
    read_from, called = tree
    resolver = Resolver(Workspace(Discovery(top=read_from or None)))
    result = check_paths([path], resolver=resolver)
    loaded = resolver.load_named(path)
    if loaded.error is not None:  # where it does not parse, as `check` says it
        where = loaded.error.position
        raise InputError(f"{shown_as or path}:{where.line}:{where.column}: "
                         f"{loaded.error.message}")
    semantics = resolver.of(loaded)
    if not isinstance(semantics, MapSemantics):
        raise InputError(f"{path}: a comparison; argmap diff compares document maps")
    relations: set[RelationKey] = set()
    explanations = [i for found in semantics.explanations.values() for i in found]
    for kind, inferences in ((RelationKind.SUPPORTS, semantics.every_inference),
                             (RelationKind.EXPLAINS, explanations)):
        for inference in inferences:
            scheme = inference.relation.scheme
            relations.add((kind.value, tuple(sorted(inference.premises)),
                           inference.conclusion + (f" {BY} {scheme}" if scheme else "")))
    for attacker, target, _ in attacks(semantics):
        relations.add((RelationKind.ATTACKS.value, (attacker,), target))
    for kind in (RelationKind.CONCEDES, RelationKind.OUTRANKS):
        for source, target, _ in weighings(semantics, kind):
            relations.add((kind.value, (source,), target))
    for undercut in semantics.undercuts:
        for inference in undercut.inferences:
            relations.add((RelationKind.UNDERCUTS.value, (undercut.node,),
                           _inference(inference.premises, inference.conclusion)))
    quotes = {}
    for node_id, node in semantics.nodes.items():
        if node.kind is NodeKind.EVIDENCE:
            found = semantics.quotes.get(node_id) if semantics.source is not None else None
            quotes[node_id] = None if found is None else isinstance(found, QuoteMatch)
    # Where the old version was read from is not where the reader knows it.
    findings = tuple(attrs.evolve(
        f, position=attrs.evolve(f.position, file=shown_as or path),
        message=f.message.replace(read_from, called) if read_from else f.message)
        for f in result.findings)
    labels = None
    if not any(f.severity is Severity.ERROR for f in findings):
        labelling = evaluate(semantics)
        labels = {node_id: (label.value, labelling.reason(node_id))
                  for node_id, label in labelling.nodes.items()
                  if semantics.nodes[node_id].kind in CLAIM_KINDS}
    return Snapshot(shown_as or path,
                    {i: (n.kind.value, n.text) for i, n in semantics.nodes.items()},
                    frozenset(relations), quotes, labels, findings)


def _inference(premises: tuple[str, ...], conclusion: str) -> str:
    return f"{' + '.join(sorted(premises))} -> {conclusion}"


def compare(old: Snapshot, new: Snapshot) -> MapDiff:
    """What changed from `old` to `new`: nodes, relations, quotes, evaluation, findings."""
    added = [i for i in new.nodes if i not in old.nodes]
    removed = [i for i in old.nodes if i not in new.nodes]
    both = [i for i in new.nodes if i in old.nodes]
    reworded = [i for i in both if old.nodes[i][1] != new.nodes[i][1]]
    rekinded = [(i, old.nodes[i][0], new.nodes[i][0]) for i in both
                if old.nodes[i][0] != new.nodes[i][0]]
    quotes: list[tuple[str, str, bool | None, bool | None]] = []
    for node_id in dict.fromkeys([*old.quotes, *new.quotes]):
        before, now = old.quotes.get(node_id), new.quotes.get(node_id)
        if node_id not in old.quotes:
            quotes.append((node_id, "added", None, now))
        elif node_id not in new.quotes:
            quotes.append((node_id, "removed", before, None))
        elif node_id in reworded or before != now:
            quotes.append((node_id, "reworded" if node_id in reworded else "source changed",
                           before, now))
    evaluation = []
    if old.labels is not None and new.labels is not None:
        for node_id, (label, why) in new.labels.items():
            if node_id in old.labels and old.labels[node_id][0] != label:
                evaluation.append((node_id, old.labels[node_id][0], label, why))
    old_findings = Counter(_finding_key(f) for f in old.findings)
    new_findings = Counter(_finding_key(f) for f in new.findings)
    return MapDiff(
        old, new, added, removed, reworded, rekinded,
        sorted(new.relations - old.relations, key=_relation_order),
        sorted(old.relations - new.relations, key=_relation_order),
        quotes, evaluation,
        _only(new.findings, new_findings - old_findings),
        _only(old.findings, old_findings - new_findings))


def _finding_key(finding: Finding) -> FindingKey:
    return finding.rule, finding.severity.value, finding.message


def _only(findings: tuple[Finding, ...], wanted: Counter) -> list[Finding]:
    """The findings whose keys `wanted` counts, as many of each as it counts."""
    left = Counter(wanted)
    chosen = []
    for finding in findings:
        key = _finding_key(finding)
        if left[key] > 0:
            left[key] -= 1
            chosen.append(finding)
    return chosen


def _relation_order(relation: RelationKey) -> tuple:
    return relation[2], relation[0], relation[1]


def describe(relation: RelationKey) -> str:
    """A relation in words, with the ids as the map writes them.

    >>> describe(("supports", ("a", "b"), "c")), describe(("undercuts", ("x",), "a -> c"))
    ('a + b support c together', 'x undercuts a -> c')
    >>> describe(("explains", ("a",), "c by best-explanation"))
    'a explains c by best-explanation'
    """
    kind, sources, target = relation
    if len(sources) > 1:  # a linked support or explanation
        return f"{' + '.join(sources)} {kind.removesuffix('s')} {target} together"
    return f"{sources[0]} {kind} {target}"


def _summary(diff: MapDiff) -> str:
    """The counts of what changed, in one line."""
    parts = []
    nodes = [f"{len(diff.added)} added" if diff.added else "",
             f"{len(diff.removed)} removed" if diff.removed else "",
             f"{len(diff.reworded)} reworded" if diff.reworded else "",
             f"{len(diff.rekinded)} of another kind" if diff.rekinded else ""]
    if any(nodes):
        parts.append("nodes: " + ", ".join(filter(None, nodes)))
    relations = [f"{len(diff.relations_added)} added" if diff.relations_added else "",
                 f"{len(diff.relations_removed)} removed" if diff.relations_removed else ""]
    if any(relations):
        parts.append("relations: " + ", ".join(filter(None, relations)))
    if diff.quotes:
        unmatched = sum(1 for q in diff.quotes if q[3] is False)
        parts.append(f"quotes: {len(diff.quotes)} changed"
                     + (f", {unmatched} no longer found" if unmatched else ""))
    for label in ("out", "undecided", "in"):
        count = sum(1 for e in diff.evaluation if e[2] == label)
        if count:
            parts.append(f"{count} claim{'s' if count > 1 else ''} now {label}")
    if diff.findings_new or diff.findings_fixed:
        parts.append(f"findings: {len(diff.findings_new)} new, {len(diff.findings_fixed)} "
                     "fixed")
    return "; ".join(parts) if parts else "no change to the argument"


def _quote_state(found: bool | None) -> str:
    return {True: "found in the source", False: "not found in the source",
            None: "not checked (no source)"}[found]


def _finding_line(finding: Finding) -> str:
    return (f"{finding.position.line}:{finding.position.column} {finding.severity.value} "
            f"{finding.rule}: {finding.message}")


def text(diff: MapDiff) -> str:
    """The diff for a terminal: a line of counts, then each change on a line, `+` added,
    `-` removed, `~` changed."""
    from ._tools import visible

    new = diff.new
    lines = [f"{diff.old.path} -> {new.path}: {_summary(diff)}"]
    if diff.evaluation:
        lines.append("  evaluation:")
        lines += [f"    ~ {i} ({new.nodes[i][0]}): {was} -> {now}" + (f" ({why})" if why else "")
                  for i, was, now, why in diff.evaluation]
    if diff.added or diff.removed or diff.reworded or diff.rekinded:
        lines.append("  nodes:")
        lines += [f"    + {new.nodes[i][0]} {i} {json.dumps(new.nodes[i][1], ensure_ascii=False)}"
                  for i in diff.added]
        lines += [f"    - {diff.old.nodes[i][0]} {i} "
                  f"{json.dumps(diff.old.nodes[i][1], ensure_ascii=False)}" for i in diff.removed]
        lines += [f"    ~ {i}: {json.dumps(diff.old.nodes[i][1], ensure_ascii=False)} -> "
                  f"{json.dumps(new.nodes[i][1], ensure_ascii=False)}" for i in diff.reworded]
        lines += [f"    ~ {i}: {was} -> {now}" for i, was, now in diff.rekinded]
    if diff.relations_added or diff.relations_removed:
        lines.append("  relations:")
        lines += [f"    + {describe(r)}" for r in diff.relations_added]
        lines += [f"    - {describe(r)}" for r in diff.relations_removed]
    if diff.quotes:
        lines.append("  quotes:")
        lines += [f"    ~ {i}: {change}; {_quote_state(now if change != 'removed' else was)}"
                  for i, change, was, now in diff.quotes]
    if diff.findings_new or diff.findings_fixed:
        lines.append("  findings:")
        lines += [f"    + {_finding_line(f)}" for f in diff.findings_new]
        lines += [f"    - {_finding_line(f)}" for f in diff.findings_fixed]
    return visible("\n".join(lines)) + "\n"


# Markdown gives these characters a meaning; text from a map is data, never markup.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def _md(text: str) -> str:
    r"""Text shown as it is in Markdown (and in the HTML GitHub makes of it).

    >>> _md("a *b* <i>c</i> | d\nnext")
    'a \\*b\\* &lt;i&gt;c&lt;/i&gt; \\| d next'
    """
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN.sub(r"\\\1", " ".join(escaped.split()))


def markdown(diffs: list[MapDiff]) -> str:
    """The diffs as a pull-request comment: a summary line per map, then its changes in
    tables; the first line is a marker a workflow can find the comment by."""
    out = ["<!-- argmap-diff -->", "## What this change does to the argument", ""]
    if not diffs:
        out.append("No map changed.")
    for diff in diffs:
        new = diff.new
        out += [f"### `{diff.new.path}`", "", f"**{_md(_summary(diff))}**", ""]
        if diff.evaluation:
            out += ["| claim | was | now | why |", "| --- | --- | --- | --- |"]
            out += [f"| `{i}` ({new.nodes[i][0]}) | {was} | **{now}** | {_md(why)} |"
                    for i, was, now, why in diff.evaluation]
            out.append("")
        rows = ([("added", i, new.nodes[i][0], _md(new.nodes[i][1])) for i in diff.added]
                + [("removed", i, diff.old.nodes[i][0], _md(diff.old.nodes[i][1]))
                   for i in diff.removed]
                + [("reworded", i, new.nodes[i][0],
                    f"~~{_md(diff.old.nodes[i][1])}~~ → {_md(new.nodes[i][1])}")
                   for i in diff.reworded]
                + [("kind changed", i, f"{was} → {now}", _md(new.nodes[i][1]))
                   for i, was, now in diff.rekinded])
        if rows:
            out += ["| node | id | kind | text |", "| --- | --- | --- | --- |"]
            out += [f"| {change} | `{i}` | {kind} | {words} |" for change, i, kind, words in rows]
            out.append("")
        if diff.relations_added or diff.relations_removed:
            out += [f"- relation added: `{describe(r)}`" for r in diff.relations_added]
            out += [f"- relation removed: `{describe(r)}`" for r in diff.relations_removed]
            out.append("")
        if diff.quotes:
            out += ["| quote | change | now |", "| --- | --- | --- |"]
            out += [f"| `{i}` | {change} | "
                    f"{_quote_state(now if change != 'removed' else was)} |"
                    for i, change, was, now in diff.quotes]
            out.append("")
        if diff.findings_new or diff.findings_fixed:
            out += [f"- new finding: line {f.position.line}, {f.severity.value} `{f.rule}`: "
                    f"{_md(f.message)}" for f in diff.findings_new]
            out += [f"- fixed: {f.severity.value} `{f.rule}`: {_md(f.message)}"
                    for f in diff.findings_fixed]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def data(diffs: list[MapDiff]) -> dict[str, Any]:
    """The diffs as plain data, for `--format json`."""
    def relation(r: RelationKey) -> dict[str, Any]:
        return {"kind": r[0], "from": list(r[1]), "to": r[2]}

    def finding(f: Finding) -> dict[str, Any]:
        return f.to_data()

    return {"format": "argmap-diff", "version": VERSION, "maps": [{
        "old": d.old.path if d.old.exists else None,
        "new": d.new.path if d.new.exists else None,
        "summary": _summary(d),
        "nodes": {
            "added": [{"id": i, "kind": d.new.nodes[i][0], "text": d.new.nodes[i][1]}
                      for i in d.added],
            "removed": [{"id": i, "kind": d.old.nodes[i][0], "text": d.old.nodes[i][1]}
                        for i in d.removed],
            "reworded": [{"id": i, "old": d.old.nodes[i][1], "new": d.new.nodes[i][1]}
                         for i in d.reworded],
            "kind_changed": [{"id": i, "old": was, "new": now} for i, was, now in d.rekinded]},
        "relations": {"added": [relation(r) for r in d.relations_added],
                      "removed": [relation(r) for r in d.relations_removed]},
        "quotes": [{"id": i, "change": change, "found_before": was, "found_now": now}
                   for i, change, was, now in d.quotes],
        "evaluation": [{"id": i, "old": was, "new": now, "why": why}
                       for i, was, now, why in d.evaluation],
        "findings": {"new": [finding(f) for f in d.findings_new],
                     "fixed": [finding(f) for f in d.findings_fixed]},
    } for d in diffs]}


#: How a changed node is marked in the drawing: its outline's colour, by what changed.
MARKS = {"added": "#1a7f37", "reworded": "#9a6700", "evaluation changed": "#cf222e"}


def marked_dot(diff: MapDiff, source: str, document: str) -> str:
    """The DOT `source` of the new map's drawing with the change marked: each node added,
    reworded (or of another kind) or whose evaluation changed drawn with a thick outline
    of its colour (`MARKS`), and a key that says so and names what was removed."""
    from .render.escape import label_text

    marked: dict[str, str] = {}
    for node_id, *_ in diff.evaluation:
        marked[node_id] = "evaluation changed"
    for node_id in [*diff.reworded, *(i for i, _, _ in diff.rekinded)]:
        marked.setdefault(node_id, "reworded")
    for node_id in diff.added:
        marked[node_id] = "added"
    statements = []
    for node_id, change in marked.items():
        name = json.dumps(f"{document}.{node_id}")
        if f"\t{name} [" in source:  # a quote drawn inside its claim has no node of its own
            statements.append(f"\t{name} [color=\"{MARKS[change]}\" penwidth=4]\n")
    def row(text: str, colour: str | None = None) -> str:
        swatch = (f'<TD BGCOLOR="{colour}" WIDTH="12" HEIGHT="12" FIXEDSIZE="TRUE"></TD>'
                  if colour else "<TD></TD>")
        return f'<TR>{swatch}<TD ALIGN="LEFT">{text}</TD></TR>'

    rows = [f'<TR><TD ALIGN="LEFT" COLSPAN="2"><B>Changed since '
            f"{label_text(diff.old.path)}</B></TD></TR>"]
    rows += [row(change, colour) for change, colour in MARKS.items() if change in marked.values()]
    rows += [row(f"removed: {label_text(node_id)}") for node_id in diff.removed]
    rows += [row(f"+ {label_text(describe(r))}") for r in diff.relations_added]
    rows += [row(f"− {label_text(describe(r))}") for r in diff.relations_removed]
    statements.append('\t"argmap-diff-key" [id="key" shape=plaintext fontsize=11 label=<<TABLE '
                      'BORDER="1" COLOR="#8c959f" CELLBORDER="0" CELLPADDING="3" '
                      'CELLSPACING="2">'
                      + "".join(rows) + "</TABLE>>]\n")
    end = source.rstrip().rfind("}")
    return source[:end] + "".join(statements) + source[end:]
