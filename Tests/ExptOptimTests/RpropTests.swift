import ExptConfig
import ExptOptim
import Testing

/// Rprop's sign rules, worked by hand with values that are exact in Float (powers of two).
struct RpropTests {
    /// lr 0.25, η₋ 0.5, η₊ 2, θ = [1, −2]:
    /// step 1, g = [0.5, −4], no previous gradient: s = [0.25, 0.25], θ = [0.75, −1.75];
    /// step 2, g = [0.5, 4]: element 0 kept its sign (s = 0.5, θ = 0.25), element 1 flipped
    /// (s = 0.125, its gradient zeroed, θ stays −1.75);
    /// step 3, g = [−1, 3]: element 0 flipped (s = 0.25, θ stays 0.25), element 1's previous
    /// gradient is the zeroed one (s stays 0.125, θ = −1.875).
    @Test func stepSizesFollowTheSignChanges() {
        let optimizer = OptimizerConfig.rprop(.init(lr: 0.25, etaminus: 0.5, etaplus: 2)).makeOptimizer(parameterCount: 2)
        var theta: [Float] = [1, -2]
        step(optimizer, &theta, [0.5, -4], learningRate: 0.25)
        #expect(theta == [0.75, -1.75])
        step(optimizer, &theta, [0.5, 4], learningRate: 0.25)
        #expect(theta == [0.25, -1.75])
        step(optimizer, &theta, [-1, 3], learningRate: 0.25)
        #expect(theta == [0.25, -1.875])
    }

    /// The same steps with step sizes in [0.1875, 0.375]: at step 2, element 0's 0.5 is held at
    /// 0.375 (θ = 0.375) and element 1's 0.125 at 0.1875; at step 3, element 1 moves by 0.1875
    /// (θ = −1.9375).
    @Test func stepSizesStayInTheirRange() {
        let settings = RpropHyperparameters(lr: 0.25, etaminus: 0.5, etaplus: 2, stepSizeMin: 0.1875, stepSizeMax: 0.375)
        let optimizer = OptimizerConfig.rprop(settings).makeOptimizer(parameterCount: 2)
        var theta: [Float] = [1, -2]
        step(optimizer, &theta, [0.5, -4], learningRate: 0.25)
        step(optimizer, &theta, [0.5, 4], learningRate: 0.25)
        #expect(theta == [0.375, -1.75])
        step(optimizer, &theta, [-1, 3], learningRate: 0.25)
        #expect(theta == [0.375, -1.9375])
    }

    /// As in torch, the learning rate only fills the step sizes at the first step: a later
    /// rate (a schedule's) does not change them. With lr 0.25 then 1, step 2 still moves by
    /// 0.25 · 1.2 = 0.3 (θ = 0.75 − 0.3).
    @Test func laterRatesDoNotChangeTheStepSizes() {
        let optimizer = OptimizerConfig.rprop(.init(lr: 0.25)).makeOptimizer(parameterCount: 1)
        var theta: [Float] = [1]
        step(optimizer, &theta, [1], learningRate: 0.25)
        step(optimizer, &theta, [1], learningRate: 1)
        #expect(theta == [Float(0.75) - Float(0.25) * Float(1.2)])
    }

    /// torch's `0 < etaminus < 1 < etaplus`: the table checks etaminus, `conflict()` etaplus;
    /// and the step sizes' range must not be empty.
    @Test func conflicts() {
        #expect(RpropHyperparameters().conflict() == nil)
        #expect(RpropHyperparameters(etaplus: 1).conflict()?.key == "etaplus")
        #expect(RpropHyperparameters(stepSizeMin: 2, stepSizeMax: 1).conflict()?.key == "step_size_min")
        #expect(RpropHyperparameters(stepSizeMin: 1, stepSizeMax: 1).conflict() == nil)
    }
}
