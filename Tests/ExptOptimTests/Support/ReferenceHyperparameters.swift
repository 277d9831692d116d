import ExptConfig
import ExptOptim

extension ReferenceCase.Hyperparameters {
    /// These hyperparameters, in torch's names, as the config of optimizer `name`; what they
    /// leave out takes the default of expt's type.
    func config(_ name: String) -> OptimizerConfig {
        let b1 = betas?[0], b2 = betas?[1], wd = weight_decay
        switch name {
        case "sgd":
            let d = SGDHyperparameters()
            return .sgd(.init(lr: lr ?? d.lr, momentum: momentum ?? d.momentum, dampening: dampening ?? d.dampening,
                              nesterov: nesterov ?? d.nesterov, weightDecay: wd ?? d.weightDecay))
        case "adam":
            let d = AdamHyperparameters()
            return .adam(.init(lr: lr ?? d.lr, beta1: b1 ?? d.beta1, beta2: b2 ?? d.beta2, eps: eps ?? d.eps,
                               weightDecay: wd ?? d.weightDecay, amsgrad: amsgrad ?? d.amsgrad))
        case "adamw":
            let d = AdamWHyperparameters()
            return .adamw(.init(lr: lr ?? d.lr, beta1: b1 ?? d.beta1, beta2: b2 ?? d.beta2, eps: eps ?? d.eps,
                                weightDecay: wd ?? d.weightDecay, amsgrad: amsgrad ?? d.amsgrad))
        case "adagrad":
            let d = AdagradHyperparameters()
            return .adagrad(.init(lr: lr ?? d.lr, lrDecay: lr_decay ?? d.lrDecay, weightDecay: wd ?? d.weightDecay,
                                  initialAccumulatorValue: initial_accumulator_value ?? d.initialAccumulatorValue, eps: eps ?? d.eps))
        case "rmsprop":
            let d = RMSpropHyperparameters()
            return .rmsprop(.init(lr: lr ?? d.lr, alpha: alpha ?? d.alpha, eps: eps ?? d.eps, weightDecay: wd ?? d.weightDecay,
                                  momentum: momentum ?? d.momentum, centered: centered ?? d.centered))
        case "adadelta":
            let d = AdadeltaHyperparameters()
            return .adadelta(.init(lr: lr ?? d.lr, rho: rho ?? d.rho, eps: eps ?? d.eps, weightDecay: wd ?? d.weightDecay))
        case "nadam":
            let d = NAdamHyperparameters()
            return .nadam(.init(lr: lr ?? d.lr, beta1: b1 ?? d.beta1, beta2: b2 ?? d.beta2, eps: eps ?? d.eps,
                                weightDecay: wd ?? d.weightDecay, momentumDecay: momentum_decay ?? d.momentumDecay,
                                decoupledWeightDecay: decoupled_weight_decay ?? d.decoupledWeightDecay))
        case "radam":
            let d = RAdamHyperparameters()
            return .radam(.init(lr: lr ?? d.lr, beta1: b1 ?? d.beta1, beta2: b2 ?? d.beta2, eps: eps ?? d.eps,
                                weightDecay: wd ?? d.weightDecay, decoupledWeightDecay: decoupled_weight_decay ?? d.decoupledWeightDecay))
        case "adamax":
            let d = AdamaxHyperparameters()
            return .adamax(.init(lr: lr ?? d.lr, beta1: b1 ?? d.beta1, beta2: b2 ?? d.beta2, eps: eps ?? d.eps,
                                 weightDecay: wd ?? d.weightDecay))
        case "lion":
            let d = LionHyperparameters()
            return .lion(.init(lr: lr ?? d.lr, beta1: b1 ?? d.beta1, beta2: b2 ?? d.beta2, weightDecay: wd ?? d.weightDecay))
        case "rprop":
            let d = RpropHyperparameters()
            return .rprop(.init(lr: lr ?? d.lr, etaminus: etas?[0] ?? d.etaminus, etaplus: etas?[1] ?? d.etaplus,
                                stepSizeMin: step_sizes?[0] ?? d.stepSizeMin, stepSizeMax: step_sizes?[1] ?? d.stepSizeMax))
        default:
            fatalError("unknown optimizer \(name)")
        }
    }
}
