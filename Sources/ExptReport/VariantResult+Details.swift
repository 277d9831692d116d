import ExptManifest

/// The statistics of the report's Details table and of variants.csv: generalisation gaps,
/// divergence, and time to a target value.
extension VariantResult {
    /// When the runs first reached `compare.target`: the medians over the runs that reached it.
    struct TargetTimes {
        /// Runs that reached the target (a diverged run counts if it got there first).
        let reached: Int
        /// Runs of the variant (at its chosen sweep point).
        let runs: Int
        let epochs: Double?
        let steps: Double?
        let seconds: Double?
    }

    /// Final validation loss minus final training loss, over included runs.
    var validationGap: Spread? {
        Spread(included.compactMap { run in
            run.final.flatMap { final in final.validationLoss.map { $0 - final.trainLoss } }
        })
    }

    /// Test loss minus final training loss, over included runs with a test set.
    var testGap: Spread? {
        Spread(included.compactMap { run in
            guard let test = run.record.test?.loss, let final = run.final else { return nil }
            return test - final.trainLoss
        })
    }

    /// How many of the runs diverged.
    var diverged: Int {
        runs.filter { if case .diverged = $0.record.status { true } else { false } }.count
    }

    /// The first epoch of each run at which the compared metric reached `target` (at least it
    /// when maximised, at most when minimised), and the medians of its epoch, step and seconds.
    func timeToTarget(_ target: Double, compare: Comparison) -> TargetTimes {
        let hits = runs.compactMap { $0.record.firstEpoch(reaching: target, by: compare) }
        func median(_ values: [Double]) -> Double? { values.isEmpty ? nil : Statistics.median(values) }
        return TargetTimes(reached: hits.count, runs: runs.count, epochs: median(hits.map { Double($0.epoch) }),
                           steps: median(hits.map { Double($0.step) }), seconds: median(hits.map(\.elapsedSeconds)))
    }
}
