import ExptConfig
import ExptOptim
import Testing

/// Every built-in optimizer that names a chain (`OptimizerKind.chain`) computes that chain's
/// very numbers, at its defaults and at two other settings each, in single and double precision
/// (the comparison of ``ChainExactnessTests``); NAdam, whose chain adds its two terms to θ at
/// once, to within one rounding a step. Every element-wise built-in names one.
struct BuiltInChainTests {
    struct Case: Sendable, CustomStringConvertible {
        let description: String
        let settings: any OptimizerKind
    }

    static let exact: [Case] = [
        Case(description: "sgd", settings: SGDHyperparameters()),
        Case(description: "sgd, dampened momentum, weight decay", settings: SGDHyperparameters(lr: 0.05, momentum: 0.9, dampening: 0.3, weightDecay: 0.01)),
        Case(description: "sgd, nesterov", settings: SGDHyperparameters(lr: 0.1, momentum: 0.8, nesterov: true, weightDecay: 0.001)),
        Case(description: "adam", settings: AdamHyperparameters()),
        Case(description: "adabelief", settings: AdaBeliefHyperparameters()),
        Case(description: "adabelief, coupled weight decay", settings: AdaBeliefHyperparameters(lr: 0.01, beta1: 0.8, eps: 1e-10, weightDecay: 0.1, weightDecouple: false)),
        Case(description: "adabelief, decoupled weight decay", settings: AdaBeliefHyperparameters(lr: 0.003, beta2: 0.99, weightDecay: 0.3)),
        Case(description: "adam, weight decay, amsgrad",
             settings: AdamHyperparameters(lr: 0.01, beta1: 0.8, beta2: 0.95, eps: 1e-6, weightDecay: 0.1, amsgrad: true)),
        Case(description: "adam, amsgrad", settings: AdamHyperparameters(lr: 0.003, amsgrad: true)),
        Case(description: "adamw", settings: AdamWHyperparameters()),
        Case(description: "adamw, weight decay", settings: AdamWHyperparameters(lr: 0.003, beta1: 0.3, weightDecay: 0.2)),
        Case(description: "adamw, amsgrad, no decay", settings: AdamWHyperparameters(weightDecay: 0, amsgrad: true)),
        Case(description: "adagrad", settings: AdagradHyperparameters()),
        Case(description: "adagrad, rate decay, weight decay",
             settings: AdagradHyperparameters(lr: 0.1, lrDecay: 0.05, weightDecay: 0.1, initialAccumulatorValue: 0.5, eps: 1e-3)),
        Case(description: "adagrad, rate decay", settings: AdagradHyperparameters(lrDecay: 0.3)),
        Case(description: "rmsprop", settings: RMSpropHyperparameters()),
        Case(description: "rmsprop, centred, momentum, weight decay",
             settings: RMSpropHyperparameters(alpha: 0.9, eps: 1e-3, weightDecay: 0.05, momentum: 0.5, centered: true)),
        Case(description: "rmsprop, momentum", settings: RMSpropHyperparameters(momentum: 0.9)),
        Case(description: "adadelta", settings: AdadeltaHyperparameters()),
        Case(description: "adadelta, weight decay", settings: AdadeltaHyperparameters(lr: 0.5, rho: 0.8, eps: 1e-4, weightDecay: 0.1)),
        Case(description: "adadelta, rho", settings: AdadeltaHyperparameters(rho: 0.95)),
        Case(description: "radam", settings: RAdamHyperparameters()),
        // β₂ = 0.9 and 0.8: rectified from step 6 and 4 on.
        Case(description: "radam, rectified, weight decay", settings: RAdamHyperparameters(lr: 0.01, beta2: 0.9, weightDecay: 0.1)),
        Case(description: "radam, rectified, decoupled", settings: RAdamHyperparameters(beta2: 0.8, weightDecay: 0.05, decoupledWeightDecay: true)),
        Case(description: "adamax", settings: AdamaxHyperparameters()),
        Case(description: "adamax, weight decay", settings: AdamaxHyperparameters(beta1: 0.5, beta2: 0.9, eps: 1e-3, weightDecay: 0.1)),
        Case(description: "adamax, rate", settings: AdamaxHyperparameters(lr: 0.01)),
        Case(description: "lion", settings: LionHyperparameters()),
        Case(description: "lion, weight decay", settings: LionHyperparameters(lr: 0.001, beta1: 0.5, beta2: 0.9, weightDecay: 0.5)),
        Case(description: "lion, some decay", settings: LionHyperparameters(weightDecay: 0.1)),
        Case(description: "rprop", settings: RpropHyperparameters()),
        Case(description: "rprop, bounded steps", settings: RpropHyperparameters(lr: 0.05, etaminus: 0.3, etaplus: 1.5, stepSizeMin: 1e-3, stepSizeMax: 0.1)),
        Case(description: "rprop, etaplus", settings: RpropHyperparameters(etaplus: 2)),
    ]

    static let close: [Case] = [
        Case(description: "nadam", settings: NAdamHyperparameters()),
        Case(description: "nadam, weight decay, momentum decay", settings: NAdamHyperparameters(weightDecay: 0.1, momentumDecay: 0.01)),
        Case(description: "nadam, decoupled", settings: NAdamHyperparameters(lr: 0.01, weightDecay: 0.1, decoupledWeightDecay: true)),
    ]

    @Test(arguments: exact)
    func chainEqualsBuiltInInSinglePrecision(_ reference: Case) throws {
        let chain = try #require(reference.settings.chain)
        ChainExactnessTests.compare(reference.settings.makeOptimizer(of: Float.self, parameterCount: ChainExactnessTests.count),
                                    chain.makeOptimizer(of: Float.self, parameterCount: ChainExactnessTests.count), lr: chain.lr, as: Float.self)
    }

    @Test(arguments: exact)
    func chainEqualsBuiltInInDoublePrecision(_ reference: Case) throws {
        let chain = try #require(reference.settings.chain)
        ChainExactnessTests.compare(reference.settings.makeOptimizer(of: Double.self, parameterCount: ChainExactnessTests.count),
                                    chain.makeOptimizer(of: Double.self, parameterCount: ChainExactnessTests.count), lr: chain.lr, as: Double.self)
    }

    @Test(arguments: close)
    func nadamChainIsWithinAFewUlps(_ reference: Case) throws {
        let chain = try #require(reference.settings.chain)
        let count = ChainExactnessTests.count
        let builtIn = reference.settings.makeOptimizer(of: Float.self, parameterCount: count)
        let chained = chain.makeOptimizer(of: Float.self, parameterCount: count)
        var generator = TestValues(seed: 5)
        let start = (0..<count).map { _ in Float(generator.next()) }
        var expected = start
        var actual = start
        for _ in 0..<ChainExactnessTests.steps {
            let gradients = (0..<count).map { _ in Float(generator.next() * 3) }
            gradients.withUnsafeBufferPointer { g in
                expected.withUnsafeMutableBufferPointer { builtIn.step(parameters: $0, gradients: g, learningRate: chain.lr) }
                actual.withUnsafeMutableBufferPointer { chained.step(parameters: $0, gradients: g, learningRate: chain.lr) }
            }
        }
        // One rounding of θ (or of a step near γ in size) a step: within 2 ulps of max(|θ|, γ) per step.
        let rate = Float(chain.lr)
        let worst = (0..<count).map { abs(expected[$0] - actual[$0]) / max(abs(expected[$0]), rate).ulp }.max() ?? 0
        #expect(worst <= Float(2 * ChainExactnessTests.steps), "\(worst) ulps apart")
        #expect((0..<count).filter { abs(expected[$0] - start[$0]) > 10 * start[$0].ulp }.count > count / 2)
    }

    @Test func everyCaseIsListedAndEveryElementwiseBuiltInHasAChain() {
        let tested = Set((Self.exact + Self.close).map { type(of: $0.settings).name })
        for kind in OptimizerRegistry.kinds where kind is any ElementwiseRule.Type {
            #expect(kind.init().chain != nil, "\(kind.name) has no chain")
            #expect(tested.contains(kind.name), "\(kind.name) is not compared with its chain")
        }
    }

    @Test func chainsAreWrittenAsTheDocsList() {
        #expect(SGDHyperparameters(momentum: 0.9, nesterov: true, weightDecay: 0.01).chain?.chainText
                == "[add_l2: {weight_decay: 0.01}, trace: {nesterov: true}, scale_by_learning_rate]")
        #expect(AdamWHyperparameters().chain?.chainText == "[scale_by_adam, add_decayed_weights: {weight_decay: 0.01}, scale_by_learning_rate]")
        #expect(RMSpropHyperparameters(momentum: 0.5, centered: true).chain?.chainText
                == "[scale_by_stddev, trace: {decay: 0.5}, scale_by_learning_rate]")
        #expect(RpropHyperparameters().chain?.chainText == "[scale_by_rprop, scale_by_learning_rate]")
    }
}
