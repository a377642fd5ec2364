"""Build ``resources/tagger/perceptron-en.bin.gz``: the part-of-speech model of :mod:`ficdesk.checking.tagger`.

The weights are Matthew Honnibal's averaged-perceptron English tagger (MIT licence, trained on the Penn Treebank
Wall Street Journal sections) as shipped in the ``textblob-aptagger`` 0.2.0 wheel. Build-time tool only: the
package is not a dependency of FicDesk, and the pickle is read here, once, never at run time::

    pip download --no-deps --dest /tmp/aptag 'textblob-aptagger==0.2.0'
    python packaging/tools/build_tagger.py /tmp/aptag/textblob_aptagger-0.2.0-py2.py3-none-any.whl

Weights whose magnitude is below :data:`PRUNE` are dropped and the rest are rounded to 1/:data:`SCALE`; features
left with no weight go. Format (gzip of): a JSON header line ``{"classes", "tagdict", "scale", "features",
"pairs", "names_bytes"}``, then the feature names (UTF-8, one per line, sorted), then one byte per feature
(how many class weights it has), then one byte per weight (the class index), then the weights as little-endian
int16. The output is byte-identical between runs.
"""

from __future__ import annotations

import gzip
import json
import pickle
import sys
import zipfile
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "tagger" / "perceptron-en.bin.gz"
PICKLE = "textblob_aptagger/trontagger-0.1.0.pickle"
#: Weights below this magnitude change almost no decision (measured in tests/checking/test_tagger.py).
PRUNE = 1.0
SCALE = 100


def convert(weights: dict[str, dict[str, float]], tagdict: dict[str, str], classes: set[str],
            prune: float = PRUNE) -> bytes:
    """The model file's bytes (before gzip) from the pickle's three parts."""
    ordered = sorted(classes)
    position = {name: index for index, name in enumerate(ordered)}
    names: list[str] = []
    counts = bytearray()
    class_ids = bytearray()
    values = array("h")
    for feature in sorted(weights):
        kept = sorted((position[tag], round(weight * SCALE)) for tag, weight in weights[feature].items()
                      if abs(weight) >= prune and round(weight * SCALE))
        if not kept:
            continue
        if "\n" in feature:
            raise ValueError(f"feature name with a line break: {feature!r}")
        names.append(feature)
        counts.append(len(kept))
        for tag_index, value in kept:
            class_ids.append(tag_index)
            values.append(value)
    if sys.byteorder != "little":
        values.byteswap()
    names_bytes = "\n".join(names).encode("utf-8")
    header = {"classes": ordered, "tagdict": dict(sorted(tagdict.items())), "scale": SCALE,
              "features": len(names), "pairs": len(class_ids), "names_bytes": len(names_bytes)}
    return b"".join([json.dumps(header, separators=(",", ":")).encode("utf-8"), b"\n", names_bytes,
                     bytes(counts), bytes(class_ids), values.tobytes()])


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: build_tagger.py textblob_aptagger-0.2.0-py2.py3-none-any.whl", file=sys.stderr)
        return 2
    with zipfile.ZipFile(sys.argv[1]) as wheel:
        # Trusted input: the pinned upstream wheel, read once at build time.
        weights, tagdict, classes = pickle.loads(wheel.read(PICKLE), encoding="latin1")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(gzip.compress(convert(weights, tagdict, classes), compresslevel=9, mtime=0))
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
