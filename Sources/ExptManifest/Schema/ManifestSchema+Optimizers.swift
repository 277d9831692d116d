import ExptOptim

/// The optimizers, named and defaulted as in torch.optim (Lion as in its paper's code).
extension ManifestSchema {
    public static let optimizers = SchemaSection(
        name: "optimizers", usage: "optimizer: {name: NAME, KEY: VALUE, …}, or optimizer: NAME for every default",
        names: [sgd, adam, adamw, adagrad, rmsprop, adadelta, nadam, radam, adamax, lion], shared: [])

    private static let sgd: NameSchema = {
        let d = SGDHyperparameters()
        return NameSchema("sgd", "Stochastic gradient descent, with optional (Nesterov) momentum (torch.optim.SGD).", [
            lr(d.lr),
            SettingSchema("momentum", .number(.nonNegative), .number(d.momentum), "Momentum factor."),
            SettingSchema("dampening", .number(.closedUnit), .number(d.dampening), "Dampening of the momentum."),
            SettingSchema("nesterov", .flag, .flag(d.nesterov), "Nesterov momentum; needs momentum > 0 and dampening = 0."),
            coupledDecay(d.weightDecay),
        ])
    }()

    private static let adam: NameSchema = {
        let d = AdamHyperparameters()
        return NameSchema("adam", "Adam, with bias-corrected first and second moments (torch.optim.Adam).", [
            lr(d.lr), betas(d.beta1, d.beta2), eps(d.eps), coupledDecay(d.weightDecay), amsgrad(d.amsgrad),
        ])
    }()

    private static let adamw: NameSchema = {
        let d = AdamWHyperparameters()
        return NameSchema("adamw", "Adam with decoupled weight decay (torch.optim.AdamW).", [
            lr(d.lr), betas(d.beta1, d.beta2), eps(d.eps),
            SettingSchema("weight_decay", .number(.nonNegative), .number(d.weightDecay),
                          "Decoupled: shrinks the parameters by lr · weight_decay each step."),
            amsgrad(d.amsgrad),
        ])
    }()

    private static let adagrad: NameSchema = {
        let d = AdagradHyperparameters()
        return NameSchema("adagrad", "Per-coordinate steps from the sum of squared gradients (torch.optim.Adagrad).", [
            lr(d.lr),
            SettingSchema("lr_decay", .number(.nonNegative), .number(d.lrDecay),
                          "The rate of step t is lr / (1 + (t − 1) · lr_decay)."),
            coupledDecay(d.weightDecay),
            SettingSchema("initial_accumulator_value", .number(.nonNegative), .number(d.initialAccumulatorValue),
                          "Starting sum of squared gradients."),
            eps(d.eps),
        ])
    }()

    private static let rmsprop: NameSchema = {
        let d = RMSpropHyperparameters()
        return NameSchema("rmsprop", "Steps divided by a running root mean square of the gradient (torch.optim.RMSprop).", [
            lr(d.lr),
            SettingSchema("alpha", .number(.closedUnit), .number(d.alpha), "Decay rate of the mean square."),
            eps(d.eps), coupledDecay(d.weightDecay),
            SettingSchema("momentum", .number(.nonNegative), .number(d.momentum), "Momentum of the scaled step."),
            SettingSchema("centered", .flag, .flag(d.centered),
                          "Divide by the standard deviation instead of the root mean square."),
        ])
    }()

    private static let adadelta: NameSchema = {
        let d = AdadeltaHyperparameters()
        return NameSchema("adadelta", "Steps in the units of the parameters, from running averages (torch.optim.Adadelta).", [
            SettingSchema("lr", .number(.positive), .number(d.lr), "Scales the step."),
            SettingSchema("rho", .number(.closedUnit), .number(d.rho), "Decay rate of the running averages."),
            SettingSchema("eps", .number(.positive), .number(d.eps), "Added inside both square roots."),
            coupledDecay(d.weightDecay),
        ])
    }()

    private static let nadam: NameSchema = {
        let d = NAdamHyperparameters()
        return NameSchema("nadam", "Adam with Nesterov momentum and a momentum schedule (torch.optim.NAdam).", [
            lr(d.lr), betas(d.beta1, d.beta2), eps(d.eps), switchableDecay(d.weightDecay),
            SettingSchema("momentum_decay", .number(.nonNegative), .number(d.momentumDecay), "ψ of the momentum schedule."),
            decoupled(d.decoupledWeightDecay),
        ])
    }()

    private static let radam: NameSchema = {
        let d = RAdamHyperparameters()
        return NameSchema("radam", "Adam with a rectified adaptive rate, a built-in warm-up (torch.optim.RAdam).", [
            lr(d.lr), betas(d.beta1, d.beta2), eps(d.eps), switchableDecay(d.weightDecay), decoupled(d.decoupledWeightDecay),
        ])
    }()

    private static let adamax: NameSchema = {
        let d = AdamaxHyperparameters()
        return NameSchema("adamax", "Adam with the infinity norm instead of the mean square (torch.optim.Adamax).", [
            lr(d.lr), betas(d.beta1, d.beta2),
            SettingSchema("eps", .number(.positive), .number(d.eps), "Added to |g| inside the maximum."),
            coupledDecay(d.weightDecay),
        ])
    }()

    private static let lion: NameSchema = {
        let d = LionHyperparameters()
        return NameSchema("lion", "The sign of an interpolated momentum (Chen et al., 2023).", [
            lr(d.lr),
            SettingSchema("betas", betaPair, .pair(d.beta1, d.beta2),
                          "Interpolation for the sign, and decay of the momentum."),
            SettingSchema("weight_decay", .number(.nonNegative), .number(d.weightDecay),
                          "Decoupled: shrinks the parameters by lr · weight_decay each step."),
        ])
    }()

    // MARK: - Settings several optimizers share

    static let betaPair = SettingKind.described("[b1, b2], each in [0, 1)")

    private static func lr(_ value: Double) -> SettingSchema {
        SettingSchema("lr", .number(.positive), .number(value), "Learning rate.")
    }

    private static func betas(_ beta1: Double, _ beta2: Double) -> SettingSchema {
        SettingSchema("betas", betaPair, .pair(beta1, beta2), "Decay rates of the first and second moments.")
    }

    private static func eps(_ value: Double) -> SettingSchema {
        SettingSchema("eps", .number(.positive), .number(value), "Added to the denominator.")
    }

    private static func coupledDecay(_ value: Double) -> SettingSchema {
        SettingSchema("weight_decay", .number(.nonNegative), .number(value), "L2 penalty added to the gradient.")
    }

    private static func switchableDecay(_ value: Double) -> SettingSchema {
        SettingSchema("weight_decay", .number(.nonNegative), .number(value),
                      "Weight decay, coupled unless decoupled_weight_decay.")
    }

    private static func decoupled(_ value: Bool) -> SettingSchema {
        SettingSchema("decoupled_weight_decay", .flag, .flag(value), "Shrink the parameters instead (as AdamW).")
    }

    private static func amsgrad(_ value: Bool) -> SettingSchema {
        SettingSchema("amsgrad", .flag, .flag(value), "Use the maximum of past second moments.")
    }
}
