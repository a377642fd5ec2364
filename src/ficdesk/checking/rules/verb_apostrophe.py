"""An apostrophe in a verb: "he asks’ himself", "then helps’ him", "Hermione roll's her eyes", "Kirk grin's".

"X's" after a name or "he"/"she" is a verb when the tagger, reading the sentence with "Xs" instead, tags that word
as a present-tense verb ("the bread roll's crust" stays clean: a determiner comes first; "Kirk's grin" has the
apostrophe on the name).
"""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.marks import apostrophe_words
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tagger import tag_words, tokens
from ficdesk.checking.tokens import APOSTROPHES, Paragraph, Word

#: Words that can follow a verb but never a possessive ("the boys’ room").
_AFTER_VERB = (lx.OBJECT_PRONOUNS | lx.REFLEXIVES | lx.PREPOSITIONS
               | frozenset({"the", "a", "an", "his", "her", "my", "your", "their", "our", "its", "this", "that",
                            "back", "away", "again", "too", "not", "so", "what", "where", "when", "why", "how",
                            "who", "whether", "if"}))


@rule("verb-apostrophe", Category.GRAMMAR, "apostrophe on a verb")
def verb_apostrophe(para: Paragraph, env: Env) -> Iterator[Match]:
    for word in apostrophe_words(para):
        if word.norm.endswith("'s") and not word.is_capitalised and _verb_meant(para, word):
            fixed = word.text[:-2] + "s"
            yield para.match(word.start, word.end, "verb-apostrophe", Category.GRAMMAR,
                             f"“{word.text}” is a verb here: it takes no apostrophe (“{fixed}”).", fixed)
            continue
        mark = para.char_after(word.index)
        norm = word.norm
        if (not mark or mark not in APOSTROPHES or word.is_capitalised or not norm.endswith("s")
                or "VBZ" not in lx.tags(norm)):
            continue
        before = para.norm(word.index - 1) if para.joined(word.index) else ""
        if before in lx.DETERMINERS or before.endswith("'s"):
            continue  # "the cooks’ kitchen", "Jack's parents’ house"
        following = para.text[word.end + 1:word.end + 2]
        if following and not following.isspace():
            continue
        after = para.norm(word.index + 1)
        adverb = lx.only(after, {"RB", "RBR", "RBS"}) or (after.endswith("ly") and not lx.is_noun(after))
        if (after in _AFTER_VERB or adverb) and not para.closes_quote(word.end):  # last: it reads the paragraph
            yield para.match(word.start, word.end + 1, "verb-apostrophe", Category.GRAMMAR,
                             f"“{word.text}” is a verb here: it takes no apostrophe.", word.text)


_SUBJECTS = frozenset({"he", "she", "it"})


def _verb_meant(para: Paragraph, word: Word) -> bool:
    index = word.index
    if not para.joined(index):
        return False
    if not para.next_joined(index) and para.gap_after(index).strip()[:1] not in {".", "!", ","}:
        return False
    verb = word.norm[:-2] + "s"
    found = lx.tags(verb)
    if "VBZ" not in found or word.norm[:-2] in lx.FUNCTION_WORDS:
        return False
    subject = para.words[index - 1]
    if not (subject.norm in _SUBJECTS or (subject.is_capitalised and subject.norm not in lx.FUNCTION_WORDS
                                          and para.tag(index - 1) == "NNP")):
        return False
    if subject.is_capitalised and para.joined(index - 1) and para.norm(index - 2) in lx.DETERMINERS:
        return False
    if para.next_joined(index) and lx.is_noun(para.norm(index + 1)) and not lx.tags(para.norm(index + 1)) & {
            "VB", "VBD", "VBZ", "JJ", "RB"} and para.norm(index + 1) not in lx.FUNCTION_WORDS:
        return False  # "Jack grin's width": a noun follows, so a possessive is possible
    # Re-tag the sentence with the verb reading and keep it only when the tagger agrees.
    start = para.words[index - 1].start
    sentence = [token for token, _ in tokens(para.text[start:word.start] + verb + para.text[word.end:])]
    return len(sentence) > 1 and tag_words(sentence)[1] == "VBZ"
