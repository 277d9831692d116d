#!/usr/bin/env bash
# Shows that a training step and an evaluation allocate nothing once the network exists: runs
# each reference model for N and for 4N steps (each step a trainStep, an optimizer step and an
# evaluate) under valgrind, and compares glibc's count of heap allocations. Counts within a
# step's worth of each other mean the extra 3N steps allocated nothing, not even memory freed
# again within the step.
#
#   benchmarks/allocations.sh [N]     (SCRATCH=.build-x selects SwiftPM's scratch path,
#                                       default benchmarks/.build)
#
# Exit code 1 when any model allocates per step. Needs valgrind (Debian: apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
steps=${1:-2}
scratch=${SCRATCH:-benchmarks/.build}
swift build -c release --package-path benchmarks --scratch-path "$scratch" --product expt-bench >&2
# valgrind 3.19 cannot read the DWARF 5 debug information clang writes for the C kernels: it
# runs a copy without it.
bench=$(mktemp)
trap 'rm -f "$bench"' EXIT
objcopy --strip-debug "$scratch/release/expt-bench" "$bench"

allocations() {
    valgrind --tool=memcheck "$bench" --steps "$1" --only "$2" 2>&1 \
        | sed -n 's/.*total heap usage: \([0-9,]*\) allocs.*/\1/p' | tr -d ,
}

status=0
for model in mlp-784-256-256-10/sgd mlp-784-256-256-10/adam mlp-40-100-100-10/sgd cnn-28x28/sgd gru-40x1-64/sgd; do
    once=$(allocations "$steps" "$model")
    more=$(allocations $((4 * steps)) "$model")
    extra=$((more - once))
    # One allocation per step would add 3N; the runtime's own lazy allocations move a count by
    # one or two from run to run, whatever the number of steps.
    if [ "$extra" -lt $((3 * steps)) ]; then
        verdict="no allocation per step"
        if [ "$extra" -ne 0 ]; then verdict="$verdict (the two counts differ by $extra)"; fi
    else
        verdict="ALLOCATES: $((extra / (3 * steps))) per step"
        status=1
    fi
    printf '%-28s %6s allocs after %d steps, %6s after %d: %s\n' "$model" "$once" "$steps" "$more" $((4 * steps)) "$verdict"
done
exit $status
