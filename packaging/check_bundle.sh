#!/usr/bin/env bash
# Check the PyInstaller one-folder bundle (build it first with `make bundle`): copy dist/ficdesk to a
# folder outside the source tree and run it from there: --version, info, templates, check on a seed and
# an offscreen screenshot. Prints the bundle size.
#
#   packaging/check_bundle.sh [BUNDLE_DIR]      (default: dist/ficdesk)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd -P)"
# shellcheck source=packaging/smoke.sh
. "$repo/packaging/smoke.sh"
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
smoke_app "bundle" "$app"
"$app" info | sed -n '1,4p'   # read-only: after smoke_app has created the database
smoke_screenshot "bundle" "$app"
echo "bundle check passed"
