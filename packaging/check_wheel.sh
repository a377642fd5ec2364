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
# shellcheck source=packaging/smoke.sh
. "$repo/packaging/smoke.sh"
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
smoke_app "installed app" "${app[@]}"
"${app[@]}" info   # a read-only command: after smoke_app, so there is a database to describe (info creates none)

step "screenshot (offscreen)"
smoke_screenshot "installed app" "${app[@]}"
echo "wheel check passed"
