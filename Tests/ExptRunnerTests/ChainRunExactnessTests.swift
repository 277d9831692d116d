import ExptManifest
import ExptStore
import Testing
@testable import ExptRunner

/// A manifest that writes a built-in optimizer as its explicit chain records the built-in's
/// metrics bit for bit: every epoch's losses, accuracy and rate, and the test metrics, over
/// three epochs of a tiny MLP with a rate that changes every step. The run ids differ (the
/// stored config names the chain, not the built-in), which is all that differs.
struct ChainRunExactnessTests {
    static let manifest = """
        name: chains
        data: {dataset: blobs, samples: 24, classes: 3, features: 2, test: 0.25}
        model: [{dense: 4, activation: tanh}, {dense: 3}]
        train: {epochs: 3, batch_size: 6}
        schedule: {name: exponential, gamma: 0.9, interval: step}
        optimizer: {name: sgd, lr: 0.1}
        variants:
          adam: {optimizer: {name: adam, lr: 0.01}}
          adam-chain: {optimizer: {chain: [scale_by_adam, scale_by_learning_rate], lr: 0.01}}
          adamw: {optimizer: {name: adamw, lr: 0.01, weight_decay: 0.1}}
          adamw-chain: {optimizer: {chain: [scale_by_adam, add_decayed_weights: 0.1, scale_by_learning_rate], lr: 0.01}}
          nesterov: {optimizer: {name: sgd, lr: 0.05, momentum: 0.9, nesterov: true}}
          nesterov-chain: {optimizer: {chain: [trace: {decay: 0.9, nesterov: true}, scale_by_learning_rate], lr: 0.05}}
          rmsprop: {optimizer: {name: rmsprop, lr: 0.01, momentum: 0.5, centered: true}}
          rmsprop-chain: {optimizer: {chain: [scale_by_stddev, trace: 0.5, scale_by_learning_rate], lr: 0.01}}
          adagrad: {optimizer: {name: adagrad, lr: 0.1}}
          adagrad-chain: {optimizer: {chain: [scale_by_rss, scale_by_learning_rate], lr: 0.1}}
          lion: {optimizer: {name: lion, lr: 0.001}}
          lion-chain: {optimizer: {chain: [scale_by_lion, scale_by_learning_rate], lr: 0.001}}
        """

    static let builtIns = ["adam", "adamw", "nesterov", "rmsprop", "adagrad", "lion"]

    /// Every recorded number of a run but the times, which no two runs share.
    static func metrics(_ record: RunRecord) -> [EpochMetrics] {
        record.epochs.map { epoch in
            var epoch = epoch
            epoch.elapsedSeconds = 0
            return epoch
        }
    }

    @Test(arguments: builtIns)
    func chainRecordsTheBuiltInsMetrics(_ name: String) throws {
        let runs = try ManifestLoader.decode(text: Self.manifest, path: "x.yaml").runs
        let builtIn = try #require(runs.first { $0.variant == name })
        let chain = try #require(runs.first { $0.variant == name + "-chain" })
        let builtInRecord = Executor().run(builtIn)
        let chainRecord = Executor().run(chain)
        #expect(builtInRecord.status == .complete && chainRecord.status == .complete)
        #expect(Self.metrics(chainRecord) == Self.metrics(builtInRecord))
        #expect(chainRecord.test == builtInRecord.test && chainRecord.test != nil)
        // The model did train: the loss moved, so equal records are not two untouched models.
        #expect(builtInRecord.epochs.count == 3 && builtInRecord.epochs[0].trainLoss != builtInRecord.epochs[2].trainLoss)
        #expect(builtIn.id != chain.id)
    }
}
