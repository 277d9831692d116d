import ExptData
import ExptOptim

/// `data` of a 2D test function, and the `train` of its runs.
///
/// ```yaml
/// data:
///   dataset: NAME           # a `TestFunction` (see `expt list datasets`)
///   start: [-1.5, 2.0]      # two finite numbers; default: the function's customary start
///   condition_number: 10    # quadratic only: κ in ½ (x² + κ y²), a number ≥ 1, default 10
/// train:
///   steps: 500              # required: 1…100000
///   record_every: 10        # metrics of every 10th step (and the last); 1…100000, default 1
/// ```
/// A function takes no `model` and no `loss` (it is its own loss), and has no validation split
/// or data seed. `schedule` and `clip` apply to its steps (each step is an epoch); it takes no
/// `param_groups`, having no layers, and a plateau schedule on it cannot watch `val_accuracy`.
extension ManifestDecoder {
    /// Every key a function's `data` may take beside `dataset`, in any function's schema.
    static let functionKeys = Array(Set(TestFunction.allCases.flatMap { ManifestSchema.datasets.entry($0.rawValue)?.keys ?? [] }))
    static let functionTrainKeys = ["steps", "record_every"]
    static let maximumFunctionSteps = 100_000

    func functionData(_ tree: Tree, _ function: TestFunction) -> DecodedData? {
        let keys = ["dataset"] + (ManifestSchema.datasets.entry(function.rawValue)?.keys ?? [])
        guard let fields = fields(tree, allowed: keys), let datasetTree = fields.required("dataset") else { return nil }
        let start = errorCount
        let point = fields.optional("start").map { self.point($0) }
        let conditionNumber = fields.optional("condition_number").map { number($0, .atLeastOne) } ?? FunctionSettings.defaultConditionNumber
        guard errorCount == start, let conditionNumber else { return nil }
        let settings = FunctionSettings(function: function, start: point ?? nil, conditionNumber: conditionNumber)
        return DecodedData(config: DataConfig(dataset: DatasetConfig(settings)), classes: nil, outputs: 0,
                           classesSource: datasetTree, featuresSource: datasetTree, datasetTree: datasetTree, inputShape: [2])
    }

    /// `start: [x, y]`: two finite numbers.
    private func point(_ tree: Tree) -> [Double]? {
        guard let items = tree.items, items.count == 2 else {
            let found = tree.items.map { "a sequence of \($0.count)" } ?? tree.found
            error(tree, "expected a point [x, y] of two numbers, found \(found)")
            return nil
        }
        let coordinates = items.map { number($0, .finite) }
        guard let x = coordinates[0], let y = coordinates[1] else { return nil }
        return [x, y]
    }

    /// `train` of a function: the number of optimizer steps, each an epoch, and how often
    /// their metrics are recorded.
    func functionTrainConfig(_ tree: Tree) -> TrainConfig? {
        guard let fields = fields(tree, allowed: Self.functionTrainKeys) else { return nil }
        let start = errorCount
        let steps = fields.required("steps").flatMap { integer($0, 1...Self.maximumFunctionSteps) }
        let recordEvery = fields.optional("record_every").map { integer($0, 1...Self.maximumFunctionSteps) } ?? 1
        guard errorCount == start, let steps, let recordEvery else { return nil }
        return TrainConfig(epochs: steps, batchSize: .full, threads: 1, recordEvery: recordEvery)
    }
}

extension ManifestDecoder {
    /// Whether a `data` value names a test function.
    static func namesFunction(_ data: Tree?) -> Bool {
        data?["dataset"]?.name.flatMap(TestFunction.init(rawValue:)) != nil
    }

    /// A function run's settings: its data and optimizer, its `train: {steps: N}`, and no
    /// model or loss.
    func functionRunConfig(_ settings: Settings, broken: Set<Section>, variant: VariantSite?) -> RunConfig? {
        let start = errorCount
        let data = broken.contains(.data) ? nil : settings.data.flatMap { dataConfig($0) }
        let name = data?.config.dataset.name ?? settings.data?["dataset"]?.name ?? "function"
        if let model = settings.model {
            error(model, "expected no model for function \(name), which is optimized directly, found \(model.found)\(variantNote(at: model, involving: [settings.data?["dataset"]]))")
        }
        if let loss = settings.loss {
            error(loss, "expected no loss for function \(name), which is its own loss, found \(loss.found)\(variantNote(at: loss, involving: [settings.data?["dataset"]]))")
        }
        if let groups = settings.parameterGroups {
            error(groups, "expected no param_groups for function \(name), which has no layers, found \(groups.found)\(variantNote(at: groups, involving: [settings.data?["dataset"]]))")
        }
        let train = broken.contains(.train) ? nil : settings.train.flatMap { functionTrainConfig($0) }
        let schedule = settings.schedule.flatMap { scheduleConfig($0) }
        if let watching = schedule?.kind.settings as? any MetricMonitoringSchedule, watching.metric == .validationAccuracy,
           let schedule = settings.schedule {
            error(schedule["metric"] ?? schedule, "expected train_loss or val_loss for a function, which has no accuracy, found val_accuracy")
        }
        let clipping = settings.clip.flatMap { self.clipping($0) }
        var optimizer: OptimizerConfig?
        if let tree = settings.optimizer {
            optimizer = optimizerConfig(tree)
        } else if let variant, !broken.contains(.optimizer) {
            error(at: variant.mark, source: variant.source, path: variant.path, "no optimizer: set one here or at the top level")
        }
        guard errorCount == start, let data, let train, let optimizer else { return nil }
        // The loss is unused; it is the default, as for a manifest that sets none.
        return RunConfig(data: data.config, model: [], loss: .crossEntropy, train: train, optimizer: optimizer,
                         schedule: schedule, clipping: clipping)
    }

    /// `compare.metric`; a function run records no accuracy.
    func functionMetric(_ tree: Tree, function: Bool) -> Metric? {
        let metric = choice(tree, "metric", Self.options(Metric.self))
        if function && metric == .validationAccuracy {
            error(tree, "expected train_loss or val_loss for a function, which has no accuracy, found val_accuracy")
            return nil
        }
        return metric
    }
}
