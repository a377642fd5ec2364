"""Punctuation marks: a space before a stop or comma, a comma after ``?`` or ``!``, a question ending in a stop.

- "far away ." -> "far away."; "Hey , you" -> "Hey, you". Not an ellipsis ("and then ... nothing"), not a
  mark before a digit (".5"), not a mark standing alone between spaces (a dash-like use).
- "What have I done?, he thought" -> "done?" and ``"Stop!", she said`` -> ``"Stop!" she said``: ``?`` and ``!``
  already end the sentence and take no comma.
- A sentence that opens with a question word and an auxiliary and inverts its subject ("Why did you go.",
  "Where are they.") or with an auxiliary and a subject pronoun ("Can't they wait.", "Do you know him.") is a
  question: "?". Not with a comma inside (the question may be indirect: "Why he left, nobody knew."), not a
  request with "please" ("Could you pass the salt, please." / "Would you please sit."), not exclamative
  "what a", not "so do I" or "neither can we".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

_SPACE_BEFORE = re.compile(r"(?<=[^\W_]) +([.,?!])(?=[ \"”’']|$)")
_COMMA_AFTER = re.compile(r"[?!][\"”’']?(,)")
_QUESTION_WORDS = frozenset({"why", "what", "where", "when", "who", "how", "which", "whom"})
_QUESTION_AUXILIARIES = frozenset({
    "do", "does", "did", "don't", "doesn't", "didn't", "can", "can't", "could", "couldn't", "will", "won't",
    "would", "wouldn't", "should", "shouldn't", "is", "isn't", "are", "aren't", "was", "wasn't", "were",
    "weren't", "have", "haven't", "has", "hasn't", "shall", "am",
})
_SUBJECTS = frozenset({"i", "you", "he", "she", "it", "we", "they", "there"})
#: Words that may open a question without a comma after them: "Ugh why did he ...", "So where are we".
_OPENERS = frozenset({"ugh", "oh", "so", "but", "and", "well", "god", "man", "hey", "now", "then", "okay", "ok",
                      "wait", "seriously", "honestly", "anyway", "like", "um", "uh", "er", "hmm", "huh"})
#: After a question word these always make a question, whatever the subject: "Why did stupid Sam go."
_DO_AND_MODALS = frozenset({"do", "does", "did", "don't", "doesn't", "didn't", "can", "can't", "could", "couldn't",
                            "will", "won't", "would", "wouldn't", "should", "shouldn't"})


@rule("punctuation-spacing", Category.TYPOGRAPHY, "space before punctuation")
def space_before_punctuation(para: Paragraph, env: Env) -> Iterator[Match]:
    text = para.text
    if " ." not in text and " ," not in text and " ?" not in text and " !" not in text:
        return
    for found in _SPACE_BEFORE.finditer(text):
        mark = found.group(1)
        if text[found.end():found.end() + 1] == "." or text[found.end():found.end() + 2] == " .":
            continue  # an ellipsis, spaced or not
        yield para.match(found.start(), found.end(), "punctuation-spacing", Category.TYPOGRAPHY,
                         f"No space goes before “{mark}”.", mark)


@rule("question-mark", Category.GRAMMAR, "punctuation of questions and exclamations")
def question_punctuation(para: Paragraph, env: Env) -> Iterator[Match]:
    text = para.text
    if "?," in text or "!," in text or "?\"," in text or "!\"," in text or "?”," in text or "!”," in text \
            or "?’," in text or "!’," in text or "?'," in text or "!'," in text:
        for found in _COMMA_AFTER.finditer(text):
            yield para.match(found.start(), found.end(), "question-mark", Category.GRAMMAR,
                             "“?” and “!” take no comma after them.", found.group()[:-1])
    if para.vocabulary.isdisjoint(_QUESTION_AUXILIARIES):
        return
    words = para.words
    for word, following in pairwise(words):
        norm, after = word.norm, following.norm
        if norm not in _QUESTION_AUXILIARIES and norm not in _QUESTION_WORDS:
            continue
        if (norm in _QUESTION_AUXILIARIES and after in _SUBJECTS and _opens(para, word.index, False)) or (
                norm in _QUESTION_WORDS and after in _QUESTION_AUXILIARIES and para.next_joined(word.index)
                and _opens(para, word.index, True)):
            period = _unmarked_question(para, word.index)
            if period is not None:
                yield para.match(period, period + 1, "question-mark", Category.GRAMMAR,
                                 "This sentence asks a question: end it with “?”.", "?")


def _opens(para: Paragraph, index: int, question_word: bool) -> bool:
    """Whether word ``index`` opens the sentence, or follows one opening word and a comma ("Man, can't they").

    A question word may also follow an interjection without a comma ("Ugh why did he"); an auxiliary may not
    ("So did I" is no question).
    """
    if para.sentence_start(index):
        return True
    if index < 1 or not para.sentence_start(index - 1):
        return False
    return para.gap_before(index) == ", " or (
        question_word and para.gap_before(index) == " " and para.norm(index - 1) in _OPENERS)


def _unmarked_question(para: Paragraph, index: int) -> int | None:
    """Offset of the full stop ending a direct question that starts at word ``index``, else None."""
    first = para.norm(index)
    auxiliary = index if first in _QUESTION_AUXILIARIES else index + 1
    subject = auxiliary + 1
    if not para.next_joined(auxiliary) or (para.norm(subject) not in _SUBJECTS and not (
            first in _QUESTION_WORDS and (para.norm(subject) in {"the", "my", "your", "his", "her", "our", "their"}
                                          or para.norm(auxiliary) in _DO_AND_MODALS))):
        return None
    if first == "don't" and para.norm(subject) == "you":
        return None  # "Don't you dare." is an order
    if first == "who" and para.norm(subject) in _SUBJECTS:
        return None  # "Who are you." needs no inversion to be a question, but "Who is it she loves" varies
    position = subject
    while para.next_joined(position):
        position += 1
        if para.norm(position) in {"please", "if", "whether"}:
            return None
    gap = para.gap_after(position)
    if not gap.startswith(".") or gap.startswith(".."):
        return None
    start = para.words[index].start
    end = para.words[position].end
    if any(mark in para.text[start:end] for mark in ",;:—–(\"“”"):
        return None
    return end


EXAMPLES = Examples(
    wrong=(
        'We were pushed further and further [away .->away.]',
        'Hey[ ,->,] you there.',
        'What have I [done?,->done?] he thought.',
        '"You really scared [me!",->me!"] Tam squeaked.',
        '"Why did he have to interrupt [me.->me?]" she said.',
        'Where are you going[.->?]',
        'Man, can\'t they give us a moment of peace[.->?]',
        'Ugh why did silly Tam have to interrupt [me.->me?] Now I missed it.',
        'Do you know him[.->?]',
    ),
    clean=(
        'And then ... nothing.',
        'And then . . . nothing.',
        "Don't you dare touch him.",
        'It cost .5 of a penny.',
        'Why he left, nobody knew.',
        'What is done is done.',
        'So did I.',
        'And do you know what? He left.',
        'Oh do stop it.',
        'Well, do as you like.',
        'Could you pass the salt, please.',
        'Would you please sit down.',
        'What a day.',
        'So do I.',
        'When I was young, we lived here.',
        'How I wish you were here.',
        'Why did he go? Nobody knows.',
        '"Stop!" she said.',
        'Is it late? It is.',
        'What I want is sleep.',
        'Did you, though.',
        'I wonder where he is.',
    ),
)
