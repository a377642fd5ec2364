"""Run every benchmark and print a table: ``python -m benchmarks [--quick] [--json PATH] [--only NAME]``.

Each ``bench_<area>.py`` module exposes ``run(quick: bool) -> list[Result]``. Peers (proselint, a bare
Qt window) are measured in the same run on the same machine so the comparison is fair.
"""

from __future__ import annotations

import argparse
import compileall
import importlib
import json
import os
import pkgutil
import platform
import sys
import time
from dataclasses import asdict
from pathlib import Path

from benchmarks.harness import Result

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def discover() -> list[str]:
    folder = Path(__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(folder)]) if m.name.startswith("bench_"))


def format_value(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit in {"ms", "s"}:
        return f"{value:.3g} {unit}" if value < 100 else f"{value:.0f} {unit}"
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:.3g} {unit}"


def print_table(results: list[Result]) -> None:
    header = ("measure", "FicDesk", "target", "ok", "peer")
    rows = [header]
    for r in results:
        peer = f"{r.peer}: {format_value(r.peer_value, r.unit)}" if r.peer else ""
        ok = "" if r.passed is None else ("yes" if r.passed else "NO")
        rows.append((r.name, format_value(r.value, r.unit), r.target, ok, peer))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for index, row in enumerate(rows):
        print(" | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)))
        if index == 0:
            print("-+-".join("-" * w for w in widths))


def byte_compile() -> None:
    """Byte-compile FicDesk's sources, as pip does when it installs the wheel (and the bundle ships compiled).

    A source checkout installed in editable mode has no ``.pyc`` files when ``PYTHONDONTWRITEBYTECODE`` is set, so
    every fresh ``ficdesk`` process would compile its 80 modules again (0.2-0.3 s of CPU) while peers installed by
    pip load theirs compiled: whole-process figures would time the checkout, not what a user runs.
    """
    import ficdesk

    compileall.compile_dir(Path(ficdesk.__file__).parent, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller inputs, fewer repeats (under 2 minutes)")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    parser.add_argument("--only", metavar="NAME", action="append", help="run only bench_NAME (repeatable)")
    args = parser.parse_args(argv)
    modules = discover()
    if args.only:
        modules = [m for m in modules if m.removeprefix("bench_") in set(args.only)]
    byte_compile()
    results: list[Result] = []
    started = time.perf_counter()
    for name in modules:
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"running {name}…", file=sys.stderr, flush=True)
        results.extend(module.run(args.quick))
    elapsed = time.perf_counter() - started
    cpu = platform.processor() or platform.machine()
    print(f"\nFicDesk benchmarks — Python {platform.python_version()}, {os.cpu_count()} cores ({cpu}), "
          f"{'quick' if args.quick else 'full'} run, {elapsed:.0f} s\n")
    print_table(results)
    if args.json:
        payload = {"quick": args.quick, "seconds": elapsed, "cores": os.cpu_count(),
                   "results": [asdict(r) for r in results]}
        Path(args.json).write_text(json.dumps(payload, indent=2), encoding="utf-8")
    return 0 if all(r.passed is not False for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
