import ExptData
import ExptEngine
import ExptOptim
import Testing
@testable import ExptManifest

/// How variants are laid over the top-level settings.
struct VariantMergeTests {
    private func configs(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: RunConfig] {
        let experiment = try ManifestLoader.decode(text: text, path: "x.yaml")
        return Dictionary(uniqueKeysWithValues: experiment.variants.map { ($0.name, $0.config) })
    }

    static let shared = """
        name: merge
        data: {dataset: blobs, samples: 300, classes: 3, features: 4, validation: 0.1}
        model: [{dense: 8, activation: tanh}, {dense: 3}]
        train: {epochs: 20, batch_size: 16, threads: 2}
        optimizer: {name: sgd, lr: 0.1, momentum: 0.9, weight_decay: 0.01}

        """

    @Test func mappingsMergeKeyByKey() throws {
        let c = try configs(Self.shared + """
            variants:
              a:
                train: {epochs: 5}
                optimizer: {lr: 0.2}
                data: {samples: 600}
            """)
        let a = try #require(c["a"])
        #expect(a.train == TrainConfig(epochs: 5, batchSize: .size(16), threads: 2))
        #expect(a.optimizer == .sgd(SGDHyperparameters(lr: 0.2, momentum: 0.9, weightDecay: 0.01)))
        #expect(a.data == DataConfig(dataset: DatasetConfig(BlobsSettings(samples: 600, classes: 3, features: 4)), validation: 0.1))
    }

    @Test func sequencesAndScalarsReplace() throws {
        let c = try configs(Self.shared + """
            variants:
              a:
                model: [{dense: 3, activation: relu}]
                loss: mse
            """)
        let a = try #require(c["a"])
        #expect(a.model == [.dense(DenseSpec(units: 3, activation: .relu))])
        #expect(a.loss == .meanSquaredError)
    }

    @Test func anotherOptimizerReplacesTheTopLevelOne() throws {
        let c = try configs(Self.shared + """
            variants:
              adam: {optimizer: {name: adam, lr: 0.01}}
              bare: {optimizer: adam}
              same: {optimizer: sgd}
            """)
        // No momentum or weight decay leaks from sgd into adam.
        #expect(c["adam"]?.optimizer == .adam(AdamHyperparameters(lr: 0.01)))
        #expect(c["bare"]?.optimizer == .adam(AdamHyperparameters()))
        // Naming the same optimizer keeps its top-level hyperparameters.
        #expect(c["same"]?.optimizer == .sgd(SGDHyperparameters(lr: 0.1, momentum: 0.9, weightDecay: 0.01)))
    }

    @Test func anotherDatasetKeepsOnlyValidationAndSeed() throws {
        let c = try configs(Self.shared + """
            variants:
              spirals: {data: {dataset: spirals, classes: 3}}
            """)
        #expect(c["spirals"]?.data == DataConfig(dataset: DatasetConfig(SpiralsSettings(classes: 3)), validation: 0.1))
    }

    @Test func nullKeepsTheTopLevelValue() throws {
        let c = try configs(Self.shared + """
            variants:
              empty:
              nulls: {optimizer: null, train: {epochs: ~}}
            """)
        #expect(c["empty"]?.train == TrainConfig(epochs: 20, batchSize: .size(16), threads: 2))
        #expect(c["nulls"] == c["empty"])
    }

    @Test func variantsKeepFileOrder() throws {
        let experiment = try ManifestLoader.decode(text: Self.shared + "variants: {z: {}, a: {}, m: {}}", path: "x.yaml")
        #expect(experiment.variants.map(\.name) == ["z", "a", "m"])
    }

    @Test func anchorsAliasesAndMergeKeysInManifests() throws {
        let c = try configs("""
            name: yaml-features
            data: {dataset: spirals}
            model: &model [{dense: 2}]
            train: &train {epochs: 4, batch_size: 8}
            variants:
              a:
                train: {<<: *train, epochs: 9}
                optimizer: &sgd {name: sgd, lr: 0.3}
              b:
                model: *model
                optimizer: {<<: *sgd, momentum: 0.5}
            """)
        #expect(c["a"]?.train == TrainConfig(epochs: 9, batchSize: .size(8)))
        #expect(c["b"]?.optimizer == .sgd(SGDHyperparameters(lr: 0.3, momentum: 0.5)))
    }
}
