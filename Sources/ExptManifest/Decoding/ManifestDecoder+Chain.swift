import ExptConfig
import ExptOptim
import ExptYAML

/// `optimizer: {chain: [...], lr: VALUE}`: an optimizer written as a chain of gradient
/// transformations (``ChainSettings``), each a name of `TransformationRegistry` read through its
/// settings table, in the order they apply, the last one `scale_by_learning_rate`.
///
/// ```yaml
/// optimizer:
///   chain:
///     - clip_by_global_norm: 1.0                        # NAME: VALUE, the table's first setting
///     - scale_by_adam: {betas: [0.9, 0.999], eps: 1.0e-8} # NAME: {KEY: VALUE, …}
///     - add_decayed_weights: 0.01
///     - scale_by_learning_rate                          # NAME: every setting at its default
///   lr: 0.001
/// ```
/// `chain` takes the place of `name`; both together are an error.
extension ManifestDecoder {
    /// The keys of an optimizer written as a chain: `chain` and those of ``ChainSettings``' table.
    static let chainKeys = ["chain"] + ChainSettings.settings.map(\.key)

    /// Whether an optimizer mapping is written as a chain (it has a `chain` key), or names
    /// `chain` as if it were an optimizer.
    static func writesChain(_ tree: Tree) -> Bool {
        tree["chain"] != nil || tree["name"]?.name == ChainSettings.name
    }

    /// The chain optimizer of `tree`, or nil after reporting every problem: a `name` beside
    /// `chain`, an unknown key, a bad `lr`, a bad transformation, a chain out of form.
    func chainOptimizerConfig(_ tree: Tree) -> OptimizerConfig? {
        let start = errorCount
        let name = tree.entries?.first { $0.key == "name" }
        if let name, tree["chain"] == nil {
            error(name.value, "\"chain\" is not an optimizer name; write the chain as "
                  + "optimizer: {chain: [TRANSFORMATION, …, scale_by_learning_rate], lr: VALUE}")
            return nil
        }
        if let name {
            error(at: name.keyMark, source: name.keySource, path: name.path,
                  "expected either \"name\" or \"chain\", found both; a chain is an optimizer of its own: remove \"name\"")
        }
        guard let fields = fields(tree, allowed: Self.chainKeys + (name == nil ? [] : ["name"])) else { return nil }
        let read = HyperparameterReader(fields: fields, decoder: self).read(ChainSettings.settings, over: ChainSettings())
        let chain = fields.required("chain").flatMap { transformations($0) }
        guard errorCount == start, var settings = read, let chain else { return nil }
        settings.transformations = chain.map(\.config)
        if let conflict = settings.conflict() {
            // The misplaced step, or the last entry when there is none.
            let last = chain.count - 1
            let step = chain.indices.first { chain[$0].config.settings.action == .learningRate && $0 != last }
            let entry = chain[step ?? last].tree
            error(entry, "\(conflict.message)\(variantNote(at: entry, involving: [fields.optional("chain")]))")
            return nil
        }
        return OptimizerConfig(settings)
    }

    /// The chain's entries, each with the tree it was read from; nil after reporting a value that
    /// is not a non-empty sequence, or any bad entry.
    private func transformations(_ tree: Tree) -> [(config: TransformationConfig, tree: Tree)]? {
        guard let items = tree.items else {
            error(tree, "expected a sequence of transformations, found \(tree.found)")
            return nil
        }
        guard !items.isEmpty else {
            error(tree, "expected at least one transformation, ending in scale_by_learning_rate, found an empty sequence")
            return nil
        }
        let start = errorCount
        let chain = items.compactMap { item in transformation(item).map { (config: $0, tree: item) } }
        return errorCount == start ? chain : nil
    }

    /// One entry: `NAME`, `NAME: VALUE` or `NAME: {KEY: VALUE, …}`.
    private func transformation(_ item: Tree) -> TransformationConfig? {
        if item.scalar != nil {
            guard let kind = transformationKind(named: item.name, at: item) else { return nil }
            return TransformationConfig(kind.init())
        }
        guard let entries = item.entries, entries.count == 1, let entry = entries.first else {
            let found = item.entries.map { "a mapping of \($0.count) keys" } ?? item.found
            error(item, "expected one transformation: NAME, NAME: VALUE or NAME: {KEY: VALUE, …}, found \(found)")
            return nil
        }
        let nameTree = Tree(kind: .scalar(Scalar(entry.key)), mark: entry.keyMark, path: entry.path, source: entry.keySource)
        guard let kind = transformationKind(named: entry.key, at: nameTree) else { return nil }
        return transformation(kind, entry.value)
    }

    /// The transformation `name` names, or nil after reporting an unknown one with the nearest
    /// name or the list of them.
    private func transformationKind(named name: String?, at tree: Tree) -> (any Transformation.Type)? {
        guard let name else {
            error(tree, "expected a transformation name, found \(tree.found)")
            return nil
        }
        if let kind = TransformationRegistry.kind(named: name) { return kind }
        let names = TransformationRegistry.kinds.map { $0.name }
        if let match = Suggestion.closest(to: name, in: names) {
            error(tree, "unknown transformation \(Tree.quote(name)); did you mean \(Tree.quote(match))?")
        } else {
            error(tree, "unknown transformation \(Tree.quote(name)); expected one of: \(names.sorted().joined(separator: ", "))")
        }
        return nil
    }

    /// `Kind` from its entry's value: nothing (every default), a mapping of its table's keys, or
    /// the value of its table's first setting. Reports each bad value, then a rule across settings.
    private func transformation<Kind: Transformation>(_ kind: Kind.Type, _ value: Tree) -> TransformationConfig? {
        guard !value.isNull else { return TransformationConfig(Kind()) }
        let settings: Kind?
        var conflictTree = value
        if let entries = value.entries, Kind.settings.isEmpty {
            for entry in entries {
                error(at: entry.keyMark, source: entry.keySource, path: entry.path, "unknown key \(Tree.quote(entry.key)); \(Kind.name) takes no settings")
            }
            return entries.isEmpty ? TransformationConfig(Kind()) : nil
        } else if value.entries != nil {
            guard let fields = fields(value, allowed: Kind.settings.map(\.key)) else { return nil }
            settings = HyperparameterReader(fields: fields, decoder: self).read(Kind.settings, over: Kind())
            if let conflict = settings?.conflict(), let tree = fields.optional(conflict.key) { conflictTree = tree }
        } else if let first = Kind.settings.first {
            var read = Kind()
            let reader = HyperparameterReader(fields: Fields(tree: value, decoder: self), decoder: self)
            settings = reader.read(first, from: value, into: &read) ? read : nil
        } else {
            error(value, "\(Kind.name) takes no settings; expected nothing, found \(value.found)")
            return nil
        }
        guard let settings else { return nil }
        if let conflict = settings.conflict() {
            error(conflictTree, conflict.message)
            return nil
        }
        return TransformationConfig(settings)
    }
}
