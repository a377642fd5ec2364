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
and "his brothers shoulder the blame" stay clean: the word after is a verb). This rule runs before spelling,
so its suggestion wins over a spelling one on the same word.
"""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
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


def _fix(para: Paragraph, word: Word, fix: str, message: str, end: int | None = None) -> Match:
    styled = para.styled(fix, word.text)
    if fix[:1].islower():
        styled = para.cased(styled, word.text)
    return para.match(word.start, word.end if end is None else end, _RULE, Category.GRAMMAR, message, styled)


@rule(_RULE, Category.GRAMMAR, "missing apostrophe")
def missing_apostrophe(para: Paragraph, env: Env) -> Iterator[Match]:
    vocabulary = para.vocabulary
    contracted = not vocabulary.isdisjoint(CONTRACTIONS)
    special = not vocabulary.isdisjoint({"lets", "wont", "ill", "id"})
    seasons = not vocabulary.isdisjoint(_SEASONS) or not vocabulary.isdisjoint(_KIN) \
        or not vocabulary.isdisjoint({"valentines", "years", "authors"})
    if not (contracted or special or seasons):
        return
    for word in para.words:
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
        elif norm in _KIN and para.joined(word.index) and para.norm(word.index - 1) in lx.POSSESSIVE_DETERMINERS \
                and following and _possessed(para, word.index + 1):
            yield _fix(para, word, _KIN[norm], "A possessive needs its apostrophe.")


def _possessed(para: Paragraph, index: int) -> bool:
    """Whether word ``index`` is a noun owned by the word before, not a verb whose subject it is."""
    norm = para.norm(index)
    found = lx.tags(norm)
    if para.words[index].is_capitalised or norm in lx.FUNCTION_WORDS or not found & {"NN", "NNS"} \
            or found & {"VBD", "VBN", "VBG", "RB"}:
        return False
    if not found & {"VB", "VBP", "VBZ"}:
        return True
    gap = para.gap_after(index)
    return index + 1 >= len(para.words) or any(mark in gap for mark in ".,!?;") or (
        para.norm(index + 1) in {"of", "in", "on", "with", "and", "was", "is", "had", "has"})


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
    ),
)
