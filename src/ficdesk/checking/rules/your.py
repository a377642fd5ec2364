"""your / you're, both ways: "your right", "you're eyes are blue"."""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.grammar import (
    OBJECT_PREPOSITIONS,
    clause_start,
    finite_verb_after,
    is_modifier,
    possessive_meant,
    predicate_meant,
    progressive_meant,
)
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

_TRIGGERS = frozenset({"your", "you're"})
_CONTRACTION_BEFORE = frozenset({"not", "a", "an", "the", "so", "gonna", "such", "always", "never", "too",
                                 "being", "getting", "both", "still", "already", "probably", "definitely",
                                 "obviously", "honestly", "seriously", "literally", "welcome"})
#: Predicative words that after "your" mean "you're" when the phrase ends there ("your right, I ...").
_PREDICATES = frozenset({"right", "wrong", "sure", "fine", "okay", "ok", "alright", "mine", "late", "early",
                         "safe", "sorry", "home", "back", "here", "there", "done", "gone", "dead", "crazy", "mad",
                         "insane", "hired", "fired", "welcome"})
_ACTION_BEFORE = frozenset({"to", "me", "him", "her", "us", "them", "about", "a", "the", "so", "too", "with"})


@rule("your", Category.GRAMMAR, "your / you're")
def your_or_you_are(para: Paragraph, env: Env) -> Iterator[Match]:
    words = para.words
    for index in para.indices(_TRIGGERS):
        word = words[index]
        if not para.next_joined(word.index):
            continue
        if word.norm == "your" and _contraction_meant(para, word.index):
            yield para.match(word.start, word.end, "your", Category.GRAMMAR,
                             "“your” is the possessive; “you are” is written “you’re”.",
                             para.cased(para.styled("you're"), word.text))
        elif word.norm == "you're" and possessive_meant(para, word.index):
            yield para.match(word.start, word.end, "your", Category.GRAMMAR,
                             "“you’re” means “you are”; the possessive is “your”.", para.cased("your", word.text))

def _contraction_meant(para: Paragraph, index: int) -> bool:
    after = para.norm(index + 1)
    ends = not para.next_joined(index + 1)
    if para.joined(index) and para.norm(index - 1) in OBJECT_PREPOSITIONS:
        return False  # "every fibre of your being": after a preposition a noun phrase follows
    if after in {"being", "not"}:
        return not finite_verb_after(para, index + 2)  # "your being here changes nothing" is a gerund
    if after in _CONTRACTION_BEFORE:
        return after != "welcome" or ends
    if after in _PREDICATES:
        return ends or para.norm(index + 2) in {"about", "that", "and", "now", "though", "again", "anyway"}
    if clause_start(para, index) and (progressive_meant(para, index + 1) or predicate_meant(para, index + 1)):
        return True  # "your wasting Jack's time", "I hope your happy now"
    found = lx.tags(after)
    if "VBG" in found and after != "doing":
        if not found & {"NN", "NNS"}:
            # "you're" + verb opens a clause: "I miss your smiling." is a possessive
            return ((ends and clause_start(para, index))
                    or (para.norm(index + 2) in _ACTION_BEFORE and not finite_verb_after(para, index + 1)))
        # "Gwen, your bleeding!": a participle that is also a noun, alone in a clause of its own
        return ends and clause_start(para, index)
    if not ends or after in lx.NATIONALITIES or after == "own":
        return False
    # "your tired," / "your beautiful." — a predicate ending the phrase, unless the tagger reads a noun ("touched
    # your soul."; asked last: tagging the paragraph costs more than the rest)
    return (is_modifier(after) or (bool(found & {"JJ", "VBN"}) and not found & {"NN", "NNS"})) \
        and para.tag(index + 1) not in {"NN", "NNS"}


