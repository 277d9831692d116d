import ExptEngine

/// The machine's single-precision matrix-multiply rate through the same BLAS call the
/// layers use, on a square product large enough to reach the library's peak.
struct GEMMPeak {
    let size: Int

    func measure(trials: Int, trialSeconds: Double, clock: BenchmarkClock) -> Measurement {
        let a = FloatBuffer(count: size * size, value: 0.5)
        let b = FloatBuffer(count: size * size, value: 0.25)
        let c = FloatBuffer(count: size * size)
        let flops = 2 * Double(size) * Double(size) * Double(size)
        return Measurement(unitsPerCall: flops, trials: trials, trialSeconds: trialSeconds, clock: clock) {
            FloatBuffer.multiply(a, b, into: c, m: size, n: size, k: size)
        }
    }
}
