"""Step 1 of the builder: the mentions of names in a document.

Titles (quoted, italic, unquoted after a capitalised article, bracketed title references), nicknames
written inside a name (Kaywinnet Lee "Kaylee" Frye), and runs of capitalised words joined by connectors,
trimmed of sentence starters and judged by how the document writes their words; glued character-actor
runs are cut in two.
"""

from __future__ import annotations

import re
from collections import Counter

from ficdesk.canon.analysis import (
    QUOTES_OPEN,
    Doc,
    Mention,
    after_opening_quote,
    bisect,
    core,
    is_initial,
    is_initial_word,
    is_name_token,
    joined,
    person_like,
    roman,
)
from ficdesk.canon.labels import LabelLines
from ficdesk.canon.lexicon import (
    COMPANY_HEADS,
    CONNECTORS,
    DEMONYMS,
    FUNCTION_WORDS,
    GOODS,
    HONORIFICS,
    INFOBOX_LABELS,
    NUMBER_WORDS,
    ORG_HEADS,
    PERSON_ROLES,
    PLACE_HEADS,
    SHOP_WORDS,
    TITLE_SMALL_WORDS,
    is_common_word,
    is_function_word,
    noun_type,
    open_classes,
    word_set,
)
from ficdesk.canon.model import EntityType
from ficdesk.canon.segment import Token

#: Titles longer than this many words are sentences in quotes, not titles.
MAX_TITLE_WORDS = 9
MAX_NAME_WORDS = 6
#: Words before a single capitalised common word that make it a place ("in Wales").
_PLACE_PREPOSITIONS = word_set("in at on from into near via across outside inside around")
_SECTION_WORDS = word_set("series season episode part chapter volume book act scene issue")
_QUOTES_CLOSE = "\"”"
_SAINTS = frozenset({"st", "saint", "ste"})
_DIRECTIONS = word_set("northern southern eastern western")
#: Place and group words that take a number as part of the name: "District 12", "Platform 9".
_NUMBERED_HEADS = word_set("district sector area zone ward block platform station squad unit division precinct camp")
_NAME_ABBREVIATIONS = word_set("mr mrs ms dr st mt ft prof capt lt col gen sgt rev")



def find_mentions(doc: Doc, title_spans: list[tuple[int, int]], lines: LabelLines | None = None) -> list[Mention]:
    """Every accepted mention of a name, in text order; fills the document-wide name sets of ``doc``."""
    mentions = _title_mentions(doc, title_spans)
    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    mentions += _unquoted_titles(doc, taken)
    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    mentions += _repeated_titles(doc, mentions, taken)
    mentions += _nickname_mentions(doc, taken)
    taken |= {i for m in mentions for i in range(m.first, m.last + 1)}
    mentions += _name_mentions(doc, taken)
    singles = _single_counts(mentions)
    longer = [m for m in mentions if len(m.words) > 1 and _accept(m, singles, doc)]
    # A first name or surname that is also an ordinary word ("Rose", "Marsh") counts when the full name does.
    parts = {m.words[i] for m in longer if person_like(m.words) for i in (0, -1)}
    mentions = longer + [m for m in mentions if len(m.words) == 1 and (
        _accept(m, singles, doc) or (m.words[0] in parts and not is_function_word(m.words[0])))]
    mentions = _split_glued_names(mentions, doc)
    mentions = _drop_field_words(mentions, doc, lines or LabelLines(doc.text))
    mentions.sort(key=lambda m: m.start)
    doc.single_names = {m.words[0] for m in mentions if len(m.words) == 1 and not m.title}
    doc.person_words = {w for m in mentions if len(m.words) > 1 and not m.title and person_like(m.words)
                        for w in m.words}
    doc.company_words = {m.words[0] for m in mentions if len(m.words) > 1 and not m.title
                         and m.words[-1].lower().rstrip(".") in COMPANY_HEADS and not is_common_word(m.words[0])}
    return mentions


# --- titles --------------------------------------------------------------------------------------


def _title_mentions(doc: Doc, hinted: list[tuple[int, int]]) -> list[Mention]:
    """Title Case text in double quotes, and in the spans the markup italicised."""
    spans: list[tuple[int, int]] = list(hinted)
    for start, end in doc.sentences:
        # Quotes pair within a line; scraped text drops some, so each candidate pair is tested alone.
        line_end = doc.text.find("\n", start)
        line_end = len(doc.text) if line_end < 0 else line_end
        quotes = [i for i in range(start, min(end, line_end)) if doc.text[i] in QUOTES_OPEN + _QUOTES_CLOSE]
        index = 0
        while index + 1 < len(quotes):
            open_at, close_at = quotes[index], quotes[index + 1]
            if (doc.text[open_at] in QUOTES_OPEN and _is_title(doc.text[open_at + 1:close_at])
                    and not _is_nickname(doc.text, open_at, close_at)):
                spans.append((open_at + 1, close_at))
                index += 2
            else:
                index += 1
    spans.extend(_bracketed_titles(doc))
    starts = [t.start for t in doc.tokens]
    mentions: list[Mention] = []
    hinted_set = set(hinted)
    for start, end in spans:
        if not _is_title(doc.text[start:end], hinted=(start, end) in hinted_set):
            continue
        first = bisect(starts, start)
        last = first
        while last + 1 < len(doc.tokens) and doc.tokens[last + 1].end <= end:
            last += 1
        if first >= len(doc.tokens) or doc.tokens[first].start >= end:
            continue
        words = tuple(doc.tokens[i].text for i in range(first, last + 1))
        token = doc.tokens[first]
        surface = " ".join(doc.text[start:end].split())
        mentions.append(Mention(words, token.start, doc.tokens[last].end, token.sentence, first, last, title=True,
                                quoted=(start, end) not in hinted_set, surface=surface))
    return mentions




_ARTICLES = frozenset({"A", "An", "The"})


def _unquoted_titles(doc: Doc, taken: set[int]) -> list[Mention]:
    """Titles written without quotes or italics, after a capitalised article mid-sentence.

    "the novel A Study in Scarlet", "his A Song of Ice and Fire series": Title Case words with small
    words between them ("of", "in", "and"), which a name run would break apart. An "and" before another
    capitalised article starts a second title ("A Study in Scarlet and The Sign of the Four").
    """
    tokens = doc.tokens
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if (token.text not in _ARTICLES or token.initial or i in taken or after_opening_quote(doc.text, token)
                or i + 1 >= len(tokens) or not is_name_token(tokens[i + 1]) or not joined(doc, token, tokens[i + 1])):
            i += 1
            continue
        last, small, k = i + 1, 0, i + 2
        while k < len(tokens) and k not in taken and joined(doc, tokens[k - 1], tokens[k]) and k - i < MAX_TITLE_WORDS:
            word = tokens[k].text
            if is_name_token(tokens[k]) and not (word in _ARTICLES and tokens[k - 1].text in ("and", "or")):
                last = k
            elif word in TITLE_SMALL_WORDS and k + 1 < len(tokens) and is_name_token(tokens[k + 1]) \
                    and tokens[k + 1].text not in _ARTICLES:
                small += 1
            elif word in TITLE_SMALL_WORDS and word != "and" and k + 1 < len(tokens) and is_name_token(tokens[k + 1]):
                small += 1  # "The Sign of the Four": "of the" then a capital
            else:
                break
            if tokens[last].possessive:
                break
            k += 1
        if small and last - i >= 2 and not any(tokens[j].possessive for j in range(i, last)):
            words = tuple(tokens[j].text for j in range(i, last + 1))
            surface = " ".join(doc.text[token.start:tokens[last].end].split())
            found.append(Mention(words, token.start, tokens[last].end, token.sentence, i, last, title=True,
                                 surface=surface, possessive=tokens[last].possessive))
            taken.update(range(i, last + 1))
            i = last + 1
            continue
        i += 1
    return found


#: A line with fewer lower-case words than this is a heading, a caption or an infobox field, not prose.
_PROSE_WORDS = 6


def _drop_field_words(mentions: list[Mention], doc: Doc, lines: LabelLines) -> list[Mention]:
    """An ordinary word capitalised only in headings and infobox fields ("Trivia", "Gender Female") is no name.

    Such lines capitalise their first words the way a sentence does. A word listed on an alias line
    ("Nickname: Sparrow") is a name all the same.
    """
    prose: dict[int, bool] = {}
    breaks: list[int] = []

    def in_prose(mention: Mention) -> bool:
        if not breaks:
            breaks.extend([-1, *(m.start() for m in re.finditer("\n", doc.text)), len(doc.text)])
        at = bisect(breaks, mention.start)  # the first line break at or after the mention
        line_start, line_end = breaks[at - 1] + 1, breaks[at]
        if line_start not in prose:
            line = doc.text[line_start:line_end]
            prose[line_start] = sum(w.isalpha() and w.islower() for w in line.split()) >= _PROSE_WORDS
        return prose[line_start]

    candidates: dict[str, list[Mention]] = {}
    for mention in mentions:
        if len(mention.words) == 1 and not mention.title and is_common_word(mention.words[0]):
            candidates.setdefault(mention.words[0], []).append(mention)
    dropped: set[int] = set()
    for group in candidates.values():
        if not any(in_prose(m) or lines.alias_at(m.start, m.end, doc.text) for m in group):
            dropped |= {id(m) for m in group}
    return [m for m in mentions if id(m) not in dropped] if dropped else mentions


def _repeated_titles(doc: Doc, titles: list[Mention], taken: set[int]) -> list[Mention]:
    """A title found once is that title wherever its words recur: at a line start, in a table cell.

    Only titles of several words with a small word inside ("A Lamp in the Dark"), which a name run
    would break apart; every recurrence must start and end on token boundaries.
    """
    known: dict[str, Mention] = {}
    for mention in titles:
        if len(mention.words) >= 3 and any(w in TITLE_SMALL_WORDS for w in mention.words[1:-1]):
            known.setdefault(mention.form, mention)
    starts = doc.index
    found: list[Mention] = []
    for surface, model in known.items():
        at = doc.text.find(surface)
        while at >= 0:
            first = starts.get(at)
            end = at + len(surface)
            if first is not None and first not in taken:
                last = first + len(model.words) - 1
                if (last < len(doc.tokens) and doc.tokens[last].end == end
                        and not any(i in taken for i in range(first, last + 1))):
                    token = doc.tokens[first]
                    found.append(Mention(model.words, at, end, token.sentence, first, last, title=True,
                                         quoted=model.quoted, surface=surface,
                                         possessive=doc.tokens[last].possessive))
                    taken.update(range(first, last + 1))
            at = doc.text.find(surface, end)
    return found


_BRACKETED = re.compile(r"\(([A-Z][^()\n]{8,80})\)")


def _bracketed_titles(doc: Doc) -> list[tuple[int, int]]:
    """A whole bracket of Title Case with small words is a title reference: "(On the Head of a Pin)".

    Fan wikis cite the episode a statement comes from that way. Two-word brackets are names
    ("Charles Dance (Tywin Lannister)"), so at least three words, one of them a lower-case small word or
    an opening article.
    """
    spans: list[tuple[int, int]] = []
    for match in _BRACKETED.finditer(doc.text):
        content = match.group(1)
        words = content.split()
        if len(words) < 3 or not _is_title(content):
            continue
        if any(w in TITLE_SMALL_WORDS for w in words[1:]) or words[0] in _ARTICLES:
            spans.append((match.start(1), match.end(1)))
    return spans


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
    if len(words) == 1 and stripped.isupper() and len(stripped) >= 3 and not hinted:
        return False  # the group "VANGUARD" in quotes: a name written in capitals, not a title
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








def _surface(doc: Doc, first: Token, last: Token) -> str:
    return " ".join(doc.text[first.start:last.end].split())


def _nickname_mentions(doc: Doc, taken: set[int]) -> list[Mention]:
    """Kaywinnet Lee "Kaylee" Frye: the full name and "Kaylee Frye", known to be one person."""
    tokens = doc.tokens
    mentions: list[Mention] = []
    for j in range(1, len(tokens) - 1):
        nick, before, after = tokens[j], tokens[j - 1], tokens[j + 1]
        if j in taken or not (is_name_token(nick) and is_name_token(before) and is_name_token(after)):
            continue
        left, right = doc.text[before.end:nick.start], doc.text[nick.end:after.start]
        if left.strip() not in ("\"", "“", "'", "‘") or right.strip() not in ("\"", "”", "'", "’"):
            continue
        if before.sentence != after.sentence or "\n" in left + right:
            continue
        given = [j - 1]
        while given[0] > 0 and is_name_token(tokens[given[0] - 1]) and joined(doc, tokens[given[0] - 1],
                                                                               tokens[given[0]]):
            given.insert(0, given[0] - 1)
        if any(i in taken for i in [*given, j + 1]):
            continue
        full_words = (*(tokens[i].text for i in given), after.text)
        first = tokens[given[0]]
        full = Mention(full_words, first.start, after.end, first.sentence, given[0], j + 1,
                       initial=first.initial, possessive=after.possessive)
        short = Mention((nick.text, after.text), nick.start, after.end, nick.sentence, j, j + 1,
                        surface=f"{nick.text} {after.text}", same_as=core(full_words))
        mentions += [full, short]
        taken.update(range(given[0], j + 2))
    return mentions


def _the_elsewhere(doc: Doc, before: str, word: str, seen: dict[tuple[str, str], int]) -> int:
    """How often "the Word" is written other than right after ``before``.

    "Mira the Dragon Tamer" written again and again keeps "the Dragon" in the name; "Under Vimes the
    Watch grows" beside another "the Watch" does not.
    """
    if (before, word) not in seen:
        seen[(before, word)] = doc.after_the[word] - doc.text.count(f"{before} the {word}")
    return seen[(before, word)]


def _name_mentions(doc: Doc, taken: set[int]) -> list[Mention]:
    tokens = doc.tokens
    seen: dict[tuple[str, str], int] = {}
    pairs: dict[str, int] = {}
    mentions: list[Mention] = []
    index = 0
    while index < len(tokens):
        if index in taken or not is_name_token(tokens[index]):
            index += 1
            continue
        run = [index]
        cursor = index
        linked = False
        colon = False
        while cursor + 1 < len(tokens) and cursor + 1 not in taken:
            nxt = tokens[cursor + 1]
            if (nxt.text.isdigit() and len(nxt.text) <= 4 and joined(doc, tokens[cursor], nxt)
                    and tokens[cursor].text.lower() in _NUMBERED_HEADS and not tokens[cursor].possessive):
                run.append(cursor + 1)  # "District 12", "Sector 7", "Area 51"
                cursor += 1
                break
            common_possessor = (len(run) == 1 and is_common_word(tokens[cursor].text)
                                and doc.lower[tokens[cursor].text.lower()] > 0 and not tokens[cursor].initial)
            if (tokens[cursor].possessive and is_name_token(nxt)
                    and (nxt.text.lower() in PLACE_HEADS | ORG_HEADS or common_possessor
                         or (len(run) == 1 and _fixed_possessive(doc, tokens[cursor], nxt, pairs)))
                    and doc.text[tokens[cursor].end:nxt.start].strip() in ("'s", "’s")):
                run.append(cursor + 1)  # "St Bartholomew's Hospital", "the King's Road" (a "king" elsewhere)
                cursor += 1
                continue
            if (not colon and not tokens[run[0]].initial and is_name_token(nxt)
                    and nxt.sentence == tokens[cursor].sentence and not tokens[cursor].possessive
                    and doc.text[tokens[cursor].end:nxt.start] == ": "):
                colon = True  # "Star Trek: Deep Space Nine", "Avatar: The Last Airbender"
                run.append(cursor + 1)
                cursor += 1
                continue
            dotted = (len(run) == 1 and tokens[cursor].text.lower() in _NAME_ABBREVIATIONS and is_name_token(nxt)
                      and doc.text[tokens[cursor].end:nxt.start] == ". " and nxt.sentence == tokens[cursor].sentence)
            if not joined(doc, tokens[cursor], nxt) and not dotted:
                break  # ("Mr. Smith", "St. Martin's Press" go on)
            if len(run) == 1 and _firm_of_two(doc, cursor):
                run.extend((cursor + 1, cursor + 2))  # "Holm and Vey suits": one shop named for two founders
                cursor += 2
                break
            if is_name_token(nxt):
                run.append(cursor + 1)
                cursor += 1
                continue
            # connectors: "Children of Earth", "House of the Dead"; at most two in a row
            links = cursor + 1
            while (links < len(tokens) and links - cursor <= 2 and tokens[links].text in CONNECTORS
                   and links not in taken and joined(doc, tokens[links - 1], tokens[links])):
                links += 1
            lone_the = links == cursor + 2 and tokens[cursor + 1].text == "the"
            # A full name is complete: "Jaime Lannister of Game of Thrones" is two names.
            full_name = len(run) >= 2 and person_like(tuple(tokens[i].text for i in run))
            # "During the Day of Black Sun": a capitalised function word does not take the connector.
            opener = all(is_function_word(tokens[i].text) for i in run)
            if (links > cursor + 1 and links < len(tokens) and links not in taken and not linked and not full_name
                    and not opener
                    and is_name_token(tokens[links]) and joined(doc, tokens[links - 1], tokens[links])
                    and not (lone_the and doc.after_the[tokens[links].text] >= 2
                             and _the_elsewhere(doc, tokens[cursor].text, tokens[links].text, seen) >= 1)):
                if len(run) == 1 and (tokens[run[0]].text.lower() in HONORIFICS
                                      or _role_of_institution(doc, run[0], links)):
                    run = []  # "Commander of the City Watch": the title is not part of the name
                else:
                    linked = True  # one connector per name: "the City Watch of Ankh-Morpork" is two
                    run.extend(range(cursor + 1, links))
                run.append(links)
                cursor = links
                continue
            break
        mentions.extend(_clean_run(doc, run, colon=colon))
        index = cursor + 1
    return mentions


def _firm_of_two(doc: Doc, first: int) -> bool:
    """"Holm and Vey suits", "Holm & Vey stores": two names joined by "and" before goods are one firm."""
    tokens = doc.tokens
    if first + 3 >= len(tokens) or tokens[first + 1].text not in ("and", "&"):
        return False
    second, after = tokens[first + 2], tokens[first + 3]
    return (is_name_token(second) and joined(doc, tokens[first], tokens[first + 1])
            and joined(doc, tokens[first + 1], second) and joined(doc, second, after) and not after.cap
            and (after.text.lower() in GOODS or after.text.lower() in SHOP_WORDS))


def _fixed_possessive(doc: Doc, possessor: Token, following: Token, counts: dict[str, int]) -> bool:
    """"Traitor's Gate" written several times, its ordinary first word never capitalised otherwise: one name."""
    if not is_common_word(possessor.text) or not is_common_word(following.text):
        return False
    pair = doc.text[possessor.start:following.end]
    if pair not in counts:
        counts[pair] = doc.text.count(pair)
    uses = counts[pair]
    return uses >= 2 and doc.cap_mid[possessor.text] + doc.cap_start[possessor.text] <= uses


def _role_of_institution(doc: Doc, role: int, target: int) -> bool:
    """"Chairman of Vantor Mining Company": an ordinary word before the name of an institution is a post.

    Not "University of X" or "Bank of X" (heads of names themselves), nor "Children of Earth".
    """
    word = doc.tokens[role].text.lower()
    if not is_common_word(word) or word in ORG_HEADS | PLACE_HEADS | _SECTION_WORDS:
        return False
    end = target
    while end + 1 < len(doc.tokens) and is_name_token(doc.tokens[end + 1]) and joined(doc, doc.tokens[end],
                                                                                      doc.tokens[end + 1]):
        end += 1
    return end > target and doc.tokens[end].text.lower() in ORG_HEADS | COMPANY_HEADS


def _clean_run(doc: Doc, run: list[int], *, colon: bool = False) -> list[Mention]:
    """Trim a run of capitalised words to the names in it.

    A capitalised function word splits a run ("Work starts at nine Before he"), except inside a title:
    after a colon ("Avatar: The Last Airbender") or after a "The" capitalised mid-sentence ("the film
    The Last Airbender"); a direction before a name stays ("Northern Water Tribe").
    """
    tokens = doc.tokens
    first_token, last_token = tokens[run[0]], tokens[run[-1]]
    if (len(run) >= 2 and is_function_word(first_token.text) and first_token.text not in ("The", "A", "An")
            and all(is_common_word(tokens[i].text) for i in run) and not first_token.initial
            and not after_opening_quote(doc.text, first_token)):
        # Capitalised function words mid-sentence, more than once: a name made of them ("All Might").
        surface = _surface(doc, first_token, last_token)
        if doc.text.count(surface) >= 2:
            return [Mention(tuple(tokens[i].text for i in run), first_token.start, last_token.end,
                            first_token.sentence, run[0], run[-1], possessive=last_token.possessive,
                            surface=surface)]
    if len(run) >= 2 and first_token.text.lower() in INFOBOX_LABELS and _opens_line(doc, first_token):
        run = run[1:]  # "Occupation SHIV": an infobox label glued to its value
        first_token = tokens[run[0]]
    parts: list[list[int]] = [[]]
    titled = colon
    kept: set[int] = set()  # function words that belong to the name
    for position, i in enumerate(run):
        token = tokens[i]
        inner = 0 < position < len(run) - 1
        closing = position == len(run) - 1 and len(parts[-1]) >= 2  # "Six Feet Under"
        following = tokens[run[position + 1]] if position + 1 < len(run) else None
        if (position == 0 and following is not None and _leading_word(doc, token, run)
                and any(is_name_token(tokens[k]) and not is_function_word(tokens[k].text) for k in run[1:])):
            titled = titled or token.text == "The"
            parts[-1].append(i)
            kept.add(i)
            continue
        surname = (position == len(run) - 1 and token.text.lower() in DEMONYMS and len(parts[-1]) == 1
                   and not is_function_word(tokens[parts[-1][0]].text))  # "David French"
        if (is_name_token(token) and is_function_word(token.text) and not ((inner or closing) and _title_word(token))
                and not (titled and inner) and not surname):
            parts.append([])
            continue
        if surname or titled:
            kept.add(i)
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
        while part and (tokens[part[-1]].text in CONNECTORS or is_initial(tokens[part[-1]])
                        or (sum(tokens[i].text not in CONNECTORS for i in part) > 1
                            and tokens[part[-1]].text.lower() in HONORIFICS | _SAINTS
                            and tokens[part[-2]].text != "the")  # but "The Return of the King"
                        or (is_function_word(tokens[part[-1]].text) and not _title_word(tokens[part[-1]])
                            and part[-1] not in kept)):
            part = part[:-1]
        while part and tokens[part[0]].text in CONNECTORS:
            part = part[1:]
        if not part or all(is_initial(tokens[i]) for i in part):
            continue
        first, last = tokens[part[0]], tokens[part[-1]]
        previous = tokens[part[0] - 1] if part[0] > 0 else None
        after_the = previous is not None and previous.text.lower() == "the" and previous.sentence == first.sentence
        # an inner possessive keeps its "'s": "King's Landing" is not the honorific "King" before "Landing"
        words = tuple(tokens[i].text + ("'s" if tokens[i].possessive and i != part[-1] else "") for i in part)
        mentions.append(Mention(words, first.start, last.end, first.sentence, part[0], part[-1],
                                title=colon and ":" in doc.text[first.start:last.end],
                                initial=first.initial or after_opening_quote(doc.text, first),
                                after_the=after_the, weak=weak, possessive=last.possessive,
                                surface=_surface(doc, first, last)))
    return mentions


def _opens_line(doc: Doc, token: Token) -> bool:
    window = max(0, token.start - 40)
    line_start = doc.text.rfind("\n", window, token.start) + 1
    if line_start == 0 and window > 0:
        return False
    return not doc.text[line_start:token.start].strip(" \t-*•|")


def _leading_word(doc: Doc, token: Token, run: list[int]) -> bool:
    """A capitalised function word that opens a name: "The Guardian" mid-sentence, "Northern Ireland"."""
    if token.initial or after_opening_quote(doc.text, token):
        return False
    lower = token.text.lower()
    if lower in _DIRECTIONS or lower == "the":
        return True
    if lower in FUNCTION_WORDS:
        return True  # capitalised mid-sentence for a reason: "the One Ring", "the First World War"
    last = doc.tokens[run[-1]].text.lower()
    return lower in DEMONYMS and (last in PLACE_HEADS or last in ORG_HEADS)  # "British Museum"


def _title_word(token: Token) -> bool:
    return token.text.lower() in TITLE_SMALL_WORDS or token.text.lower() in {"under", "over", "without", "within"}


def _token_index(doc: Doc, token: Token) -> int:
    return bisect([t.start for t in doc.tokens], token.start) if not doc.index else doc.index[token.start]


def _is_starter(doc: Doc, token: Token) -> bool:
    """A sentence's first word that is an ordinary word, not a name used mid-sentence elsewhere."""
    if not (token.initial or after_opening_quote(doc.text, token)):
        return False
    if token.text.lower() in HONORIFICS or not is_common_word(token.text) or doc.cap_mid[token.text] > 0:
        return False
    if is_function_word(token.text) or token.text.lower() in PERSON_ROLES:
        return True
    # A noun or adjective before an unknown capitalised word may be a given name: "Cheery Littlebottom",
    # "Mark Hamill"; a participle or adverb is not ("Following Ianto's death", "Suddenly Jack").
    classes = open_classes(token.text)
    following = doc.tokens[index + 1] if (index := _token_index(doc, token)) + 1 < len(doc.tokens) else None
    name_follows = (following is not None and is_name_token(following) and joined(doc, token, following)
                    and not is_common_word(following.text))
    nominal = bool(classes & {"NOUN", "ADJ", "PROPN"}) and not token.text.lower().endswith(("ing", "ed", "ly"))
    return not (name_follows and nominal)


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


def _accept(mention: Mention, singles: dict[str, tuple[int, int]], doc: Doc) -> bool:
    """Whether a mention is a name, judged by how the whole document writes its words."""
    if mention.title:
        return True
    words = mention.words
    if len(words) > MAX_NAME_WORDS:
        return False
    lowers = [w.lower() for w in words]
    if lowers[0] in _SECTION_WORDS and all(w in NUMBER_WORDS or roman(w) for w in lowers[1:]):
        return False  # "Series Two", "Part III"
    if len(words) == 1:
        return _accept_single(mention, singles[mention.words[0]], doc)
    content = [w for w in words if w not in CONNECTORS and not is_initial_word(w)]
    if any(not is_common_word(w) for w in content):
        return True
    # Only ordinary words: a name if written that way mid-sentence ("House of the Dead"), and capitalised
    # function words only when written so more than once ("All Might").
    if mention.initial or mention.weak:
        return False
    return any(not is_function_word(w) for w in content) or (
        len(content) >= 2 and words[0] not in ("The", "A", "An") and doc.text.count(mention.form) >= 2)






def _bracketed(doc: Doc, mention: Mention) -> bool:
    """A name alone in brackets: "Zach Tyler Eisen (Aang)"."""
    return (doc.text[max(0, mention.start - 1):mention.start] == "("
            and doc.text[doc.tokens[mention.last].end:doc.tokens[mention.last].end + 1] == ")")


def _apposed(doc: Doc, mention: Mention) -> bool:
    """A word with an apposition: "Sovereign, a massive starship", "his sword, Sting,"."""
    tokens = doc.tokens
    end = tokens[mention.last].end
    following = tokens[mention.last + 1] if mention.last + 1 < len(tokens) else None
    if following is not None and following.text in ("a", "an") and doc.text[end:following.start].strip() == ",":
        return True
    before = tokens[mention.first - 2] if mention.first >= 2 else None
    return (before is not None and not before.cap and noun_type(before.text) is not None
            and doc.text[before.end:mention.start].strip() == "," and doc.text[end:end + 1] in (",", "."))


def _accept_single(mention: Mention, counts: tuple[int, int], doc: Doc) -> bool:
    word = mention.words[0]
    lower = word.lower()
    if len(word) < 2 or is_function_word(word):
        return False
    if lower in HONORIFICS:
        return mention.after_the  # "the Doctor", "the Master"
    mid, start = counts
    if word.isupper() and is_common_word(word):
        return mid >= 3  # shouting ("HEY"), unless a stylised name used again and again ("the group VANGUARD")
    if not is_common_word(word):
        # Unknown to the lexicon: a name, unless it only ever starts sentences looking like an adverb.
        if mid >= 1 or start >= 2 or _bracketed(doc, mention):
            return True
        following = doc.tokens[mention.last + 1] if mention.last + 1 < len(doc.tokens) else None
        continues = following is not None and following.text.islower() and joined(doc, doc.tokens[mention.last],
                                                                                    following)
        # "Orsolya, a blacksmith from the hills": an adverb takes no apposition
        apposition = (following is not None and following.text in ("a", "an", "the")
                      and doc.text[doc.tokens[mention.last].end:following.start].strip() == ",")
        return (continues or apposition) and not mention.weak and not lower.endswith("ly")
    if doc.lower[lower] > 2 * (mid + start):
        return False  # mostly an ordinary word here
    if mid >= 2 or (mid >= 1 and start >= 1):
        return True
    if mid == 1 and not mention.initial and _apposed(doc, mention):
        return True
    if mid == 1 and not mention.initial:
        previous = doc.tokens[mention.first - 1] if mention.first > 0 else None
        return previous is not None and (previous.text in _PLACE_PREPOSITIONS or previous.text in ("the", "a", "an")
                                         or (not previous.cap and noun_type(previous.text) is not None
                                             and joined(doc, previous, doc.tokens[mention.first])))
    return False


def _modifies_noun(doc: Doc, index: int) -> bool:
    following = doc.tokens[index + 1]
    classes = open_classes(following.text)
    return (joined(doc, doc.tokens[index], following) and not following.cap and "NOUN" in classes
            and "VERB" not in classes)


def _split_glued_names(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """Cut runs that are two names written side by side (a character and its actor, brackets lost).

    Four or more name words without connectors are two names; three are, when the first word is used
    on its own elsewhere and the run occurs only once ("Tara Amber Benson" next to "Tara"), unless the
    outer two are a name of their own (then the middle one is a middle name: "Hermione Jean Granger").
    The first part is the character, the second the actor who plays them. A first word used before nouns
    ("a Romulan senator") is an adjective: "Romulan Tal Shiar" is not a character and an actor.
    """
    singles = Counter(m.words[0] for m in mentions if len(m.words) == 1 and not m.title)
    runs = Counter(m.words for m in mentions)
    # A word used before nouns ("a Romulan senator") is an adjective, not a character's name.
    modifiers = Counter(m.words[0] for m in mentions if len(m.words) == 1 and not m.title
                        and m.last + 1 < len(doc.tokens) and _modifies_noun(doc, m.last))
    def plain(mention: Mention) -> bool:
        return not mention.title and not any(w in CONNECTORS or is_function_word(w) for w in mention.words)

    def three(words: tuple[str, ...]) -> bool:
        """A once-used run of three whose last two are a name and whose outer two are not one."""
        return (len(words) == 3 and runs[words] == 1 and words[0].lower() not in HONORIFICS
                and not runs[(words[0], words[2])] and person_like(words[1:])
                and words[1].lower() not in HONORIFICS)  # "Fire Lord Ozai" is one name

    def cut_at(mention: Mention, glued_sentence: bool) -> int:
        words = mention.words
        names = [w for w in words if not is_initial_word(w)]
        if not plain(mention):
            return 0
        if (len(names) >= 4 and not {words[0].lower(), words[1].lower()} & HONORIFICS
                and person_like(words[:2]) and person_like(words[2:])):
            return 2  # not "Star Harbour IV Remake": a roman numeral or a head word is no person's name
        if three(words) and ((singles[words[0]] >= 1 and modifiers[words[0]] * 2 < singles[words[0]])
                             or glued_sentence):
            return 1
        return 0

    # A sentence that glues one character to its actor glues the others too ("... Tara Amber Benson ...
    # the arc of Willow Alyson Hannigan"), even when the character's first name is not used alone.
    cuts = [cut_at(m, False) for m in mentions]
    glued = {m.sentence for m, cut in zip(mentions, cuts, strict=True) if cut}
    result: list[Mention] = []
    for mention, cut in zip(mentions, cuts, strict=True):
        words = mention.words
        if not cut and mention.sentence in glued:
            cut = cut_at(mention, True)
        if (plain(mention) and len(words) >= 3 and _acronym_word(words[-1]) and person_like(words[:-1])
                and not _acronym_word(words[0])):
            # "Vel Orran SHIV artwork": a name and the acronym of a title, side by side
            result.append(_sub_mention(mention, 0, len(words) - 1, None))
            result.append(_sub_mention(mention, len(words) - 1, len(words), None))
            continue
        if not cut:
            result.append(mention)
            continue
        result.append(_sub_mention(mention, 0, cut, EntityType.CHARACTER))
        result.append(_sub_mention(mention, cut, len(words), EntityType.PERSON))
    return result


def _acronym_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and not roman(word.lower())


def _sub_mention(mention: Mention, start: int, end: int, role: EntityType | None) -> Mention:
    words = mention.words[start:end]
    offset_start = mention.start + len(" ".join(mention.words[:start])) + (1 if start else 0)
    return Mention(words, offset_start, offset_start + len(" ".join(words)), mention.sentence,
                   mention.first + start, mention.first + end - 1, initial=mention.initial and start == 0,
                   possessive=mention.possessive and end == len(mention.words), role=role)
