import ExptConfig

/// Schedule-free SGD (Defazio et al., 2024): `SGDScheduleFree` of the `schedulefree` package
/// (1.4.1). The gradient g is taken at y (the parameters while training); the model is
/// evaluated at the average x (`moveParameters`), which the executors do for every validation,
/// the test and the trajectory of a 2D run. With weight decay λ, the direction of
/// `ScheduleFreeAverage` is
///
///     d = g + λ y
///
/// and β is `momentum`. The method is meant without a schedule (its warm-up is
/// `warmup_steps`); a manifest schedule is allowed and sets the package's `lr` each step, as a
/// torch scheduler would.
public struct ScheduleFreeSGDHyperparameters: OptimizerKind {
    public static let name = "schedule_free_sgd"
    public static let summary = "SGD evaluated at an online average, with no schedule needed (schedulefree.SGDScheduleFree)."
    public static var settings: [Hyperparameter<Self>] {
        [.learningRate(\.lr),
         Hyperparameter("momentum", .number(\.momentum, .openUnit), "Interpolation β: gradients are taken at y = (1 − β) z + β x."),
         Hyperparameter("weight_decay", .number(\.weightDecay, .nonNegative), "L2 penalty added to the gradient, at y."),
         .scheduleFreeWarmup(\.warmupSteps), .scheduleFreePower(\.r), .scheduleFreeRatePower(\.weightLRPower)]
    }

    /// Learning rate. Default 1.
    public var lr: Double = 1
    /// β, in (0, 1). Default 0.9.
    public var momentum: Double = 0.9
    /// L2 penalty. Default 0.
    public var weightDecay: Double = 0
    /// Steps of linear warm-up. Default 0.
    public var warmupSteps: Int = 0
    /// Power of the step number in the averaging weights. Default 0.
    public var r: Double = 0
    /// Power of the largest rate in the averaging weights. Default 2.
    public var weightLRPower: Double = 2

    /// Every hyperparameter at the package's default.
    public init() {}

    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of: Scalar.Type, layout: ParameterLayout) -> any ParameterOptimizer<Scalar> {
        ScheduleFreeSGD<Scalar>(self, count: layout.count)
    }
}

extension OptimizerConfig {
    /// Schedule-free SGD with `hyperparameters`.
    public static func scheduleFreeSGD(_ hyperparameters: ScheduleFreeSGDHyperparameters) -> Self { Self(hyperparameters) }
}

/// Schedule-free SGD's state: z and the averaging weights.
final class ScheduleFreeSGD<Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    private let weightDecay: Scalar
    private let average: ScheduleFreeAverage<Scalar>

    init(_ settings: ScheduleFreeSGDHyperparameters, count: Int) {
        weightDecay = Scalar(settings.weightDecay)
        average = ScheduleFreeAverage(count: count, beta: settings.momentum, warmupSteps: settings.warmupSteps, r: settings.r,
                                      weightLRPower: settings.weightLRPower)
    }

    func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Double,
              reevaluate: Reevaluation?) {
        let weightDecay = weightDecay
        average.step(parameters: parameters, rate: learningRate) { index, y in
            weightDecay == 0 ? gradients[index] : gradients[index] + weightDecay * y
        }
    }

    func moveParameters(_ parameters: UnsafeMutableBufferPointer<Scalar>, toEvaluation: Bool) {
        average.moveParameters(parameters, toEvaluation: toEvaluation)
    }

    func saveState() -> OptimizerSnapshot {
        average.snapshot
    }

    func restoreState(_ snapshot: OptimizerSnapshot) throws(OptimizerSnapshotError) {
        try average.restore(snapshot)
    }
}
