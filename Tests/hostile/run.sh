#!/bin/sh
# Feeds every hostile input to `expt validate`, `expt run` and `expt report`: each must end by
# itself with an exit code from 0 to 5 (never a signal, never the time or memory limit).
#
#   Tests/hostile/run.sh [expt binary]    (default .build/release/expt; from the repository's root)
#
# The inputs are the small files of Fuzz/Corpus/hostile and large ones this script writes into
# a temporary folder (unknown keys by the 300,000, a long string aliased 100,000 times or in
# 10,000 sweep values, 100,001 variants, a file past the size limit). `--shard`/`--shards` past
# the limit must be refused as usage errors (exit 64). Limits per command: HOSTILE_SECONDS (default 10, for a release build;
# a debug build needs more, e.g. 120) and HOSTILE_MEMORY_KB of address space (default 4 GiB).
set -u
cd "$(dirname "$0")/../.."
expt="$(pwd)/${1:-.build/release/expt}"
seconds="${HOSTILE_SECONDS:-10}"
memory="${HOSTILE_MEMORY_KB:-4194304}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

# Runs expt with its arguments under the limits; fails unless the exit code is in $1 (a
# space-separated list).
check() {
    allowed="$1"
    shift
    ( ulimit -v "$memory"; exec timeout -s KILL "$seconds" "$expt" "$@" ) >"$work/out" 2>&1
    status=$?
    case " $allowed " in
        *" $status "*) ;;
        *)
            echo "FAIL (exit $status, expected one of: $allowed): expt $*"
            tail -n 5 "$work/out"
            failures=$((failures + 1))
            ;;
    esac
}

# The manifest's head: a valid manifest without variants.
head() {
    printf 'name: demo\ndata: {dataset: spirals, classes: 3}\nmodel: [{dense: 16, activation: relu}, {dense: 3}]\n'
    printf 'optimizer: {name: sgd, lr: 0.1}\n'
}

big="$work/big"
mkdir "$big"
{ head; printf 'train:\n  epochs: 1\n'; awk 'BEGIN { for (i = 0; i < 300000; i++) printf "  k%d: 1\n", i }'
  printf 'variants: {sgd: {}}\n'; } >"$big/unknown-keys-one-per-line.yaml"
{ head; printf 'train: {epochs: 1'; awk 'BEGIN { for (i = 0; i < 300000; i++) printf ", k%d: 1", i }'
  printf '}\nvariants: {sgd: {}}\n'; } >"$big/unknown-keys-on-one-line.yaml"
{ printf 'long: &long "'; awk 'BEGIN { for (i = 0; i < 33000; i++) printf "%0100d", 0 }'; printf '"\n'
  head; printf 'train: {epochs: 1}\nseeds: [*long'; awk 'BEGIN { for (i = 1; i < 100000; i++) printf ", *long" }'
  printf ']\nvariants: {sgd: {}}\n'; } >"$big/long-string-aliased.yaml"
{ printf 'long: &long "'; awk 'BEGIN { for (i = 0; i < 33000; i++) printf "%0100d", 0 }'; printf '"\n'
  head; printf 'train: {epochs: 1}\nsweep: {grid: {optimizer.lr: [*long'; awk 'BEGIN { for (i = 1; i < 10000; i++) printf ", *long" }'
  printf ']}}\nvariants: {sgd: {}}\n'; } >"$big/long-string-aliased-in-a-sweep.yaml"
{ head; printf 'train: {epochs: 1}\nvariants:\n'; awk 'BEGIN { for (i = 0; i <= 100000; i++) printf "  v%d: {}\n", i }'
  } >"$big/variants-100001.yaml"
{ head; printf 'train: {epochs: 1}\nvariants: {sgd: {}}\n# '; awk 'BEGIN { for (i = 0; i < 50000; i++) printf "%0100d", 0 }'
  printf '\n'; } >"$big/past-the-size-limit.yaml"

for file in Fuzz/Corpus/hostile/*.yaml "$big"/*.yaml; do
    check "0 1 2 3 4 5" validate "$file"
    check "0 1 2 3 4 5" run "$file" --out "$work/results" --quiet
    check "0 1 2 3 4 5" report "$file"
    rm -rf "$work/results"
done

# Shard counts past the limit are usage errors, whatever the manifest.
{ head; printf 'train: {epochs: 1}\nseeds: [0, 1]\nvariants: {sgd: {}}\n'; } >"$work/two-runs.yaml"
check "64" plan "$work/two-runs.yaml" --shards 9223372036854775807
check "64" plan "$work/two-runs.yaml" --shards 100000000
check "64" run "$work/two-runs.yaml" --out "$work/results" --shard 0/9223372036854775807
check "0" plan "$work/two-runs.yaml" --shards 100000

if [ "$failures" -ne 0 ]; then
    echo "$failures hostile inputs failed"
    exit 1
fi
echo "every hostile input ended with an exit code from 0 to 5 (or 64 for a usage error)"
