import ExptOptim

/// `optimizer`: names and defaults as in torch.optim.
///
/// ```yaml
/// optimizer: {name: sgd, lr: 0.1, momentum: 0.9, dampening: 0, nesterov: false, weight_decay: 0}
/// optimizer: {name: adam, lr: 0.001, betas: [0.9, 0.999], eps: 1.0e-8, weight_decay: 0, amsgrad: false}
/// optimizer: adam      # a bare name: every hyperparameter at its default
/// ```
/// lr > 0; momentum ≥ 0; dampening in [0, 1]; weight_decay ≥ 0; each beta in [0, 1); eps > 0;
/// nesterov needs momentum > 0 and dampening = 0 (torch's rule).
extension ManifestDecoder {
    static let sgdKeys = ["name", "lr", "momentum", "dampening", "nesterov", "weight_decay"]
    static let adamKeys = ["name", "lr", "betas", "eps", "weight_decay", "amsgrad"]

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
        let allowed = switch name {
        case "sgd": Self.sgdKeys
        case "adam": Self.adamKeys
        default: Array(Set(Self.sgdKeys + Self.adamKeys))
        }
        guard let fields = fields(tree, allowed: allowed) else { return nil }
        let start = errorCount
        func number(_ key: String, _ range: NumberRange, default value: Double) -> Double? {
            fields.optional(key).map { self.number($0, range) } ?? value
        }
        func flag(_ key: String) -> Bool? {
            fields.optional(key).map { self.bool($0) } ?? false
        }
        let kind = fields.required("name").flatMap { choice($0, "optimizer", article: "an", [("sgd", 0), ("adam", 1)]) }
        var config: OptimizerConfig?
        switch kind {
        case 0:
            let d = SGDHyperparameters()
            let lr = number("lr", .positive, default: d.lr)
            let momentum = number("momentum", .nonNegative, default: d.momentum)
            let dampening = number("dampening", .closedUnit, default: d.dampening)
            let nesterov = flag("nesterov")
            let weightDecay = number("weight_decay", .nonNegative, default: d.weightDecay)
            if let lr, let momentum, let dampening, let nesterov, let weightDecay {
                if nesterov && (momentum <= 0 || dampening != 0), let nesterovTree = fields.optional("nesterov") {
                    let note = variantNote(at: nesterovTree, involving: [fields.optional("momentum"), fields.optional("dampening")])
                    error(nesterovTree, "nesterov needs momentum > 0 and dampening = 0\(note)")
                } else {
                    config = .sgd(SGDHyperparameters(lr: lr, momentum: momentum, dampening: dampening, nesterov: nesterov, weightDecay: weightDecay))
                }
            }
        case 1:
            let d = AdamHyperparameters()
            let lr = number("lr", .positive, default: d.lr)
            let betas = fields.optional("betas").map { self.betas($0) } ?? (d.beta1, d.beta2)
            let eps = number("eps", .positive, default: d.eps)
            let weightDecay = number("weight_decay", .nonNegative, default: d.weightDecay)
            let amsgrad = flag("amsgrad")
            if let lr, let betas, let eps, let weightDecay, let amsgrad {
                config = .adam(AdamHyperparameters(lr: lr, beta1: betas.0, beta2: betas.1, eps: eps, weightDecay: weightDecay, amsgrad: amsgrad))
            }
        default:
            break
        }
        guard errorCount == start else { return nil }
        return config
    }

    /// `betas: [0.9, 0.999]`: two numbers in [0, 1).
    private func betas(_ tree: Tree) -> (Double, Double)? {
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
