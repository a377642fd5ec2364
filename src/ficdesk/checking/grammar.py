"""Small syntactic tests several rules share: "does a noun phrase start here?", "is this a finite verb?"."""

from __future__ import annotations

from ficdesk.checking import lexicon as lx
from ficdesk.checking.tokens import Paragraph

INTENSIFIERS = frozenset({"very", "really", "quite", "rather", "pretty", "so", "too", "extremely", "incredibly"})
NUMBER_WORDS = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
    "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
})
#: Nouns that follow "he's", "it's", "you're" ... without a determiner: roles, mass nouns, times of day,
#: relationships ("they're friends"). After a contraction they are a predicate, not a possession.
BARE_PREDICATES = frozenset({
    "family", "trouble", "fun", "home", "toast", "history", "bait", "dinner", "lunch", "breakfast", "tea",
    "food", "gold", "royalty", "staff", "crew", "security", "police", "management", "boss", "captain", "chief",
    "king", "queen", "president", "leader", "alpha", "omega", "beta", "nothing", "part", "kind",
    "sort", "time", "fate", "love", "war", "chaos", "magic", "bedtime", "lunchtime", "dinnertime", "teatime",
    "midnight", "noon", "midday", "morning", "afternoon", "evening", "night", "tonight", "today", "tomorrow",
    "yesterday", "spring", "summer", "autumn", "winter", "fall", "dark", "daylight", "heaven", "hell",
    "perfection", "bullshit", "rubbish", "nonsense", "crap", "shit", "karma", "destiny", "news", "luck",
    "justice", "everything", "payback", "gospel", "instinct", "business", "progress", "plenty", "lots",
    "tradition", "policy", "protocol", "procedure", "company", "friends", "mates", "pals", "brothers",
    "sisters", "twins", "partners", "lovers", "enemies", "rivals", "cousins", "colleagues", "neighbours",
    "neighbors", "roommates", "flatmates", "besties", "allies", "soulmates", "equals", "quits", "square",
    "ages", "days", "hours", "weeks", "months", "years", "minutes", "seconds", "decades", "centuries",
    "miles", "inches", "feet", "yards", "metres", "meters", "people", "things", "times", "words", "lies",
    "half", "bliss", "agony", "torture", "hope", "proof", "enough", "fine", "weird", "free", "cold", "rain",
    "duty", "work", "school", "church", "college", "university", "class", "hospital", "prison", "bed",
    "birthday", "christmas", "valentine", "sunday", "supper", "brunch", "homework",
    "everyone", "someone", "anyone", "nobody", "somebody", "anybody", "everybody", "death", "life",
})
_ADJECTIVE = frozenset({"JJ", "JJR", "JJS"})
_ADVERB = frozenset({"RB", "RBR", "RBS"})
_VERB = frozenset({"VB", "VBP", "VBZ", "VBD", "VBN", "VBG"})
#: Words that mostly stand before a noun although the lexicon also knows them as verbs or adverbs.
PRENOMINAL = frozenset({"last", "first", "next", "own", "best", "whole", "other", "same", "favourite",
                        "favorite", "little", "big", "new", "old", "second", "third", "final", "usual"})


#: Nouns that a possessive often goes with but that lemminflect also knows as adjectives ("head chef", "hip
#: bar") or that measure ("six feet"). They count as the possessed noun only where a noun phrase must stand: in an
#: object slot ("tilted he's head") or before a verb ("he's head hurt").
AMBIGUOUS_POSSESSED = frozenset({"head", "heads", "hip", "hips", "feet"})
#: Particles of phrasal verbs: "threw back its head", "pulled off his coat".
PARTICLES = frozenset({"back", "up", "down", "out", "off", "away", "aside"})
#: Prepositions after which a possessive determiner, not "he's" / "it's", starts the object ("into he's eyes").
#: Leaves out those that also join clauses ("for", "as", "since", "until", "before", "after", "like").
OBJECT_PREPOSITIONS = frozenset({
    "of", "in", "on", "at", "with", "from", "into", "onto", "by", "about", "under", "over", "through", "across",
    "against", "behind", "beneath", "beside", "between", "among", "within", "without", "upon", "towards",
    "toward", "inside", "throughout", "during", "despite", "around", "along", "underneath",
})


def is_head_noun(word: str) -> bool:
    """A common noun that cannot be read as an adjective, adverb, participle or past tense."""
    if word in lx.FUNCTION_WORDS or word in BARE_PREDICATES or word in NUMBER_WORDS:
        return False
    found = lx.tags(word)
    if not found & {"NN", "NNS"}:
        return False
    return not found & {"JJ", "JJR", "JJS", "RB", "RBR", "RBS", "VBN", "VBG", "VBD"}


def possession_head(para: Paragraph, index: int, loose: bool = False, possessed: bool = False) -> int | None:
    """Index of the head noun when word ``index`` starts "(intensifier) (adjective)* noun", else None.

    Used after a word that might be a possessive determiner written as a contraction ("he's hands",
    "he's very tight shirt"). Capitalised words (names: "he's Jack") end the search. ``loose`` also
    accepts, after an adjective, nouns the lexicon knows as adjectives too ("she beautiful dress");
    ``possessed`` accepts :data:`AMBIGUOUS_POSSESSED` nouns (see :func:`possessed_head`).
    """
    position = index
    if para.norm(position) in INTENSIFIERS and para.next_joined(position):
        position += 1
    while position < len(para.words) and (position == index or para.joined(position)):
        word = para.words[position]
        if word.is_capitalised:
            return None
        norm = word.norm
        if is_head_noun(norm) or (possessed and norm in AMBIGUOUS_POSSESSED):
            return position
        if loose and position > index and norm not in lx.FUNCTION_WORDS and lx.tags(norm) & {"NN", "NNS"}:
            return position
        if not is_modifier(norm):
            return None
        position += 1
    return None


def is_modifier(word: str) -> bool:
    """An adjective that can sit between a determiner and its noun and cannot be read as a verb."""
    if word in lx.NATIONALITIES or word in PRENOMINAL:
        return True
    if word in lx.FUNCTION_WORDS:
        return False
    found = lx.tags(word)
    return bool(found & _ADJECTIVE) and not found & _VERB


def is_finite_verb(word: str) -> bool:
    """A word that reads as a conjugated verb (``were``, ``shook``, ``wags``) rather than a noun."""
    if word in lx.AUXILIARIES:
        return True
    found = lx.tags(word)
    if "VBD" in found:
        return True
    return "VBZ" in found and "NNS" not in found


def followed_by_verb(para: Paragraph, index: int) -> bool:
    """Whether the word after ``index`` (same phrase) is a finite verb."""
    return para.next_joined(index) and is_finite_verb(para.norm(index + 1))


#: Verbs that take a clause: after them "it's" / "there" start a new clause ("I think it's madness").
CLAUSE_VERBS = frozenset({
    "think", "thinks", "thought", "know", "knows", "knew", "say", "says", "said", "guess", "suppose", "believe",
    "believed", "hope", "hoped", "mean", "meant", "realise", "realised", "realize", "realized", "feel", "felt",
    "tell", "told", "bet", "swear", "swore", "figure", "figured", "reckon", "reckoned", "admit", "admitted",
    "suspect", "suspected", "wish", "guessed", "see", "saw", "sees", "notice", "noticed", "decide", "decided",
    "insist", "insisted", "agree", "agreed", "promise", "promised", "claim", "claimed", "explain", "explained",
    "whisper", "whispered", "murmur", "murmured", "hear", "heard", "understand", "understood", "forget",
    "forgot", "remember", "remembered", "means", "seems", "seemed", "is", "was", "imagine", "imagined",
    "pretend", "pretended", "assume", "assumed", "doubt", "doubted", "worry", "worried", "reply", "replied",
    "mutter", "muttered", "mumble", "mumbled",
})


def after_transitive_verb(para: Paragraph, index: int) -> bool:
    """Whether word ``index`` directly follows a verb that takes an object ("wagged it's tail")."""
    if not para.joined(index):
        return False
    before = para.norm(index - 1)
    if before in lx.FUNCTION_WORDS or before in CLAUSE_VERBS or para.words[index - 1].is_capitalised:
        return False
    found = lx.tags(before)
    if found & {"JJ", "RB"}:
        # "Jack adjusted he's tie": a past tense that is also an adjective is the verb right after its subject
        return "VBD" in found and "RB" not in found and _subject_before(para, index - 1)
    # "spread", "bit": a past tense that is also a noun still reads as the verb here
    return bool(found & {"VBD", "VBZ"}) or (bool(found & {"VB", "VBP"}) and not found & {"NN", "NNS"})


def _subject_before(para: Paragraph, index: int) -> bool:
    """Whether word ``index`` follows a subject: a subject pronoun, a name or a noun (not "was", "so", "a")."""
    if not para.joined(index):
        return False
    before = para.words[index - 1]
    if before.norm in lx.SUBJECT_PRONOUNS:
        return True
    if before.norm in lx.FUNCTION_WORDS or before.norm in INTENSIFIERS:
        return False
    return before.is_capitalised or (lx.is_noun(before.norm) and not lx.tags(before.norm) & _VERB)


def object_slot(para: Paragraph, index: int) -> bool:
    """Whether word ``index`` stands where only an object can.

    That is after a preposition, a verb that takes an object or a phrasal verb's particle ("threw back it's head").
    """
    if not para.joined(index):
        return False
    before = para.norm(index - 1)
    if before in OBJECT_PREPOSITIONS or after_transitive_verb(para, index):
        return True
    return before in PARTICLES and after_transitive_verb(para, index - 1)


def possessed_head(para: Paragraph, index: int, slot: bool) -> int | None:
    """Head noun of a possessed noun phrase starting at ``index`` (see :func:`possession_head`).

    A noun of :data:`AMBIGUOUS_POSSESSED` counts only when the phrase is in an object ``slot`` or a finite verb
    follows it, and never before "of" ("he's head of security").
    """
    head = possession_head(para, index, possessed=True)
    if head is None:
        word = para.word(index)
        if (slot and word is not None and not word.is_capitalised and word.norm in BARE_PREDICATES
                and para.next_joined(index) and is_head_noun(para.norm(index + 1))):
            return index + 1  # "loosened he's school tie": a noun-noun compound as the object
        return None
    if is_head_noun(para.norm(head)):
        return head
    if para.norm(head + 1) == "of" or not (slot or followed_by_verb(para, head)):
        return None
    return head


def in_dialogue(para: Paragraph, position: int) -> bool:
    """Whether ``position`` lies inside double quotes ("…" or “…”) in this paragraph."""
    inside = False
    for char in para.text[:position]:
        if char == "“":
            inside = True
        elif char == "”":
            inside = False
        elif char == '"':
            inside = not inside
    return inside


def possessive_meant(para: Paragraph, index: int) -> bool:
    """A possessive determiner belongs at ``index`` ("your/their" + a noun phrase that acts)."""
    if para.norm(index + 1) == "own":
        return True
    head = possessed_head(para, index + 1, object_slot(para, index))
    if head is None:
        return False
    return followed_by_verb(para, head) or not lx.is_plural_noun(para.norm(head))
