import ExptData
import ExptEngine
import ExptOptim
import Testing
@testable import ExptManifest

/// Valid manifests, decoded into the exact expected values.
struct ManifestDecodingTests {
    static let fixtures = String(#filePath).split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/") + "/Fixtures"

    static var fullText: String {
        (try? ManifestFile.contents(ofPath: fixtures + "/full.yaml", limit: 1 << 20).get()) ?? ""
    }

    @Test func fullManifest() throws {
        let path = Self.fixtures + "/full.yaml"
        let experiment = try ManifestLoader.load(path: path)

        let data = DataConfig(dataset: DatasetConfig(SpiralsSettings(samples: 600, classes: 3, noise: 0.2, turns: 2)), validation: 0.25, seed: 7)
        let model: [LayerSpec] = [
            .dense(DenseSpec(units: 32, activation: .relu, initializer: .xavier)),
            .dense(DenseSpec(units: 32, activation: .tanh, initializer: .xavier)),
            .dense(DenseSpec(units: 3, activation: .identity, initializer: .xavier)),
        ]
        let train = TrainConfig(epochs: 40, batchSize: .size(32), threads: 2)
        let expected = Experiment(
            name: "adam-vs-sgd",
            description: "Adam against plain SGD",
            seeds: [0, 1, 2],
            variants: [
                Variant(name: "gd", config: RunConfig(
                    data: data, model: model, loss: .crossEntropy,
                    train: TrainConfig(epochs: 40, batchSize: .full, threads: 2),
                    optimizer: .sgd(SGDHyperparameters(lr: 0.5)))),
                Variant(name: "momentum", config: RunConfig(
                    data: data, model: model, loss: .crossEntropy, train: train,
                    optimizer: .sgd(SGDHyperparameters(lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 1e-4)))),
                Variant(name: "adam", config: RunConfig(
                    data: data, model: model, loss: .crossEntropy, train: train,
                    optimizer: .adam(AdamHyperparameters(lr: 0.01, beta1: 0.8, beta2: 0.99, eps: 1e-6, amsgrad: true)))),
                Variant(name: "mse", config: RunConfig(
                    data: DataConfig(dataset: DatasetConfig(SpiralsSettings(samples: 600, classes: 3, noise: 0.3, turns: 2)), validation: 0.25, seed: 7),
                    model: [.dense(DenseSpec(units: 3, activation: .sigmoid, initializer: .zeros))],
                    loss: .meanSquaredError,
                    train: TrainConfig(epochs: 5, batchSize: .size(32), threads: 2),
                    optimizer: .sgd(SGDHyperparameters(lr: 0.1)))),
            ],
            compare: Comparison(metric: .validationLoss, goal: .maximize),
            sourcePath: path,
            sourceText: try ManifestFile.contents(ofPath: path, limit: 1 << 20).get())
        #expect(experiment == expected)
        #expect(experiment.runs.count == 12)
    }

    @Test func defaults() throws {
        let text = """
            name: minimal
            data: {dataset: blobs}
            model: [{dense: 3}]
            train: {epochs: 1}
            variants:
              adam: {optimizer: adam}
            """
        let experiment = try ManifestLoader.decode(text: text, path: "m.yaml")
        let expected = Experiment(
            name: "minimal", description: "", seeds: [0],
            variants: [Variant(name: "adam", config: RunConfig(
                data: DataConfig(dataset: DatasetConfig(BlobsSettings()), validation: 0.2, seed: 0),
                model: [.dense(DenseSpec(units: 3))],
                loss: .crossEntropy,
                train: TrainConfig(epochs: 1, batchSize: .size(32), threads: 1),
                optimizer: .adam(AdamHyperparameters())))],
            compare: Comparison(metric: .validationAccuracy, goal: .maximize),
            sourcePath: "m.yaml", sourceText: text)
        #expect(experiment == expected)
    }

    @Test func theExampleManifestDecodes() throws {
        let experiment = try ManifestLoader.load(path: Self.fixtures + "/adam-vs-sgd.yaml")
        #expect(experiment.variants.map(\.name) == ["full-batch-gd", "sgd", "momentum", "adam"])
        #expect(experiment.seeds == [0, 1, 2])
        #expect(experiment.variants[0].config.train.batchSize == .full)
        #expect(experiment.variants[2].config.optimizer == .sgd(SGDHyperparameters(lr: 0.02, momentum: 0.9, nesterov: true)))
        #expect(experiment.description.hasPrefix("Full-batch gradient descent"))
        // The folded block's final line break is dropped.
        #expect(experiment.description.hasSuffix("over 3 seeds."))
    }

    @Test func theReadmeExampleDecodes() throws {
        let experiment = try ManifestLoader.load(path: Self.fixtures + "/readme-example.yaml")
        #expect(experiment.variants.map(\.name) == ["gd", "sgd", "adam"])
        #expect(experiment.variants[1].config.optimizer == .sgd(SGDHyperparameters(lr: 0.1)))
        #expect(experiment.runs.count == 9)
    }

    @Test(arguments: [
        ("seeds: 5", [UInt64(5)]),
        ("seeds: [3, 1, 2]", [3, 1, 2]),
        ("seeds: [18446744073709551615, 0x10]", [UInt64.max, 16]),
        ("seeds:", [0]),
    ])
    func seeds(line: String, expected: [UInt64]) throws {
        let experiment = try ManifestLoader.decode(text: baseManifest + "\n" + line, path: "x.yaml")
        #expect(experiment.seeds == expected)
    }

    @Test(arguments: [
        ("compare: {metric: val_loss}", Comparison(metric: .validationLoss, goal: .minimize)),
        ("compare: {metric: train_loss, goal: max}", Comparison(metric: .trainLoss, goal: .maximize)),
        ("compare: {goal: min}", Comparison(metric: .validationAccuracy, goal: .minimize)),
        ("compare:", Comparison(metric: .validationAccuracy, goal: .maximize)),
    ])
    func comparison(line: String, expected: Comparison) throws {
        let experiment = try ManifestLoader.decode(text: baseManifest + "\n" + line, path: "x.yaml")
        #expect(experiment.compare == expected)
    }

    @Test func blobsSettingsAndBatchSizeLargerThanTheData() throws {
        let text = """
            name: blobs.v2
            data: {dataset: blobs, samples: 50, classes: 4, features: 8, noise: 0, spread: 2.5, validation: 0.5}
            model: [{dense: 4, activation: identity, init: he}]
            train: {epochs: 3, batch_size: 1000}
            variants: {plain: {optimizer: {name: sgd, lr: 1}}}
            """
        let config = try #require(ManifestLoader.decode(text: text, path: "x.yaml").variants.first?.config)
        #expect(config.data == DataConfig(dataset: DatasetConfig(BlobsSettings(samples: 50, classes: 4, features: 8, noise: 0, spread: 2.5)), validation: 0.5))
        #expect(config.model == [.dense(DenseSpec(units: 4, activation: .identity, initializer: .he))])
        #expect(config.train.batchSize == .size(1000))
        #expect(config.optimizer == .sgd(SGDHyperparameters(lr: 1)))
    }
}
