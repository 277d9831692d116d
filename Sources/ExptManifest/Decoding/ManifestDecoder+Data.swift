import ExptData

/// `data`: the dataset, its split and its normalisation.
///
/// ```yaml
/// data:
///   dataset: NAME        # required: a name of `DatasetRegistry.kinds` (or of a test function)
///   samples: 600         # settings of the dataset, next to `dataset` (defaults of its settings type)
///   validation: 0.2      # number in [0, 1), default 0.2; 0: no validation set; not with a dataset
///                        # that sets its own (`validationFraction`: modular_arithmetic's train_fraction)
///   test: 0.1            # number in [0, 1), default 0 (no test set); not with a dataset's own test set
///   normalize: standardize  # standardize | scale, default none
///   seed: 0              # non-negative integer, default the kind's `defaultSeed`, up to its `seedLimit`
///   label_noise: 0.2     # number in [0, 1), default 0: training labels replaced by another class
///   input_noise: 0.1     # number ≥ 0, default 0: Gaussian noise on the training features
/// ```
/// The settings of each dataset, their ranges and defaults are listed in docs/manifest-reference.md
/// (`data`); `samples` must be at least `classes`, and a generated
/// dataset must fit the memory budget (``MemoryBudget``, docs/data-files.md). The datasets read from
/// files (`DatasetFilesDecoder.swift`) are inspected here: their files
/// must exist and have valid headers, which give the input shape and the classes.
extension ManifestDecoder {
    /// The keys of `data` beside a dataset's own, and each dataset's own (the functions'
    /// apart): those of the schema.
    static let dataKeys = ["dataset"] + ManifestSchema.datasets.shared[0].keys
    static let datasetKeys: [String: [String]] = Dictionary(uniqueKeysWithValues: ManifestSchema.datasets.names
        .filter { TestFunction(rawValue: $0.name) == nil }.map { ($0.name, $0.keys) })
    static let maximumSamples = DatasetLimits.maximumSamples
    static let maximumClasses = DatasetLimits.maximumClasses

    /// Decoded data settings, with what the cross-key checks need.
    struct DecodedData {
        var config: DataConfig
        /// The number of classes, or nil for regression.
        var classes: Int?
        /// The number of values the model must output: the classes, or the regression targets.
        var outputs: Int
        /// Where the output count comes from: the `classes` (or `targets`) value, or `dataset`.
        var classesSource: Tree
        /// Where the input size comes from: the `features` value, or `dataset`.
        var featuresSource: Tree
        /// The `dataset` value, where problems of the dataset as a whole are reported.
        var datasetTree: Tree
        /// The shape of one example, from the settings or the files' headers.
        var inputShape: [Int]
        /// Target values per example: more than one with classes is a class per position.
        var targets = 1

        /// The shape the model's output must have: `[outputs]`, or `[positions, classes]`
        /// for a class per position (a language model's next tokens).
        var outputShape: [Int] {
            if let classes, targets > 1 { [targets, classes] } else { [outputs] }
        }

        /// `2` for a vector of 2 values, `[1, 28, 28]` otherwise.
        var inputDescription: String {
            inputShape.count == 1 ? "\(inputShape[0])" : "[" + inputShape.map(String.init).joined(separator: ", ") + "]"
        }
    }

    func dataConfig(_ tree: Tree) -> DecodedData? {
        let datasetName = tree["dataset"]?.name
        if let function = datasetName.flatMap(TestFunction.init(rawValue:)) { return functionData(tree, function) }
        // An unknown dataset flags none of the datasets' keys.
        let specific = Self.datasetKeys[datasetName ?? ""]
            ?? Array(Set(Self.datasetKeys.values.joined() + Self.functionKeys))
        guard let fields = fields(tree, allowed: Self.dataKeys + specific) else { return nil }
        let start = errorCount
        let datasetTree = fields.required("dataset")
        let names = ManifestSchema.datasets.names.map { ($0.name, $0.name) }
        let kind = datasetTree.flatMap { choice($0, "dataset", names) }
        let validation = fields.optional("validation").map { number($0, .halfOpenUnit) } ?? DataConfig.defaultValidation
        let test = fields.optional("test").map { number($0, .halfOpenUnit) } ?? DataConfig.defaultTest
        let normalize = fields.optional("normalize").map { choice($0, "normalization", Self.options(Normalization.self)) }
        let labelNoise = fields.optional("label_noise").map { number($0, .halfOpenUnit) } ?? 0
        let inputNoise = fields.optional("input_noise").map { number($0, .nonNegative) } ?? 0
        let seedTree = fields.optional("seed")
        let kindType = kind.flatMap(DatasetRegistry.kind(named:))
        let seed = seedTree.map { self.seed($0) } ?? kindType?.defaultSeed ?? 0

        var files = DatasetFilesDecoder(decoder: self, fields: fields)
        let dataset = kindType.flatMap { files.readsOwnSettings($0) ? files.read($0) : read($0, fields) }
        guard errorCount == start, let dataset, var validation, let test, let seed, let datasetTree, let labelNoise, let inputNoise
        else { return nil }
        if let own = dataset.kind.validationFraction {
            if let validationTree = fields.optional("validation") {
                error(validationTree, "dataset \(dataset.name) sets its own validation fraction, \(own); remove validation")
                return nil
            }
            validation = own
        }
        if let limit = type(of: dataset.kind).seedLimit, let seedTree, seed > limit.largest {
            error(seedTree, "expected a seed up to \(limit.largest) for dataset \(dataset.name) (\(limit.reason)), found \(seed)")
            return nil
        }
        if dataset.hasOwnTestSet, let testTree = fields.optional("test") {
            error(testTree, "dataset \(dataset.name) has its own test set; remove test")
            return nil
        }
        let classesTree = fields.optional("classes")
        if let samplesTree = fields.optional("samples"), let classes = dataset.classes, let samples = dataset.samples, samples < classes {
            let note = variantNote(at: samplesTree, involving: [classesTree])
            error(samplesTree, "expected at least \(classes) samples, one per class, found \(samples)\(note)")
            return nil
        }
        if let samples = dataset.samples, let inputs = dataset.inputShape {
            // Only many samples can exceed it: the default samples fit with the most features.
            let tree = fields.optional("samples") ?? datasetTree
            guard checkBudget(samples: samples, inputs: inputs, targets: dataset.targets, at: tree) else { return nil }
        }
        var shape = (inputShape: dataset.inputShape, classes: dataset.classes, targets: dataset.targets)
        if let summary = inspect(dataset, pathTrees: files.pathTrees, datasetTree: datasetTree) {
            shape = (summary.featureShape, summary.classes, summary.targets)
        }
        guard let inputShape = shape.inputShape else { return nil }
        if let noiseTree = fields.optional("label_noise"), labelNoise > 0, shape.classes == nil {
            error(noiseTree, "expected no label_noise for the regression dataset \(dataset.name), which has no labels, found \(noiseTree.found)")
            return nil
        }
        return DecodedData(
            config: DataConfig(dataset: dataset, validation: validation, seed: seed, test: test, normalize: normalize ?? nil,
                               labelNoise: labelNoise > 0 ? labelNoise : nil, inputNoise: inputNoise > 0 ? inputNoise : nil),
            classes: shape.classes, outputs: shape.classes ?? shape.targets,
            classesSource: classesTree ?? fields.optional("targets") ?? fields.optional("label") ?? datasetTree,
            featuresSource: fields.optional("features") ?? datasetTree, datasetTree: datasetTree, inputShape: inputShape,
            targets: shape.targets)
    }

    /// A dataset read through its kind's table, then its rule across settings (`conflict()`,
    /// `modular_arithmetic`'s prime), reported at its key.
    private func read<Kind: DatasetKind>(_ kind: Kind.Type, _ fields: Fields) -> DatasetConfig? {
        guard let settings = HyperparameterReader(fields: fields, decoder: self).read(kind) else { return nil }
        if let conflict = settings.conflict() {
            error(fields.optional(conflict.key) ?? fields.tree, conflict.message)
            return nil
        }
        return DatasetConfig(settings)
    }

    /// Whether a generated dataset's examples fit the memory budget (``MemoryBudget``):
    /// samples·(inputs + targets)·4 bytes; reports them at `tree` when they do not.
    private func checkBudget(samples: Int, inputs: [Int], targets: Int, at tree: Tree) -> Bool {
        let values = inputs.reduce(1, *)
        let needed = MemoryBudget.bytes(examples: samples, values: [values, targets])
        if let needed, needed <= MemoryBudget.bytes { return true }
        let found = "\(samples) samples of \(values) input value\(values == 1 ? "" : "s") and \(targets) target value\(targets == 1 ? "" : "s")"
        error(tree, "expected a dataset that fits in memory, found \(found); they need \(MemoryBudget.exceeded(needed))")
        return false
    }

    /// For a file dataset, what its files say (read once per dataset); a file that cannot be
    /// used is reported at the value that names it.
    private func inspect(_ dataset: DatasetConfig, pathTrees: [String: Tree], datasetTree: Tree) -> DataFileSummary? {
        if let recordedData, dataset.readsFiles {
            guard let summary = recordedData(dataset) else {
                error(datasetTree, "the results folder has no record of this dataset's files (data.json); "
                      + "`expt run` of the manifest writes it")
                return nil
            }
            return summary
        }
        let result = inspectedData[dataset] ?? Result { () throws(DataFileError) in try dataset.inspect() }
        inspectedData[dataset] = result
        switch result {
        case .success(let summary):
            return summary
        case .failure(let problem):
            error(pathTrees[problem.path] ?? datasetTree, problem.description)
            return nil
        }
    }
}
