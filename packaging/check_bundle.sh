#!/usr/bin/env bash
# Check the PyInstaller one-folder bundle (build it first with `make bundle`): copy dist/ficdesk to a
# folder outside the source tree and run it from there: --version, info, templates, check on a seed and
# an offscreen screenshot. Prints the bundle size.
#
#   packaging/check_bundle.sh [BUNDLE_DIR]      (default: dist/ficdesk)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd -P)"
bundle="${1:-$repo/dist/ficdesk}"
[ -x "$bundle/ficdesk" ] || { echo "no bundle at $bundle; run 'make bundle' first"; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/ficdesk-bundle-XXXXXX")"
if [ -n "${KEEP:-}" ]; then echo "keeping $work"; else trap 'rm -rf "$work"' EXIT; fi
unset PYTHONPATH PYTHONHOME FICDESK_DATABASE_URL
cp -a "$bundle" "$work/FicDesk"
cp "$repo/seeds/000_8fb8497df36be136.txt" "$work/seed.txt"
cd "$work"
export FICDESK_DATA_DIR="$work/data" QT_QPA_PLATFORM=offscreen
app="$work/FicDesk/ficdesk"

echo "bundle: $(du -sh "$bundle" | cut -f1) ($bundle)"
"$app" --version
"$app" info | sed -n '1,4p'
"$app" project new "Bundle check" >/dev/null
test "$("$app" templates list | wc -l)" -ge "$(ls "$repo"/resources/templates/*.txt | wc -l)"
set +e
"$app" check "$work/seed.txt" >"$work/check.txt"
status=$?
set -e
if [ "$status" -ne 1 ]; then cat "$work/check.txt"; echo "ficdesk check should report findings (exit 1), got $status"; exit 1; fi
echo "check: $(wc -l <"$work/check.txt") findings"
shot=("$app" --database "sqlite:///$work/shot.sqlite3" --screenshot "$work/shot.png" --size 1200x800)
if command -v strace >/dev/null 2>&1 && strace -o /dev/null true 2>/dev/null; then
    # Every file the bundle (Python and Qt alike) opens or stats is traced: none may be in the source tree.
    strace -f -qq -e trace=%file -o "$work/trace.log" "${shot[@]}" >"$work/shot.log" 2>&1 \
        || { cat "$work/shot.log"; exit 1; }
    if grep -F "\"$repo/" "$work/trace.log" | head -5 | grep .; then
        echo "the bundle touched the source tree (above)"; exit 1
    fi
    echo "strace: $(wc -l <"$work/trace.log") file calls, none in the source tree"
else
    "${shot[@]}" >"$work/shot.log" 2>&1 || { cat "$work/shot.log"; exit 1; }
fi
# The PNG header holds the size: bytes 16-23 are big-endian width and height.
size="$(od -An -tu1 -j16 -N8 "$work/shot.png" | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}')"
[ "$size" = "1200x800" ] || { echo "screenshot is $size, expected 1200x800"; exit 1; }
echo "screenshot: $size PNG"
echo "bundle check passed"
