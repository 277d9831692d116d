import ExptEngine

/// One single-precision matrix product, through expt's own multiply (the one the layers use)
/// or through OpenBLAS, for reference: a large square one for each library's peak rate, and the
/// products the reference models compute, shape by shape.
struct GEMMBenchmark {
    enum Library {
        case expt
        case openBLAS
    }

    let name: String
    let m: Int, n: Int, k: Int
    var transposeA = false, transposeB = false

    static let peak = GEMMBenchmark(name: "1024", m: 1024, n: 1024, k: 1024)

    /// The reference models' products (m x n x k; T marks a transposed operand as stored).
    static let layerShapes: [GEMMBenchmark] = [
        GEMMBenchmark(name: "mlp-forward", m: 128, n: 256, k: 784),
        GEMMBenchmark(name: "mlp-weight-gradient", m: 784, n: 256, k: 128, transposeA: true),
        GEMMBenchmark(name: "mlp-input-gradient", m: 128, n: 256, k: 256, transposeB: true),
        GEMMBenchmark(name: "small-mlp-forward", m: 100, n: 100, k: 40),
        GEMMBenchmark(name: "small-mlp-weight-gradient", m: 40, n: 100, k: 100, transposeA: true),
        GEMMBenchmark(name: "small-mlp-input-gradient", m: 100, n: 100, k: 100, transposeB: true),
        GEMMBenchmark(name: "conv1-forward", m: 16, n: 784, k: 25),
        GEMMBenchmark(name: "conv1-weight-gradient", m: 16, n: 25, k: 784, transposeB: true),
        GEMMBenchmark(name: "conv2-forward", m: 32, n: 196, k: 400),
        GEMMBenchmark(name: "conv2-weight-gradient", m: 32, n: 400, k: 196, transposeB: true),
        GEMMBenchmark(name: "conv2-input-gradient", m: 400, n: 196, k: 32, transposeA: true),
        GEMMBenchmark(name: "gru-hidden", m: 128, n: 192, k: 64, transposeB: true),
        GEMMBenchmark(name: "gru-hidden-weight-gradient", m: 192, n: 64, k: 4992, transposeA: true),
    ]

    var shape: String { "\(m)x\(n)x\(k)\(transposeA ? "-At" : "")\(transposeB ? "-Bt" : "")" }

    /// expt's multiply runs with `context`'s threads and instruction set.
    func measure(_ library: Library, trials: Int, trialSeconds: Double, clock: BenchmarkClock,
                 context: ComputeContext) -> Measurement {
        let a = FloatBuffer(count: m * k, value: 0.5)
        let b = FloatBuffer(count: k * n, value: 0.25)
        let c = FloatBuffer(count: m * n)
        let flops = 2 * Double(m) * Double(n) * Double(k)
        return Measurement(unitsPerCall: flops, trials: trials, trialSeconds: trialSeconds, clock: clock) {
            switch library {
            case .expt:
                FloatBuffer.multiply(a, b, into: c, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB,
                                     context: context)
            case .openBLAS:
                OpenBLAS.multiply(a.pointer, b.pointer, into: c.pointer, m: m, n: n, k: k,
                                  transposeA: transposeA, transposeB: transposeB)
            }
        }
    }
}
