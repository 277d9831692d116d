import ExptEngine

/// `model`: a non-empty sequence of layers, input to output. Each item is a mapping whose
/// kind key (a name of `LayerRegistry`) holds the first setting of that kind's table, beside the
/// table's other keys; a kind that takes no value may also be written as a bare name. The
/// tables, their ranges and defaults are listed by `expt list layers` and `expt schema`.
///
/// ```yaml
/// model:
///   - KIND: VALUE         # the table's first setting
///     KEY: VALUE          # each in its table's range
///   - KIND                # a kind that takes no value, every setting at its default
/// ```
extension ManifestDecoder {
    /// The layer kinds and each kind's keys, its kind key first: those of the schema.
    static let layerKinds = ManifestSchema.layers.names.map(\.name)

    /// The keys each kind of layer accepts, its kind key included.
    static func layerKeys(_ kind: String) -> [String] {
        ManifestSchema.layers.entry(kind)?.keys ?? [kind]
    }

    struct DecodedModel {
        var layers: [LayerSpec]
        /// Each layer's kind value as written (`model[i].KIND`): where shape problems are shown.
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
            if let name = item.name, let kind = LayerRegistry.kind(named: name), kind.valueless {
                model.layers.append(LayerSpec(kind.init(manifestName: name)))
                model.kindTrees.append(item)
                continue
            }
            guard let (name, kindTree) = layerKind(item), let kind = LayerRegistry.kind(named: name) else { continue }
            guard let fields = fields(item, allowed: Self.layerKeys(name)) else { continue }
            let decoded = kind == ResidualSpec.self ? residual(kindTree, fields) : layer(kind, named: name, kindTree, fields)
            guard let layer = decoded else { continue }
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

    /// The layer `name` names, read through its kind's table over that name's defaults: the kind
    /// key's value is the first row (or nothing), the other rows are keys beside it. Reports each
    /// bad value, then a rule across settings at its key.
    private func layer<Kind: LayerKind>(_ kind: Kind.Type, named name: String, _ value: Tree, _ fields: Fields) -> LayerSpec? {
        let reader = HyperparameterReader(fields: fields, decoder: self)
        var settings = Kind(manifestName: name)
        var rows = Kind.settings[...]
        let valid = Kind.valueless ? noValue(value) : reader.read(rows.removeFirst(), from: value, into: &settings)
        guard let read = reader.read(Array(rows), over: settings), valid else { return nil }
        let resolved = read.resolved(givenKeys: Set(rows.map(\.key).filter { fields.optional($0) != nil }))
        if let conflict = resolved.conflict(), let tree = fields.optional(conflict.key) {
            error(tree, conflict.message)
            return nil
        }
        return LayerSpec(resolved)
    }

    /// The key of a kind that takes no value (`KIND:`) is left empty.
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
    /// fit at its kind value (`model[3].KIND: expects a vector input, …`).
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
