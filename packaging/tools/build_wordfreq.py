"""Build ``resources/wordlists/frequency-en.txt.gz``: how common each word of FicDesk's lexicon is.

The spelling checker ranks its suggestions with it ("definatly" -> "definitely", not "defiantly"). Build-time
tool only: ``wordfreq`` is not a dependency of FicDesk. Run it in a throwaway environment::

    python3 -m venv /tmp/wf && /tmp/wf/bin/pip install 'wordfreq==3.1.1'
    /tmp/wf/bin/python packaging/tools/build_wordfreq.py

It reads the bundled ``en-GB.txt.gz`` and ``en-US.txt.gz`` (so run ``build_wordlists.py`` first when they change)
and keeps the lower-case words whose English Zipf frequency (log10 of occurrences per billion words) is at least
:data:`FLOOR`. The output is byte-identical between runs of the same wordfreq version.

Format (UTF-8, gzip): ``#`` lines are comments; every other line is a Zipf value times ten followed by the words
that have it, space-separated and sorted, most frequent line first::

    77 the
    73 a and of to
    ...

wordfreq's code is Apache-2.0; its data, and so this file, is CC BY-SA 4.0 (see
``resources/wordlists/README.md`` for the attribution it requires).
"""

from __future__ import annotations

import gzip
import importlib
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORDLISTS = ROOT / "resources" / "wordlists"
OUT = WORDLISTS / "frequency-en.txt.gz"
#: Zipf 2.0 is one occurrence in ten million words; rarer words all rank alike (the checker's default).
FLOOR = 2.0
HEADER = (
    "# Zipf frequencies (x10) of FicDesk's lexicon words, from wordfreq {version} (https://github.com/rspeer/wordfreq)",
    "# Data: CC BY-SA 4.0. Built by packaging/tools/build_wordfreq.py; attribution in README.md.",
)


def lexicon_words() -> set[str]:
    """Every lower-cased word of the bundled en-GB and en-US lists."""
    words: set[str] = set()
    for name in ("en-GB.txt.gz", "en-US.txt.gz"):
        with gzip.open(WORDLISTS / name, "rt", encoding="utf-8") as handle:
            words.update(word.lower() for word in handle.read().split())
    return words


def main() -> int:
    wordfreq = importlib.import_module("wordfreq")  # build-time only; not installed with FicDesk
    version = importlib.import_module("importlib.metadata").version("wordfreq")
    buckets: dict[int, list[str]] = defaultdict(list)
    for word in lexicon_words():
        zipf = float(wordfreq.zipf_frequency(word, "en"))
        if zipf >= FLOOR:
            buckets[round(zipf * 10)].append(word)
    lines = [line.format(version=version) for line in HEADER]
    lines += [f"{bucket} {' '.join(sorted(words))}" for bucket, words in sorted(buckets.items(), reverse=True)]
    data = "\n".join(lines) + "\n"
    # mtime=0 and no file name keep the file byte-identical between runs.
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle:
        handle.write(data.encode("utf-8"))
    count = sum(len(words) for words in buckets.values())
    print(f"{OUT.relative_to(ROOT)}: {count} words, {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
