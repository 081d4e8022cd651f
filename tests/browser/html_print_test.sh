#!/usr/bin/env bash
# The HTML sheet in a real browser: headless Chromium prints every example, the longest
# workout (week 6 of the runner program, dated), a 3-week, 2-session program and a hostile
# file to PDF on A4, on Letter and on a paper 20 mm shorter than Letter (so that a font a
# little larger than this machine's still fits); poppler checks the page counts (a program's
# overview page, then one page per workout session) and that every exercise title is printed on its page. PNG screenshots are
# kept in BUILD_DIR/artifacts for a person to look at (the README's come from here).
#
# Usage: html_print_test.sh BUILD_DIR   (BUILD_DIR/reps must exist)
# Exit 0 pass, 1 fail, 77 skip (no chromium/poppler; set CI or REPS_INSTALL_TEST_TOOLS=1 to
# have this script apt-get install them).
set -euo pipefail

build_dir=${1:?usage: html_print_test.sh BUILD_DIR}
build_dir=$(cd "$build_dir" && pwd)
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
reps=$build_dir/reps
artifacts=$build_dir/artifacts
started=$SECONDS

fail() { echo "FAIL: $*" >&2; exit 1; }

find_chromium() {
    local name
    for name in chromium chromium-browser google-chrome; do
        if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
    done
    return 1
}

have_tools() { find_chromium >/dev/null && command -v pdfinfo >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; }

if ! have_tools && [[ -n "${CI:-}" || -n "${REPS_INSTALL_TEST_TOOLS:-}" ]]; then
    echo "installing chromium and poppler-utils with apt-get"
    sudo_cmd=()
    if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo -n); fi
    # A fresh CI image has no package lists yet.
    "${sudo_cmd[@]}" apt-get update -qq || echo "apt-get update failed"
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        chromium poppler-utils fonts-liberation || echo "apt-get install failed"
fi
if ! have_tools; then
    echo "SKIP: browser test needs chromium, pdfinfo and pdftotext (apt-get install chromium poppler-utils;" \
         "or set REPS_INSTALL_TEST_TOOLS=1 to let this test install them)"
    exit 77
fi
[[ -x "$reps" ]] || fail "no reps binary at $reps (build the 'reps' target first)"
chromium=$(find_chromium)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$artifacts"
echo "$("$chromium" --version 2>/dev/null || echo chromium)"

# Headless, sandbox-less (containers run as root), and kept off the network: every host name
# resolves to nothing, and the background services that would phone home are off.
chromium_flags=(
    --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --no-default-browser-check
    --disable-background-networking --disable-component-update --disable-sync --disable-extensions
    --disable-default-apps --disable-domain-reliability --disable-breakpad --metrics-recording-only
    --host-resolver-rules="MAP * ~NOTFOUND"
)

# run_chromium LOG ARGS...: one browser run with a fresh profile, a time limit and its log kept.
run_chromium() {
    local log=$1
    shift
    local profile
    profile=$(mktemp -d "$work/profile.XXXXXX")
    if ! timeout 120 "$chromium" "${chromium_flags[@]}" --user-data-dir="$profile" "$@" >>"$log" 2>&1; then
        cat "$log" >&2
        fail "chromium failed: $*"
    fi
}

# The sheet with its paper fixed, since the browser's default paper follows the locale.
with_paper() {
    sed "s/@page { margin: 12mm; }/@page { size: $2; margin: 12mm; }/" "$1"
}

page_count() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }

# Exercise titles of the sheet's pages as "PAGE<TAB>TITLE" lines, entities decoded.
titles_by_page() {
    awk '/<section class="page/ { page++ }
         { line = $0
           while (match(line, /<td class="ex"><b>[^<]*<\/b>/)) {
               print page "\t" substr(line, RSTART + 18, RLENGTH - 22)
               line = substr(line, RSTART + RLENGTH)
           } }' "$1" |
        sed -e 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#39;/'"'"'/g; s/&amp;/\&/g'
}

# check_sheet NAME FILE.reps EXPECTED_PAGES [BUILD ARGS...]
check_sheet() {
    local name=$1 input=$2 expected=$3
    shift 3
    local html=$artifacts/$name.html
    "$reps" build "$input" --to html "$@" -o "$html" 2>"$work/$name.stderr" ||
        { cat "$work/$name.stderr" >&2; fail "reps build $input --to html $* failed"; }
    ! grep -qi '<script' "$html" || fail "$name.html contains a script"
    ! grep -Eq 'https?://' "$html" || fail "$name.html refers to the network"

    local paper pdf pages expected_size text
    for paper in A4 letter headroom; do
        # Letter less 20 mm: the margin a sheet keeps for fonts and printers that run larger.
        if [[ $paper == headroom ]]; then
            with_paper "$html" "215.9mm 259.4mm" >"$work/$name-$paper.html"
        else
            with_paper "$html" "$paper" >"$work/$name-$paper.html"
        fi
        pdf=$artifacts/$name-$paper.pdf
        rm -f "$pdf"
        run_chromium "$artifacts/chromium.log" --no-pdf-header-footer --print-to-pdf="$pdf" "file://$work/$name-$paper.html"
        [[ -s "$pdf" ]] || fail "chromium wrote no PDF for $name on $paper"
        case $paper in
            A4) expected_size="(A4)" ;;
            letter) expected_size="(letter)" ;;
            *) expected_size="612 x 735" ;;
        esac
        pdfinfo "$pdf" | grep -q "^Page size:.*$expected_size" || fail "$name-$paper.pdf is not on $paper paper"
        pages=$(page_count "$pdf")
        [[ "$pages" == "$expected" ]] || fail "$name on $paper prints on $pages pages, expected $expected"
        echo "ok: $name prints on $pages page(s) of $paper"

        # No browser header or footer (a date, the title, the file:// address) on the sheet.
        text=$(pdftotext "$pdf" -)
        [[ "$text" != *file://* ]] || fail "$name-$paper.pdf has the browser's header or footer"

        # Every exercise title on its own page; white space is dropped on both sides, since
        # a long title may wrap inside its cell.
        local count=0 page title
        while IFS=$'\t' read -r page title; do
            text=$(pdftotext -f "$page" -l "$page" "$pdf" - | tr -d '[:space:]')
            [[ "$text" == *"$(printf '%s' "$title" | tr -d '[:space:]')"* ]] ||
                fail "'$title' is not printed on page $page of $name-$paper.pdf"
            count=$((count + 1))
        done < <(titles_by_page "$html")
        [[ $count -gt 0 ]] || fail "no exercise titles found in $name.html"
        echo "ok: all $count exercise rows of $name are printed on their pages ($paper)"
    done

    run_chromium "$artifacts/chromium.log" --hide-scrollbars --window-size=1240,1754 \
        --screenshot="$artifacts/$name.png" "file://$html"
    [[ "$(head -c 8 "$artifacts/$name.png" | od -An -tx1 | tr -d ' \n')" == 89504e470d0a1a0a ]] ||
        fail "no PNG screenshot for $name"
    echo "ok: screenshot $artifacts/$name.png"
}

: >"$artifacts/chromium.log"
for example in core hiit20 home_dumbbells runners; do
    check_sheet "$example" "$source_dir/examples/$example.reps" 1
done
# The program: its overview, then 6 weeks of 2 strength sessions: 13 pages; its longest
# session alone, dated.
check_sheet runner_program "$source_dir/examples/runner_program.reps" 13 --program runner_block
check_sheet runner_week6 "$source_dir/examples/runner_program.reps" 1 --workout runner_strength --week 6 \
    --at 2026-12-01T17:30
check_sheet program_3x2 "$source_dir/tests/browser/program_3x2.reps" 7  # the overview and 6 sessions

# Markup in titles, cues and notes prints as the text the coach typed.
check_sheet hostile "$source_dir/tests/browser/hostile.reps" 1
hostile_text=$(pdftotext "$artifacts/hostile-A4.pdf" - | tr -d '[:space:]')
for expected in "<script>alert('title')</script>&<b>\"Bold\"</b>" "<script>alert(1)</script>" \
                "<imgsrc=xonerror=alert(2)>&<i>note</i>" "<style>body{display:none}</style>Keepthechestup&breathe" \
                "</td></tr></table><h1>broken</h1>"; do
    [[ "$hostile_text" == *"$expected"* ]] || fail "hostile.reps: '$expected' is not printed as text"
done
echo "ok: markup in titles, cues and notes prints as text"

# The README's pictures: a dated session page and a program's overview, as printed on Letter.
# REPS_UPDATE_SCREENSHOTS=1 writes them to docs/ (the rest of the time they stay in artifacts).
pdftoppm -r 70 -png -singlefile -f 1 -l 1 "$artifacts/runner_week6-letter.pdf" "$artifacts/sheet-session"
pdftoppm -r 70 -png -singlefile -f 1 -l 1 "$artifacts/runner_program-letter.pdf" "$artifacts/sheet-overview"
if [[ "${REPS_UPDATE_SCREENSHOTS:-}" == 1 ]]; then
    mkdir -p "$source_dir/docs"
    cp "$artifacts/sheet-session.png" "$artifacts/sheet-overview.png" "$source_dir/docs/"
    echo "updated docs/sheet-session.png and docs/sheet-overview.png"
fi
echo "PASS: browser print test in $((SECONDS - started))s; artifacts in $artifacts"
