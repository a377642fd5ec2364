"""How well the canon builder reads each test article: ``python -m tests.canon.canon_report [-v]``.

Per article: entity recall, type accuracy on the expected entities it found (those with a type),
junk rate (returned entities the expectations never mention), alias grouping and build time.
``-v`` lists the misses, wrong types and junk behind the numbers.
"""

from __future__ import annotations

import sys

from ficdesk.canon import build_canon
from tests.canon.scoring import Score, articles, pooled, score


def _row(name: str, cells: list[str]) -> str:
    return f"{name:<22}" + "".join(f"{cell:>14}" for cell in cells)


def report(scores: list[Score]) -> str:
    lines = [_row("article", ["entities", "recall", "type acc", "junk rate", "aliases", "build ms"])]
    for item in scores:
        lines.append(_row(item.article.name, [
            str(len(item.entities)), f"{item.recall:.0%}",
            f"{item.type_accuracy:.0%} ({item.typed_found - len(item.wrong_types)}/{item.typed_found})",
            f"{item.junk_rate:.0%} ({len(item.junk)})", f"{item.alias_accuracy:.0%}", f"{item.seconds * 1000:.0f}",
        ]))
    total = pooled(scores)
    lines.append(_row("all (pooled)", [
        str(total.returned), f"{total.recall:.0%}", f"{total.type_accuracy:.0%} ({total.right}/{total.typed})",
        f"{total.junk_rate:.0%} ({total.junk})", f"{total.alias_accuracy:.0%}", "",
    ]))
    return "\n".join(lines)


def details(item: Score) -> str:
    parts = [f"== {item.article.name}"]
    if item.missing:
        parts.append("missing: " + ", ".join(item.missing))
    if item.wrong_types:
        parts.append("wrong type: " + ", ".join(f"{n} ({want}, got {got})" for n, want, got in item.wrong_types))
    if item.junk:
        parts.append("junk: " + ", ".join(item.junk))
    if item.forbidden:
        parts.append("not entities, found: " + ", ".join(item.forbidden))
    if item.split_aliases:
        parts.append("aliases split: " + ", ".join(f"{n} / {a}" for n, a in item.split_aliases))
    if item.thin_facts:
        parts.append("too few facts: " + ", ".join(item.thin_facts))
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    build_canon("Warm the lexicon: Ianto Jones met Jack Harkness in Cardiff.")  # its first load is not a build
    scores = [score(item) for item in articles()]
    print(report(scores))
    if "-v" in argv or "--verbose" in argv:
        for item in scores:
            print()
            print(details(item))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
