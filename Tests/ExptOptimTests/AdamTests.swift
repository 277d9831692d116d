import ExptConfig
import ExptOptim
import Foundation
import Testing
import ExptTestSupport

struct AdamTests {
    /// With bias correction the first step is lr · g / (|g| + ε) ≈ lr · sign(g):
    /// m₁ = (1 − β₁) g, v₁ = (1 − β₂) g², so m̂ = g and v̂ = g².
    /// θ = [1, −2], g = [0.5, −4], lr = 0.1 → [1 − 0.1, −2 + 0.1] = [0.9, −1.9], up to 0.1 · ε / |g| ≈ 2e-9.
    @Test func firstStepIsLearningRateTimesSignOfGradient() {
        let optimizer = AdamHyperparameters(lr: 0.1).makeOptimizer(of: Float.self, parameterCount: 2)
        var theta: [Float] = [1, -2]
        step(optimizer, &theta, [0.5, -4], learningRate: 0.1)
        expectClose(theta, [0.9, -1.9])
        #expect((optimizer as? RuleOptimizer<AdamHyperparameters, Float>)?.stepCount == 1)
    }

    /// The second step by hand, β₁ = 0.9, β₂ = 0.999, constant g = [0.5, −4]: the moments stay
    /// proportional to g and g², so m̂₂ = g, v̂₂ = g², and the step is again lr · sign(g).
    @Test func constantGradientStepsByLearningRate() {
        let optimizer = AdamHyperparameters(lr: 0.1).makeOptimizer(of: Float.self, parameterCount: 2)
        var theta: [Float] = [1, -2]
        for _ in 0..<3 { step(optimizer, &theta, [0.5, -4], learningRate: 0.1) }
        expectClose(theta, [0.7, -1.7], tolerance: 2e-6)
    }

    /// β₁ = 0 makes Adam bias-corrected RMSProp with ε outside the square root:
    /// v ← ρ v + (1 − ρ) g², θ ← θ − lr · g / (√(v / (1 − ρᵗ)) + ε). The reference here is in Double.
    @Test func betaOneZeroIsBiasCorrectedRMSProp() {
        let (lr, rho, eps) = (0.01, 0.9, 1e-3)
        let optimizer = AdamHyperparameters(lr: lr, beta1: 0, beta2: rho, eps: eps).makeOptimizer(of: Float.self, parameterCount: 3)
        var theta: [Float] = [1, -2, 0.5]
        var reference = theta.map(Double.init)
        var v = [Double](repeating: 0, count: 3)
        for t in 1...6 {
            let gradient = theta.map { 2 * $0 + 0.1 }
            step(optimizer, &theta, gradient, learningRate: Float(lr))
            for i in 0..<3 {
                let g = Double(gradient[i])
                v[i] = rho * v[i] + (1 - rho) * g * g
                reference[i] -= lr * g / ((v[i] / (1 - pow(rho, Double(t)))).squareRoot() + eps)
            }
            expectClose(theta, reference.map(Float.init), tolerance: 1e-6)
        }
    }

    /// AMSGrad keeps the largest second moment: after a large gradient and then a small one,
    /// its steps are smaller than plain Adam's.
    @Test func amsgradTakesSmallerStepsAfterTheSecondMomentFalls() {
        let plain = AdamHyperparameters(lr: 0.1, beta2: 0.9).makeOptimizer(of: Float.self, parameterCount: 1)
        let amsgrad = AdamHyperparameters(lr: 0.1, beta2: 0.9, amsgrad: true).makeOptimizer(of: Float.self, parameterCount: 1)
        var a: [Float] = [0]
        var b: [Float] = [0]
        for g: Float in [10, 0.1, 0.1] {
            step(plain, &a, [g], learningRate: 0.1)
            step(amsgrad, &b, [g], learningRate: 0.1)
        }
        #expect(b[0] > a[0] && b[0] < 0)
    }
}
