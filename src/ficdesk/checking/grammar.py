"""Small syntactic tests several rules share: "does a noun phrase start here?", "is this a finite verb?"."""

from __future__ import annotations

import re

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
_DOUBLE_QUOTE = re.compile("[“”\"]")
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
        return "VBD" in found and "RB" not in found and subject_before(para, index - 1)
    # "spread", "bit": a past tense that is also a noun still reads as the verb here
    return bool(found & {"VBD", "VBZ"}) or (bool(found & {"VB", "VBP"}) and not found & {"NN", "NNS"})


def subject_before(para: Paragraph, index: int) -> bool:
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
    for char in _DOUBLE_QUOTE.findall(para.text[:position]):
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


#: Verbs whose clause takes a bare subjunctive: "demanded he leave", "insisted she rest".
MANDATIVE_VERBS = frozenset({
    "demand", "demands", "demanded", "insist", "insists", "insisted", "suggest", "suggests", "suggested",
    "ask", "asks", "asked", "request", "requests", "requested", "propose", "proposes", "proposed", "order",
    "orders", "ordered", "urge", "urges", "urged", "recommend", "recommends", "recommended", "require",
    "requires", "required", "prefer", "prefers", "preferred", "advise", "advises", "advised", "command",
    "commanded", "beg", "begged",
})
#: Words after which a new clause, with its own subject, starts: "I think their ...", "because your ...".
CLAUSE_OPENERS = frozenset({"think", "thought", "guess", "suppose", "bet", "reckon", "swear", "hope", "believe",
                            "because", "cause", "if", "when", "while", "whilst", "since", "unless", "know",
                            "knew", "sure", "mean", "realise", "realised", "realize", "realized"})
#: Conjunctions that end the clause a verb is looked for in ("that" may be a determiner, so it does not).
_CLAUSE_BREAKS = frozenset({"and", "but", "or", "nor", "so", "yet", "because", "although", "though", "while",
                            "whilst", "if", "unless", "when", "whenever", "where", "wherever", "whether", "once",
                            "who", "which"})


def clause_start(para: Paragraph, index: int) -> bool:
    """Whether word ``index`` opens a clause: a sentence start, after a comma or dash, or after "if", "think" ..."""
    if para.sentence_start(index) or any(mark in para.gap_before(index) for mark in ",;"):
        return True
    return para.joined(index) and para.norm(index - 1) in CLAUSE_OPENERS


def finite_verb_after(para: Paragraph, index: int) -> bool:
    """Whether a finite verb follows word ``index`` in the same clause (no punctuation or conjunction between).

    A gerund that is a subject needs one ("their arguing never lasted long"); in "they're arguing again" the
    "-ing" word is itself the verb and none follows. A word in -s counts unless a determiner or adjective
    makes it a plural noun ("changes nothing", but "all over my hands").
    """
    position = index + 1
    while para.joined(position):
        norm = para.norm(position)
        if norm in _CLAUSE_BREAKS:
            return False
        before = para.norm(position - 1)
        if norm in {"be", "been", "being"} or before == "to":
            position += 1
            continue  # an infinitive or participle is not finite: "going to be late"
        if is_finite_verb(norm):
            return True
        if "VBZ" in lx.tags(norm) and before not in lx.DETERMINERS and not is_modifier(before) \
                and not before.endswith("'s"):
            return True
        position += 1
    return False


#: Words that go on a verb in -ing but do not continue a noun: an object, a particle, a place, "again".
_VERB_COMPLEMENTS = (lx.OBJECT_PRONOUNS | lx.POSSESSIVE_DETERMINERS
                     | frozenset({"the", "a", "an", "again", "back", "away", "home", "out", "up", "down", "over",
                                  "off", "around", "all", "everywhere", "here", "there", "to", "at", "about",
                                  "with", "on", "into", "something", "anything", "everything", "nothing",
                                  "someone", "everyone"}))


def progressive_meant(para: Paragraph, index: int) -> bool:
    """Whether word ``index`` is a verb in -ing that is the clause's verb, not a gerund used as a noun.

    True when it takes an object, particle or place ("arguing again", "wasting Jack's time") and no finite
    verb follows in the clause (so not "their shouting at me woke the baby").
    """
    norm = para.norm(index)
    if "VBG" not in lx.tags(norm) or norm in {"doing", "going"} or not para.next_joined(index):
        return False
    after = para.norm(index + 1)
    if after not in _VERB_COMPLEMENTS and not after.endswith("'s"):
        return False
    return not finite_verb_after(para, index)


#: Adjectives that only stand after a verb, never before a noun: "they're asleep", never "their asleep cat".
PREDICATE_ONLY = frozenset({"asleep", "awake", "afraid", "alive", "aware", "ashamed", "alike", "ablaze",
                            "afloat", "adrift", "aloof"})
_DEGREE = frozenset({"really", "so", "very", "quite", "pretty", "too", "still", "totally", "completely",
                     "absolutely", "clearly", "obviously", "just", "all", "always", "never", "both", "already",
                     "seriously", "genuinely", "truly", "terribly", "awfully", "bloody"})
#: Words after an adjective that show it is a predicate, not the start of a noun phrase ("happy together").
_AFTER_PREDICATE = frozenset({"about", "with", "at", "of", "to", "for", "together", "now", "again", "enough",
                              "today", "tonight", "here", "there", "already", "anyway", "though", "that", "than",
                              "by", "in", "on", "right"})


def predicate_meant(para: Paragraph, index: int) -> bool:
    """Whether words from ``index`` read as a predicate: "(really) angry with", "happy together", "asleep".

    After a determiner an adjective must lead to a noun; one that a preposition or adverb follows instead, or
    that only stands after a verb, belongs to "they're" / "you're". Nouns that are also adjectives ("kind of"),
    superlatives ("at their best") and words that mostly precede a noun ("own", "usual") never count.
    """
    position = index
    degree = False
    while para.norm(position) in _DEGREE and para.next_joined(position):
        position += 1
        degree = True
    word = para.norm(position)
    if word in PREDICATE_ONLY:
        return True
    found = lx.tags(word)
    if (word in lx.FUNCTION_WORDS or word in PRENOMINAL or word in lx.NATIONALITIES or "JJ" not in found
            or found & {"JJR", "JJS", "VBG"} or (not degree and found & ({"NN", "NNS"} | _VERB))):
        return False
    if not para.next_joined(position):
        return degree or any(mark in para.gap_after(position) for mark in ",.!?;")
    return para.norm(position + 1) in _AFTER_PREDICATE


def possessive_for_subject(para: Paragraph, index: int) -> bool:
    """Whether "he" / "she" at ``index`` stands where only "his" / "her" can: before a noun that is no verb.

    Either in an object slot ("drew he sword", "with she hands", but not "demanded he leave") or opening a
    clause with a finite verb after the noun ("He voice was barely a whisper").
    """
    if not para.next_joined(index):
        return False
    word = para.words[index + 1]
    found = lx.tags(word.norm)
    if (word.is_capitalised or word.norm in lx.FUNCTION_WORDS or word.norm in BARE_PREDICATES
            or not found & {"NN", "NNS"} or found & {"RB", "VBD", "VBN", "VBG", "VBZ", "JJR", "JJS"}):
        return False
    before = para.norm(index - 1) if para.joined(index) else ""
    if before in MANDATIVE_VERBS:
        return False
    if object_slot(para, index):
        return True
    return clause_start(para, index) and followed_by_verb(para, index + 1)
