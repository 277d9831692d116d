import ExptConfig

/// `scale_by_trust_ratio`: the layer-wise trust ratio of LARS (You et al. 2017) and LAMB (You et
/// al. 2020), as Optax's `scale_by_trust_ratio`: per tensor, with its parameters θ and update u,
///
///     u ← u · k ‖θ‖ / (‖u‖ + ε)          (u unchanged where ‖θ‖ = 0 or ‖u‖ = 0)
///
/// k the trust coefficient. The norms are summed in double precision; the ratio is rounded to
/// the parameters' type once per tensor. `[scale_by_adam, add_decayed_weights: λ,
/// scale_by_trust_ratio, scale_by_learning_rate]` is LAMB.
public struct ScaleByTrustRatio: Transformation {
    public static let name = "scale_by_trust_ratio"
    public static let summary = "Per tensor, the update times k ‖θ‖ / (‖u‖ + ε) (the LARS/LAMB trust ratio)."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("trust_coefficient", .number(\.trustCoefficient, .positive), "The factor k of the ratio."),
         Hyperparameter("eps", .number(\.eps, .nonNegative), "Added to the update's norm.")]
    }

    public var trustCoefficient = 1.0
    public var eps = 0.0

    public init() {}

    public init(trustCoefficient: Double = 1, eps: Double = 0) {
        self.trustCoefficient = trustCoefficient
        self.eps = eps
    }

    public var action: TransformationAction { .whole }

    public func applyWhole<Scalar: BinaryFloatingPoint>(_ update: UnsafeMutableBufferPointer<Scalar>, parameters: UnsafeBufferPointer<Scalar>,
                                                        layout: ParameterLayout, state: OptimizerState<Scalar>, step: StepScalars) {
        for tensor in layout.tensors {
            let parameterNorm = TensorNorm.euclidean(parameters, in: tensor.range)
            let updateNorm = TensorNorm.euclidean(UnsafeBufferPointer(update), in: tensor.range)
            guard parameterNorm != 0 && updateNorm != 0 else { continue }
            let ratio = Scalar(trustCoefficient * parameterNorm / (updateNorm + eps))
            for i in tensor.range { update[i] *= ratio }
        }
    }
}
