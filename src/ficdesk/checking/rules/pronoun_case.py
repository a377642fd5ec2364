"""Pronoun case in pairs: "between you and I" -> "me", "with he and his men" -> "him", "me and Ash were" -> "Ash and I".

In a pair joined by "and" the pronoun takes the case it would take alone: after a preposition the object form
("between you and me", "for him and his men"), as the subject the subject form, named first-person last ("Ash and
I were"). Conjunctions that look like prepositions ("for he was tired", "like he and I used to", "than", "as",
"after", "before", "until", "since") are left out. "Me and Ash were" inside quotes is the character's voice and
stays; in narration it is flagged.
"""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.grammar import in_dialogue
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

_RULE = "pronoun-case"
_OBJECT_FORM = {"he": "him", "she": "her", "they": "them", "we": "us", "i": "me"}
_SUBJECT_FORM = {"him": "he", "her": "she", "them": "they", "us": "we"}
#: Prepositions that are never conjunctions (so a subject cannot follow them).
_PREPOSITIONS = frozenset({"between", "with", "to", "from", "at", "about", "behind", "beside", "among", "amongst",
                           "against", "without", "toward", "towards", "near", "except", "of", "upon", "on",
                           "into", "around", "beneath", "under", "over", "onto", "past", "besides", "alongside"})
#: Of those, the ones that are never particles or adverbs either, whatever the tagger says.
_ALWAYS = frozenset({"between", "with", "from", "among", "amongst", "against", "without", "toward", "towards",
                     "except", "of", "upon", "into", "onto", "beneath", "besides", "alongside", "beside"})
_OPENERS = frozenset({"and", "but", "so", "when", "where", "while", "because", "if", "then", "until", "before",
                      "after", "since", "as", "that", "whenever", "once"})
_FINITE = frozenset({"VBD", "VBP", "VBZ", "MD"})
#: Words that may follow "between you and me" inside its phrase.
_AFTER_PAIR = frozenset({"at", "in", "on", "to", "for", "with", "from", "about", "into", "by", "over", "under",
                         "again", "alone", "together", "both", "too", "now", "then", "here", "there", "tonight",
                         "today", "anyway"})
_OTHER_OBJECTS = frozenset({"you", "him", "her", "them", "us", "me"})
_AND = frozenset({"and"})


@rule(_RULE, Category.GRAMMAR, "pronoun case in pairs")
def pronoun_case(para: Paragraph, env: Env) -> Iterator[Match]:
    for index in para.indices(_AND):
        if not (para.joined(index) and para.next_joined(index)):
            continue
        found = _after_preposition(para, index) or _me_first(para, index) or _object_subject(para, index)
        if found is not None:
            yield found


def _preposition(para: Paragraph, index: int) -> bool:
    norm = para.norm(index)
    return norm in _ALWAYS or (norm in _PREPOSITIONS and para.tag(index) in {"IN", "TO"})


def _after_preposition(para: Paragraph, index: int) -> Match | None:
    """"between he and his therapist" -> "him"; "between you and I" -> "me"."""
    first = para.words[index - 1]
    # "with he and his men": the first pronoun right after the preposition
    if first.norm in _OBJECT_FORM and first.norm != "i" and para.joined(index - 1) \
            and para.norm(index - 2) in _PREPOSITIONS and _preposition(para, index - 2):
        fixed = _OBJECT_FORM[first.norm]
        return para.match(first.start, first.end, _RULE, Category.GRAMMAR,
                          f"After “{para.words[index - 2].text}” the pronoun is “{fixed}”.",
                          para.cased(fixed, first.text))
    # "between you and I": the second pronoun, with a name, a pronoun or a short noun phrase first
    second = para.words[index + 1]
    if second.norm not in _OBJECT_FORM:
        return None
    # words first: a preposition one or two words before "and" ("between you and", "with my sister and")
    if not (para.norm(index - 2) in _PREPOSITIONS or para.norm(index - 3) in _PREPOSITIONS):
        return None
    start = index - 1
    if para.norm(start) not in _OTHER_OBJECTS and not (first.is_capitalised and para.tag(start) == "NNP"):
        if para.tag(start) in {"NN", "NNS"} and para.norm(start - 1) in {"my", "his", "her", "their", "our",
                                                                          "your", "the"} and para.joined(start):
            start -= 1
        else:
            return None
    if not para.joined(start) or not _preposition(para, start - 1):
        return None
    if para.next_joined(index + 1):
        if para.norm(index + 2) not in _AFTER_PAIR:
            return None  # "toward him and he kissed her": a new clause
    elif not any(mark in para.gap_after(index + 1) for mark in ".,;:!?—–)\"”"):
        return None  # the line ends without punctuation: hard-wrapped text goes on
    fixed = _OBJECT_FORM[second.norm]
    return para.match(second.start, second.end, _RULE, Category.GRAMMAR,
                      f"After “{para.words[start - 1].text}” both take the object form: “{fixed}”.",
                      para.cased(fixed, second.text) if second.text != "I" else fixed)


def _me_first(para: Paragraph, index: int) -> Match | None:
    """"me and Ash were late" -> "Ash and I were late" (in narration)."""
    me = para.words[index - 1]
    if me.norm != "me":
        return None
    if not _opens(para, index - 1) or in_dialogue(para, me.start):
        return None
    end = index + 1
    other = para.words[end]
    if other.norm in _SUBJECT_FORM:
        partner = _SUBJECT_FORM[other.norm]
    elif other.is_capitalised and para.tag(end) == "NNP":
        while para.next_joined(end) and para.words[end + 1].is_capitalised and para.tag(end + 1) == "NNP":
            end += 1
        partner = para.text[other.start:para.words[end].end]
    elif other.norm in {"my", "his", "her", "their", "our", "your", "the"} and para.next_joined(end) \
            and para.tag(end + 1) == "NN":
        end += 1
        partner = para.text[other.start:para.words[end].end]
    else:
        return None
    if not para.next_joined(end) or para.tag(end + 1) not in _FINITE:
        return None
    fixed = para.cased(f"{partner} and I", me.text)
    return para.match(me.start, para.words[end].end, _RULE, Category.GRAMMAR,
                      "As the subject, “I” goes last: “… and I”.", fixed)


def _object_subject(para: Paragraph, index: int) -> Match | None:
    """"Him and Ash were late" -> "He and Ash", "Her and me went" -> "She and I" (in narration)."""
    first = para.words[index - 1]
    if first.norm not in _SUBJECT_FORM or not _opens(para, index - 1) or in_dialogue(para, first.start):
        return None
    end = index + 1
    other = para.words[end]
    if other.norm in {"i", "me"} or other.norm in _SUBJECT_FORM:
        pass
    elif other.is_capitalised and "'" not in other.norm and para.tag(end) == "NNP":
        while para.next_joined(end) and para.words[end + 1].is_capitalised and para.tag(end + 1) == "NNP":
            end += 1
        if para.char_after(end) in "'’" or "'" in para.norm(end):
            return None  # "Her and Ash's house": possessives
    else:
        return None  # "Her and his parents were": two possessive determiners
    if not para.next_joined(end) or para.tag(end + 1) not in _FINITE:
        return None
    second = para.words[end]
    fixed_first = para.cased(_SUBJECT_FORM[first.norm], first.text)
    if end == index + 1 and second.norm in _OBJECT_SUBJECTS:
        text = f"{fixed_first} and {_OBJECT_SUBJECTS[second.norm]}"
        return para.match(first.start, second.end, _RULE, Category.GRAMMAR,
                          "As the subject, the pronouns take the subject form.", text)
    return para.match(first.start, first.end, _RULE, Category.GRAMMAR,
                      f"As the subject, the pronoun is “{fixed_first}”.", fixed_first)


_OBJECT_SUBJECTS = {"me": "I", "him": "he", "her": "she", "them": "they", "us": "we"}


def _opens(para: Paragraph, index: int) -> bool:
    """Word ``index`` opens a sentence or a clause (after a comma or a clause opener)."""
    return para.sentence_start(index) or "," in para.gap_before(index) or (
        para.joined(index) and para.norm(index - 1) in _OPENERS)


EXAMPLES = Examples(
    wrong=(
        "Between you and [I->me], the plan was a mess.",
        "Nobody came with Ash and [I->me].",
        "There was tension between [he->him] and his brother.",
        "She walked towards [they->them] and their horses.",
        "The war was over, and [me and Ash->Ash and I] were free.",
        "[Me and him->He and I] went to the market.",
        "[Him->He] and Kestrel were late again.",
        "When [her and me->she and I] got home, the lights were off.",
    ),
    clean=(
        "Between you and me, the plan was a mess.",
        "He left, for he and his men were tired.",
        "She danced like he and I used to.",
        "Ash and I were free.",
        "She turned toward him and he kissed her.",
        "Her and his parents were friends.",
        "Her and Ash's house was empty.",
        '"Him and me are going," Tom said.',
        "She told him and Ash to wait.",
        '"Me and him are going," Tom said.',
        "Give it to me and go.",
        "She looked at me and Ash with a frown.",
        "They were taller than he and his sister.",
    ),
)
