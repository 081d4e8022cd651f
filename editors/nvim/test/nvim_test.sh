#!/bin/sh
# editors/nvim in a real Neovim, headless, without the user's configuration:
#  - nvim_test.lua: filetype detection, ftplugin, syntax groups (with every reserved word of
#    grammar/keywords.def);
#  - lsp_test.lua: reps.lsp with a real server process, first the stand-in fake_lsp_server.mjs
#    (node), then `REPS_DIR/reps lsp` when that reps has the lsp command.
# Usage: nvim_test.sh [REPS_DIR]. Exit 77 (skipped) when nvim or node is not installed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
nvim_dir=$(dirname "$here")
source_dir=$(cd "$nvim_dir/../.." && pwd)
reps_dir=${1:-}

for tool in nvim node; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "nvim_test: skipped: $tool is not installed" >&2
        exit 77
    fi
done
nvim --version | head -1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tab=$(printf '\t')

run_nvim() {  # run_nvim LUA_FILE: a fresh headless Neovim with a private home runs LUA_FILE
    rm -rf "$work/home" "$work/files" && mkdir "$work/home" "$work/files"
    REPS_SOURCE_DIR=$source_dir REPS_TEST_WORK=$work/files HOME=$work/home \
    XDG_CONFIG_HOME=$work/home/config XDG_DATA_HOME=$work/home/data XDG_STATE_HOME=$work/home/state \
    XDG_CACHE_HOME=$work/home/cache \
        timeout 60 nvim --headless -u NONE -i NONE -n \
            --cmd "set runtimepath^=$nvim_dir" --cmd 'filetype plugin on' --cmd 'syntax on' \
            -c "luafile $1" </dev/null
}

failed=0
run_nvim "$here/nvim_test.lua" || failed=1

: >"$work/fake.log"
REPS_TEST_LSP_CMD="node$tab$here/fake_lsp_server.mjs$tab$work/fake.log" run_nvim "$here/lsp_test.lua" || failed=1
# The stand-in saw the whole session: the handshake, both documents, and the shutdown.
expected=$(printf 'initialize\ninitialized\ntextDocument/didOpen\ntextDocument/didOpen\nshutdown\nexit')
received=$(grep -v '^workspace/\|^\$/\|^response$' "$work/fake.log" || true)
if [ "$received" != "$expected" ]; then
    echo "nvim_test: FAIL: the fake server received:" >&2
    cat "$work/fake.log" >&2
    failed=1
fi

if [ -n "$reps_dir" ] && "$reps_dir/reps" --help 2>&1 | grep -q '^  lsp'; then
    REPS_TEST_LSP_CMD="$reps_dir/reps${tab}lsp" run_nvim "$here/lsp_test.lua" || failed=1
else
    echo "nvim_test: $reps_dir/reps has no lsp command: tested with the stand-in server only"
fi
exit "$failed"
