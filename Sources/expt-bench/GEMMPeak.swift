import ExptEngine

/// A square single-precision matrix product large enough to reach a library's peak rate:
/// through expt's own multiply (the one the layers use) or through OpenBLAS, for reference.
struct GEMMPeak {
    enum Library {
        case expt
        case openBLAS
    }

    let size: Int
    let library: Library

    func measure(trials: Int, trialSeconds: Double, clock: BenchmarkClock) -> Measurement {
        let a = FloatBuffer(count: size * size, value: 0.5)
        let b = FloatBuffer(count: size * size, value: 0.25)
        let c = FloatBuffer(count: size * size)
        let flops = 2 * Double(size) * Double(size) * Double(size)
        return Measurement(unitsPerCall: flops, trials: trials, trialSeconds: trialSeconds, clock: clock) {
            switch library {
            case .expt: FloatBuffer.multiply(a, b, into: c, m: size, n: size, k: size)
            case .openBLAS: OpenBLAS.multiply(a.pointer, b.pointer, into: c.pointer, m: size, n: size, k: size)
            }
        }
    }
}
