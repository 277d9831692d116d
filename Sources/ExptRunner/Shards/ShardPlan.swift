import ExptManifest

/// A deterministic split of an experiment's runs into shards of about equal expected cost.
///
/// Greedy longest-processing-time: the runs are taken by expected cost, largest first (equal
/// costs by run id, then by position), and each goes to the shard with the least cost so far
/// (the lowest-numbered among equals). Every run lands in exactly one shard; no shard exceeds the
/// mean by more than the cost of one run, so runs of equal cost differ by at most one run per
/// shard. The split depends only on the runs' settings, so every machine that reads the same
/// manifest with the same expt computes the same split.
public struct ShardPlan: Sendable, Equatable {
    /// How many shards.
    public let count: Int
    /// The expected cost of each run (``RunCost``), in the order of `runs`.
    public let costs: [Double]
    /// The shard of each run, from 0 to `count − 1`, in the order of `runs`.
    public let shards: [Int]

    /// Splits `runs` into `count` shards (at least 1), with `cost` giving each run's expected cost.
    public init(runs: [RunSpec], count: Int, cost: (RunSpec) -> Double = { RunCost.expected($0.config) }) {
        precondition(count >= 1, "a plan has at least one shard")
        self.count = count
        let costs = runs.map(cost)
        let ids = runs.map(\.id)
        let order = runs.indices.sorted { a, b in
            if costs[a] != costs[b] { return costs[a] > costs[b] }
            if ids[a] != ids[b] { return ids[a] < ids[b] }
            return a < b
        }
        // Only the first `runs.count` shards can be the lightest when a run is placed: until
        // then one of them is still empty, and a later one is never lighter than an empty one.
        var loads = ShardLoads(count: min(count, max(runs.count, 1)))
        var shards = [Int](repeating: 0, count: runs.count)
        for run in order {
            shards[run] = loads.addToLightest(costs[run])
        }
        self.costs = costs
        self.shards = shards
    }

    /// The positions (in the order of the runs given) of the runs of `shard`, in that order.
    public func runs(of shard: Int) -> [Int] {
        shards.indices.filter { shards[$0] == shard }
    }

    /// The number of runs of each shard.
    public var runCounts: [Int] {
        var counts = [Int](repeating: 0, count: count)
        for shard in shards { counts[shard] += 1 }
        return counts
    }

    /// The expected cost of each shard: the sum of its runs' costs.
    public var shardCosts: [Double] {
        var load = [Double](repeating: 0, count: count)
        for (run, shard) in shards.enumerated() { load[shard] += costs[run] }
        return load
    }
}
