"""Search over canon entities: by name, alias or fact text; prefix and typo tolerant, ranked.

The index is built once per entity list. Names and aliases are indexed whole (exact and prefix
lookups through a sorted list), word by word (prefix through a sorted list, typos through a
one-deletion neighbourhood as in SymSpell) and fact words by exact word and prefix. A lookup
touches only the candidates those structures return, so it stays fast with many entities.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ficdesk.canon.lexicon import FUNCTION_WORDS
from ficdesk.canon.model import Entity

_WORD = re.compile(r"[^\W_]+")
#: How many sorted entries a prefix lookup reads at most (a one-letter query must stay fast).
_PREFIX_SCAN = 400
_MIN_FACT_WORD = 3

_EXACT, _KEY_PREFIX, _WORD_EXACT, _WORD_PREFIX, _TYPO, _FACT, _FACT_PREFIX = 1.0, 0.9, 0.8, 0.7, 0.6, 0.35, 0.25


@dataclass(frozen=True, slots=True)
class SearchHit:
    entity: Entity
    score: float
    #: The name, alias or fact sentence that matched.
    matched: str


def normalise(text: str) -> str:
    """Casefolded, accents removed, possessives and punctuation dropped: "Ianto's" -> "ianto"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = re.sub(r"'s\b", "", plain)
    return " ".join(_WORD.findall(plain))


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance (adjacent transpositions count once), capped at ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


class CanonIndex:
    """An in-memory search structure over a list of entities."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.entities = list(entities)
        self._keys: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._words: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._deleted: dict[str, set[str]] = defaultdict(set)
        self._fact_words: dict[str, set[int]] = defaultdict(set)
        self._names: dict[str, list[int]] = defaultdict(list)
        self._boost = [1.0 + 0.08 * math.log1p(max(0.0, e.score)) for e in self.entities]
        for number, entity in enumerate(self.entities):
            for position, label in enumerate([entity.name, *entity.aliases]):
                key = normalise(label)
                if not key:
                    continue
                self._keys[key].append((number, label))
                if position == 0:
                    self._names[key].append(number)
                for word in key.split():
                    self._words[word].append((number, label))
            for fact in entity.facts:
                for word in set(normalise(fact.text).split()):
                    if len(word) >= _MIN_FACT_WORD and word not in FUNCTION_WORDS:
                        self._fact_words[word].add(number)
        for word in self._words:
            if len(word) >= 3:
                for variant in _deletes(word):
                    self._deleted[variant].add(word)
        self._sorted_keys = sorted(self._keys)
        self._sorted_words = sorted(self._words)
        self._sorted_fact_words = sorted(self._fact_words)

    def __len__(self) -> int:
        return len(self.entities)

    def entity_at(self, text: str) -> Entity | None:
        """The entity whose name or alias is exactly ``text`` (case, accents, possessive ignored)."""
        key = normalise(text)
        if key.startswith("the ") and key not in self._keys:
            key = key[4:]
        if key in self._names:
            return max((self.entities[i] for i in self._names[key]), key=lambda e: e.score)
        if key in self._keys:
            return max((self.entities[i] for i, _ in self._keys[key]), key=lambda e: e.score)
        return None

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Entities matching ``query``, best first: whole names, then words, prefixes, typos, facts."""
        key = normalise(query)
        if not key or limit <= 0:
            return []
        best: dict[int, tuple[float, str]] = {}

        def offer(number: int, quality: float, matched: str) -> None:
            if number not in best or best[number][0] < quality:
                best[number] = (quality, matched)

        for number, label in self._keys.get(key, ()):
            offer(number, _EXACT, label)
        for found in self._prefixed(self._sorted_keys, key):
            if found != key:
                for number, label in self._keys[found]:
                    offer(number, _KEY_PREFIX * (0.9 + 0.1 * len(key) / len(found)), label)
        words = key.split()
        per_word = [self._match_word(word, last=index == len(words) - 1) for index, word in enumerate(words)]
        common = set.intersection(*(set(matches) for matches in per_word)) if per_word else set()
        for number in common:
            qualities = [matches[number] for matches in per_word]
            offer(number, sum(q for q, _ in qualities) / len(qualities), qualities[0][1])
        if len(best) < limit:
            facts = self._fact_matches(words)
            # Only as many fact matches as can still be shown, the most important first.
            for number in heapq.nlargest(limit, (n for n in facts if n not in best), key=self._boost.__getitem__):
                offer(number, facts[number], "")
        ranked = heapq.nlargest(limit, best.items(), key=lambda item: (item[1][0] * self._boost[item[0]], -item[0]))
        return [SearchHit(self.entities[number], round(quality * self._boost[number], 4),
                          matched or self._fact_text(number, words))
                for number, (quality, matched) in ranked]

    def _prefixed(self, ordered: list[str], prefix: str) -> Iterable[str]:
        start = bisect_left(ordered, prefix)
        for found in ordered[start:start + _PREFIX_SCAN]:
            if not found.startswith(prefix):
                break
            yield found

    def _match_word(self, word: str, *, last: bool) -> dict[int, tuple[float, str]]:
        """Entities with a name word equal to, starting with (last query word only) or a typo of ``word``."""
        result: dict[int, tuple[float, str]] = {}

        def add(found: str, quality: float) -> None:
            for number, label in self._words[found]:
                if number not in result or result[number][0] < quality:
                    result[number] = (quality, label)

        if word in self._words:
            add(word, _WORD_EXACT)
        if last or len(word) >= 3:
            for found in self._prefixed(self._sorted_words, word):
                if found != word:
                    add(found, _WORD_PREFIX * (0.85 + 0.15 * len(word) / len(found)))
        if len(word) >= 3:
            limit = 1 if len(word) <= 5 else 2
            candidates: set[str] = set(self._deleted.get(word, ()))
            for variant in _deletes(word):
                candidates |= self._deleted.get(variant, set())
                if variant in self._words:
                    candidates.add(variant)
            for found in candidates:
                distance = edit_distance(word, found, limit)
                if found != word and distance <= limit:
                    add(found, _TYPO - 0.1 * (distance - 1))
        return result

    def _fact_matches(self, words: list[str]) -> dict[int, float]:
        """Entities whose facts contain every query word (the last one may be a prefix)."""
        sets: list[set[int]] = []
        for index, word in enumerate(words):
            if word in FUNCTION_WORDS:
                continue
            found = set(self._fact_words.get(word, ()))
            if index == len(words) - 1 and len(word) >= 3:
                for longer in self._prefixed(self._sorted_fact_words, word):
                    found |= self._fact_words[longer]
            sets.append(found)
        if not sets:
            return {}
        common = set.intersection(*sets)
        exact = all(word in self._fact_words for word in words if word not in FUNCTION_WORDS)
        return {number: _FACT if exact else _FACT_PREFIX for number in common}

    def _fact_text(self, number: int, words: list[str]) -> str:
        for fact in self.entities[number].facts:
            text = normalise(fact.text)
            if all(word in text for word in words):
                return fact.text
        return self.entities[number].name
