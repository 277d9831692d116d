import ExptOptim
import Testing

/// A chain that spells a built-in optimizer computes its very numbers: the same bits, element by
/// element, after every step, in single and double precision, over a buffer of several blocks
/// with a ragged tail, with a learning rate that changes every step.
struct ChainExactnessTests {
    struct Case: Sendable, CustomStringConvertible {
        let description: String
        let builtIn: OptimizerConfig
        let chain: ChainSettings
    }

    static let cases: [Case] = [
        Case(description: "adam", builtIn: .adam(AdamHyperparameters(lr: 0.01)),
             chain: ChainSettings([ScaleByAdam(), ScaleByLearningRate()], lr: 0.01)),
        Case(description: "adam, weight decay, amsgrad", builtIn: .adam(AdamHyperparameters(lr: 0.01, beta1: 0.8, beta2: 0.95, eps: 1e-6, weightDecay: 0.1, amsgrad: true)),
             chain: ChainSettings([AddL2(weightDecay: 0.1), ScaleByAdam(beta1: 0.8, beta2: 0.95, eps: 1e-6, amsgrad: true), ScaleByLearningRate()], lr: 0.01)),
        Case(description: "adamw", builtIn: .adamw(AdamWHyperparameters(lr: 0.003, beta1: 0.3, weightDecay: 0.2)),
             chain: ChainSettings([ScaleByAdam(beta1: 0.3), AddDecayedWeights(weightDecay: 0.2), ScaleByLearningRate()], lr: 0.003)),
        Case(description: "sgd", builtIn: .sgd(SGDHyperparameters(lr: 0.1)), chain: ChainSettings([ScaleByLearningRate()], lr: 0.1)),
        Case(description: "sgd, nesterov, weight decay", builtIn: .sgd(SGDHyperparameters(lr: 0.05, momentum: 0.9, nesterov: true, weightDecay: 0.01)),
             chain: ChainSettings([AddL2(weightDecay: 0.01), Trace(decay: 0.9, nesterov: true), ScaleByLearningRate()], lr: 0.05)),
        Case(description: "rmsprop", builtIn: .rmsprop(RMSpropHyperparameters(lr: 0.01)),
             chain: ChainSettings([ScaleByRMS(), ScaleByLearningRate()], lr: 0.01)),
        Case(description: "rmsprop, centred, momentum, weight decay",
             builtIn: .rmsprop(RMSpropHyperparameters(lr: 0.01, alpha: 0.9, eps: 1e-3, weightDecay: 0.05, momentum: 0.5, centered: true)),
             chain: ChainSettings([AddL2(weightDecay: 0.05), ScaleByStddev(alpha: 0.9, eps: 1e-3), Trace(decay: 0.5), ScaleByLearningRate()], lr: 0.01)),
        Case(description: "adagrad", builtIn: .adagrad(AdagradHyperparameters(lr: 0.1, weightDecay: 0.1, initialAccumulatorValue: 0.5, eps: 1e-3)),
             chain: ChainSettings([AddL2(weightDecay: 0.1), ScaleByRSS(initialAccumulatorValue: 0.5, eps: 1e-3), ScaleByLearningRate()], lr: 0.1)),
        Case(description: "lion", builtIn: .lion(LionHyperparameters(lr: 0.001, beta1: 0.5, beta2: 0.9, weightDecay: 0.5)),
             chain: ChainSettings([ScaleByLion(beta1: 0.5, beta2: 0.9), AddDecayedWeights(weightDecay: 0.5), ScaleByLearningRate()], lr: 0.001)),
    ]

    /// 3 blocks of 1024 and a tail of 13 (not a multiple of a vector).
    static let count = 3 * 1024 + 13
    static let steps = 12

    @Test(arguments: cases)
    func chainEqualsBuiltInInSinglePrecision(_ reference: Case) {
        let builtIn = reference.builtIn.makeOptimizer(of: Float.self, parameterCount: Self.count)
        let chain = OptimizerConfig(reference.chain).makeOptimizer(of: Float.self, parameterCount: Self.count)
        Self.compare(builtIn, chain, lr: reference.chain.lr, as: Float.self)
    }

    @Test(arguments: cases)
    func chainEqualsBuiltInInDoublePrecision(_ reference: Case) {
        let builtIn = reference.builtIn.makeOptimizer(of: Double.self, parameterCount: Self.count)
        let chain = OptimizerConfig(reference.chain).makeOptimizer(of: Double.self, parameterCount: Self.count)
        Self.compare(builtIn, chain, lr: reference.chain.lr, as: Double.self)
    }

    /// Steps both from the same parameters with the same gradients; expects equal bits, and that
    /// the parameters did move (so equality is not that of two untouched buffers).
    static func compare<Scalar: BinaryFloatingPoint>(_ builtIn: any ParameterOptimizer<Scalar>, _ chain: any ParameterOptimizer<Scalar>,
                                                     lr: Double, as: Scalar.Type) {
        var generator = TestValues(seed: 3)
        let start = (0..<count).map { _ in Scalar(generator.next()) }
        var expected = start
        var actual = start
        for step in 0..<steps {
            // Some exact zeros among the gradients, and a rate that changes as a schedule's would.
            let gradients = (0..<count).map { i in i % 97 == 0 ? 0 : Scalar(generator.next() * 3) }
            let rate = lr * (1 + 0.1 * Double(step % 4))
            gradients.withUnsafeBufferPointer { g in
                expected.withUnsafeMutableBufferPointer { builtIn.step(parameters: $0, gradients: g, learningRate: rate) }
                actual.withUnsafeMutableBufferPointer { chain.step(parameters: $0, gradients: g, learningRate: rate) }
            }
            let differing = (0..<count).filter { expected[$0] != actual[$0] || expected[$0].sign != actual[$0].sign }
            #expect(differing.isEmpty, "step \(step + 1): \(differing.count) elements differ, first at \(differing.first ?? 0): \(differing.first.map { "\(actual[$0]) against \(expected[$0])" } ?? "")")
        }
        #expect((0..<count).filter { expected[$0] != start[$0] }.count > count / 2)
    }
}

/// Values in [−1, 1) from a 64-bit linear congruential generator, for inputs only.
struct TestValues {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53) * 2 - 1
    }
}
