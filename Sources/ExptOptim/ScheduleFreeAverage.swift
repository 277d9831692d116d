import ExptConfig
import Foundation

/// What schedule-free SGD and AdamW (Defazio et al., 2024, "The Road Less Scheduled") share, as
/// the `schedulefree` package (1.4.1) computes it: the base sequence z, the averaged point x at
/// which the model is evaluated, and the point y = (1 − β) z + β x at which gradients are taken
/// (the parameters while training), with the package's warm-up and weights.
///
/// Step k (from 0) with the schedule's rate γ₀, warm-up w, power r, weight power p and a
/// direction d (the rule's: the gradient for SGD, the normalised gradient for AdamW):
///
///     γ = γ₀ · min(1, (k + 1) / w)          γmax = max(γmax, γ)
///     c = ωₖ / Σᵢ≤ₖ ωᵢ,   ωₖ = (k + 1)ʳ · γmaxᵖ
///     y ← lerp(y, z, c);   y ← y + γ (β (1 − c) − 1) d;   z ← z − γ d
///
/// and the moves of the package's `eval()` and `train()`:
///
///     x = lerp(y, z, 1 − 1/β)               y = lerp(x, z, 1 − β)
final class ScheduleFreeAverage<Scalar: BinaryFloatingPoint> {
    /// The interpolation β between z and x (SGD's momentum, AdamW's β₁).
    let beta: Double
    let warmupSteps: Int
    let r: Double
    let weightLRPower: Double
    /// z; filled with the parameters at the first step.
    private var z: [Scalar]
    /// Steps taken.
    private(set) var stepCount = 0
    private var weightSum = 0.0
    private var largestRate = -1.0
    /// The parameters hold x (between `moveParameters(_, toEvaluation: true)` and `false`).
    private var atEvaluation = false

    init(count: Int, beta: Double, warmupSteps: Int, r: Double, weightLRPower: Double) {
        self.beta = beta
        self.warmupSteps = warmupSteps
        self.r = r
        self.weightLRPower = weightLRPower
        z = Array(repeating: 0, count: count)
    }

    /// One step at `parameters` (y) with the schedule's `rate`: `direction(i, y)` is the rule's
    /// dᵢ at yᵢ, computed before y moves.
    @inline(__always)
    func step(parameters: UnsafeMutableBufferPointer<Scalar>, rate: Double, direction: (Int, Scalar) -> Scalar) {
        precondition(!atEvaluation, "a schedule-free step needs the parameters at the training point")
        let k = Double(stepCount)
        let rate = stepCount < warmupSteps ? rate * ((k + 1) / Double(warmupSteps)) : rate
        largestRate = max(rate, largestRate)
        let weight = pow(k + 1, r) * pow(largestRate, weightLRPower)
        weightSum += weight
        let averageWeight = weightSum == 0 ? 0 : weight / weightSum
        if stepCount == 0 {
            for index in parameters.indices { z[index] = parameters[index] }
        }
        stepCount += 1
        let interpolation = Scalar(averageWeight)
        let directionFactor = Scalar(rate * (beta * (1 - averageWeight) - 1))
        let stepRate = Scalar(rate)
        z.withUnsafeMutableBufferPointer { z in
            for index in parameters.indices {
                let d = direction(index, parameters[index])
                let y = ScalarLane.lerp(ScalarLane(repeating: parameters[index]), ScalarLane(repeating: z[index]), interpolation).value
                parameters[index] = y + directionFactor * d
                z[index] = z[index] - stepRate * d
            }
        }
    }

    /// Moves the parameters from y to x (`toEvaluation`) or back; nothing before the first step,
    /// when y = x = z, or when they are already there.
    func moveParameters(_ parameters: UnsafeMutableBufferPointer<Scalar>, toEvaluation: Bool) {
        guard toEvaluation != atEvaluation else { return }
        atEvaluation = toEvaluation
        guard stepCount > 0 else { return }
        let weight = Scalar(toEvaluation ? 1 - 1 / beta : 1 - beta)
        z.withUnsafeBufferPointer { z in
            for index in parameters.indices {
                parameters[index] = ScalarLane.lerp(ScalarLane(repeating: parameters[index]), ScalarLane(repeating: z[index]), weight).value
            }
        }
    }

    /// z, the steps, the sum of weights, the largest rate so far and whether the parameters are at x.
    var snapshot: OptimizerSnapshot {
        var snapshot = OptimizerSnapshot(scalars: ["steps": Double(stepCount), "weight_sum": weightSum, "largest_rate": largestRate,
                                                   "at_evaluation": atEvaluation ? 1 : 0])
        snapshot.save(z, as: "z")
        return snapshot
    }

    /// Puts back what ``snapshot`` saved from an average of the same count.
    func restore(_ snapshot: OptimizerSnapshot) throws(OptimizerSnapshotError) {
        let z: [Scalar] = try snapshot.values("z", count: self.z.count)
        let steps = try snapshot.count("steps"), weightSum = try snapshot.scalar("weight_sum")
        let largestRate = try snapshot.scalar("largest_rate"), atEvaluation = try snapshot.scalar("at_evaluation")
        self.z = z
        stepCount = steps
        self.weightSum = weightSum
        self.largestRate = largestRate
        self.atEvaluation = atEvaluation != 0
    }
}

extension Hyperparameter {
    /// `warmup_steps`: the steps of the linear warm-up inside a schedule-free rule.
    static func scheduleFreeWarmup(_ path: WritableKeyPath<Settings, Int>) -> Self {
        Self("warmup_steps", .integer(path, 0...ScheduleInterval.maximumTicks),
             "Steps of a linear warm-up of the rate, from rate / warmup_steps.")
    }

    /// `r`: the power of the step number in the averaging weights.
    static func scheduleFreePower(_ path: WritableKeyPath<Settings, Double>) -> Self {
        Self("r", .number(path, .nonNegative), "Averaging weight grows as (k + 1)^r.")
    }

    /// `weight_lr_power`: the power of the largest rate so far in the averaging weights.
    static func scheduleFreeRatePower(_ path: WritableKeyPath<Settings, Double>) -> Self {
        Self("weight_lr_power", .number(path, .nonNegative), "Averaging weight grows as the largest rate so far to this power.")
    }
}
