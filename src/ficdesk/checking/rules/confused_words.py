"""Commonly confused words, each decided by its context: "laying in bed" -> "lying", "walked passed him" -> "past".

Every pattern is a run of adjacent words (same phrase, only spaces between). Each slot is a test: a set of words,
a set of tags from the tagger (:attr:`Paragraph.tags`), or :data:`END` (the phrase ends: punctuation or the line's
end). One slot is the wrong word; its fix keeps the author's capitals. The patterns are written to stay silent on
the correct look-alikes listed next to them (and in ``tests/data/checking/corpus.tsv``): "to effect change",
"bared his teeth", "came of age", "the later chapters", "everyday life", "over there where the river bends".
Learned from LanguageTool's ``grammar.xml`` (patterns with antipatterns) and Harper's confusion linters; none
copied.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

Test = Callable[[Paragraph, int], bool]
_RULE = "confused-words"


#: The tests that read the tagger's tags: :meth:`Pattern.find` asks them after the others, since tagging a paragraph
#: costs more than every other test.
_TAGGED: set[Test] = set()


def _reads_tags(test: Test) -> Test:
    _TAGGED.add(test)
    return test


def words(*names: str) -> Test:
    found = frozenset(names)
    return lambda para, index: para.norm(index) in found


def tags(*names: str) -> Test:
    found = frozenset(names)
    return _reads_tags(lambda para, index: para.tag(index) in found)


def lexicon(*names: str, without: tuple[str, ...] = ()) -> Test:
    """The word can have one of the lexicon tags ``names`` and none of ``without``."""
    wanted, unwanted = frozenset(names), frozenset(without)
    return lambda para, index: bool(lx.tags(para.norm(index)) & wanted) and not lx.tags(para.norm(index)) & unwanted


def either(*tests: Test) -> Test:
    def test(para: Paragraph, index: int) -> bool:
        return any(one(para, index) for one in tests)

    if any(one in (END, SENTENCE_END) or getattr(one, "ends", False) for one in tests):
        test.ends = True  # type: ignore[attr-defined]
    if any(one in _TAGGED for one in tests):
        _TAGGED.add(test)
    return test


_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})


def lemma(*lemmas: str) -> Test:
    """A form of one of the verbs ``lemmas`` that the tagger reads as a verb ("the fall of Rome" is no verb)."""
    found = frozenset(lemmas)
    # the lemma first: it is cheap, and tagging a paragraph only happens when it matters
    return _reads_tags(lambda para, index: ((lx.verb_lemma(para.norm(index)) or para.norm(index)) in found
                                            and para.tag(index) in _VERB_TAGS))


def END(para: Paragraph, index: int) -> bool:
    """The phrase ends before word ``index``: punctuation or the line's end."""
    return index >= len(para.words) or not para.joined(index)


def SENTENCE_END(para: Paragraph, index: int) -> bool:
    """The sentence or a quotation ends before word ``index`` (a comma does not end it)."""
    if index >= len(para.words):
        return True
    gap = para.gap_before(index).strip()
    return bool(gap) and gap[0] in ".!?\"”…"


@dataclass(frozen=True)
class Pattern:
    slots: tuple[Test, ...]
    #: The slot holding the wrong word.
    target: int
    fix: dict[str, str]
    message: str
    #: A test on the word before the first slot that cancels the match ("not quite.").
    unless_before: Test | None = None
    #: A test on the word after the last slot that cancels the match ("to effect a cure").
    unless_after: Test | None = None

    def find(self, para: Paragraph, start: int) -> int | None:
        tagged: list[tuple[Test, int]] = []  # asked last (see _TAGGED)
        for offset, test in enumerate(self.slots):
            index = start + offset
            if test is END or getattr(test, "ends", False):
                if not offset or not test(para, index):  # a phrase-end test checks joins itself
                    return None
                continue
            if index >= len(para.words) or (offset and not para.joined(index)):
                return None
            if test in _TAGGED:
                tagged.append((test, index))
            elif not test(para, index):
                return None
        cancels: list[tuple[Test, int]] = []
        if self.unless_before is not None and para.joined(start):
            cancels.append((self.unless_before, start - 1))
        after = start + len(self.slots)
        if self.unless_after is not None and para.joined(after):
            cancels.append((self.unless_after, after))
        if any(test(para, index) for test, index in cancels if test not in _TAGGED):
            return None
        if not all(test(para, index) for test, index in tagged):
            return None
        if any(test(para, index) for test, index in cancels if test in _TAGGED):
            return None
        return start + self.target


#: A form of "be", written out or contracted onto a pronoun ("I'm", "she's", "they're"; a name's "'s" may be a
#: possessive, so it does not count).
_BE = words(*lx.BE_FORMS, "'s", "'re", "'m", "i'm", "you're", "we're", "they're", "he's", "she's", "it's", "that's",
            "there's", "who's", "what's")
_MODAL_OR_TO = words("to", "can", "could", "can't", "couldn't", "cannot", "will", "would", "won't", "wouldn't",
                     "should", "shouldn't", "must", "might", "may", "didn't", "don't", "doesn't", "not", "never")
_POSSESSIVE = words(*lx.POSSESSIVE_DETERMINERS)
_SUBJECT = words("i", "you", "he", "she", "it", "we", "they")
_MOTION = lemma("walk", "run", "go", "come", "drive", "rush", "hurry", "stride", "slip", "push", "brush", "move",
                "fly", "storm", "race", "dash", "sprint", "stumble", "wander", "march", "squeeze", "sweep", "speed")
_OFF_VERBS = lemma("wipe", "take", "turn", "switch", "kick", "push", "shake", "brush", "peel", "pull", "jump",
                   "fall", "get", "rip", "tear", "throw", "knock", "scrape", "wash", "dust", "shrug", "slide",
                   "slip", "roll", "climb", "step", "hop", "storm", "wipe", "fend", "ward", "cast", "strip",
                   "tug", "yank", "lift")
_NOT_PLURAL_IN_S = frozenset({"thanks", "news", "means", "series", "species", "odds", "physics", "politics",
                              "ethics", "economics", "mathematics", "gymnastics", "athletics", "mechanics",
                              "electronics", "graphics", "lots", "loads", "tons"})


@_reads_tags
def _PLURAL_NOUN(para: Paragraph, index: int) -> bool:
    """A plural count noun by the tagger and the lexicon: "emeralds", "people"; not "news", "physics"."""
    norm = para.norm(index)
    if norm in _NOT_PLURAL_IN_S or para.words[index].is_capitalised:
        return False
    if not (norm == "people" or lx.is_plural_noun(norm) or ("NNS" in lx.tags(norm) and norm.endswith("s"))):
        return False
    return para.tag(index) == "NNS"  # the tagger last: only paragraphs with "much" + a plural pay for it


@_reads_tags
def _NOUN_OR_ADJECTIVE(para: Paragraph, index: int) -> bool:
    """A word that can only be a noun or an adjective here: no verb form ("in he came" stays)."""
    found = lx.tags(para.norm(index))
    return bool(found & {"NN", "NNS", "JJ", "JJS"}) and not found & {"VBD", "VBZ", "VBN"} \
        and para.tag(index) in {"NN", "NNS", "JJ", "JJS"}


_DETERMINER = words("the", "a", "an", "his", "her", "my", "your", "their", "our", "its", "this", "that", "these",
                    "those")

PATTERNS: tuple[Pattern, ...] = (
    # awhile is an adverb; after a preposition or as an object the noun phrase "a while" is meant
    Pattern((words("for", "in", "after", "once", "quite", "took", "take", "takes", "taking", "been", "within",
                   "while"), words("awhile")), 1, {"awhile": "a while"},
            "After “{before}” the noun phrase “a while” is meant."),
    # everyday is an adjective before a noun: "everyday life", but "I wake up every day."
    Pattern((words("everyday"), either(SENTENCE_END)), 0, {"everyday": "every day"},
            "“everyday” is an adjective (“everyday life”); the adverb is “every day”."),
    Pattern((words("everyday"), tags("IN", "TO", "DT", "PRP", "PRP$", "RB", "CC")), 0, {"everyday": "every day"},
            "“everyday” is an adjective (“everyday life”); the adverb is “every day”."),
    # lighting flashed -> lightning
    Pattern((words("lighting"), lemma("flash", "strike", "crack", "split", "streak", "fork", "rip", "tear", "bolt",
                                      "arc")), 0,
            {"lighting": "lightning"}, "The flash in a storm is “lightning”."),
    Pattern((words("thunder"), words("and"), words("lighting")), 2, {"lighting": "lightning"},
            "The flash in a storm is “lightning”."),
    Pattern((words("of", "like"), words("lighting"), words("bolt", "bolts", "strike", "strikes")), 1,
            {"lighting": "lightning"}, "The flash in a storm is “lightning”."),
    Pattern((words("bolt", "bolts", "flash", "flashes", "streak", "crack", "fork"), words("of"), words("lighting")),
            2, {"lighting": "lightning"}, "The flash in a storm is “lightning”."),
    # barley (the grain) before a verb or adjective: "barely"
    Pattern((words("barley"), lexicon("VBG", "VBN", "VBD", "JJ", "RB", without=("NN", "NNS"))), 0,
            {"barley": "barely"}, "“barley” is a grain; “only just” is “barely”.",
            unless_before=either(tags("DT", "IN", "JJ", "CC", "NN", "NNS", "CD"), _DETERMINER)),
    Pattern((words("could", "couldn't", "can", "can't", "was", "were", "is", "are", "had"), words("barley")), 1,
            {"barley": "barely"}, "“barley” is a grain; “only just” is “barely”."),
    # copywrite (writing advertising copy) where the right to a work is meant, as in disclaimers
    Pattern((either(_DETERMINER, words("own", "owns", "owned", "hold", "holds", "claim", "claims", "no", "any",
                                       "under")), words("copywrite", "copywrites")), 1,
            {"copywrite": "copyright", "copywrites": "copyrights"},
            "The right to a work is its “copyright” (“copywrite” is writing advertising copy)."),
    Pattern((words("copywrite"), words("infringement", "law", "laws", "holder", "holders", "owner", "owners",
                                       "notice", "belongs", "goes", "strike")), 0, {"copywrite": "copyright"},
            "The right to a work is its “copyright” (“copywrite” is writing advertising copy)."),
    Pattern((_BE, words("copywrite")), 1, {"copywrite": "copyright"},  # "The characters are copywrite Fox."
            "The right to a work is its “copyright” (“copywrite” is writing advertising copy)."),
    Pattern((_BE, words("copywritten", "copywrited")), 1,
            {"copywritten": "copyrighted", "copywrited": "copyrighted"},
            "A work protected by copyright is “copyrighted”."),
    # forms that are no word of their own: "layed" (laid), "wreckless" (reckless)
    Pattern((words("layed"),), 0, {"layed": "laid"}, "The past of “lay” is “laid”."),
    Pattern((words("wreckless"),), 0, {"wreckless": "reckless"}, "Careless of danger is “reckless”."),
    # discreet (tactful) where "discrete" (separate) was typed
    Pattern((words("discrete"), words("about", "with", "enough")), 0, {"discrete": "discreet"},
            "Tactful is “discreet”; “discrete” means separate."),
    Pattern((words("be", "very", "so", "too", "being"), words("discrete")), 1, {"discrete": "discreet"},
            "Tactful is “discreet”; “discrete” means separate."),
    # compliment (praise) where "complement" (what completes) was typed
    Pattern((words("nice", "lovely", "sweet", "kind", "backhanded", "great", "huge", "rare"),
             words("complement", "complements")), 1, {"complement": "compliment", "complements": "compliments"},
            "Praise is a “compliment”; a “complement” completes something."),
    *(Pattern((words("complement", "complements", "complemented", "complementing"), *between, words("on")), 0,
              {"complement": "compliment", "complements": "compliments", "complemented": "complimented",
               "complementing": "complimenting"},
              "To praise is to “compliment”; to “complement” is to complete.")
      for between in ((), (words("him", "her", "them", "me", "us", "you"),))),
    # "a matter of principal" -> principle
    Pattern((words("of", "on"), words("principal"), either(SENTENCE_END, END)), 1, {"principal": "principle"},
            "A rule or belief is a “principle”; the “principal” is the head or the main sum."),
    # "eluded to" -> alluded (to elude is to escape, and takes no "to")
    Pattern((words("eluded", "elude", "eludes", "eluding"), words("to")), 0,
            {"eluded": "alluded", "elude": "allude", "eludes": "alludes", "eluding": "alluding"},
            "To hint at is to “allude to”; to “elude” is to escape."),
    # "cake for desert" -> dessert
    Pattern((words("for"), words("desert"), either(SENTENCE_END)), 1, {"desert": "dessert"},
            "The sweet course is “dessert”; a “desert” is dry land.",
            unless_before=words("headed", "bound", "off", "out", "made", "left", "heading", "leaving")),
    # thunder and lightening -> lightning ("lightening" is making lighter)
    Pattern((words("thunder"), words("and"), words("lightening")), 2, {"lightening": "lightning"},
            "The flash in a storm is “lightning”."),
    Pattern((words("lightening"), words("bolt", "bolts", "strike", "strikes", "flashed", "flashes", "struck",
                                        "cracked", "storm")), 0, {"lightening": "lightning"},
            "The flash in a storm is “lightning”."),
    # "diffuse the situation" -> defuse (to take the danger out)
    Pattern((words("diffuse", "diffused", "diffusing", "diffuses"), _DETERMINER,
             words("situation", "tension", "argument", "bomb", "fight", "standoff", "conflict", "crisis")), 0,
            {"diffuse": "defuse", "diffused": "defused", "diffusing": "defusing", "diffuses": "defuses"},
            "To take the danger out of something is to “defuse” it; to “diffuse” is to spread."),
    # nonstandard blends: "irregardless" (regardless + irrespective), "supposably" for "supposedly"
    Pattern((words("irregardless"),), 0, {"irregardless": "regardless"},
            "“Irregardless” is a blend of “regardless” and “irrespective”; write “regardless”."),
    Pattern((words("supposably"),), 0, {"supposably": "supposedly"},
            "“Supposably” means “conceivably”; “as people say” is “supposedly”."),
    # payed is only the sailor's "payed out (the rope)"; the past of pay is paid
    Pattern((words("payed"),), 0, {"payed": "paid"}, "The past of “pay” is “paid” (“payed” is only for a rope "
            "payed out).", unless_after=words("out", "away")),
    # "excepted the gift": to take is to accept; "excepted" (left out) takes no object this way
    Pattern((words("excepted"), either(_DETERMINER, words("him", "me", "us", "them", "it"))), 0,
            {"excepted": "accepted"}, "To take or agree to is “accept”; “except” means to leave out."),
    # "it effected everyone": a person influenced is "affected"
    Pattern((words("effected", "effects"), words("him", "her", "me", "us", "them", "everyone", "everybody",
                                                 "anyone", "you")), 0,
            {"effected": "affected", "effects": "affects"},
            "The verb “to influence” is “affect”; “effect” is the result."),
    # heals (the verb) where the back of the foot is meant
    Pattern((_POSSESSIVE, words("heals")), 1, {"heals": "heels"}, "The back of the foot is the “heel”."),
    Pattern((words("high"), words("heals")), 1, {"heals": "heels"}, "The shoes are “high heels”."),
    # effect (the noun) used as the verb after a modal or "to"; "to effect change" stays
    Pattern((_MODAL_OR_TO, words("effect"), either(_DETERMINER, words("him", "me", "us", "them", "everyone"))), 1,
            {"effect": "affect"}, "The verb “to influence” is “affect”; “effect” is the result.",
            unless_after=words("change", "changes", "cure", "escape", "transfer", "repairs", "reform", "rescue",
                               "entry", "transformation", "reconciliation", "compromise", "truce")),
    Pattern((words("the", "an", "no", "any", "side"), words("affect", "affects"), words("of", "on")), 1,
            {"affect": "effect", "affects": "effects"}, "The result is an “effect”; “affect” is the verb."),
    Pattern((words("side"), words("affect", "affects")), 1, {"affect": "effect", "affects": "effects"},
            "The result is an “effect”; “affect” is the verb."),
    # laying (putting down) for lying (resting)
    Pattern((_BE, words("laying"), words("on", "in", "there", "awake", "still", "beside", "next", "under",
                                         "against", "flat", "face", "across", "here", "motionless", "curled")), 1,
            {"laying": "lying"}, "Resting flat is “lying”; “laying” puts something down."),
    Pattern((either(_SUBJECT, tags("NNP")), words("laid"), words("back", "down"),
             either(END, words("on", "in", "beside", "next", "against", "and"))), 1, {"laid": "lay"},
            "Resting is “lay” (lie, lay, lain); “laid” needs an object."),
    # too many after a verb that cannot take "to"
    Pattern((words("have", "has", "had", "having", "is", "was", "are", "were", "'s", "far", "way", "much"),
             words("to"), words("many", "much")), 1, {"to": "too"}, "“Too” means “excessively”."),
    # adjectives only: "the plan was to close", "was to quiet the crowd" are infinitives
    Pattern((_BE, words("to"), words("late", "early", "soon", "far", "tired", "young", "old", "hot", "cold", "big",
                                     "small", "loud", "heavy", "weak", "scared", "afraid", "good", "hard", "short",
                                     "high", "tight", "easy", "dark", "bright", "expensive", "dangerous",
                                     "important", "proud", "stubborn", "busy"),
             either(END, words("to", "for", "and"))), 1, {"to": "too"}, "“Too” means “excessively”."),
    # off after verbs that take it as a particle: "wiped it right off his face", "jumped off the bridge"
    Pattern((_OFF_VERBS, words("of"), _DETERMINER), 1, {"of": "off"}, "The particle is “off” (away from)."),
    Pattern((_OFF_VERBS, words("right", "straight"), words("of"), _DETERMINER), 2, {"of": "off"},
            "The particle is “off” (away from)."),
    Pattern((_OFF_VERBS, words("it", "him", "her", "them", "me"), words("of"), _DETERMINER), 2, {"of": "off"},
            "The particle is “off” (away from)."),
    Pattern((_OFF_VERBS, words("it", "him", "them", "me"), words("right", "straight"), words("of"), _DETERMINER), 3,
            {"of": "off"}, "The particle is “off” (away from)."),
    # know for now before a past tense: "she know knew"
    Pattern((_SUBJECT, words("know"), lexicon("VBD", without=("NN", "VB", "VBP", "JJ"))), 1, {"know": "now"},
            "“Now” (at this time) is meant."),
    # the later -> the latter when it ends its phrase
    Pattern((words("the"), words("later"), either(END, tags("VBD", "VBZ", "MD"))), 1, {"later": "latter"},
            "The second of two is “the latter”."),
    # bare (uncovered) for bear (stand): "couldn't bare it"; "bared his teeth" stays
    # "to bare the truth", "bare it all" (reveal) stay
    Pattern((_MODAL_OR_TO, words("bare"), either(words("it", "to", "them", "him", "me", "you", "us", "being",
                                                       "seeing", "hearing", "watching", "looking", "losing",
                                                       "leaving", "walking", "living"))), 1,
            {"bare": "bear"}, "To endure is to “bear”; “bare” means uncovered.", unless_after=words("all")),
    # quiet / quite
    Pattern((words("quiet"), words("a", "an"), words("few", "bit", "lot", "while", "long", "lot", "way", "number",
                                                      "sight", "shock", "surprise", "feat")), 0, {"quiet": "quite"},
            "“Quite” (fairly, very) is meant; “quiet” is silent."),
    Pattern((words("quiet"), words("sure", "possibly", "literally", "frankly", "honestly", "certain", "likely",
                                   "often", "simply", "different", "clear", "true", "impressive")), 0,
            {"quiet": "quite"}, "“Quite” (fairly, very) is meant; “quiet” is silent."),
    Pattern((words("be", "keep", "stay", "was", "were", "is", "are", "went", "fell", "go", "been", "very", "so",
                   "too", "grew", "gone", "remained", "stayed", "kept"), words("quite"), END), 1,
            {"quite": "quiet"}, "Silent is “quiet”; “quite” means fairly or very.",
            unless_before=words("not", "yet", "almost", "isn't", "wasn't", "aren't", "weren't", "nearly")),
    # wander / wonder
    Pattern((words("wander", "wanders", "wandered", "wandering"), words("if", "whether", "why", "what", "how", "who")),
            0, {"wander": "wonder", "wanders": "wonders", "wandered": "wondered", "wandering": "wondering"},
            "To ask oneself is to “wonder”; to roam is to “wander”."),
    Pattern((words("wonder", "wonders", "wondered", "wondering"), words("off", "around", "aimlessly", "away", "round")),
            0, {"wonder": "wander", "wonders": "wanders", "wondered": "wandered", "wondering": "wandering"},
            "To roam is to “wander”; to ask oneself is to “wonder”."),
    # breath (noun) / breathe (verb); "listened to her breathe" is the verb after an object, so "her" is left out
    Pattern((_MODAL_OR_TO, words("breath"), either(END, words("in", "out", "again", "deeply", "properly", "heavily",
                                                              "for", "easier", "easy", "normally", "slowly"))), 1,
            {"breath": "breathe"}, "The verb is “breathe”; “breath” is the noun."),
    Pattern((either(words("a", "deep", "shaky", "sharp", "shuddering", "ragged", "long", "of", "his", "my",
                          "their", "your", "our", "shallow", "steadying", "calming", "last", "quick", "short",
                          "held", "caught"),), words("breathe")), 1, {"breathe": "breath"},
            "The noun is “breath”; “breathe” is the verb."),
    # past / passed
    Pattern((_MOTION, words("passed"), either(_DETERMINER, words("him", "her", "them", "me", "us", "it"),
                                              tags("NNP"))), 1, {"passed": "past"},
            "Going by something is going “past” it; “passed” is the verb."),
    Pattern((words("the", "in"), words("passed"), either(END, words("few", "couple", "week", "weeks", "month",
                                                                    "months", "year", "years", "day", "days",
                                                                    "hour", "hours"))), 1, {"passed": "past"},
            "Time gone by is “the past”; “passed” is the verb."),
    Pattern((either(_SUBJECT, words("had", "has", "have", "'d")), words("past"), words("away", "out")), 1,
            {"past": "passed"}, "The verb is “passed”; “past” is the time or the preposition."),
    # accept / except after a verb slot
    Pattern((_MODAL_OR_TO, words("except"), either(_DETERMINER, words("it", "defeat", "help", "responsibility",
                                                                      "reality", "him", "them", "me"))), 1,
            {"except": "accept"}, "To take or agree to is to “accept”; “except” means but."),
    # weather / whether
    Pattern((words("weather"), words("or"), words("not")), 0, {"weather": "whether"},
            "“Whether or not” (if) is meant; “weather” is rain and sun."),
    Pattern((words("wonder", "wondered", "wondering", "know", "knew", "ask", "asked", "asking", "decide",
                   "decided", "sure", "unsure", "doubt", "question", "matter", "care"),
             words("weather"), either(_SUBJECT, words("to", "or", "the", "this", "that", "anyone", "someone"))), 1,
            {"weather": "whether"}, "“Whether” (if) is meant; “weather” is rain and sun."),
    # we're for were after a subject: rules/were_were.py
    # peek / peak / pique
    Pattern((words("peak", "peaked", "peaks", "peek", "peeked", "peeks", "peaking", "peeking"), _POSSESSIVE,
             words("interest", "curiosity", "attention")), 0,
            {"peak": "pique", "peek": "pique", "peaked": "piqued", "peeked": "piqued", "peaks": "piques",
             "peeks": "piques", "peaking": "piquing", "peeking": "piquing"},
            "To arouse interest is to “pique” it."),
    Pattern((words("sneak", "sneaked", "snuck", "take", "took", "taking", "steal", "stole", "quick", "grab"),
             words("a"), words("peak")), 2, {"peak": "peek"}, "A quick look is a “peek”; a “peak” is a summit."),
    Pattern((words("at"), words("its", "their", "his", "her", "the"), words("peek")), 2, {"peek": "peak"},
            "The highest point is the “peak”; a “peek” is a quick look."),
    # rein / reign
    Pattern((words("free"), words("reign")), 1, {"reign": "rein"}, "The idiom is “free rein” (a horse's reins)."),
    Pattern((words("reign", "reigned", "reigning", "reigns"), words("in"), _POSSESSIVE,
             words("temper", "anger", "emotions", "feelings", "horse", "horses", "magic", "power", "tongue",
                   "impulses", "panic", "fear", "rage", "thoughts", "instincts")), 0,
            {"reign": "rein", "reigned": "reined", "reigning": "reining", "reigns": "reins"},
            "To hold back is to “rein in”; to “reign” is to rule."),
    Pattern((words("reign", "reigned", "reigning"), words("himself", "herself", "themselves", "myself", "yourself",
                                                          "it", "them"), words("in")), 0,
            {"reign": "rein", "reigned": "reined", "reigning": "reining"},
            "To hold back is to “rein in”; to “reign” is to rule."),
    Pattern((words("rein"), words("of"), words("terror")), 0, {"rein": "reign"},
            "A ruler's time is a “reign”."),
    # threw / through
    Pattern((_MOTION, words("threw")), 1, {"threw": "through"}, "Passing from one side to the other is “through”."),
    Pattern((words("he", "she", "they", "i", "we"), words("through"),
             words("the", "his", "her", "their", "my", "a", "an", "it", "him", "them", "back", "up", "down", "away")),
            1, {"through": "threw"}, "The past of “throw” is “threw”."),
    # could care less
    Pattern((words("could"), words("care"), words("less")), 0, {"could": "couldn't"},
            "The idiom is “couldn't care less” (not caring at all)."),
    # canon (the source material) written as the weapon
    Pattern((words("cannon"), words("divergence", "divergent", "compliant", "character", "characters", "storyline",
                                    "events", "timeline", "universe", "couple", "pairing", "ship", "plot",
                                    "typical", "fact", "facts", "lore", "relationship", "ending", "canon")), 0,
            {"cannon": "canon"}, "The source material is “canon”; a “cannon” fires shot."),
    Pattern((words("in", "to", "follows", "follow", "following", "ignores", "ignoring"), words("cannon"), END), 1,
            {"cannon": "canon"}, "The source material is “canon”; a “cannon” fires shot."),
    # in any way / any more before a noun
    Pattern((words("in"), words("anyway")), 1, {"anyway": "any way"}, "“In any way” (in any manner) is two words."),
    Pattern((words("anymore"), tags("NN", "NNS")), 0, {"anymore": "any more"},
            "Before a noun “any more” (a further amount) is two words."),
    # idioms with a look-alike word
    Pattern((words("further"), words("adieu")), 1, {"adieu": "ado"},
            "The idiom is “without further ado” (fuss); “adieu” is goodbye."),
    Pattern((words("construction"), words("criticism", "criticisms", "feedback", "critique", "critiques",
                                          "comments")), 0, {"construction": "constructive"},
            "Helpful criticism is “constructive”."),
    Pattern((words("that", "this", "one"), words("faithful"),
             words("night", "day", "morning", "evening", "afternoon", "moment", "summer", "winter", "spring",
                   "autumn", "year", "week", "meeting", "encounter", "decision")), 1, {"faithful": "fateful"},
            "A day that decides a fate is “fateful”; “faithful” means loyal."),
    # much before a plural count noun: "much emeralds" -> "many"; "how much things cost" is left alone
    Pattern((words("much"), _PLURAL_NOUN), 0, {"much": "many"},
            "Before a plural noun the word is “many”; “much” goes with a mass (“much water”).",
            unless_before=words("how", "so", "as", "that", "very", "this"),
            unless_after=tags("VBP", "VBD", "VBZ", "MD")),
    # thought written without its t: "so I though." / "she though about it"
    Pattern((words("so"), words("i", "he", "she", "we", "they"), words("though"), either(SENTENCE_END)), 2,
            {"though": "thought"}, "The past of “think” is “thought”."),
    Pattern((words("i", "he", "she", "we", "they"), words("though"),
             words("that", "about", "of", "it", "you", "he", "she", "they", "we", "i", "maybe", "so", "he'd",
                   "she'd", "they'd", "i'd", "we'd", "i'd", "he'd")), 1,
            {"though": "thought"}, "The past of “think” is “thought”.",
            unless_before=words("as", "even", "than", "and", "but", "or")),
    # where for were: "They where going", a clause-opening "There where some people"
    Pattern((words("we", "they"), words("where"), either(tags("VBG", "VBN", "JJ", "RB"),
                                                         words("not", "all", "both", "so", "too", "in", "on",
                                                               "at", "the", "a", "still", "never"))), 1,
            {"where": "were"}, "The past of “be” is “were”; “where” asks for a place.",
            unless_before=either(tags("IN", "TO", "VB", "VBD", "VBP", "VBZ", "WRB", "WDT"),
                                 words("and", "or", "but", "that"))),
    Pattern((words("there"), words("where"), words("some", "many", "no", "several", "few", "two", "three", "four",
                                                   "five", "lots", "only", "always", "still", "never", "more",
                                                   "plenty", "hundreds", "dozens", "thousands", "countless")), 1,
            {"where": "were"}, "“There were” (they existed) is meant; “where” asks for a place.",
            unless_before=lambda para, index: True),
    # "he" typed for "the" after a preposition: "in he last few weeks"; "in he came" stays
    Pattern((words("in", "at", "of", "on", "from", "into", "onto", "past", "through", "under", "across", "behind",
                   "towards", "toward", "beside", "inside", "outside"), words("he"),
             either(_NOUN_OR_ADJECTIVE)), 1, {"he": "the"},
            "After a preposition a noun phrase follows: “the” is meant."),
    # brought (carried) / bought (paid for)
    Pattern((words("bought"), words("him", "her", "them", "me", "us"),
             words("to", "here", "there", "home", "along", "into", "inside", "back")), 0, {"bought": "brought"},
            "Carrying someone along is “brought” (bring); “bought” is paid for."),
    Pattern((words("bought"), words("up", "back"), words("the", "memories", "memory", "that", "this")),
            0, {"bought": "brought"}, "Raising a topic or a memory is “brought up/back”; “bought” is paid for.",
            unless_after=words("shares", "company", "land", "house", "houses", "stock", "rights", "property")),
    # lay (put) for lie (rest) before "down/back" with no object: "going to lay down for a bit"
    # ("she lay down on the bed" is the past of "lie": only after "to" or a modal)
    Pattern((words("to", "will", "'ll", "can", "could", "should", "would", "must", "might", "gonna", "wanna",
                   "can't", "won't", "couldn't", "shouldn't", "wouldn't"), words("lay"), words("down", "back"),
             either(END, words("on", "in", "for", "and", "beside", "next", "against", "with", "again", "now"))), 1,
            {"lay": "lie"}, "Resting is “lie down” (lie, lay, lain); “lay” needs an object."),
    # knew (the past of know) typed as "new" after its subject: "she new that"
    # ("Are they new here?", "Was she new?": a question puts "be" first)
    Pattern((words("i", "he", "she", "we", "they"), words("new")), 1,
            {"new": "knew"}, "The past of “know” is “knew”; “new” means not old.",
            unless_before=words(*lx.AUXILIARIES, "'s", "'re", "'m", "seem", "seemed", "feel", "felt")),
    Pattern((words("i", "he", "she", "we", "they"), words("always", "never", "already", "just"), words("new")), 2,
            {"new": "knew"}, "The past of “know” is “knew”; “new” means not old.",
            unless_before=words(*lx.AUXILIARIES)),
    # think typed as "thing" after its subject: "I thing so"
    Pattern((words("i", "we", "they"), words("thing"),
             words("that", "so", "about", "of", "it", "he", "she", "they", "we", "you", "i", "this", "maybe")), 1,
            {"thing": "think"}, "The verb is “think”."),
    # allowed (permitted) heard as "aloud": "she was aloud to stay"
    Pattern((words(*lx.BE_FORMS), words("aloud"), words("to", "in", "inside", "out", "outside", "back", "near")), 1,
            {"aloud": "allowed"}, "Permitted is “allowed”; “aloud” means out loud."),
    # feel typed as "fell": "feel free to", "didn't fell right"
    Pattern((words("fell"), words("free"), words("to")), 0, {"fell": "feel"}, "“Feel free to” is meant."),
    Pattern((words("didn't", "don't", "doesn't", "to", "can", "can't", "could", "couldn't", "will", "won't", "would",
                   "wouldn't", "should", "shouldn't", "might", "must", "did", "does", "do"), words("fell"),
             words("like", "good", "bad", "better", "worse", "sorry", "safe", "sick", "comfortable", "right",
                   "wrong", "guilty", "tired", "fine", "okay", "ok", "happy", "sad", "that", "it", "the", "a", "so",
                   "any", "anything", "nothing", "his", "her", "their", "my", "your")), 1,
            {"fell": "feel"}, "The verb “to sense” is “feel”; “fell” is the past of “fall”."),
    # supposed to: "she was suppose to call"
    Pattern((either(_BE, words("not")), words("suppose"), words("to")), 1, {"suppose": "supposed"},
            "“Be supposed to” (be expected to) takes “supposed”."),
    # advice (the noun) / advise (the verb)
    Pattern((words("some", "any", "my", "your", "his", "her", "their", "our", "good", "bad", "sound", "best",
                   "great", "helpful", "useful", "the", "for", "of", "no", "much", "little", "expert", "medical",
                   "legal", "wise", "friendly", "unsolicited", "asked", "take", "took", "taking", "need",
                   "needed", "give", "gave", "giving", "ignore", "ignored", "following", "followed"),
             words("advise")), 1, {"advise": "advice"}, "The noun is “advice”; “advise” is the verb.",
            unless_before=words("to", "would", "will", "can", "could", "should", "i", "we", "they")),
    Pattern((words("i", "we", "they", "would", "will", "to", "strongly"), words("advice"),
             words("you", "him", "her", "them", "me", "us", "against", "everyone", "anyone")), 1,
            {"advice": "advise"}, "The verb is “advise”; “advice” is the noun."),
    # sight (seeing) / site (a place): "out of site", "caught site of"
    Pattern((words("out"), words("of"), words("site")), 2, {"site": "sight"},
            "“Out of sight” (not seen) is meant; a “site” is a place."),
    Pattern((words("catch", "caught", "catching", "catches", "lost", "lose", "losing"), words("site"),
             words("of")), 1, {"site": "sight"}, "Seeing is “sight”; a “site” is a place."),
    Pattern((_BE, words("laying"), words("down", "back"),
             either(END, words("on", "in", "for", "and", "beside", "next", "against", "with", "again"))), 1,
            {"laying": "lying"}, "Resting flat is “lying”; “laying” puts something down."),
)
_TRIGGERS: dict[str, list[Pattern]] = {}
for _pattern in PATTERNS:
    for _word in _pattern.fix:
        _TRIGGERS.setdefault(_word, []).append(_pattern)
_TRIGGER_WORDS = frozenset(_TRIGGERS)


@rule(_RULE, Category.GRAMMAR, "commonly confused words")
def confused_words(para: Paragraph, env: Env) -> Iterator[Match]:
    words = para.words
    for index in para.indices(_TRIGGER_WORDS):
        word = words[index]
        for pattern in _TRIGGERS[word.norm]:
            start = word.index - pattern.target
            if start < 0 or pattern.find(para, start) != word.index:
                continue
            fixed = pattern.fix[word.norm]
            before = para.words[word.index - 1].text if word.index else ""
            yield para.match(word.start, word.end, _RULE, Category.GRAMMAR,
                             pattern.message.format(before=before), para.cased(para.styled(fixed, word.text),
                                                                                word.text))
            break


EXAMPLES = Examples(
    wrong=(
        "Without further [adieu->ado], the next chapter.",
        "Any [construction->constructive] criticism is welcome.",
        "After that [faithful->fateful] night she never sang again.",
        "There wasn't [much->many] apples left in the barrel.",
        "Or so I [though->thought].",
        "She [though->thought] about it all night.",
        "They [where->were] going home at last.",
        "There [where->were] some lanterns still burning.",
        "In [he->the] last few weeks nothing had changed.",
        "He [bought->brought] her to the castle.",
        "That [bought->brought] back the memories.",
        "I'm going to [lay->lie] down for a bit.",
        "She was [laying->lying] down on the sofa.",
        "She [new->knew] the way by heart.",
        "He never [new->knew] his father.",
        "I [thing->think] so too.",
        "We weren't [aloud->allowed] to leave.",
        "Please [fell->feel] free to comment.",
        "It didn't [fell->feel] right.",
        "You were [suppose->supposed] to call.",
        "Any [advise->advice] would help.",
        "I [advice->advise] you to run.",
        "He ducked out of [site->sight].",
        "She caught [site->sight] of the ship.",
        "I don't own the [copywrite->copyright] to these characters.",
        "No [copywrite->copyright] infringement is intended.",
        "The characters are [copywrite->copyright] of the studio.",
        "He [payed->paid] for the drinks.",
        "[Irregardless->Regardless], we left at dawn.",
        "He [layed->laid] the book on the table.",
        "His [wreckless->reckless] driving scared her.",
        "The library was [quite->quiet].",
        "She was very [discrete->discreet] about it.",
        "He paid her a nice [complement->compliment].",
        "She [complemented->complimented] him on his hair.",
        "It was a matter of [principal->principle].",
        "She [eluded->alluded] to the incident.",
        "We had chocolate cake for [desert->dessert].",
        "There was thunder and [lightening->lightning] all night.",
        "She tried to [diffuse->defuse] the situation.",
        "He was [supposably->supposedly] the best.",
        "She [excepted->accepted] the gift with a smile.",
        "The news [effected->affected] everyone.",
        "I'm [suppose->supposed] to be there by noon.",
        "She's [to->too] tired to argue.",
        "All characters are [copywritten->copyrighted] by their creators.",
    ),
    clean=(
        "It is amazing how much things change.",
        "There wasn't much news from home.",
        "She was faithful to the end.",
        "Show them where they are.",
        "Over there where some reeds grow, the water is deep.",
        "In he came, soaked to the skin.",
        "She bought him a coat.",
        "They bought back the land their father sold.",
        "He laid down the law.",
        "Lay down your weapons.",
        "She sighed and lay down on the bed.",
        "I lay down on the grass and slept.",
        "You can lay down your sword now.",
        "She was laying down the rules for the new recruits.",
        "He said something new.",
        "They were new to the city.",
        "The new recruits were nervous.",
        "Are they new to the city?",
        "Was she new here, or was I?",
        "It was a thing of beauty.",
        "She read the letter aloud to him.",
        "The rope fell free of the branch.",
        "He fell like a stone.",
        "I suppose to some people it matters.",
        "What would you advise?",
        "Her advice was to wait.",
        "The site of the battle is a car park now.",
        "Even though it rained, we went out.",
        "I liked it, though.",
        "He said it in construction work terms.",
        "She learned to copywrite for a small agency.",
        "They copywrite brochures for a living.",
        "The sailor payed out the rope.",
        "It was quite late.",
        "It's not quite.",
        "The values are discrete steps.",
        "The wine is a complement to the cheese.",
        "A full complement of soldiers marched in.",
        "She spoke to the principal about it.",
        "He eluded the guards.",
        "They headed for desert country.",
        "The convoy set off for desert.",
        "She was lightening the load.",
        "The fog diffused the light.",
        "All were invited, the twins excepted.",
        "The treaty effected a change in the law.",
        "Her words had no effect on him.",
    ),
)
