"""Facts: the sentences of an article that state something about an entity.

- A sentence naming the entity is a fact about it, unless it reads as fiction: a paragraph of
  narration or dialogue pasted into the article (a fan-fiction fragment, a quoted scene) has
  narrative verbs or first and second person and none of the words an article about a work uses
  ("series", "episode", "character", "portrayed", a year, a footnote).
- A sentence that opens with "He", "She", "His" or "Her" is about the person named first in the
  nearest sentence before it that names someone ("She wields a sword named Needle"), or the same person
  as the pronoun sentence before it.
- A sentence speaking of "the character" is about the article's subject.
- An infobox line ("- Weapon: Buster Sword", "Affiliation | the Guild") is a fact about the article's
  subject, however short.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ficdesk.canon.analysis import Doc, Group, person_like
from ficdesk.canon.lexicon import word_set
from ficdesk.canon.model import Fact

MIN_FACT_WORDS = 4
_PRONOUNS = frozenset({"He", "She", "His", "Her"})
_LOOK_BACK = 3
_NARRATIVE = word_set("""
smiled smiles smiling laughed laughing giggled grinned sighed screamed shouted whispered muttered nodded stared
glanced kissed hugged blushed gasped winked shrugged looked looking look walked threw grabbed pulled pushed smirked
chuckled frowned watched cupping stood
""")
_FIRST_SECOND = word_set("i i'm i'll i've i'd you you're you've you'll me my your yours")
_ARTICLE_WORDS = word_set("""
series season seasons episode episodes character characters actor actress portrayed played voiced film films novel
novels book books writer writers written fictional appears appeared appearance appearances fans critics storyline
role producer creator created television show franchise comic comics game games reviewers chapter volume
""")
_YEAR_OR_NOTE = re.compile(r"\b(?:1[89]|20)\d\d\b|\[\d+\]")
_INFOBOX_LINE = re.compile(r"[\s\-*•|]*[A-Z][\w()'’ ]{0,30}?\s*[:|]\s*\S")
_PARAGRAPH = re.compile(r"\n\s*\n")
#: The article's subject named by its role: "the character's evolution", "the character was written out".
_THE_CHARACTER = re.compile(r"\b(?:[Tt]he|[Tt]his) character(?:'s|’s)?\b(?! of\b)(?!s)")


class FactFinder:
    """Which sentences are facts of which group (``groups`` as grouped for the entities, in order)."""

    def __init__(self, doc: Doc, groups: list[Group], subject: int | None) -> None:
        self.doc = doc
        self.groups = groups
        self.fiction = _fiction_sentences(doc)
        self.extra: dict[int, set[int]] = {}
        #: The referent of each sentence that opens with a pronoun: "He ... He ..." goes on with one person.
        self.pronoun_owner: dict[int, int] = {}
        by_sentence: dict[int, list[tuple[int, int]]] = {}
        for index, group in enumerate(groups):
            for mention in group.mentions:
                by_sentence.setdefault(mention.sentence, []).append((mention.first, index))
        for sentence, (start, end) in enumerate(doc.sentences):
            if sentence in self.fiction:
                continue
            word = doc.text[start:end].split(" ", 1)[0]
            if word in _PRONOUNS:
                owner = self._referent(sentence, by_sentence)
                if owner is not None:
                    self.extra.setdefault(owner, set()).add(sentence)
                    self.pronoun_owner[sentence] = owner
            elif subject is not None and _THE_CHARACTER.search(doc.text, start, end):
                self.extra.setdefault(subject, set()).add(sentence)  # "the character's evolution": the subject
            elif subject is not None and _INFOBOX_LINE.match(doc.text, start) and "\n" not in doc.text[start:end] \
                    and len(doc.text[start:end].split()) <= 12 and _line_start(doc.text, start):
                self.extra.setdefault(subject, set()).add(sentence)

    def _referent(self, sentence: int, by_sentence: dict[int, list[tuple[int, int]]]) -> int | None:
        for back in range(sentence - 1, max(-1, sentence - 1 - _LOOK_BACK), -1):
            if back in self.pronoun_owner:
                return self.pronoun_owner[back]
            for _first, index in sorted(by_sentence.get(back, [])):
                if _personal(self.groups[index]):
                    return index
        return None

    def facts(self, index: int) -> list[Fact]:
        doc = self.doc
        mentioned = {m.sentence for m in self.groups[index].mentions}
        facts: list[Fact] = []
        for sentence in sorted(mentioned | self.extra.get(index, set())):
            if sentence in self.fiction:
                continue
            start, end = doc.sentences[sentence]
            text = doc.text[start:end].rstrip()
            if len(text.split()) < MIN_FACT_WORDS and sentence not in self.extra.get(index, set()):
                continue
            facts.append(Fact(text, start, start + len(text)))
        return facts


def _line_start(text: str, start: int) -> bool:
    return text[text.rfind("\n", 0, start) + 1:start].strip(" \t-*•|") == ""


def _personal(group: Group) -> bool:
    people = [m for m in group.mentions if not m.title]
    return bool(people) and any(person_like(m.words) or len(m.words) == 1 for m in people)


def _fiction_sentences(doc: Doc) -> set[int]:
    """Sentences of paragraphs that read as narration or dialogue rather than an article."""
    fiction: set[int] = set()
    starts = [start for start, _ in doc.sentences]
    position = 0
    for block in _PARAGRAPH.split(doc.text):
        begin = doc.text.find(block, position) if block else position
        end = begin + len(block)
        position = end
        words = _words(block)
        if not words or _YEAR_OR_NOTE.search(block) or any(w in _ARTICLE_WORDS for w in words):
            continue
        inside = range(bisect_left(starts, begin), bisect_left(starts, end))
        if sum(w in _NARRATIVE for w in words) >= 2:
            fiction.update(inside)  # a scene: every sentence of it
            continue
        for index in inside:  # a line of dialogue among article sentences
            sentence = _words(doc.text[slice(*doc.sentences[index])])
            if any(w in _NARRATIVE or w in _FIRST_SECOND for w in sentence):
                fiction.add(index)
    return fiction


def _words(text: str) -> list[str]:
    return [w.strip(".,;:!?\"'“”‘’()[]").lower() for w in text.split()]
