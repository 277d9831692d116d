import ExptEngine

/// `model`: a non-empty sequence of layers, input to output. Each item is a mapping whose
/// kind key (one of `layerKinds`) holds the layer's main value; `flatten` and `batchnorm`
/// may also be written as a bare name (`- flatten`).
///
/// ```yaml
/// model:
///   - conv2d: 16          # filters, 1…100000; kernel (required), stride (1), padding (0), activation, slope, init
///     kernel: 5
///     padding: 2
///     activation: relu    # identity | relu | leaky_relu | gelu | tanh | sigmoid; default identity
///   - maxpool2d: 2        # window, 1…10000; stride (default the window); avgpool2d alike
///   - batchnorm:          # no value; momentum (0.1, in [0, 1]), eps (1e-5, > 0), activation, slope
///   - dropout: 0.5        # rate in [0, 1)
///   - flatten
///   - gru: 64             # units; rnn and lstm alike; return (last | sequence), init (xavier), recurrent_init (orthogonal)
///   - dense: 10           # units, 1…100000; activation, slope (of leaky_relu, default 0.01, ≥ 0), init
/// ```
/// Initialisers: he | xavier (alias glorot) | orthogonal | zeros; the default is he after relu
/// and leaky_relu, xavier otherwise.
extension ManifestDecoder {
    /// The layer kinds and each kind's keys, its kind key first: those of the schema.
    static let layerKinds = ManifestSchema.layers.names.map(\.name)
    static let maximumUnits = 100_000
    static let maximumWindow = 10_000

    /// The keys each kind of layer accepts, its kind key included.
    static func layerKeys(_ kind: String) -> [String] {
        ManifestSchema.layers.entry(kind)?.keys ?? [kind]
    }

    struct DecodedModel {
        var layers: [LayerSpec]
        /// Each layer's kind value as written (`model[i].dense`): where shape problems are shown.
        var kindTrees: [Tree]
    }

    func model(_ tree: Tree) -> DecodedModel? {
        guard let items = tree.items else {
            error(tree, "expected a sequence of layers, found \(tree.found)")
            return nil
        }
        guard !items.isEmpty else {
            error(tree, "expected at least one layer, found an empty sequence")
            return nil
        }
        let start = errorCount
        var model = DecodedModel(layers: [], kindTrees: [])
        for item in items {
            if let name = item.name, ["flatten", "batchnorm"].contains(name) {
                model.layers.append(name == "flatten" ? .flatten : .batchNorm(BatchNormSpec()))
                model.kindTrees.append(item)
                continue
            }
            guard let (kind, kindTree) = layerKind(item) else { continue }
            guard let fields = fields(item, allowed: Self.layerKeys(kind)), let layer = layer(kind, kindTree, fields) else { continue }
            model.layers.append(layer)
            model.kindTrees.append(kindTree)
        }
        guard errorCount == start else { return nil }
        return model
    }

    /// The item's one kind key and its value; reports a missing kind, or a second one.
    private func layerKind(_ item: Tree) -> (String, Tree)? {
        guard let entries = item.entries else {
            error(item, "expected a mapping, found \(item.found)")
            return nil
        }
        let kinds = entries.filter { Self.layerKinds.contains($0.key) }
        guard let first = kinds.first else {
            let allKeys = Array(Set(Self.layerKinds.flatMap(Self.layerKeys)))
            for entry in entries where !allKeys.contains(entry.key) {
                error(at: entry.keyMark, source: entry.keySource, path: entry.path, Suggestion.unknownKey(entry.key, allowed: allKeys))
            }
            error(item, "missing layer kind; expected one of: \(Self.layerKinds.sorted().joined(separator: ", "))")
            return nil
        }
        for extra in kinds.dropFirst() {
            error(at: extra.keyMark, source: extra.keySource, path: extra.path, "expected one layer kind, found both \"\(first.key)\" and \"\(extra.key)\"")
        }
        return kinds.count == 1 ? (first.key, first.value) : nil
    }

    private func layer(_ kind: String, _ value: Tree, _ fields: Fields) -> LayerSpec? {
        let start = errorCount
        var layer: LayerSpec?
        switch kind {
        case "dense":
            let units = integer(value, 1...Self.maximumUnits)
            let (activation, slope) = activationSetting(fields)
            let initializer = fields.optional("init").flatMap { initializerChoice($0) }
            if let units, let activation, let slope {
                layer = .dense(DenseSpec(units: units, activation: activation, initializer: initializer, leakySlope: slope))
            }
        case "conv2d":
            let filters = integer(value, 1...Self.maximumUnits)
            let kernel = fields.required("kernel").flatMap { integer($0, 1...Self.maximumWindow) }
            let defaults = Conv2DSpec(filters: 1, kernel: 1)
            let stride = fields.optional("stride").map { integer($0, 1...Self.maximumWindow) } ?? defaults.stride
            let padding = fields.optional("padding").map { integer($0, 0...Self.maximumWindow) } ?? defaults.padding
            let (activation, slope) = activationSetting(fields)
            let initializer = fields.optional("init").flatMap { initializerChoice($0) }
            if let filters, let kernel, let stride, let padding, let activation, let slope {
                layer = .conv2d(Conv2DSpec(filters: filters, kernel: kernel, stride: stride, padding: padding,
                                           activation: activation, initializer: initializer, leakySlope: slope))
            }
        case "maxpool2d", "avgpool2d":
            let window = integer(value, 1...Self.maximumWindow)
            let stride = fields.optional("stride").map { integer($0, 1...Self.maximumWindow) }
            if let window, let stride = stride ?? window {
                let spec = PoolSpec(kernel: window, stride: stride)
                layer = kind == "maxpool2d" ? .maxPool2d(spec) : .avgPool2d(spec)
            }
        case "flatten":
            if noValue(value) { layer = .flatten }
        case "dropout":
            if let rate = number(value, .halfOpenUnit) { layer = .dropout(DropoutSpec(rate: rate)) }
        case "batchnorm":
            let valid = noValue(value)
            let defaults = BatchNormSpec()
            let momentum = fields.optional("momentum").map { number($0, .closedUnit) } ?? defaults.momentum
            let epsilon = fields.optional("eps").map { number($0, .positive) } ?? defaults.epsilon
            let (activation, slope) = activationSetting(fields)
            if valid, let momentum, let epsilon, let activation, let slope {
                layer = .batchNorm(BatchNormSpec(momentum: momentum, epsilon: epsilon, activation: activation, leakySlope: slope))
            }
        default:
            let cell = RecurrentSpec.Cell(rawValue: kind)!
            let units = integer(value, 1...Self.maximumUnits)
            let defaults = RecurrentSpec(cell: cell, units: 1)
            let output = fields.optional("return").map { choice($0, "return mode", Self.options(RecurrentSpec.Output.self)) } ?? defaults.output
            let initializer = fields.optional("init").map { initializerChoice($0) } ?? defaults.initializer
            let recurrent = fields.optional("recurrent_init").map { initializerChoice($0) } ?? defaults.recurrentInitializer
            if let units, let output, let initializer, let recurrent {
                layer = .recurrent(RecurrentSpec(cell: cell, units: units, output: output, initializer: initializer,
                                                 recurrentInitializer: recurrent))
            }
        }
        // A bad optional value (an `init`) is reported above and fails the layer through `errorCount`.
        return errorCount == start ? layer : nil
    }

    /// `activation` and `slope` (only with leaky_relu), defaulted as a dense layer's.
    private func activationSetting(_ fields: Fields) -> (Activation?, Float?) {
        let defaults = DenseSpec(units: 1)
        let activation = fields.optional("activation").map { choice($0, "activation", article: "an", Self.options(Activation.self)) }
            ?? defaults.activation
        guard let slopeTree = fields.optional("slope") else { return (activation, defaults.leakySlope) }
        let slope = number(slopeTree, .nonNegative).map(Float.init)
        if let activation, activation != .leakyRelu {
            error(slopeTree, "slope needs activation: leaky_relu")
            return (activation, nil)
        }
        return (activation, slope)
    }

    private func initializerChoice(_ tree: Tree) -> Initializer? {
        choice(tree, "initializer", article: "an", Self.options(Initializer.self) + [("glorot", .xavier)])
    }

    /// `flatten:` and `batchnorm:` take no value.
    private func noValue(_ tree: Tree) -> Bool {
        guard tree.isNull else {
            error(tree, "expected no value, found \(tree.found)")
            return false
        }
        return true
    }

    /// The shape of one example when the dataset's settings (or its files' headers) tell it;
    /// nil when only the data itself will tell, and the executor checks the shapes.
    func knownInputShape(_ data: DecodedData) -> [Int]? {
        data.inputShape
    }

    /// Infers every layer's shapes for the dataset's examples, reporting a layer that does not
    /// fit at its kind value (`model[3].dense: expects a vector input, …`).
    func shapes(of model: DecodedModel, data: DecodedData) -> [LayerShape]? {
        guard let input = knownInputShape(data) else { return nil }
        do {
            return try ModelShape.infer(inputShape: input, layers: model.layers)
        } catch let problem {
            let tree = model.kindTrees[problem.layerIndex]
            error(tree, "\(problem.message) (with the \(data.inputDescription) inputs of dataset \(data.config.dataset.name))"
                  + variantNote(at: tree, involving: [data.featuresSource]))
            return nil
        }
    }
}
