import Glibc

/// Which clock a measurement reads.
enum BenchmarkClock: String {
    /// Wall-clock time: what a user waits for, but inflated whenever another process takes the core.
    case wall
    /// CPU time of the calling thread: unaffected by time spent descheduled, so it compares
    /// single-threaded runs fairly on a shared machine (meaningless with more than one thread).
    case cpu

    /// Seconds since an arbitrary origin.
    func now() -> Double {
        var time = timespec()
        clock_gettime(self == .wall ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}

/// Times a workload: a warm-up, then several trials of about `trialSeconds` each, and
/// reports the median rate over trials (machines here are shared and noisy, so one
/// measurement says little; the median of several does).
struct Measurement {
    /// Work units (samples, parameters, flops…) done by one call of the workload.
    let unitsPerCall: Double
    /// Median units per second over the trials.
    let medianRate: Double
    /// Slowest and fastest trial, units per second.
    let minRate: Double
    let maxRate: Double

    init(unitsPerCall: Double, trials: Int, trialSeconds: Double, clock: BenchmarkClock = .wall, _ workload: () -> Void) {
        // Warm-up: first-touch of buffers, thread start-up, caches.
        let warmUpEnd = clock.now() + trialSeconds * 0.3
        repeat { workload() } while clock.now() < warmUpEnd
        var rates: [Double] = []
        for _ in 0..<trials {
            var calls = 0
            let start = clock.now()
            var elapsed = 0.0
            repeat {
                workload()
                calls += 1
                elapsed = clock.now() - start
            } while elapsed < trialSeconds
            rates.append(Double(calls) * unitsPerCall / elapsed)
        }
        rates.sort()
        self.unitsPerCall = unitsPerCall
        medianRate = rates[rates.count / 2]
        minRate = rates.first!
        maxRate = rates.last!
    }
}
