import ExptConfig
import ExptOptim
import Foundation
import Testing

/// The registry, the settings tables and the stored form of an optimizer config.
struct OptimizerRegistryTests {
    @Test func listsEveryOptimizerOnceInItsOrder() {
        #expect(OptimizerRegistry.kinds.map { $0.name }
            == ["sgd", "adam", "adamw", "adagrad", "rmsprop", "adadelta", "nadam", "radam", "adamax", "lion", "rprop",
                "asgd", "adabelief", "lamb", "lars", "adafactor", "muon", "schedule_free_sgd", "schedule_free_adamw", "lbfgs", "sam",
                "lookahead"])
        #expect(OptimizerRegistry.kind(named: "radam")?.name == "radam")
        #expect(OptimizerRegistry.kind(named: "adamx") == nil)
    }

    @Test func tableKeysAreUniquePerOptimizer() {
        for kind in OptimizerRegistry.kinds {
            let keys = keys(of: kind)
            #expect(Set(keys).count == keys.count, "\(kind.name): \(keys)")
        }
    }

    private func keys<Kind: OptimizerKind>(of kind: Kind.Type) -> [String] {
        Kind.settings.map(\.key)
    }

    /// AdamW differs from Adam in the default weight decay (0.01) and where it applies.
    @Test func adamWListsItsDefaultsThroughTheTable() {
        let listed = AdamWHyperparameters().listed
        #expect(listed.map(\.name) == ["lr", "beta1", "beta2", "eps", "weight_decay", "amsgrad"])
        #expect(listed.map(\.value) == ["0.001", "0.9", "0.999", "1e-08", "0.01", "false"])
        #expect(AdamHyperparameters().weightDecay == 0)
        #expect(AdamWHyperparameters.settings[3].meaning == "Decoupled: shrinks the parameters by lr · weight_decay each step.")
        #expect(AdamHyperparameters.settings[3].meaning == "L2 penalty added to the gradient.")
        #expect(NAdamHyperparameters.settings.map(\.key)
            == ["lr", "betas", "eps", "weight_decay", "momentum_decay", "decoupled_weight_decay"])
        #expect(NAdamHyperparameters.settings[5].meaning == "Shrink the parameters by lr · weight_decay instead.")
    }

    /// The form the stored runs' config.json (and so their ids) were written in.
    @Test func encodesAsTheEnumCaseItReplaced() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let sgd = OptimizerConfig.sgd(SGDHyperparameters(lr: 0.05))
        #expect(String(decoding: try encoder.encode(sgd), as: UTF8.self)
            == #"{"sgd":{"_0":{"dampening":0,"lr":0.05,"momentum":0,"nesterov":false,"weightDecay":0}}}"#)
        let adamw = OptimizerConfig.adamw(AdamWHyperparameters(amsgrad: true))
        #expect(String(decoding: try encoder.encode(adamw), as: UTF8.self)
            == #"{"adamw":{"_0":{"amsgrad":true,"beta1":0.9,"beta2":0.999,"eps":1e-08,"lr":0.001,"weightDecay":0.01}}}"#)
        #expect(try JSONDecoder().decode(OptimizerConfig.self, from: encoder.encode(adamw)) == adamw)
    }

    @Test func decodingAnUnknownNameFails() {
        let json = Data(#"{"adamx":{"_0":{"lr":0.1}}}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(OptimizerConfig.self, from: json) }
    }

    @Test func equalityComparesKindAndValues() {
        #expect(OptimizerConfig.adam(AdamHyperparameters()) != OptimizerConfig.adamw(AdamWHyperparameters(weightDecay: 0)))
        #expect(OptimizerConfig.adam(AdamHyperparameters(lr: 0.1)) != OptimizerConfig.adam(AdamHyperparameters()))
        #expect(OptimizerConfig.adam(AdamHyperparameters(lr: 0.1)) == OptimizerConfig.adam(AdamHyperparameters(lr: 0.1)))
    }

    /// torch's rule: Nesterov momentum needs momentum > 0 and no dampening.
    @Test func sgdNamesItsNesterovConflict() {
        #expect(SGDHyperparameters(momentum: 0.9, nesterov: true).conflict() == nil)
        #expect(SGDHyperparameters(momentum: 0.9, dampening: 0.1, nesterov: true).conflict()
            == HyperparameterConflict(key: "nesterov", involving: ["momentum", "dampening"],
                                      message: "nesterov needs momentum > 0 and dampening = 0"))
        #expect(AdamHyperparameters().conflict() == nil)
    }

    /// Adagrad's sum of squares starts at initial_accumulator_value: with 1, a first gradient of 1
    /// and lr 0.5, θ = 1 − 0.5 · 1 / (√(1 + 1) + 1e-10) = 0.6464466094317263 (without the first
    /// sum it would be 1 − 0.5 · 1 / (1 + 1e-10) ≈ 0.5).
    @Test func stateStartsAtTheRulesInitialValue() {
        let optimizer = AdagradHyperparameters(lr: 0.5, initialAccumulatorValue: 1).makeOptimizer(of: Double.self, parameterCount: 1)
        var theta = [1.0]
        theta.withUnsafeMutableBufferPointer { p in
            [1.0].withUnsafeBufferPointer { g in optimizer.step(parameters: p, gradients: g, learningRate: 0.5) }
        }
        #expect(abs(theta[0] - 0.6464466094317263) < 1e-15)
        #expect((optimizer as? RuleOptimizer<AdagradHyperparameters, Double>)?.stepCount == 1)
    }
}
