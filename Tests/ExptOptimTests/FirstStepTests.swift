import ExptOptim
import ExptTestSupport
import Testing

/// The first step of each adaptive optimizer by hand, from θ = [1, −2] with g = [0.5, −4].
/// Most of them normalise the gradient on the first step, so it has size lr in each
/// coordinate, whatever the gradient's scale.
struct FirstStepTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let config: OptimizerConfig
        let expected: [Float]
        var testDescription: String { name }
    }

    @Test(arguments: [
        // s = g², θ ← θ − 0.1 g / (|g| + 1e-10) = θ − 0.1 sign(g).
        Case(name: "adagrad", config: .adagrad(.init(lr: 0.1)), expected: [0.9, -1.9]),
        // s = 0.5 + g² = [0.75, 16.5]: θ ← θ − 0.1 g / √s = [1 − 0.05 / 0.8660254, −2 + 0.4 / 4.0620192].
        Case(name: "adagrad with initial accumulator", config: .adagrad(.init(lr: 0.1, initialAccumulatorValue: 0.5)),
             expected: [0.94226497, -1.90152681]),
        // v = 0.01 g², √v = 0.1 |g|: θ ← θ − 0.01 g / (0.1 |g|) = θ − 0.1 sign(g).
        Case(name: "rmsprop", config: .rmsprop(.init(lr: 0.01)), expected: [0.9, -1.9]),
        // Centered: ḡ = 0.01 g, v − ḡ² = 0.01 g² − 0.0001 g² = 0.0099 g²: step 0.01 / √0.0099 = 0.10050378.
        Case(name: "rmsprop centered", config: .rmsprop(.init(lr: 0.01, centered: true)), expected: [0.89949622, -1.89949622]),
        // v = 0.1 g²; Δ = √1e-6 / √(0.1 g² + 1e-6) · g: 0.0005 / √0.025001 = 0.00316222, 0.004 / √1.600001 = 0.00316228.
        Case(name: "adadelta", config: .adadelta(.init()), expected: [0.99683778, -1.99683772]),
        // m = 0.1 g, u = |g| + ε, lr / (1 − 0.9) = 1: θ ← θ − 0.1 g / |g|.
        Case(name: "adamax", config: .adamax(.init(lr: 0.1)), expected: [0.9, -1.9]),
        // ρ₁ = 1 ≤ 5, so the first step is unrectified: θ ← θ − lr · m̂ = θ − 0.1 g.
        Case(name: "radam", config: .radam(.init(lr: 0.1)), expected: [0.95, -1.6]),
        // θ ← θ (1 − 0.1 · 0.5) = [0.95, −1.9], then Adam's first step, −0.1 sign(g).
        Case(name: "adamw", config: .adamw(.init(lr: 0.1, weightDecay: 0.5)), expected: [0.85, -1.8]),
        // c = 0.1 g: θ ← θ − 0.1 sign(g).
        Case(name: "lion", config: .lion(.init(lr: 0.1)), expected: [0.9, -1.9]),
        // θ ← θ (1 − 0.1 · 0.5) = [0.95, −1.9], then −0.1 sign(g).
        Case(name: "lion with weight decay", config: .lion(.init(lr: 0.1, weightDecay: 0.5)), expected: [0.85, -1.8]),
        // No previous gradient: every step size stays at lr, θ ← θ − 0.1 sign(g).
        Case(name: "rprop", config: .rprop(.init(lr: 0.1)), expected: [0.9, -1.9]),
    ])
    func firstStepByHand(_ c: Case) {
        let optimizer = c.config.makeOptimizer(parameterCount: 2)
        var theta: [Float] = [1, -2]
        step(optimizer, &theta, [0.5, -4], learningRate: Float(c.config.learningRate))
        expectClose(theta, c.expected, tolerance: 2e-6)
    }

    /// Lion moves a coordinate whose interpolated momentum is exactly zero by nothing.
    @Test func lionLeavesAZeroDirectionAlone() {
        let optimizer = OptimizerConfig.lion(.init(lr: 0.1)).makeOptimizer(parameterCount: 2)
        var theta: [Float] = [1, -2]
        step(optimizer, &theta, [0, 3], learningRate: 0.1)
        #expect(theta == [1, -2.1])
    }

    /// Adagrad's lr_decay divides the rate by 1 + (t − 1) · lr_decay: with a constant gradient
    /// of 1 (s = t) and lr_decay 1, step t moves by 0.1 / t / √t.
    @Test func adagradRateDecays() {
        let optimizer = OptimizerConfig.adagrad(.init(lr: 0.1, lrDecay: 1)).makeOptimizer(parameterCount: 1)
        var theta: [Float] = [0]
        var expected = 0.0
        for t in 1...4 {
            step(optimizer, &theta, [1], learningRate: 0.1)
            expected -= 0.1 / Double(t) / Double(t).squareRoot()
            expectClose(theta, [Float(expected)], tolerance: 1e-7)
        }
    }
}
