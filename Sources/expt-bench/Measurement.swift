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

    init(unitsPerCall: Double, trials: Int, trialSeconds: Double, _ workload: () -> Void) {
        let clock = ContinuousClock()
        // Warm-up: first-touch of buffers, BLAS thread start-up, caches.
        let warmUpEnd = clock.now.advanced(by: .milliseconds(Int(trialSeconds * 300)))
        repeat { workload() } while clock.now < warmUpEnd
        var rates: [Double] = []
        for _ in 0..<trials {
            var calls = 0
            let start = clock.now
            var elapsed = 0.0
            repeat {
                workload()
                calls += 1
                elapsed = (clock.now - start).seconds
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

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
