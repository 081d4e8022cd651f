#!/bin/sh
# Renders the README's highlighting screenshot, docs/editor-highlighting.png: lines of
# examples/runners.reps highlighted by shiki (npm, installed on first use from this folder's
# package-lock.json) with the extension's TextMate grammar and VS Code's Dark+ theme, then
# photographed by headless Chromium. Not part of the tests; run it again after changing the grammar.
# Usage: render_screenshot.sh [FILE FIRST_LINE LAST_LINE [OUT.png]]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../../.." && pwd)
file=${1:-$source_dir/examples/runners.reps}
first=${2:-1}
last=${3:-26}
out=${4:-$source_dir/docs/editor-highlighting.png}

chromium=
for name in chromium chromium-browser google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then chromium=$(command -v "$name"); break; fi
done
[ -n "$chromium" ] || { echo "render_screenshot: needs chromium" >&2; exit 1; }
[ -f "$here/node_modules/shiki/package.json" ] || npm ci --silent --no-audit --no-fund --prefix "$here" >&2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node "$here/render_screenshot.mjs" "$file" "$first" "$last" dark-plus "$work/code.html"
# The window fits the code: 15px DejaVu Sans Mono is 9.04px a character, lines are 22.5px, plus padding.
columns=$(sed -n "${first},${last}p" "$file" | awk '{ if (length($0) > n) n = length($0) } END { print n }')
lines=$((last - first + 1))
width=$((columns * 904 / 100 + 60))
height=$((lines * 45 / 2 + 40))
"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions \
    --disable-background-networking --disable-component-update --disable-sync \
    --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$work/profile" \
    --window-size="$width,$height" --screenshot="$out" "file://$work/code.html" >"$work/chromium.log" 2>&1 ||
    { cat "$work/chromium.log" >&2; exit 1; }
echo "render_screenshot: wrote $out (${width}x$height)"
