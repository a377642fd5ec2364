"""Compound modifiers written as separate words (a style hint): "so called" -> "so-called", "a two day trek".

The compounds are English ones that dictionaries hyphenate as adjectives:

- always: "self" + a word it forms a compound with ("self indulgent", "self conscious"), a colour or shape +
  "haired"/"eyed" ("dark haired"), an age ("an 8 year old", "the 8-year old" -> "8-year-old"), "so called" after
  a determiner ("the so called king"; not "he was so called because ...");
- as an adjective, before a noun or after a linking verb: noun + verb in -ing ("mind numbing", "life changing"),
  "top notch", "old fashioned", "narrow minded", "light hearted" ...;
- only before a noun, after a determiner: "well" / "ill" + participle ("a well deserved rest"; "it was well
  deserved" stays), a number and a unit ("a two day trek", not "two days later" nor "one day we'll"), and
  phrases ("a matter of fact tone", "an up to date list"; "as a matter of fact," stays).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.grammar import NUMBER_WORDS
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

_RULE = "hyphenated-compound"
_SELF = frozenset({
    "indulgent", "indulgence", "conscious", "consciously", "consciousness", "aware", "awareness", "centered",
    "centred", "confident", "confidence", "esteem", "control", "controlled", "defense", "defence", "destruct",
    "destructive", "destruction", "pity", "absorbed", "assured", "righteous", "sufficient", "taught", "made",
    "sacrifice", "sacrificing", "preservation", "loathing", "hatred", "harm", "doubt", "worth", "respect",
    "obsessed", "proclaimed", "satisfied", "deprecating", "deprecation", "care", "aggrandizing", "aggrandising",
    "serving", "inflicted", "imposed", "employed", "evident", "explanatory", "portrait", "insert", "reliant",
    "reliance", "discipline", "disciplined", "involved", "important", "effacing", "denial", "medicate",
    "medicating", "medication", "contained", "possessed", "isolation", "isolate", "isolating",
})
_HAIR_EYES = frozenset({"haired", "eyed"})
_HAIR_COLOURS = frozenset({
    "red", "dark", "fair", "blonde", "blond", "black", "brown", "grey", "gray", "white", "silver", "golden",
    "blue", "green", "hazel", "amber", "violet", "curly", "long", "short", "wide", "bright", "wild", "sharp",
    "bleary", "starry", "doe", "steely", "teary", "glassy", "pink", "purple", "raven", "copper", "auburn",
    "sandy", "honey", "ginger", "straight", "wavy", "messy", "one", "cross", "dewy", "misty", "clear", "pale",
})
#: Noun + verb in -ing adjectives: "mind numbing", "jaw dropping".
_ING_COMPOUNDS = frozenset({
    ("mind", "numbing"), ("mind", "blowing"), ("mind", "boggling"), ("jaw", "dropping"), ("eye", "opening"),
    ("record", "breaking"), ("earth", "shattering"), ("bone", "chilling"), ("spine", "tingling"),
    ("blood", "curdling"), ("hair", "raising"), ("nerve", "wracking"), ("nerve", "racking"),
    ("mouth", "watering"), ("back", "breaking"), ("gut", "wrenching"), ("heart", "wrenching"),
    ("heart", "stopping"), ("ear", "splitting"), ("soul", "crushing"), ("life", "changing"),
    ("life", "threatening"), ("life", "saving"), ("time", "consuming"), ("thought", "provoking"),
    ("awe", "inspiring"), ("good", "looking"), ("long", "lasting"), ("hard", "working"), ("never", "ending"),
    ("easy", "going"), ("far", "reaching"), ("eye", "catching"), ("attention", "grabbing"), ("law", "abiding"),
    ("fun", "loving"), ("peace", "loving"), ("bone", "crushing"), ("panic", "inducing"),
    ("anxiety", "inducing"), ("cringe", "inducing"), ("heart", "pounding"), ("stomach", "churning"),
    ("ground", "breaking"), ("world", "ending"), ("soul", "searching"), ("fear", "mongering"),
})
#: Of these, the ones whose words never stand side by side as noun and verb ("her life changing" may).
_ALWAYS_ADJECTIVES = frozenset({
    ("mind", "numbing"), ("mind", "boggling"), ("mind", "blowing"), ("nerve", "wracking"), ("nerve", "racking"),
    ("spine", "tingling"), ("blood", "curdling"), ("hair", "raising"), ("record", "breaking"),
    ("earth", "shattering"), ("thought", "provoking"), ("awe", "inspiring"), ("time", "consuming"),
    ("law", "abiding"), ("bone", "chilling"), ("soul", "crushing"), ("ground", "breaking"), ("cringe", "inducing"),
    ("panic", "inducing"), ("anxiety", "inducing"), ("attention", "grabbing"), ("good", "looking"),
    ("never", "ending"), ("long", "lasting"), ("far", "reaching"), ("fun", "loving"), ("top", "notch"),
    ("old", "fashioned"), ("narrow", "minded"), ("open", "minded"), ("absent", "minded"), ("level", "headed"),
    ("light", "hearted"), ("kind", "hearted"), ("half", "hearted"), ("cold", "blooded"), ("quick", "witted"),
})
#: Adjectives of two words hyphenated wherever they stand as adjectives.
_ADJECTIVE_PAIRS = frozenset({
    ("top", "notch"), ("old", "fashioned"), ("one", "sided"), ("open", "minded"), ("narrow", "minded"),
    ("absent", "minded"), ("single", "minded"), ("like", "minded"), ("level", "headed"), ("hot", "headed"),
    ("big", "headed"), ("light", "hearted"), ("kind", "hearted"), ("half", "hearted"), ("warm", "hearted"),
    ("cold", "hearted"), ("big", "hearted"), ("cold", "blooded"), ("warm", "blooded"), ("hot", "blooded"),
    ("full", "blown"), ("short", "lived"), ("long", "winded"), ("short", "tempered"), ("bad", "tempered"),
    ("good", "natured"), ("ill", "fated"), ("ill", "advised"), ("ill", "tempered"), ("ill", "mannered"),
    ("quick", "witted"), ("dim", "witted"), ("half", "baked"), ("worn", "out"), ("tight", "lipped"),
    ("bare", "chested"), ("broad", "shouldered"), ("red", "faced"), ("two", "faced"), ("star", "crossed"),
    ("sun", "kissed"), ("tear", "stained"), ("blood", "stained"), ("grief", "stricken"), ("panic", "stricken"),
    ("awe", "struck"), ("star", "struck"), ("love", "struck"), ("wide", "awake"), ("lop", "sided"),
    ("clean", "shaven"), ("middle", "aged"), ("ever", "present"), ("ever", "changing"), ("ever", "growing"),
    ("ever", "understanding"), ("ever", "patient"), ("ever", "loyal"), ("ever", "faithful"),
})
#: "well" / "ill" + participle, hyphenated only before a noun.
_WELL = frozenset({"deserved", "known", "meaning", "built", "dressed", "behaved", "rested", "read", "timed",
                   "placed", "kept", "loved", "worn", "earned", "intentioned", "mannered", "groomed", "fed",
                   "paid", "made", "trained", "lit", "spoken", "respected", "established", "organised",
                   "organized", "educated", "equipped", "liked", "practised", "practiced", "preserved", "received"})
_PHRASES = (
    ("matter", "of", "fact"), ("over", "the", "top"), ("up", "to", "date"), ("state", "of", "the", "art"),
    ("spur", "of", "the", "moment"), ("run", "of", "the", "mill"), ("once", "in", "a", "lifetime"),
    ("behind", "the", "scenes"), ("face", "to", "face"), ("day", "to", "day"), ("last", "minute"),
    ("one", "on", "one"), ("larger", "than", "life"), ("out", "of", "town"), ("hand", "to", "hand"),
    ("heart", "to", "heart"), ("all", "out"), ("full", "time"), ("part", "time"), ("long", "term"),
    ("short", "term"), ("long", "distance"), ("high", "pitched"), ("low", "key"), ("first", "hand"),
)
_UNITS = frozenset({"day", "week", "month", "year", "hour", "minute", "second", "mile", "foot", "inch", "page",
                    "storey", "floor", "man", "person", "bedroom", "kilometre", "kilometer", "metre", "meter",
                    "pound", "ton", "tonne", "dollar", "night", "time"})
_AGE_UNITS = frozenset({"year", "month", "week", "day"})
_DETERMINERS = lx.DETERMINERS | frozenset({"no", "one"})
_LINKING = lx.BE_FORMS | frozenset({"seemed", "seems", "looked", "looks", "felt", "feels", "sounded", "sounds",
                                    "so", "very", "too", "really", "incredibly", "truly", "pretty", "quite",
                                    "rather", "most", "more", "less", "absolutely", "totally", "utterly",
                                    "completely", "downright", "just", "how", "becoming", "became"})


def _noun_next(para: Paragraph, index: int, adjective_ok: bool = False, loose: bool = False,
               names: bool = True) -> bool:
    """Whether a noun (or, if allowed, an adjective and then a noun) follows word ``index`` directly."""
    if not para.next_joined(index):
        return False
    word = para.words[index + 1]
    norm = word.norm
    if norm in lx.FUNCTION_WORDS:
        return False
    found = lx.tags(norm)
    if word.is_capitalised:
        return names and not found  # "the ever understanding Nadia"; not "the last minute Harry ran"
    if found & {"NN", "NNS"} and not found & ({"VBD", "VBZ"} if loose else {"VBD", "VBZ", "RB", "VBN"}):
        return True
    if adjective_ok and found & {"JJ"} and not found & {"NN", "NNS", "RB"}:
        return _noun_next(para, index + 1)
    return False


def _hyphen(para: Paragraph, first: int, last: int, message: str) -> Match:
    words = para.words[first:last + 1]
    start, end = words[0].start, words[-1].end
    replacement = "-".join(word.text for word in words)
    return para.match(start, end, _RULE, Category.STYLE, message, replacement)


def _spaced(para: Paragraph, first: int, last: int) -> bool:
    return all(para.gap_before(index) == " " for index in range(first + 1, last + 1))


#: Second words of every two-word compound above: a paragraph without one of them (or a phrase's words, or an
#: age) is skipped at once.
_SECONDS = (_SELF | _HAIR_EYES | _WELL | _UNITS | {"called"}
            | {pair[1] for pair in _ING_COMPOUNDS | _ADJECTIVE_PAIRS | _ALWAYS_ADJECTIVES})
_PHRASE_WORDS = tuple(frozenset(phrase) for phrase in _PHRASES)
#: Every (first, second) word pair that can start a compound, except numbers with their units and ages.
_PAIRS = frozenset(
    {("self", second) for second in _SELF} | {(colour, part) for colour in _HAIR_COLOURS for part in _HAIR_EYES}
    | {("so", "called")} | _ING_COMPOUNDS | _ADJECTIVE_PAIRS | _ALWAYS_ADJECTIVES
    | {(first, second) for first in ("well", "ill") for second in _WELL} | {phrase[:2] for phrase in _PHRASES})
_FIRSTS: dict[str, frozenset[str]] = {
    second: frozenset(first for first, other in _PAIRS if other == second) for _first, second in _PAIRS}


#: Text that may hold a hyphenated age ("8-year", "-olds"): only then are the paragraph's words searched for one.
_AGE_HYPHEN = re.compile(r"-(?:old|year|month|week|day)", re.IGNORECASE)


def _triggered(para: Paragraph) -> bool:
    vocabulary = para.vocabulary
    seconds = vocabulary & _SECONDS
    if seconds and any(not vocabulary.isdisjoint(_FIRSTS.get(second, ())) for second in seconds):
        return True
    if ("old" in vocabulary or "olds" in vocabulary or seconds & _UNITS) and (
            not vocabulary.isdisjoint(NUMBER_WORDS) or any(map(str.isdigit, para.text))):
        return True
    if _AGE_HYPHEN.search(para.text) and any(norm.endswith(("-old", "-olds", "-year", "-month", "-week", "-day"))
                                             for norm in vocabulary):
        return True
    return any(words <= vocabulary for words in _PHRASE_WORDS)


@rule(_RULE, Category.STYLE, "hyphenated compound")
def hyphenated_compound(para: Paragraph, env: Env) -> Iterator[Match]:
    if " " not in para.text or not _triggered(para):
        return
    words = para.words
    skip_to = -1
    for word in words[:-1]:
        index = word.index
        if index <= skip_to:
            continue
        norm, after = word.norm, words[index + 1].norm
        if (norm, after) not in _PAIRS and not (
                (norm in NUMBER_WORDS or norm.isdigit()) and (after in _UNITS or "-" in after)) and "-" not in norm:
            continue
        if para.gap_before(index + 1) != " ":
            continue
        found = _compound_at(para, index, norm, after)
        if found is not None:
            last, message = found
            skip_to = last
            yield _hyphen(para, index, last, message)


def _compound_at(para: Paragraph, index: int, norm: str, after: str) -> tuple[int, str] | None:
    before = para.norm(index - 1) if para.joined(index) else ""
    if norm == "self" and after in _SELF:
        return index + 1, "“self” compounds take a hyphen."
    if norm in _HAIR_COLOURS and after in _HAIR_EYES:
        return index + 1, "A compound adjective takes a hyphen."
    if norm == "so" and after == "called" and (before in _DETERMINERS or para.sentence_start(index)) \
            and index + 2 < len(para.words) and not any(mark in para.gap_after(index + 1) for mark in ".,;:!?"):
        return index + 1, "“so-called” takes a hyphen."
    age = _age(para, index) if norm[:1].isdigit() or norm in NUMBER_WORDS else None
    if age is not None:
        return age, "An age used as a noun or before one is hyphenated: “an 8-year-old”."
    pair = (norm, after)
    if pair in _ALWAYS_ADJECTIVES:
        return index + 1, "A compound adjective takes a hyphen."
    if pair in _ING_COMPOUNDS or pair in _ADJECTIVE_PAIRS:
        if before in _LINKING or _noun_next(para, index + 1):
            if pair in _ADJECTIVE_PAIRS and norm == "ever" and not _noun_next(para, index + 1):
                return None  # "she was ever patient" reads as an adverb
            return index + 1, "A compound adjective takes a hyphen."
        return None
    if norm in {"well", "ill"} and after in _WELL and before in _DETERMINERS \
            and _noun_next(para, index + 1, loose=True):
        return index + 1, "A compound adjective before a noun takes a hyphen."
    if (norm in NUMBER_WORDS or norm.isdigit()) and norm not in {"one", "a"} and after in _UNITS \
            and before not in lx.PREPOSITIONS and _noun_next(para, index + 1, names=False):
        return index + 1, "A number and a unit before a noun are hyphenated: “a two-day trek”."
    for phrase in _PHRASES:
        if norm == phrase[0] and after == phrase[1] and before in _DETERMINERS:
            last = index + len(phrase) - 1
            if all(para.norm(index + offset) == part for offset, part in enumerate(phrase)) \
                    and _spaced(para, index, last) and _noun_next(para, last, adjective_ok=True, names=False):
                return last, "A phrase used as an adjective before a noun is hyphenated."
    return None


def _age(para: Paragraph, index: int) -> int | None:
    """Last index of "8 year old", "8-year old", "eight year-old" (an age as a compound), else None."""
    parts: list[str] = []
    last = index
    while len(parts) < 3 and last < len(para.words):
        parts += para.words[last].norm.split("-")
        if len(parts) >= 3:
            break
        if not para.next_joined(last):
            return None
        last += 1
    if len(parts) != 3 or last == index:
        return None
    number, unit, old = parts
    if (number in NUMBER_WORDS or number.isdigit()) and unit in _AGE_UNITS and old in {"old", "olds"}:
        return last
    return None


EXAMPLES = Examples(
    wrong=(
        'That [so called->so-called] "king" lied to everyone.',
        'This story is incredibly [self indulgent->self-indulgent].',
        'She felt [self conscious->self-conscious] in the dress.',
        'It was a [mind numbing->mind-numbing] lecture.',
        'Their writing is [top notch->top-notch].',
        'He earned a [well deserved->well-deserved] rest.',
        'It is a [two day->two-day] trek to the coast.',
        '"Sam," replied the [8-year old->8-year-old].',
        'She has an [eight year old->eight-year-old] son.',
        'He spoke in a [matter of fact->matter-of-fact] tone.',
        'There will be no [over the top->over-the-top] romantic scenes.',
        'A [dark haired->dark-haired] girl waved.',
        'The [ever understanding->ever-understanding] Nadia said nothing.',
        'It was a [life changing->life-changing] summer.',
        'Honestly, its [mind numbing->mind-numbing].',
        'I want to shine a [well deserved->well-deserved] light on her work.',
    ),
    clean=(
        'He was so called because of his hair.',
        'It was so called.',
        'The two rooms were cold.',
        'The rest was well deserved.',
        'Two days later, they left.',
        'One day people will understand.',
        'As a matter of fact, I do.',
        'He climbed over the top rope.',
        'It was over the top.',
        'She is eight years old.',
        'He knew her well.',
        'Her life changing forever was not the plan.',
        'Keep the list up to date.',
        'Well, deserved or not, it happened.',
        'She was ever patient with him.',
        'I waited for two hours.',
        'We met at the last minute.',
        'At the last minute Harry ran.',
    ),
)
