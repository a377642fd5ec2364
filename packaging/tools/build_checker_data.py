"""Build ``resources/wordlists/checker-en.dat``: every word list and frequency the checker loads, in one file.

The checker reads the start of this file in one go at start-up (a few tens of milliseconds) instead of
decompressing and splitting three gzip files (about a second). Run it after changing any of its inputs::

    python packaging/tools/build_checker_data.py          # write the file
    python packaging/tools/build_checker_data.py --check  # exit 1 when the file is out of date (the tests do this)

Inputs (the sources stay in the repository): ``en-GB.txt.gz`` and ``en-US.txt.gz`` (``build_wordlists.py``),
``informal-en.txt`` (hand-written: interjections, fandom words, informal spellings accepted in both varieties)
and ``frequency-en.txt.gz`` (``build_wordfreq.py``).

Format (uncompressed; version 7). The first line is ASCII: ``ficdesk-checker-data 7`` and then the size in bytes of
each of the eleven sections that follow it, space-separated, ending in a line feed. The sections follow back to
back, without separators. Word lists are UTF-8, one word a line (separated by line feeds, none after the last); byte
sections hold one unsigned byte per word. The checker reads sections 1-9 at start-up with one read and at most one
``split`` each, and sections 10-11 only when spelling suggestions first need them:

1. Every word either variety accepts, grouped by frequency (most frequent first), sorted within a group.
2. One byte per word of section 1 down to the last one that has a frequency: its Zipf frequency times ten. The
   words after those, the last group, are rarer than the frequency file's floor (the checker's ``RARE``, 1.5).
   The checker puts every word in one frozenset and fills the frequency dict with ``dict(zip(words, bytes))``,
   which stops at the end of this section, from the same strings, whose hashes are then already computed.
3. The en-GB-only words, and 4. the en-US-only ones, sorted.
5. The part-of-speech table's distinct tag sets, one a line, tags comma-separated (an empty line is the empty set);
   the set on line k (from 1) has code k. The table, computed with lemminflect (so lemminflect, half a second to
   load, is never needed at run time for a lower-case word), holds every lower-case word of the lists and of
   lemminflect's own lemma lookup whose answers differ from those of a word lemminflect does not know.
6. One byte per word of section 1, then one per word of section 7: the word's tag-set code, 0 for a word of
   section 1 the table does not hold. The table's words in this order (the words of section 1 with a code, then
   those of section 7) are its positions from 0. The checker maps each word to its position with a dict built
   from the word strings it already split for section 1, whose hashes are cached, so the table costs a few
   milliseconds.
7. The table's words that neither list accepts, sorted.
8. Where each position's line starts in section 9, then the size of section 9, as little-endian uint32 (table
   words + 1 numbers), so the checker slices a word's line out of section 9 without splitting it.
9. One line per position, each ending in a line feed: ``verb-lemma TAB NNS TAB VBZ TAB VBP TAB VBD TAB VBN``
   ("" not computed, "-" computed as none).
10. The lower-case words with a doubled letter grouped by their skeleton (doubled letters single); spelling
   suggestions use it for slips of doubling ("comittee"). 11. The words of Zipf frequency 3.0 or more
   (``spelling_suggest.COMMON``) grouped by their sound key (``spelling_suggest.sound_key``: "tongue" -> "tng"), for
   sound-alike suggestions ("tounge"). Both are two blocks separated by an RS character (U+001E): the keys, one a
   line, then each key's words, space-separated, a line, so the checker fills a dict with ``zip`` in a few
   milliseconds.

``--check`` rebuilds everything but the tag table, which it takes from the file itself (recomputing it needs
lemminflect's answers, which could differ with another lemminflect release), and compares bytes; the tests run it.
"""

from __future__ import annotations

import gzip
import re
import sys
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORDLISTS = ROOT / "resources" / "wordlists"
OUT = WORDLISTS / "checker-en.dat"
MAGIC = "ficdesk-checker-data 7"
SECTIONS = 11
RARE = 15
_DOUBLES = re.compile(r"(.)\1+")

#: The tag table: lower-case word -> (its tags, comma-separated and sorted; its section-9 line).
TagTable = dict[str, tuple[str, str]]


def _gz_words(name: str) -> set[str]:
    with gzip.open(WORDLISTS / name, "rt", encoding="utf-8") as handle:
        return set(handle.read().split())


def _informal() -> set[str]:
    words = set()
    for line in (WORDLISTS / "informal-en.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        words.update(line.split())
    return words


def lemminflect_words() -> set[str]:
    """Every lower-case word lemminflect's lemma lookup knows (its lemma table and overrides).

    lemminflect lowers a word before looking it up, so for a lower-case word outside these its answers are fixed:
    no lemmas, hence no tags but the "-ly" adverb guess and no verb lemma. Putting all of them in the table lets the
    checker answer every lower-case word without loading lemminflect (half a second).
    """
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer = Lemmatizer()
    known = set(lemmatizer._getLemmaDict()) | set(lemmatizer._getOverridesDict())
    return {word for word in known if word == word.lower()}


def tag_table(words: set[str]) -> TagTable:
    """The part-of-speech table of sections 5-9, computed with lemminflect (see the module docstring)."""
    from ficdesk.checking import lexicon as lx

    table: TagTable = {}
    candidates = {word for word in words if word == word.lower()} | lemminflect_words()
    for word in sorted(candidates):
        tags = lx.lemminflect_tags(word)
        lemma = lx.lemminflect_verb_lemma(word)
        if tags == lx.unlisted_tags(word) and lemma is None:
            continue  # the checker's answer for a word outside the table is this one
        forms = ["", "", "", "", ""]
        if "NN" in tags:
            forms[0] = lx.lemminflect_inflect(word, "NNS") or "-"
        if "VB" in tags:
            for position, tag in enumerate(lx.TABLE_FORMS[1:], start=1):
                forms[position] = lx.lemminflect_inflect(word, tag) or "-"
        table[word] = (",".join(sorted(tags)), "\t".join([lemma or "-", *forms]))
    return table


def read_sections(data: bytes) -> list[bytes]:
    """The sections of a version-7 file (ValueError when ``data`` is not one)."""
    newline = data.index(b"\n")
    magic, version, *sizes = data[:newline].decode("ascii").split(" ")
    if f"{magic} {version}" != MAGIC or len(sizes) != SECTIONS:
        raise ValueError("not a version-7 checker data file")
    sections, position = [], newline + 1
    for size in map(int, sizes):
        sections.append(data[position:position + size])
        position += size
    if position != len(data):
        raise ValueError("section sizes do not add up to the file's size")
    return sections


def table_of(sections: list[bytes]) -> TagTable:
    """The tag table held by a file's sections (to re-lay it out without lemminflect, see ``--check``)."""
    words = _lines(sections[0])
    extra = _lines(sections[6])
    tag_sets = _lines(sections[4])
    codes = sections[5]
    tagged = [word for word, code in zip(words, codes, strict=False) if code] + extra
    rest = sections[8].decode("utf-8").split("\n")[:-1]
    return {word: (tag_sets[code - 1], line)
            for word, code, line in zip(tagged, [c for c in codes if c], rest, strict=True)}


def _lines(section: bytes) -> list[str]:
    return section.decode("utf-8").split("\n") if section else []


def build(table: TagTable | None = None) -> bytes:
    """The file's bytes; the tag table is computed with lemminflect unless given."""
    british, american = _gz_words("en-GB.txt.gz"), _gz_words("en-US.txt.gz")
    informal = _informal()
    british |= informal
    american |= informal
    both = british & american
    everything = british | american
    lines, listed = [], set()
    with gzip.open(WORDLISTS / "frequency-en.txt.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            value, *words = line.split()
            if int(value) <= RARE:
                raise SystemExit(f"frequency bucket {value} is not above the rare bucket {RARE}")
            kept = sorted(word for word in words if word in everything)
            listed.update(kept)
            if kept:
                lines.append(" ".join([value, *kept]))
    lines.append(" ".join([str(RARE), *sorted(everything - listed)]))
    ordered: list[str] = []
    zipf10 = bytearray()
    for line in lines:
        value, *words = line.split(" ")
        ordered.extend(words)
        if int(value) != RARE:
            zipf10.extend(bytes([int(value)]) * len(words))
    if any("\n" in word or " " in word for word in ordered):
        raise SystemExit("a word with a space or line break")
    if table is None:
        table = tag_table(everything)
    sections = [_text(ordered), bytes(zipf10), _text(sorted(british - both)), _text(sorted(american - both)),
                *_table_sections(ordered, table), _text_block(doubled(everything)), _text_block(sound_alikes(lines))]
    header = " ".join([MAGIC, *(str(len(section)) for section in sections)]) + "\n"
    return header.encode("ascii") + b"".join(sections)


def _table_sections(ordered: list[str], table: TagTable) -> list[bytes]:
    """Sections 5-9: the tag sets, the codes, the table words outside the lists, the line starts, the lines."""
    tag_sets = sorted({tags for tags, _ in table.values()})
    if len(tag_sets) > 255:
        raise SystemExit(f"{len(tag_sets)} distinct tag sets do not fit the one-byte codes")
    code = {tags: position for position, tags in enumerate(tag_sets, start=1)}
    listed = set(ordered)
    extra = sorted(word for word in table if word not in listed)
    codes = bytes(code[table[word][0]] if word in table else 0 for word in ordered)
    codes += bytes(code[table[word][0]] for word in extra)
    tagged = [word for word in ordered if word in table] + extra
    lines = [f"{table[word][1]}\n".encode() for word in tagged]
    starts = array("I", [0])
    for line in lines:
        starts.append(starts[-1] + len(line))
    if sys.byteorder != "little":
        starts.byteswap()
    return [_text(tag_sets), codes, _text(extra), starts.tobytes(), b"".join(lines)]


def _text(lines: list[str]) -> bytes:
    return "\n".join(lines).encode("utf-8")


def _text_block(text: str) -> bytes:
    return text.encode("utf-8")


def doubled(words: set[str]) -> str:
    """Section 10: lower-case words with a doubled letter, by skeleton."""
    groups: dict[str, list[str]] = {}
    for word in words:
        if word.islower():
            skeleton = _DOUBLES.sub(r"\1", word)
            if skeleton != word:
                groups.setdefault(skeleton, []).append(word)
    return _blocks(groups)


def sound_alikes(frequency_lines: list[str]) -> str:
    """Section 11: the words at least as common as ``spelling_suggest.COMMON``, by their sound key."""
    from ficdesk.checking.spelling_suggest import COMMON, sound_key

    floor = round(COMMON * 10)
    groups: dict[str, list[str]] = {}
    for line in frequency_lines:
        value, *words = line.split(" ")
        if int(value) >= floor:
            for word in words:
                groups.setdefault(sound_key(word), []).append(word)
    return _blocks(groups)


def _blocks(groups: dict[str, list[str]]) -> str:
    """Keys, one a line, then an RS character (U+001E), then each key's words (sorted, space-separated) a line."""
    keys = sorted(groups)
    return "\n".join(keys) + "\x1e" + "\n".join(" ".join(sorted(groups[key])) for key in keys)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        current = OUT.read_bytes() if OUT.exists() else b""
        try:
            # The table is the file's own, laid out against the word lists as they are now: the file is up to date
            # when nothing else changed (the table itself is only recomputed by a full build).
            up_to_date = build(table_of(read_sections(current))) == current
        except ValueError:
            up_to_date = False
        if not up_to_date:
            print(f"{OUT.relative_to(ROOT)} is out of date: run python packaging/tools/build_checker_data.py")
            return 1
        return 0
    data = build()
    OUT.write_bytes(data)
    print(f"{OUT.relative_to(ROOT)}: {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
