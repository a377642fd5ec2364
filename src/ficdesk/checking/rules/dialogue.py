"""Dialogue punctuation: how a quotation meets its speech tag.

- A period closing a quotation that a speech tag follows becomes a comma: ``"We're late." Jo said`` ->
  ``"We're late," Jo said`` (and ``"Go." He said`` -> ``"Go," he said``).
- A tag after ``?``, ``!`` or ``,"`` goes on the sentence, so it starts in lower case: ``"Why?" She asked`` ->
  ``she asked``; after ``,"`` a capitalised pronoun or possessive with an action instead of a speech verb
  (``"Fine," Her voice shook``) is a new sentence, so the comma becomes a period.
- A quotation with no punctuation before its tag gets a comma: ``"Come here" he said`` -> ``here,"``; a comma
  outside a double quotation goes inside: ``"Sam", Jo said`` -> ``"Sam," Jo said``.
- A quotation after a speech verb that starts a new sentence starts with a capital: ``she said, "the door``
  -> ``"The door``; after ``"Go," she said, "now"`` the lower case continues the sentence and stays.

A tag is a speaker and a speech verb (``Jo said``, ``the old man replied``, ``said Jo``, ``she whispered``); a
verb that only sometimes reports speech ("added", "called", "answered") counts only when no object of
another kind follows ("he added quietly", not "he added sugar"). Action beats (``"Hello." He smiled.``),
ellipses (``"I..." he said``), abbreviations (``"Ask Mr." ...``) and quotations that do not open a sentence
(``the "doctor" said``: a scare quote) are left alone. Single quotes are used only where a closing mark right
after punctuation makes them certain (see :func:`ficdesk.checking.speech.single_quotes`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from operator import attrgetter

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.grammar import is_finite_verb
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.speech import (
    ALL_SPEECH_VERBS,
    AMBIGUOUS_SPEECH_VERBS,
    SOUND_VERBS,
    SPEECH_VERBS,
    Quote,
    quotes,
)
from ficdesk.checking.tokens import Paragraph, Word

_RULE = "dialogue-punctuation"
_PRONOUNS = frozenset({"he", "she", "they", "we", "you", "i", "it"})
_SUBJECT_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "my", "your", "our", "its", "one",
                                  "this", "that", "another", "some", "every", "each"})
#: First words of a tag that a capital must not start mid-sentence (names and "I" keep theirs).
_LOWERABLE = (_PRONOUNS - {"i"}) | _SUBJECT_DETERMINERS
#: Pronouns after the verb of an inverted tag ("said he").
_INVERTED_SPEAKERS = _PRONOUNS - {"it", "you"}
#: The same, and the speech verb that opens an inverted tag ("Said Jo").
_LOWERABLE_FIRST = _LOWERABLE | SPEECH_VERBS
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "jr", "sr", "etc", "vs", "prof", "capt", "sgt", "lt"})
#: Words after a speech verb that keep it a tag: manner, direction, the hearer, a following clause.
_AFTER_TAG = frozenset({
    "to", "at", "into", "from", "under", "through", "against", "with", "as", "before", "after", "while", "without",
    "in", "across", "around", "between", "behind", "over", "toward", "towards", "when", "because", "since",
    "until", "though", "although", "and", "but", "then", "so", "again", "back", "out", "up", "down", "on", "off",
    "softly", "finally", "once", "too", "now", "aloud", "still", "anyway", "instead", "slowly", "carefully",
})
_AFTER_AMBIGUOUS = frozenset({"out", "up", "back", "over", "again", "as", "across", "from", "aloud", "finally",
                              "softly", "slowly", "while", "in"})
#: Verbs whose hearer may follow them in a tag: "she told him", "he asked her".
_HEARER_VERBS = frozenset(
    form for base in ("ask", "tell", "remind", "warn", "assure", "reassure", "promise", "beg", "urge", "answer",
                      "inform", "tease", "mock", "scold", "order", "call", "greet", "prompt", "console", "correct")
    for form in (base + "ed", base + "d", base + "s", base + "es", "told", "tells", "asked"))
_HEARERS = frozenset({"him", "her", "them", "me", "us", "you"})
_CLAUSE_PUNCTUATION = ",.!?;:—–…\"“”’)"


def _lower(word: Word) -> str:
    return word.text[:1].lower() + word.text[1:]


def _is_name(word: Word) -> bool:
    """A capitalised word that can be a speaker's name: not a pronoun, determiner, adverb or verb of speech."""
    if not word.is_capitalised or word.norm in lx.FUNCTION_WORDS or word.norm in ALL_SPEECH_VERBS:
        return False
    found = lx.tags(word.norm)
    return not (found and found <= {"RB", "RBR", "RBS", "IN"})


def _is_adverb(norm: str) -> bool:
    return norm.endswith("ly") and lx.is_adverb(norm)


def _verb_ends_tag(para: Paragraph, index: int) -> bool:
    """Whether what follows the speech verb at ``index`` keeps it a tag (nothing, manner, hearer, a clause)."""
    verb = para.norm(index)
    gap = para.gap_after(index)
    if index + 1 >= len(para.words) or any(mark in gap for mark in _CLAUSE_PUNCTUATION):
        return True
    after = para.norm(index + 1)
    if verb in {"thought", "thinks"}:
        return after == "to" and para.norm(index + 2) in lx.REFLEXIVES
    if verb in AMBIGUOUS_SPEECH_VERBS:
        return after in _AFTER_AMBIGUOUS or _is_adverb(after)
    if after in _HEARERS:
        return verb in _HEARER_VERBS
    return after in _AFTER_TAG or _is_adverb(after) or (after.endswith("ing") and "VBG" in lx.tags(after))


def speech_tag(para: Paragraph, index: int) -> int | None:
    """Index of the speech verb when the words from ``index`` form a speech tag, else None."""
    first = para.word(index)
    if first is None:
        return None
    if first.norm in SPEECH_VERBS and para.next_joined(index):
        speaker = para.words[index + 1]  # "said Jo", "asked the old man", "said he"
        if _is_name(speaker) or speaker.norm in _SUBJECT_DETERMINERS or speaker.norm in _INVERTED_SPEAKERS:
            return index
        return None
    if first.norm in _PRONOUNS:
        limit = index + 1
    elif first.norm in _SUBJECT_DETERMINERS or _is_name(first):
        limit = index + 6
    else:
        return None
    position = index + 1
    while para.joined(position) and position <= limit + 1:
        norm = para.norm(position)
        if norm in ALL_SPEECH_VERBS and para.norm(position - 1) != "to":
            return position if _verb_ends_tag(para, position) else None
        if _is_adverb(norm) and para.next_joined(position) and para.norm(position + 1) in ALL_SPEECH_VERBS:
            position += 1
            continue
        if position > limit or norm in {"and", "but", "or", "who", "that", "which", "if"} or (
                is_finite_verb(norm) and "NN" not in lx.tags(norm)):
            return None
        position += 1
    return None


def _opens_sentence(text: str, quote: Quote) -> bool:
    """Whether the quotation starts a sentence (so it is speech, not a quoted word inside narration)."""
    if quote.open < 0:
        return True
    position = quote.open - 1
    while position >= 0 and text[position].isspace():
        position -= 1
    return position < 0 or text[position] in ".!?:;,—–…\"“”’)"


@rule(_RULE, Category.GRAMMAR, "dialogue punctuation")
def dialogue_punctuation(para: Paragraph, env: Env) -> Iterator[Match]:
    text = para.text
    spans = quotes(text)
    if not spans:
        return
    starts = _Starts(para)
    for quote in spans:
        if quote.closed and _opens_sentence(text, quote):
            yield from _tag_after(para, quote, starts)
    yield from _quote_after_tag(para, spans, starts)


def _tag_after(para: Paragraph, quote: Quote, starts: _Starts) -> Iterator[Match]:
    text = para.text
    close = quote.close
    last = text[close - 1] if close else ""
    after = close + 1
    comma_outside = quote.double and text[after:after + 1] == "," and (last.isalnum())
    if comma_outside:
        after += 1
    if text[after:after + 1] != " ":
        return
    index = starts.get(after + 1)
    if index is None:
        return
    verb = speech_tag(para, index)
    if verb is not None and last in ".!?" and para.norm(verb) in SOUND_VERBS:
        verb = None  # "So it is." Jo sighed.
    first = para.words[index]
    lowered = first.is_capitalised and first.norm in _LOWERABLE_FIRST and verb is not None
    if verb is not None and para.next_joined(verb) and _participle(para.norm(verb + 1)):
        word = para.words[verb]
        yield para.match(word.start, word.end, _RULE, Category.GRAMMAR,
                         "Set the action after the speech tag off with a comma.", word.text + ",")
    if verb is None and last in ".!?" and first.norm in {"he", "she", "they", "we"} and not first.is_capitalised \
            and para.next_joined(index) and _action(para.norm(index + 1)):
        yield para.match(first.start, first.end, _RULE, Category.GRAMMAR,
                         "An action, not a speech tag, follows: it starts a new sentence.",
                         first.text[:1].upper() + first.text[1:])
    if last == ".":
        if text[close - 2:close - 1] in ".…" or _abbreviation(para, close - 1, starts):
            return
        if verb is not None:
            yield _fix(para, close - 1, first, ",", lowered, "A speech tag follows: end the quotation with a comma.")
    elif last in "!?":
        if lowered:
            yield para.match(first.start, first.end, _RULE, Category.GRAMMAR,
                             "The speech tag continues the sentence: write it in lower case.", _lower(first))
    elif last == ",":
        if comma_outside:
            return
        if verb is not None and para.norm(verb) in _ASKING and _asks(para, quote, starts):
            yield para.match(close - 1, close, _RULE, Category.GRAMMAR,
                             "The quotation is a question: end it with “?”.", "?")
        if lowered:
            yield para.match(first.start, first.end, _RULE, Category.GRAMMAR,
                             "The speech tag continues the sentence: write it in lower case.", _lower(first))
        elif verb is None and first.is_capitalised and _beat(para, index):
            yield para.match(close - 1, close, _RULE, Category.GRAMMAR,
                             "An action, not a speech tag, follows: end the quotation with a period.", ".")
    elif last.isalnum() and quote.double and verb is not None:
        last_word = _word_ending_at(para, close)
        if last_word is None:
            return
        # The flag covers the word the comma goes on, or only the marks when that word is a name (names are
        # never flagged by grammar rules).
        word = para.words[last_word]
        start = close if word.is_capitalised else word.start
        replacement = text[start:close] + "," + text[close]
        end = close + 2 if comma_outside else close + 1
        if lowered:
            replacement, end = replacement + text[end:first.start] + _lower(first), first.end
        message = ("Put the comma inside the quotation marks." if comma_outside
                   else "A speech tag follows: end the quotation with a comma.")
        yield para.match(start, end, _RULE, Category.GRAMMAR, message, replacement)


#: Verbs in the past that authors use as speech tags although they describe the face or body ("she smiled").
_TAG_LIKE_BEATS = frozenset({"smiled", "laughed", "grinned", "smirked", "chuckled", "giggled", "snickered",
                             "sniggered", "cackled", "beamed", "scowled", "frowned", "nodded", "shrugged", "winced",
                             "pouted", "sniffed", "sniffled", "hummed", "yawned", "coughed", "blurted", "deadpanned",
                             "echoed", "parroted", "shot", "fired", "spat", "snapped", "managed", "finished",
                             "began", "started", "tried", "offered", "added", "called", "cried", "continued",
                             "went", "sang", "corrected", "pressed", "whistled", "mouthed", "choked", "wheezed"})


def _action(norm: str) -> bool:
    """A past-tense verb of action that no author uses as a speech tag: "got", "walked", "turned"."""
    if norm in ALL_SPEECH_VERBS or norm in _TAG_LIKE_BEATS or norm in lx.AUXILIARIES or (not norm.endswith("ed") \
            and norm not in {"got", "took", "stood", "sat", "ran", "left", "held", "fell", "threw", "put", "made"}):
        return False
    found = lx.tags(norm)
    return "VBD" in found and not found & {"NN", "JJ"}


def _participle(norm: str) -> bool:
    """A verb in -ing that starts an action after a tag ("she said nudging him"), not a noun ("morning")."""
    if not norm.endswith("ing") or norm in lx.FUNCTION_WORDS:
        return False
    found = lx.tags(norm)
    return "VBG" in found and not found & {"NN", "NNS", "JJ"}


def _fix(para: Paragraph, position: int, first: Word, mark: str, lowered: bool, message: str) -> Match:
    if lowered:
        replacement = mark + para.text[position + 1:first.start] + _lower(first)
        return para.match(position, first.end, _RULE, Category.GRAMMAR, message, replacement)
    return para.match(position, position + 1, _RULE, Category.GRAMMAR, message, mark)


class _Starts:
    """Index of the word starting at a position, found by bisection (no table built per paragraph)."""

    def __init__(self, para: Paragraph) -> None:
        self.words = para.words

    def get(self, position: int) -> int | None:
        index = bisect.bisect_left(self.words, position, key=attrgetter("start"))
        return index if index < len(self.words) and self.words[index].start == position else None


def _word_ending_at(para: Paragraph, end: int) -> int | None:
    index = bisect.bisect_left(para.words, end, key=attrgetter("end"))
    return index if index < len(para.words) and para.words[index].end == end else None


def _abbreviation(para: Paragraph, period: int, starts: _Starts) -> bool:
    index = _word_ending_at(para, period)
    return index is not None and (para.norm(index) in _ABBREVIATIONS or len(para.norm(index)) == 1)


def _beat(para: Paragraph, index: int) -> bool:
    """Whether a capitalised pronoun or possessive at ``index`` starts an action: "He smiled", "Her voice shook"."""
    first = para.words[index]
    if first.norm in lx.POSSESSIVE_DETERMINERS - {"her"}:
        return para.next_joined(index) and lx.is_noun(para.norm(index + 1))
    if first.norm == "her":
        return para.next_joined(index) and lx.is_noun(para.norm(index + 1)) and not lx.tags(para.norm(index + 1)) & {
            "VBD", "VBZ"}
    if first.norm in {"he", "she", "they", "we"} and para.next_joined(index):
        return "VBD" in lx.tags(para.norm(index + 1)) and para.norm(index + 1) not in ALL_SPEECH_VERBS
    return False


def _quote_after_tag(para: Paragraph, spans: list[Quote], starts: _Starts) -> Iterator[Match]:
    """``he said, "the door`` -> ``"The door``: a quotation after a speech verb starts a sentence."""
    text = para.text
    previous: Quote | None = None
    for quote in spans:
        prior, previous = previous, quote
        index = starts.get(quote.open + 1)
        if index is None or quote.open < 2:
            continue
        if text[quote.open - 1] == " ":
            yield from _comma_before_quote(para, quote, index)
        word = para.words[index]
        if not word.text[:1].islower() or word.norm == "i" or (not word.text.isalpha() and "'" not in word.norm):
            continue
        separator = text[quote.open - 2:quote.open]
        if separator not in {", ", ". ", ": "}:
            continue
        verb = _word_ending_at(para, quote.open - 2)
        if verb is None or not _tag_verb(para, verb):
            continue
        if separator == ", " and prior is not None and prior.closed and _continues(para, prior, verb):
            continue  # "Go," she said, "now."
        if separator == ". " and prior is not None and prior.closed and text[prior.close - 1:prior.close] == ",":
            continue  # "If you want," he said. "it's late": either mark may be the slip; leave it to the author
        yield para.match(word.start, word.end, _RULE, Category.GRAMMAR,
                         "The quotation starts a sentence: begin it with a capital.",
                         word.text[:1].upper() + word.text[1:])


_ASKING = frozenset({"asked", "asks", "inquired", "inquires", "enquired", "enquires", "wondered", "wonders",
                     "queried", "queries"})
_QUESTION_OPENERS = frozenset({
    "why", "what", "where", "when", "who", "how", "which", "do", "does", "did", "don't", "doesn't", "didn't", "can",
    "can't", "could", "couldn't", "will", "won't", "would", "wouldn't", "should", "shouldn't", "is", "isn't",
    "are", "aren't", "was", "wasn't", "were", "weren't", "have", "haven't", "has", "hasn't", "am"})


def _asks(para: Paragraph, quote: Quote, starts: _Starts) -> bool:
    """Whether the quotation is one direct question: it opens with a question word or an auxiliary, no stop inside."""
    index = starts.get(quote.open + 1)
    if index is None or para.norm(index) not in _QUESTION_OPENERS:
        return False
    inner = para.text[quote.open + 1:quote.close - 1]
    return not any(mark in inner for mark in ".!?,;—–")


def _comma_before_quote(para: Paragraph, quote: Quote, index: int) -> Iterator[Match]:
    """``she said "Come here."`` -> ``said, "Come``: a speech verb introducing a whole utterance takes a comma."""
    verb = _word_ending_at(para, quote.open - 1)
    if verb is None or para.norm(verb) not in SPEECH_VERBS or not para.joined(verb):
        return
    before = para.norm(verb - 1)
    if before not in _PRONOUNS and not para.words[verb - 1].is_capitalised and not lx.is_noun(before):
        return
    inner = para.text[quote.open + 1:quote.close] if quote.closed else para.text[quote.open + 1:]
    words = inner.split()
    if len(words) < 2 or (quote.closed and inner[-1:] not in ".!?,…—"):
        return  # "she said "no" to him": a word quoted, not speech
    word = para.words[verb]
    yield para.match(word.start, word.end, _RULE, Category.GRAMMAR,
                     "A speech verb introducing a quotation takes a comma.", word.text + ",")


def _tag_verb(para: Paragraph, index: int) -> bool:
    """Whether word ``index`` is a speech verb ending a tag ("she said", "Jo whispered softly")."""
    norm = para.norm(index)
    if _is_adverb(norm) and para.joined(index):
        index -= 1
        norm = para.norm(index)
    return norm in SPEECH_VERBS and para.joined(index)


def _continues(para: Paragraph, prior: Quote, verb: int) -> bool:
    """Whether the quotation ``prior`` ends without a full stop and only its tag stands before ``verb``."""
    text = para.text
    last = text[prior.close - 1:prior.close]
    between = text[prior.close + 1:para.words[verb].start]
    return last not in ".!?" and not any(mark in between for mark in ".!?")


EXAMPLES = Examples(
    wrong=(
        '"We\'re nearly there[.->,]" Jo supplied.',
        '"You could have knocked first[.->,]" Marcus added.',
        '"The tea\'s gone cold[.->,]" said Priya.',
        '“Come in, Miss[.” Said->,” said] the old porter.',
        '"Don\'t bother. Just bring me [him." The->him," the] captain orders.',
        '"Hold on[." He->," he] whispered.',
        '"Get good rest. I expect better [tomorrow.” Their->tomorrow,” their] coach stated, smiling.',
        '"It was a long time ago[." One->," one] of the guards said.',
        '"Look at that!" [He->he] yelled.',
        '"Are you coming?" [She->she] asked, pulling on her boots.',
        '"Where were you?" [My->my] brother asked.',
        '"Your Highness," [A->a] servant says, bowing low.',
        '"Honestly, I\'m fine[,->.]" Her smile did not reach her eyes.',
        '"I wish you could stay with me["->,"] I sighed.',
        '"Robin[",->,"] Tam said, nudging her.',
        '"Fine, [fine", she->fine," she] muttered.',
        'He turns to his sister and says, “[the->The] key is under the mat.”',
        'She looked up and said, "[it\'s->It\'s] late."',
        '‘We should go[.’ He->,’ he] murmured.',
        '"Nobody move!" [They->they] shouted at once.',
        '"Quiet[." Ellis->," Ellis] snapped.',
        '"Move over[." Jo->," Jo] [said->said,] shoving him aside.',
        '"I mean it!" [he->He] got up and left.',
        '"Are you okay[,->?]" she asked.',
        'Then she [said->said,] "Come here, now."',
        'He [whispered->whispered,] "I know."',
    ),
    clean=(
        '"Hello." He smiled.',
        '"Hello," he said. "Come in."',
        '"Go," she said. "Now."',
        '"Go," she said, "and don\'t come back."',
        '"I..." he said, and stopped.',
        '"Really?" Harry asked.',
        '"Fine." He said nothing more.',
        '"Fine." He added sugar to his tea.',
        '"Right." Dean called Sam over to the car.',
        '"Well." She started the engine.',
        'The "doctor" said he would be fine.',
        'The sign on the door read "Closed." Jo sighed.',
        '"We need milk." Tam answered the phone on the second ring.',
        '"You\'re late." Jo\'s voice was flat.',
        '"It\'s done." She nodded once.',
        '"Sorry." I shrugged.',
        '"So it is." Jo sighed.',
        '"Why?" He groaned and rolled over.',
        '"Wait!" Nina grabbed his arm.',
        '"Wait!" he said, "I\'m coming too."',
        'He said, "Come here."',
        '‘Come on,’ she said. ‘We’re late.’',
        "'I know,' he said, 'but it isn't fair.'",
        '"Ask Mr. Reyes." He shrugged.',
        '"The boys\' room is upstairs," she said.',
        '"Yes," Tam said. "It is."',
        '"Thanks." He thought about it for a moment.',
        '"Okay," he said, smiling. "Let\'s go."',
        '"Stop!" she laughed.',
        '"Fine." he managed.',
        '"Good morning," she said brightly.',
        'She said "no" to him twice.',
        '"Are you coming?" she asked.',
        '"If you want, we can go," she asked.',
        'The word he whispered "softly" was a lie.',
    ),
)
