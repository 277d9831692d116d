#!/bin/sh
# Reads expt's TensorBoard event files back with TensorBoard itself: installs the `tensorboard`
# package from PyPI into a virtual environment in a temporary folder, trains
# Tests/tensorboard/tiny-tensorboard.yaml (report: {tensorboard: true}; a sweep, two seeds, a
# test set) with the given expt, and checks with read_events.py that every value of its
# metrics.csv (and the test metrics of summary.csv) is in the runs' event files, with the
# hparams plugin's sessions and experiment. Then `expt report` must rewrite tensorboard/ byte
# for byte, and `expt run` of a manifest that does not ask for TensorBoard must write none.
#
#   Tests/tensorboard/run.sh [expt binary]    (default .build/release/expt; from the repository's root)
#
# Without python3's venv module (as root, it installs Debian's python3-venv first) or without
# PyPI, it says so and exits 0 (skipped).
set -eu
cd "$(dirname "$0")/../.."
expt="$(pwd)/${1:-.build/release/expt}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Debian's python3 makes virtual environments only with python3-venv: as root, install it.
if ! python3 -m venv "$work/venv" >"$work/venv.log" 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-venv >>"$work/venv.log" 2>&1 || true
    rm -rf "$work/venv"
fi
if ! [ -x "$work/venv/bin/pip" ] && ! python3 -m venv "$work/venv" >>"$work/venv.log" 2>&1; then
    echo "tensorboard read-back skipped: python3 cannot make a virtual environment (install python3-venv):"
    tail -n 3 "$work/venv.log"
    exit 0
fi
if ! "$work/venv/bin/pip" install --quiet --disable-pip-version-check tensorboard >"$work/pip.log" 2>&1; then
    echo "tensorboard read-back skipped: pip cannot install tensorboard (no PyPI here?):"
    tail -n 3 "$work/pip.log"
    exit 0
fi
"$work/venv/bin/python" -c 'import tensorboard; print("tensorboard " + tensorboard.__version__)'

# Runs expt with its arguments, its output shown only when it fails.
quietly() {
    if ! "$expt" "$@" >"$work/expt.log" 2>&1; then
        echo "FAIL: expt $*"
        cat "$work/expt.log"
        exit 1
    fi
}

quietly run Tests/tensorboard/tiny-tensorboard.yaml --out "$work/results"
folder="$work/results/tiny-tensorboard"
"$work/venv/bin/python" Tests/tensorboard/read_events.py "$folder"

mv "$folder/tensorboard" "$work/first"
quietly report "$folder"
if ! diff -r "$work/first" "$folder/tensorboard"; then
    echo "FAIL: expt report wrote other TensorBoard files than expt run"
    exit 1
fi

sed '/^report:/d; s/^name: tiny-tensorboard/name: no-tensorboard/' Tests/tensorboard/tiny-tensorboard.yaml >"$work/plain.yaml"
quietly run "$work/plain.yaml" --out "$work/results"
if [ -e "$work/results/no-tensorboard/tensorboard" ]; then
    echo "FAIL: a manifest without report: {tensorboard: true} got a tensorboard/ folder"
    exit 1
fi
echo "tensorboard: the event files read back, expt report rewrote them byte for byte, and none without the key"
