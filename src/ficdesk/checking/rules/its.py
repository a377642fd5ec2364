"""its / it's, both ways: "any of it's characters", "..., it's wings spread wide", "its not fair", "Its only a game"."""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.grammar import (
    BARE_PREDICATES,
    CLAUSE_VERBS,
    OBJECT_PREPOSITIONS,
    PRENOMINAL,
    followed_by_verb,
    in_dialogue,
    is_modifier,
    object_slot,
    possessed_head,
)
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

_TRIGGERS = frozenset({"it's", "its"})
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

#: Adverbs that, before a determiner, show "its" is "it is" ("its only a game", "its just the wind").
_DEGREE_BEFORE = frozenset({"only", "just", "all", "really", "exactly", "totally", "merely", "simply", "still"})
#: Words that cannot follow an adjective inside a noun phrase ("its true the ...", "its ready for ...").
_NOT_AFTER_ADJECTIVE = lx.DETERMINERS | lx.OBJECT_PRONOUNS | lx.SUBJECT_PRONOUNS | lx.PREPOSITIONS


@rule("its", Category.GRAMMAR, "its / it's")
def its_or_it_is(para: Paragraph, env: Env) -> Iterator[Match]:
    words = para.words
    for index in para.indices(_TRIGGERS):
        word = words[index]
        if word.norm == "it's" and para.next_joined(word.index):
            if _possessive_meant(para, word.index):
                yield para.match(word.start, word.end, "its", Category.GRAMMAR,
                                 "“it’s” means “it is”; the possessive is “its”.", para.cased("its", word.text))
        elif word.norm == "its" and para.next_joined(word.index) and _contraction_meant(para, word.index):
            yield para.match(word.start, word.end, "its", Category.GRAMMAR,
                             "“its” is the possessive; “it is” is written “it’s”.",
                             para.cased(para.styled("it's"), word.text))


def _possessive_meant(para: Paragraph, index: int) -> bool:
    if para.norm(index + 1) == "own" or _absolute_phrase(para, index):
        return True
    slot = (para.joined(index) and para.norm(index - 1) in _POSSESSIVE_AFTER) or object_slot(para, index)
    head = possessed_head(para, index + 1, slot)
    if head is not None:
        return slot or followed_by_verb(para, head)
    if slot and para.norm(index - 1) not in {"has", "have", "had", "to"} and _tagged_noun(para, index + 1):
        return True
    return _tagged_object(para, index)


def _absolute_phrase(para: Paragraph, index: int) -> bool:
    """", it's wings spread wide", ", it's bright scales glinting": a noun and its participle after a comma.

    In narration an absolute phrase ("its engines dead") is common and "it is wings spreading" is no English.
    Dialogue is left alone ("Relax, it's kids playing"); a noun that stands bare after "it's" ("people",
    "time") needs a passive participle ("it's people massacred"), a bare plural before an "-ing" form a modifier
    ("it's bright scales glinting").
    """
    if "," not in para.gap_before(index):
        return False
    position = index + 1
    while para.next_joined(position) and (is_modifier(para.norm(position)) or (
            "JJ" in lx.tags(para.norm(position)) and para.tag(position) == "JJ")):
        position += 1
    head = para.words[position] if para.joined(position) else None
    if head is None or head.is_capitalised or head.norm in lx.FUNCTION_WORDS or position - index > 3:
        return False
    found = lx.tags(head.norm)
    if not found & {"NN", "NNS"} or found & {"JJ", "RB", "VBG", "VBN", "VBD"} or not para.next_joined(position):
        return False
    participle = para.norm(position + 1)
    tags = lx.tags(participle)
    passive = "VBN" in tags and not tags & {"NN", "NNS", "JJ"}
    active = participle.endswith("ing") and "VBG" in tags and not tags & {"NN", "NNS"}
    singular = "NNS" not in found or not head.norm.endswith("s")
    if not (passive or (active and head.norm not in BARE_PREDICATES and (singular or position > index + 1))):
        return False
    return not in_dialogue(para, para.words[index].start)  # last: it reads the text up to the word


def _tagged_noun(para: Paragraph, index: int) -> bool:
    """After a preposition: "across it's surface", "for it's destruction" (a noun the tagger reads as one)."""
    word = para.words[index]
    if word.is_capitalised or word.norm in BARE_PREDICATES or word.norm in lx.FUNCTION_WORDS:
        return False
    found = lx.tags(word.norm)
    return para.tag(index) in {"NN", "NNS"} and "NN" in found and not found & {"JJ", "RB", "VBG", "VBN", "VBD"}


def _tagged_object(para: Paragraph, index: int) -> bool:
    """After a past-tense verb: "bit it's back leg", "dumped it's content".

    The verb is no verb of saying or thinking; "it's" is followed by an optional modifier and a singular noun, which
    "it is" could not take without an article.
    """
    if not para.joined(index) or para.norm(index - 1) in CLAUSE_VERBS or para.norm(index - 1) in lx.FUNCTION_WORDS:
        return False
    before = para.words[index - 1]
    if before.is_capitalised or "VBD" not in lx.tags(before.norm) or para.tag(index - 1) in {"JJ", "VBN"}:
        return False
    position = index + 1
    if para.next_joined(position) and lx.tags(para.norm(position)) & {"JJ", "NN"} \
            and para.norm(position) not in lx.FUNCTION_WORDS and para.norm(position + 1) not in lx.FUNCTION_WORDS \
            and "NN" in lx.tags(para.norm(position + 1)):
        position += 1
    head = para.words[position] if para.joined(position) else None
    if head is None or head.is_capitalised or head.norm in BARE_PREDICATES or head.norm in lx.FUNCTION_WORDS:
        return False
    if "NN" not in lx.tags(head.norm) or para.tag(position) not in {"NN", "JJ"}:
        return False
    return not (para.next_joined(position) and lx.tags(para.norm(position + 1)) & {"NN", "NNS"})


def _contraction_meant(para: Paragraph, index: int) -> bool:
    after = para.norm(index + 1)
    if para.joined(index) and para.norm(index - 1) in OBJECT_PREPOSITIONS:
        return False  # "at the end of its bar": after a preposition a noun phrase follows
    if after in _CONTRACTION_BEFORE:
        return True
    following = para.norm(index + 2) if para.next_joined(index + 1) else ""
    if after in _DEGREE_BEFORE and following in lx.DETERMINERS - {"its"}:
        return True  # "its only a game": no noun can come between a possessive and "a"
    nxt = para.words[index + 1]
    if nxt.is_capitalised and nxt.norm.endswith("'s"):
        return True  # "its Harry's fault"
    opens = para.sentence_start(index) or "," in para.gap_before(index)
    if opens and after in {"time", "nothing"} and following in {"to", "for", "we", "you", "i"}:
        return True  # "Its time to go": opening a clause, "its time" has no owner to refer to
    found = lx.tags(after)
    if opens and "JJ" in found and not found & {"NNS"} and after not in PRENOMINAL and not para.next_joined(index + 1) \
            and para.gap_after(index + 1).strip()[:1] in set(".!?,;"):
        return True  # "Its fine.", "Well, its obvious.": a possessive needs its noun, an adjective ends here
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


EXAMPLES = Examples(
    wrong=(
        "The dog wagged [it's->its] tail.",
        "The owl took off, [it's->its] wings spread wide.",
        "A heron stood in the shallows, [it's->its] pale body gleaming in the rain.",
        "The town had fallen, [it's->its] walls breached.",
        "[Its->It's] not fair.",
        "I think [its->it's] going to rain.",
        "[Its->It's] only a game.",
        "[Its->It's] Harry's fault.",
        "[Its->It's] time to go.",
        "Relax, [its->it's] fine.",
    ),
    clean=(
        "\"Relax, it's kids playing in the yard.\"",
        "\"Don't worry, it's people like you who keep us going.\"",
        "Well, it's time we left.",
        "The cat curled its tail around the mug.",
        "For what it's worth, I agree.",
        "She shrugged, it's raining again.",
        "The company paid its fine.",
        "The house had lost its only charm.",
        "The clock had had its time.",
        "The dog wagged its tail, its whole body happy.",
    ),
)
