import ExptConfig
import ExptOptim
import Foundation
import Testing

/// Every optimizer's `saveState` and `restoreState`: saved after some steps, put into a fresh
/// optimizer of the same settings (through the JSON a checkpoint is written in) and stepped on,
/// it takes the same steps bit for bit as the optimizer that never stopped.
struct OptimizerSnapshotTests {
    /// A 3×4 matrix (dense weight, stored [in, out]) and its bias of 4: every rule that treats
    /// matrices apart (Muon, Adafactor, LAMB, LARS) sees both kinds of tensor.
    static let layout = ParameterLayout(tensors: [
        ParameterTensor(name: "0.weight", range: 0..<12, shape: [4, 3], storedTransposed: true),
        ParameterTensor(name: "0.bias", range: 12..<16, shape: [4]),
    ])

    /// Every optimizer of the registry at its defaults (a wrapper around Adam at lr 0.01), and a chain.
    static let configs: [String: OptimizerConfig] = {
        var configs: [String: OptimizerConfig] = [:]
        for kind in OptimizerRegistry.kinds {
            var settings = kind.init()
            if var wrapper = settings as? any OptimizerWrapper {
                wrapper.base = .adam(AdamHyperparameters(lr: 0.01))
                settings = wrapper
            }
            configs[kind.name] = OptimizerConfig(settings)
        }
        configs["chain"] = OptimizerConfig(ChainSettings([ScaleByAdam(amsgrad: true), AddDecayedWeights(weightDecay: 0.1),
                                                          ScaleByLearningRate()], lr: 0.01))
        return configs
    }()

    /// Steps of f(θ) = ½ Σᵢ cᵢ θᵢ² + Σᵢ sin(i) θᵢ with cᵢ = (i + 1) / 16, gradient cᵢ θᵢ + sin(i),
    /// at a rate that changes every step, moving to the evaluation point and back after each
    /// step as the executor does after an epoch.
    static func train(_ optimizer: any ParameterOptimizer<Float>, _ theta: inout [Float], steps: Range<Int>) {
        var gradient = [Float](repeating: 0, count: theta.count)
        theta.withUnsafeMutableBufferPointer { parameterBuffer in
            let parameters = parameterBuffer
            gradient.withUnsafeMutableBufferPointer { gradientBuffer in
                let gradients = gradientBuffer
                let evaluate: Reevaluation = {
                    var loss = 0.0
                    for i in 0..<parameters.count {
                        let c = Float(i + 1) / 16, b = Float(sin(Double(i)))
                        gradients[i] = c * parameters[i] + b
                        loss += Double(c * parameters[i] * parameters[i] / 2 + b * parameters[i])
                    }
                    return loss
                }
                for step in steps {
                    _ = evaluate()
                    optimizer.step(parameters: parameters, gradients: UnsafeBufferPointer(gradients),
                                   learningRate: 0.01 / Double(step + 1), reevaluate: evaluate)
                    optimizer.moveParameters(parameters, toEvaluation: true)
                    optimizer.moveParameters(parameters, toEvaluation: false)
                }
            }
        }
    }

    static let names = OptimizerRegistry.kinds.map { $0.name } + ["chain"]

    static let start: [Float] = (0..<16).map { Float($0 % 5) - 2 }

    @Test(arguments: names)
    func resumesBitForBit(name: String) throws {
        let config = try #require(Self.configs[name])
        var uninterrupted = Self.start
        Self.train(config.settings.makeOptimizer(of: Float.self, layout: Self.layout), &uninterrupted, steps: 0..<8)

        var resumed = Self.start
        let first = config.settings.makeOptimizer(of: Float.self, layout: Self.layout)
        Self.train(first, &resumed, steps: 0..<5)
        let saved = try JSONDecoder().decode(OptimizerSnapshot.self, from: JSONEncoder().encode(first.saveState()))
        let second = config.settings.makeOptimizer(of: Float.self, layout: Self.layout)
        try second.restoreState(saved)
        Self.train(second, &resumed, steps: 5..<8)

        #expect(resumed.map(\.bitPattern) == uninterrupted.map(\.bitPattern), "\(name)")
        #expect(resumed != Self.start, "\(name) never moved")
        // A fresh optimizer stepped on from the same point takes other steps: the state matters
        // (not for SGD without momentum, which has none, nor for Lion, whose sign of a mix of
        // gradients never changes on this function).
        if !["sgd", "lion"].contains(name) {
            var fresh = Self.start
            Self.train(config.settings.makeOptimizer(of: Float.self, layout: Self.layout), &fresh, steps: 0..<5)
            Self.train(config.settings.makeOptimizer(of: Float.self, layout: Self.layout), &fresh, steps: 5..<8)
            #expect(fresh.map(\.bitPattern) != uninterrupted.map(\.bitPattern), "\(name)")
        }
    }

    /// Adam's snapshot has a first moment of 16 values; an Adam of 3 parameters refuses it.
    @Test func refusesTheStateOfAnotherSize() throws {
        let adam = OptimizerConfig.adam(AdamHyperparameters())
        var theta = Self.start
        let optimizer = adam.settings.makeOptimizer(of: Float.self, layout: Self.layout)
        Self.train(optimizer, &theta, steps: 0..<1)
        let small = adam.makeOptimizer(of: Float.self, parameterCount: 3)
        #expect(throws: OptimizerSnapshotError("array 0 has 16 values, expected 3")) {
            try small.restoreState(optimizer.saveState())
        }
        #expect(throws: OptimizerSnapshotError("no array 0")) {
            try small.restoreState(OptimizerSnapshot())
        }
    }
}
