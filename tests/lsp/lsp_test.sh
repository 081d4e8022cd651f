#!/bin/sh
# `reps lsp` driven by vscode-jsonrpc (npm, installed on first use into tests/lsp/.node), the
# protocol library of VS Code's language client: lsp_client.mjs opens files, edits them and asks
# for every feature the server advertises.
# Usage: lsp_test.sh BUILD_DIR. Exit 77 (skipped) when node or vscode-jsonrpc cannot be had.
set -eu

build_dir=${1:?usage: lsp_test.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
modules="$here/.node"

if ! command -v node >/dev/null 2>&1; then
    echo "lsp_test: skipped: node is not installed" >&2
    exit 77
fi
if [ ! -f "$modules/node_modules/vscode-jsonrpc/package.json" ]; then
    if ! command -v npm >/dev/null 2>&1; then
        echo "lsp_test: skipped: npm is not installed and $modules has no vscode-jsonrpc" >&2
        exit 77
    fi
    if ! npm install --silent --no-audit --no-fund --prefix "$modules" 'vscode-jsonrpc@^8' >&2; then
        echo "lsp_test: skipped: could not install vscode-jsonrpc with npm" >&2
        exit 77
    fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The stdlib's read-only copy and the explanations go to a cache of the test's own.
XDG_CACHE_HOME="$work/cache" node "$here/lsp_client.mjs" --modules "$modules" "$build_dir/reps" "$work"
