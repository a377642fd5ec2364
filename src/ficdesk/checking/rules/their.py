"""their / there / they're: "their is", "there house", "they're eyes were", "their going to"."""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.grammar import (
    CLAUSE_VERBS,
    after_transitive_verb,
    clause_start,
    finite_verb_after,
    followed_by_verb,
    possession_head,
    possessive_meant,
    predicate_meant,
    progressive_meant,
    subject_before,
)
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph, Word

_THERE_VERBS = frozenset({"is", "are", "was", "were", "isn't", "aren't", "wasn't", "weren't", "seems", "seemed",
                          "must", "might", "may", "will", "would", "could", "should", "has", "had", "have",
                          "hasn't", "hadn't", "haven't", "won't", "wouldn't", "couldn't", "shouldn't"})
_THEY_ARE_BEFORE = frozenset({"not", "gonna", "so", "a", "an", "the", "too", "always", "never", "being",
                              "getting", "both", "probably", "definitely", "already"})
_PLACE_PREPOSITIONS = frozenset({"of", "in", "with", "to", "for", "at", "by", "from", "into", "about", "on", "under",
                                 "behind", "between", "through", "against", "without", "towards"})
_RULE = "their"
_TRIGGERS = frozenset({"their", "their's", "there", "they're"})


@rule(_RULE, Category.GRAMMAR, "their / there / they're")
def their_there_they_are(para: Paragraph, env: Env) -> Iterator[Match]:
    words = para.words
    for index in para.indices(_TRIGGERS):
        word = words[index]
        if word.norm == "their":
            yield from _their(para, word)
        elif word.norm == "their's" and para.next_joined(word.index):
            yield _fix(para, word, "there's", "“their’s” is not a word; “there is” is written “there’s”.")
        elif word.norm == "there":
            yield from _there(para, word)
        elif word.norm == "they're" and para.next_joined(word.index) and not _predicate_noun(para, word.index) and (
                possessive_meant(para, word.index) or _tagged_subject(para, word.index + 1)):
            yield _fix(para, word, "their", "“they’re” means “they are”; the possessive is “their”.")


def _their(para: Paragraph, word: Word) -> Iterator[Match]:
    index = word.index
    if not para.next_joined(index):
        gap = para.gap_after(index)
        if index + 1 >= len(para.words) or any(ch in gap for ch in ".!?,;"):
            yield _fix(para, word, "there", "“their” needs a noun after it; for a place write “there”.")
        return
    after = para.norm(index + 1)
    if after in _NEVER_POSSESSED:
        yield _fix(para, word, "there", "“their” needs a noun after it; for a place write “there”.")
    elif after in _THERE_VERBS and para.word(index + 1) is not None:
        yield _fix(para, word, "there", "“their” is the possessive; for “there is/are” write “there”.")
    elif after in {"being", "not"} and finite_verb_after(para, index + 2):
        return  # "their being late cost us", "their not knowing was a mercy": a gerund as the subject
    elif (after in _THEY_ARE_BEFORE or (after == "going" and para.norm(index + 2) == "to")
          or predicate_meant(para, index + 1) or (clause_start(para, index) and progressive_meant(para, index + 1))):
        yield _fix(para, word, "they're", "“their” is the possessive; “they are” is written “they’re”.")


def _there(para: Paragraph, word: Word) -> Iterator[Match]:
    index = word.index
    if not para.next_joined(index):
        return
    before = para.norm(index - 1) if para.joined(index) else ""
    if before in lx.AUXILIARIES or before in lx.BE_FORMS:
        return  # "is there time", "are there people"
    after = para.norm(index + 1)
    if after == "own":
        yield _fix(para, word, "their", "“there” is a place; the possessive is “their”.")
        return
    # "he stood there waiting": after a verb (not one of saying or thinking) "there" is the verb's place
    if (after in {"gonna", "not"} or (after == "going" and para.norm(index + 2) == "to")
            or ((_doing(para, index + 1) or (clause_start(para, index) and (progressive_meant(para, index + 1)
                                                                            or predicate_meant(para, index + 1))))
                and not (before and before not in CLAUSE_VERBS and para.tag(index - 1).startswith("VB")))):
        yield _fix(para, word, "they're", "“there” is a place; “they are” is written “they’re”.")
        return
    head = possession_head(para, index + 1)
    if head is None:
        return
    noun = para.norm(head)
    if (before in _PLACE_PREPOSITIONS or after_transitive_verb(para, index) or followed_by_verb(para, head)
            or not lx.is_plural_noun(noun) or _past_after_subject(para, index) or _tagged_object(para, index, head)):
        yield _fix(para, word, "their", "“there” is a place; the possessive is “their”.")


def _past_after_subject(para: Paragraph, index: int) -> bool:
    """Whether word ``index`` follows a past tense right after its subject: "the kids left there bikes"."""
    if not para.joined(index):
        return False
    before = para.norm(index - 1)
    return before not in CLAUSE_VERBS and "VBD" in lx.tags(before) and subject_before(para, index - 1)


#: Words no possessive goes with: "is their anyone", "put it their myself".
_NEVER_POSSESSED = lx.REFLEXIVES | frozenset({
    "anyone", "anything", "anybody", "someone", "something", "somebody", "nobody", "nothing", "everyone",
    "everything", "yesterday", "tonight", "tomorrow", "already", "anyway", "instead"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _tagged_object(para: Paragraph, index: int, head: int) -> bool:
    """"the kids left there bikes in the hall": a noun phrase as the object of a finite verb.

    The tagger reads the word before as a finite verb, and a preposition or the sentence's end follows the noun.
    """
    if not para.joined(index) or para.tag(index - 1) not in _FINITE_TAGS:
        return False
    before = para.norm(index - 1)
    if before in lx.AUXILIARIES or before in lx.FUNCTION_WORDS:
        return False
    if para.next_joined(head):
        return para.tag(head + 1) in {"IN", "TO"} and para.norm(head + 1) not in {"that", "who", "which"}
    return para.gap_after(head).strip()[:1] in {".", "!", "?", ","} or head + 1 >= len(para.words)


def _predicate_noun(para: Paragraph, index: int) -> bool:
    """"They're lemon.": one noun that ends the sentence is what they are, not what they own."""
    return not para.next_joined(index + 1) and para.gap_after(index + 1).strip()[:1] in {".", "!", "?", ""}


def _tagged_subject(para: Paragraph, index: int) -> bool:
    """"They're house burned down": "they're" + a noun the tagger reads as one + a finite verb."""
    word = para.word(index)
    if word is None or word.is_capitalised or word.norm in lx.FUNCTION_WORDS or not para.next_joined(index):
        return False
    # the lexicon first: tagging the paragraph costs more than the rest of the rule
    return ("NN" in lx.tags(word.norm) | {"NNS"} & lx.tags(word.norm) and para.norm(index + 1) not in {"that", "who"}
            and para.tag(index) in {"NN", "NNS"} and para.tag(index + 1) in _FINITE_TAGS)


_ADVERBS = frozenset({"still", "always", "never", "just", "really", "all", "both", "probably", "obviously"})


def _doing(para: Paragraph, index: int) -> bool:
    """Whether (an adverb and) a verb in -ing starts at ``index``: "there still arguing"."""
    if para.norm(index) in _ADVERBS and para.next_joined(index):
        index += 1
    found = lx.tags(para.norm(index))
    return "VBG" in found and not found & {"NN", "NNS", "JJ"}


def _fix(para: Paragraph, word: Word, fix: str, message: str) -> Match:
    return para.match(word.start, word.end, _RULE, Category.GRAMMAR, message,
                      para.cased(para.styled(fix, word.text), word.text))
