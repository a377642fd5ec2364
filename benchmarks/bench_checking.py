"""Checker speed, with proselint and Harper in the same run.

Whole-process cold figures come first (a fresh ``ficdesk check`` process per run, what a user waits for), then the
window's paths (first check of a 300,000-word chapter in a fresh process; re-check after one edit), then warm
in-process figures, labelled. The text is :mod:`benchmarks.prose` (realistic varied prose with errors).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import prose
from benchmarks.harness import Result, median, percentile, time_once, whole_process
from ficdesk.checking.parallel import available_cores
from ficdesk.checking.project import ProjectChecker, ProjectSettings

WORDS = 60_000
CANON = ("Jack Harkness", "Ianto Jones", "Gwen Cooper", "Owen Harper", "Toshiko Sato", "Rhys Williams")

def _proselint(text: str) -> int:
    from proselint.checks import __register__
    from proselint.config import DEFAULT
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    registry = CheckRegistry()
    if not registry.get_all_enabled(DEFAULT["checks"]):
        registry.register_many(__register__)
    config = dict(DEFAULT, max_errors=10**9)  # proselint stops at 1000 findings by default
    return len(LintFile("benchmark", text).lint(config))


def _tool(name: str) -> str | None:
    """An executable of this environment (beside the running Python), else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


#: Run in a fresh process: load everything the checker reads from disk (word lists and frequencies, the tag table,
#: the tagger's weights), timing only the loading (the interpreter's own start is not the data's).
_DATA_LOAD = """
import time
start = time.perf_counter()
from ficdesk.checking import lexicon, tagger
from ficdesk.checking.frequency import frequencies
lexicon.lexicon("en-GB")
lexicon.lexicon("en-US")
frequencies()
lexicon.morphology()
tagger.model()
print(time.perf_counter() - start)
"""


#: Run in a fresh process: build the project's checker the way the window's worker does and check a whole chapter
#: in the chapter's style (ProjectChecker.expect_check + style + check_paragraphs, which shares a long chapter with
#: helper processes on the other cores), timing all of it. CPU is this process's and its finished children's.
_FIRST_CHECK = """
import os, sys, time
start = time.perf_counter()
from ficdesk.checking.project import ProjectChecker, ProjectSettings
text = open(sys.argv[1], encoding="utf-8").read()
checker = ProjectChecker(ProjectSettings(canon_names=tuple(sys.argv[2:])))
paragraphs = text.split("\\n")
checker.expect_check(paragraphs)
style = checker.style(paragraphs)
texts = [p for p in paragraphs if p.strip()]
found = sum(len(matches) for _text, matches in checker.check_paragraphs(texts, style))
seconds = time.perf_counter() - start
children = os.times()
from ficdesk.checking.parallel import available_cores, helper_count
helpers = helper_count(sum(map(len, dict.fromkeys(texts))), available_cores())
print(seconds, time.process_time() + children.children_user + children.children_system, found, helpers)
"""


def run(quick: bool) -> list[Result]:
    results: list[Result] = []
    rounds = 1 if quick else 3
    text = prose.story(WORDS)
    words = len(text.split())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "chapter.txt"
        path.write_text(text, encoding="utf-8")
        config = Path(folder) / "proselintrc.json"
        config.write_text(json.dumps({"max_errors": 10**9}), encoding="utf-8")
        # Whole process, fresh each time (imports, data loading and output included): what a user waits for.
        ficdesk = [sys.executable, "-m", "ficdesk", "check", str(path), "--format", "json"]
        peers: dict[str, list[str]] = {}
        proselint = _tool("proselint")
        if proselint:
            peers["proselint"] = [proselint, "--config", str(config), "check", str(path)]
        harper = _tool("harper-cli") or _tool("harper")
        if harper:
            peers["Harper"] = [harper, "lint", "--count", "--no-color", str(path)]
        times: dict[str, list[float]] = {"ficdesk": [], **{name: [] for name in peers}}
        for round_number in range(rounds):  # interleaved, so a busy moment hits every tool alike
            times["ficdesk"].append(whole_process(ficdesk))
            for name, argv in peers.items():
                if name != "Harper" or round_number == 0:  # Harper takes far longer: once is enough
                    times[name].append(whole_process(argv))
        ours = median(times["ficdesk"])
        prose_time = median(times["proselint"]) if "proselint" in times else None
        note = (f"`ficdesk check FILE --format json` in a fresh process, median of {rounds}; "
                f"realistic prose (benchmarks/prose.py: {len(set(text.split()))} distinct tokens, ~1 error per 150 "
                f"words)")
        if "Harper" in times:
            note += f"; Harper (harper-cli lint, one run): {median(times['Harper']):.2f} s"
        else:
            note += "; Harper: harper-cli not installed"
        note += f"; load average {os.getloadavg()[0]:.1f}"
        results.append(Result(f"`ficdesk check` of {words:,} words (whole process, cold)", "s", ours,
                              target="<= 1.0x proselint", passed=None if prose_time is None else ours <= prose_time,
                              peer="proselint (whole process)", peer_value=prose_time, note=note))
        if "Harper" in times:
            results.append(Result(f"`ficdesk check` of {words:,} words vs Harper (whole process, cold)", "s", ours,
                                  peer="Harper (whole process)", peer_value=median(times["Harper"]),
                                  note="harper-cli lint --count, same file, same run"))

        # The window's path: the worker's first full check of a 300,000-word chapter in a fresh process.
        big = prose.story(300_000 if not quick else 100_000, seed=8)
        big_path = Path(folder) / "big.txt"
        big_path.write_text(big, encoding="utf-8")
        first = subprocess.run([sys.executable, "-c", _FIRST_CHECK, str(big_path), *CANON], capture_output=True,
                               text=True, check=True, timeout=900)
        seconds, cpu_seconds, found, helpers = first.stdout.split()
        big_words = len(big.split())
        results.append(Result(f"first full check of a {big_words:,}-word chapter (window's path, fresh process)", "s",
                              float(seconds), target="<= 2 s (300k words)",
                              passed=float(seconds) <= 2.0 if not quick else None,
                              note=f"ProjectChecker built, chapter style judged, every paragraph checked: {found} "
                                   f"findings; includes imports and data loading; {helpers} helper process(es) on "
                                   f"{available_cores()} cores; CPU of all {float(cpu_seconds):.2f} s; "
                                   f"load average {os.getloadavg()[0]:.1f}"))
        # Text output (line/column) against JSON at the same size: both whole process.
        text_runs, json_runs = [], []
        for _ in range(rounds):  # interleaved
            text_runs.append(whole_process([sys.executable, "-m", "ficdesk", "check", str(big_path)]))
            json_runs.append(whole_process([sys.executable, "-m", "ficdesk", "check", str(big_path), "--format",
                                             "json"]))
        text_out, json_out = median(text_runs), median(json_runs)
        results.append(Result(f"`ficdesk check` text output vs JSON, {big_words:,} words (whole process)", "s",
                              text_out, target="<= 1.2x JSON", passed=text_out <= 1.2 * json_out,
                              peer="same check, JSON output", peer_value=json_out,
                              note=f"median of {rounds}, interleaved"))

    # The checker's data alone, in fresh processes.
    loads = [float(subprocess.run([sys.executable, "-c", _DATA_LOAD], capture_output=True, text=True, check=True,
                                  timeout=120).stdout) for _ in range(rounds + 2)]
    load = median(loads)
    results.append(Result("checker data load (fresh process: word lists, frequencies, tag table, tagger weights)",
                          "s", load, target="<= 0.15 s", passed=load <= 0.15,
                          note=f"median of {len(loads)}, {min(loads):.3f}-{max(loads):.3f} s; importing the "
                               "checker's modules included, the interpreter's start not"))

    # In-process, warm (labelled): the checker already built, the same text checked again.
    checker = ProjectChecker(ProjectSettings(canon_names=CANON))
    checker.check(text)
    _proselint(text[:2000])  # registers and compiles proselint's checks outside the timing
    warm = median([time_once(lambda: checker.check(text)) for _ in range(rounds)])
    theirs = median([time_once(lambda: _proselint(text)) for _ in range(rounds)])
    results.append(Result(f"full check of {words:,} words (in-process, warm)", "s", warm,
                          peer="proselint (in-process, warm)", peer_value=theirs,
                          note="checker built and data loaded before timing; not what a user waits for"))

    # Re-check after editing one paragraph, through the window's path (CheckJob on the worker): the chapter's style
    # from every paragraph, then the changed paragraph checked in it.
    paragraphs = text.split("\n")
    checker.style(paragraphs)
    rng = random.Random(7)
    samples = []
    cpu_samples = []
    for edit in range(30 if quick else 200):
        index = rng.randrange(len(paragraphs))
        if not paragraphs[index].strip():
            continue
        paragraphs[index] = f"{paragraphs[index]} Edit {edit}: {prose.sentence(rng)}"
        cpu = time.thread_time()
        start = time.perf_counter()
        style = checker.style(paragraphs)
        checker.check_paragraph(paragraphs[index], style)
        samples.append((time.perf_counter() - start) * 1000)
        cpu_samples.append((time.thread_time() - cpu) * 1000)
    p95 = percentile(samples, 95)
    results.append(Result("re-check after editing one paragraph (p95, window's path, in-process)", "ms", p95,
                          target="<= 5 ms", passed=p95 <= 5.0,
                          note=f"ProjectChecker.style(all {len(paragraphs)} lines) + check_paragraph(edited) on the "
                               f"{words:,}-word text; median {median(samples):.2f} ms; CPU p95 "
                               f"{percentile(cpu_samples, 95):.2f} ms; load average {os.getloadavg()[0]:.1f}"))
    return results


if __name__ == "__main__":
    for result in run(quick=False):
        print(result)
