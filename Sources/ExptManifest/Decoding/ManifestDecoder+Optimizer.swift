import ExptConfig
import ExptOptim

/// `optimizer`: a name from `OptimizerRegistry` and that optimizer's keys, as its settings
/// table lists them (names, keys and defaults as in torch.optim).
///
/// ```yaml
/// optimizer: {name: NAME, KEY: VALUE, …}   # each key in its table's range; betas: [b1, b2], each in [0, 1)
/// optimizer: NAME                          # a bare name: every hyperparameter at its default
/// ```
/// A kind may add a rule across its settings (`OptimizerKind.conflict`), reported at its key.
/// A wrapper's `base` is read by `ManifestDecoder+Wrapper.swift`.
extension ManifestDecoder {
    /// Each optimizer's keys, `name` included, by optimizer name: those of its schema.
    static let optimizerKeys: [(name: String, keys: [String])] = ManifestSchema.optimizers.names.map {
        ($0.name, ["name"] + $0.keys)
    }

    /// An optimizer value as a mapping (a bare name is expanded), or nil after reporting a
    /// value that is neither.
    func optimizerTree(_ tree: Tree) -> Tree? {
        namedMapping(tree, of: "an optimizer")
    }

    /// A value naming one of a family's kinds (`an optimizer`, `a schedule`) as a mapping: a
    /// bare name is expanded to `{name: …}`; a sequence is reported, giving nil.
    func namedMapping(_ tree: Tree, of family: String) -> Tree? {
        if tree.items != nil {
            error(tree, "expected \(family) name or a mapping, found a sequence")
            return nil
        }
        return tree.expandingName()
    }

    /// The optimizer `written` declares, a name of the manifest's own followed to its built-in
    /// (`ManifestDecoder+OwnOptimizers.swift`) or to a chain (`ManifestDecoder+Chain.swift`); a key
    /// that built-in does not take, written over an own name, is reported with both names.
    func optimizerConfig(_ written: Tree) -> OptimizerConfig? {
        guard let resolved = resolvingOwnOptimizer(written) else { return nil }
        let tree = resolved.tree
        if Self.writesChain(tree) { return chainOptimizerConfig(tree) }
        let name = tree["name"]?.name
        let known = Self.optimizerKeys.first { $0.name == name }
        let allowed = known?.keys ?? Array(Set(Self.optimizerKeys.flatMap(\.keys) + Self.chainKeys))
        let owner = resolved.ownName.flatMap { own in known.map { "optimizer \(Tree.quote(own)) (\($0.name))" } }
        guard let fields = fields(tree, allowed: allowed, owner: owner) else { return nil }
        let start = errorCount
        let kind = fields.required("name").flatMap { builtInOptimizerName($0) }
        guard let kind, let kindType = OptimizerRegistry.kind(named: kind) else { return nil }
        let settings: (any OptimizerKind)? = if let wrapper = kindType as? any OptimizerWrapper.Type {
            wrapperSettings(wrapper, fields)
        } else {
            HyperparameterReader(fields: fields, decoder: self).read(kindType)
        }
        guard errorCount == start, let settings else { return nil }
        if let conflict = settings.conflict(), let tree = fields.optional(conflict.key) {
            let note = variantNote(at: tree, involving: conflict.involving.map { fields.optional($0) })
            error(tree, "\(conflict.message)\(note)")
            return nil
        }
        return OptimizerConfig(settings)
    }

    /// `betas: [0.9, 0.999]`: two numbers in [0, 1).
    func betas(_ tree: Tree) -> (Double, Double)? {
        guard let items = tree.items else {
            error(tree, "expected a sequence of two numbers, found \(tree.found)")
            return nil
        }
        guard items.count == 2 else {
            error(tree, "expected a sequence of two numbers, found a sequence of \(items.count)")
            return nil
        }
        let beta1 = number(items[0], .halfOpenUnit)
        let beta2 = number(items[1], .halfOpenUnit)
        guard let beta1, let beta2 else { return nil }
        return (beta1, beta2)
    }
}
