import ExptConfig
import Foundation

/// Schedule-free AdamW (Defazio et al., 2024): `AdamWScheduleFree` of the `schedulefree`
/// package (1.4.1). The gradient g is taken at y (the parameters while training); the model is
/// evaluated at the average x (`moveParameters`). At step k (from 0), with weight decay λ, the
/// direction of `ScheduleFreeAverage` is
///
///     v ← β₂ v + (1 − β₂) g²
///     d = g / (√(v / (1 − β₂ᵏ⁺¹)) + ε) + λ y
///
/// and β is β₁ (no first moment is kept: the averaging is the momentum). Meant without a
/// schedule (its warm-up is `warmup_steps`); a manifest schedule is allowed and sets the
/// package's `lr` each step, as a torch scheduler would.
public struct ScheduleFreeAdamWHyperparameters: OptimizerKind {
    public static let name = "schedule_free_adamw"
    public static let summary = "AdamW evaluated at an online average, with no schedule needed (schedulefree.AdamWScheduleFree)."
    public static var settings: [Hyperparameter<Self>] {
        [.learningRate(\.lr),
         Hyperparameter("betas", .pair(\.beta1, \.beta2, names: ("beta1", "beta2")),
                        "Interpolation β₁ (gradients are taken at y = (1 − β₁) z + β₁ x) and the second moment's decay rate."),
         .eps(\.eps),
         Hyperparameter("weight_decay", .number(\.weightDecay, .nonNegative), "Added to the normalised gradient as weight_decay · y."),
         .scheduleFreeWarmup(\.warmupSteps), .scheduleFreePower(\.r), .scheduleFreeRatePower(\.weightLRPower)]
    }

    /// Learning rate. Default 0.0025.
    public var lr: Double = 0.0025
    /// β₁, in (0, 1). Default 0.9.
    public var beta1: Double = 0.9
    /// β₂. Default 0.999.
    public var beta2: Double = 0.999
    /// Added to the denominator. Default 1e-8.
    public var eps: Double = 1e-8
    /// Weight decay at y. Default 0.
    public var weightDecay: Double = 0
    /// Steps of linear warm-up. Default 0.
    public var warmupSteps: Int = 0
    /// Power of the step number in the averaging weights. Default 0.
    public var r: Double = 0
    /// Power of the largest rate in the averaging weights. Default 2.
    public var weightLRPower: Double = 2

    /// Every hyperparameter at the package's default.
    public init() {}

    /// x = lerp(y, z, 1 − 1/β₁) needs β₁ > 0.
    public func conflict() -> HyperparameterConflict? {
        beta1 > 0 ? nil : HyperparameterConflict(key: "betas", involving: [], message: "beta1 must be greater than 0")
    }

    public func makeOptimizer<Scalar: BinaryFloatingPoint>(of: Scalar.Type, layout: ParameterLayout) -> any ParameterOptimizer<Scalar> {
        ScheduleFreeAdamW<Scalar>(self, count: layout.count)
    }
}

extension OptimizerConfig {
    /// Schedule-free AdamW with `hyperparameters`.
    public static func scheduleFreeAdamW(_ hyperparameters: ScheduleFreeAdamWHyperparameters) -> Self { Self(hyperparameters) }
}

/// Schedule-free AdamW's state: the second moment, z and the averaging weights.
final class ScheduleFreeAdamW<Scalar: BinaryFloatingPoint>: ParameterOptimizer {
    private let settings: ScheduleFreeAdamWHyperparameters
    private var secondMoment: [Scalar]
    private let average: ScheduleFreeAverage<Scalar>

    init(_ settings: ScheduleFreeAdamWHyperparameters, count: Int) {
        self.settings = settings
        secondMoment = Array(repeating: 0, count: count)
        average = ScheduleFreeAverage(count: count, beta: settings.beta1, warmupSteps: settings.warmupSteps, r: settings.r,
                                      weightLRPower: settings.weightLRPower)
    }

    func step(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>, learningRate: Double,
              reevaluate: Reevaluation?) {
        let beta2 = Scalar(settings.beta2), squareWeight = Scalar(1 - settings.beta2), eps = Scalar(settings.eps)
        let weightDecay = Scalar(settings.weightDecay)
        let correction2 = Scalar(1 - pow(settings.beta2, Double(average.stepCount + 1)))
        secondMoment.withUnsafeMutableBufferPointer { v in
            average.step(parameters: parameters, rate: learningRate) { index, y in
                let g = gradients[index]
                v[index] = v[index] * beta2 + squareWeight * g * g
                let normalised = g / ((v[index] / correction2).squareRoot() + eps)
                return weightDecay == 0 ? normalised : normalised + weightDecay * y
            }
        }
    }

    func moveParameters(_ parameters: UnsafeMutableBufferPointer<Scalar>, toEvaluation: Bool) {
        average.moveParameters(parameters, toEvaluation: toEvaluation)
    }

    /// The second moment and, under `average.`, z and the weights.
    func saveState() -> OptimizerSnapshot {
        var snapshot = OptimizerSnapshot()
        snapshot.save(secondMoment, as: "second_moment")
        snapshot.add(average.snapshot, as: "average")
        return snapshot
    }

    func restoreState(_ snapshot: OptimizerSnapshot) throws(OptimizerSnapshotError) {
        let secondMoment: [Scalar] = try snapshot.values("second_moment", count: self.secondMoment.count)
        try average.restore(snapshot.part("average"))
        self.secondMoment = secondMoment
    }
}
