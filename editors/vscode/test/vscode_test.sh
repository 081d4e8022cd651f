#!/bin/sh
# The VS Code extension with real tools from npm (installed on first use, from the committed
# package-lock.json, into editors/vscode/test/node_modules):
#   grammar  vscode-tmgrammar-test runs the assertion files test/grammar/*.test.reps;
#   tokens   vscode-textmate + vscode-oniguruma tokenize every example, stdlib file and golden
#            (test/tokenize_all.mjs: nothing unscoped, nothing invalid in valid files, the
#            keyword list equal to grammar/keywords.def);
#   vsix     @vscode/vsce packages the extension (with vscode-languageclient, installed from the
#            extension's package-lock.json) into a temporary folder, and the .vsix is checked to
#            hold the grammar, the language configuration, the snippets and the client, which
#            loads with its dependency (test/load_client.cjs) and starts `reps lsp` as its
#            settings say (test/client_test.cjs);
#   snippets every snippet, expanded with its default text (test/expand_snippets.mjs), passes
#            `reps check` (warnings allowed).
# Usage: vscode_test.sh grammar|tokens|vsix, vscode_test.sh snippets REPS_DIR. Exit 77 (skipped)
# when node or the npm packages cannot be had.
set -eu

mode=${1:?usage: vscode_test.sh grammar|tokens|vsix|snippets REPS_DIR}
here=$(cd "$(dirname "$0")" && pwd)
extension=$(dirname "$here")
source_dir=$(cd "$extension/../.." && pwd)

if ! command -v node >/dev/null 2>&1; then
    echo "vscode_test: skipped: node is not installed" >&2
    exit 77
fi
# The npm tools, from test/package-lock.json. The modes may run at once (ctest -j): one installs,
# the others wait for it.
install_tools() {
    if ! flock "$here/package.json" sh -c '
            [ -f "$1/node_modules/.package-lock.json" ] && cmp -s "$1/package-lock.json" "$1/node_modules/.reps-installed-lock" && exit 0
            command -v npm >/dev/null 2>&1 || { echo "vscode_test: npm is not installed" >&2; exit 1; }
            npm ci --silent --no-audit --no-fund --prefix "$1" >&2 && cp "$1/package-lock.json" "$1/node_modules/.reps-installed-lock"
        ' sh "$here"; then
        echo "vscode_test: skipped: could not install the test tools with npm" >&2
        exit 77
    fi
}

case $mode in
grammar)
    install_tools
    cd "$extension"
    timeout 120 "$here/node_modules/.bin/vscode-tmgrammar-test" --compact --config package.json \
        --grammar syntaxes/reps.tmLanguage.json 'test/grammar/*.test.reps'
    count=$(ls test/grammar/*.test.reps | wc -l)
    [ "$count" -ge 3 ] || { echo "vscode_test: FAIL: only $count assertion files" >&2; exit 1; }
    echo "vscode_test: grammar: ok ($count assertion files)"
    ;;
tokens)
    install_tools
    node "$here/tokenize_all.mjs" --modules "$here" --grammar "$extension/syntaxes/reps.tmLanguage.json" \
        --keywords "$source_dir/grammar/keywords.def" \
        --clean "$source_dir"/examples/*.reps "$source_dir"/stdlib/*.reps "$source_dir"/tests/golden/ok/*.reps \
                "$here"/grammar/program.test.reps "$here"/grammar/workout.test.reps \
        --any "$source_dir"/tests/golden/fail/*.reps "$here"/grammar/lexical.test.reps
    ;;
vsix)
    install_tools
    if ! command -v unzip >/dev/null 2>&1; then
        echo "vscode_test: skipped: unzip is not installed" >&2
        exit 77
    fi
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    # A copy without test/ and its node_modules, so that the source tree stays as it is.
    mkdir "$work/extension"
    (cd "$extension" && tar cf - --exclude=./test --exclude=./node_modules .) | (cd "$work/extension" && tar xf -)
    if ! (cd "$work/extension" && npm ci --silent --omit=dev --prefer-offline --no-audit --no-fund >&2); then
        echo "vscode_test: skipped: could not install vscode-languageclient with npm" >&2
        exit 77
    fi
    (cd "$work/extension" && "$here/node_modules/.bin/vsce" package --skip-license --allow-missing-repository \
        --out "$work/reps.vsix" >&2)
    unzip -l "$work/reps.vsix" >"$work/listing"
    failed=0
    for file in extension/package.json extension/extension.js extension/syntaxes/reps.tmLanguage.json \
                extension/language-configuration.json extension/snippets/reps.json extension/readme.md \
                extension/node_modules/vscode-languageclient/node.js \
                extension/node_modules/vscode-languageclient/lib/node/main.js; do
        if ! grep -qi " $file\$" "$work/listing"; then
            echo "vscode_test: FAIL: the .vsix has no $file" >&2
            failed=1
        fi
    done
    if grep -q " extension/test/" "$work/listing"; then
        echo "vscode_test: FAIL: the .vsix holds the tests" >&2
        failed=1
    fi
    # What was packaged is what is in the source tree, and the client loads with its dependency.
    for file in syntaxes/reps.tmLanguage.json language-configuration.json snippets/reps.json extension.js; do
        if ! unzip -p "$work/reps.vsix" "extension/$file" | cmp -s - "$extension/$file"; then
            echo "vscode_test: FAIL: extension/$file in the .vsix differs from editors/vscode/$file" >&2
            failed=1
        fi
    done
    mkdir "$work/unpacked" && (cd "$work/unpacked" && unzip -q "$work/reps.vsix")
    if ! node "$here/load_client.cjs" "$work/unpacked/extension/extension.js" 2>"$work/require.err"; then
        echo "vscode_test: FAIL: the client in the .vsix does not load:" >&2
        cat "$work/require.err" >&2
        failed=1
    fi
    if ! node "$here/client_test.cjs" "$work/unpacked/extension/extension.js"; then
        echo "vscode_test: FAIL: the client in the .vsix does not behave (client_test.cjs)" >&2
        failed=1
    fi
    [ "$failed" = 0 ] || exit 1
    echo "vscode_test: vsix: ok ($(tail -1 "$work/listing" | awk '{print $2}') files)"
    ;;
snippets)
    reps=${2:?usage: vscode_test.sh snippets REPS_DIR}/reps
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    node "$here/expand_snippets.mjs" "$extension/snippets/reps.json" "$work" >"$work/files"
    failed=0
    while read -r file; do
        if ! "$reps" check "$file" >"$work/check.out" 2>&1; then
            echo "vscode_test: FAIL: the snippet $(basename "$file" .reps) does not pass reps check:" >&2
            cat "$file" "$work/check.out" >&2
            failed=1
        fi
    done <"$work/files"
    [ "$failed" = 0 ] || exit 1
    echo "vscode_test: snippets: ok ($(wc -l <"$work/files") files)"
    ;;
*)
    echo "usage: vscode_test.sh grammar|tokens|vsix|snippets REPS_DIR" >&2
    exit 2
    ;;
esac
