import ExptData
import ExptManifest
import ExptOptim
import Testing
@testable import ExptReport

/// The setup of a run without a validation set says so.
struct NoValidationSetupTests {
    @Test func theDataLineSaysThereIsNoValidationSet() {
        var config = Fixture.config(.sgd(SGDHyperparameters(lr: 0.1)), batchSize: .size(8))
        config.data.validation = 0
        #expect(RunSetup(config: config).data == "spirals (samples 100, classes 2, noise 0.1, turns 1.5), no validation set, data seed 0")
    }
}
