import ArgumentParser
import ExptManifest
import Testing

@testable import expt

/// `expt plan --shards N` past the limit is a usage error (exit 64); at the limit, a listing of
/// one line per shard, most of them empty.
struct ShardCountLimitTests {
    @Test(arguments: ["9223372036854775807", "100000000", "100001"])
    func aShardCountPastTheLimitIsAUsageError(count: String) {
        do {
            _ = try Expt.Plan.parse(["m.yaml", "--shards", count])
            Issue.record("--shards \(count) was accepted")
        } catch {
            #expect(Expt.Plan.message(for: error) == "expected a shard count of at most 100000, found \(count)")
            #expect(Expt.Plan.exitCode(for: error) == .validationFailure)
        }
    }

    /// The tiny manifest's 4 runs of cost 6048 in 100,000 shards: one run in each of the first 4.
    @Test func fourRunsInTheLargestNumberOfShards() throws {
        let experiment = try ManifestLoader.decode(text: storeManifest, path: "tiny.yaml")
        let lines = PlanListing(experiment: experiment, shards: 100_000).text().split(separator: "\n")
        #expect(lines.first == "tiny: 4 runs in 100000 shards")
        #expect(lines.count == 1 + 1 + 4 + 100_000)
        #expect(lines[6] == "shard 0: 1 run, cost 6048 (25.0%)")
        #expect(lines[9] == "shard 3: 1 run, cost 6048 (25.0%)")
        #expect(lines.last == "shard 99999: 0 runs, cost 0 (0.0%)")
    }
}
