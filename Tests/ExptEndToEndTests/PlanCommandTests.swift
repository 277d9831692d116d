import ExptManifest
import ExptRunner
import Foundation
import Testing

@testable import expt

/// `expt plan`: every run with its id, expected cost and shard.
struct PlanCommandTests {
    /// The tiny manifest: 48 training spirals x 42 parameters x 3 epochs = 6048 per run (see
    /// `RunCostTests`), so two shards of two runs each.
    @Test func theTextListsEveryRunInTheManifestsOrder() throws {
        let experiment = try ManifestLoader.decode(text: storeManifest, path: "tiny.yaml")
        let runs = experiment.runs
        let plan = ShardPlan(runs: runs, count: 2)
        let rows = runs.enumerated().map { index, spec in
            "\(spec.id)  \(spec.variant.padding(toLength: 7, withPad: " ", startingAt: 0))  \(spec.seed)     6048  \(plan.shards[index])\n"
        }
        #expect(PlanListing(experiment: experiment, shards: 2).text() == """
            tiny: 4 runs in 2 shards
            id                variant  seed  cost  shard

            """ + rows.joined() + """
            shard 0: 2 runs, cost 12096 (50.0%)
            shard 1: 2 runs, cost 12096 (50.0%)

            """)
        #expect(runs.map(\.variant) == ["sgd", "sgd", "adam", "adam"])
    }

    @Test func theJSONHasTheSameRuns() throws {
        let experiment = try ManifestLoader.decode(text: storeManifest, path: "tiny.yaml")
        let text = PlanListing(experiment: experiment, shards: 3).json()
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect(object["experiment"] as? String == "tiny")
        #expect(object["shards"] as? Int == 3)
        #expect(object["shard_costs"] as? [Double] == [12096, 6048, 6048])
        let runs = object["runs"] as! [[String: Any]]
        #expect(runs.map { $0["id"] as! String } == experiment.runs.map(\.id))
        #expect(runs.map { $0["variant"] as! String } == ["sgd", "sgd", "adam", "adam"])
        #expect(runs.map { $0["seed"] as! Int } == [0, 1, 0, 1])
        #expect(runs.map { $0["cost"] as! Double } == [6048, 6048, 6048, 6048])
        #expect(runs.map { $0["shard"] as! Int } == ShardPlan(runs: experiment.runs, count: 3).shards)
        #expect(runs.allSatisfy { ($0["sweep"] as! [Any]).isEmpty })
    }

    @Test func aSweptRunShowsItsSettings() throws {
        let experiment = try ManifestLoader.decode(text: storeManifest, path: "tiny.yaml")
        var runs = experiment.runs
        runs[0].sweep = [SweepSetting(keyPath: "optimizer.lr", value: "0.1"), SweepSetting(keyPath: "train.epochs", value: "3")]
        let listing = PlanListing(experiment: experiment, runs: runs, shards: 1)
        let lines = listing.text().split(separator: "\n")
        #expect(lines[1] == "id                variant  seed  sweep                            cost  shard")
        #expect(lines[2] == "\(runs[0].id)  sgd      0     optimizer.lr=0.1,train.epochs=3  6048  0")
        #expect(lines[3] == "\(runs[1].id)  sgd      1                                      6048  0")
    }

    @Test func aShardCountBelowOneIsRefused() throws {
        #expect(throws: (any Error).self) { try Expt.parseAsRoot(["plan", "x.yaml", "--shards", "0"]) }
    }
}
