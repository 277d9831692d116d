#!/usr/bin/env bash
# The interactive HTML report in a real browser (docs/html-report.md): opens a report.html in
# headless Chromium (Debian's `chromium`, installed here when missing and we may), with
# `#selftest`, which clicks a legend entry of every chart twice, switches its y axis to log and
# back, zooms it through the range fields and resets it, and records the result on the page.
# Checks that the self-test passed, that every chart drew one line per series (`data-drawn`
# against the legend's entries), and that the page wrote nothing to the console (no error, no
# uncaught exception); then saves a 1200x900 screenshot of the first chart with the pointer
# over it (Tests/browser/screenshot.py; the top of the page where python3 is missing).
#
#   Tests/browser/run.sh [REPORT_HTML] [SCREENSHOT_PNG]
#
# Defaults: results/adam-vs-sgd/report.html and .build/browser/report-html.png. Builds nothing.
# Exits 0 with a message saying so when no Chromium can be found or installed.
set -euo pipefail
cd "$(dirname "$0")/../.."
page=$(realpath "${1:-results/adam-vs-sgd/report.html}")
screenshot=${2:-.build/browser/report-html.png}

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
        echo "browser test: installing Debian's chromium"
        if ! { DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-liberation > /tmp/expt-browser-apt.log 2>&1 \
                || { apt-get update > /dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-liberation >> /tmp/expt-browser-apt.log 2>&1; }; }; then
            echo "browser test SKIPPED: apt-get install chromium failed (see /tmp/expt-browser-apt.log)"
            exit 0
        fi
        browser=$(command -v chromium)
    else
        echo "browser test SKIPPED: no chromium on PATH, and installing it needs root and apt-get"
        exit 0
    fi
fi

# Ubuntu's chromium package is a wrapper around a snap, which cannot run in a container.
if ! version=$("$browser" --version 2> /dev/null); then
    echo "browser test SKIPPED: $browser does not run (on Ubuntu, chromium is a snap)"
    exit 0
fi
echo "browser test: $version"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=(--headless --no-sandbox --disable-gpu --no-first-run --no-default-browser-check --hide-scrollbars
       --user-data-dir="$work/profile" --enable-logging=stderr --v=0 --virtual-time-budget=5000)
failures=0
fail() { echo "browser test FAILED: $*"; failures=$((failures + 1)); }

timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$page#selftest" > "$work/dom.html" 2> "$work/log.txt" || true
[ -s "$work/dom.html" ] || { cat "$work/log.txt"; fail "chromium dumped no page"; exit 1; }

selftest=$(grep -o 'data-selftest="[^"]*"' "$work/dom.html" || true)
[ "$selftest" = 'data-selftest="pass"' ] || fail "the page's self-test: ${selftest:-not run}"

# One figure per line chart: its data-drawn against its legend's entries.
charts=0
while IFS=$'\t' read -r id drawn entries; do
    charts=$((charts + 1))
    echo "  $id: $drawn of $entries series drawn"
    [ "$drawn" = "$entries" ] && [ "$entries" -gt 0 ] || fail "$id drew $drawn of $entries series"
done < <(awk 'BEGIN { RS = "<figure " } NR > 1 && /class="chart"/ {
             match($0, /id="[^"]*"/); id = substr($0, RSTART + 4, RLENGTH - 5)
             match($0, /data-drawn="[0-9]*"/); drawn = substr($0, RSTART + 12, RLENGTH - 13)
             entries = gsub(/aria-pressed="(true|false)" data-series=/, "")
             print id "\t" drawn "\t" entries }' "$work/dom.html")
[ "$charts" -gt 0 ] || fail "no chart in the page"

# Chromium logs each console message (and each uncaught exception) as a CONSOLE line.
if grep -E 'CONSOLE|Uncaught' "$work/log.txt"; then fail "the page wrote to the console (above)"; fi

mkdir -p "$(dirname "$screenshot")"
if command -v python3 > /dev/null; then
    # The first chart with the pointer over it (see screenshot.py).
    timeout 120 python3 Tests/browser/screenshot.py "$browser" "file://$page" "$(realpath -m "$screenshot")" "$work/shot-profile" \
        || fail "screenshot.py failed"
else
    echo "  (no python3: the screenshot shows the top of the page)"
    timeout 120 "$browser" "${flags[@]}" --window-size=1200,900 --screenshot="$(realpath -m "$screenshot")" "file://$page" \
        > /dev/null 2>> "$work/log.txt" || true
fi
[ -s "$screenshot" ] || fail "no screenshot written"

[ "$failures" = 0 ] || exit 1
echo "browser test passed: $charts charts, self-test pass, no console output; screenshot $screenshot"
