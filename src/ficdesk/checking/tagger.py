"""Context-sensitive part-of-speech tags (Penn Treebank: ``NN``, ``VBD``, ``PRP$`` ...) for the checker's rules.

Why this model: the lexicon (:mod:`ficdesk.checking.lexicon`) says which tags a word *can* have, which cannot tell
"Hermione rolls her eyes" (a verb) from "the bread rolls" or see the subject of a verb. An averaged perceptron
(Collins 2002; the greedy left-to-right design popularised by Matthew Honnibal) picks one tag per word from the
word, its affixes, its neighbours and the two tags before it. It is small, pure Python and about 97 % accurate
on newswire; spaCy's models are not on the package index and are far slower to load. The weights are those of
``textblob-aptagger`` (MIT), converted by ``packaging/tools/build_tagger.py`` into a compact file that is not a
pickle; this module is FicDesk's own reading of that file and of the algorithm.

Measured (``tests/checking/test_tagger.py`` on ``tests/checking/data/tagged-fic.txt``, 74 fic-style sentences tagged
by hand: present and past narration, dialogue, invented names): 0.955 of 688 tokens right with the shipped weights
(pruned below 1.0) and :func:`repair`; the unpruned weights alone get 0.952. The commonest slips are present-tense
verbs after names ("Kestrel grabs") read as plural nouns, which :func:`repair` mostly fixes, sentence-initial
imperatives ("Sit", "Stay") read as names, and past tenses read as participles. Loading the model (:func:`model`:
one read of the uncompressed file, a dict per feature head over one shared vocabulary) costs about 0.008 s of CPU
time, median of 15 fresh processes (0.019 s when the file was gzipped with a JSON header); tagging runs at about
80,000 tokens per CPU second (38,102 tokens of bench prose: 0.45 s warm, 0.53 s with empty caches, on a shared
machine; 0.90 s and 0.99 s before :meth:`Model.tag_ranked` summed cached feature groups). Choices and the pruning
measurements are in ``resources/tagger/README.md``.

Only paragraphs whose rules ask for tags are tagged (:attr:`ficdesk.checking.tokens.Paragraph.tags`), and the
model loads on first use.
"""

from __future__ import annotations

import re
import struct
import sys
import threading
from array import array
from collections.abc import Callable, Sequence

from ficdesk.checking.data import section_lines
from ficdesk.resources import resource_file

MODEL = ("tagger", "perceptron-en.bin")
MAGIC = b"ficdesk-perceptron 3"
_START = ("-START-", "-START2-")
_END = ("-END-", "-END2-")
#: Clitics split off the way the Penn Treebank splits them ("do n't", "Jack 's", "I 'm").
_CLITIC = re.compile(r"(?i)(n't|'s|'re|'m|'ve|'ll|'d)$")
_SENTENCE_END = frozenset(".!?…")
#: A packed score vector (see :meth:`Model.tag_ranked`) gives each class a 32-bit field. Every non-empty group of
#: features adds _OFFSET to every field, so fields stay positive: a group has at most three features of int16
#: weights (under 2**17) and a token sums eight groups, under 2**31 in all.
_OFFSET = 1 << 27
#: Partial sums kept (about 0.3 KB each): the first check of a 300,000-word chapter makes some 40,000.
_SUMS_LIMIT = 100_000


class Model:
    """The averaged-perceptron weights: feature -> (class index, weight) pairs, decoded on first use.

    Read from the file of ``packaging/tools/build_tagger.py`` (format described there): a feature is its head and
    its value (:data:`Feature`), the index holds one dict per head filled with ``dict(zip(...))`` from one shared
    vocabulary, and the weight arrays are taken as they are.
    """

    def __init__(self, data: bytes) -> None:
        newline = data.index(b"\n")
        magic, version, _scale, *sizes = data[:newline].split(b" ")
        if magic + b" " + version != MAGIC or len(sizes) != 9:
            raise RuntimeError("the tagger's model file is damaged or of another version; reinstall FicDesk")
        view = memoryview(data)
        sections, position = [], newline + 1
        for size in map(int, sizes):
            sections.append(view[position:position + size])
            position += size
        if position != len(data):
            raise RuntimeError("the tagger's model file is damaged; reinstall FicDesk")
        classes, words, tags, vocabulary, heads, value_ids, offsets, class_ids, weights = sections
        self.classes: tuple[str, ...] = tuple(section_lines(classes))
        self.tagdict: dict[str, str] = dict(zip(section_lines(words), section_lines(tags), strict=True))
        ids = array("H")
        ids.frombytes(value_ids)
        self._offsets = array("I")
        self._offsets.frombytes(offsets)
        self._class_ids = bytes(class_ids)
        self._weights = array("h")
        self._weights.frombytes(weights)
        if sys.byteorder != "little":
            for numbers in (ids, self._offsets, self._weights):
                numbers.byteswap()
        value_of = section_lines(vocabulary).__getitem__
        #: Head -> value -> feature number (features are numbered head after head).
        self._index: dict[str, dict[str, int]] = {}
        start = 0
        for line in section_lines(heads):
            head, count = line.split("\t")
            end = start + int(count)
            self._index[head] = dict(zip(map(value_of, ids[start:end]), range(start, end), strict=True))
            start = end
        if start != len(ids) or len(self._offsets) != start + 1 or len(self._weights) != len(self._class_ids):
            raise RuntimeError("the tagger's model file is damaged; reinstall FicDesk")
        self._fields = struct.Struct(f"<{len(self.classes)}I")
        self._packed_bias = self._pack((_BIAS,))
        #: (group, its words) -> the group's packed weights: see :meth:`tag_ranked`.
        self._sums: dict[tuple[str, ...], int] = {}

    def _pairs(self, feature: Feature) -> list[tuple[int, int]]:
        """The feature's (class index, weight) pairs, decoded from the file's arrays.

        Not cached: :meth:`tag_ranked` keeps the summed groups, so a decoded copy would only double the memory.
        """
        values = self._index.get(feature[0])
        index = None if values is None else values.get(feature[1])
        if index is None:
            return []
        start, end = self._offsets[index], self._offsets[index + 1]
        return list(zip(self._class_ids[start:end], self._weights[start:end], strict=True))

    def ranked(self, features: Sequence[Feature]) -> tuple[str, str]:
        """The best tag and the runner-up, weights added one by one (the reference :meth:`tag_ranked` must match)."""
        scores = [0] * len(self.classes)
        for feature in features:
            for tag, weight in self._pairs(feature):
                scores[tag] += weight
        return self._top_two(scores)

    def _top_two(self, scores: list[int]) -> tuple[str, str]:
        # Ties go to the later class name (classes are sorted), as in the reference implementation's max over
        # (score, name).
        top = max(scores)
        best = len(scores) - 1 - scores[::-1].index(top)
        scores[best] = -(1 << 30)
        second = max(scores)
        return self.classes[best], self.classes[len(scores) - 1 - scores[::-1].index(second)]

    def _pack(self, features: Sequence[Feature]) -> int:
        """The summed weights of ``features`` as one int: class ``c``'s score plus _OFFSET in bits 32c..32c+31.

        0 when none of the features has weights (then no offset either: every field gets the same offsets, so
        the order of the scores is kept).
        """
        fields = [_OFFSET] * len(self.classes)
        weighted = False
        for feature in features:
            for tag, weight in self._pairs(feature):
                fields[tag] += weight
                weighted = True
        if not weighted:
            return 0
        return int.from_bytes(self._fields.pack(*fields), "little")

    def tag(self, words: Sequence[str]) -> list[str]:
        """One tag per token of one sentence (tokens split the Penn Treebank way, see :func:`tokens`)."""
        return [best for best, _ in self.tag_ranked(words)]

    def tag_ranked(self, words: Sequence[str]) -> list[tuple[str, str]]:
        """The best and second-best tag of each token ("" second for words the tag dictionary settles).

        The same as :meth:`ranked` over :func:`features` for each token, computed faster: the features fall into
        groups that depend on one word of the context or on the previous tags alone, the weights of each group
        are summed once and kept packed in one int (see :meth:`_pack`), so a token's scores are eight int
        additions and one unpacking.
        """
        context = [*_START, *(_shape(word) for word in words), *_END]
        prev2, prev = _START
        found: list[tuple[str, str]] = []
        tagdict = self.tagdict
        sums = self._sums
        fields = self._fields
        for i, word in enumerate(words):
            tag = tagdict.get(word)
            second = ""
            if tag is None:
                here = i + 2
                current = context[here]
                total = self._packed_bias
                for key in (("i", word, current), ("i-1", context[here - 1]), ("i-2", context[here - 2]),
                            ("i+1", context[here + 1]), ("i+2", context[here + 2]), ("tags", prev, prev2),
                            ("tag+word", prev, current)):
                    part = sums.get(key)
                    if part is None:
                        if len(sums) >= _SUMS_LIMIT:
                            sums.clear()
                        part = sums[key] = self._pack(_GROUPS[key[0]](*key[1:]))
                    total += part
                tag, second = self._top_two(list(fields.unpack(total.to_bytes(fields.size, "little"))))
            found.append((tag, second))
            prev2, prev = prev, tag
        return found


#: A feature as (head, value): the reference tagger's feature name split at its last space, so
#: "i-1 tag+i word NN the" is ("i-1 tag+i word NN", "the") and "bias" is ("bias", "") (see build_tagger.py).
Feature = tuple[str, str]
_BIAS: Feature = ("bias", "")

#: The features of a token by group of :meth:`Model.tag_ranked`, from the group's words (see :func:`features`).
_GROUPS: dict[str, Callable[..., tuple[Feature, ...]]] = {
    "i": lambda word, current: (("i suffix", word[-3:]), ("i pref1", word[0]), ("i word", current)),
    "i-1": lambda before: (("i-1 word", before), ("i-1 suffix", before[-3:])),
    "i-2": lambda before: (("i-2 word", before),),
    "i+1": lambda after: (("i+1 word", after), ("i+1 suffix", after[-3:])),
    "i+2": lambda after: (("i+2 word", after),),
    "tags": lambda prev, prev2: (("i-1 tag", prev), ("i-2 tag", prev2), (f"i tag+i-2 tag {prev}", prev2)),
    "tag+word": lambda prev, current: ((f"i-1 tag+i word {prev}", current),),
}


def features(words: Sequence[str], i: int, prev: str, prev2: str) -> list[Feature]:
    """The features of token ``i`` of a sentence after tags ``prev2 prev``: what :meth:`Model.ranked` scores."""
    context = [*_START, *(_shape(word) for word in words), *_END]
    word, here = words[i], i + 2
    current = context[here]
    return [
        _BIAS, ("i suffix", word[-3:]), ("i pref1", word[0]), ("i-1 tag", prev), ("i-2 tag", prev2),
        (f"i tag+i-2 tag {prev}", prev2), ("i word", current), (f"i-1 tag+i word {prev}", current),
        ("i-1 word", context[here - 1]), ("i-1 suffix", context[here - 1][-3:]), ("i-2 word", context[here - 2]),
        ("i+1 word", context[here + 1]), ("i+1 suffix", context[here + 1][-3:]), ("i+2 word", context[here + 2]),
    ]


def _shape(word: str) -> str:
    if "-" in word and word[0] != "-":
        return "!HYPHEN"
    if word.isdigit() and len(word) == 4:
        return "!YEAR"
    if word[0].isdigit():
        return "!DIGITS"
    return word.lower()


_lock = threading.Lock()
_model: Model | None = None


def model() -> Model:
    """The shared model, loaded once per process (thread-safe)."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                with open(resource_file(*MODEL), "rb") as handle:
                    _model = Model(handle.read())
    return _model


_TOKEN = re.compile(r"[^\W_]+(?:['’ʼ\-‐][^\W_]+)*|[^\w\s]")


def tokens(text: str) -> list[tuple[str, int]]:
    """``(token, word start)`` in Penn Treebank style: words, clitics split off, each punctuation mark alone.

    Curly apostrophes become straight, double quotes become the treebank's opening and closing quotes.
    """
    found: list[tuple[str, int]] = []
    opened = False
    for match in _TOKEN.finditer(text):
        token, start = match.group(), match.start()
        if token[0].isalnum():
            token = token.replace("’", "'").replace("ʼ", "'")
            clitic = _CLITIC.search(token) if "'" in token else None
            if clitic and clitic.start() > 0:
                found.append((token[:clitic.start()], start))  # "can't" -> "ca n't", as in the treebank
                found.append((clitic.group(), start))
                continue
            found.append((token, start))
        elif token in "\"“”":
            opening = token == "“" or (token == '"' and not opened)
            opened = opening if token == '"' else opened
            found.append(("``" if opening else "''", start))
        elif token in "—–":
            found.append(("--", start))
        elif token in "([{":
            found.append(("-LRB-", start))
        elif token in ")]}":
            found.append(("-RRB-", start))
        else:
            found.append((token, start))
    return found


def tag_text(text: str) -> list[tuple[str, int, str]]:
    """``(token, word start, tag)`` for every token of ``text``, sentence by sentence."""
    split = tokens(text)
    tagger = model()
    result: list[tuple[str, int, str]] = []
    sentence: list[tuple[str, int]] = []
    for position, item in enumerate(split):
        sentence.append(item)
        following = split[position + 1][0] if position + 1 < len(split) else ""
        if position + 1 == len(split) or (item[0] in _SENTENCE_END and following not in _SENTENCE_END
                                          and following != "''"):
            words = tuple(token for token, _ in sentence)
            tags = _tagged.get(words)
            if tags is None:
                tags = repair(words, tagger.tag_ranked(words))
                if len(_tagged) >= _TAGGED_LIMIT:
                    _tagged.clear()
                _tagged[words] = tags
            result.extend((token, start, tag) for (token, start), tag in zip(sentence, tags, strict=True))
            sentence = []
    return result


#: Tags of sentences seen before, by their tokens: a sentence's tags depend on its tokens alone, and chapters
#: repeat sentences (dialogue lines, scene breaks), as does the paragraph an author is editing. Shared, never mutated.
_TAGGED_LIMIT = 10_000  # under 3 KB each (tracemalloc, 1,415 bench sentences): at most some 30 MB
_tagged: dict[tuple[str, ...], list[str]] = {}


def tag_words(words: Sequence[str]) -> list[str]:
    """Tags of a sentence given as words (clitics already split), e.g. to test a candidate correction."""
    words = list(words)
    return repair(words, model().tag_ranked(words))


def word_tags(text: str, starts: Sequence[int]) -> list[str]:
    """The tag of each word of ``text`` that starts at one of ``starts`` (a contraction's first part)."""
    first: dict[int, str] = {}
    for _token, start, tag in tag_text(text):
        first.setdefault(start, tag)
    return [first.get(start, "") for start in starts]


_SUBJECT_TAGS = frozenset({"NNP", "PRP"})
_OBJECT_PRONOUNS = frozenset({"me", "him", "us", "them"})
_FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})


def repair(words: Sequence[str], ranked: list[tuple[str, str]]) -> list[str]:
    """Fix the newswire model's commonest slips on fiction: present-tense verbs and past tenses after a subject.

    The Wall Street Journal rarely narrates in the present, so "Kestrel grabs her keys" and "rolls her eyes and
    grins" come out as plural nouns. A plural noun in -s whose runner-up tag is ``VBZ`` becomes the verb after a
    name or subject pronoun, or after "and" when the clause's verb before it is ``VBZ``, unless a finite verb
    follows it (then it was the subject's noun: "Potter fans were"). A participle right after a name or subject
    pronoun whose runner-up is the past tense is the past tense ("she smiled").
    """
    tags = [best for best, _ in ranked]
    for i, (tag, second) in enumerate(ranked):
        word = words[i]
        if tag == "VBN" and second == "VBD" and i and tags[i - 1] in _SUBJECT_TAGS \
                and words[i - 1].lower() not in _OBJECT_PRONOUNS:
            tags[i] = "VBD"
            continue
        if tag != "NNS" or second != "VBZ" or i == 0 or not word.islower():
            continue
        before, before_word = tags[i - 1], words[i - 1].lower()
        subject = before in _SUBJECT_TAGS and before_word not in _OBJECT_PRONOUNS and before_word != "you"
        if not subject and before == "CC":
            verbs = [t for t in tags[:i - 1] if t in _FINITE]
            subject = bool(verbs) and verbs[-1] == "VBZ"
        if not subject or (i + 1 < len(tags) and tags[i + 1] in _FINITE):
            continue
        tags[i] = "VBZ"
    return tags
