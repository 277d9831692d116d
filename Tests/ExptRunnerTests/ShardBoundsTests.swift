import Testing

@testable import ExptRunner

/// Shard counts are bounded, and planning costs O(runs log shards), whatever the count.
struct ShardBoundsTests {
    static let refused: [(argument: String, environment: [String: String], message: String)] = [
        ("0/9223372036854775807", [:],
         #"--shard "0/9223372036854775807": expected a shard count of at most 100000, found 9223372036854775807"#),
        ("0/100001", [:], #"--shard "0/100001": expected a shard count of at most 100000, found 100001"#),
        ("auto/9223372036854775807", [:],
         #"--shard "auto/9223372036854775807": expected a shard count of at most 100000, found 9223372036854775807"#),
        ("0/99999999999999999999", [:],
         #"--shard "0/99999999999999999999": expected I/N (shard I of N, numbered from 0, e.g. 0/4), auto/N or auto"#),
        ("auto", ["EXPT_SHARD_INDEX": "0", "EXPT_SHARD_COUNT": "100000000"],
         "--shard auto: EXPT_SHARD_COUNT is 100000000, expected at most 100000"),
    ]

    @Test(arguments: refused)
    func aShardCountPastTheLimitIsRefused(argument: String, environment: [String: String], message: String) {
        #expect(throws: ShardError(message)) {
            try ShardArgument(parsing: argument).resolve(environment: environment)
        }
    }

    @Test func theLargestCountIsAccepted() throws {
        let shard = try ShardArgument(parsing: "99999/100000").resolve(environment: [:])
        #expect(shard.description == "99999/100000")
    }

    /// Two runs in 100,000 shards: each run in its own shard, the others empty.
    @Test func moreShardsThanRuns() {
        let runs = [sampleSpec(seed: 0), sampleSpec(seed: 1)]
        let costs = [runs[0].id: 2.0, runs[1].id: 1.0]
        let plan = ShardPlan(runs: runs, count: 100_000) { costs[$0.id]! }
        #expect(plan.shards == [0, 1])
        let counts = plan.runCounts
        #expect(counts.count == 100_000)
        #expect(counts[0] == 1 && counts[1] == 1 && counts.reduce(0, +) == 2)
        #expect(plan.shardCosts[0] == 2 && plan.shardCosts[1] == 1 && plan.shardCosts[2] == 0)
    }

    /// Largest first, each to the lightest shard, the lowest-numbered among equals: costs
    /// 8 7 6 5 4 3 2 in 3 shards go 0 1 2 2 1 0 0 (loads 8 7 6, 8 7 11, 8 11 11, 11 11 11, 13 11 11).
    @Test func theLightestShardIsTheLowestNumberedAmongEquals() {
        let runs = (0..<7).map { sampleSpec(seed: UInt64($0)) }
        let cost = Dictionary(uniqueKeysWithValues: runs.enumerated().map { ($1.id, Double(8 - $0)) })
        let plan = ShardPlan(runs: runs, count: 3) { cost[$0.id]! }
        #expect(plan.shards == [0, 1, 2, 2, 1, 0, 0])
        #expect(plan.shardCosts == [13, 11, 11])
        #expect(plan.runCounts == [3, 2, 2])
    }

    /// Runs that cost nothing leave every load at 0, so all go to shard 0.
    @Test func runsOfNoCostAllGoToShardZero() {
        let runs = (0..<3).map { sampleSpec(seed: UInt64($0)) }
        let plan = ShardPlan(runs: runs, count: 5) { _ in 0 }
        #expect(plan.shards == [0, 0, 0])
        #expect(plan.runCounts == [3, 0, 0, 0, 0])
    }
}
