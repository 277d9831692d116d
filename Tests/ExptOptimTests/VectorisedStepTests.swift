import ExptOptim
import Testing

/// Every optimizer with every option, vectorised (8 Floats or 4 Doubles at a time, then one at
/// a time for the tail) against `ScalarReferenceRule`, a plain loop in the same order of
/// operations: the parameters must agree bit for bit after eight steps, for every length from
/// 1 (all tail) to 33 and a long one, so the vector body and the scalar tail are both checked
/// at every boundary.
struct VectorisedStepTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let config: OptimizerConfig
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "sgd", config: .sgd(.init(lr: 0.1))),
        Case(name: "sgd weight decay", config: .sgd(.init(lr: 0.1, weightDecay: 0.3))),
        Case(name: "sgd momentum", config: .sgd(.init(lr: 0.1, momentum: 0.9))),
        Case(name: "sgd momentum dampening weight decay", config: .sgd(.init(lr: 0.1, momentum: 0.9, dampening: 0.3, weightDecay: 0.2))),
        Case(name: "sgd nesterov", config: .sgd(.init(lr: 0.1, momentum: 0.9, nesterov: true))),
        Case(name: "sgd nesterov weight decay", config: .sgd(.init(lr: 0.1, momentum: 0.8, nesterov: true, weightDecay: 0.1))),
        Case(name: "adam", config: .adam(.init(lr: 0.01))),
        Case(name: "adam beta1 0.3 (lerp's other branch)", config: .adam(.init(lr: 0.01, beta1: 0.3))),
        Case(name: "adam weight decay", config: .adam(.init(lr: 0.01, weightDecay: 0.1))),
        Case(name: "adam amsgrad", config: .adam(.init(lr: 0.01, amsgrad: true))),
        Case(name: "adam amsgrad weight decay", config: .adam(.init(lr: 0.01, weightDecay: 0.1, amsgrad: true))),
        Case(name: "adamw", config: .adamw(.init(lr: 0.01, weightDecay: 0.1))),
        Case(name: "adamw amsgrad", config: .adamw(.init(lr: 0.01, weightDecay: 0.1, amsgrad: true))),
        Case(name: "adamw no weight decay", config: .adamw(.init(lr: 0.01, weightDecay: 0))),
        Case(name: "adagrad", config: .adagrad(.init(lr: 0.1))),
        Case(name: "adagrad decays", config: .adagrad(.init(lr: 0.1, lrDecay: 0.1, weightDecay: 0.2, initialAccumulatorValue: 0.5))),
        Case(name: "adadelta", config: .adadelta(.init())),
        Case(name: "adadelta weight decay", config: .adadelta(.init(lr: 0.5, weightDecay: 0.1))),
        Case(name: "nadam", config: .nadam(.init(lr: 0.01))),
        Case(name: "nadam weight decay", config: .nadam(.init(lr: 0.01, weightDecay: 0.1))),
        Case(name: "nadam decoupled weight decay", config: .nadam(.init(lr: 0.01, weightDecay: 0.1, decoupledWeightDecay: true))),
        // β₂ = 0.999: steps 1 to 5 unrectified, 6 to 8 rectified.
        Case(name: "radam", config: .radam(.init(lr: 0.01))),
        Case(name: "radam weight decay", config: .radam(.init(lr: 0.01, weightDecay: 0.1))),
        Case(name: "radam decoupled weight decay", config: .radam(.init(lr: 0.01, weightDecay: 0.1, decoupledWeightDecay: true))),
        Case(name: "adamax", config: .adamax(.init(lr: 0.01))),
        Case(name: "adamax weight decay", config: .adamax(.init(lr: 0.01, weightDecay: 0.1))),
        Case(name: "lion", config: .lion(.init(lr: 0.01))),
        Case(name: "lion weight decay", config: .lion(.init(lr: 0.01, weightDecay: 0.5))),
        Case(name: "rprop", config: .rprop(.init(lr: 0.01))),
        Case(name: "rprop clamped", config: .rprop(.init(lr: 0.01, etaminus: 0.3, etaplus: 1.5, stepSizeMin: 0.005, stepSizeMax: 0.02))),
    ] + rmspropCases

    /// RMSprop with each of the eight combinations of weight decay, centering and momentum.
    static let rmspropCases: [Case] = [0.0, 0.1].flatMap { decay in
        [false, true].flatMap { centered in
            [0.0, 0.9].map { momentum in
                Case(name: "rmsprop decay \(decay) centered \(centered) momentum \(momentum)",
                     config: .rmsprop(.init(lr: 0.01, weightDecay: decay, momentum: momentum, centered: centered)))
            }
        }
    }

    static let lengths = Array(1...33) + [1027]

    @Test(arguments: cases)
    func floatStepsMatchTheScalarLoop(_ c: Case) {
        for count in Self.lengths { expectSameBits(Float.self, c.config, count: count) }
    }

    @Test(arguments: cases)
    func doubleStepsMatchTheScalarLoop(_ c: Case) {
        for count in Self.lengths { expectSameBits(Double.self, c.config, count: count) }
    }

    /// A NaN gradient makes its parameter NaN through AMSGrad's and Adamax's maximum, as in the
    /// scalar loop, in the vector body (element 9) and in the tail (element 17 of 19), and
    /// nowhere else.
    @Test(arguments: [
        Case(name: "adam amsgrad", config: .adam(.init(lr: 0.01, amsgrad: true))),
        Case(name: "adamax", config: .adamax(.init(lr: 0.01))),
    ])
    func nanGradientsReachTheParameters(_ c: Case) {
        let float = expectSameBits(Float.self, c.config, count: 19, nanAt: [9, 17])
        let double = expectSameBits(Double.self, c.config, count: 19, nanAt: [9, 17])
        #expect(float.indices.filter { float[$0].isNaN } == [9, 17])
        #expect(double.indices.filter { double[$0].isNaN } == [9, 17])
    }

    /// Lion's sign of a NaN is 0: the parameter stays where it is, in the body and in the tail.
    @Test func lionLeavesNaNDirectionsAlone() {
        let config = OptimizerConfig.lion(.init(lr: 0.01))
        let float = expectSameBits(Float.self, config, count: 19, nanAt: [9, 17])
        let double = expectSameBits(Double.self, config, count: 19, nanAt: [9, 17])
        #expect(!float.contains { $0.isNaN } && !double.contains { $0.isNaN })
    }

    /// Eight steps of `config` on `count` parameters, each with a fresh gradient (NaN at the
    /// indices `nanAt` on the third step), through the optimizer and through the reference loop;
    /// returns the optimizer's parameters.
    @discardableResult
    private func expectSameBits<T: BinaryFloatingPoint>(_ type: T.Type, _ config: OptimizerConfig, count: Int, nanAt: Set<Int> = [],
                                                        sourceLocation: SourceLocation = #_sourceLocation) -> [T] {
        var generator = TestGenerator(seed: UInt64(count))
        let optimizer = config.makeOptimizer(of: T.self, parameterCount: count)
        let reference = ScalarReferenceRule<T>(config, count: count)
        var theta = (0..<count).map { _ in T(generator.next(in: -2, 2)) }
        var expected = theta
        let learningRate = T(config.learningRate)
        for step in 1...8 {
            var gradient = (0..<count).map { i in i % 5 == 4 ? 0 : T(generator.next(in: -1, 1)) }
            if step == 3 { for i in nanAt { gradient[i] = .nan } }
            theta.withUnsafeMutableBufferPointer { p in
                gradient.withUnsafeBufferPointer { g in optimizer.step(parameters: p, gradients: g, learningRate: Double(learningRate)) }
            }
            reference.step(&expected, gradient, learningRate: learningRate)
        }
        let same = { (a: T, e: T) in a.isNaN ? e.isNaN : a == e && a.sign == e.sign }
        let mismatch = theta.indices.first { i in !same(theta[i], expected[i]) }
        #expect(mismatch == nil, "\(T.self), \(count) parameters: element \(mismatch ?? -1) differs from the scalar loop",
                sourceLocation: sourceLocation)
        return theta
    }
}

/// SplitMix64, for reproducible test data without the engine's generator.
struct TestGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A uniform value in [low, high).
    mutating func next(in low: Double, _ high: Double) -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return low + (high - low) * Double(z >> 11) / Double(1 << 53)
    }
}
