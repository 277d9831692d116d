import ExptManifest
import ExptRunner

/// The time left of a batch, from the measured time of the epochs trained so far.
///
/// Runs of one variant at one sweep point cost the same whatever their seed. Each unfinished
/// run's seconds per epoch come from, in this order:
/// 1. its own epochs so far (a run in flight): seconds / epochs done;
/// 2. the epochs measured so far of the runs of its variant and sweep point;
/// 3. its expected cost (``RunCost``) per epoch times the seconds per unit of cost measured
///    over every run so far (the cost model alone misses the optimizer's own work and
///    full-batch steps, so it only fills in for configurations not measured yet).
///
/// The time left is the sum over the unfinished runs of seconds per epoch × epochs left,
/// divided by the runs that train at once (`workers`, at most the unfinished runs); nil until
/// an epoch has been measured.
struct TimeLeftEstimate {
    /// Seconds spent on the epochs completed.
    struct Measure: Equatable {
        var seconds: Double
        var epochs: Int
    }

    /// The runs of the batch, in the order they start.
    private(set) var planned: [RunSpec] = []
    private var plannedIDs: Set<String> = []
    /// Runs that train at once.
    var workers = 1
    private var measures: [String: Measure] = [:]
    private var finished: Set<String> = []

    /// Adds `specs` to the runs of the batch, those already there apart.
    mutating func plan(_ specs: [RunSpec]) {
        for spec in specs where plannedIDs.insert(spec.id).inserted { planned.append(spec) }
    }

    /// Records that `spec` has trained `epochs` epochs in `seconds`.
    mutating func measured(_ spec: RunSpec, seconds: Double, epochs: Int) {
        measures[spec.id] = Measure(seconds: seconds, epochs: epochs)
    }

    /// Records that `spec` ended, having trained `epochs` epochs in `seconds`.
    mutating func finished(_ spec: RunSpec, seconds: Double, epochs: Int) {
        measured(spec, seconds: seconds, epochs: epochs)
        finished.insert(spec.id)
    }

    /// The estimated seconds left, or nil before any epoch is measured.
    var secondsLeft: Double? {
        var byPoint: [String: Measure] = [:]
        var measuredSeconds = 0.0
        var measuredCost = 0.0
        for spec in planned {
            guard let measure = measures[spec.id], measure.epochs > 0 else { continue }
            byPoint[Self.point(spec), default: Measure(seconds: 0, epochs: 0)].seconds += measure.seconds
            byPoint[Self.point(spec), default: Measure(seconds: 0, epochs: 0)].epochs += measure.epochs
            measuredSeconds += measure.seconds
            measuredCost += Self.costPerEpoch(spec) * Double(measure.epochs)
        }
        guard measuredCost > 0 else { return nil }
        var total = 0.0
        var unfinished = 0
        for spec in planned where !finished.contains(spec.id) {
            let done = measures[spec.id]?.epochs ?? 0
            let perEpoch: Double
            if let own = measures[spec.id], own.epochs > 0 {
                perEpoch = own.seconds / Double(own.epochs)
            } else if let point = byPoint[Self.point(spec)] {
                perEpoch = point.seconds / Double(point.epochs)
            } else {
                perEpoch = Self.costPerEpoch(spec) * measuredSeconds / measuredCost
            }
            total += perEpoch * Double(max(spec.config.train.epochs - done, 0))
            unfinished += 1
        }
        return total / Double(max(min(workers, unfinished), 1))
    }

    /// The variant and sweep point of `spec`: what its cost depends on.
    private static func point(_ spec: RunSpec) -> String {
        ([spec.variant] + spec.sweep.map { "\($0.keyPath)=\($0.value)" }).joined(separator: "\n")
    }

    private static func costPerEpoch(_ spec: RunSpec) -> Double {
        RunCost.expected(spec.config) / Double(max(spec.config.train.epochs, 1))
    }
}
