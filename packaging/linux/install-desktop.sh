#!/usr/bin/env bash
# Install (or remove) FicDesk's Linux desktop integration for the current user, following the XDG
# base-directory spec: the menu entry, the AppStream metainfo and the icon go under $XDG_DATA_HOME
# (default ~/.local/share). No root needed.
#
#   install-desktop.sh [--exec COMMAND] [--uninstall]
#
# --exec: what the menu entry runs. Default: the `ficdesk` binary next to this script (the standalone
# bundle), else the `ficdesk` found on PATH (a pip/pipx install), as an absolute path.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd -P)"
app_id="io.github.ficdesk.FicDesk"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
exec_cmd=""
uninstall=""
while [ $# -gt 0 ]; do
    case "$1" in
        --exec) exec_cmd="${2:?--exec needs a command}"; shift 2;;
        --uninstall) uninstall=1; shift;;
        -h|--help) sed -n '2,10s/^# \{0,1\}//p' "$0"; exit 0;;
        *) echo "install-desktop.sh: unknown option $1" >&2; exit 2;;
    esac
done

desktop_dst="$data_home/applications/$app_id.desktop"
metainfo_dst="$data_home/metainfo/$app_id.metainfo.xml"
icon_dst="$data_home/icons/hicolor/scalable/apps/$app_id.svg"

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$data_home/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data_home/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$data_home/icons/hicolor" || true
    fi
}

if [ -n "$uninstall" ]; then
    rm -f "$desktop_dst" "$metainfo_dst" "$icon_dst"
    refresh_caches
    echo "removed FicDesk's desktop entry, metainfo and icon from $data_home"
    exit 0
fi

# Sources: next to this script in the bundle, or in the source tree (packaging/linux + resources/icons).
desktop_src="$here/$app_id.desktop"
metainfo_src="$here/$app_id.metainfo.xml"
icon_src="$here/$app_id.svg"
[ -f "$icon_src" ] || icon_src="$here/../../resources/icons/ficdesk.svg"
for f in "$desktop_src" "$metainfo_src" "$icon_src"; do
    [ -f "$f" ] || { echo "install-desktop.sh: missing $f" >&2; exit 1; }
done

if [ -z "$exec_cmd" ]; then
    if [ -x "$here/ficdesk" ]; then
        exec_cmd="$here/ficdesk"
    elif command -v ficdesk >/dev/null 2>&1; then
        exec_cmd="$(command -v ficdesk)"
        case "$exec_cmd" in /*) ;; *) exec_cmd="$(cd "$(dirname "$exec_cmd")" && pwd -P)/ficdesk";; esac
    else
        echo "install-desktop.sh: no ficdesk binary next to this script or on PATH; pass --exec" >&2
        exit 1
    fi
fi
# Desktop Entry spec: an argument with spaces is double-quoted, and inside quotes \ " ` $ are escaped.
if [[ "$exec_cmd" =~ [[:space:]\"\`\$\\] ]]; then
    escaped="$(printf '%s' "$exec_cmd" | sed -e 's/[\\"`$]/\\&/g')"
    exec_line="\"$escaped\""
else
    exec_line="$exec_cmd"
fi
exec_line="${exec_line//%/%%}"   # a literal % is %% (field codes like %f start with one)
# The file format escapes backslashes once more, and sed needs & \ | escaped in the replacement.
exec_value="$(printf '%s' "$exec_line" | sed -e 's/\\/\\\\/g')"
sed_replacement="$(printf '%s' "$exec_value" | sed -e 's/[&|\\]/\\&/g')"

mkdir -p "$(dirname "$desktop_dst")" "$(dirname "$metainfo_dst")" "$(dirname "$icon_dst")"
sed -e "s|^Exec=.*|Exec=$sed_replacement|" "$desktop_src" >"$desktop_dst.tmp"
mv "$desktop_dst.tmp" "$desktop_dst"
install -m 644 "$metainfo_src" "$metainfo_dst"
install -m 644 "$icon_src" "$icon_dst"
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$desktop_dst"
fi
refresh_caches
echo "installed $desktop_dst (Exec=$exec_value)"
echo "installed $metainfo_dst"
echo "installed $icon_dst"
