import ExptData
import ExptEngine
import ExptManifest
import ExptOptim
import Testing

@testable import ExptRunner

/// Runs of varied costs: each of `variants` variants with `seeds` seeds, the variant's epochs
/// growing with its position when `varied`, so that costs differ.
func shardingRuns(variants: Int, seeds: Int, varied: Bool) -> [RunSpec] {
    (0..<variants).flatMap { v in
        (0..<seeds).map { seed in
            var spec = sampleSpec(variant: "v\(v)", seed: UInt64(seed), lr: 0.1)
            spec.config.train.epochs = varied ? 1 + (v * 7) % 5 : 3
            return spec
        }
    }
}

struct ShardPlanTests {
    static let runSets: [(name: String, runs: [RunSpec])] = [
        ("one run", shardingRuns(variants: 1, seeds: 1, varied: false)),
        ("4 x 3 of equal cost", shardingRuns(variants: 4, seeds: 3, varied: false)),
        ("5 x 5 of varied cost", shardingRuns(variants: 5, seeds: 5, varied: true)),
        ("7 x 2 of varied cost", shardingRuns(variants: 7, seeds: 2, varied: true)),
    ]

    @Test(arguments: runSets.indices)
    func everyRunLandsInExactlyOneShardForEveryCount(set: Int) {
        let runs = Self.runSets[set].runs
        for count in 1...20 {
            let plan = ShardPlan(runs: runs, count: count)
            let listed = (0..<count).flatMap { plan.runs(of: $0) }
            #expect(listed.sorted() == Array(runs.indices), "\(count) shards")
            #expect(plan.shards.allSatisfy { (0..<count).contains($0) })
            #expect(plan.shardCosts.reduce(0, +) == plan.costs.reduce(0, +))
        }
    }

    /// Longest-processing-time first never puts more than one run's cost above the mean.
    @Test(arguments: runSets.indices)
    func noShardExceedsTheMeanByMoreThanOneRun(set: Int) {
        let runs = Self.runSets[set].runs
        for count in 1...20 {
            let plan = ShardPlan(runs: runs, count: count)
            let mean = plan.costs.reduce(0, +) / Double(count)
            #expect(plan.shardCosts.max()! <= mean + plan.costs.max()!, "\(count) shards")
        }
    }

    /// With equal costs the shards hold ⌊R/N⌋ or ⌈R/N⌉ runs each.
    @Test(arguments: 1...20)
    func equalCostsGiveShardsWithinOneRunOfEachOther(count: Int) {
        let runs = shardingRuns(variants: 4, seeds: 3, varied: false)
        let plan = ShardPlan(runs: runs, count: count)
        let sizes = (0..<count).map { plan.runs(of: $0).count }
        #expect(sizes.max()! == (12 + count - 1) / count)
        #expect(sizes.min()! == 12 / count)
    }

    /// The split depends on the runs' settings only, not on the order they are given in.
    @Test(arguments: runSets.indices)
    func theSplitIsDeterministicAndIndependentOfOrder(set: Int) {
        let runs = Self.runSets[set].runs
        for count in [2, 3, 7] {
            let plan = ShardPlan(runs: runs, count: count)
            #expect(plan == ShardPlan(runs: runs, count: count))
            let reversed = ShardPlan(runs: runs.reversed(), count: count)
            let byID = Dictionary(uniqueKeysWithValues: zip(runs.reversed().map(\.id), reversed.shards))
            #expect(runs.map { byID[$0.id]! } == plan.shards)
        }
    }

    /// Costs 7, 5, 4, 3, 3, 2 into 2 shards, largest first, each to the lighter shard:
    /// 7 → 0 (7, 0); 5 → 1 (7, 5); 4 → 1 (7, 9); 3 → 0 (10, 9); 3 → 1 (10, 12); 2 → 0 (12, 12).
    /// The two runs of cost 3 go in the order of their ids.
    @Test func longestFirstByHand() {
        let runs = (0..<6).map { sampleSpec(variant: "r\($0)") }
        let costs: [String: Double] = Dictionary(uniqueKeysWithValues: zip(runs.map(\.variant), [7, 5, 4, 3, 3, 2]))
        let plan = ShardPlan(runs: runs, count: 2) { costs[$0.variant]! }
        let (firstThree, secondThree) = runs[3].id < runs[4].id ? (0, 1) : (1, 0)
        #expect(plan.shards == [0, 1, 1, firstThree, secondThree, 0])
        #expect(plan.shardCosts == [12, 12])
        #expect(plan.runs(of: 0) == [0, firstThree == 0 ? 3 : 4, 5])
    }

    /// More shards than runs: the runs fill the first shards, the others are empty.
    @Test func moreShardsThanRunsLeavesTheLastShardsEmpty() {
        let runs = shardingRuns(variants: 1, seeds: 3, varied: false)
        let plan = ShardPlan(runs: runs, count: 5)
        #expect(plan.shards.sorted() == [0, 1, 2])
        #expect(plan.runs(of: 3).isEmpty && plan.runs(of: 4).isEmpty)
    }
}
