"""Apostrophes left out: "dont", "thats", "Im", "her sisters bedroom", "a cold winters night", "tonights game".

Contractions that are no English word without their apostrophe are always flagged ("dont", "youre",
"wouldve", "hes"). Those that are also words need their context:

- "lets" -> "let's" only opening a sentence or clause before a verb ("Lets go", "Okay, lets see"), never
  after a subject ("she lets him");
- "wont" -> "won't" only after a subject ("I wont", "it wont"), not "as was his wont";
- "cant" -> "can't" (the noun "cant" is rare enough in fiction);
- "Ill", "Id" -> "I'll", "I'd" only capitalised and before a verb ("Ill be there", "Id rather not"); "ill",
  "id", "well", "were", "hell", "shell", "wed", "shed" and "its" are never touched here ("its" has its own rule).

Possessives: a time word in -s before a noun ("tonights game", "todays paper"), a season before a time of day
("a summers day"), holidays ("valentines day" -> "Valentine's Day") and a family noun in -s between a
possessive determiner and a noun that cannot be a verb ("her sisters bedroom" -> "sister's"; "her sisters were"
and "his brothers shoulder the blame" stay clean: the word after is a verb), and a noun for people or animals in
-s after a determiner before a noun it owns ("the killers' footprints", "a friend's house"; see
:func:`_owner_fix` for what keeps "gave the kids toys" and "watched the guards change" clean). This rule runs
before spelling, so its suggestion wins over a spelling one on the same word.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.grammar import BARE_PREDICATES, CLAUSE_VERBS, NUMBER_WORDS, OBJECT_PREPOSITIONS
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph, Word

_RULE = "missing-apostrophe"
#: Written without the apostrophe, these are no English word.
CONTRACTIONS = {
    "dont": "don't", "didnt": "didn't", "doesnt": "doesn't", "wasnt": "wasn't", "isnt": "isn't",
    "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't", "havent": "haven't", "hasnt": "hasn't",
    "hadnt": "hadn't", "arent": "aren't", "werent": "weren't", "mustnt": "mustn't", "neednt": "needn't",
    "mightnt": "mightn't", "shant": "shan't", "aint": "ain't", "thats": "that's", "whats": "what's",
    "wheres": "where's", "heres": "here's", "theres": "there's", "whos": "who's", "hows": "how's",
    "youre": "you're", "theyre": "they're", "theyve": "they've", "youve": "you've", "weve": "we've",
    "wouldve": "would've", "couldve": "could've", "shouldve": "should've", "mightve": "might've",
    "mustve": "must've", "youll": "you'll", "theyll": "they'll", "itll": "it'll", "thatll": "that'll",
    "youd": "you'd", "theyd": "they'd", "hed": "he'd", "itd": "it'd", "whod": "who'd", "wholl": "who'll",
    "im": "I'm", "ive": "I've", "hes": "he's", "shes": "she's", "yall": "y'all", "oclock": "o'clock",
    "maam": "ma'am", "cant": "can't", "tonights": "tonight's", "todays": "today's", "yesterdays": "yesterday's",
    "tomorrows": "tomorrow's", "everyones": "everyone's", "someones": "someone's", "anyones": "anyone's",
    "nobodys": "nobody's", "somebodys": "somebody's", "everybodys": "everybody's",
}
_VERB_AFTER_I = frozenset({"be", "go", "get", "have", "do", "see", "take", "make", "tell", "call", "never", "just",
                           "always", "try", "show", "give", "come", "find", "bet", "miss", "wait", "let", "kill",
                           "need", "rather", "better", "like", "love", "say", "think", "really", "probably",
                           "hate", "want", "ask", "help", "keep", "leave", "bring", "put", "meet", "stay", "talk",
                           "die", "been", "had", "not", "still", "definitely", "sure", "buy", "pay", "explain"})
_LETS_NEXT = frozenset({"go", "just", "get", "see", "do", "try", "have", "be", "not", "make", "talk", "hope",
                        "say", "find", "start", "play", "eat", "move", "face", "hear", "begin", "pretend", "leave",
                        "watch", "look", "take", "keep", "all", "call", "never", "stop", "put", "give", "focus"})
_SUBJECTS = lx.SUBJECT_PRONOUNS | frozenset({"that", "this", "which", "who", "there", "things", "people"})
_TIME_OF_DAY = frozenset({"day", "night", "evening", "morning", "afternoon", "eve", "sun", "breeze", "dawn"})
_SEASONS = {"summers": "summer's", "winters": "winter's", "springs": "spring's", "autumns": "autumn's"}
#: (word, next word) -> the possessive, and the next word's spelling ("" keeps it as written).
_HOLIDAYS = {("valentines", "day"): ("Valentine's", "Day"), ("mothers", "day"): ("Mother's", "Day"),
             ("fathers", "day"): ("Father's", "Day"), ("years", "eve"): ("Year's", "Eve"),
             ("years", "day"): ("Year's", "Day"), ("authors", "note"): ("author's", ""),
             ("authors", "notes"): ("author's", "")}
#: Family and household nouns: between "her" and a noun their plural form is a slip for the possessive.
_KIN = {"sisters": "sister's", "brothers": "brother's", "mothers": "mother's", "fathers": "father's",
        "husbands": "husband's", "wifes": "wife's", "sons": "son's", "daughters": "daughter's", "uncles": "uncle's",
        "aunts": "aunt's", "cousins": "cousin's", "grandmothers": "grandmother's", "grandfathers": "grandfather's",
        "boyfriends": "boyfriend's", "girlfriends": "girlfriend's", "moms": "mom's", "mums": "mum's",
        "dads": "dad's", "bosss": "boss's", "partners": "partner's", "parents": "parents'", "grandmas": "grandma's",
        "grandpas": "grandpa's", "nephews": "nephew's", "nieces": "niece's", "fiances": "fiance's"}


#: People and animals: the nouns that own things, so "the guards room" is "the guards' room". Singular forms.
_OWNERS = (
    "friend", "kid", "boy", "girl", "guy", "lad", "killer", "murderer", "soldier", "guard", "knight", "king",
    "queen", "prince", "princess", "lord", "lady", "teacher", "student", "pupil", "doctor", "nurse", "patient",
    "captain", "officer", "agent", "hunter", "wizard", "witch", "vampire", "werewolf", "wolf", "dragon", "demon",
    "angel", "goddess", "elf", "dwarf", "warrior", "villager", "teammate", "classmate", "roommate", "flatmate",
    "neighbour", "neighbor", "sibling", "twin", "player", "member", "leader", "enemy", "ally", "pirate",
    "sailor", "servant", "apprentice", "stranger", "visitor", "guest", "customer", "client", "victim",
    "prisoner", "guardian", "rider", "puppy", "kitten", "colleague", "lover", "hero", "villain", "monster",
    "creature", "human", "alien", "traveller", "traveler", "worker", "employee", "detective", "assassin",
    "thief", "bandit", "rebel", "priest", "healer", "mage", "sorcerer", "orc", "troll", "fairy", "ghost",
    "zombie", "baby", "toddler", "teenager", "adult", "elder", "parent", "sister", "brother", "cousin",
    "nephew", "niece", "uncle", "aunt", "son", "daughter", "boyfriend", "girlfriend", "husband", "wife",
    # places, vehicles and bodies of people own things too: "the shop's counter", "the ship's captain"
    "shop", "store", "restaurant", "hotel", "inn", "tavern", "school", "academy", "church", "temple", "hospital",
    "castle", "palace", "ship", "company", "team", "club", "city", "town", "village", "kingdom", "country",
    "nation", "world", "clan", "pack", "tribe", "army", "guild", "council", "ministry", "museum", "library",
    "farm", "planet",
    # animals
    "dog", "cat", "horse", "bird", "owl", "fox", "bear", "lion", "tiger", "rabbit", "snake", "beast", "hound",
    "pony", "cow", "pig", "goat", "raven", "crow", "hawk", "eagle", "spider", "bat", "rat",
)
#: Spans of time in -s and what a span of time is "worth": "a good night's sleep", "two weeks' notice".
_SPANS = frozenset({"seconds", "minutes", "hours", "days", "nights", "weeks", "months", "years", "moments"})
_SPAN_OF = frozenset({"sleep", "rest", "work", "time", "notice", "pay", "journey", "walk", "drive", "ride",
                      "worth", "wages", "holiday", "leave", "supply", "salary", "travel", "delay", "wait",
                      "silence", "break", "grace", "march", "flight", "labour", "labor", "absence", "peace"})
#: Before the span, words that make it one ("a", "one", "good") or several ("two", "few").
_ONE_SPAN = frozenset({"a", "one", "another", "good", "full", "long", "whole", "hard", "single", "last"})
_SPANS_BEFORE = _ONE_SPAN | NUMBER_WORDS | frozenset({"few", "several", "many", "couple"})
#: Possessives of irregular plurals and singulars in -y/-f whose "s" form is no word: "the mans face",
#: "the childrens ward". "mans" is also a verb ("he mans the desk"), so it needs a determiner before it.
_IRREGULAR = {"mans": "man's", "womans": "woman's", "mens": "men's", "womens": "women's", "childs": "child's",
              "childrens": "children's", "babys": "baby's", "ladys": "lady's", "wolfs": "wolf's",
              "peoples": "people's", "elfs": "elf's", "dwarfs": "dwarf's"}
#: Of those, the ones that are words too ("peoples", "dwarfs", "mans"): only after a determiner.
_IRREGULAR_WORDS = frozenset({"mans", "peoples", "dwarfs", "elfs"})
#: Verbs after which "the kids toys" may be two objects ("gave the kids toys") or an object and its complement
#: ("called the boys names"), and verbs whose object a bare infinitive follows ("watched the guards change").
_TWO_OBJECTS = frozenset({
    "give", "tell", "show", "send", "bring", "buy", "offer", "teach", "hand", "pass", "promise", "owe", "lend",
    "read", "feed", "throw", "cook", "make", "get", "leave", "pay", "sell", "serve", "write", "ask", "wish",
    "cost", "deny", "grant", "allow", "award", "save", "spare", "call", "name", "consider", "find", "keep",
    "pour", "order", "bake", "build", "fix", "text", "email", "sing", "play", "elect", "crown", "dub", "label",
    "brand", "declare", "appoint", "slip", "toss", "texted", "mail", "assign", "refuse", "charge",
})
_VERB_TAGS = frozenset({"VB", "VBP", "VBZ", "VBD", "VBN", "VBG"})
_BARE_INFINITIVE = frozenset({"see", "watch", "hear", "feel", "let", "help", "have", "notice", "make", "bid"})
#: Nouns that follow an object as a greeting, not as what it owns ("hugged her friends goodbye").
_GREETINGS = frozenset({"goodbye", "hello", "farewell", "goodnight", "thanks", "hi", "bye"})
_POSSESSOR_BEFORE = lx.POSSESSIVE_DETERMINERS | frozenset({"the", "a", "an", "these", "those", "some", "all", "both"})
#: Words after the possessed noun that show it is a noun, not a verb ("her brothers shoulder was").
_AFTER_NOUN = frozenset({"of", "was", "is", "had", "has", "were", "are", "would", "could", "will", "should",
                         "might", "must"})
#: Before "the boys" these make it part of "one of the boys", the subject of a verb in -s ("sneaks").
_PART_OF = frozenset({"one", "each", "none", "any", "either", "neither", "some", "all", "most", "many", "several",
                      "few", "both", "half", "rest", "every"})


@cache
def _owner_plurals() -> dict[str, str]:
    """Plural -> singular of :data:`_OWNERS` ("wolves" -> "wolf")."""
    found = {}
    for singular in _OWNERS:
        plural = lx.inflect(singular, "NNS")
        if plural and plural != singular:
            found[plural] = singular
    return found


def _fix(para: Paragraph, word: Word, fix: str, message: str, end: int | None = None, other: str = "") -> Match:
    """The match replacing ``word`` (or up to ``end``) by ``fix`` (and ``other`` as a second choice)."""
    styled = [para.styled(choice, word.text) for choice in (fix, other) if choice]
    styled = [para.cased(choice, word.text) if choice[:1].islower() else choice for choice in styled]
    return para.match(word.start, word.end if end is None else end, _RULE, Category.GRAMMAR, message, *styled)


@cache
def _triggers() -> frozenset[str]:
    """Every word one of the rule's cases starts from; the rule visits only these."""
    return frozenset(CONTRACTIONS) | {"lets", "wont", "ill", "id"} | {first for first, _ in _HOLIDAYS} \
        | frozenset(_SEASONS) | _SPANS | frozenset(_IRREGULAR) | frozenset(_KIN) | frozenset(_owner_plurals())


@rule(_RULE, Category.GRAMMAR, "missing apostrophe")
def missing_apostrophe(para: Paragraph, env: Env) -> Iterator[Match]:
    owner_plurals = _owner_plurals()
    for index in para.indices(_triggers()):
        word = para.words[index]
        norm = word.norm
        following = para.norm(word.index + 1) if para.next_joined(word.index) else ""
        if norm in CONTRACTIONS and word.text.isalpha():
            if (word.text.isupper() and len(word.text) > 2) or (norm == "hows" and para.norm(word.index - 1) == "the"):
                continue  # shouted or an acronym; "the hows and whys"
            yield _fix(para, word, CONTRACTIONS[norm], "An apostrophe is missing.")
        elif norm == "lets" and following in _LETS_NEXT and (
                para.sentence_start(word.index) or "," in para.gap_before(word.index)):
            yield _fix(para, word, "let's", "“let’s” (let us) needs an apostrophe.")
        elif norm == "wont" and para.joined(word.index) and (
                para.norm(word.index - 1) in _SUBJECTS or para.words[word.index - 1].is_capitalised):
            yield _fix(para, word, "won't", "An apostrophe is missing: “won’t” (will not).")
        elif norm in {"ill", "id"} and word.text in {"Ill", "Id"} and following in _VERB_AFTER_I:
            yield _fix(para, word, "I'll" if norm == "ill" else "I'd", "An apostrophe is missing.")
        elif (norm, following) in _HOLIDAYS and (norm != "years" or word.is_capitalised):
            first, second = _HOLIDAYS[(norm, following)]
            following_word = para.words[word.index + 1]
            end = following_word.end
            fix = para.cased(first, word.text) + para.gap_before(word.index + 1) + (second or following_word.text)
            if para.text[word.start:end] != fix:
                yield _fix(para, word, fix, "A possessive needs its apostrophe.", end)
        elif norm in _SEASONS and following in _TIME_OF_DAY:
            yield _fix(para, word, _SEASONS[norm], "A possessive needs its apostrophe: “a summer’s day”.")
        elif norm in _SPANS and following in _SPAN_OF and para.joined(word.index) \
                and para.norm(word.index - 1) in _SPANS_BEFORE and para.next_joined(word.index):
            one = para.norm(word.index - 1) in _ONE_SPAN
            yield _fix(para, word, f"{norm[:-1]}'s" if one else f"{norm}'",
                       "Time that is worth something takes a possessive: “a night’s sleep”, “two weeks’ notice”.")
        elif norm in _IRREGULAR and following and _irregular_possessive(para, word):
            yield _fix(para, word, _IRREGULAR[norm], "A possessive needs its apostrophe.")
        elif following and (norm in _KIN or norm in owner_plurals) and not word.is_capitalised:
            fixes = _owner_fix(para, word)
            if fixes:
                yield _fix(para, word, fixes[0], "A possessive needs its apostrophe.", other=" ".join(fixes[1:2]))


def _owner_fix(para: Paragraph, word: Word) -> tuple[str, ...]:
    """The possessives "her sisters bedroom", "the guards room", "a friends house" miss (best first), or ().

    A determiner stands before the plural and a noun after it; the plural owns that noun unless the noun can be
    a verb whose subject the plural is. The owned noun's number picks the owner's first: "the killers' remains",
    "her brother's shoulder", the other number second (family nouns stay singular: "her sister's shoes"; "a"
    makes it singular).
    """
    index, norm = word.index, word.norm
    determiner = para.norm(index - 1) if para.joined(index) else ""
    owned = para.norm(index + 1)
    plural_owned = owned.endswith("s") and not owned.endswith(("ss", "us", "is")) and "NNS" in lx.tags(owned)
    if determiner not in _POSSESSOR_BEFORE and norm not in _KIN and plural_owned and _phrase_starts(para, index) \
            and owned not in BARE_PREDICATES and not _noun_after(para, index + 1) and _phrase_ends(para, index + 1):
        # "..., kids toys gone wrong": no determiner, but a plural subject's verb would not end in -s
        determiner = "the"
    if determiner not in _POSSESSOR_BEFORE or (norm in _KIN and determiner not in lx.POSSESSIVE_DETERMINERS):
        return ()
    verb = _verb_before(para, index - 1)
    if verb in _TWO_OBJECTS or (verb in _BARE_INFINITIVE and not plural_owned) or owned in _GREETINGS:
        return ()
    slot = (verb is not None and para.norm(index - 2) not in CLAUSE_VERBS) or (
        para.joined(index - 1) and para.norm(index - 2) in OBJECT_PREPOSITIONS)
    if para.norm(index - 2) == "of" and para.norm(index - 3) in _PART_OF:
        slot = False  # "one of the prisoners sneaks out": the verb's subject is "one"
        if "VBZ" in lx.tags(owned):
            return ()
    # "like my moms girdle, eh": a family noun after "my", "her" ... owns a noun that ends its phrase
    ends = norm in _KIN and any(mark in para.gap_after(index + 1) for mark in ".,!?;")
    if not _possessed(para, index + 1, slot or ends) or _relative_clause(para, index + 1):
        return ()
    if norm in _KIN:
        return (_KIN[norm],)
    singular = _owner_plurals().get(norm)
    if singular is None:
        return ()
    if determiner in {"a", "an"}:
        return (f"{singular}'s",)
    if plural_owned or determiner in {"these", "those", "some", "all", "both"}:
        return f"{norm}'", f"{singular}'s"
    return f"{singular}'s", f"{norm}'"


def _irregular_possessive(para: Paragraph, word: Word) -> bool:
    """"the mans face", "the childrens ward": a noun follows (the words that are words need a determiner)."""
    index = word.index
    if word.is_capitalised and not para.sentence_start(index):
        return False
    noun = para.words[index + 1]
    found = lx.tags(noun.norm)
    if noun.is_capitalised or noun.norm in lx.FUNCTION_WORDS or not found & {"NN", "NNS", "JJ"}:
        return False
    if word.norm in _IRREGULAR_WORDS:
        return para.joined(index) and para.norm(index - 1) in _POSSESSOR_BEFORE and not found & {"VBD", "VBN"}
    return True


def _phrase_starts(para: Paragraph, index: int) -> bool:
    """Whether a noun phrase may start at word ``index``: after a comma, "and", "or" or a preposition."""
    if not para.joined(index):
        return "," in para.gap_before(index) and not para.sentence_start(index)
    return para.norm(index - 1) in {"and", "or"} | OBJECT_PREPOSITIONS


def _phrase_ends(para: Paragraph, index: int) -> bool:
    """Whether word ``index`` ends its phrase: punctuation or a participle follows ("toys gone wrong").

    Otherwise a verb in -s may be the verb of an earlier subject ("damage caused by bears runs into").
    """
    if not para.next_joined(index):
        return True
    return para.tag(index + 1) in {"VBN", "VBD"} and not lx.tags(para.norm(index + 1)) & {"VBZ", "VBP"}


def _noun_after(para: Paragraph, index: int) -> bool:
    """Whether a noun follows word ``index`` in the same phrase (then the two are a compound: "kids toys shop")."""
    return para.next_joined(index) and para.tag(index + 1) in {"NN", "NNS"} \
        and para.norm(index + 1) not in lx.FUNCTION_WORDS


def _relative_clause(para: Paragraph, index: int) -> bool:
    """"the ladies men admire": a plural noun followed by a plain present verb starts a clause of its own."""
    if not para.next_joined(index) or not lx.is_plural_noun(para.norm(index)):
        return False
    after = para.norm(index + 1)
    return para.tag(index + 1) in {"VBP", "VB"} and bool(lx.tags(after) & {"VB", "VBP"}) \
        and after not in lx.NON_AUXILIARY_FUNCTION_WORDS


_FUNCTION_WORDS_BUT_HAVE = lx.FUNCTION_WORDS - {"have", "had", "has"}


def _verb_before(para: Paragraph, index: int) -> str | None:
    """The lemma of the verb right before the determiner at ``index`` ("nudging his brothers ..."), if any."""
    if not para.joined(index):
        return None
    before = para.norm(index - 1)
    if before in _TWO_OBJECTS:
        return before  # "texted her friends photos": a verb the lexicon does not know
    if before in _FUNCTION_WORDS_BUT_HAVE or not lx.tags(before) & _VERB_TAGS:
        return None
    if para.words[index - 1].is_capitalised and not para.sentence_start(index - 1):
        return None
    return lx.verb_lemma(before) or before


def _possessed(para: Paragraph, index: int, object_slot: bool) -> bool:
    """Whether word ``index`` is a noun owned by the plural before, not a verb whose subject it is.

    A form in -s ("toys", "powers") cannot be the verb of a plural subject; a base form ("shoulder", "laugh")
    can, so it counts only where a verb cannot stand: in an ``object_slot`` (the phrase follows a verb or a
    preposition: "nudging his brothers shoulder") or before a finite verb or "of" ("the girls laugh was").
    """
    norm = para.norm(index)
    found = lx.tags(norm)
    if para.words[index].is_capitalised or norm in lx.FUNCTION_WORDS or not found & {"NN", "NNS"} \
            or found & {"VBD", "VBN", "VBG"} or para.tag(index) not in {"NN", "NNS", "VBZ", "VBP", "VB"}:
        return False
    following = para.norm(index + 1) if para.next_joined(index) else ""
    verb_after = bool(following) and (following in _AFTER_NOUN or para.tag(index + 1) in {"VBD", "MD"} or (
        para.tag(index + 1) == "VBN" and "VBD" in lx.tags(following)))
    if norm in BARE_PREDICATES:
        return verb_after  # "kept the kids company", "met the girls yesterday"
    if found & {"JJ", "RB"}:
        return verb_after or object_slot  # "on the shops counter", but "the boys back down"
    plural = norm.endswith("s") and not norm.endswith(("ss", "us", "is")) and "NNS" in found
    return not found & {"VB", "VBP", "VBZ"} or plural or object_slot or verb_after


EXAMPLES = Examples(
    wrong=(
        'I [dont->don\'t] know.',
        'So [thats->that\'s] the plan.',
        '[Im->I\'m] not going.',
        '[Ive->I\'ve] seen it.',
        'You [cant->can\'t] be serious.',
        '[Youre->You\'re] late.',
        'He [wouldve->would\'ve] come.',
        '[Lets->Let\'s] go home.',
        'Okay, [lets->let\'s] just say it went badly.',
        'It [wont->won\'t] open.',
        '[Ill->I\'ll] be there at six.',
        '[Id->I\'d] rather not.',
        'She [hasnt->hasn\'t] called.',
        'It melted like ice on a hot [summers->summer\'s] day.',
        'Nobody celebrates [valentines day->Valentine\'s Day] here.',
        '[Authors Notes->Author\'s Notes]: thanks for reading!',
        'I was disappointed by [tonights->tonight\'s] defeat.',
        'She ran into her [sisters->sister\'s] bedroom.',
        'He didn’t care what [everyones->everyone’s] plan was, and he [didnt->didn’t] ask.',
        'We ate at my [parents->parents\'] house.',
        'He nudged his [brothers->brother\'s] shoulder.',
        'The [killers->killers\'] footprints led to the river.',
        'We stayed at a [friends->friend\'s] house.',
        'She could feel her [friends->friends\'] eyes on her.',
        'The [wolves->wolves\'] howls echoed down the valley.',
        'The [ships->ship\'s] captain shouted orders.',
        'Rain dripped from the [castles->castle\'s] gate.',
        'She sells toys and [kids->kids\'] clothes.',
        'He touched the [mans->man\'s] face in the [childrens->children\'s] ward.',
        'The [dogs->dog\'s] tail wagged.',
        'She needed a good [nights->night\'s] sleep after two [weeks->weeks\'] work.',
    ),
    clean=(
        'She lets him win.',
        'He let his guard down, as was his wont.',
        'She felt ill all week.',
        'Her sisters were waiting outside.',
        'Her sisters love her.',
        'His brothers shoulder the blame together.',
        'Two summers ago we met.',
        'We were there.',
        'Well, the shell was empty.',
        'The id and the ego argue.',
        'It can\'t be helped.',
        'I\'ll be fine.',
        'The years passed.',
        'She explained the hows and whys.',
        'Her brothers came home.',
        'She gave the kids toys for Christmas.',
        'He called the boys names.',
        'I watched the guards change shifts.',
        'The guards change shifts at noon.',
        'One of the prisoners sneaks out at night.',
        'The dogs children love are the gentle ones.',
        'She hugged her friends goodbye.',
        'She kept the kids company.',
        'Let the boys play.',
        'The boys\' locker room smelled of socks.',
        'She helped the kids dress.',
        'He slipped the guards money.',
        'The ships sail at dawn.',
        'The boys back down.',
        'The girls dress for dinner.',
        'They were friends years ago.',
        'He mans the front desk.',
        'The dogs bark at night.',
        'Peoples of the north gathered.',
        'Three days later he left, and for days work piled up.',
        'The nights passed slowly, and two hours passed.',
    ),
)
