import ExptConfig
import ExptOptim
import Testing
import ExptTestSupport

/// SGD by hand: a constant gradient g = [1, −2] from θ = [0, 0], lr = 0.1, two steps.
struct SGDTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let hyperparameters: SGDHyperparameters
        let afterTwoSteps: [Float]
        var testDescription: String { name }
    }

    @Test(arguments: [
        // θ₁ = −0.1 g, θ₂ = −0.2 g.
        Case(name: "plain", hyperparameters: .init(lr: 0.1), afterTwoSteps: [-0.2, 0.4]),
        // b₁ = g (the first step copies the gradient); b₂ = 0.9 g + g = 1.9 g; θ₂ = −0.1 g − 0.19 g = −0.29 g.
        Case(name: "momentum", hyperparameters: .init(lr: 0.1, momentum: 0.9), afterTwoSteps: [-0.29, 0.58]),
        // Step 1: b = g, update g + 0.9 b = 1.9 g. Step 2: b = 1.9 g, update g + 0.9·1.9 g = 2.71 g.
        // θ₂ = −0.19 g − 0.271 g = −0.461 g.
        Case(name: "nesterov", hyperparameters: .init(lr: 0.1, momentum: 0.9, nesterov: true), afterTwoSteps: [-0.461, 0.922]),
        // Dampening is skipped on the first step (b₁ = g, as torch); b₂ = 0.9 g + 0.5 g = 1.4 g; θ₂ = −0.24 g.
        Case(name: "dampening", hyperparameters: .init(lr: 0.1, momentum: 0.9, dampening: 0.5), afterTwoSteps: [-0.24, 0.48]),
    ])
    func twoStepsByHand(_ c: Case) {
        let optimizer = c.hyperparameters.makeOptimizer(of: Float.self, parameterCount: 2)
        var theta: [Float] = [0, 0]
        for _ in 0..<2 { step(optimizer, &theta, [1, -2], learningRate: 0.1) }
        expectClose(theta, c.afterTwoSteps)
    }

    /// Weight decay alone, with a zero gradient: θ ← θ − lr λ θ = 0.99 θ per step (lr 0.1, λ 0.1).
    @Test func weightDecayShrinksByHand() {
        let optimizer = SGDHyperparameters(lr: 0.1, weightDecay: 0.1).makeOptimizer(of: Float.self, parameterCount: 2)
        var theta: [Float] = [1, -3]
        step(optimizer, &theta, [0, 0], learningRate: 0.1)
        expectClose(theta, [0.99, -2.97])
        step(optimizer, &theta, [0, 0], learningRate: 0.1)
        expectClose(theta, [0.9801, -2.9403])
    }

    /// Momentum 0 is plain SGD, bit for bit, whatever the dampening.
    @Test func zeroMomentumEqualsPlainSGD() {
        let plain = SGDHyperparameters(lr: 0.05).makeOptimizer(of: Float.self, parameterCount: 3)
        let zeroMomentum = SGDHyperparameters(lr: 0.05, momentum: 0, dampening: 0.7).makeOptimizer(of: Float.self, parameterCount: 3)
        var a: [Float] = [1, -2, 0.5]
        var b = a
        for k in 0..<10 {
            let gradient = a.map { 2 * $0 + Float(k) * 0.01 }
            step(plain, &a, gradient, learningRate: 0.05)
            step(zeroMomentum, &b, gradient, learningRate: 0.05)
        }
        #expect(a == b)
    }

    /// The rate passed to `step` (from a schedule) is the one used; the hyperparameter is only the base.
    @Test func stepUsesTheLearningRateItIsGiven() {
        let optimizer = SGDHyperparameters(lr: 0.5).makeOptimizer(of: Float.self, parameterCount: 1)
        var theta: [Float] = [1]
        step(optimizer, &theta, [1], learningRate: 0.25)
        #expect(theta == [0.75])
    }
}
