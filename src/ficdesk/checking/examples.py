r"""Example sentences a rule module carries as its proof, run by ``tests/checking/test_rule_examples.py``.

A rule module sets ``EXAMPLES = Examples(wrong=(...), clean=(...))``. A wrong example marks each error in
place as ``[wrong->fix]``: ``'"We\\'re flying[.->,]" Loki supplied.'``. The test checks the sentence with the
whole checker (spelling off) and requires that the module's rules flag every marked span and that applying the
first suggestions of all findings gives exactly the fixed sentence. A clean example is a correct look-alike on
which no rule may report anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"\[([^\[\]]*?)->([^\[\]]*?)\]")


@dataclass(frozen=True)
class Examples:
    wrong: tuple[str, ...] = ()
    clean: tuple[str, ...] = ()
    #: Canon names the examples assume (``CheckerConfig.canon_names``).
    canon: tuple[str, ...] = ()


@dataclass(frozen=True)
class Marked:
    """A wrong example unpacked: the text as written, the corrected text and the spans of the errors."""

    text: str
    fixed: str
    spans: tuple[tuple[int, int], ...]


def unmark(example: str) -> Marked:
    """Split ``'a [wrong->fix] b'`` into the written text, the fixed text and the written spans of errors."""
    text: list[str] = []
    fixed: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    length = 0
    for found in _MARK.finditer(example):
        plain = example[position:found.start()]
        text.append(plain)
        fixed.append(plain)
        length += len(plain)
        spans.append((length, length + len(found.group(1))))
        text.append(found.group(1))
        fixed.append(found.group(2))
        length += len(found.group(1))
        position = found.end()
    if not spans:
        raise ValueError(f"a wrong example marks its error as [wrong->fix]: {example!r}")
    text.append(example[position:])
    fixed.append(example[position:])
    return Marked("".join(text), "".join(fixed), tuple(spans))
