"""Build hostile input files and run the ``ficdesk`` CLI on each under a memory limit and a time limit.

Usage: ``python packaging/tools/hostile_inputs.py [FICDESK_COMMAND]`` (default: ``ficdesk`` beside this
Python). Each probe runs in a child process with ``RLIMIT_AS`` at 500 MB and a 10 s timeout and must
end with either a correct result (exit 0 or 1, and the expected text in its output) or one clear line
on stderr and exit 2. One line is printed per probe; the exit status is the number of failed probes.
"""

from __future__ import annotations

import io
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

MEMORY_LIMIT = 500 * 1024 * 1024
TIME_LIMIT = 10.0
SENTENCE = "Jack Harkness watched the rain over Cardiff Bay and waited for Ianto to bring the coffee.\n\n"


@dataclass(frozen=True)
class Probe:
    """One CLI run: its arguments, and what a correct result prints (None: only exit 2 is correct)."""

    name: str
    args: tuple[str, ...]
    expect: str | None = None


@dataclass(frozen=True)
class Outcome:
    probe: Probe
    ok: bool
    detail: str
    seconds: float


def nested_b(folder: Path) -> Path:
    path = folder / "nested-b.html"
    path.write_text("<html><body><p>" + "<b>" * 500 + "Jack smiled." + "</b>" * 500 + "</p></body></html>")
    return path


def nested_div(folder: Path) -> Path:
    path = folder / "nested-div.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "<p>Jack smiled at the rain.</p>" + "</div>" * 100_000
                    + "</body></html>")
    return path


def underscores(folder: Path) -> Path:
    path = folder / "underscores.md"
    path.write_text("_a " * 100_000 + "\n")
    return path


def docx_bomb(folder: Path, unused_bytes: int = 2 * 1024 ** 3) -> Path:
    """A small valid .docx that also holds (and references) a part of ``unused_bytes`` zeros."""
    import docx

    document = docx.Document()
    document.add_paragraph("Ianto made the coffee and Jack drank it.")
    plain = io.BytesIO()
    document.save(plain)
    path = folder / "bomb.docx"
    with zipfile.ZipFile(io.BytesIO(plain.getvalue())) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdHuge" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/image" '
                                    b'Target="media/huge.png"/></Relationships>')
            target.writestr(info, data)
        huge_info = zipfile.ZipInfo("word/media/huge.png")
        huge_info.compress_type = zipfile.ZIP_DEFLATED
        with target.open(huge_info, "w", force_zip64=True) as huge:
            chunk = bytes(1024 * 1024)
            for _ in range(unused_bytes // len(chunk)):
                huge.write(chunk)
    return path


def big_text(folder: Path, size: int = 200 * 1024 * 1024) -> Path:
    """A real (not sparse) text file of ``size`` bytes."""
    path = folder / "big.txt"
    block = (SENTENCE * (1024 * 1024 // len(SENTENCE) + 1)).encode()[: 1024 * 1024]
    with path.open("wb") as handle:
        for _ in range(size // len(block)):
            handle.write(block)
    return path


def fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def invalid_utf8(folder: Path) -> Path:
    path = folder / "invalid.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 40)
    return path


def latin1(folder: Path) -> Path:
    path = folder / "latin1.txt"
    path.write_bytes(("Café crème, brûlée à la carte; où est René? " * 200).encode("latin-1"))
    return path


def utf16_without_bom(folder: Path) -> Path:
    path = folder / "utf16.txt"
    path.write_bytes(("Title: Rain on the Bay\n\n" + SENTENCE * 20).encode("utf-16-le"))
    return path


def empty(folder: Path) -> Path:
    path = folder / "empty.txt"
    path.write_bytes(b"")
    return path


def probes(folder: Path) -> list[Probe]:
    """Every probe, with its hostile file built in ``folder``."""
    out: list[Probe] = []

    def every(name: str, path: Path, expect: dict[str, str | None]) -> None:
        commands = {"import": ("import", str(path), "--dry-run", "--format", "json"), "check": ("check", str(path)),
                    "canon": ("canon", "extract", str(path))}
        for command, args in commands.items():
            if command in expect:
                out.append(Probe(f"{name} / {command}", args, expect[command]))

    every("500 nested <b>", nested_b(folder), {"import": "Jack smiled", "check": "", "canon": ""})
    every("100,000 nested <div>", nested_div(folder), {"import": "Jack smiled", "check": "", "canon": ""})
    every('markdown "_a " x 100,000', underscores(folder), {"import": '"chapters"', "check": "", "canon": ""})
    every("2 MB .docx with a 2 GiB part", docx_bomb(folder), {"import": "Ianto made the coffee"})
    every("200 MB text file", big_text(folder), {"import": None, "check": None, "canon": None})
    every("FIFO", fifo(folder), {"import": None, "check": None, "canon": None})
    every("folder", folder, {"import": None, "check": None, "canon": None})
    if Path("/dev/zero").exists():
        every("device /dev/zero", Path("/dev/zero"), {"import": None, "check": None, "canon": None})
    every("invalid UTF-8, no text", invalid_utf8(folder), {"import": None, "check": None})
    every("invalid UTF-8, Latin-1 text", latin1(folder), {"import": "guessed as", "check": "guessed as"})
    every("UTF-16 without BOM", utf16_without_bom(folder), {"import": "Rain on the Bay", "check": "",
                                                             "canon": ""})
    every("empty file", empty(folder), {"import": None, "check": None, "canon": None})
    return out


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_probe(command: Sequence[str], probe: Probe, *, home: Path, timeout: float = TIME_LIMIT) -> Outcome:
    """Run one probe in a child limited to :data:`MEMORY_LIMIT` bytes and ``timeout`` seconds."""
    env = {**os.environ, "FICDESK_DATA_DIR": str(home), "QT_QPA_PLATFORM": "offscreen"}
    started = time.monotonic()
    try:
        done = subprocess.run([*command, *probe.args], capture_output=True, text=True, timeout=timeout,
                              preexec_fn=_limit_memory, env=env, stdin=subprocess.DEVNULL, check=False)
    except subprocess.TimeoutExpired:
        return Outcome(probe, False, f"still running after {timeout:.0f} s", time.monotonic() - started)
    seconds = time.monotonic() - started
    err = done.stderr.strip()
    if "Traceback" in done.stderr or "MemoryError" in done.stderr:
        return Outcome(probe, False, f"crashed (exit {done.returncode}): {err.splitlines()[-1][:120]}", seconds)
    if done.returncode == 2:
        lines = err.splitlines()
        ok = len(lines) == 1 and lines[0].startswith("ficdesk: error:")
        return Outcome(probe, ok, f"refused: {lines[0][:140] if lines else '(no message)'}", seconds)
    if done.returncode in (0, 1) and probe.expect is not None and probe.expect in done.stdout + done.stderr:
        return Outcome(probe, True, f"exit {done.returncode}, correct result", seconds)
    wanted = "exit 2 with one line" if probe.expect is None else f"output containing {probe.expect!r}"
    return Outcome(probe, False, f"exit {done.returncode}, wanted {wanted}: {err[:120]}", seconds)


def main(argv: Sequence[str] | None = None, *, report: Callable[[str], None] = print) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args or [str(Path(sys.executable).with_name("ficdesk"))]
    failures = 0
    with tempfile.TemporaryDirectory(prefix="ficdesk-hostile-") as temp:
        folder = Path(temp) / "files"
        folder.mkdir()
        home = Path(temp) / "home"
        for probe in probes(folder):
            outcome = run_probe(command, probe, home=home)
            failures += not outcome.ok
            verdict = "pass" if outcome.ok else "FAIL"
            report(f"{verdict}  {probe.name:38} {outcome.seconds:5.1f} s  {outcome.detail}")
    report(f"{failures} of the probes failed" if failures else "all probes passed")
    return failures


if __name__ == "__main__":
    sys.exit(main())
