import ExptOptim

/// `optimizer`: names, keys and defaults as in torch.optim (Lion as in its paper's code).
///
/// ```yaml
/// optimizer: {name: sgd, lr: 0.1, momentum: 0.9, dampening: 0, nesterov: false, weight_decay: 0}
/// optimizer: {name: adam, lr: 0.001, betas: [0.9, 0.999], eps: 1.0e-8, weight_decay: 0, amsgrad: false}
/// optimizer: {name: adamw, lr: 0.001, betas: [0.9, 0.999], eps: 1.0e-8, weight_decay: 0.01, amsgrad: false}
/// optimizer: {name: adagrad, lr: 0.01, lr_decay: 0, weight_decay: 0, initial_accumulator_value: 0, eps: 1.0e-10}
/// optimizer: {name: rmsprop, lr: 0.01, alpha: 0.99, eps: 1.0e-8, weight_decay: 0, momentum: 0, centered: false}
/// optimizer: {name: adadelta, lr: 1.0, rho: 0.9, eps: 1.0e-6, weight_decay: 0}
/// optimizer: {name: nadam, lr: 0.002, betas: [0.9, 0.999], eps: 1.0e-8, weight_decay: 0, momentum_decay: 0.004, decoupled_weight_decay: false}
/// optimizer: {name: radam, lr: 0.001, betas: [0.9, 0.999], eps: 1.0e-8, weight_decay: 0, decoupled_weight_decay: false}
/// optimizer: {name: adamax, lr: 0.002, betas: [0.9, 0.999], eps: 1.0e-8, weight_decay: 0}
/// optimizer: {name: lion, lr: 0.0001, betas: [0.9, 0.99], weight_decay: 0}
/// optimizer: adam      # a bare name: every hyperparameter at its default
/// ```
/// lr > 0; eps > 0; momentum, weight_decay, lr_decay, initial_accumulator_value and
/// momentum_decay ≥ 0; dampening, alpha and rho in [0, 1]; each beta in [0, 1);
/// nesterov needs momentum > 0 and dampening = 0 (torch's rule).
extension ManifestDecoder {
    /// Each optimizer's keys, `name` included, by optimizer name: those of its schema.
    static let optimizerKeys: [(name: String, keys: [String])] = ManifestSchema.optimizers.names.map {
        ($0.name, ["name"] + $0.keys)
    }

    /// An optimizer value as a mapping (a bare name is expanded), or nil after reporting a
    /// value that is neither.
    func optimizerTree(_ tree: Tree) -> Tree? {
        if tree.items != nil {
            error(tree, "expected an optimizer name or a mapping, found a sequence")
            return nil
        }
        return tree.expandingOptimizerName()
    }

    func optimizerConfig(_ tree: Tree) -> OptimizerConfig? {
        let name = tree["name"]?.name
        let allowed = Self.optimizerKeys.first { $0.name == name }?.keys
            ?? Array(Set(Self.optimizerKeys.flatMap(\.keys)))
        guard let fields = fields(tree, allowed: allowed) else { return nil }
        let start = errorCount
        let names = Self.optimizerKeys.map { ($0.name, $0.name) }
        let kind = fields.required("name").flatMap { choice($0, "optimizer", article: "an", names) }
        guard let kind, let schema = ManifestSchema.optimizers.entry(kind) else { return nil }
        let reader = HyperparameterReader(fields: fields, decoder: self, schema: schema)
        let config: OptimizerConfig? = switch kind {
        case "sgd": sgd(reader)
        case "adam": reader.adam(AdamHyperparameters()).map { .adam($0) }
        case "adamw": reader.adamW()
        case "adagrad": reader.adagrad()
        case "rmsprop": reader.rmsprop()
        case "adadelta": reader.adadelta()
        case "nadam": reader.nadam()
        case "radam": reader.radam()
        case "adamax": reader.adamax()
        case "lion": reader.lion()
        default: nil
        }
        guard errorCount == start else { return nil }
        return config
    }

    /// SGD, with torch's check that Nesterov momentum has momentum and no dampening.
    private func sgd(_ reader: HyperparameterReader) -> OptimizerConfig? {
        let d = SGDHyperparameters()
        let lr = reader.number("lr", default: d.lr)
        let momentum = reader.number("momentum", default: d.momentum)
        let dampening = reader.number("dampening", default: d.dampening)
        let nesterov = reader.flag("nesterov", default: d.nesterov)
        let weightDecay = reader.number("weight_decay", default: d.weightDecay)
        guard let lr, let momentum, let dampening, let nesterov, let weightDecay else { return nil }
        let fields = reader.fields
        if nesterov && (momentum <= 0 || dampening != 0), let nesterovTree = fields.optional("nesterov") {
            let note = variantNote(at: nesterovTree, involving: [fields.optional("momentum"), fields.optional("dampening")])
            error(nesterovTree, "nesterov needs momentum > 0 and dampening = 0\(note)")
            return nil
        }
        return .sgd(SGDHyperparameters(lr: lr, momentum: momentum, dampening: dampening, nesterov: nesterov, weightDecay: weightDecay))
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
