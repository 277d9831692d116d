import ExptData
import ExptManifest
import ExptOptim
import Testing
@testable import ExptReport

/// The setup table names a chain by its transformations: two chains at one `lr` differ there.
struct ChainSetupTests {
    static let chain = OptimizerConfig(ChainSettings([Clip(maxDelta: 0.5), ScaleByAdam(), ScaleByLearningRate()], lr: 0.01))

    @Test func aChainIsNamedByItsTransformations() {
        let setup = RunSetup(config: Fixture.config(Self.chain, batchSize: .size(8)))
        #expect(setup.optimizer == "chain [clip: {max_delta: 0.5}, scale_by_adam, scale_by_learning_rate]")
        #expect(setup.hyperparameters == "lr 0.01")
    }

    @Test func anOwnChainShowsItsNameAndTheChain() {
        let setup = RunSetup(config: Fixture.config(Self.chain, batchSize: .size(8)), optimizerName: "clipped-adam")
        #expect(setup.optimizer == "clipped-adam (chain [clip: {max_delta: 0.5}, scale_by_adam, scale_by_learning_rate])")
    }

    @Test func aBuiltInIsNamedAsBefore() {
        #expect(RunSetup(config: Fixture.config(.adam(AdamHyperparameters()), batchSize: .size(8))).optimizer == "adam")
    }
}
