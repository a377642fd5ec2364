"""Entities, aliases and facts from a wiki-style article.

The builder reads the document once and works in five steps:

1. sentences and tokens (``segment``), with document-wide capitalisation statistics: a word that is
   capitalised only at the start of sentences is an ordinary word, one capitalised mid-sentence is
   a name;
2. titles: Title Case text in quotes or italics is a work or an episode;
3. names: runs of capitalised words joined by connectors ("of", "the", "de") and initials, trimmed
   of sentence starters and function words, then judged by how the document uses them;
4. aliases: honorifics are peeled off ("Captain Jack Harkness" -> "Jack Harkness"), a first name or a
   surname alone joins the full name it belongs to, a run of two names glued by scraping
   ("Jack Bauer Kiefer Sutherland") is cut in two;
5. types from cue words around the mentions ("played by", "episode", "city", "Institute"), facts
   (the sentences that mention an entity) and a score (mentions and facts) that orders the result.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ficdesk.canon.document import PlainDocument, plain_text
from ficdesk.canon.lexicon import (
    CONNECTORS,
    CONTEXT_CUES,
    HONORIFICS,
    NAME_PARTICLES,
    NUMBER_WORDS,
    ORG_HEADS,
    PAREN_CUES,
    PERSON_ROLES,
    PLACE_HEADS,
    PRECEDING_CUES,
    PRECEDING_PAIRS,
    TITLE_SMALL_WORDS,
    WORK_HEADS,
    is_common_word,
    is_function_word,
    open_classes,
    word_set,
)
from ficdesk.canon.model import Entity, EntityType, Fact
from ficdesk.canon.segment import Token, split_sentences, tokenize

#: Titles longer than this many words are sentences in quotes, not titles.
MAX_TITLE_WORDS = 9
MAX_NAME_WORDS = 6
#: Words before a single capitalised common word that make it a place ("in Wales").
_PLACE_PREPOSITIONS = word_set("in at on from into near via across outside inside around")
_SECTION_WORDS = word_set("series season episode part chapter volume book act scene issue")
_QUOTES_OPEN = "\"“"
_QUOTES_CLOSE = "\"”"
_CUE_WINDOW = 8
_MIN_FACT_WORDS = 4
_SAINTS = frozenset({"st", "saint", "ste"})
#: Words after a possessive name that make the name a creator: "Joss Whedon's Buffy the Vampire Slayer".
_CREATION_WORDS = word_set("novels books films stories plays comics creation universe")


@dataclass(slots=True)
class Mention:
    """One occurrence of a name in the text."""

    words: tuple[str, ...]
    start: int
    end: int
    sentence: int
    first: int  # index of the first token
    last: int  # index of the last token
    title: bool = False  # a quoted or italic title
    initial: bool = False  # starts its sentence
    after_the: bool = False  # preceded by a lowercase "the"
    weak: bool = False  # left over after trimming a sentence starter
    possessive: bool = False  # "Ianto's"
    #: The name as written (titles keep their punctuation: "Guards! Guards!").
    surface: str = ""
    #: Core of another name this one is known to share an entity with (a nickname).
    same_as: tuple[str, ...] | None = None

    @property
    def form(self) -> str:
        return self.surface or " ".join(self.words)


@dataclass
class _Group:
    forms: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class _Doc:
    text: str
    sentences: list[tuple[int, int]]
    tokens: list[Token]
    #: Per word form: capitalised mid-sentence, capitalised sentence-initially, lowercase.
    cap_mid: Counter[str]
    cap_start: Counter[str]
    lower: Counter[str]
    #: Token index by start offset.
    index: dict[int, int] = field(default_factory=dict)
    #: How often each capitalised word follows "the" mid-sentence ("the Watch").
    after_the: Counter[str] = field(default_factory=Counter)


def build_canon(text: str, fmt: str = "text") -> list[Entity]:
    """Entities of the document ``text`` (format ``text``, ``markdown`` or ``html``), most important first.

    Fact offsets index :func:`ficdesk.canon.document.plain_text` of the source, which for plain text
    and Markdown is the source itself.
    """
    return extract_entities(plain_text(text, fmt))


def extract_entities(document: PlainDocument) -> list[Entity]:
    doc = _analyse(document.text)
    mentions = _title_mentions(doc, document.title_spans)
    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    mentions += _nickname_mentions(doc, taken)
    taken |= {i for m in mentions for i in range(m.first, m.last + 1)}
    mentions += _name_mentions(doc, taken)
    singles = _single_counts(mentions)
    longer = [m for m in mentions if len(m.words) > 1 and _accept(m, singles, doc)]
    # A first name or surname that is also an ordinary word ("Rose", "Marsh") counts when the full name does.
    parts = {m.words[i] for m in longer if _person_like(m.words) for i in (0, -1)}
    mentions = longer + [m for m in mentions if len(m.words) == 1 and (
        _accept(m, singles, doc) or (m.words[0] in parts and not is_function_word(m.words[0])))]
    mentions = _split_glued_names(mentions)
    mentions.sort(key=lambda m: m.start)
    cues = _strong_cues(mentions, doc)
    groups = _group(mentions, cues)
    entities = [_entity(group, doc, cues) for group in groups]
    entities.sort(key=lambda e: (-e.score, e.name.lower()))
    return entities


def _analyse(text: str) -> _Doc:
    sentences = split_sentences(text)
    tokens = tokenize(text, sentences)
    cap_mid: Counter[str] = Counter()
    cap_start: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for token in tokens:
        if not token.cap:
            lower[token.text.lower()] += 1
        elif token.initial or _after_opening_quote(text, token):
            cap_start[token.text] += 1
        else:
            cap_mid[token.text] += 1
    after_the = Counter(
        tokens[i].text for i in range(1, len(tokens))
        if tokens[i].cap and tokens[i - 1].text == "the" and tokens[i - 1].sentence == tokens[i].sentence
    )
    return _Doc(text, sentences, tokens, cap_mid, cap_start, lower, {t.start: i for i, t in enumerate(tokens)},
                after_the)


def _after_opening_quote(text: str, token: Token) -> bool:
    before = text[max(0, token.start - 2):token.start].strip()
    return before[-1:] in _QUOTES_OPEN + "‘("


# --- titles --------------------------------------------------------------------------------------


def _title_mentions(doc: _Doc, hinted: list[tuple[int, int]]) -> list[Mention]:
    """Title Case text in double quotes, and in the spans the markup italicised."""
    spans: list[tuple[int, int]] = list(hinted)
    for start, end in doc.sentences:
        # Quotes pair within a line; scraped text drops some, so each candidate pair is tested alone.
        line_end = doc.text.find("\n", start)
        line_end = len(doc.text) if line_end < 0 else line_end
        quotes = [i for i in range(start, min(end, line_end)) if doc.text[i] in _QUOTES_OPEN + _QUOTES_CLOSE]
        index = 0
        while index + 1 < len(quotes):
            open_at, close_at = quotes[index], quotes[index + 1]
            if (doc.text[open_at] in _QUOTES_OPEN and _is_title(doc.text[open_at + 1:close_at])
                    and not _is_nickname(doc.text, open_at, close_at)):
                spans.append((open_at + 1, close_at))
                index += 2
            else:
                index += 1
    starts = [t.start for t in doc.tokens]
    mentions: list[Mention] = []
    hinted_set = set(hinted)
    for start, end in spans:
        if not _is_title(doc.text[start:end], hinted=(start, end) in hinted_set):
            continue
        first = _bisect(starts, start)
        last = first
        while last + 1 < len(doc.tokens) and doc.tokens[last + 1].end <= end:
            last += 1
        if first >= len(doc.tokens) or doc.tokens[first].start >= end:
            continue
        words = tuple(doc.tokens[i].text for i in range(first, last + 1))
        token = doc.tokens[first]
        surface = " ".join(doc.text[start:end].split())
        mentions.append(Mention(words, token.start, doc.tokens[last].end, token.sentence, first, last, title=True,
                                surface=surface))
    return mentions


def _bisect(starts: list[int], position: int) -> int:
    low, high = 0, len(starts)
    while low < high:
        mid = (low + high) // 2
        if starts[mid] < position:
            low = mid + 1
        else:
            high = mid
    return low


def _is_nickname(text: str, open_at: int, close_at: int) -> bool:
    """A quoted word between two parts of a name: Kaywinnet Lee "Kaylee" Frye."""
    before = text[max(0, open_at - 2):open_at]
    after = text[close_at + 1:close_at + 3]
    return before[:1].isalpha() and before[1:] == " " and after[:1] == " " and after[1:].isupper()


def _is_title(content: str, *, hinted: bool = False) -> bool:
    """Title Case words: "A Day in the Death". Dialogue ends in punctuation and is refused."""
    stripped = content.strip()
    if not stripped or "\n" in stripped or stripped[-1] in ".,;:":
        return False
    words = stripped.split()
    if stripped[-1] in "!?" and not (hinted or len(words) >= 3):
        return False
    if len(words) > MAX_TITLE_WORDS or not words[0][:1].isupper():
        return False
    significant = 0
    for word in words:
        bare = word.strip("'’\"()[],:;-")
        if not bare:
            continue
        if bare[0].isupper() or bare[0].isdigit():
            significant += not is_function_word(bare) or len(words) > 1
        elif bare.lower() not in TITLE_SMALL_WORDS:
            return False
    return significant > 0


# --- names ---------------------------------------------------------------------------------------


def _is_name_token(token: Token) -> bool:
    return token.cap and not token.contraction and token.text[:1].isalpha()


def _is_initial(token: Token) -> bool:
    bare = token.text.rstrip(".")
    return len(bare) == 1 and bare.isupper() and bare not in "IA"


def _joined(doc: _Doc, left: Token, right: Token) -> bool:
    """Whether only spaces (no punctuation, no line break) separate two tokens."""
    gap = doc.text[left.end:right.start]
    return left.sentence == right.sentence and not left.closes and gap.strip(" \t") == ""


def _surface(doc: _Doc, first: Token, last: Token) -> str:
    return " ".join(doc.text[first.start:last.end].split())


def _nickname_mentions(doc: _Doc, taken: set[int]) -> list[Mention]:
    """Kaywinnet Lee "Kaylee" Frye: the full name and "Kaylee Frye", known to be one person."""
    tokens = doc.tokens
    mentions: list[Mention] = []
    for j in range(1, len(tokens) - 1):
        nick, before, after = tokens[j], tokens[j - 1], tokens[j + 1]
        if j in taken or not (_is_name_token(nick) and _is_name_token(before) and _is_name_token(after)):
            continue
        left, right = doc.text[before.end:nick.start], doc.text[nick.end:after.start]
        if left.strip() not in ("\"", "“", "'", "‘") or right.strip() not in ("\"", "”", "'", "’"):
            continue
        if before.sentence != after.sentence or "\n" in left + right:
            continue
        given = [j - 1]
        while given[0] > 0 and _is_name_token(tokens[given[0] - 1]) and _joined(doc, tokens[given[0] - 1],
                                                                               tokens[given[0]]):
            given.insert(0, given[0] - 1)
        if any(i in taken for i in [*given, j + 1]):
            continue
        full_words = (*(tokens[i].text for i in given), after.text)
        first = tokens[given[0]]
        full = Mention(full_words, first.start, after.end, first.sentence, given[0], j + 1,
                       initial=first.initial, possessive=after.possessive)
        short = Mention((nick.text, after.text), nick.start, after.end, nick.sentence, j, j + 1,
                        surface=f"{nick.text} {after.text}", same_as=_core(full_words))
        mentions += [full, short]
        taken.update(range(given[0], j + 2))
    return mentions


def _name_mentions(doc: _Doc, taken: set[int]) -> list[Mention]:
    tokens = doc.tokens
    mentions: list[Mention] = []
    index = 0
    while index < len(tokens):
        if index in taken or not _is_name_token(tokens[index]):
            index += 1
            continue
        run = [index]
        cursor = index
        linked = False
        while cursor + 1 < len(tokens) and cursor + 1 not in taken:
            nxt = tokens[cursor + 1]
            if (tokens[cursor].possessive and _is_name_token(nxt) and nxt.text.lower() in PLACE_HEADS | ORG_HEADS
                    and doc.text[tokens[cursor].end:nxt.start].strip() in ("'s", "’s")):
                run.append(cursor + 1)  # "St Bartholomew's Hospital"
                cursor += 1
                continue
            if not _joined(doc, tokens[cursor], nxt):
                break
            if _is_name_token(nxt):
                run.append(cursor + 1)
                cursor += 1
                continue
            # connectors: "Children of Earth", "House of the Dead"; at most two in a row
            links = cursor + 1
            while (links < len(tokens) and links - cursor <= 2 and tokens[links].text in CONNECTORS
                   and links not in taken and _joined(doc, tokens[links - 1], tokens[links])):
                links += 1
            lone_the = links == cursor + 2 and tokens[cursor + 1].text == "the"
            if (links > cursor + 1 and links < len(tokens) and links not in taken and not linked
                    and _is_name_token(tokens[links]) and _joined(doc, tokens[links - 1], tokens[links])
                    and not (lone_the and doc.after_the[tokens[links].text] >= 2)):
                if len(run) == 1 and tokens[run[0]].text.lower() in HONORIFICS:
                    run = []  # "Commander of the City Watch": the title is not part of the name
                else:
                    linked = True  # one connector per name: "the City Watch of Ankh-Morpork" is two
                    run.extend(range(cursor + 1, links))
                run.append(links)
                cursor = links
                continue
            break
        mentions.extend(_clean_run(doc, run))
        index = cursor + 1
    return mentions


def _clean_run(doc: _Doc, run: list[int]) -> list[Mention]:
    """Trim a run of capitalised words to the names in it."""
    tokens = doc.tokens
    parts: list[list[int]] = [[]]
    for position, i in enumerate(run):
        token = tokens[i]
        inner = 0 < position < len(run) - 1
        closing = position == len(run) - 1 and len(parts[-1]) >= 2  # "Six Feet Under"
        if _is_name_token(token) and is_function_word(token.text) and not ((inner or closing) and _title_word(token)):
            parts.append([])  # "Work starts at nine Before he": a capitalised function word splits the run
            continue
        parts[-1].append(i)
    mentions: list[Mention] = []
    for part in parts:
        weak = False
        # Sentence starters: an ordinary word capitalised only because it starts the sentence.
        while part and _is_starter(doc, tokens[part[0]]):
            part = part[1:]
            weak = True
            while part and tokens[part[0]].text in CONNECTORS:
                part = part[1:]
        while part and (tokens[part[-1]].text in CONNECTORS or _is_initial(tokens[part[-1]])
                        or (sum(tokens[i].text not in CONNECTORS for i in part) > 1
                            and tokens[part[-1]].text.lower() in HONORIFICS | _SAINTS)
                        or (is_function_word(tokens[part[-1]].text) and not _title_word(tokens[part[-1]]))):
            part = part[:-1]
        while part and (tokens[part[0]].text in CONNECTORS or _is_initial(tokens[part[0]])):
            part = part[1:]
        if not part:
            continue
        first, last = tokens[part[0]], tokens[part[-1]]
        previous = tokens[part[0] - 1] if part[0] > 0 else None
        after_the = previous is not None and previous.text.lower() == "the" and previous.sentence == first.sentence
        words = tuple(tokens[i].text for i in part)
        mentions.append(Mention(words, first.start, last.end, first.sentence, part[0], part[-1],
                                initial=first.initial or _after_opening_quote(doc.text, first),
                                after_the=after_the, weak=weak, possessive=last.possessive,
                                surface=_surface(doc, first, last)))
    return mentions


def _title_word(token: Token) -> bool:
    return token.text.lower() in TITLE_SMALL_WORDS or token.text.lower() in {"under", "over", "without", "within"}


def _token_index(doc: _Doc, token: Token) -> int:
    return _bisect([t.start for t in doc.tokens], token.start) if not doc.index else doc.index[token.start]


def _is_starter(doc: _Doc, token: Token) -> bool:
    """A sentence's first word that is an ordinary word, not a name used mid-sentence elsewhere."""
    if not (token.initial or _after_opening_quote(doc.text, token)):
        return False
    if token.text.lower() in HONORIFICS or not is_common_word(token.text) or doc.cap_mid[token.text] > 0:
        return False
    if is_function_word(token.text) or token.text.lower() in PERSON_ROLES:
        return True
    # An adjective or noun before an unknown capitalised word may be a given name: "Cheery Littlebottom".
    classes = open_classes(token.text)
    following = doc.tokens[index + 1] if (index := _token_index(doc, token)) + 1 < len(doc.tokens) else None
    name_follows = (following is not None and _is_name_token(following) and _joined(doc, token, following)
                    and not is_common_word(following.text))
    return not (name_follows and classes and classes <= {"NOUN", "ADJ", "PROPN"})


def _single_counts(mentions: list[Mention]) -> dict[str, tuple[int, int]]:
    """Per one-word name: how often it stands alone mid-sentence and at a sentence start.

    Only standalone uses count: "Children" inside "Children of Earth" says nothing about "Children".
    """
    mid: Counter[str] = Counter()
    start: Counter[str] = Counter()
    for mention in mentions:
        if len(mention.words) == 1 and not mention.title:
            if mention.initial or mention.weak:
                start[mention.words[0]] += 1
            else:
                mid[mention.words[0]] += 1
    return {word: (mid[word], start[word]) for word in mid.keys() | start.keys()}


def _accept(mention: Mention, singles: dict[str, tuple[int, int]], doc: _Doc) -> bool:
    """Whether a mention is a name, judged by how the whole document writes its words."""
    if mention.title:
        return True
    words = mention.words
    if len(words) > MAX_NAME_WORDS:
        return False
    lowers = [w.lower() for w in words]
    if lowers[0] in _SECTION_WORDS and all(w in NUMBER_WORDS or _roman(w) for w in lowers[1:]):
        return False  # "Series Two", "Part III"
    if len(words) == 1:
        return _accept_single(mention, singles[mention.words[0]], doc)
    content = [w for w in words if w not in CONNECTORS and not _is_initial_word(w)]
    if any(not is_common_word(w) for w in content):
        return True
    # Only ordinary words: a name if written that way mid-sentence ("House of the Dead").
    return not mention.initial and not mention.weak and any(not is_function_word(w) for w in content)


def _is_initial_word(word: str) -> bool:
    bare = word.rstrip(".")
    return len(bare) == 1 and bare.isupper()


def _roman(word: str) -> bool:
    return bool(word) and all(ch in "ivxlc" for ch in word)


def _accept_single(mention: Mention, counts: tuple[int, int], doc: _Doc) -> bool:
    word = mention.words[0]
    lower = word.lower()
    if len(word) < 2 or is_function_word(word):
        return False
    if lower in HONORIFICS:
        return mention.after_the  # "the Doctor", "the Master"
    mid, start = counts
    if word.isupper() and is_common_word(word):
        return False  # shouting: "HEY"
    if not is_common_word(word):
        # Unknown to the lexicon: a name, unless it only ever starts sentences looking like an adverb.
        if mid >= 1 or start >= 2:
            return True
        following = doc.tokens[mention.last + 1] if mention.last + 1 < len(doc.tokens) else None
        continues = following is not None and following.text.islower() and _joined(doc, doc.tokens[mention.last],
                                                                                    following)
        return continues and not mention.weak and not lower.endswith("ly")
    if doc.lower[lower] > 2 * (mid + start):
        return False  # mostly an ordinary word here
    if mid >= 2 or (mid >= 1 and start >= 1):
        return True
    if mid == 1 and not mention.initial:
        previous = doc.tokens[mention.first - 1] if mention.first > 0 else None
        return previous is not None and (previous.text in _PLACE_PREPOSITIONS or previous.text == "the")
    return False


def _split_glued_names(mentions: list[Mention]) -> list[Mention]:
    """Cut runs that are two names written side by side (a character and its actor, brackets lost).

    Four or more name words without connectors are two names; three are, when the first word is used
    on its own elsewhere and the run occurs only once ("Tara Amber Benson" next to "Tara").
    """
    singles = Counter(m.words[0] for m in mentions if len(m.words) == 1 and not m.title)
    runs = Counter(m.words for m in mentions)
    result: list[Mention] = []
    for mention in mentions:
        words = mention.words
        plain = not mention.title and not any(w in CONNECTORS for w in words)
        names = [w for w in words if not _is_initial_word(w)]
        cut = 0
        if plain and len(names) >= 4 and words[0].lower() not in HONORIFICS:
            cut = 2
        elif (plain and len(words) == 3 and runs[words] == 1 and singles[words[0]] >= 1
              and words[0].lower() not in HONORIFICS):
            cut = 1
        if not cut:
            result.append(mention)
            continue
        result.append(_sub_mention(mention, 0, cut))
        result.append(_sub_mention(mention, cut, len(words)))
    return result


def _sub_mention(mention: Mention, start: int, end: int) -> Mention:
    words = mention.words[start:end]
    offset_start = mention.start + len(" ".join(mention.words[:start])) + (1 if start else 0)
    return Mention(words, offset_start, offset_start + len(" ".join(words)), mention.sentence,
                   mention.first + start, mention.first + end - 1, initial=mention.initial and start == 0)


# --- aliases -------------------------------------------------------------------------------------


def _core(words: tuple[str, ...]) -> tuple[str, ...]:
    """The name without leading honorifics ("Captain Jack" -> "Jack")."""
    index = 0
    while (index < len(words) - 1 and words[index].lower().rstrip(".") in HONORIFICS
           and words[index + 1] not in CONNECTORS):
        index += 1
    return words[index:]


def _person_like(words: tuple[str, ...]) -> bool:
    """A name made of given names and surnames (one may be shortened to the others)."""
    if len(words) < 2 or len(words) > 4 or any(w in CONNECTORS and w not in NAME_PARTICLES for w in words):
        return False
    last = words[-1].lower()
    if last in PLACE_HEADS or last in ORG_HEADS or last in WORK_HEADS or last in NUMBER_WORDS or _roman(last):
        return False
    return not any(w.isupper() and len(w) > 1 for w in words)


def _group(mentions: list[Mention], cues: dict[int, EntityType]) -> list[_Group]:
    by_core: dict[tuple[str, ...], _Group] = {}
    for mention in mentions:
        key = mention.words if mention.title else _core(mention.words)
        group = by_core.setdefault(key, _Group())
        group.forms.add(mention.form)
        group.mentions.append(mention)
    titles = {key for key, group in by_core.items() if all(m.title for m in group.mentions)}
    # Attach shorter names to the longest full name they begin or end, most mentioned first.
    parent: dict[tuple[str, ...], tuple[str, ...]] = {}
    cores = sorted(by_core, key=lambda k: (-len(k), -len(by_core[k].mentions)))
    for short in sorted(by_core, key=len):
        if short in titles:
            continue
        best: tuple[str, ...] | None = None
        best_count = -1
        for long in cores:
            if len(long) <= len(short) or long in titles or long in parent:
                continue
            prefix = long[: len(short)] == short and _person_like(long)
            suffix = long[-len(short):] == short and not any(w in CONNECTORS for w in long)
            if not (prefix or suffix):
                continue
            count = len(by_core[long].mentions)
            if count > best_count:
                best, best_count = long, count
        if best is not None:
            parent[short] = best
    for key, group in by_core.items():
        for mention in group.mentions:
            if mention.same_as and mention.same_as in by_core and key not in parent and mention.same_as != key:
                parent[key] = mention.same_as
    _merge_short_given_names(by_core, parent, titles)
    merged: dict[tuple[str, ...], _Group] = {}
    for key, group in by_core.items():
        root = key
        while root in parent:
            root = parent[root]
        target = merged.setdefault(root, _Group())
        for mention in group.mentions:
            if root != key and cues.get(id(mention)) == EntityType.WORK:
                # "the series Sherlock" is not the character Sherlock Holmes: it stays on its own.
                alone = merged.setdefault(("\0work", *key), _Group())
                alone.forms.add(mention.form)
                alone.mentions.append(mention)
            else:
                target.forms.add(mention.form)
                target.mentions.append(mention)
    return [group for group in merged.values() if group.mentions]


def _merge_short_given_names(
    by_core: dict[tuple[str, ...], _Group], parent: dict[tuple[str, ...], tuple[str, ...]],
    titles: set[tuple[str, ...]],
) -> None:
    """Merge "Sam Vimes" into "Samuel Vimes": same surname, one given name a shortening of the other."""
    two = [k for k in by_core if len(k) == 2 and k not in titles and k not in parent and _person_like(k)]
    for short in two:
        for long in two:
            if (short != long and short[1] == long[1] and len(short[0]) >= 3 and len(short[0]) < len(long[0])
                    and long[0].startswith(short[0]) and long not in parent and short not in parent):
                parent[short] = long
                break


# --- entities ------------------------------------------------------------------------------------


def _entity(group: _Group, doc: _Doc, cues: dict[int, EntityType]) -> Entity:
    name = _canonical_name(group)
    # Every written form, and each without its honorific ("Sir Samuel Vimes" -> "Samuel Vimes").
    forms = group.forms | {" ".join(_core(m.words)) for m in group.mentions if not m.title}
    aliases = sorted({f for f in forms if f != name}, key=lambda f: (-len(f.split()), f))
    lone = [m for m in group.mentions if len(m.words) == 1 and not m.title]
    if lone and sum(m.after_the for m in lone) * 2 >= len(lone) and is_common_word(lone[0].words[0]):
        the_form = f"the {lone[0].words[0]}"
        if len(group.forms) == 1:
            name, aliases = the_form, [lone[0].words[0]]
        elif the_form not in aliases:
            aliases.append(the_form)
    facts = _facts(group, doc)
    type_ = _entity_type(group, doc, cues)
    mentions = len(group.mentions)
    score = mentions + 0.5 * len(facts) + 0.5 * math.log1p(len(group.forms))
    if any(m.start < 300 for m in group.mentions):
        score += 2  # named in the opening lines: what the article is about
    return Entity(name=name, type=type_, aliases=aliases, facts=facts, score=round(score, 3))


def _canonical_name(group: _Group) -> str:
    """The fullest core form; a one-word core keeps its honorific ("Mrs Hudson", "Lord Vetinari")."""
    counts = Counter(" ".join(_core(m.words)) if not m.title else m.form for m in group.mentions)
    best = max(counts, key=lambda form: (len(form.split()), counts[form], -len(form)))
    if len(best.split()) == 1 and not any(m.title for m in group.mentions):
        titled = Counter(m.form for m in group.mentions if len(m.words) == 2 and _core(m.words) != m.words)
        if titled:
            return titled.most_common(1)[0][0]
    # The written form of that core ("St Bartholomew's Hospital" keeps its apostrophe).
    surfaces = Counter(m.form for m in group.mentions if _core(m.words) == m.words and " ".join(m.words) == best)
    return surfaces.most_common(1)[0][0] if surfaces else best


def _facts(group: _Group, doc: _Doc) -> list[Fact]:
    seen: set[int] = set()
    facts: list[Fact] = []
    for mention in sorted(group.mentions, key=lambda m: m.start):
        if mention.sentence in seen:
            continue
        seen.add(mention.sentence)
        start, end = doc.sentences[mention.sentence]
        sentence = doc.text[start:end]
        if len(sentence.split()) < _MIN_FACT_WORDS:
            continue
        stripped = sentence.rstrip()
        facts.append(Fact(stripped, start, start + len(stripped)))
    return facts


def _strong_cues(mentions: list[Mention], doc: _Doc) -> dict[int, EntityType]:
    """Types settled by the words just before a mention ("played by X") or in brackets after it.

    A cue carries over a coordination: in "created by Steven Moffat and Mark Gatiss" both are people.
    """
    tokens = doc.tokens
    cues: dict[int, EntityType] = {}
    ending_at: dict[int, Mention] = {m.last: m for m in mentions}
    for mention in mentions:
        previous = [tokens[i].text.lower() for i in range(max(0, mention.first - 2), mention.first)
                    if tokens[i].sentence == mention.sentence]
        cue: EntityType | None = None
        if previous and previous[-1] in PRECEDING_CUES and not doc.text[tokens[mention.first - 1].end:
                                                                        mention.start].strip():
            cue = PRECEDING_CUES[previous[-1]]
        if len(previous) == 2 and (previous[0], previous[1]) in PRECEDING_PAIRS:
            cue = PRECEDING_PAIRS[(previous[0], previous[1])]
        paren = doc.text[mention.end:mention.end + 24].lstrip()
        if paren.startswith("("):
            inner = paren[1:].split(")")[0].strip().lower()
            cue = PAREN_CUES.get(inner, cue)
        if cue is None and previous and previous[-1] == "and":
            partner = ending_at.get(mention.first - 2)
            if partner is not None and id(partner) in cues and doc.text[partner.end:mention.start] == " and ":
                cue = cues[id(partner)]
        if cue is not None:
            cues[id(mention)] = cue
    _cast_list_cues(mentions, doc, cues)
    return cues


def _cast_list_cues(mentions: list[Mention], doc: _Doc, cues: dict[int, EntityType]) -> None:
    """"Rupert Giles (Anthony Stewart Head)": a character with the person who plays them in brackets.

    Wikis write casts this way everywhere. The bracketed name must look like a person's full name and
    follow a capitalised word; the name before the bracket, when it was found, is the character.
    """
    ending_at = {m.end: m for m in mentions}
    for inner in mentions:
        if inner.title or len(inner.words) < 2 or not _person_like(inner.words):
            continue
        before = doc.text[max(0, inner.start - 40):inner.start]
        if not before.endswith("(") or doc.text[inner.end:inner.end + 1] != ")":
            continue
        head = before[:-1].rstrip()
        last_word = head.split()[-1] if head.split() else ""
        if not last_word[:1].isupper():
            continue
        cues[id(inner)] = EntityType.PERSON
        outer = ending_at.get(len(head) + max(0, inner.start - 40))
        if outer is not None and not outer.title:
            cues[id(outer)] = EntityType.CHARACTER


def _entity_type(group: _Group, doc: _Doc, cues: dict[int, EntityType]) -> EntityType:
    scores: defaultdict[EntityType, float] = defaultdict(float)
    tokens = doc.tokens
    for mention in group.mentions:
        if mention.title:
            scores[EntityType.WORK] += 10
        if id(mention) in cues:
            scores[cues[id(mention)]] += 6
        words = [w.lower() for w in mention.words]
        _head_cues(words, scores)
        previous = tokens[mention.first - 1] if mention.first > 0 else None
        if (previous is not None and previous.sentence == mention.sentence
                and previous.text in _PLACE_PREPOSITIONS and not mention.possessive):
            scores[EntityType.PLACE] += 1.0 if len(mention.words) == 1 else 0.5
        following = tokens[mention.last + 1:mention.last + 4]
        if mention.possessive and any(t.text.lower() in WORK_HEADS | _CREATION_WORDS for t in following):
            scores[EntityType.PERSON] += 3  # "Terry Pratchett's Discworld novels"
        ahead = [t.text.lower() for t in following if t.sentence == mention.sentence]
        if any(ahead[i:i + 2] in (["played", "by"], ["portrayed", "by"], ["voiced", "by"]) for i in range(2)):
            scores[EntityType.CHARACTER] += 6  # "Rose Tyler is played by Billie Piper"
        if _plays_as(mention, doc):
            scores[EntityType.PERSON] += 2.5  # "David-Lloyd delivers a monologue as Ianto"
        for i in range(max(0, mention.first - _CUE_WINDOW), min(len(tokens), mention.last + _CUE_WINDOW + 1)):
            if mention.first <= i <= mention.last or tokens[i].sentence != mention.sentence:
                continue
            word = tokens[i].text.lower()
            distance = mention.first - i if i < mention.first else i - mention.last
            weight = 2 / (1 + distance)
            for kind, kind_cues in CONTEXT_CUES.items():
                if word in kind_cues:
                    scores[kind] += kind_cues[word] * weight
        if words[0].rstrip(".") in HONORIFICS and len(words) > 1:
            scores[EntityType.CHARACTER] += 1.5
        if len(words) == 1 and mention.words[0].isupper() and len(words[0]) > 1:
            scores[EntityType.ORGANISATION] += 2  # an acronym
    default = _default_type(group)
    if default is EntityType.CHARACTER:
        # Fandom articles are about characters: cue words must outweigh that to make a name anything else.
        scores[EntityType.CHARACTER] += 0.5 + 0.25 * len(group.mentions)
    if not scores:
        return default
    best = max(scores, key=lambda kind: scores[kind])
    return best if scores[best] >= 1.0 else default


def _plays_as(mention: Mention, doc: _Doc) -> bool:
    """The mention is followed, within a clause, by "as" and a capitalised name."""
    tokens = doc.tokens
    for i in range(mention.last + 1, min(len(tokens) - 1, mention.last + 6)):
        if tokens[i].sentence != mention.sentence or "," in doc.text[tokens[i - 1].end:tokens[i].start]:
            return False
        if tokens[i].text == "as" and _is_name_token(tokens[i + 1]) and not is_function_word(tokens[i + 1].text):
            return True
    return False


def _head_cues(words: list[str], scores: defaultdict[EntityType, float]) -> None:
    if len(words) < 2:
        return  # "River" alone is a name, not a river
    heads = [words[-1]]
    for index, word in enumerate(words):
        if word in CONNECTORS and word not in NAME_PARTICLES and index > 0:
            heads.append(words[index - 1])
            break
    for head in heads:
        if head in PLACE_HEADS:
            scores[EntityType.PLACE] += 8
        if head in ORG_HEADS:
            scores[EntityType.ORGANISATION] += 8
        if head in WORK_HEADS:
            scores[EntityType.WORK] += 5


def _default_type(group: _Group) -> EntityType:
    """Without cues: a name made of name words is a character, anything else stays "other"."""
    words = max((m.words for m in group.mentions), key=len)
    if any(w in CONNECTORS and w not in NAME_PARTICLES for w in words):
        return EntityType.OTHER
    if len(words) > 1 and _person_like(words) and not all(is_common_word(w) for w in words):
        return EntityType.CHARACTER
    if len(words) == 1 and not is_common_word(words[0]):
        return EntityType.CHARACTER
    return EntityType.OTHER
