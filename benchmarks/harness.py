"""The benchmark harness: each ``benchmarks/bench_*.py`` module exposes ``run(quick: bool) -> list[Result]``."""

from __future__ import annotations

import os
import statistics
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    """One measure. ``peer``/``peer_value`` name a competing tool measured in the same run."""

    name: str
    unit: str
    value: float
    target: str = ""
    passed: bool | None = None
    peer: str | None = None
    peer_value: float | None = None
    note: str = ""


def time_once(func: Callable[[], object]) -> float:
    """Seconds one call takes (wall clock, perf_counter)."""
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def percentile(samples: list[float], pct: float) -> float:
    """The ``pct`` percentile (0-100) of ``samples`` by nearest rank."""
    ordered = sorted(samples)
    if not ordered:
        raise ValueError("no samples")
    rank = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def whole_process(argv: list[str]) -> float:
    """Seconds from starting ``argv`` as a fresh process to its exit (output discarded)."""
    return whole_process_times(argv)[0]


def whole_process_times(argv: list[str]) -> tuple[float, float]:
    """Wall seconds of ``argv`` as a fresh process (as :func:`whole_process`) and the CPU seconds it used (user+sys).

    On a shared machine the CPU time moves less than the wall time when other work runs alongside.
    """
    cpu_before = _children_cpu()
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # A blocking wait, bounded by a timer: ``subprocess.run(timeout=...)`` polls the child with sleeps of up to
    # 50 ms, which rounded every figure up to the next poll.
    killer = threading.Timer(900, process.kill)
    killer.start()
    try:
        process.wait()
    finally:
        killer.cancel()
    return time.perf_counter() - start, _children_cpu() - cpu_before


def _children_cpu() -> float:
    """User+sys seconds of every child process waited for so far (0 on Windows, which does not count them)."""
    times = os.times()
    return times.children_user + times.children_system
