import ExptManifest
import Testing

@testable import expt

/// `expt validate --plan` says a run has no validation set when `data.validation` is 0, rather
/// than printing a split of 0.
struct NoValidationPlanTests {
    @Test func aRunWithoutValidationSetSaysSo() throws {
        let manifest = """
            name: all-data
            data: {dataset: spirals, samples: 60, validation: 0}
            model:
              - {dense: 2}
            train: {epochs: 3, batch_size: 16}
            compare: {metric: train_loss}
            variants:
              sgd:
                optimizer: {name: sgd, lr: 0.1}
            """
        let experiment = try ManifestLoader.decode(text: manifest, path: "all-data.yaml")
        #expect(RunSettingsListing.text(experiment) == """
            run 1 of 1: sgd, seed 0
              data: spirals (samples 60, classes 2, noise 0.1, turns 1.5), no validation set, data seed 0
              model: dense 2, loss cross_entropy
              train: 3 epochs, batch size 16, 1 thread
              optimizer: sgd (lr 0.1, momentum 0.0, dampening 0.0, nesterov false, weight_decay 0.0)

            """)
    }
}
