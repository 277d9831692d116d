import ExptOptim

/// Reads an optimizer mapping's hyperparameters, each with its schema's range and its default; every
/// reader reports its own errors and returns nil for a value that does not fit.
struct HyperparameterReader {
    let fields: ManifestDecoder.Fields
    let decoder: ManifestDecoder
    /// The optimizer's schema, which gives each number's range.
    let schema: NameSchema

    func number(_ key: String, default value: Double) -> Double? {
        fields.optional(key).map { decoder.number($0, schema.numberRange(key)) } ?? value
    }

    func flag(_ key: String, default value: Bool) -> Bool? {
        fields.optional(key).map { decoder.bool($0) } ?? value
    }

    /// `betas`, as a pair.
    func betas(default value: (Double, Double)) -> (Double, Double)? {
        fields.optional("betas").map { decoder.betas($0) } ?? value
    }

    /// Adam's keys over `defaults` (AdamW shares them, with its own defaults).
    func adam(_ defaults: AdamHyperparameters) -> AdamHyperparameters? {
        let lr = number("lr", default: defaults.lr)
        let betas = betas(default: (defaults.beta1, defaults.beta2))
        let eps = number("eps", default: defaults.eps)
        let weightDecay = number("weight_decay", default: defaults.weightDecay)
        let amsgrad = flag("amsgrad", default: defaults.amsgrad)
        guard let lr, let betas, let eps, let weightDecay, let amsgrad else { return nil }
        return AdamHyperparameters(lr: lr, beta1: betas.0, beta2: betas.1, eps: eps, weightDecay: weightDecay, amsgrad: amsgrad)
    }

    func adamW() -> OptimizerConfig? {
        let d = AdamWHyperparameters()
        let defaults = AdamHyperparameters(lr: d.lr, beta1: d.beta1, beta2: d.beta2, eps: d.eps, weightDecay: d.weightDecay, amsgrad: d.amsgrad)
        guard let h = adam(defaults) else { return nil }
        return .adamw(AdamWHyperparameters(lr: h.lr, beta1: h.beta1, beta2: h.beta2, eps: h.eps, weightDecay: h.weightDecay, amsgrad: h.amsgrad))
    }

    func adagrad() -> OptimizerConfig? {
        let d = AdagradHyperparameters()
        let lr = number("lr", default: d.lr)
        let lrDecay = number("lr_decay", default: d.lrDecay)
        let weightDecay = number("weight_decay", default: d.weightDecay)
        let initial = number("initial_accumulator_value", default: d.initialAccumulatorValue)
        let eps = number("eps", default: d.eps)
        guard let lr, let lrDecay, let weightDecay, let initial, let eps else { return nil }
        return .adagrad(AdagradHyperparameters(lr: lr, lrDecay: lrDecay, weightDecay: weightDecay, initialAccumulatorValue: initial, eps: eps))
    }

    func rmsprop() -> OptimizerConfig? {
        let d = RMSpropHyperparameters()
        let lr = number("lr", default: d.lr)
        let alpha = number("alpha", default: d.alpha)
        let eps = number("eps", default: d.eps)
        let weightDecay = number("weight_decay", default: d.weightDecay)
        let momentum = number("momentum", default: d.momentum)
        let centered = flag("centered", default: d.centered)
        guard let lr, let alpha, let eps, let weightDecay, let momentum, let centered else { return nil }
        return .rmsprop(RMSpropHyperparameters(lr: lr, alpha: alpha, eps: eps, weightDecay: weightDecay, momentum: momentum, centered: centered))
    }

    func adadelta() -> OptimizerConfig? {
        let d = AdadeltaHyperparameters()
        let lr = number("lr", default: d.lr)
        let rho = number("rho", default: d.rho)
        let eps = number("eps", default: d.eps)
        let weightDecay = number("weight_decay", default: d.weightDecay)
        guard let lr, let rho, let eps, let weightDecay else { return nil }
        return .adadelta(AdadeltaHyperparameters(lr: lr, rho: rho, eps: eps, weightDecay: weightDecay))
    }

    func nadam() -> OptimizerConfig? {
        let d = NAdamHyperparameters()
        let lr = number("lr", default: d.lr)
        let betas = betas(default: (d.beta1, d.beta2))
        let eps = number("eps", default: d.eps)
        let weightDecay = number("weight_decay", default: d.weightDecay)
        let momentumDecay = number("momentum_decay", default: d.momentumDecay)
        let decoupled = flag("decoupled_weight_decay", default: d.decoupledWeightDecay)
        guard let lr, let betas, let eps, let weightDecay, let momentumDecay, let decoupled else { return nil }
        return .nadam(NAdamHyperparameters(lr: lr, beta1: betas.0, beta2: betas.1, eps: eps, weightDecay: weightDecay,
                                           momentumDecay: momentumDecay, decoupledWeightDecay: decoupled))
    }

    func radam() -> OptimizerConfig? {
        let d = RAdamHyperparameters()
        let lr = number("lr", default: d.lr)
        let betas = betas(default: (d.beta1, d.beta2))
        let eps = number("eps", default: d.eps)
        let weightDecay = number("weight_decay", default: d.weightDecay)
        let decoupled = flag("decoupled_weight_decay", default: d.decoupledWeightDecay)
        guard let lr, let betas, let eps, let weightDecay, let decoupled else { return nil }
        return .radam(RAdamHyperparameters(lr: lr, beta1: betas.0, beta2: betas.1, eps: eps, weightDecay: weightDecay,
                                           decoupledWeightDecay: decoupled))
    }

    func adamax() -> OptimizerConfig? {
        let d = AdamaxHyperparameters()
        let lr = number("lr", default: d.lr)
        let betas = betas(default: (d.beta1, d.beta2))
        let eps = number("eps", default: d.eps)
        let weightDecay = number("weight_decay", default: d.weightDecay)
        guard let lr, let betas, let eps, let weightDecay else { return nil }
        return .adamax(AdamaxHyperparameters(lr: lr, beta1: betas.0, beta2: betas.1, eps: eps, weightDecay: weightDecay))
    }

    func lion() -> OptimizerConfig? {
        let d = LionHyperparameters()
        let lr = number("lr", default: d.lr)
        let betas = betas(default: (d.beta1, d.beta2))
        let weightDecay = number("weight_decay", default: d.weightDecay)
        guard let lr, let betas, let weightDecay else { return nil }
        return .lion(LionHyperparameters(lr: lr, beta1: betas.0, beta2: betas.1, weightDecay: weightDecay))
    }
}
