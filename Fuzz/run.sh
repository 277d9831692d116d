#!/bin/sh
# Fuzzes expt's readers with libFuzzer and AddressSanitizer (see docs/fuzzing.md): the YAML
# parser and manifest decoder (manifest), the data files (idx, cifar10, csv), a stored
# run's files (store) and weights files (npz).
#
#   Fuzz/run.sh [seconds per fuzzer] [fuzzer ...]   (default 120, every fuzzer; from anywhere)
#
# Builds the fuzzers once (they exist only when EXPT_FUZZ is set, see Package.swift) into
# .build-fuzz, then runs each for the given time from a copy of its seed corpus in
# Fuzz/Corpus/<fuzzer> (new inputs go to .build-fuzz/corpus/<fuzzer>, not into the
# repository). A crash, leak, hang or oversized allocation leaves its input as
# .build-fuzz/<fuzzer>-crash-* (or -leak-, -timeout-, -oom-); turn each into a regression test
# before fixing it. Exits 1 when any fuzzer found something, after running them all.
set -eu
seconds="${1:-120}"
[ $# -gt 0 ] && shift
fuzzers="${*:-manifest idx cifar10 csv store npz}"
cd "$(dirname "$0")/.."
for product in ExptFuzzManifest ExptFuzzReaders; do
    EXPT_FUZZ=1 swift build -c release --scratch-path .build-fuzz \
        -Xswiftc -sanitize=fuzzer,address --product "$product"
done
failed=""
for fuzzer in $fuzzers; do
    corpus=".build-fuzz/corpus/$fuzzer"
    mkdir -p "$corpus"
    cp "Fuzz/Corpus/$fuzzer"/* "$corpus/"
    case "$fuzzer" in
        manifest) set -- .build-fuzz/release/ExptFuzzManifest -dict=Fuzz/manifest.dict ;;
        *) set -- .build-fuzz/release/ExptFuzzReaders "$fuzzer" ;;
    esac
    echo "== $fuzzer: $seconds s"
    "$@" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix=".build-fuzz/$fuzzer-" -print_final_stats=1 || failed="$failed $fuzzer"
done
if [ -n "$failed" ]; then
    echo "fuzzers that found a problem:$failed" >&2
    exit 1
fi
