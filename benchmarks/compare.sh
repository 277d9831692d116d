#!/usr/bin/env bash
# Runs expt's benchmarks and the same models in PyTorch on this machine, in the same run,
# with the same thread count, and prints each figure side by side with the ratio expt/PyTorch.
#
#   benchmarks/compare.sh [THREADS] [TRIALS] [SECONDS_PER_TRIAL] [CLOCK]
#
# CLOCK is wall (default) or cpu: each side's calling-thread CPU time, which ignores the time
# other processes take the core, so single-threaded ratios stay meaningful on a loaded machine
# (1 thread only). expt-bench is the package in benchmarks/ (it links OpenBLAS, Debian
# libopenblas-dev); SCRATCH=.build-x selects SwiftPM's scratch path (default benchmarks/.build).
#
# PyTorch is installed into benchmarks/.venv on first use (python3 -m venv, then pip: the CPU
# wheel from PyTorch's own index, or else from pip's own configuration). When it cannot be (no
# venv module, no network), the script says so and prints expt's figures alone. Figures are medians over trials; the machine is
# shared and noisy, so read the ratios, not the absolute numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${1:-2}
trials=${2:-7}
seconds=${3:-0.5}
clock=${4:-wall}
scratch=${SCRATCH:-benchmarks/.build}

venv=benchmarks/.venv
torch_ready() { "$venv/bin/python" -c 'import torch' 2>/dev/null; }
if ! torch_ready; then
    echo "compare.sh: installing PyTorch (CPU) into $venv" >&2
    # PyTorch's CPU index first; else whatever pip is configured with (a mirror, local wheels).
    { [ -x "$venv/bin/python" ] || python3 -m venv "$venv"; } \
        && { "$venv/bin/pip" install --quiet --index-url https://download.pytorch.org/whl/cpu torch >&2 \
             || "$venv/bin/pip" install --quiet torch >&2; } \
        || true
fi
swift build -c release --package-path benchmarks --scratch-path "$scratch" --product expt-bench >&2

export OPENBLAS_NUM_THREADS=$threads
expt_json=$(mktemp)
torch_json=$(mktemp)
trap 'rm -f "$expt_json" "$torch_json"' EXIT
"$scratch/release/expt-bench" --threads "$threads" --trials "$trials" --seconds "$seconds" --clock "$clock" --json > "$expt_json"
if torch_ready; then
    "$venv/bin/python" benchmarks/pytorch_reference.py --threads "$threads" --trials "$trials" --seconds "$seconds" --clock "$clock" > "$torch_json"
else
    echo "compare.sh: PyTorch could not be installed into $venv (see pip's message above): expt's figures only" >&2
fi

python3 - "$expt_json" "$torch_json" "$threads" "$clock" <<'PY'
import json, platform, sys
expt = [json.loads(line) for line in open(sys.argv[1])]
torch = {row["name"]: row for row in map(json.loads, open(sys.argv[2]))}
version = next(iter(torch.values()))["torch"] if torch else "not installed"
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
kernel = expt[0].get("kernel", "?") if expt else "?"
print(f"machine: {cpu}; threads: {sys.argv[3]}; clock: {sys.argv[4]}; OpenBLAS kernel: {kernel}; PyTorch {version}")
print(f"{'benchmark':48} {'unit':>10} {'expt':>12} {'PyTorch':>12} {'ratio':>7}  note")
for row in expt:
    name = row["name"]
    other = torch.get(name)
    note = "  ".join(f"{row[k]:.1f} {k}" for k in ("GFLOP/s", "GB/s", "OpenBLAS GFLOP/s") if k in row)
    theirs = f"{other['median']:12.1f}" if other else f"{'-':>12}"
    ratio = f"{row['median'] / other['median']:7.2f}" if other else f"{'-':>7}"
    print(f"{name:48} {row['unit']:>10} {row['median']:12.1f} {theirs} {ratio}  {note}")
for name, other in torch.items():
    if name not in {row["name"] for row in expt}:
        print(f"{name:48} {other['unit']:>10} {'-':>12} {other['median']:12.1f} {'-':>7}  PyTorch only")
PY
