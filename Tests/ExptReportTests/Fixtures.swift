import ExptData
import ExptEngine
import ExptManifest
import ExptOptim
import ExptReport
import ExptStore

/// A small classification experiment, 2 variants x 2 seeds, with hand-made records.
///
/// Final and best val_accuracy, final val_loss and seconds per run:
///
///     run      final acc  best acc (epoch)  final val_loss  seconds
///     sgd/0    0.8        0.8  (2, tie 3)   0.55            1.75
///     sgd/1    0.75       0.75 (3)          0.58            1.25
///     adam/0   0.9        0.95 (2)          0.25            2.0
///     adam/1   0.94       0.94 (3)          0.21            3.0
enum Fixture {
    static let data = DataConfig(dataset: DatasetConfig(SpiralsSettings(samples: 100, classes: 2, noise: 0.1, turns: 1.5)),
                                 validation: 0.2, seed: 0)
    static let model: [LayerSpec] = [.dense(DenseSpec(units: 16, activation: .relu)), .dense(DenseSpec(units: 2))]

    static func config(_ optimizer: OptimizerConfig, batchSize: BatchSize) -> RunConfig {
        RunConfig(data: data, model: model, loss: .crossEntropy,
                  train: TrainConfig(epochs: 3, batchSize: batchSize), optimizer: optimizer)
    }

    static let sgd = Variant(name: "sgd", config: config(.sgd(SGDHyperparameters(lr: 0.1, momentum: 0.9)), batchSize: .full))
    static let adam = Variant(name: "adam", config: config(.adam(AdamHyperparameters(lr: 0.01)), batchSize: .size(32)))

    static func experiment(variants: [Variant] = [sgd, adam], compare: Comparison = Comparison(metric: .validationAccuracy)) -> Experiment {
        Experiment(name: "demo", description: "Adam against momentum SGD on two spirals.", seeds: [0, 1],
                   variants: variants, compare: compare,
                   sourcePath: "experiments/demo.yaml", sourceText: "name: demo\nseeds: [0, 1]\n")
    }

    static let context = ReportContext(date: "2026-01-02T03:04:05Z", exptVersion: "0.1.0",
                                       command: "expt run experiments/demo.yaml",
                                       machine: "Ubuntu 22.04, x86_64, 2 CPUs", jobs: 2)

    /// One epoch: (train loss, val loss, val accuracy).
    typealias Epoch = (train: Double, loss: Double, accuracy: Double?)

    static func record(_ variant: Variant, seed: UInt64, stepsPerEpoch: Int, lr: Double,
                       _ epochs: [Epoch], seconds: Double, status: RunStatus = .complete) -> RunRecord {
        let metrics = epochs.enumerated().map { index, epoch in
            EpochMetrics(epoch: index + 1, step: (index + 1) * stepsPerEpoch, trainLoss: epoch.train,
                         validationLoss: epoch.loss, validationAccuracy: epoch.accuracy,
                         learningRate: lr, elapsedSeconds: Double(index + 1) * 0.5)
        }
        return RunRecord(spec: RunSpec(variant: variant.name, seed: seed, config: variant.config),
                         status: status, epochs: metrics, seconds: seconds)
    }

    // Full batch: one step per epoch. Batches of 32 over 80 training examples: 3 steps per epoch.
    static let sgd0 = record(sgd, seed: 0, stepsPerEpoch: 1, lr: 0.1,
                             [(0.7, 0.69, 0.5), (0.6, 0.6, 0.8), (0.5, 0.55, 0.8)], seconds: 1.75)
    static let sgd1 = record(sgd, seed: 1, stepsPerEpoch: 1, lr: 0.1,
                             [(0.72, 0.68, 0.6), (0.65, 0.62, 0.7), (0.52, 0.58, 0.75)], seconds: 1.25)
    static let adam0 = record(adam, seed: 0, stepsPerEpoch: 3, lr: 0.01,
                              [(0.4, 0.4, 0.85), (0.2, 0.2, 0.95), (0.15, 0.25, 0.9)], seconds: 2.0)
    static let adam1 = record(adam, seed: 1, stepsPerEpoch: 3, lr: 0.01,
                              [(0.35, 0.3, 0.9), (0.25, 0.22, 0.92), (0.125, 0.21, 0.94)], seconds: 3.0)

    static let records = [sgd0, sgd1, adam0, adam1]
    static let report = Report(experiment: experiment(), records: records, context: context)
}

/// Splits Markdown into its table rows, each as its cells (the separator row included).
func tableRows(_ markdown: String, after heading: String) -> [[String]] {
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(of: heading) else { return [] }
    return lines[start...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.map { line in
        line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
    }
}

/// The first non-empty line after the table under `heading`.
func paragraphAfterTable(_ markdown: String, after heading: String) -> String? {
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(of: heading) else { return nil }
    return lines[start...].drop { !$0.hasPrefix("|") }.drop { $0.hasPrefix("|") }.first { !$0.isEmpty }
}
