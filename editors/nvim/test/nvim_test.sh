#!/bin/sh
# editors/nvim in a real Neovim, headless, without the user's configuration: filetype detection,
# ftplugin, syntax groups (with every reserved word of grammar/keywords.def), and reps.lsp's setup
# (test/nvim_test.lua). Exit 77 (skipped) when nvim is not installed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
nvim_dir=$(dirname "$here")
source_dir=$(cd "$nvim_dir/../.." && pwd)

if ! command -v nvim >/dev/null 2>&1; then
    echo "nvim_test: skipped: nvim is not installed (apt-get install neovim)" >&2
    exit 77
fi
nvim --version | head -1
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
# A private home: no user configuration, shada or swap files.
REPS_SOURCE_DIR=$source_dir HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data \
XDG_STATE_HOME=$home/state XDG_CACHE_HOME=$home/cache \
    nvim --headless -u NONE -i NONE -n \
        --cmd "set runtimepath^=$nvim_dir" --cmd 'filetype plugin on' --cmd 'syntax on' \
        -c "luafile $here/nvim_test.lua" </dev/null
