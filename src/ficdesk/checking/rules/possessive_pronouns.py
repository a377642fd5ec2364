"""he's / his and he / his: "into he's eyes", "he gorgeous accent" (and the same with she / her)."""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.grammar import (
    is_head_noun,
    object_slot,
    possessed_head,
    possession_head,
    possessive_for_subject,
)
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

_CONTRACTED = {"he's": "his", "she's": "her"}
_SUBJECT = {"he": "his", "she": "her"}
_CONTRACTED_WORDS = frozenset(_CONTRACTED)
_SUBJECT_WORDS = frozenset(_SUBJECT)
_ADJECTIVE = {"JJ", "JJR", "JJS"}
#: "she's face down", "he's head first": a body part and a direction describe a posture.
_POSTURE = frozenset({"down", "up", "first", "forward", "forwards", "backwards", "downwards", "upwards"})
#: "he sure knows", "he still", "he left": words that can follow a subject.
_NOT_ADJECTIVE = {"RB", "RBR", "RBS", "VB", "VBP", "VBZ", "VBD", "VBN", "VBG"}


@rule("hes-his", Category.GRAMMAR, "he's for his")
def contraction_for_possessive(para: Paragraph, env: Env) -> Iterator[Match]:
    words = para.words
    for index in para.indices(_CONTRACTED_WORDS):
        word = words[index]
        fix = _CONTRACTED[word.norm]
        if not para.next_joined(index):
            continue
        slot = object_slot(para, word.index)
        head = possessed_head(para, word.index + 1, slot)
        if head is None or para.norm(head + 1) == "of":
            continue
        if not slot and para.next_joined(head) and (is_head_noun(para.norm(head + 1))
                                                    or para.norm(head + 1) in _POSTURE):
            continue  # "he's team captain", "she's face down": a predicate (but "adjusted he's bow tie" is an object)
        if lx.is_plural_noun(para.norm(head)) and para.norm(head + 1) == "with":
            continue  # "he's friends with"
        yield para.match(word.start, word.end, "hes-his", Category.GRAMMAR,
                         f"“{word.text}” means “he is” or “he has”; before a noun write “{fix}”.",
                         para.cased(fix, word.text))


@rule("he-his", Category.GRAMMAR, "he for his")
def subject_for_possessive(para: Paragraph, env: Env) -> Iterator[Match]:
    words = para.words
    for index in para.indices(_SUBJECT_WORDS):
        word = words[index]
        fix = _SUBJECT[word.norm]
        if not para.next_joined(index):
            continue
        after = para.norm(word.index + 1)
        if after != "own" and not possessive_for_subject(para, word.index):
            found = lx.tags(after)
            if after in lx.FUNCTION_WORDS or not found & _ADJECTIVE or found & _NOT_ADJECTIVE:
                continue
            if possession_head(para, word.index + 1, loose=True) is None:
                continue
        yield para.match(word.start, word.end, "he-his", Category.GRAMMAR,
                         f"“{word.text}” cannot come before a noun; the possessive is “{fix}”.",
                         para.cased(fix, word.text))
