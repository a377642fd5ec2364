"""Capitals: a sentence that starts in lower case, a lone "i", canon names typed in lower case, "dad" as a name.

- After ``.``, ``?`` or ``!`` and a space a sentence starts: "It rained. the windows ..." -> "The". Not after an
  abbreviation ("Mr.", "e.g.", "etc.", initials), an ellipsis ("and then... we ran"), a mark inside a
  quotation that its tag continues (``"Why?" she asked``: the quote mark stands between), or a word written
  in lower case on purpose ("iPhone", "eBay").
- "i", "i'm", "i'd", "i'll", "i've" -> "I", "I'm" ...; not "i.e." or a numbered "(i)".
- A canon name written in lower case, when the lower-case word is no English word ("ianto" -> "Ianto"; but
  "jack" of a canon "Jack" stays: it is also a word).
- "mom" / "dad" addressed in dialogue, set off by commas, is a name: "Man, dad, you ..." -> "Dad". Not in a
  list ("my mom, dad and sister").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.speech import ALL_SPEECH_VERBS, inside_quote, quotes
from ficdesk.checking.tokens import Paragraph, Word

_RULE = "capitalisation"
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "etc", "vs", "approx", "no", "vol", "ch", "pp", "cf", "al",
    "e.g", "i.e", "eg", "ie", "a.m", "p.m", "am", "pm", "capt", "sgt", "lt", "col", "gen", "fig", "ft", "min",
    "max", "est", "dept", "inc", "ltd", "co", "mt", "ave", "rd", "u.s", "u.k", "ca", "c", "viz", "op", "ed",
    "bros", "corp", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "sq", "tue",
    "tues", "thu", "thur", "thurs", "fri", "hr", "hrs", "mins", "yr", "yrs", "wk", "wks", "govt", "assn", "univ",
    "dist", "ext", "tel", "pg", "oz", "lb", "lbs", "kg", "km", "cm", "mm", "ml", "aka", "ph", "hon", "rev", "esq",
})
_TAG_SUBJECTS = frozenset({"he", "she", "they", "we", "you", "i"})
_THINKING = ALL_SPEECH_VERBS | {"thought", "thinks", "wondered", "wonders", "realised", "realized", "mused",
                                "knew", "decided", "hoped", "prayed"}
_I_FORMS = {"i": "I", "i'm": "I'm", "i'd": "I'd", "i'll": "I'll", "i've": "I've"}
_PARENT_NAMES = {"mom": "Mom", "mum": "Mum", "dad": "Dad", "mommy": "Mommy", "mummy": "Mummy", "daddy": "Daddy"}
_PARENT_SLOT = frozenset({"man", "hey", "yes", "no", "yeah", "thanks", "okay", "ok", "please", "sorry", "look",
                          "listen", "oh", "hi", "hello", "bye", "night", "morning", "well", "so", "but", "and", "see",
                          "god", "sheesh", "jeez", "geez", "ugh", "wow", "come"})


def _capital(word: Word, text: str | None = None) -> str:
    source = text if text is not None else word.text
    return source[:1].upper() + source[1:]


def _lowercase_start(para: Paragraph, word: Word) -> bool:
    """Whether ``word`` opens a sentence after ``. ? !`` yet starts in lower case."""
    text = word.text
    if not text[:1].islower() or not text[:1].isalpha() or any(ch.isupper() for ch in text[1:]):
        return False
    gap = para.gap_before(word.index)
    stripped = gap.rstrip(" ")
    if len(stripped) != 1 or stripped not in ".?!" or len(gap) - len(stripped) not in {1, 2} or word.index == 0:
        return False
    before = para.words[word.index - 1]
    if para.text[before.end:before.end + 1] != stripped:
        return False
    if stripped == "." and (before.norm in _ABBREVIATIONS or len(before.text) == 1 or before.text.isdigit()
                            or "." in para.text[max(0, before.start - 2):before.start]):
        return False  # "Mr.", "J. k.", "3.", "e.g."
    if stripped in "?!" and word.norm in _TAG_SUBJECTS and para.norm(word.index + 1) in _THINKING:
        return False  # an unquoted thought and its tag: "Why? she wondered."
    return not (stripped == "." and para.text[before.end - 1:before.end].isdigit())


#: A lower-case letter after ". ", "? " or "! ": where a sentence may start in lower case.
_LOWER_START = re.compile(r"[.?!] {1,2}(?=[a-z])")


@rule(_RULE, Category.GRAMMAR, "capital letters")
def capitalisation(para: Paragraph, env: Env) -> Iterator[Match]:
    text = para.text
    vocabulary = para.vocabulary
    starts = {found.end() for found in _LOWER_START.finditer(text)}
    canon = {norm for norm in vocabulary & env.accepted if norm in env.canon} if env.canon else set()
    i_forms = not vocabulary.isdisjoint(_I_FORMS)
    parents = not vocabulary.isdisjoint(_PARENT_NAMES)
    if not (starts or canon or i_forms or parents):
        return
    spans = None
    for word in para.words:
        norm = word.norm
        if word.start in starts and _lowercase_start(para, word) and norm not in _I_FORMS:
            yield para.match(word.start, word.end, _RULE, Category.GRAMMAR,
                             "A sentence starts with a capital letter.", _capital(word))
            continue
        if i_forms and norm in _I_FORMS and word.text[:1] == "i":
            if _roman_or_abbreviation(para, word):
                continue
            yield para.match(word.start, word.end, _RULE, Category.GRAMMAR, "Write the pronoun “I” as a capital.",
                             para.styled(_I_FORMS[norm], word.text))
        elif norm in canon and word.text.islower() and word.text not in env.lexicon.words \
                and norm not in env.config.personal_words:
            yield para.match(word.start, word.end, _RULE, Category.GRAMMAR,
                             f"“{env.canon[norm]}” is a name: write it with a capital.", env.canon[norm])
        elif parents and norm in _PARENT_NAMES and word.text.islower() and _parent_addressed(para, word):
            if spans is None:
                spans = quotes(text)
            if inside_quote(spans, word.start, len(text)):
                yield para.match(word.start, word.end, _RULE, Category.GRAMMAR,
                                 "Addressed as a name, it takes a capital.", _PARENT_NAMES[norm])


def _roman_or_abbreviation(para: Paragraph, word: Word) -> bool:
    """"i.e.", "(i)", "i)" and a list letter: not the pronoun."""
    after = para.text[word.end:word.end + 2]
    before = para.text[word.start - 1:word.start] if word.start else ""
    return (after[:1] == "." and after[1:2].isalpha()) or after[:1] == ")" or (before in "(["  and before != "")


def _parent_addressed(para: Paragraph, word: Word) -> bool:
    """"Man, dad, you ...", "I know, dad." and "dad, look": set off by commas, not a list item."""
    index = word.index
    gap_before = para.gap_before(index)
    gap_after = para.gap_after(index)
    if not gap_before.endswith(", ") or gap_after[:1] not in {",", ".", "!", "?"}:
        return False
    if gap_after[:1] == "," and para.norm(index + 1) in {"and", "or", "nor"}:
        return False  # "my mom, dad, and me"
    return para.norm(index - 1) in _PARENT_SLOT or (gap_after[:1] in {".", "!", "?"} and para.norm(
        index - 1) not in {"mom", "mum", "dad", "brother", "sister", "sisters", "brothers", "grandma", "grandpa"})


EXAMPLES = Examples(
    wrong=(
        'The moon was full and bright. [the->The] windows glittered.',
        'What do you think so far? [tell->Tell] me in the comments!',
        'It may take a while. [these->These] chapters are longer.',
        'Honestly, [i->I] can\'t stop laughing.',
        'Normally [i\'d->I\'d] say no.',
        '[i\'m->I\'m] fine, really.',
        'He said [i->I] could come.',
        'She waited for [ianto->Ianto] by the door.',
        '"Man, [dad->Dad], you promised!"',
        '"I know, [mum->Mum]."',
    ),
    clean=(
        'Mr. and Mrs. Reyes came, e.g. with the kids.',
        'It was, i.e. the best day.',
        'We waited... and then the door opened.',
        '"Why?" she asked.',
        '"Stop!" he yelled.',
        'Point (i) is the first.',
        'She bought an iPhone. eBay sold the rest.',
        'It cost 3.50 a pound.',
        'J. k. was the name on the card.',
        'My mom, dad, and sister came.',
        '"Ask your dad."',
        'The jack of hearts was missing.',
        'She met Ianto at noon.',
        'It was 5 p.m. when we left.',
        'They went to St. Ives.',
        'Why? she wondered.',
        'Run! he thought.',
    ),
    canon=("Ianto Jones", "Jack Harkness"),
)
