/// `analysis.sharpness`: how the largest eigenvalue λ_max of the Hessian of the training loss is
/// estimated, by power iteration on Hessian-vector products
/// Hv ≈ (∇L(θ + εv) − ∇L(θ − εv)) / 2ε.
///
/// The loss is the mean loss over the first `examples` training examples in a fixed order
/// (the training rows shuffled by the run's seed, its own stream); a 2D test function is its
/// own loss and has no examples.
public struct SharpnessSettings: Sendable, Equatable, Codable {
    /// Training examples the loss is averaged over (all of them when there are fewer). Default 1000.
    public var examples: Int
    /// The most power-iteration steps (Hessian-vector products). Default 20.
    public var iterations: Int
    /// Measure after every `every`-th epoch too; 0 measures at the end of training only. Default 0.
    public var every: Int

    public static let defaultExamples = 1000
    public static let defaultIterations = 20

    public init(examples: Int = SharpnessSettings.defaultExamples, iterations: Int = SharpnessSettings.defaultIterations, every: Int = 0) {
        self.examples = examples
        self.iterations = iterations
        self.every = every
    }

    /// Whether epoch `epoch` is measured: every `every`-th, and always the run's last (`isLast`:
    /// the last of `train.epochs`, or the one after which early stopping ends the run).
    public func measures(epoch: Int, isLast: Bool) -> Bool {
        isLast || (every > 0 && epoch % every == 0)
    }
}
