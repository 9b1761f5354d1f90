"""Argdown, as Argdown 1.7 reads it: the text is parsed by the Argdown CLI's own parser and
model builder (`argdown_json.js` runs the steps `argdown json` runs), and its JSON becomes
a `Draft`.

No Python reader of Argdown would do: `pyargdown` (PyPI, 0.0.1) is an empty placeholder
(docs/import.md), so Argdown needs Node.js and the Argdown CLI (`npm install -g
@argdown/cli`), found on PATH or named by `--argdown`.

What becomes what:
- a statement (an equivalence class: every member with its title) is a node; its first
  text is the node's text, another wording of it a comment above the node;
- an argument with a premise-conclusion structure is its inferences: each conclusion is
  supported by the premises the inference uses (`{uses: [1, 2]}`), by default every
  statement since the previous conclusion, with it; several premises make a linked
  support. Its inference rules are written above the support as its scheme, its title
  and description above the last one. An argument without one is a node (its text the
  description);
- relations from an argument are from its (main) conclusion; an undercut of an argument
  is an undercut of its last inference; an attack on a reconstructed argument, which
  Argdown leaves unsaid where it lands, becomes an undercut of that inference, and a
  support of it a support of its conclusion (both noted);
- `contrary` and `attack` are attacks, `contradictory` an attack each way, `support` and
  `entails` supports;
- tags are tags; a heading is a topic (`topic "Title"`) before the first node under it, a
  nested heading a topic of its own (topics do not nest);
- a statement's data `kind` (as `argmap export --format argdown` writes it) is its kind.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from importlib import resources
from typing import Any

from ..errors import InputError
from ..lexicon import SOURCE, WITH, NodeKind, RelationKind
from . import Draft, DraftNode, Support, identifier, scheme_named

__all__ = ["read", "run_argdown", "draft_of"]

#: The relations argmap's Argdown export keeps as data of the statement they start from
#: (`{"explains": [{"to": "c", "with": ["b"], "scheme": "best-explanation"}]}`).
_AS_DATA = (RelationKind.EXPLAINS, RelationKind.CONCEDES, RelationKind.OUTRANKS)
#: The data keys argmap's own Argdown export writes, which the import reads back or can
#: leave: the node's kind and line, its tags, where its quote was found.
_OWN_DATA = frozenset({"kind", "line", "tags", "source", "source_line", "source_end_line",
                       *(kind.value for kind in _AS_DATA)})
_KINDS = {kind.value: kind for kind in NodeKind}


def read(path: str, argdown: str | None = None) -> Draft:
    """The draft of the Argdown file at `path`, read by the Argdown CLI `argdown` (the one
    on PATH when None)."""
    try:
        with open(path, encoding="utf-8-sig") as file:
            text = file.read()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read it: {error}") from error
    data = run_argdown(text, path, argdown)
    stem = os.path.splitext(os.path.basename(path))[0]
    return draft_of(data, stem, f"{os.path.basename(path)} (Argdown, read by the Argdown CLI)")


def run_argdown(text: str, what: str, argdown: str | None = None) -> dict[str, Any]:
    """What `argdown json` makes of `text`; `InputError` naming each syntax error by line
    and column (of `what`), or when Node.js or the Argdown CLI is missing."""
    cli = argdown or shutil.which("argdown")
    node = shutil.which("node")
    if cli is None or node is None or not os.path.exists(cli):
        raise InputError("reading Argdown needs Node.js and the Argdown CLI "
                         "(npm install -g @argdown/cli); name the CLI with --argdown PATH "
                         f"if it is not on PATH ({'not found: ' + cli if cli else 'none'})")
    script = resources.files(__package__).joinpath("argdown_json.js")
    with resources.as_file(script) as script_path:
        done = subprocess.run([node, str(script_path), os.path.realpath(cli)], input=text,
                              capture_output=True, text=True, encoding="utf-8", timeout=300)
    if done.returncode != 0:
        raise InputError(f"{what}: the Argdown CLI failed: {done.stderr.strip()[-2000:]}")
    result = json.loads(done.stdout)
    if result["errors"]:
        raise InputError("\n".join(f"{what}:{e['line']}:{e['column']}: Argdown syntax error: "
                                   f"{e['message']}" for e in result["errors"]))
    return result["json"]


def draft_of(data: dict[str, Any], name: str, origin: str) -> Draft:
    """The draft of what `argdown json` wrote, for the file named `name`."""
    sections = _sections(data.get("sections", []))
    title = next(iter(sections.values()), (1, name, 0))[1]
    draft = Draft(identifier(name), title, origin)
    reader = _Reader(data, draft, sections)
    reader.nodes()
    reader.arguments()
    reader.relations()
    return draft


def _sections(sections: list[dict[str, Any]]) -> dict[str, tuple[int, str, int]]:
    """Each section (heading) by id: its level, title and line, nested ones too."""
    found = {}
    for section in sections:
        found[section["id"]] = (section["level"], section["title"], section.get("startLine", 0))
        found.update(_sections(section.get("children", [])))
    return found


class _Reader:
    """One Argdown model read into a draft, in three passes: nodes, arguments, relations."""

    def __init__(self, data: dict[str, Any], draft: Draft,
                 sections: dict[str, tuple[int, str, int]]) -> None:
        self.statements: dict[str, Any] = data.get("statements", {})
        self.arguments_: dict[str, Any] = data.get("arguments", {})
        self.relations_: list[dict[str, Any]] = data.get("relations", [])
        self.draft = draft
        self.sections = sections
        self.ids: dict[tuple[str, str], str] = {}  # ("statement" | "argument", title) -> id
        self.lines: dict[tuple[str, str], int] = {}
        self.last: dict[str, Support] = {}  # a reconstructed argument's last inference
        #: Each inference of a reconstructed argument, by the index of its conclusion.
        self.inferences: dict[tuple[str, int], Support] = {}

    def nodes(self) -> None:
        """A node for each statement and each argument with no reconstruction, in the
        order the text defines them, each heading a topic before the first node under it."""
        found = []
        for title, statement in self.statements.items():
            found.append(("statement", title, statement))
        for title, argument in self.arguments_.items():
            if not argument.get("pcs"):
                found.append(("argument", title, argument))
        found.sort(key=lambda item: _first_line(item[2]))
        section = None
        for kind, title, element in found:
            line = _first_line(element)
            self.lines[kind, title] = line
            node_id = identifier(title, self.draft.nodes)
            self.ids[kind, title] = node_id
            self.draft.names[f"[{title}]" if kind == "statement" else f"<{title}>"] = node_id
            node = self._node(node_id, kind, title, element, line)
            self.draft.nodes[node_id] = node
            if element.get("section") != section:
                section = element.get("section")
                if section in self.sections:
                    self.draft.topics[node_id] = self.sections[section][1]

    def _node(self, node_id: str, kind: str, title: str, element: dict[str, Any],
              line: int) -> DraftNode:
        texts = [(m.get("startLine", line), " ".join(m["text"].split()))
                 for m in element.get("members", [])
                 if m.get("text", "").strip() and not m.get("isReference")]
        data = dict(element.get("data") or {})
        what = "statement [" if kind == "statement" else "argument <"
        what += title + ("]" if kind == "statement" else ">")
        if not texts:
            self.draft.note(line, f"{what} has no text: its title is the node's text")
            texts = [(line, title)]
        node = DraftNode(node_id, texts[0][1], line, tags=[*element.get("tags", []),
                                                           *data.get("tags", [])])
        for other_line, text in {t: (n, t) for n, t in texts[1:]}.values():
            if text != node.text:
                node.comments.append(f"also worded (line {other_line}): {text}")
                self.draft.note(other_line, f"{what} is worded again; the other wording is "
                                            "kept as a comment: a node has one text")
        if data.get("kind") in _KINDS:
            node.kind = _KINDS[data["kind"]]
        if data.get("kind") == NodeKind.EVIDENCE.value and isinstance(data.get("source"), str):
            self.draft.fields.setdefault(SOURCE, data["source"])
        other = {key: value for key, value in data.items() if key not in _OWN_DATA}
        if other:
            node.comments.append(f"Argdown data: {json.dumps(other, ensure_ascii=False)}")
            self.draft.note(line, f"{what} has data the map has no form for "
                                  f"({', '.join(other)}); it is kept as a comment")
        return node

    def arguments(self) -> None:
        """Each reconstructed argument as its inferences."""
        for title, argument in self.arguments_.items():
            pcs = argument.get("pcs") or []
            if not pcs:
                continue
            if any(("statement", member.get("title")) not in self.ids for member in pcs):
                self.draft.note(_first_line(argument), f"argument <{title}> names a statement "
                                "Argdown did not define; its inferences are left out")
                continue
            ids = [self.ids["statement", member["title"]] for member in pcs]
            start = 0
            conclusions = [i for i, member in enumerate(pcs) if member.get("inference")]
            for number, index in enumerate(conclusions):
                inference = pcs[index]["inference"]
                uses = (inference.get("data") or {}).get("uses")
                if isinstance(uses, list) and all(isinstance(u, int) and 1 <= u <= index
                                                  for u in uses):
                    premises = tuple(ids[u - 1] for u in uses)
                else:
                    premises = tuple(ids[start:index])
                start = index
                line = inference.get("startLine", _first_line(argument))
                rules = list(inference.get("inferenceRules", []))
                last = number == len(conclusions) - 1
                if last and isinstance((argument.get("data") or {}).get("scheme"), str):
                    rules.insert(0, argument["data"]["scheme"])
                schemes = [scheme_named(rule) for rule in rules]
                scheme = next(filter(None, schemes), None)
                others = [rule for rule, named in zip(rules, schemes)
                          if named is None or named != scheme]
                comments = [f"scheme: {rule}" for rule in others]
                if others:
                    self.draft.note(line, f"the inference rule ({', '.join(others)}) of "
                                          f"argument <{title}> is kept as a comment above its "
                                          "support: the language has no such scheme")
                if last:
                    comments = [*self._about(title, argument), *comments]
                if not premises:
                    self.draft.note(line, f"argument <{title}> infers ({index + 1}) from "
                                          "nothing; the inference is left out")
                    continue
                support = Support(premises, ids[index], line, tuple(comments), scheme=scheme)
                self.draft.add_support(support)
                self.last[title] = self.inferences[title, index] = support
            if conclusions:
                self.ids["argument", title] = ids[conclusions[-1]]
                self.draft.names[f"<{title}>"] = ids[conclusions[-1]]
                self.lines["argument", title] = _first_line(argument)

    def _about(self, title: str, argument: dict[str, Any]) -> list[str]:
        """The comments that keep an argument's title, description and tags: none for an
        inference `argmap export` wrote, which the support itself is."""
        if (argument.get("data") or {}).get("kind") == "inference":
            return []
        descriptions = [" ".join(m["text"].split()) for m in argument.get("members", [])
                        if m.get("text", "").strip()]
        tags = "".join(f" #{tag}" for tag in argument.get("tags", []))
        return [f"<{title}>{tags}" + (f": {descriptions[0]}" if descriptions else "")]

    def relations(self) -> None:
        """Supports, attacks and undercuts between statements and arguments; explanations,
        concessions and preferences kept as data."""
        self._kept_as_data()
        pending = []
        for relation in self.relations_:
            source = self._end(relation["from"], relation["fromType"])
            line = self.lines.get(_key(relation["from"], relation["fromType"]), 0)
            to_type, to_title, kind = relation["toType"], relation["to"], relation["relationType"]
            inference = self.inferences.get((to_title, relation.get("conclusionIndex", -1)))
            if source is not None and to_type == "inference" and inference is not None:
                if kind == "undercut":
                    self.draft.undercuts.append((source, inference, line))
                else:
                    self.draft.note(line, f"a `{kind}` relation from {relation['from']} to an "
                                          f"inference of <{to_title}> has no form in the map; "
                                          "it is left out")
                continue
            if source is None or _key(to_title, to_type) not in self.ids:
                self.draft.note(line, f"a `{kind}` relation from {relation['from']} to "
                                      f"{to_title} names something Argdown did not define; "
                                      "it is left out")
                continue
            target = self.ids[_key(to_title, to_type)]
            reconstructed = to_type == "argument" and to_title in self.last
            if kind in ("support", "entails"):
                if reconstructed:
                    self.draft.note(line, f"a support of argument <{to_title}> is a support "
                                          "of its conclusion: Argdown does not say which "
                                          "premise it supports")
                self.draft.add_support(Support((source,), target, line))
            elif kind == "undercut" or (kind in ("attack", "contrary") and reconstructed):
                if kind != "undercut":
                    self.draft.note(line, f"an attack on argument <{to_title}> is an undercut "
                                          "of its last inference: Argdown does not say "
                                          "which premise it attacks")
                if reconstructed:
                    self.draft.undercuts.append((source, self.last[to_title], line))
                else:
                    pending.append((source, target, line))
            elif kind in ("attack", "contrary"):
                self.draft.add_attack(source, target, line)
            elif kind == "contradictory":
                self.draft.add_attack(source, target, line)
                self.draft.add_attack(target, source, line)
            else:
                self.draft.note(line, f"a relation of type `{kind}` from {relation['from']} "
                                      f"to {to_title} has no form in the map; it is left out")
        for source, target, line in pending:  # undercuts of arguments with no reconstruction
            inferences = [s for s in self.draft.supports if target in s.premises]
            if len(inferences) == 1:
                self.draft.undercuts.append((source, inferences[0], line))
            else:
                self.draft.note(line, f"`{source}` undercuts `{target}`, an argument that "
                                      "does not support exactly one claim (the map "
                                      "undercuts supports only); it attacks it instead")
                self.draft.add_attack(source, target, line)

    def _kept_as_data(self) -> None:
        """The explanations, concessions and preferences argmap's Argdown export keeps as
        data of the statement they start from."""
        for title, statement in self.statements.items():
            data = statement.get("data") or {}
            source = self.ids["statement", title]
            line = self.lines["statement", title]
            for kind in _AS_DATA:
                entries = data.get(kind.value)
                for entry in entries if isinstance(entries, list) else []:
                    ends = [entry.get("to"), *(entry.get(WITH) or [])]
                    if not all(("statement", end) in self.ids for end in ends):
                        self.draft.note(line, f"`{kind.value}` data of [{title}] names a "
                                              "statement Argdown did not define; left out")
                        continue
                    target, *jointly = (self.ids["statement", end] for end in ends)
                    if kind is RelationKind.EXPLAINS:
                        scheme = entry.get("scheme")
                        self.draft.add_support(Support(
                            (source, *jointly), target, line, kind=kind,
                            scheme=scheme_named(scheme) if isinstance(scheme, str) else None))
                    else:
                        self.draft.weighings.append((kind, source, target, line))

    def _end(self, title: str, kind: str) -> str | None:
        return self.ids.get(_key(title, kind))


def _key(title: str, kind: str) -> tuple[str, str]:
    return ("argument" if kind == "argument" else "statement", title)


def _first_line(element: dict[str, Any]) -> int:
    """The line an Argdown element is first given text on (else first written on)."""
    members = element.get("members", [])
    lines = [m["startLine"] for m in members if m.get("text", "").strip() and "startLine" in m]
    lines = lines or [m["startLine"] for m in members if "startLine" in m]
    if not lines:
        lines = [m["startLine"] for m in element.get("pcs", []) if "startLine" in m]
    return min(lines, default=element.get("startLine", 0))
