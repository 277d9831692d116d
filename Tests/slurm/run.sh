#!/usr/bin/env bash
# The shards on a real scheduler: starts a one-node Slurm cluster on this machine (munged,
# slurmctld and slurmd on localhost, everything in a temporary folder), submits
# examples/slurm/expt-array.sbatch as a job array of 3 shards of a small manifest, waits for it,
# merges with `expt report`, and checks summary.csv and metrics.csv against a single-process run
# (the wall-clock seconds masked). Installs Debian's slurm-wlm and munge when missing.
#
# Run as root (CI does), from anywhere: Tests/slurm/run.sh. Prints PASS or FAIL last and exits
# non-zero on failure; stops the daemons and removes its folder however it ends.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

say() { echo "slurm test: $*"; }
fail() {
    say "FAIL: $*"
    diagnostics
    exit 1
}

if [ "$(id -u)" != 0 ]; then
    say "SKIP: needs root, to run slurmctld and slurmd (CI runs as root)"
    exit 0
fi

work=$(mktemp -d /tmp/expt-slurm.XXXXXX)
chmod 755 "$work"
pids=()
job=""

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [ -n "$job" ]; then timeout 10 scancel "$job" >/dev/null 2>&1 || true; fi
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

diagnostics() {
    set +e
    echo "----- diagnostics -----"
    [ -n "${SLURM_CONF:-}" ] && { bounded sinfo -N -l; bounded squeue -a; [ -n "$job" ] && bounded scontrol show job "$job"; } 2>&1
    for log in "$work"/*.log "$work"/job-*.out; do
        [ -f "$log" ] || continue
        echo "----- $log (last 40 lines) -----"
        tail -n 40 "$log"
    done
    echo "-----------------------"
    set -e
}

# Slurm's commands, bounded in time (they wait for an unresponsive daemon otherwise).
bounded() { timeout 20 "$@"; }

# Polls `$@` every half second until it succeeds or `timeout` seconds pass.
wait_for() {
    local timeout=$1; shift
    local deadline=$((SECONDS + timeout))
    until "$@" >/dev/null 2>&1; do
        [ $SECONDS -ge $deadline ] && return 1
        sleep 0.5
    done
}

# --- install ---------------------------------------------------------------------------------
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
        || ! command -v munged >/dev/null; then
    say "installing slurm-wlm and munge"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >"$work/apt.log" 2>&1 || fail "apt-get update failed"
    apt-get install -y -q --no-install-recommends slurm-wlm munge >>"$work/apt.log" 2>&1 \
        || fail "apt-get install slurm-wlm munge failed"
fi

# --- build -----------------------------------------------------------------------------------
say "building expt"
swift build --product expt >"$work/build.log" 2>&1 || fail "swift build --product expt failed"
expt="$(swift build --show-bin-path)/expt"
[ -x "$expt" ] || fail "no expt executable at $expt"

# --- munge -----------------------------------------------------------------------------------
mkdir -m 755 "$work/munge"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
socket="$work/munge/munge.socket"
munged --force --foreground --key-file="$work/munge/munge.key" --socket="$socket" \
    --pid-file="$work/munge/munged.pid" --seed-file="$work/munge/munged.seed" \
    --log-file="$work/munged.log" >>"$work/munged.log" 2>&1 &
pids+=($!)
wait_for 20 test -S "$socket" || fail "munged did not create its socket"
munge -n -S "$socket" | unmunge -S "$socket" >/dev/null || fail "munge cannot encode and decode a credential"

# --- slurm -----------------------------------------------------------------------------------
# Two free ports above 20000 (nothing accepts a connection there), so that another Slurm on
# this machine is left alone.
free_port() {
    local port
    for _ in $(seq 100); do
        port=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
    return 1
}
ctld_port=$(free_port) || fail "no free port"
slurmd_port=$(free_port) || fail "no free port"
[ "$ctld_port" != "$slurmd_port" ] || slurmd_port=$((ctld_port + 1))
node=$(hostname -s 2>/dev/null || cat /proc/sys/kernel/hostname)
node=${node%%.*}
cpus=$(nproc)
mkdir -p "$work/state" "$work/spool/$node"
export SLURM_CONF="$work/slurm.conf"
cat >"$SLURM_CONF" <<EOF
ClusterName=expt-test
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool/%n
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
MinJobAge=600
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=10 State=UP
EOF

# Starts a daemon in the foreground of a background job, up to 3 times until `check` passes.
start_daemon() {
    local name=$1 check=$2 attempt pid
    shift 2
    for attempt in 1 2 3; do
        "$name" -D -f "$SLURM_CONF" "$@" >>"$work/$name.out.log" 2>&1 &
        pid=$!
        pids+=("$pid")
        if wait_for 30 $check; then return 0; fi
        say "$name is not ready (attempt $attempt); restarting it"
        kill "$pid" 2>/dev/null || true
        sleep 1
    done
    return 1
}
controller_up() { bounded scontrol ping | grep -q "is UP"; }
node_idle() {
    local state
    state=$(bounded sinfo -h -N -n "$node" -o %T 2>/dev/null)
    case "$state" in
        idle*) return 0 ;;
        down*|drain*) bounded scontrol update NodeName="$node" State=RESUME >/dev/null 2>&1; return 1 ;;
        *) return 1 ;;
    esac
}
say "starting slurmctld and slurmd ($node, $cpus CPUs, ports $ctld_port and $slurmd_port)"
start_daemon slurmctld controller_up || fail "slurmctld did not come up"
start_daemon slurmd node_idle -N "$node" || fail "node $node did not become idle"

# --- the experiment ----------------------------------------------------------------------------
# The end-to-end tests' tiny manifest with a third variant: 6 runs over 3 shards.
{
    cat "$repo/Tests/manifests/tiny.yaml"
    cat <<'EOF'
  momentum:
    optimizer: {name: sgd, lr: 0.05, momentum: 0.9}
EOF
} >"$work/tiny.yaml"
shards=3
"$expt" plan "$work/tiny.yaml" --shards $shards

say "submitting a job array of $shards shards"
job=$(EXPT="$expt" bounded sbatch --parsable --array=0-$((shards - 1)) --chdir="$work" --output="$work/job-%A_%a.out" \
    "$repo/examples/slurm/expt-array.sbatch" "$work/tiny.yaml" "$work/results") || fail "sbatch failed"
job=${job%%;*}
array_done() { local queued; queued=$(bounded squeue -h -j "$job") && [ -z "$queued" ]; }
wait_for 180 array_done || fail "job array $job did not finish within 180 seconds"

states=$(bounded scontrol -o show job "$job" | grep -o 'JobState=[A-Z_]* .*ExitCode=[0-9:]*' | sed -E 's/JobState=([A-Z_]+).*ExitCode=([0-9:]+)/\1 \2/' | sort | uniq -c)
echo "$states"
tasks=$(bounded scontrol -o show job "$job" | grep -c 'JobState=COMPLETED .*ExitCode=0:0' || true)
[ "$tasks" = "$shards" ] || fail "expected $shards tasks COMPLETED with exit code 0, found $tasks"

# --- merge and compare -------------------------------------------------------------------------
set +e
"$expt" report "$work/results/tiny" >"$work/report.log" 2>&1
status=$?
set -e
[ $status = 0 ] || fail "expt report exited with $status: $(cat "$work/report.log")"
"$expt" run "$work/tiny.yaml" --out "$work/single" --quiet >/dev/null 2>"$work/single.log" || fail "the single-process run failed"

# summary.csv without its seconds column; metrics.csv without its seconds rows.
summary() { awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "seconds") s = i } { $s = "-"; print }' OFS=, "$1"; }
metrics() { awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "metric") m = i } $m != "seconds"' "$1"; }
runs=$(ls "$work/results/tiny/runs" | wc -l)
[ "$runs" = 6 ] || fail "expected 6 stored runs, found $runs"
diff <(summary "$work/single/tiny/summary.csv") <(summary "$work/results/tiny/summary.csv") \
    || fail "summary.csv of the shards differs from the single run's (seconds masked)"
diff <(metrics "$work/single/tiny/metrics.csv") <(metrics "$work/results/tiny/metrics.csv") >/dev/null \
    || fail "metrics.csv of the shards differs from the single run's (seconds masked)"
say "PASS: $shards shards on Slurm $(sinfo -V | awk '{print $2}'), merged by expt report, equal the single run"
