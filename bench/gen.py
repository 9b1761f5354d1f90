"""Write a synthetic argument map of N nodes, its source text, and the same map in Argdown.

    python bench/gen.py N DIR

writes `DIR/mapN.arg`, `DIR/sourceN.txt` (the text the map's evidence quotes come from) and
`DIR/mapN.argdown`. The map is a tree under one thesis, three children to a node: the first
two support their parent, the third attacks it (an objection, or a rebuttal when the parent
is an objection); every leaf is evidence, a quote of a sentence of the source; and about
N/10 cross-attacks: objections and evidence that also attack a premise elsewhere in the
tree. The map checks without findings. The same seed gives the same files, byte for byte.
"""

from __future__ import annotations

import argparse
import os
import random

__all__ = ["generate", "main"]

_WORDS = (
    "russia china korea sanctions pressure talks broker leverage missile nuclear program "
    "treaty border trade ties moscow beijing washington pyongyang seoul tokyo summit envoy "
    "diplomacy military exercise deterrence alliance economy energy pipeline railway port "
    "labour workers oil coal export import market bank credit loan aid food famine regime "
    "leader policy strategy crisis conflict peace security region influence power interest "
    "partner rival ally threat risk cost benefit promise commitment negotiation agreement"
).split()
_BRANCHING = 3


def _sentence(rng: random.Random, number: int) -> str:
    """A sentence of 12 to 20 words; the number keeps every sentence distinct."""
    words = [rng.choice(_WORDS) for _ in range(rng.randint(11, 19))]
    words.insert(rng.randint(1, len(words) - 1), f"item-{number}")
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _kinds(n: int) -> list[str]:
    """The kind of each node of the tree, from its place under its parent."""
    kinds = ["thesis"]
    for i in range(1, n):
        parent = (i - 1) // _BRANCHING
        attacking = (i - 1) % _BRANCHING == _BRANCHING - 1
        if _BRANCHING * i + 1 >= n:  # no children: a leaf, which is always a quote
            kinds.append("evidence")
        elif attacking:
            kinds.append("rebuttal" if kinds[parent] == "objection" else "objection")
        else:
            kinds.append("premise")
    return kinds


def generate(n: int, folder: str, seed: int = 1) -> dict[str, str]:
    """Write the three files for a map of `n` nodes; return their paths by role."""
    rng = random.Random(seed)
    kinds = _kinds(n)
    ids = [f"n{i}" for i in range(n)]
    texts = [f"Claim {i}: " + _sentence(rng, i)[:-1].lower() + "." for i in range(n)]
    relations: list[list[tuple[str, int]]] = [[] for _ in range(n)]
    for i in range(1, n):
        parent = (i - 1) // _BRANCHING
        attacking = (i - 1) % _BRANCHING == _BRANCHING - 1
        relations[i].append(("attacks" if attacking else "supports", parent))
    # Cross-attacks: objections and evidence attacking premises elsewhere in the tree.
    attackers = [i for i in range(n) if kinds[i] in ("objection", "evidence")]
    premises = [i for i in range(n) if kinds[i] == "premise"]
    if attackers and premises:
        for _ in range(n // 10):
            source, target = rng.choice(attackers), rng.choice(premises)
            if all(target != t for _, t in relations[source]):
                relations[source].append(("attacks", target))

    # The source: paragraphs of five sentences; each leaf quotes one sentence (from its
    # second word on, as analysts trim), and filler sentences come between.
    paragraphs, sentence, quotes = [], [], {}
    for i in range(n):
        if kinds[i] == "evidence":
            text = _sentence(rng, i)
            quotes[i] = text.split(" ", 1)[1].rstrip(".")
            sentence.append(text)
        if rng.random() < 0.3:
            sentence.append(_sentence(rng, n + i))
        if len(sentence) >= 5:
            paragraphs.append(" ".join(sentence))
            sentence = []
    if sentence:
        paragraphs.append(" ".join(sentence))
    source_text = "\n\n".join(_wrap(p) for p in paragraphs) + "\n"

    os.makedirs(folder, exist_ok=True)
    paths = {"arg": os.path.join(folder, f"map{n}.arg"),
             "source": os.path.join(folder, f"source{n}.txt"),
             "argdown": os.path.join(folder, f"map{n}.argdown")}
    arg = [f'document bench "A synthetic map of {n} nodes" {{\n  source "source{n}.txt"\n}}\n']
    argdown = [f"===\ntitle: A synthetic map of {n} nodes\n===\n"]
    for i in range(n):
        text = quotes.get(i, texts[i])
        arg.append(f'\n{kinds[i]} {ids[i]} "{text}"\n')
        argdown.append(f"\n[{ids[i]}]: {text} #{kinds[i]}\n")
        for kind in ("supports", "attacks"):
            targets = [ids[t] for k, t in relations[i] if k == kind]
            if targets:
                arg.append(f"  {kind} {', '.join(targets)}\n")
                symbol = "+>" if kind == "supports" else "->"
                argdown += [f"  {symbol} [{target}]\n" for target in targets]
    for role, content in (("arg", arg), ("argdown", argdown)):
        _write(paths[role], "".join(content))
    _write(paths["source"], source_text)
    return paths


def _wrap(paragraph: str, width: int = 88) -> str:
    """A paragraph broken into lines, as text files usually are (quotes may span them)."""
    lines, line = [], ""
    for word in paragraph.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(lines + [line])


def _write(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as file:
        file.write(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, metavar="N", help="number of nodes (at least 1)")
    parser.add_argument("folder", metavar="DIR", help="folder to write the files into")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    for path in generate(args.n, args.folder, args.seed).values():
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
