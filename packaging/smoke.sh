# Shared smoke steps of check_wheel.sh and check_bundle.sh (sourced, not run).
# Both expect $repo (the checkout), $work (a scratch folder outside it, holding seed.txt) and run the
# app given as the arguments, e.g. `smoke_app "installed app" "$work/venv/bin/ficdesk"`.

# A project with the bundled templates, then `ficdesk check` on a seed with known errors (exit 1).
smoke_app() {
    local what="$1"; shift
    "$@" project new "Smoke check ($what)" >/dev/null   # seeds the default templates from the package
    test "$("$@" templates list | wc -l)" -ge "$(ls "$repo"/resources/templates/*.txt | wc -l)"
    local status=0
    "$@" check "$work/seed.txt" >"$work/check.txt" || status=$?
    if [ "$status" -ne 1 ]; then
        cat "$work/check.txt"; echo "ficdesk check should report findings (exit 1), got $status"; exit 1
    fi
    echo "check: $(wc -l <"$work/check.txt") findings"
}

# An offscreen screenshot, traced with strace where it works: no file call may touch the source tree
# (Qt's C++ file access is invisible to Python's audit hooks). Then the PNG's size is checked.
smoke_screenshot() {
    local what="$1"; shift
    local shot=("$@" --database "sqlite:///$work/shot.sqlite3" --screenshot "$work/shot.png" --size 1200x800)
    if command -v strace >/dev/null 2>&1 && strace -o /dev/null true 2>/dev/null; then
        strace -f -qq -e trace=%file -o "$work/trace.log" "${shot[@]}" >"$work/shot.log" 2>&1 \
            || { cat "$work/shot.log"; exit 1; }
        if grep -F "\"$repo/" "$work/trace.log" | head -5 | grep .; then
            echo "the $what touched the source tree (above)"; exit 1
        fi
        echo "strace: $(wc -l <"$work/trace.log") file calls, none in the source tree"
    else
        "${shot[@]}" >"$work/shot.log" 2>&1 || { cat "$work/shot.log"; exit 1; }
    fi
    grep -v 'does not support propagateSizeHints' "$work/shot.log" || true   # the offscreen plugin's noise
    [ "$(head -c 8 "$work/shot.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] \
        || { echo "screenshot is not a PNG"; exit 1; }
    # Bytes 16-23 of a PNG are its big-endian width and height.
    local size
    size="$(od -An -tu1 -j16 -N8 "$work/shot.png" \
        | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}')"
    [ "$size" = "1200x800" ] || { echo "screenshot is $size, expected 1200x800"; exit 1; }
    echo "screenshot: $size PNG"
}
