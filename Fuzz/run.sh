#!/bin/sh
# Fuzzes the YAML parser and the manifest decoder with libFuzzer and AddressSanitizer.
#
#   Fuzz/run.sh [seconds]        (default 600; from the repository's root)
#
# Builds the ExptFuzzManifest product (it exists only when EXPT_FUZZ is set, see
# Package.swift) into .build-fuzz, then fuzzes from a copy of the seed corpus in
# Fuzz/Corpus/manifest (new inputs go to .build-fuzz/corpus, not into the repository).
# A crash or hang leaves its input as .build-fuzz/crash-* or timeout-*; turn each into a
# regression test in Tests/ExptManifestTests before fixing it.
set -eu
seconds="${1:-600}"
cd "$(dirname "$0")/.."
EXPT_FUZZ=1 swift build -c release --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address --product ExptFuzzManifest
mkdir -p .build-fuzz/corpus
cp Fuzz/Corpus/manifest/* .build-fuzz/corpus/
cd .build-fuzz
exec ./release/ExptFuzzManifest corpus -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1
