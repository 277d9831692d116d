import ExptData
import ExptEngine
import ExptOptim
import ExptYAML

/// The top level of a manifest, and variants.
///
/// ```yaml
/// name: adam-vs-sgd        # required
/// description: text        # optional, default ""
/// seeds: [0, 1, 2]         # optional, default [0]
/// data: {...}              # required
/// model: [...]             # required
/// loss: cross_entropy      # optional, default cross_entropy
/// train: {...}             # required
/// optimizer: {...}         # optional: the optimizer of variants that set none
/// optimizers: {...}        # optional: the manifest's own optimizers (ManifestDecoder+OwnOptimizers.swift)
/// schedule: {...}          # optional: the learning-rate schedule (ManifestDecoder+Schedule.swift)
/// clip: {...}              # optional: gradient clipping (ManifestDecoder+Clip.swift)
/// param_groups: [...]      # optional: layers with their own optimizer (ManifestDecoder+ParameterGroups.swift)
/// compare: {...}           # optional
/// sweep: {...}             # optional: every variant's sweep (ManifestDecoder+Sweep.swift)
/// extends: base.yaml       # optional: resolved before decoding (ManifestDecoder+Compose.swift)
/// variants: {...}          # required, at least one
/// expect: [...]            # optional: CI assertions (ManifestDecoder+Expect.swift)
/// analysis: {...}          # optional: sharpness, interpolation (ManifestDecoder+Analysis.swift)
/// report: {...}            # optional: files beyond the report (ManifestDecoder+Report.swift)
/// init: {from: w.npz}      # optional: the weights every run starts from (ManifestDecoder+Init.swift)
/// ```
///
/// A variant may set `data`, `model`, `loss`, `train`, `optimizer`, `schedule`, `clip` and
/// `param_groups`, laid over the top-level
/// settings by ``Tree/merge(_:_:)`` (and its optimizer and data variants). The top-level settings
/// are also checked on their own, so that a mistake in them is reported even where every
/// variant overrides it.
extension ManifestDecoder {
    static let topLevelKeys = ["name", "description", "seeds", "data", "model", "loss", "train", "optimizer", "compare", "variants",
                                "schedule", "clip", "param_groups", "expect", "sweep", "extends", "optimizers", "analysis", "report", "init"]
    static let variantKeys = ["data", "model", "loss", "train", "optimizer", "schedule", "clip", "param_groups", "sweep"]

    /// The settings of one run before decoding: each is a YAML value with its key paths.
    struct Settings {
        var data: Tree?
        var model: Tree?
        var loss: Tree?
        var train: Tree?
        var optimizer: Tree?
        var schedule: Tree?
        var clip: Tree?
        var parameterGroups: Tree?
    }

    /// A top-level section that is missing or of the wrong kind. It is reported once, at the top
    /// level; variants then leave it alone instead of reporting its consequences again.
    enum Section: Hashable {
        case data, model, train, optimizer
    }

    /// Where a variant is declared, for problems of the variant as a whole.
    struct VariantSite {
        var name: String
        var mark: Mark
        var path: KeyPath
        var source: SourceID
    }

    func experiment(from root: Node, overrides: [String] = []) -> Experiment? {
        let start = errorCount
        if root.isNull {
            error(at: root.mark, path: .root, "the manifest is empty; expected a mapping with the keys name, data, model, train and variants")
            return nil
        }
        guard let tree = composedTree(root, overrides: overrides), let top = fields(tree, allowed: Self.topLevelKeys) else { return nil }

        let name = top.required("name").flatMap { identifier($0, "a name") }
        // A folded or literal block keeps a final line break; a description does not need it.
        let description = top.optional("description").flatMap { string($0) }.map(Self.trimmingTrailingWhitespace) ?? ""
        let seeds = top.optional("seeds").map { seedList($0) } ?? [0]
        let functionExperiment = Self.namesFunction(top.optional("data"))
        var compare = comparison(top.optional("compare"), function: functionExperiment)

        var base = Settings()
        var broken: Set<Section> = []
        if let data = top.required("data"), requireMapping(data) { base.data = data } else { broken.insert(.data) }
        if functionExperiment {
            base.model = top.optional("model")
        } else if let model = top.required("model"), requireSequence(model) { base.model = model } else { broken.insert(.model) }
        if let train = top.required("train"), requireMapping(train) { base.train = train } else { broken.insert(.train) }
        base.loss = top.optional("loss")
        readOwnOptimizers(top.optional("optimizers"))
        if let optimizer = top.optional("optimizer") {
            if let normalized = optimizerTree(optimizer) { base.optimizer = normalized } else { broken.insert(.optimizer) }
        }
        base.schedule = top.optional("schedule").flatMap { scheduleTree($0) }
        base.clip = top.optional("clip")
        base.parameterGroups = top.optional("param_groups")
        // A base file that could not be read may have been the one to set them.
        if aBaseFailed && base.model == nil { broken.insert(.model) }
        if aBaseFailed && base.optimizer == nil { broken.insert(.optimizer) }
        startingWeights = top.optional("init").flatMap { startingWeights($0) }
        // The shared settings on their own.
        _ = runConfig(base, broken: broken, variant: nil)

        var variants: [Variant] = []
        if let list = top.required("variants") {
            if let entries = list.entries, !entries.isEmpty {
                // Every variant's sweep is counted before any point is generated.
                let sweeps = entries.map { sweep(variantSweepTree($0, topLevel: top.optional("sweep"))) }
                if let key = top.tree.entries?.first(where: { $0.key == "variants" }),
                   checkRunCount(sweeps.compactMap { $0?.pointCount }, seeds: seeds?.count ?? 1, at: key) {
                    for (entry, sweep) in zip(entries, sweeps) {
                        if let sweep, let variant = variant(entry, base: base, broken: broken, sweep: sweep) { variants.append(variant) }
                    }
                }
            } else {
                error(list, "expected a mapping of variants, found \(list.entries == nil ? list.found : "an empty mapping")")
            }
        }

        var interpolationPairs: [VariantPair] = []
        if let analysisTree = top.optional("analysis"), let analysis = analysisConfig(analysisTree) {
            checkSharpnessModels(analysis, tree: analysisTree, variants: variants)
            interpolationPairs = self.interpolationPairs(analysisTree, variants: variants)
            let paired = Set(interpolationPairs.flatMap { [$0.first, $0.second] })
            variants = variants.map { paired.contains($0.name) ? $0.savingFinalWeights().analysing(analysis) : $0.analysing(analysis) }
        }
        compare = compare.flatMap { comparison($0, tree: top.optional("compare"), variants: variants) }
        if let compare {
            checkValidationMetrics(compare, compareTree: top.optional("compare"), variantsTree: top.optional("variants"),
                                   dataTree: top.optional("data"), variants: variants)
            checkTrainingEvaluation(compare, compareTree: top.optional("compare"), variants: variants)
        }
        let variantNames = top.optional("variants")?.entries?.map(\.key) ?? []
        let expectations = top.optional("expect").map { self.expectations($0, variantNames: variantNames, variants: variants) } ?? []
        if let expectations, let expectTree = top.optional("expect") {
            checkValidationMetrics(of: expectations, tree: expectTree, variants: variants)
            checkTrainingEvaluation(of: expectations, tree: expectTree, variants: variants)
        }
        let report = top.optional("report").map { reportSettings($0) } ?? ReportSettings()
        guard errorCount == start, let name, let seeds, let compare, let expectations, let report else { return nil }
        return Experiment(name: name, description: description, seeds: seeds, variants: variants,
                          compare: compare, sourcePath: path, sourceText: text, expectations: expectations, report: report,
                          interpolationPairs: interpolationPairs)
    }

    /// The sweep of a variant: its own, which replaces the top-level one (`sweep: {}` sweeps
    /// nothing), or the top-level one.
    private func variantSweepTree(_ entry: Tree.Entry, topLevel: Tree?) -> Tree? {
        guard entry.value.entries != nil, let own = entry.value["sweep"] else { return topLevel }
        return own.isNull ? topLevel : own
    }

    /// Checks that the variants' points times the seeds are at most ``Experiment/maximumRuns``,
    /// reporting the count at the `variants` key when not.
    private func checkRunCount(_ pointCounts: [Int], seeds: Int, at variants: Tree.Entry) -> Bool {
        var total = 0, overflow = false
        for points in pointCounts {
            let (runs, multiplied) = points.multipliedReportingOverflow(by: seeds)
            let (sum, added) = total.addingReportingOverflow(runs)
            overflow = overflow || multiplied || added
            total = sum
        }
        guard overflow || total > Experiment.maximumRuns else { return true }
        let found = overflow ? "more than \(Int.max)" : "\(total)"
        error(at: variants.keyMark, source: variants.keySource, path: variants.path, "expected at most \(Experiment.maximumRuns) runs (sweep points x seeds, over every variant), found \(found)")
        return false
    }

    private func variant(_ entry: Tree.Entry, base: Settings, broken: Set<Section>, sweep: Sweep) -> Variant? {
        let start = errorCount
        let nameTree = Tree(kind: .scalar(Scalar(entry.key)), mark: entry.keyMark, path: entry.path, source: entry.keySource)
        let name = identifier(nameTree, "a variant name")
        guard let overrides = fields(entry.value, allowed: Self.variantKeys, nullIsEmpty: true) else { return nil }
        var settings = base
        settings.data = Tree.mergeData(base.data, overrides.optional("data"))
        settings.model = overrides.optional("model") ?? base.model
        settings.loss = overrides.optional("loss") ?? base.loss
        settings.train = Tree.merge(base.train, overrides.optional("train"))
        if let optimizer = overrides.optional("optimizer") {
            guard let normalized = optimizerTree(optimizer) else { return nil }
            settings.optimizer = Tree.mergeOptimizer(base.optimizer, normalized)
        }
        if let schedule = overrides.optional("schedule") {
            guard let normalized = scheduleTree(schedule) else { return nil }
            settings.schedule = Tree.mergeOptimizer(base.schedule, normalized)
        }
        settings.clip = Tree.merge(base.clip, overrides.optional("clip"))
        settings.parameterGroups = overrides.optional("param_groups") ?? base.parameterGroups
        let site = VariantSite(name: entry.key, mark: entry.keyMark, path: entry.path, source: entry.keySource)
        let points = sweep.points()
        var sweepPoints: [SweepPoint] = []
        for point in points {
            guard let swept = applying(point, to: settings),
                  let config = runConfig(swept, broken: broken, variant: site) else { continue }
            sweepPoints.append(SweepPoint(settings: point.map { SweepSetting(keyPath: $0.key, value: $0.text) }, config: config,
                                          optimizerName: ownOptimizerName(of: swept.optimizer)))
        }
        guard errorCount == start, let name, let first = sweepPoints.first else { return nil }
        return Variant(name: name, config: first.config, sweepPoints: points.count == 1 && points[0].isEmpty ? [] : sweepPoints,
                       optimizerName: first.optimizerName)
    }

    /// `settings` with a sweep point's values set at their key paths.
    private func applying(_ point: [SweptValue], to settings: Settings) -> Settings? {
        var result = settings
        for swept in point {
            guard case .key(let key)? = swept.keyPath.components.first, let field = Self.settingsField(key) else { return nil }
            let rest = swept.keyPath.components.dropFirst()
            guard let value = setting(swept.value, at: rest, in: result[keyPath: field], path: result[keyPath: field]?.path ?? KeyPath.root.appending(key))
            else { return nil }
            result[keyPath: field] = value
        }
        if point.contains(where: { $0.keyPath.components.first == .key("optimizer") }) {
            guard let optimizer = result.optimizer.flatMap({ optimizerTree($0) }) else { return nil }
            result.optimizer = optimizer
        }
        if point.contains(where: { $0.keyPath.components.first == .key("schedule") }) {
            guard let schedule = result.schedule.flatMap({ scheduleTree($0) }) else { return nil }
            result.schedule = schedule
        }
        return result
    }

    /// The field of ``Settings`` that a variant key sets.
    private static func settingsField(_ key: String) -> WritableKeyPath<Settings, Tree?>? {
        switch key {
        case "data": \.data
        case "model": \.model
        case "loss": \.loss
        case "train": \.train
        case "optimizer": \.optimizer
        case "schedule": \.schedule
        case "clip": \.clip
        case "param_groups": \.parameterGroups
        default: nil
        }
    }

    /// Decodes the settings of one run; `variant` is nil for the top-level settings on their own.
    private func runConfig(_ settings: Settings, broken: Set<Section>, variant: VariantSite?) -> RunConfig? {
        if Self.namesFunction(settings.data) { return functionRunConfig(settings, broken: broken, variant: variant) }
        let start = errorCount
        let data = broken.contains(.data) ? nil : settings.data.flatMap { dataConfig($0) }
        let model = broken.contains(.model) ? nil : settings.model.flatMap { self.model($0) }
        let loss = settings.loss.map { choice($0, "loss", Self.options(LossKind.self)) } ?? .crossEntropy
        let train = broken.contains(.train) ? nil : settings.train.flatMap { trainConfig($0) }
        if settings.model == nil, let variant, !broken.contains(.model) {
            // Only when the top level is a function, which has no model, and this variant is not.
            error(at: variant.mark, source: variant.source, path: variant.path, "no model: set one here or at the top level")
        }
        var optimizer: OptimizerConfig?
        if let tree = settings.optimizer {
            optimizer = optimizerConfig(tree)
        } else if let variant, !broken.contains(.optimizer) {
            error(at: variant.mark, source: variant.source, path: variant.path, "no optimizer: set one here or at the top level")
        }
        if let data, let loss {
            checkLoss(loss, lossTree: settings.loss, data: data)
            checkPositionClasses(loss, lossTree: settings.loss, data: data)
        }
        if let data, let model {
            checkVocabulary(model: model, data: data)
        }
        if let data, let train {
            checkEarlyStopMetric(train, trainTree: settings.train, data: data.config)
        }
        if let data, let model, let modelTree = settings.model, let shapes = shapes(of: model, data: data) {
            checkOutputs(model: model, shapes: shapes, data: data)
            if checkSize(shapes: shapes, modelTree: modelTree, data: data), let train {
                checkMemory(model: model, shapes: shapes, modelTree: modelTree, data: data, train: train)
            }
            if let startingWeights, let loss, errorCount == start {
                checkStartingWeights(startingWeights, model: model.layers, loss: loss, input: shapes[0].input)
            }
        }
        let schedule = settings.schedule.flatMap { scheduleConfig($0) }
        let clipping = settings.clip.flatMap { self.clipping($0) }
        let groups = model.flatMap { model in
            settings.parameterGroups.flatMap { parameterGroups($0, layerCount: model.layers.count, optimizer: settings.optimizer) }
        }
        if let optimizer, let groupsTree = settings.parameterGroups, groups?.isEmpty == false {
            _ = checkGroupsAllowed(optimizer: optimizer, groups: groupsTree)
        }
        guard errorCount == start, let data, let model, let loss, let train, let optimizer else { return nil }
        let config = RunConfig(data: data.config, model: model.layers, loss: loss, train: train, optimizer: optimizer,
                               schedule: schedule, clipping: clipping, parameterGroups: groups ?? [], initialWeights: startingWeights?.weights)
        checkTrainingEvaluation(schedule: schedule, tree: settings.schedule, config: config)
        return errorCount == start ? config : nil
    }

    /// For classification, with cross-entropy or with squared error on one-hot targets, the
    /// model's output is one value per class; for regression, one per target: a last layer with
    /// units (``LayerKind/outputUnits``) has that many.
    private func checkOutputs(model: DecodedModel, shapes: [LayerShape], data: DecodedData) {
        guard let last = model.layers.last, let tree = model.kindTrees.last, let output = shapes.last?.output,
              output != data.outputShape else { return }
        let note = variantNote(at: tree, involving: [data.classesSource])
        let what = data.classes == nil ? "targets" : "classes"
        let match = "to match the \(data.outputs) \(what) of dataset \(data.config.dataset.name)"
        let expected = "[" + data.outputShape.map(String.init).joined(separator: ", ") + "]"
        if let units = last.settings.outputUnits, output.count == data.outputShape.count {
            error(tree, "expected \(data.outputs) units \(match), found \(units)\(note)")
        } else {
            let shape = "[" + output.map(String.init).joined(separator: ", ") + "]"
            error(tree, "expected an output of shape \(expected) \(match)\(data.outputShape.count == 2 ? " at each position" : ""), found \(shape)\(note)")
        }
    }

    /// A bound on the number of parameters (weights and biases), so that a manifest that passes
    /// validation cannot ask for more memory than a CPU run can have.
    static let maximumParameters = 50_000_000

    /// Whether the model is within the bound; reports it at `modelTree` when it is not.
    private func checkSize(shapes: [LayerShape], modelTree: Tree, data: DecodedData) -> Bool {
        let total = ModelShape.parameterCount(shapes)
        guard total > Self.maximumParameters else { return true }
        let inputs = data.inputDescription
        let count = total == Int.max ? "more than \(Int.max)" : "\(total)"
        let note = variantNote(at: modelTree, involving: [data.featuresSource])
        error(modelTree, "expected a model of at most \(Self.maximumParameters) parameters, found \(count) with the \(inputs) inputs of dataset \(data.config.dataset.name)\(note)")
        return false
    }

    /// The model's buffers for its largest batch (``LayerKind/memory(_:)``, the parameters and
    /// their gradients) must fit the memory budget, so that a manifest that passes validation
    /// cannot exhaust memory when it runs. A full batch is the dataset's examples, when the
    /// settings tell them (a file dataset's count is known once it is read: the run checks it then).
    private func checkMemory(model: DecodedModel, shapes: [LayerShape], modelTree: Tree, data: DecodedData, train: TrainConfig) {
        let batch: Int
        switch train.batchSize {
        case .size(let size): batch = size
        case .full:
            guard let count = data.config.dataset.sampleCount else { return }
            batch = count
        }
        let bytes = ModelMemory.bytes(layers: model.layers, shapes: shapes, batch: batch, threads: train.threads)
        guard let needs = MemoryBudget.modelExcess(bytes: bytes, batch: batch) else { return }
        let note = variantNote(at: modelTree, involving: [data.featuresSource])
        error(modelTree, "expected a model whose buffers fit in memory, found one that needs \(needs)\(note)")
    }

    /// ` (in variant "x")` when a problem reported at a top-level value comes from a value that a
    /// variant sets, so that the message says which variant the problem is in.
    func variantNote(at tree: Tree, involving others: [Tree?]) -> String {
        guard tree.path.variant == nil, let name = others.lazy.compactMap({ $0?.path.variant }).first else { return "" }
        return " (in variant \(Tree.quote(name)))"
    }

    static func trimmingTrailingWhitespace(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    private func requireMapping(_ tree: Tree) -> Bool {
        guard tree.entries != nil else {
            error(tree, "expected a mapping, found \(tree.found)")
            return false
        }
        return true
    }

    private func requireSequence(_ tree: Tree) -> Bool {
        guard tree.items != nil else {
            error(tree, "expected a sequence of layers, found \(tree.found)")
            return false
        }
        return true
    }

    /// `seeds: 3` or `seeds: [0, 1, 2]`: distinct non-negative integers.
    private func seedList(_ tree: Tree) -> [UInt64]? {
        switch tree.kind {
        case .scalar:
            return seed(tree).map { [$0] }
        case .mapping:
            error(tree, "expected a non-negative integer or a sequence of them, found a mapping")
            return nil
        case .sequence(let items):
            guard !items.isEmpty else {
                error(tree, "expected at least one seed, found an empty sequence")
                return nil
            }
            var seeds: [UInt64] = []
            var firstIndex: [UInt64: Int] = [:]
            var failed = false
            for (index, item) in items.enumerated() {
                guard let value = seed(item) else {
                    failed = true
                    continue
                }
                if let first = firstIndex[value] {
                    error(item, "duplicate seed \(value); it is already seeds[\(first)]")
                    failed = true
                    continue
                }
                firstIndex[value] = index
                seeds.append(value)
            }
            return failed ? nil : seeds
        }
    }

    /// `compare: {metric: val_accuracy, goal: max, target: 0.9, selection: final}`; all optional.
    /// The default metric of a function experiment is `train_loss` (the function's value), which
    /// has no accuracy.
    private func comparison(_ tree: Tree?, function: Bool) -> Comparison? {
        let defaultMetric: Metric = function ? .trainLoss : .validationAccuracy
        guard let tree else { return Comparison(metric: defaultMetric) }
        guard let fields = fields(tree, allowed: ["metric", "goal", "target", "selection"]) else { return nil }
        let start = errorCount
        let metric = fields.optional("metric").map { functionMetric($0, function: function) } ?? defaultMetric
        let goal = fields.optional("goal").map { choice($0, "goal", Self.options(Goal.self)) }
        let target = fields.optional("target").flatMap { finiteNumber($0) }
        let selection = fields.optional("selection").map { choice($0, "selection", Self.options(Selection.self)) } ?? .final
        guard errorCount == start, let metric, let selection else { return nil }
        return Comparison(metric: metric, goal: goal ?? nil, target: target, selection: selection)
    }
}
