"""Agreement with a subject the verb does not touch: a phrase between them, a partitive, "there was", "and".

Patterns over tags (:attr:`Paragraph.tags`), each with the exceptions that keep correct look-alikes clean:

* a clause-opening noun phrase, a prepositional phrase, then the verb: "The list of names are" -> "is",
  "Everything from the maps to the notes were" -> "was", "The boys from the village was" -> "were". Collective and
  quantity heads ("a number of", "the rest of", "a lot of", "the police") take either verb and are left alone; a
  second noun phrase joined by "and" may make the subject plural, so "and" stops the rule (except after a thing
  pronoun: "everything about him and his plans were" is still one thing).
* a partitive subject: "Neither of us have" -> "has", "One of the guards were" -> "was", "Either of them are".
  "one of the things people have" (a relative clause without "that") and a partitive after a preposition ("the
  orders of one of the guards were") are left alone.
* "there was" / "there is" before a plural: "There was no lights on" -> "were", "there is many reasons" -> "are".
* two verbs joined by "and" that share a subject: "She sorts the letters and answer them" -> "answers", "to find the
  others and brings them home" -> "bring".

Learned from LanguageTool's agreement rules in ``grammar.xml`` (patterns, antipatterns) and Harper's linters; none
copied.
"""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.grammar import in_dialogue
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.rules.agreement import PLURAL_FIX, SINGULAR_FIX
from ficdesk.checking.tokens import Paragraph

_RULE = "agreement-phrase"
#: Heads that count their members or stand for a group: the verb may follow the members ("a number of them are").
_EITHER_NUMBER = frozenset({
    "number", "lot", "lots", "plenty", "rest", "majority", "minority", "bunch", "couple", "pair", "group", "kind",
    "sort", "type", "variety", "series", "set", "half", "part", "most", "all", "some", "none", "any", "percentage",
    "fraction", "third", "quarter", "total", "handful", "dozen", "amount", "range", "selection", "collection",
    "mix", "load", "loads", "ton", "tons", "heap", "mass", "crowd", "host", "flock", "herd", "pack", "army",
    "squad", "team", "family", "staff", "crew", "gang", "band", "class", "committee", "council", "government",
    "audience", "public", "police", "people", "youth", "cattle", "last", "first", "remainder", "bulk", "portion",
    "proportion", "share", "percent", "quantity", "litter", "pride", "swarm", "troop", "company", "clan", "jury",
    "board", "union", "party", "circle", "trio", "duo", "batch", "pile", "stack", "row", "line",
    "other", "others", "each", "one", "every", "sum", "supply", "species", "means", "news", "physics",
    "myriad", "slew", "string", "sea", "world", "dozens", "hundreds", "thousands", "millions", "average",
    "wave", "flood", "stream", "throng", "multitude", "assortment", "array", "combination", "sequence",
})
#: Thing pronouns that stay singular even when the phrase after them holds "and".
_THING_PRONOUNS = frozenset({"everything", "nothing", "something", "anything"})
_PERSON_PRONOUNS = frozenset({"everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody",
                              "no-one"})
_SINGULAR_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "every", "each", "any", "no", "my", "his",
                                   "her", "their", "our", "your", "its", "another"})
_PLURAL_DETERMINERS = frozenset({"the", "these", "those", "my", "his", "her", "their", "our", "your", "its", "all",
                                 "many", "several", "both", "few", "most"})
#: Prepositions that open a phrase inside a noun phrase.
_PHRASE_PREPOSITIONS = frozenset({"of", "from", "in", "on", "at", "with", "about", "between", "behind", "inside",
                                  "near", "under", "over", "without", "within", "like", "around", "among",
                                  "across", "beside", "beyond", "outside", "along", "to", "but", "except",
                                  "for", "by", "against", "above", "below", "through", "into", "toward",
                                  "towards", "upon", "after", "before", "underneath", "beneath"})
#: Words after which a clause (and so a subject) begins.
_OPENERS = frozenset({"when", "if", "because", "while", "whilst", "though", "although", "since", "unless", "until",
                      "once", "whether", "but", "so", "then", "now", "that", "as", "before", "after", "where",
                      "and", "or", "yet", "suddenly", "soon", "finally", "still", "perhaps", "maybe"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "RBS", "RBR", "CD", "VBN"})
_OBJECTS = frozenset({"me", "him", "them", "us", "her", "you", "it"})
_NUMBERS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                      "twenty", "dozens", "hundreds", "thousands", "millions", "many", "several", "few", "these",
                      "those", "countless", "numerous"})


_SINGULAR_IN_S = frozenset({"news", "means", "series", "species", "measles", "billiards", "darts", "innings",
                            "headquarters", "crossroads", "whereabouts", "gallows", "barracks", "lens", "bus",
                            "gas", "kudos", "chaos", "canvas", "atlas", "iris", "bias"})


_IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "feet", "teeth", "mice", "geese"})


def _plural(word: str) -> bool:
    """A plural count noun ("letters"), not a singular in -s ("news", "physics", "series")."""
    if word in _IRREGULAR_PLURALS:
        return True
    if word in _SINGULAR_IN_S or word.endswith(("ics", "ss", "us", "is")):
        return False
    return lx.is_plural_noun(word) or ("NNS" in lx.tags(word) and word.endswith("s"))


def _opens_clause(para: Paragraph, index: int) -> bool:
    if para.sentence_start(index):
        return True
    if not para.joined(index):
        return False
    before = para.norm(index - 1)
    # ", and the sound of sirens were": a new clause; the tagger is asked last
    opens = "," in para.gap_before(index - 1) if before in {"and", "or"} else before in _OPENERS
    return opens and para.tag(index - 1) != "DT"


def _phrase_end(para: Paragraph, index: int, allow_and: bool) -> int | None:
    """The index after a run of prepositional phrases starting at ``index`` ("of the old maps to the notes")."""
    position = index
    phrases = 0
    while position < len(para.words) and para.joined(position) and para.norm(position) in _PHRASE_PREPOSITIONS:
        position += 1
        if para.norm(position) in _OBJECTS and para.joined(position) and para.tag(position) == "PRP":
            position += 1
        else:
            found = _noun_phrase(para, position)
            if found is None:
                return None
            position = found
        phrases += 1
        if allow_and and para.norm(position) in {"and", "or"} and para.joined(position):
            found = _noun_phrase(para, position + 1)
            if found is None:
                return None
            position = found
    return position if phrases else None


def _noun_phrase(para: Paragraph, index: int) -> int | None:
    """The index after a simple noun phrase at ``index`` (determiner, modifiers, nouns), or None."""
    position = index
    if position >= len(para.words) or not para.joined(position):
        return None
    if para.norm(position) in lx.DETERMINERS or para.tag(position) in {"DT", "PRP$", "CD"}:
        position += 1
    modifiers = 0
    while position < len(para.words) and para.joined(position) and modifiers < 4 and (
            para.tag(position) in _MODIFIER_TAGS or (para.tag(position) == "RB" and para.norm(position) in
                                                     {"most", "more", "very", "least", "less"})):
        position += 1
        modifiers += 1
    nouns = 0
    while position < len(para.words) and para.joined(position) and (
            para.tag(position) in _NOUN_TAGS or (para.tag(position) == "VBG" and nouns == 0 and position > index)):
        if "'" in para.norm(position) or para.char_after(position) in "'’":
            return None  # a possessive opens a longer phrase
        position += 1
        nouns += 1
    return position if nouns else None


def _could_be_head_phrase(para: Paragraph, index: int) -> bool:
    """Words only (no tags): a head, a preposition, then a verb of the other number, in one phrase.

    The head is the word before the first preposition; it looks plural when the lexicon has it as a plural in -s.
    Correct text rarely passes this, so the tagger runs only where the error may be.
    """
    plural: bool | None = False if para.norm(index) in _INDEFINITES else None
    for position in range(index + 1, min(len(para.words), index + 14)):
        if not para.joined(position):
            return False
        norm = para.norm(position)
        if norm in _PHRASE_PREPOSITIONS and plural is None and position > index + 1:
            head = para.norm(position - 1)
            plural = _plural(head)
        elif plural is not None and (norm in SINGULAR_FIX or norm in PLURAL_FIX):
            return norm in (PLURAL_FIX if plural else SINGULAR_FIX)
        elif norm in _PHRASE_ENDERS:
            return False
    return False


def _head_phrase(para: Paragraph, index: int) -> Match | None:
    """"The list of names are": a clause-opening noun phrase, a prepositional phrase, the verb."""
    word = para.words[index]
    position = index
    pronoun = word.norm in _THING_PRONOUNS or word.norm in _PERSON_PRONOUNS
    if pronoun:
        head = index
        singular = True
    else:
        if word.norm not in _PHRASE_DETERMINERS:
            return None
        position += 1
        while para.joined(position) and para.tag(position) in {"JJ", "JJR", "JJS"} and position - index < 4:
            position += 1
        while para.next_joined(position) and para.tag(position + 1) in {"NN", "NNS"} \
                and para.tag(position) == "NN":
            position += 1  # "the class notes": the last noun is the head
        head = position
        tag = para.tag(head)
        noun = para.words[head] if head < len(para.words) else None
        if noun is None or not para.joined(head) or noun.is_capitalised or noun.norm in _EITHER_NUMBER:
            return None
        if "'" in noun.norm or para.char_after(head) in "'’":
            return None
        if tag == "NN" and word.norm in _SINGULAR_DETERMINERS and lx.tags(noun.norm) & {"NN"} \
                and not noun.norm.endswith("s") and lx.inflect(noun.norm, "NNS") not in {None, noun.norm}:
            singular = True
        elif tag == "NNS" and word.norm in _PLURAL_DETERMINERS and _plural(noun.norm):
            singular = False
        else:
            return None
    end = _phrase_end(para, head + 1, allow_and=word.norm in _THING_PRONOUNS)
    if end is None or end >= len(para.words) or not para.joined(end) or end - head > 12:
        return None
    verb = para.words[end]
    if singular:
        fixed = SINGULAR_FIX.get(verb.norm)
        if fixed is None or para.tag(end) not in {"VBP", "VBD", "VB"}:
            return None
        if pronoun and verb.norm in {"do", "don't"}:
            return None  # "everything I do": a relative clause, read loosely
    else:
        fixed = PLURAL_FIX.get(verb.norm)
        if not fixed:
            return None
    subject = para.words[head].text
    return para.match(verb.start, verb.end, _RULE, Category.GRAMMAR,
                      f"The subject is “{subject}”, not the phrase after it: the verb is “{fixed}”.",
                      para.styled(para.cased(fixed, verb.text), verb.text))


def _partitive(para: Paragraph, index: int) -> Match | None:
    """"Neither of us have" -> "has", "One of the guards were" -> "was"."""
    word = para.words[index]
    if para.norm(index + 1) != "of" or not para.next_joined(index):
        return None
    if not any(para.norm(i) in SINGULAR_FIX for i in range(index + 2, min(len(para.words), index + 8))):
        return None  # words first: the tagger runs only when a plural verb follows
    if word.norm == "one":
        before = para.norm(index - 1) if para.joined(index) else ""
        if before in {"every", "each"}:
            return None  # rules/agreement.py
        if para.joined(index) and (before not in {"not", "only", "just"} | _OPENERS
                                   and para.tag(index - 1) not in {"VBD", "VBZ", "VBP", "CC", "WRB"}):
            return None  # "the orders of one of the guards were": the partitive is not the subject
        if para.joined(index) and before in {"as", "that"}:
            return None
    position = index + 2
    if para.norm(position) in {"us", "them", "you", "these", "those"} and para.joined(position):
        position += 1
    else:
        found = _noun_phrase(para, position)
        if found is None or para.tag(found - 1) not in {"NNS", "NNPS"} or (
                found - 2 > position and para.tag(found - 2) in {"NNS", "NNPS"}):
            return None  # "one of the things people have": a relative clause without "that"
        position = found
    if position >= len(para.words) or not para.joined(position):
        return None
    verb = para.words[position]
    fixed = SINGULAR_FIX.get(verb.norm)
    if fixed is None or para.tag(position) not in {"VBP", "VBD", "VB"}:
        return None
    return para.match(verb.start, verb.end, _RULE, Category.GRAMMAR,
                      f"“{word.text} of …” is one person or thing: the verb is “{fixed}”.",
                      para.styled(fixed, verb.text))


def _there_was(para: Paragraph, index: int) -> Match | None:
    """"There was no lights on" -> "were"."""
    verb = para.words[index]
    fixed = PLURAL_FIX[verb.norm]
    if not para.joined(index) or para.norm(index - 1) != "there" or not para.next_joined(index) \
            or para.norm(index + 1) not in _NUMBERS | {"no", "not", "so", "too"}:
        return None
    if not any(_plural(para.norm(i)) for i in range(index + 1, min(len(para.words), index + 6))):
        return None  # words first: the tagger runs only when a plural noun follows
    if para.tag(index - 1) != "EX" or in_dialogue(para, verb.start):
        return None  # "There was two of them," he said: a speaker's voice
    position = index + 1
    if para.norm(position) in {"no", "not"} and para.joined(position):
        position += 1
        if para.norm(position) in {"more", "many", "two"} and para.joined(position):
            position += 1
    elif para.norm(position) in {"so", "too"} and para.norm(position + 1) == "many" and para.next_joined(position):
        position += 2
    elif para.norm(position) in _NUMBERS and para.joined(position):
        position += 1
    else:
        return None
    while para.joined(position) and para.tag(position) in {"JJ", "JJR", "CD"} and position - index < 5:
        position += 1
    noun = para.word(position)
    quoted = noun is not None and para.gap_before(position).strip() in {"‘", "'", "“", '"'}
    if noun is None or not (para.joined(position) or quoted) or para.tag(position) != "NNS" or noun.is_capitalised \
            or not _plural(noun.norm) or (para.char_after(position) in "'’" and not quoted):
        return None
    if quoted and para.char_after(position) not in "’'”\"":
        return None  # a quotation opens here, not a word in scare quotes
    if para.next_joined(position) and para.tag(position + 1) in _NOUN_TAGS:
        return None  # "there was no parents evening": a compound
    return para.match(verb.start, verb.end, _RULE, Category.GRAMMAR,
                      f"“{noun.text}” is plural: “there {fixed}”.", para.cased(para.styled(fixed, verb.text),
                                                                                 verb.text))


_CAUSATIVE = frozenset({"lets", "makes", "helps", "has", "watches", "sees", "hears", "bids", "feels", "does", "is",
                        "was", "needs", "wants", "tries", "goes", "comes", "gets"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "it"})


def _parallel(para: Paragraph, index: int) -> Match | None:
    """Two verbs joined by "and" with one subject: "She sorts the letters and answer them" -> "answers"."""
    if not (para.joined(index) and para.next_joined(index)):
        return None
    verb = para.words[index + 1]
    after = para.norm(index + 2) if para.next_joined(index + 1) else ""
    if after not in {"them", "him", "her", "me", "us", "it", "the", "his", "their", "my", "our", "your", "its"}:
        return None
    # words first, tags last: a bare verb with a possible -s verb before, or an -s verb with "to" before
    found = lx.tags(verb.norm)
    window = range(max(0, index - 7), index)
    if "VB" in found and not found & {"VBD", "VBN", "VBZ", "JJ"}:
        if not any("VBZ" in lx.tags(para.norm(i)) for i in window):
            return None
    elif found == {"VBZ"}:
        if not any(para.norm(i) == "to" for i in window):
            return None
    else:
        return None
    # the object phrase before "and", back to the first verb
    position = index - 1
    steps = 0
    while position > 0 and para.joined(position) and steps < 6 and (
            para.tag(position) in _NOUN_TAGS | {"DT", "PRP$", "JJ", "JJS", "CD", "RP"}
            or para.norm(position) in {"them", "him", "her", "me", "us", "it"}):
        position -= 1
        steps += 1
    if steps == 0 or not para.joined(position + 1):
        return None
    first = para.words[position]
    if "'" in first.norm or first.is_capitalised:
        return None
    if para.tag(position) == "VBZ" and "VBZ" in lx.tags(first.norm) and first.norm not in _CAUSATIVE:
        # "She sorts the letters and answer them": the subject is a singular pronoun or a name
        subject = position - 1
        if not para.joined(position) or not (para.norm(subject) in _SUBJECT_PRONOUNS
                                             or (para.tag(subject) == "NNP" and para.words[subject].is_capitalised
                                                 and para.norm(subject) not in lx.FUNCTION_WORDS)):
            return None
        if para.joined(subject) and para.norm(subject - 1) in _BEFORE_NO_SUBJECT:
            return None
        allowed = {"VB", "VBP", "NN", "NNS"} if after in {"them", "him", "me", "us"} else {"VB", "VBP"}
        if not found or not found <= allowed or verb.norm in lx.FUNCTION_WORDS or verb.is_capitalised:
            return None  # "and answer them" is a verb; "and answer the" might be a noun
        lemma = lx.verb_lemma(verb.norm) or verb.norm
        fixed = lx.inflect(lemma, "VBZ")
    elif para.tag(position) == "VB" and para.norm(position - 1) == "to" and para.joined(position):
        # "to find the others and brings them": the infinitive goes on
        if not found or not found <= {"VBZ"} or para.tag(index + 1) != "VBZ":
            return None
        if any(para.tag(i) in {"VBZ", "VBD"} for i in range(_clause_start(para, position - 1), position - 1)):
            return None  # "He likes to read books and watches films": "watches" may go with "likes"
        base = lx.verb_lemma(verb.norm)
        fixed = lx.inflect(base, "VB") if base else None
    else:
        return None
    if not fixed or fixed == verb.norm:
        return None
    return para.match(verb.start, verb.end, _RULE, Category.GRAMMAR,
                      f"Joined by “and” to “{first.text}”, this verb takes the same form: “{fixed}”.", fixed)


def _clause_start(para: Paragraph, index: int) -> int:
    position = index
    while position > 0 and para.joined(position):
        position -= 1
    return position


_THERE_VERBS = frozenset({"was", "is", "wasn't", "isn't"})
_PARTITIVES = frozenset({"neither", "either", "one"})
_FLOATING_ADVERBS = frozenset({"always", "still", "never", "just", "really", "already", "also", "often", "usually"})


def _indefinite(para: Paragraph, index: int) -> Match | None:
    """"Everyone were staring" -> "was": an indefinite pronoun and a plural verb right after it."""
    position = index + 1
    while para.joined(position) and para.norm(position) in _FLOATING_ADVERBS and position - index < 3:
        position += 1
    verb = para.word(position)
    if verb is None or not para.joined(position):
        return None
    fixed = SINGULAR_FIX.get(verb.norm)
    if fixed is None:
        return None
    if para.joined(index) and para.norm(index - 1) in _BEFORE_OBJECT:
        return None  # "Have everyone ...", "for everyone have": not the subject
    if verb.norm in {"have", "do", "don't", "haven't"}:
        rest = para.text[verb.end:]
        ends = [rest.find(mark) for mark in ".!?" if mark in rest]
        if ends and rest[min(ends)] == "?":
            return None  # "Anyone have a light?": a question with its "does" left out
    return para.match(verb.start, verb.end, _RULE, Category.GRAMMAR,
                      f"“{para.words[index].text}” is singular: the verb is “{fixed}”.",
                      para.styled(fixed, verb.text))


_QUANTITIES = {"lot": ("a",), "lots": (), "number": ("a",), "plenty": (), "couple": ("a",), "bunch": ("a",),
               "handful": ("a",), "few": ("a",), "dozen": ("a",)}


def _quantity(para: Paragraph, index: int) -> Match | None:
    """"A lot of people was there" -> "were": a quantity of a plural count noun takes a plural verb."""
    word = para.words[index]
    article = _QUANTITIES[word.norm]
    start = index - 1 if article else index
    if article and (para.norm(start) not in article or not para.joined(index)):
        return None
    if para.norm(index + 1) != "of" or not para.next_joined(index):
        return None
    if not any(para.norm(i) in PLURAL_FIX for i in range(index + 3, min(len(para.words), index + 8))) \
            or not _opens_clause(para, start):
        return None  # words first: the tagger runs only when a singular verb follows
    end = _noun_phrase(para, index + 2)
    if end is None or end >= len(para.words) or not para.joined(end) or para.tag(end - 1) != "NNS" \
            or not _plural(para.norm(end - 1)):
        return None
    verb = para.words[end]
    fixed = PLURAL_FIX.get(verb.norm)
    if fixed is None or para.tag(end) not in {"VBZ", "VBD"}:
        return None
    return para.match(verb.start, verb.end, _RULE, Category.GRAMMAR,
                      f"“{para.words[end - 1].text}” is plural: the verb is “{fixed}”.", para.styled(fixed, verb.text))


_INDEFINITES = _THING_PRONOUNS | _PERSON_PRONOUNS
_PHRASE_DETERMINERS = _SINGULAR_DETERMINERS | _PLURAL_DETERMINERS
_HEADS = _INDEFINITES | _PHRASE_DETERMINERS
#: Words that end the search for a head phrase's verb: another clause or subject begins.
_PHRASE_ENDERS = lx.AUXILIARIES | (lx.SUBJECT_PRONOUNS - {"it", "you"}) | {"who", "which", "that"}
#: Before a pronoun or name: it is not the subject of the verb after it.
_BEFORE_NO_SUBJECT = lx.AUXILIARIES | {"and", "or", "nor"}
_BEFORE_OBJECT = lx.AUXILIARIES | _PHRASE_PREPOSITIONS
_TABLE_VERBS = frozenset(SINGULAR_FIX) | frozenset(PLURAL_FIX)
_AND = frozenset({"and"})
#: The words the patterns other than the head phrase start at.
_TRIGGERS = _AND | _PARTITIVES | _THERE_VERBS | _INDEFINITES | frozenset(_QUANTITIES)
_ALL_TRIGGERS = _TRIGGERS | _HEADS


@rule(_RULE, Category.GRAMMAR, "agreement with a subject the verb does not touch")
def agreement_phrases(para: Paragraph, env: Env) -> Iterator[Match]:
    vocabulary = para.vocabulary
    tables = not vocabulary.isdisjoint(_TABLE_VERBS)
    if not tables and "and" not in vocabulary:
        return
    # a head phrase needs a verb of the tables 3 to 13 words after its first word
    verbs = para.indices(_TABLE_VERBS) if tables and not vocabulary.isdisjoint(_PHRASE_PREPOSITIONS) else []
    triggers = (_ALL_TRIGGERS if verbs else _TRIGGERS) if tables else _AND
    words = para.words
    next_verb = 0
    for index in para.indices(triggers):
        norm = words[index].norm
        found: Match | None = None
        if norm == "and":
            found = _parallel(para, index)
        elif norm in _PARTITIVES:
            found = _partitive(para, index)
        elif norm in _THERE_VERBS:
            found = _there_was(para, index)
        elif norm in _PERSON_PRONOUNS or norm in _THING_PRONOUNS:
            found = _indefinite(para, index)
        elif norm in _QUANTITIES:
            found = _quantity(para, index)
        if found is None and verbs and norm in _HEADS:
            while next_verb < len(verbs) and verbs[next_verb] < index + 3:
                next_verb += 1
            if next_verb < len(verbs) and verbs[next_verb] <= index + 13 and para.next_joined(index) \
                    and (para.norm(index - 1) in _OPENERS or para.sentence_start(index)) \
                    and _could_be_head_phrase(para, index) and _opens_clause(para, index):
                found = _head_phrase(para, index)
        if found is not None:
            yield found


EXAMPLES = Examples(
    wrong=(
        "The list of suspects [are->is] on the desk.",
        "The smell of burnt toast and coffee filled the flat, and the sound of sirens [were->was] getting closer.",
        "Everything from the maps to the old letters [were->was] soaked.",
        "Nothing in those boxes [were->was] worth keeping.",
        "The boys from the village [was->were] late again.",
        "When the last box of books [were->was] unpacked, she sat down.",
        "Neither of us [have->has] slept.",
        "I think either of them [are->is] fine.",
        "One of the guards [were->was] asleep at his post.",
        "There [was->were] no lights on in the tower.",
        "There [is->are] many reasons to stay.",
        "There [was->were] two letters waiting for her.",
        "There [was->were] no ‘rules’ in that house.",
        "She sorts the letters and [answer->answers] them herself.",
        "Everyone [were->was] staring at the door.",
        "Nobody [have->has] seen him since.",
        "Something always [have->has] to go wrong.",
        "A lot of people [was->were] waiting outside.",
        "When lots of letters [has->have] been sent, the post slows.",
        "They want to find the others and [brings->bring] them home.",
    ),
    clean=(
        "The list of suspects is on the desk.",
        "A number of people were waiting.",
        "The rest of the boys were asleep.",
        "A lot of things have changed.",
        "The captain of the ship and his crew were soaked.",
        "The odds of that happening are small.",
        "Each morning at the lake we were up early.",
        "One of the things people have forgotten is kindness.",
        "The orders of one of the guards were ignored.",
        "She was one of the few who were kind to him.",
        "There was no news from home.",
        "There is no means of escape.",
        "There was a lot of people.",
        '"There was two of them," he said.',
        "He likes to read books and watches films at night.",
        "She makes them laugh and cry.",
        "Neither of them is coming.",
        "The Lord of the Rings is long.",
        "The police in the town are tired.",
        "The pair of them were inseparable.",
        "Everything I do is wrong.",
        "Anyone have a light?",
        "Have everyone wait outside.",
        "A lot of water was spilled.",
        "There was a lot of people waiting.",
        "Everyone there was tired.",
    ),
)
