"""Maps from other tools, written as `.arg` text: Argdown (`argdown.py`, read by the Argdown
CLI's own parser) and AIF JSON (`aif.py`, read by arguebuf). Documented in docs/import.md.

Each reader turns what its parser read into a `Draft`: statements, inferences (linked when
they have several premises), attacks and undercuts, in the source's order, with the source
line of each. `write` gives each node a kind from the relations it has (unless the source
names one) and writes the map. Whatever `.arg` has no form for is a `Note` with its
source line: kept as a comment where a comment can hold it, never left out unsaid.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

import attrs
from attrs import define, frozen

from .._tools import utf8_text
from ..lexicon import BY, KEYWORDS, SCHEMES, TERMINALS, TOPIC, WITH, NodeKind, RelationKind

__all__ = ["FORMATS", "Note", "Draft", "DraftNode", "Support", "identifier", "arg_string",
           "scheme_named", "kinds", "write", "import_file", "guess_format"]

#: The formats `argmap import` reads, each with the file name endings it recognises.
FORMATS = {"argdown": (".argdown", ".ad"), "aif": (".json",)}

_IDENT = re.compile(TERMINALS["IDENT"])
_NOT_IN_ID = re.compile(r"[^A-Za-z0-9_]+")


@frozen
class Note:
    """Something of the source that the map cannot hold as it is, and what became of it."""

    line: int
    message: str


@define
class DraftNode:
    """A statement as read: its text, the tags and comments it keeps, where it starts."""

    id: str
    text: str
    line: int
    tags: list[str] = attrs.Factory(list)
    comments: list[str] = attrs.Factory(list)
    kind: NodeKind | None = None


@frozen
class Support:
    """An inference: `premises` support (or, `kind` explains, explain) `conclusion`
    together, by `scheme` when it names one of the language's; `comments` (a scheme the
    language does not know, say) are written above it."""

    premises: tuple[str, ...]
    conclusion: str
    line: int
    comments: tuple[str, ...] = ()
    kind: RelationKind = RelationKind.SUPPORTS
    scheme: str | None = None


@define
class Draft:
    """A map as read from another format, before kinds are given and text is written."""

    document: str
    title: str
    origin: str
    nodes: dict[str, DraftNode] = attrs.Factory(dict)
    supports: list[Support] = attrs.Factory(list)
    attacks: list[tuple[str, str, int]] = attrs.Factory(list)
    #: (attacker, the inference it undercuts, line)
    undercuts: list[tuple[str, Support, int]] = attrs.Factory(list)
    #: Concessions and preferences: (relation, from, to, line).
    weighings: list[tuple[RelationKind, str, str, int]] = attrs.Factory(list)
    notes: list[Note] = attrs.Factory(list)
    #: The topic that opens before a node, by its id: the heading it stands under.
    topics: dict[str, str] = attrs.Factory(dict)
    #: The node each element of the source became, by its name there (`[title]` for an
    #: Argdown statement, `<title>` for an argument, its id for an AIF node).
    names: dict[str, str] = attrs.Factory(dict)
    #: The header's fields: `source`, when the source names the text its quotes are from.
    fields: dict[str, str] = attrs.Factory(dict)

    def note(self, line: int, message: str) -> None:
        self.notes.append(Note(line, message))

    def add_support(self, support: Support) -> None:
        """An inference, unless it cannot be one (a premise that is its conclusion) or the
        map has it already."""
        premises = tuple(dict.fromkeys(support.premises))
        if support.conclusion in premises:
            self.note(support.line, f"`{support.conclusion}` is inferred from itself; the "
                                    "inference is left out")
            return
        support = attrs.evolve(support, premises=premises)
        if any(set(s.premises) == set(premises) and s.conclusion == support.conclusion
               and s.kind is support.kind for s in self.supports):
            return
        self.supports.append(support)

    def add_attack(self, attacker: str, target: str, line: int) -> None:
        if attacker == target:
            self.note(line, f"`{attacker}` attacks itself; the attack is left out")
        elif (attacker, target) not in {(a, t) for a, t, _ in self.attacks}:
            self.attacks.append((attacker, target, line))


def identifier(name: str, taken: Iterable[str] = ()) -> str:
    """An `.arg` identifier for `name`: `name` itself when it is one, else a readable one
    made from it, unlike any in `taken`.

    >>> identifier("engage_russia")
    'engage_russia'
    >>> identifier("Epidemic Influence Hypothesis")
    'epidemic_influence_hypothesis'
    >>> identifier("29045"), identifier("thesis"), identifier("Untitled 1", ["untitled_1"])
    ('n29045', 'thesis_', 'untitled_1_2')
    """
    if _IDENT.fullmatch(name) and name not in KEYWORDS and not name.endswith("-"):
        ident = name
    else:
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        ident = _NOT_IN_ID.sub("_", ascii_name).strip("_").lower() or "node"
        if not ident[0].isalpha() and ident[0] != "_":
            ident = "n" + ident
        if ident in KEYWORDS:
            ident += "_"
    used = set(taken)
    unique, number = ident, 1
    while unique in used:
        number += 1
        unique = f"{ident}_{number}"
    return unique


def arg_string(text: str) -> str:
    r"""`text` as an `.arg` string (a carriage return, with a line feed or alone, a line
    break).

    >>> print(arg_string('He said "no"\r\nand left \\ there.'))
    "He said \"no\"\nand left \\ there."
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _tag(tag: str) -> str:
    """A tag as `.arg` writes it: white space and the characters a tag cannot hold as `-`.

    >>> _tag("Another tag"), _tag("H1")
    ('another-tag', 'H1')
    """
    cleaned = re.sub(r'[\s#",{}()]+', "-", tag.strip()).strip("-")
    return cleaned.lower() if cleaned != tag else cleaned


#: Other names tools give the language's schemes: AIFdb's (as arguebuf spells them) and
#: Walton's variants, each made lower case with dashes.
_SCHEME_NAMES = {"abductive": "best-explanation", "abduction": "best-explanation",
                 "inference-to-the-best-explanation": "best-explanation",
                 "positive-consequences": "consequences",
                 "negative-consequences": "consequences"}


def scheme_named(name: str) -> str | None:
    """The language's scheme a tool's scheme name names, if any.

    >>> scheme_named("Practical Reasoning"), scheme_named("Abductive"), scheme_named("Modus ponens")
    ('practical-reasoning', 'best-explanation', None)
    >>> scheme_named("Argument From Expert Opinion"), scheme_named("Argument from Sign")
    ('expert-opinion', 'sign')
    """
    key = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    key = re.sub(r"^argument-(from-)?", "", key)
    key = _SCHEME_NAMES.get(key, key)
    return key if key in SCHEMES else None


def kinds(draft: Draft) -> dict[str, NodeKind]:
    """The kind of each node: the one the source names, else what its relations make it. A
    node that supports and attacks nothing is a thesis; one that attacks (or undercuts)
    and supports nothing an objection; one that supports (explains, concedes or outranks)
    a premise; one that attacks only objections, and that no such node attacks, a
    rebuttal."""
    supports: set[str] = {source for _, source, _, _ in draft.weighings}
    attacks: dict[str, set[str]] = defaultdict(set)
    for support in draft.supports:
        supports.update(support.premises)
    for attacker, target, _ in draft.attacks:
        attacks[attacker].add(target)
    undercutters = {attacker for attacker, _, _ in draft.undercuts}
    found: dict[str, NodeKind] = {}
    for node_id, node in draft.nodes.items():
        if node.kind is not None:
            found[node_id] = node.kind
        elif node_id in supports:
            found[node_id] = NodeKind.PREMISE
        elif node_id in attacks or node_id in undercutters:
            found[node_id] = NodeKind.OBJECTION
        else:
            found[node_id] = NodeKind.THESIS
    answered: set[str] = set()  # objections a rebuttal attacks: they stay objections
    for node_id, targets in attacks.items():
        if draft.nodes[node_id].kind is not None or node_id in answered:
            continue
        if all(found[t] is NodeKind.OBJECTION for t in targets):
            found[node_id] = NodeKind.REBUTTAL
            answered |= targets
    _theses_for_all(draft, found, undercutters, answered)
    return found


def _theses_for_all(draft: Draft, found: dict[str, NodeKind], undercutters: set[str],
                    answered: set[str]) -> None:
    """More theses, until every node has a path to one: a debate (Argdown's, say) may have
    several positions, each the others' objection, and none a conclusion alone. Each time
    the node that the most nodes still without one lead to becomes a thesis (the first of
    equals), if the source names no kind for it, it undercuts nothing (only an objection or
    a rebuttal may) and no rebuttal attacks it (a rebuttal attacks objections only)."""
    into: dict[str, set[str]] = defaultdict(set)
    for support in draft.supports:
        into[support.conclusion].update(support.premises)
    for attacker, target, _ in draft.attacks:
        into[target].add(attacker)
    for attacker, inference, _ in draft.undercuts:
        into[inference.conclusion].add(attacker)
    for _, source, target, _ in draft.weighings:
        into[target].add(source)

    def leading_to(node_id: str) -> set[str]:
        seen, todo = {node_id}, [node_id]
        while todo:
            for before in into[todo.pop()] - seen:
                seen.add(before)
                todo.append(before)
        return seen

    covered: set[str] = set()
    for node_id, kind in found.items():
        if kind is NodeKind.THESIS:
            covered |= leading_to(node_id)
    candidates = {node_id: leading_to(node_id) for node_id, node in draft.nodes.items()
                  if node.kind is None and found[node_id] is not NodeKind.THESIS
                  and node_id not in undercutters and node_id not in answered}
    while len(covered) < len(draft.nodes) and candidates:
        best = max(candidates, key=lambda node_id: len(candidates[node_id] - covered))
        if not candidates[best] - covered:
            break
        found[best] = NodeKind.THESIS
        covered |= candidates.pop(best)


def write(draft: Draft) -> str:
    """The `.arg` text of a draft: a comment naming where it came from, the header, then
    each node with its relations, under the topics (headings) it stood under."""
    found = kinds(draft)
    relations: dict[str, list[str]] = defaultdict(list)
    for support in draft.supports:
        # Written on a premise that may carry it (an explanation not on a quote, a support
        # not on an objection), and best on one that bears on the conclusion no other way
        # (a node may not both support and explain a claim, or support and attack it).
        barred = NodeKind.EVIDENCE if support.kind is RelationKind.EXPLAINS else NodeKind.OBJECTION
        other_ways = {p for s in draft.supports if s.conclusion == support.conclusion
                      and s.kind is not support.kind for p in s.premises}
        other_ways |= {a for a, t, _ in draft.attacks if t == support.conclusion}
        first = min(support.premises,
                    key=lambda p: (found[p] is barred, p in other_ways))
        others = [p for p in support.premises if p != first]
        relations[first] += [f"# {comment}" for comment in support.comments]
        relations[first].append(f"{support.kind.value} {support.conclusion}"
                                + (f" {WITH} {', '.join(others)}" if others else "")
                                + (f" {BY} {support.scheme}" if support.scheme else ""))
    for attacker, target, _ in draft.attacks:
        relations[attacker].append(f"{RelationKind.ATTACKS.value} {target}")
    for kind, source, target, _ in draft.weighings:
        relations[source].append(f"{kind.value} {target}")
    for attacker, inference, line in draft.undercuts:
        if found[attacker] not in (NodeKind.OBJECTION, NodeKind.REBUTTAL):
            draft.note(line, f"`{attacker}` undercuts an inference but also supports a claim, "
                             "which `.arg` does not let one node do; the undercut is left out")
            continue
        # `undercuts A -> C` names every inference to C that A is a premise of: name one that
        # is a premise of this inference only.
        elsewhere = {p for s in draft.supports if s.conclusion == inference.conclusion
                     and s.kind is RelationKind.SUPPORTS
                     and set(s.premises) != set(inference.premises) for p in s.premises}
        premise = next((p for p in inference.premises if p not in elsewhere), None)
        if premise is None:
            premise = inference.premises[0]
            draft.note(line, f"`{attacker}` undercuts the inference of {inference.conclusion} "
                             f"from {', '.join(inference.premises)}, but each of these "
                             "supports it in another inference too, which the undercut "
                             "names as well")
        relations[attacker].append(f"{RelationKind.UNDERCUTS.value} {premise} -> "
                                   f"{inference.conclusion}")
    lines = [f"# Imported by `argmap import` from {draft.origin}.",
             f"document {draft.document} {arg_string(draft.title)} {{"
             + ("" if draft.fields else "}"),
             *(f"  {key} {arg_string(value)}" for key, value in draft.fields.items()),
             *(["}"] if draft.fields else [])]
    for node_id, node in draft.nodes.items():
        topic = draft.topics.get(node_id)
        if topic is not None:
            lines += ["", f"{TOPIC} {arg_string(topic)}"]
        lines.append("")
        lines += [f"# {comment}" for comment in node.comments]
        tags = "".join(f" #{_tag(tag)}" for tag in dict.fromkeys(node.tags) if _tag(tag))
        lines.append(f"{found[node_id].value} {node_id} {arg_string(node.text)}{tags}")
        lines += [f"  {relation}" for relation in relations[node_id]]
    return "\n".join(lines) + "\n"


def import_file(path: str, input_format: str | None = None, *,
                argdown: str | None = None) -> tuple[str, list[Note]]:
    """The `.arg` text of the Argdown or AIF file at `path` and the notes on what it could
    not carry; `input_format` is guessed from the file's name when None. `argdown` is the
    Argdown CLI to read Argdown with (found on PATH when None)."""
    if input_format is None:
        input_format = guess_format(path)
    if input_format == "argdown":
        from .argdown import read

        draft = read(path, argdown)
    else:
        from .aif import read as read_aif

        draft = read_aif(path)
    # A map is UTF-8 text: a lone surrogate (a JSON `\ud800`, a byte of the file's name
    # that is not UTF-8, in its title and first comment) becomes U+FFFD there.
    text = utf8_text(write(draft))
    return text, sorted(draft.notes, key=lambda note: note.line)


def guess_format(path: str) -> str:
    """The format a file's name says it is in; `InputError` when it says none.

    >>> guess_format("debate.argdown"), guess_format("nodeset6064.json")
    ('argdown', 'aif')
    """
    from ..errors import InputError

    for name, endings in FORMATS.items():
        if path.lower().endswith(endings):
            return name
    raise InputError(f"{path}: cannot tell its format from its name; name it with --from "
                     f"({', '.join(FORMATS)})")
