#!/usr/bin/env bash
# Build the wheel, install it into a fresh virtual environment outside the source tree and run the
# installed app from there: proves that package data (templates, word lists, seeds) ships in the wheel.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python3}"
work="$(mktemp -d /tmp/ficdesk-wheel-XXXXXX)"
trap 'rm -rf "$work"' EXIT

"$repo/.venv/bin/python" -m build --wheel --outdir "$work/dist" "$repo" >/dev/null
"$python" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "$work"/dist/ficdesk-*.whl

cd "$work"   # never the source tree
export FICDESK_DATA_DIR="$work/data" QT_QPA_PLATFORM=offscreen
"$work/venv/bin/ficdesk" --version
"$work/venv/bin/python" - <<'PY'
import ficdesk.resources as r
root = r.resources_root()
assert "site-packages" in str(root), f"resources read from {root}, not from the installed package"
print("resources:", root)
PY
set +e
"$work/venv/bin/ficdesk" check "$repo/seeds/000_8fb8497df36be136.txt" > "$work/check.txt"
status=$?
set -e
if [ "$status" -ne 1 ]; then echo "ficdesk check should report findings (exit 1), got $status"; exit 1; fi
echo "check: $(wc -l < "$work/check.txt") findings"
"$work/venv/bin/ficdesk" --database "sqlite:///$work/shot.sqlite3" --screenshot "$work/shot.png" --size 1200x800
test -s "$work/shot.png"
echo "screenshot: $(stat -c %s "$work/shot.png") bytes"
echo "wheel check passed"
