#!/bin/sh
# `reps lsp` in Neovim's built-in LSP client, headless: an example with a mistake put in, its
# diagnostics read back (as `reps check` reports them) and a hover on an exercise.
# Usage: nvim_test.sh BUILD_DIR. Exit 77 (skipped) without nvim.
set -eu

build_dir=$(cd "${1:?usage: nvim_test.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v nvim >/dev/null 2>&1; then
    echo "nvim_test: skipped: nvim is not installed" >&2
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# examples/core.reps with plank misspelt (line 13).
sed 's/^  plank  /  plonk  /' "$here/../../examples/core.reps" >"$work/core.reps"
cd "$work"
XDG_CACHE_HOME="$work/cache" HOME="$work" timeout 60 nvim --headless -u NONE -i NONE \
    -c "lua REPS='$build_dir/reps' OUT='$work/out.txt' HOVER_LINE=7 HOVER_CHARACTER=6" \
    -c "luafile $here/nvim_client.lua" core.reps >/dev/null 2>&1 || true
failed=0
expect() {  # expect LINE: out.txt has it
    if ! grep -qxF -- "$1" "$work/out.txt" 2>/dev/null; then
        echo "nvim_test: FAIL: expected the line '$1', got:" >&2
        cat "$work/out.txt" >&2 2>/dev/null || echo "(nothing)" >&2
        failed=1
    fi
}
expect "diagnostic 13:3 E0102 unknown exercise 'plonk'"
if ! grep -q "^hover \*\*Jumping Jacks\*\* \`jumping_jacks\`" "$work/out.txt" 2>/dev/null; then
    echo "nvim_test: FAIL: no hover on jumping_jacks:" >&2
    cat "$work/out.txt" >&2 2>/dev/null
    failed=1
fi
[ "$failed" = 0 ] && echo "nvim_test: ok"
exit "$failed"
