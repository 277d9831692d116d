import ExptConfig
import ExptOptim
import Testing

/// One Muon step worked by hand: a matrix in expt's transposed storage goes through the
/// Newton–Schulz iteration, a vector through AdamW. (The orientation shows in the rate factor
/// of a non-square matrix, which the 3 × 4 and 5 × 3 cases of RecentOptimizerPathTests check.)
struct MuonStepTests {
    /// The singular value s of a matrix whose singular values are all equal after k steps of
    /// s ← a s + b s³ + c s⁵ from s₀ (the iteration acts on each singular value alone).
    static func singularValue(from s0: Double, steps: Int) -> Double {
        var s = s0
        for _ in 0..<steps { s = 3.4445 * s - 4.7750 * s * s * s + 2.0315 * s * s * s * s * s }
        return s
    }

    /// G = 3 R with R the rotation [[0.6, −0.8], [0.8, 0.6]]: both singular values are 3, so
    /// the normalised matrix is R / √2 and NS₅(G) = s₅ R, s₅ from s₀ = 1/√2 (1.1081…: the
    /// iteration swings about 1 rather than converging). With
    /// momentum 0, U = G; with lr 0.1, no weight decay and a square matrix (factor 1):
    /// θ = −0.1 s₅ R. The bias (g = 0.5, θ = 1) takes AdamW's first step at adamw_lr 0.01 and
    /// decay 0.01: m = 0.05, v = 0.00025, θ = 1 (1 − 0.01 · 0.01) − (0.01 / 0.1) · 0.05 /
    /// (√0.00025 / √0.001 + 1e-8) = 0.9999 − 0.005 / (0.5 + 1e-8) ≈ 0.9899.
    @Test func aRotationIsScaledByTheIterationsSingularValue() {
        var settings = MuonHyperparameters()
        settings.lr = 0.1
        settings.momentum = 0
        settings.weightDecay = 0
        settings.adamwLR = 0.01
        let layout = ParameterLayout(tensors: [
            ParameterTensor(name: "0.weight", range: 0..<4, shape: [2, 2], storedTransposed: true),
            ParameterTensor(name: "0.bias", range: 4..<5, shape: [1]),
        ])
        let optimizer = settings.makeOptimizer(of: Double.self, layout: layout)
        let rotation = [[0.6, -0.8], [0.8, 0.6]]
        // Stored transposed: element (i, j) of torch's matrix at j · 2 + i.
        var theta = [0, 0, 0, 0, 1.0]
        var gradient = [0, 0, 0, 0, 0.5]
        for i in 0..<2 { for j in 0..<2 { gradient[j * 2 + i] = 3 * rotation[i][j] } }
        theta.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeBufferPointer { optimizer.step(parameters: p, gradients: $0, learningRate: 0.1) }
        }
        let s5 = Self.singularValue(from: 0.5.squareRoot(), steps: 5)
        #expect(abs(s5 - 1.1081) < 1e-4)
        for i in 0..<2 {
            for j in 0..<2 {
                #expect(abs(theta[j * 2 + i] - (-0.1 * s5 * rotation[i][j])) < 1e-14, "(\(i), \(j))")
            }
        }
        #expect(abs(theta[4] - 0.9899) < 1e-9)
    }
}
