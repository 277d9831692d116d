import Testing
import ExptData
@testable import ExptManifest

/// The datasets added beside spirals and blobs, the test split, normalisation and regression.
@Suite struct DataDecodingTests {
    /// `flatten` puts a flatten layer first, for datasets whose examples are not vectors.
    static func manifest(data: String, units: Int = 3, loss: String = "", compare: String = "", flatten: Bool = false) -> String {
        """
        name: demo
        data:
        \(data)
        model:
        \(flatten ? "  - flatten\n" : "")  - dense: 8
            activation: relu
          - dense: \(units)
        \(loss)
        train: {epochs: 2}
        optimizer: {name: sgd, lr: 0.1}
        \(compare)
        variants:
          sgd: {}
        """
    }

    static func decode(_ text: String) throws -> Experiment {
        try ManifestLoader.decode(text: text, path: "x.yaml")
    }

    @Test func mnist1dDefaultsAreThePackagesWithSeed42() throws {
        let experiment = try Self.decode(Self.manifest(data: "  dataset: mnist1d", units: 10, flatten: true))
        let data = experiment.variants[0].config.data
        #expect(data.dataset == DatasetConfig(MNIST1DSettings()))
        #expect(data.seed == 42)
        #expect(data.trainingCount == 3200)  // 4000 train examples, 20% of them for validation
    }

    @Test func mnist1dSettingsUseThePackagesNames() throws {
        let data = try Self.decode(Self.manifest(data: """
              dataset: mnist1d
              samples: 600
              train_split: 0.75
              padding: [10, 20]
              shuffle_seq: true
              final_seq_length: 24
              seed: 7
            """, units: 10, flatten: true)).variants[0].config.data
        #expect(data.dataset == DatasetConfig(MNIST1DSettings(samples: 600, trainSplit: 0.75, padding: 10...20,
                                                         shuffleSequence: true, finalLength: 24)))
        #expect(data.seed == 7)
    }

    @Test func testFractionAndNormalisation() throws {
        let data = try Self.decode(Self.manifest(data: """
              dataset: moons
              samples: 200
              test: 0.1
              normalize: standardize
            """, units: 2)).variants[0].config.data
        #expect(data.dataset == DatasetConfig(MoonsSettings(samples: 200, noise: 0.1)))
        #expect(data.test == 0.1 && data.normalize == .standardize)
        #expect(data.trainingCount == 140)
    }

    @Test func regressionComparesValidationLossByDefault() throws {
        let experiment = try Self.decode(Self.manifest(data: "  dataset: linear\n  targets: 2", units: 2, loss: "loss: mse"))
        #expect(experiment.compare == Comparison(metric: .validationLoss, goal: .minimize))
        #expect(experiment.variants[0].config.data.dataset == DatasetConfig(LinearSettings(targets: 2)))
    }

    @Test(arguments: [
        (manifest(data: "  dataset: linear", units: 1), """
            x.yaml:3:12: error: data.dataset: dataset linear is a regression task; set loss: mse (the default, cross_entropy, needs classes)
              dataset: linear
                       ^
            """),
        (manifest(data: "  dataset: polynomial", units: 1, loss: "loss: cross_entropy"), """
            x.yaml:8:7: error: loss: expected mse for the regression dataset polynomial, found cross_entropy
            loss: cross_entropy
                  ^
            """),
        (manifest(data: "  dataset: linear", units: 3, loss: "loss: mse"), """
            x.yaml:7:12: error: model[1].dense: expected 1 units to match the 1 targets of dataset linear, found 3
              - dense: 3
                       ^
            """),
        (manifest(data: "  dataset: linear", units: 1, loss: "loss: mse", compare: "compare: {metric: val_accuracy}"), """
            x.yaml:11:19: error: compare.metric: expected val_loss or train_loss for the regression dataset linear (in variant "sgd"), found val_accuracy
            compare: {metric: val_accuracy}
                              ^
            """),
        (manifest(data: "  dataset: mnist1d\n  test: 0.1", units: 10), """
            x.yaml:4:9: error: data.test: dataset mnist1d has its own test set; remove test
              test: 0.1
                    ^
            """),
        (manifest(data: "  dataset: mnist1d\n  seed: 4294967296", units: 10), """
            x.yaml:4:9: error: data.seed: expected a seed up to 4294967295 for dataset mnist1d (numpy's limit), found 4294967296
              seed: 4294967296
                    ^
            """),
        (manifest(data: "  dataset: mnist1d\n  padding: [60, 36]", units: 10), """
            x.yaml:4:12: error: data.padding: expected two non-negative integers [low, high] with low ≤ high ≤ 10000, found a sequence
              padding: [60, 36]
                       ^
            """),
        (manifest(data: "  dataset: moons\n  normalize: whiten", units: 2), """
            x.yaml:4:14: error: data.normalize: unknown normalization "whiten"; expected one of: scale, standardize
              normalize: whiten
                         ^
            """),
        (manifest(data: "  dataset: circles\n  classes: 2", units: 2), """
            x.yaml:4:3: error: data.classes: unknown key "classes"; expected one of: dataset, factor, input_noise, label_noise, noise, normalize, samples, seed, test, validation
              classes: 2
              ^
            """),
    ])
    func errors(text: String, expected: String) {
        #expect(errorText(text) == expected)
    }
}
