import ExptData
import ExptEngine
import ExptManifest

/// `expt validate --plan`: every run the manifest declares, in the order `expt run` trains
/// them, with its resolved settings; one block per run.
enum RunSettingsListing {
    static func text(_ experiment: Experiment) -> String {
        // The runs in the order of `Experiment.runs`, each with the point it belongs to.
        let runs = experiment.variants.flatMap { variant in
            variant.points.flatMap { point in experiment.seeds.map { (variant: variant.name, seed: $0, point: point) } }
        }
        return runs.enumerated().map { index, run in
            var header = "run \(index + 1) of \(runs.count): \(run.variant), seed \(run.seed)"
            if !run.point.settings.isEmpty {
                header += ", sweep " + run.point.settings.map { "\($0.keyPath)=\($0.value)" }.joined(separator: " ")
            }
            return ([header] + settings(run.point.config, optimizerName: run.point.optimizerName).map { "  " + $0 }).joined(separator: "\n")
        }.joined(separator: "\n") + "\n"
    }

    /// The resolved settings of a run, one line each; schedule, clip and groups only when set.
    /// A run on a 2D test function has no examples and no model: its data line is the function
    /// and its start, and its train line the steps and how often they are recorded. An optimizer
    /// of the manifest's own (`optimizerName`) is shown as the built-in it resolves to:
    /// `optimizer: my-adamw = adamw (lr 0.001, …)`.
    static func settings(_ config: RunConfig, optimizerName: String? = nil) -> [String] {
        let dataset = config.data.dataset
        var data = "data: \(dataset.name) (" + dataset.settings.map { "\($0.name) \($0.value)" }.joined(separator: ", ") + ")"
        let optimizer = "optimizer: \(optimizerName.map { "\($0) = " } ?? "")\(config.optimizer.name) ("
            + config.optimizer.hyperparameters.map { "\($0.name) \($0.value)" }.joined(separator: ", ") + ")"
        var lines: [String]
        if dataset.isTestFunction {
            let steps = config.train.epochs, every = config.train.recordEvery
            lines = [data, "train: \(steps) step\(steps == 1 ? "" : "s"), recorded every \(every == 1 ? "step" : "\(every) steps")", optimizer]
        } else {
            data += config.data.validation == 0 ? ", no validation set" : ", validation \(config.data.validation)"
            if config.data.test > 0 { data += ", test \(config.data.test)" }
            if let normalization = config.data.normalize { data += ", normalize \(normalization.rawValue)" }
            if let fraction = config.data.labelNoise { data += ", label noise \(fraction)" }
            if let deviation = config.data.inputNoise { data += ", input noise \(deviation)" }
            data += ", data seed \(config.data.seed)"
            let threads = config.train.threads
            lines = [
                data,
                "model: " + config.model.map(\.description).joined(separator: " → ") + ", loss \(config.loss.rawValue)",
                "train: \(config.train.epochs) epochs, batch size \(config.train.batchSize), \(threads) thread\(threads == 1 ? "" : "s")"
                    + (config.train.layerStatistics ? ", layer stats" : "") + (config.train.evaluateTraining ? ", evaluate train" : ""),
                optimizer,
            ]
        }
        if let schedule = config.schedule { lines.append("schedule: \(schedule)") }
        if let clipping = config.clipping {
            let parts = [clipping.maxNorm.map { "norm \($0)" }, clipping.maxValue.map { "value \($0)" }].compactMap { $0 }
            lines.append("clip: " + parts.joined(separator: ", "))
        }
        if !config.parameterGroups.isEmpty {
            lines.append("param_groups: " + config.parameterGroups.map(\.description).joined(separator: "; "))
        }
        return lines
    }
}
