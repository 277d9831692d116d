import ExptConfig

/// `add_l2`: an L2 penalty's gradient added to the update, u ← u + λθ — torch's (coupled)
/// `weight_decay`, put before the rule (`[add_l2: λ, scale_by_adam, …]` is torch.optim.Adam's).
public struct AddL2: Transformation {
    public static let name = "add_l2"
    public static let summary = "An L2 penalty's gradient added to the update, u + λθ (torch's coupled weight decay)."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("weight_decay", .number(\.weightDecay, .nonNegative), "The penalty's factor λ.")]
    }

    public var weightDecay = 0.0

    public init() {}

    public init(weightDecay: Double) {
        self.weightDecay = weightDecay
    }

    public var action: TransformationAction { .elementwise }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func apply<Scalar: BinaryFloatingPoint>(_ block: StageBlock<Scalar>, state: OptimizerState<Scalar>, step: StepScalars) {
        let rate = Scalar(weightDecay)
        if rate == 0 {
            // As torch, which adds nothing without a decay (0 · θ is not 0 for an infinite θ).
            ChainKernels.materialise(block.range, from: block.input, denominator: nil, factor: 1, scaled: false, to: block.numerator)
        } else {
            ChainKernels.addWeights(block.range, from: block.input, parameters: block.parameters, rate: rate, to: block.numerator)
        }
    }
}
