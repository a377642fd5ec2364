"""its / it's, both ways: "any of it's characters", "its not fair"."""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.grammar import (
    PRENOMINAL,
    followed_by_verb,
    is_modifier,
    object_slot,
    possessed_head,
)
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

#: Prepositions after which "it's + noun" can only be the possessive ("in it's place").
_POSSESSIVE_AFTER = frozenset({
    "of", "in", "on", "at", "with", "from", "into", "onto", "by", "about", "under", "over", "through",
    "across", "against", "behind", "beneath", "beside", "between", "among", "within", "without", "upon",
    "towards", "toward", "inside", "throughout", "during", "despite", "for", "to", "has", "have", "had",
})
#: Words after which "its" must be "it's" ("its not", "its been", "its a").
_CONTRACTION_BEFORE = frozenset({
    "not", "been", "a", "an", "the", "just", "so", "really", "always", "never", "gonna", "going", "getting",
    "like", "me", "you", "him", "us", "them", "my", "your", "our", "their", "his", "too", "alright", "okay",
    "ok", "almost", "already", "actually", "probably", "definitely", "obviously", "still", "got", "gotten",
    "nothing", "something", "everything", "because", "what", "that", "this", "about", "over", "done", "gone",
    "here", "there",
})

#: Words that cannot follow an adjective inside a noun phrase ("its true the ...", "its ready for ...").
_NOT_AFTER_ADJECTIVE = lx.DETERMINERS | lx.OBJECT_PRONOUNS | lx.SUBJECT_PRONOUNS | lx.PREPOSITIONS


@rule("its", Category.GRAMMAR, "its / it's")
def its_or_it_is(para: Paragraph, env: Env) -> Iterator[Match]:
    if para.vocabulary.isdisjoint({"it's", "its"}):
        return
    for word in para.words:
        if word.norm == "it's" and para.next_joined(word.index):
            if _possessive_meant(para, word.index):
                yield para.match(word.start, word.end, "its", Category.GRAMMAR,
                                 "“it’s” means “it is”; the possessive is “its”.", para.cased("its", word.text))
        elif word.norm == "its" and para.next_joined(word.index) and _contraction_meant(para, word.index):
            yield para.match(word.start, word.end, "its", Category.GRAMMAR,
                             "“its” is the possessive; “it is” is written “it’s”.",
                             para.cased(para.styled("it's"), word.text))


def _possessive_meant(para: Paragraph, index: int) -> bool:
    if para.norm(index + 1) == "own":
        return True
    slot = (para.joined(index) and para.norm(index - 1) in _POSSESSIVE_AFTER) or object_slot(para, index)
    head = possessed_head(para, index + 1, slot)
    return head is not None and (slot or followed_by_verb(para, head))


def _contraction_meant(para: Paragraph, index: int) -> bool:
    after = para.norm(index + 1)
    if after in _CONTRACTION_BEFORE:
        return True
    found = lx.tags(after)
    if "VBG" in found and not found & {"NN", "NNS", "JJ"}:
        return True  # "its raining"
    if after in lx.NATIONALITIES or after in PRENOMINAL:
        return False
    ends = not para.next_joined(index + 1)
    if not is_modifier(after):
        # "its true the ...", "its ready.": an adjective the lexicon also knows as a verb, not before a noun
        return lx.only(after, {"JJ", "VB", "VBP"}) and (ends or para.norm(index + 2) in _NOT_AFTER_ADJECTIVE)
    # "its cold, ..." / "its cold in here": an adjective not followed by its noun
    return ends or para.norm(index + 2) in lx.FUNCTION_WORDS
