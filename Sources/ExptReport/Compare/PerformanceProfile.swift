/// A performance profile (Dolan and Moré 2002, as AlgoPerf uses it): for each optimizer o, the
/// fraction of the experiments it ran in which it reached the target within τ times the
/// fastest optimizer's time,
///
///     ρ_o(τ) = |{e ∈ E_o : t_{e,o} ≤ τ · min_{o'} t_{e,o'}}| / |E_o|,   τ ≥ 1,
///
/// where t_{e,o} is o's time to the target in experiment e (∞ when it did not reach it), the
/// minimum is over the optimizers that ran e, and E_o is the set of experiments o ran.
/// Experiments o did not run are not in E_o: they are neither wins nor losses. An optimizer
/// that never reaches the target never counts, at any τ; an experiment no optimizer solved
/// stays in every E_o and counts for none.
struct PerformanceProfile: Equatable {
    /// r_{e,o} = t_{e,o} / min_{o'} t_{e,o'} by optimizer, one per experiment in order: ∞ when
    /// o did not reach the target, nil when it did not run the experiment.
    let ratios: [String: [Double?]]

    /// The profile of `times`: per experiment, the time of each optimizer that ran it.
    init(times: [[String: Double]], optimizers: [String]) {
        ratios = Dictionary(uniqueKeysWithValues: optimizers.map { optimizer in
            (optimizer, times.map { experiment -> Double? in
                guard let time = experiment[optimizer] else { return nil }
                let fastest = experiment.values.min() ?? .infinity
                guard time.isFinite else { return .infinity }
                // A fastest time of 0 (seconds too short to measure) makes only other zeros tie it.
                return fastest > 0 ? time / fastest : time == 0 ? 1 : .infinity
            })
        })
    }

    /// r_{e,o} of the experiments o ran (E_o), in order.
    func ran(_ optimizer: String) -> [Double] {
        (ratios[optimizer] ?? []).compactMap { $0 }
    }

    /// ρ_o(τ); nil when o ran no experiment.
    func fraction(_ optimizer: String, within tau: Double) -> Double? {
        let ran = ran(optimizer)
        guard !ran.isEmpty else { return nil }
        return Double(ran.filter { $0 <= tau }.count) / Double(ran.count)
    }

    /// The finite ratios of o, sorted and distinct: where its ρ steps up.
    func steps(_ optimizer: String) -> [Double] {
        Array(Set(ran(optimizer).filter(\.isFinite))).sorted()
    }

    /// The right end of the τ axis: twice the largest finite ratio of any optimizer, at least 2.
    var largestTau: Double {
        2 * max(1, ratios.keys.flatMap(ran).filter(\.isFinite).max() ?? 1)
    }
}
