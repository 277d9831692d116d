import ExptManifest

/// How a variant's runs are set up, as the report's Setup section describes them.
///
/// Each property is one field of the setup. Fields that every variant shares are written
/// once above the variant table; the others become columns of it.
struct RunSetup {
    let config: RunConfig
    /// The training examples after the validation and test splits, when known.
    let trainingCount: Int?
    /// The name of the manifest's own optimizer the runs were written with; nil for a built-in's.
    let optimizerName: String?

    /// The setup of `config`; `trainingCount` as its settings tell it unless given (for data
    /// files, the results folder's record of them tells it).
    init(config: RunConfig, trainingCount: Int? = nil, optimizerName: String? = nil) {
        self.config = config
        self.trainingCount = trainingCount ?? config.data.trainingCount
        self.optimizerName = optimizerName
    }

    /// The label of the matrix-multiply threads field, which the report's header states when it is shared.
    static let threadsLabel = "Threads per run"

    /// The fields that may be shared: (label, text). The text of a setting the run does not
    /// use (no schedule, say) is empty.
    var sharedFields: [(label: String, text: String)] {
        [("Data", data), ("Model", model), ("Loss", isFunction ? "the function" : config.loss.rawValue),
         isFunction ? ("Steps", "\(config.train.epochs)") : ("Epochs", "\(config.train.epochs)"), (Self.threadsLabel, "\(config.train.threads)"),
         ("Schedule", config.schedule?.description ?? ""),
         ("Gradient clipping", SummaryTable.clipText(config)),
         ("Parameter groups", config.parameterGroups.map(\.description).joined(separator: "; ")),
         ("Early stopping", config.train.earlyStop.map(Self.earlyStopText) ?? "")]
    }

    /// `train.early_stop` as the Setup section writes it: `val_loss, patience 5, min_delta 0.01, best epoch restored`.
    static func earlyStopText(_ earlyStop: EarlyStopConfig) -> String {
        var text = "\(earlyStop.metric.rawValue), patience \(earlyStop.patience)"
        if earlyStop.minDelta != 0 { text += ", min_delta \(Markdown.number(earlyStop.minDelta))" }
        return earlyStop.restoreBest ? text + ", best epoch restored" : text
    }

    /// A 2D test function: no examples, split, loss or batches.
    var isFunction: Bool {
        config.data.dataset.isTestFunction
    }

    /// The dataset with its settings, the validation fraction ("no validation set" for 0), any label or input noise and the data seed (a function:
    /// its name and settings only).
    var data: String {
        let dataset = config.data.dataset
        let settings = dataset.settings.map { "\($0.name) \($0.value)" }.joined(separator: ", ")
        if isFunction { return "\(dataset.name) (\(settings))" }
        let validation = config.data.validation == 0 ? "no validation set" : "validation \(config.data.validation)"
        var text = "\(dataset.name) (\(settings)), \(validation)"
        if dataset.hasOwnTestSet { text += ", its own test set" } else if config.data.test > 0 { text += ", test \(config.data.test)" }
        if let normalization = config.data.normalize { text += ", \(normalization.rawValue)d" }
        if let fraction = config.data.labelNoise { text += ", label noise \(fraction)" }
        if let deviation = config.data.inputNoise { text += ", input noise \(deviation)" }
        return text + ", data seed \(config.data.seed)"
    }

    /// The layers in order, each as its kind describes it (``LayerSpec/description``); the
    /// initialiser only when it is not the default.
    var model: String {
        guard !config.model.isEmpty else { return "no layers" }
        return config.model.map(\.description).joined(separator: " → ")
    }

    /// The optimizer's name (a chain's with its transformations); one of the manifest's own with
    /// the built-in it is: `my-adamw (adamw)`.
    var optimizer: String {
        optimizerName.map { "\($0) (\(config.optimizer.label))" } ?? config.optimizer.label
    }

    /// The hyperparameters that differ from the optimizer's defaults as `name value`,
    /// comma-separated (`lr 0.1, momentum 0.9`), or `defaults` when none does.
    var hyperparameters: String {
        let defaults = config.optimizer.defaultHyperparameters
        let changed = zip(config.optimizer.hyperparameters, defaults).filter { $0.0.value != $0.1.value }.map(\.0)
        guard !changed.isEmpty else { return "defaults" }
        return changed.map { "\($0.name) \($0.value)" }.joined(separator: ", ")
    }

    /// The batch size so that full-batch gradient descent stands out: `full (N examples)`,
    /// N being the training examples after the validation split, or the number; `—` for a function.
    var batchSize: String {
        if isFunction { return "—" }
        switch config.train.batchSize {
        case .full:
            return trainingCount.map { "full (\($0) examples)" } ?? "full"
        case .size(let size):
            return "\(size)"
        }
    }
}
