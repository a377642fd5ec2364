"""A name's possessive written like a plural's ("Jacks’ cheek" for "Jack’s cheek") or with no apostrophe.

Without an apostrophe ("Lokis helmet", "Mulders desk") the name (the word without its s) must be a canon name, a
name of the lexicon whose -s form is no word (or far rarer, or a name in -a/-y: "Marthas", "Harrys"), a word
written on its own elsewhere in the paragraph, or an invented name no word explains where a noun phrase starts
("onto Velkars face"); the next word is a common noun the tagger reads as one (or a verb when a finite verb
follows: "Thors hammer fell"). A noun that is also a verb in -s ("eyes") needs a verb after it or a preposition
before the name, since "Evans eyes the door" is a sentence.

"the Joneses’ house", "the Smiths’ car" (families), "James’s book" and "Rhys’ car" stay clean: the name
without its final s must be a canon name, or a proper name of the lexicon while the word itself is not, or is
far rarer than the name ("Peters’", "Rons’" but not "Williams’", "Marks’").
"""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.grammar import OBJECT_PREPOSITIONS
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import APOSTROPHES, Paragraph, Word, normalise

#: How much more common (in Zipf units, tenfold per unit) the name must be than its "-s" form ("Peters").
_SINGULAR_MARGIN = 1.0
#: Without an apostrophe the evidence is weaker ("Peters dog" may be Mr Peters'): the name must be commoner still.
_BARE_MARGIN = 1.5
#: Words after which a noun phrase starts, so "Xs noun" there is the owner and the owned ("with Kiras help").
_NAME_SLOT = frozenset({"of", "in", "on", "at", "with", "from", "into", "onto", "by", "about", "under", "over",
                        "through", "across", "against", "behind", "beneath", "beside", "towards", "toward",
                        "and", "to", "for", "saw", "felt", "heard", "took", "grabbed", "kissed", "touched",
                        "held", "met", "ignored", "watched", "followed", "caught", "brushed", "squeezed"})
_PLURAL_BEFORE = frozenset({"the", "these", "those", "both", "all", "two", "three", "four", "many", "several"})
_NOT_BEFORE_NAME = _PLURAL_BEFORE | lx.DETERMINERS


@rule("name-possessive", Category.GRAMMAR, "name possessive")
def name_possessive(para: Paragraph, env: Env) -> Iterator[Match]:
    # Both cases start from a capitalised word in s: "Lokis", "Jacks’".
    for word in [word for word in para.words if word.text[-1] == "s" and word.text[0].isupper()]:
        text = word.text
        mark = para.char_after(word.index)
        if mark not in APOSTROPHES:
            name = _missing_apostrophe(para, word, env)
            if name is not None:
                fixed = para.styled(f"{name}'s")
                yield para.match(word.start, word.end, "name-possessive", Category.GRAMMAR,
                                 f"A name's possessive takes an apostrophe: “{fixed}”.", fixed)
            continue
        if not mark or text.isupper() or text.endswith("ss") or "'" in word.norm or len(text) < 3:
            continue
        if para.norm(word.index - 1) in _PLURAL_BEFORE:
            continue
        following = para.text[word.end + 1:word.end + 2]
        if not following.isspace() or not para.words[-1].index > word.index:
            continue
        before = para.word(word.index - 1) if para.joined(word.index) else None
        surname = before is not None and before.is_capitalised and before.norm not in lx.FUNCTION_WORDS
        name = _name_for(text, env, surname)
        if name is not None and not para.closes_quote(word.end):  # last: it reads the whole paragraph
            yield para.match(word.start, word.end + 1, "name-possessive", Category.GRAMMAR,
                             f"A name's possessive is written “{name}{mark}s”; “{text}{mark}” is for plurals.",
                             f"{name}{mark}s")


def _name_for(text: str, env: Env, surname: bool) -> str | None:
    """The name ``text`` is a misspelt possessive of, or None. ``surname``: a name or title stands before it."""
    base = text[:-1]
    lowered = text.lower()
    if lowered in env.canon or lowered in env.accepted:
        return None  # the name itself ends in s ("Rhys", a canon "Jacks")
    canon = env.canon.get(base.lower())
    if canon is not None:
        return canon
    words = env.lexicon.words
    if base not in words or len(base) < 3:
        return None
    if text not in words:
        return base
    # "Peters", "Rons" are in the lexicon too (surnames, plurals): the name wins when it is far more common and
    # no first name or title ("Jean Peters'", "Mr Peters'") makes the word a surname.
    frequency = env.frequency
    if not surname and frequency.zipf(base.lower()) - frequency.zipf(lowered) >= _SINGULAR_MARGIN:
        return base
    return None


def _missing_apostrophe(para: Paragraph, word: Word, env: Env) -> str | None:
    """The name when ``word`` is "Lokis" in "Lokis helmet"."""
    text = word.text
    if text.isupper() or text.endswith(("ss", "us")) or "'" in word.norm or len(text) < 4:
        return None
    index = word.index
    if not para.next_joined(index) or para.norm(index - 1) in _NOT_BEFORE_NAME:
        return None
    noun = para.words[index + 1]
    if noun.is_capitalised or noun.norm in lx.FUNCTION_WORDS or not lx.is_noun(noun.norm):
        return None
    found = lx.tags(noun.norm)
    if found & {"VBD", "RB"}:
        return None
    # The name before the tests that read the tagger's tags: tagging the paragraph costs more than the rest.
    name = _bare_name(para, word, env)
    if name is None:
        return None
    after_preposition = para.joined(index) and para.norm(index - 1) in OBJECT_PREPOSITIONS
    if "VBZ" in found and not after_preposition and not _verb_follows(para, index + 1):
        # "Evans plans to go": a noun that is also a present-tense verb counts only when a verb follows it
        # ("Deans attempts were") or a preposition comes first ("into Harrys eyes"): no subject stands there
        return None
    if found & {"VB", "VBP"} and para.sentence_start(index) and not _verb_follows(para, index + 1):
        return None  # "Chihuahuas drive me crazy": opening the sentence, the word may be its plural subject
    # "Thors hammer fell": the tagger may read the noun as a verb, but a finite verb after it settles it
    noun_tag = para.tag(index + 1) in {"NN", "NNS"} or (para.tag(index + 1) in {"VB", "VBP"}
                                                        and _verb_follows(para, index + 1))
    return name if noun_tag else None


def _verb_follows(para: Paragraph, index: int) -> bool:
    """Whether a finite verb follows word ``index`` (a past tense the tagger reads as a participle counts)."""
    if not para.next_joined(index) or para.norm(index + 1) in lx.NON_AUXILIARY_FUNCTION_WORDS:
        return False
    tag = para.tag(index + 1)
    return tag in {"VBD", "VBZ", "VBP", "MD"} or (tag == "VBN" and "VBD" in lx.tags(para.norm(index + 1)))


def _bare_name(para: Paragraph, word: Word, env: Env) -> str | None:
    text, index = word.text, word.index
    base = text[:-1]
    if word.norm in env.canon or word.norm in env.accepted:
        return None
    canon = env.canon.get(base.lower())
    if canon is not None:
        return canon
    if para.joined(index) and para.words[index - 1].is_capitalised:
        return None  # "Jean Peters", "Mr Roberts": a surname that ends in s
    named = normalise(base) in para.vocabulary and any(other.text == base for other in para.words)
    if base in env.lexicon.words:
        if text not in env.lexicon.words:
            return base
        frequency = env.frequency
        if frequency.zipf(base.lower()) - frequency.zipf(word.norm) >= _BARE_MARGIN:
            return base
        if base[-1] in "ay" and not lx.tags(word.norm):
            return base  # "Marthas", "Harrys": a name in -a or -y makes no surname in -s, as "Evans", "Peters" are
        # "Marthas", "Evans" are both words: the paragraph naming "Martha" on her own tells which is meant
        return base if named and not any(other.text == text for other in para.words if other is not word) else None
    if env.lexicon.knows(text):
        return None
    if named:
        return base
    if not env.lexicon.knows(base) and len(base) >= 4 and base[-1] not in "ioyu" and base[-1] != base[-2] and (
            (not para.sentence_start(index) and para.norm(index - 1) in _NAME_SLOT)
            or _verb_follows(para, index + 1)):
        # "on Oakhearts face", "Aragorns sword gleamed": an invented name no word explains, where a noun phrase
        # starts or before a noun and its verb; not "Thanos", "Aramis", "Varys", "Hopps", whose s is the name's own
        return base
    return None


EXAMPLES = Examples(
    wrong=(
        "She pulled on [Lokis->Loki's] helmet and grinned.",
        "A smile crept onto [Velkars->Velkar's] face.",
        "[Harrys->Harry's] wand snapped, and he looked into [Tonys->Tony's] eyes.",
        "[Aragorns->Aragorn's] sword gleamed.",
        "[Thors->Thor's] hammer fell.",
        "She listened to Bram and [Isolfs->Isolf's] argument.",
        "Martha sighed. [Marthas->Martha's] eyes filled with tears.",
        "Jason knew [Jasons->Jason's] plan would fail.",
        "No matter how hard [Deans->Dean's] attempts were, the door stayed shut.",
        "Ianto kissed [Jacks’->Jack’s] cheek.",
    ),
    clean=(
        "Evans plans to leave tonight.",
        "Evans looks tired.",
        "Jenkins looks up from the desk.",
        "Hogwarts students crowded the platform.",
        "The Malfoys keep peacocks.",
        "The Vulcans worship logic.",
        "They sailed toward Perthos harbour.",
        "Thanos’ army marched, and Varys’ spies were everywhere.",
        "Hopps smiled, and Emrys answered.",
        "Rogers stood up.",
        "Chihuahuas drive me crazy.",
        "We drove past Roberts yesterday.",
        "Collins smiled at his brother.",
        "He waved at Williams across the hall.",
        "The Joneses’ house is empty, and the Smiths’ car is gone.",
        "Rhys’ car was parked outside James’s flat.",
    ),
)
