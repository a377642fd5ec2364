#!/usr/bin/env bash
# Build the sdist and, from it, the wheel (as `python -m build` does); check the wheel's contents against
# the checkout; install it into a fresh virtual environment outside the source tree and run the installed
# app from there under a guard that fails on any read inside the source tree.
#
#   packaging/check_wheel.sh            (uses .venv/bin/python for `build`, python3 for the fresh venv)
#   BUILD_PYTHON=... PYTHON=... KEEP=1 packaging/check_wheel.sh
#
# About 30 s with a warm pip cache (PySide6 is the bulk of it).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd -P)"
python="${PYTHON:-python3}"
build_python="${BUILD_PYTHON:-$repo/.venv/bin/python}"
work="$(mktemp -d "${TMPDIR:-/tmp}/ficdesk-wheel-XXXXXX")"
if [ -n "${KEEP:-}" ]; then echo "keeping $work"; else trap 'rm -rf "$work"' EXIT; fi
case "$work/" in "$repo"/*) echo "work folder $work is inside the source tree"; exit 1;; esac
unset PYTHONPATH PYTHONHOME FICDESK_DATABASE_URL
step() { printf '== %s\n' "$*"; }

step "build sdist and wheel"
"$build_python" -m build --outdir "$work/dist" "$repo" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
wheel="$(ls "$work"/dist/ficdesk-*.whl)"
ls "$work"/dist/ficdesk-*.tar.gz >/dev/null
"$build_python" "$repo/packaging/tools/verify_wheel.py" "$wheel"

step "install into a fresh venv"
"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$wheel"
cp "$repo/packaging/tools/guarded_run.py" "$work/"
cp "$repo/seeds/000_8fb8497df36be136.txt" "$work/seed.txt"

cd "$work"   # never the source tree
export FICDESK_DATA_DIR="$work/data" QT_QPA_PLATFORM=offscreen
app=("$work/venv/bin/python" -I "$work/guarded_run.py" "$repo")

step "installed app"
"$work/venv/bin/ficdesk" --version   # the console-script entry point itself
"$work/venv/bin/python" -I - "$work/venv" <<'PY'
import sys
from pathlib import Path
import ficdesk, ficdesk.resources as r
from ficdesk.store.database import MIGRATIONS_DIR
venv = Path(sys.argv[1]).resolve()
for what, path in [("package", Path(ficdesk.__file__)), ("resources", r.resources_root()),
                   ("seeds", r.seeds_dir()), ("migrations", MIGRATIONS_DIR)]:
    assert path.resolve().is_relative_to(venv), f"{what} read from {path}, not from the installed package"
    print(f"{what}: {path}")
PY
"${app[@]}" info
"${app[@]}" project new "Wheel check" >/dev/null   # seeds the default templates from the package
test "$("${app[@]}" templates list | wc -l)" -ge "$(ls "$repo"/resources/templates/*.txt | wc -l)"
set +e
"${app[@]}" check "$work/seed.txt" >"$work/check.txt"
status=$?
set -e
if [ "$status" -ne 1 ]; then cat "$work/check.txt"; echo "ficdesk check should report findings (exit 1), got $status"; exit 1; fi
echo "check: $(wc -l <"$work/check.txt") findings"

step "screenshot (offscreen)"
shot=("${app[@]}" --database "sqlite:///$work/shot.sqlite3" --screenshot "$work/shot.png" --size 1200x800)
if command -v strace >/dev/null 2>&1 && strace -o /dev/null true 2>/dev/null; then
    # Qt's C++ file access is invisible to the audit hook; strace sees every file call of the process.
    strace -f -qq -e trace=%file -o "$work/trace.log" "${shot[@]}" >"$work/shot.log" 2>&1 \
        || { cat "$work/shot.log"; exit 1; }
    if grep -F "\"$repo/" "$work/trace.log" | head -5 | grep .; then
        echo "the installed app touched the source tree (above)"; exit 1
    fi
    echo "strace: $(wc -l <"$work/trace.log") file calls, none in the source tree"
else
    "${shot[@]}" >"$work/shot.log" 2>&1 || { cat "$work/shot.log"; exit 1; }
fi
grep -v 'does not support propagateSizeHints' "$work/shot.log" || true   # the offscreen plugin's noise
"$work/venv/bin/python" - "$work/shot.png" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read(24)
assert data[:8] == b"\x89PNG\r\n\x1a\n", "screenshot is not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert (width, height) == (1200, 800), f"screenshot is {width}x{height}, expected 1200x800"
print(f"screenshot: {width}x{height} PNG")
PY
echo "wheel check passed"
