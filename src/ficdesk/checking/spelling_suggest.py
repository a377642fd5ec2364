"""Spelling suggestions: the dictionary words one edit away, the likeliest first."""

from __future__ import annotations

import re
import threading

from ficdesk.checking import lexicon as lx
from ficdesk.checking.lexicon import Lexicon

_LETTERS = "abcdefghijklmnopqrstuvwxyz'"
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS: dict[str, str] = {}
for _row_index, _row in enumerate(_ROWS):
    for _col, _key in enumerate(_row):
        near = _row[max(0, _col - 1):_col] + _row[_col + 1:_col + 2]
        for _other in (_row_index - 1, _row_index + 1):
            if 0 <= _other < len(_ROWS):
                near += _ROWS[_other][max(0, _col - 1):_col + 2]
        _NEIGHBOURS[_key] = near


def _edits(word: str) -> dict[str, int]:
    """Every string one edit from ``word`` with a cost: typing slips cost less than odd changes."""
    found: dict[str, int] = {}

    def add(candidate: str, cost: int) -> None:
        if candidate and (candidate not in found or found[candidate] > cost):
            found[candidate] = cost

    for i in range(len(word) + 1):
        left, right = word[:i], word[i:]
        if right:
            add(left + right[1:], 2 if i and word[i - 1] == right[0] else 3)
        if len(right) > 1:
            add(left + right[1] + right[0] + right[2:], 1)
        for letter in _LETTERS:
            if right and letter != right[0]:
                add(left + letter + right[1:], 2 if letter in _NEIGHBOURS.get(right[0], "") else 4)
            add(left + letter + right, 2)
    return found


def skeleton(word: str) -> str:
    """``word`` with doubled letters single: "tommorow" and "tomorrow" both give "tomorow"."""
    return _DOUBLES.sub(r"\1", word)


_DOUBLES = re.compile(r"(.)\1+")
_skeletons: dict[str, dict[str, list[str]]] = {}
_skeleton_lock = threading.Lock()


def _skeleton_index(lexicon: Lexicon) -> dict[str, list[str]]:
    index = _skeletons.get(lexicon.language)
    if index is None:
        with _skeleton_lock:
            index = _skeletons.get(lexicon.language)
            if index is None:
                index = {}
                for known in lexicon.words:
                    if known.islower():
                        index.setdefault(skeleton(known), []).append(known)
                _skeletons[lexicon.language] = index
    return index


def suggest(word: str, lexicon: Lexicon, limit: int = 5) -> list[str]:
    """Up to ``limit`` dictionary words one edit (or a doubled letter and one edit) from ``word``, best first."""
    lower = word.lower()
    ranked = []
    for candidate, cost in _edits(lower).items():
        if candidate in lexicon.words:
            common = 0 if lx.tags(candidate) else 1
            ranked.append((cost, common, candidate[:1] != lower[:1], candidate))
    if not ranked:
        index = _skeleton_index(lexicon)
        for variant, cost in [(skeleton(lower), 0), *_edits(skeleton(lower)).items()]:
            for candidate in index.get(variant, ()):
                if candidate != lower:
                    ranked.append((cost + 3, 0 if lx.tags(candidate) else 1, candidate[:1] != lower[:1], candidate))
    ranked.sort()
    out = [candidate for *_, candidate in ranked[:limit]]
    if word[:1].isupper():
        out = [candidate[:1].upper() + candidate[1:] for candidate in out]
    return out


def distance_one(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one insertion, deletion, substitution or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) == 1:
            return True
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[
            diffs[0]]
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))
