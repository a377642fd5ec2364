"""The comma before a name or a form of address that ends a spoken phrase: "Thank you Sam" -> "Thank you, Sam".

Only inside quotation marks (dialogue), and only where the person addressed closes the phrase (a ``. , ! ?``,
a dash or the closing quote follows). The word before must be one that cannot take the name as its object or
complement: an object pronoun ("thank you", "face it"), a greeting or interjection ("hi", "yes", "please"), an
adverb ("too", "yet", "already") or the particle of a verb that takes no object ("come back", "look out").
So "I saw Harry.", "Meet me in Leeds!", "This is my friend Sam." and "We have to pick up Harry." stay clean;
day, month and holiday names are never people. A form of address that is an ordinary noun ("mum", "sir",
"child", "love") counts after the same words, or after an adjective that follows a form of "be" ("What's
wrong child?"). "Mum" and "Dad" used as names get their capital ("Hi mom" -> "Hi, Mom").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.marks import words_ending_at
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.speech import Quote, inside_quote, quotes
from ficdesk.checking.tokens import Paragraph, Word

_RULE = "vocative-comma"
#: Nouns people are addressed by. "man" and "baby" are left out: "oh man", "the baby" read otherwise too often.
VOCATIVE_NOUNS = frozenset({
    "mom", "mum", "mommy", "mummy", "mama", "mamma", "dad", "daddy", "papa", "pa", "ma", "grandma", "grandpa",
    "granny", "gran", "nana", "sir", "ma'am", "madam", "child", "love", "boss", "mate", "kid", "kiddo", "son",
    "darling", "sweetheart", "sweetie", "honey", "hon", "dear", "buddy", "pal", "dude", "bro", "sis", "guys",
    "everyone", "everybody", "folks", "friends", "lads", "ladies", "gentlemen", "boys", "girls", "nephew",
    "niece", "brother", "sister", "cousin", "captain", "doc", "lad", "lass", "princess", "idiot", "babe",
    "sweetpea", "pet", "chief", "officer", "detective", "professor", "doctor", "master", "señor", "sensei",
})
#: Forms of address that are names and take a capital in that use.
_NAME_NOUNS = {"mom": "Mom", "mum": "Mum", "mommy": "Mommy", "mummy": "Mummy", "dad": "Dad", "daddy": "Daddy",
               "mama": "Mama", "papa": "Papa", "grandma": "Grandma", "grandpa": "Grandpa", "granny": "Granny",
               "nana": "Nana"}
_PRONOUN_OBJECTS = frozenset({"you", "it", "me", "him", "them", "us", "that", "this"})
_INTERJECTIONS = frozenset({
    "hi", "hello", "hey", "bye", "goodbye", "farewell", "thanks", "yes", "yeah", "yep", "no", "nope", "okay", "ok",
    "please", "sorry", "really", "well", "cheers", "congratulations", "welcome", "alright", "sure", "night",
    "morning", "evening", "afternoon", "wow", "seriously", "honestly", "hiya", "howdy", "indeed", "true",
    "right", "fine", "exactly", "absolutely", "definitely", "course",
})
_ADVERBS = frozenset({"too", "yet", "already", "again", "anyway", "though", "now", "here", "there", "tonight",
                      "today", "tomorrow", "soon", "later", "either", "instead", "enough"})
#: Verbs that take no object after these particles: "come back", "look out", "calm down" (not "pick up", "wake
#: up", "get off": the name may be their object).
_PARTICLE_VERBS = {
    "come": {"back", "on", "in", "out", "up", "down", "over", "along", "around", "here"},
    "go": {"back", "on", "away", "out", "down", "up", "ahead", "home"}, "get": {"up", "out", "down", "back", "away"},
    "welcome": {"back", "home"}, "look": {"out", "up"}, "watch": {"out"}, "sit": {"down", "up", "back"},
    "calm": {"down"}, "shut": {"up"}, "hurry": {"up"}, "hold": {"on", "up"}, "hang": {"on"},
    "back": {"off", "up", "down"}, "move": {"over", "along"}, "cheer": {"up"},
    "stay": {"back", "down", "out"}, "slow": {"down"}, "settle": {"down"}, "wait": {"up"}, "keep": {"up", "back"},
    "grow": {"up"}, "speak": {"up"}, "lighten": {"up"}, "buckle": {"up"}, "turn": {"around", "back"},
    "step": {"back", "up", "aside"}, "run": {"along"}, "lie": {"down"}, "listen": {"up"}, "piss": {"off"},
    "bugger": {"off"}, "sod": {"off"}, "clear": {"off", "out"}, "carry": {"on"}, "head": {"out", "back", "home"},
    "fall": {"back"}, "stand": {"down", "up", "back"}, "rise": {"up"},
}
_PARTICLES = frozenset(particle for particles in _PARTICLE_VERBS.values() for particle in particles)
#: Forms of address that may follow "you" ("thank you sir"); "you guys", "you idiot" are one noun phrase.
_AFTER_YOU = frozenset({"sir", "ma'am", "madam", "mom", "mum", "mommy", "mummy", "dad", "daddy", "love", "darling",
                        "sweetheart", "honey", "dear", "son", "boss", "mate", "buddy", "pal", "dude", "bro",
                        "kiddo", "everyone", "everybody", "mama", "papa", "grandma", "grandpa"})
#: Forms of address that may follow a predicate adjective ("you're wrong mate"); "true love" is one noun phrase.
_AFTER_ADJECTIVE = frozenset({"child", "kid", "mate", "boss", "sir", "son", "dude", "buddy", "pal", "guys",
                              "everyone", "ma'am", "darling", "sweetheart", "kiddo", "lad", "lass", "bro",
                              "mom", "mum", "dad"})
#: Verbs that give a name rather than address someone: "call me Jo".
_NAMING = frozenset({"call", "calls", "called", "name", "names", "named", "christen", "christened"})
_NOT_PEOPLE = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "christmas",
    "easter", "halloween", "thanksgiving", "hanukkah", "diwali", "eid", "i", "god's",
})
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "doctor", "professor", "captain", "sir", "lord", "lady",
                     "master", "uncle", "aunt", "auntie", "agent", "detective", "officer", "general", "prince",
                     "princess", "king", "queen", "father", "mother", "sister", "brother", "madam", "dame"})
_CLOSERS = ".,!?—–…\"”’'"
_CLOSER = re.compile(f"[{re.escape(_CLOSERS)}]")


def _addressee(para: Paragraph, index: int) -> int | None:
    """End index (inclusive) of a name or form of address starting at ``index`` and closing the phrase."""
    word = para.words[index]
    if (word.norm in VOCATIVE_NOUNS and not word.is_capitalised) or word.norm in _NAME_NOUNS:
        end = index
    elif word.is_capitalised and not word.text.isupper() and word.norm not in lx.FUNCTION_WORDS \
            and word.norm not in _NOT_PEOPLE:
        end = index
        while para.next_joined(end) and para.words[end + 1].is_capitalised and end - index < 2:
            end += 1
        if end == index and word.norm in _TITLES - VOCATIVE_NOUNS:
            return None  # "Mr" alone
    else:
        return None
    gap = para.gap_after(end)
    if end + 1 < len(para.words) and not (gap[:1] in tuple(_CLOSERS) and gap.strip()):
        return None
    if end + 1 >= len(para.words) and gap.strip() == "" and gap != "":
        return None
    return end


def _address_slot(para: Paragraph, index: int, addressee: Word, noun: bool) -> bool:
    """Whether word ``index`` (the one before the addressee) cannot take it as object or complement."""
    before = para.words[index]
    norm = before.norm
    prior = para.norm(index - 1) if para.joined(index) else ""
    if (before.is_capitalised and not para.sentence_start(index)) or prior in _NAMING:
        return False
    if norm in _PRONOUN_OBJECTS:
        if norm in {"that", "this"}:
            return prior in {"do", "stop", "try", "see", "hear", "take"}
        if prior in lx.BE_FORMS or prior in {"aren't", "weren't", "isn't", "wasn't"}:
            return False  # "are you Harry?", "was it Sam?": asking who, not addressing
        return not noun or norm != "you" or addressee.norm in _AFTER_YOU
    if norm in _INTERJECTIONS and not (noun and lx.is_adjective(norm) and not para.sentence_start(index)):
        if norm in {"right", "fine", "well", "night", "morning", "evening", "afternoon", "course"}:
            return _greeting(para, index)
        return not (noun and norm == "no" and not para.sentence_start(index))  # "there's no love"
    if norm in _ADVERBS:
        return not (noun and norm == "enough")  # "not enough love"
    if norm in _PARTICLES:
        return norm in _PARTICLE_VERBS.get(prior, ())
    if noun and addressee.norm in _AFTER_ADJECTIVE and lx.is_adjective(norm) and para.joined(index):
        return prior in lx.BE_FORMS or prior in {"what's", "that's", "you're", "i'm", "we're"}
    return False


def _greeting(para: Paragraph, index: int) -> bool:
    """"Good morning", "all right", "of course" and a lone "right"/"fine"/"well" opening the phrase."""
    norm = para.norm(index)
    prior = para.norm(index - 1) if para.joined(index) else ""
    if norm in {"night", "morning", "evening", "afternoon"}:
        return prior in {"good", "g'night"}
    if norm == "course":
        return prior == "of"
    return prior in {"all", "that's", "alright", "i'm", "it's", "you're", "we're", "am", "is", "are"} \
        or para.sentence_start(index) or not para.joined(index)


def _closing_positions(text: str, spans: list[Quote]) -> list[int]:
    """Where a closing mark or the paragraph's end follows a quotation's text: the addressee ends at one of them.

    Only inside quotations: the name or the form of address starts in one, and what joins its words (spaces)
    cannot close it.
    """
    found: set[int] = set()
    for quote in spans:
        stop = quote.close + 1 if quote.closed else len(text)
        found.update(mark.start() for mark in _CLOSER.finditer(text, quote.open + 1, stop))
        if not quote.closed:
            found.add(len(text))
    return sorted(found)


@rule(_RULE, Category.GRAMMAR, "comma before a name addressed")
def vocative_comma(para: Paragraph, env: Env) -> Iterator[Match]:
    text = para.text
    spans = quotes(text)
    if not spans:
        return
    words = para.words
    for word in words_ending_at(para, _closing_positions(text, spans)):
        index = last = word.index
        noun = (word.norm in VOCATIVE_NOUNS and not word.is_capitalised) or word.norm in _NAME_NOUNS
        if not noun:
            if not word.is_capitalised:
                continue
            while index - 1 > 0 and last - index < 2 and words[index - 1].is_capitalised and para.joined(index - 1) \
                    and not para.sentence_start(index - 1):
                index -= 1  # "Miss Price", "Jack Harkness"
            word = words[index]
        if index == 0 or para.gap_before(index) != " ":
            continue
        end = _addressee(para, index)
        if end != last or not _address_slot(para, index - 1, word, noun):
            continue
        if not inside_quote(spans, word.start, len(text)):
            continue
        before = para.words[index - 1]
        name = _NAME_NOUNS.get(word.norm, word.text) if noun else word.text
        message = f"Set off the person addressed with a comma: “{before.text}, {name}”."
        if name == word.text:  # the comma goes on the word before; the flag stays clear of what follows the name
            yield para.match(before.start, before.end, _RULE, Category.GRAMMAR, message, before.text + ",")
        else:
            yield para.match(before.start, word.end, _RULE, Category.GRAMMAR, message, f"{before.text}, {name}")


EXAMPLES = Examples(
    wrong=(
        '"Welcome [back Doctor->back, Doctor]," the nurse said.',
        '"Look [out Harry->out, Harry]!"',
        '"Thank [you Sam->you, Sam]."',
        '"[Hi mom->Hi, Mom]!" she called from the hall.',
        '"What is [wrong child->wrong, child]?" the old woman asked.',
        '"I\'m almost [there mom->there, Mom]."',
        '"Merry Christmas to you [too Miss->too, Miss] Price."',
        '"[Please nephew->Please, nephew], be careful!"',
        '"[Yes Amy->Yes, Amy], I\'m here."',
        '"I\'m not finished with you [yet Kirra->yet, Kirra]!"',
        '"[Face it Tam->Face it, Tam], you\'re stuck with me."',
        '"[Sorry sir->Sorry, sir]," he mumbled.',
        '"Good [morning Professor->morning, Professor] Hale."',
        '"Calm [down mate->down, mate]."',
        '"[Thank you sir->Thank you, sir]."',
        '"Come [on Tam->on, Tam]!"',
        '"I\'m [fine Mum->fine, Mum]."',
    ),
    clean=(
        '"I saw Harry."',
        '"Meet me in Leeds!"',
        '"This is my friend Sam."',
        '"We have to pick up Harry."',
        '"Thank you, Sam."',
        '"Thank you Sam for coming" is what he should have said.',
        'She thanked you Sam, I think.',
        '"See you Monday!"',
        '"Merry Christmas!"',
        '"He is a good kid."',
        '"I\'m in love."',
        '"Tell Harry."',
        '"Where is Mum?"',
        '"Oh man, not again."',
        '"Are you Harry?"',
        '"Call me Jo."',
        '"There\'s no love."',
        '"It\'s true love."',
        '"I love you guys."',
        '"Shut up, you idiot."',
        '"Not enough love."',
        '"Wake up Harry and tell him."',
        '"It was the captain."',
        '"I asked my dad."',
        '"Bring back Jo!"',
        '"I love you, Mom."',
        '"Is that Sam?"',
        '"Do you know Anna?"',
        '"Come with me, Sam."',
    ),
)
