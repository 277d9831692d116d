import ExptConfig

/// `clip_by_global_norm`: the update scaled down when its L2 norm over every element exceeds
/// a bound, as the trainer's `clip_norm` (torch's `clip_grad_norm_`, see below):
///
///     ‖u‖ > c:   u ← u · c / (‖u‖ + 10⁻⁶)          (else u unchanged)
///
/// The condition is the trainer's: torch scales by min(1, c / (‖u‖ + 10⁻⁶)) always, so it also
/// scales, by a factor within 10⁻⁶ of 1, when c − 10⁻⁶ < ‖u‖ ≤ c. The squares are summed in
/// double precision; the factor is rounded to the parameters' type once and multiplies every
/// element. It needs all of u, so it ends a pass of the chain.
public struct ClipByGlobalNorm: Transformation {
    public static let name = "clip_by_global_norm"
    public static let summary = "The update scaled to norm max_norm when its global L2 norm is larger (torch's clip_grad_norm_)."
    public static var settings: [Hyperparameter<Self>] {
        [Hyperparameter("max_norm", .number(\.maxNorm, .positive), "The bound c on the update's global L2 norm.")]
    }

    public var maxNorm = 1.0

    public init() {}

    public init(maxNorm: Double) {
        self.maxNorm = maxNorm
    }

    public var action: TransformationAction { .whole }

    public func applyWhole<Scalar: BinaryFloatingPoint>(_ update: UnsafeMutableBufferPointer<Scalar>, parameters: UnsafeBufferPointer<Scalar>,
                                                        layout: ParameterLayout, state: OptimizerState<Scalar>, step: StepScalars) {
        let norm = TensorNorm.euclidean(UnsafeBufferPointer(update), in: update.indices)
        guard norm > maxNorm else { return }
        let factor = Scalar(maxNorm / (norm + GradientClipping.normEpsilon))
        for i in update.indices { update[i] *= factor }
    }
}
