import ExptManifest
@testable import ExptStore
import Foundation
import Testing

@testable import ExptRunner
@testable import expt

/// How `expt run` reports progress, its closing summary, and `--fail-fast`.
@Suite struct ProgressTests {
    @Test(arguments: [
        (false, [String: String](), true, ProgressDisplay.Mode.live),
        (false, [:], false, .lines),
        (false, ["CI": "true"], true, .lines),
        (false, ["CI": "false"], true, .live),
        (true, [:], true, .quiet),
        (true, ["CI": "true"], false, .quiet),
    ])
    func theModeFollowsTheTerminalCIAndQuiet(quiet: Bool, environment: [String: String], terminal: Bool,
                                              expected: ProgressDisplay.Mode) {
        #expect(ProgressDisplay.mode(quiet: quiet, environment: environment, standardErrorIsTerminal: terminal) == expected)
    }

    @Test(arguments: [(0.4, "0s"), (42, "42s"), (59.6, "1m00s"), (185, "3m05s"), (3720, "1h02m"), (.nan, "?"), (-1, "?")])
    func etaIsShortAndReadable(seconds: Double, expected: String) {
        #expect(ProgressDisplay.duration(seconds) == expected)
    }

    /// One complete run, one that ended otherwise (a diverged one, or one interrupted after a
    /// signal), and the runs without a result.
    @Test(arguments: [
        (RunStatus.diverged(step: 3), 1, ExperimentRunner.BatchSummary(reused: 1, trained: 1),
         "3 runs: 1 complete, 1 diverged, 1 without a result (trained 1, reused 1)"),
        (.interrupted(step: 7), 2, .init(reused: 0, trained: 2),
         "4 runs: 1 complete, 1 interrupted, 2 without a result (trained 2, reused 0)"),
    ])
    func theClosingSummaryCountsEveryDeclaredRun(ended: RunStatus, missing: Int, batch: ExperimentRunner.BatchSummary,
                                                 expected: String) throws {
        let spec = RunSpec(variant: "sgd", seed: 0, config: try ManifestLoader.decode(text: storeManifest, path: "x.yaml").variants[0].config)
        var results = StoredResults()
        results.records = [
            RunRecord(spec: spec, status: .complete, epochs: [], seconds: 1),
            RunRecord(spec: spec, status: ended, epochs: [], seconds: 1),
        ]
        results.missing = Array(repeating: spec, count: missing)
        #expect(batchSummary(results: results, batch: batch) == expected)
    }

    @Test func failFastStopsAfterTheFirstDivergedRun() throws {
        // sgd diverges at once; without --fail-fast all four runs are trained.
        let fixture = try StoreFixture(manifest: storeManifest.replacingOccurrences(of: "lr: 0.1}", with: "lr: 1.0e+30}"))
        defer { fixture.remove() }
        #expect(try fixture.run(["--fail-fast"]) == 3)
        let stored = fixture.folder.results(for: fixture.experiment)
        #expect(stored.records.map(\.spec.variant) == ["sgd"])
        #expect(stored.records.allSatisfy { $0.status.isDivergedOrFailed })
        #expect(stored.missing.count == 3)
        #expect(try fixture.read("report.md").contains("## Runs not trained yet"))

        #expect(try fixture.run() == 3)
        #expect(fixture.folder.results(for: fixture.experiment).records.count == 4)
    }
}

/// How a run is named in progress lines and notes.
@Suite struct RunLabelTests {
    @Test func aSweptRunNamesItsPoint() throws {
        var spec = try ManifestLoader.decode(text: storeManifest, path: "x.yaml").runs[0]
        #expect(spec.label == "sgd seed 0")
        spec.sweep = [SweepSetting(keyPath: "optimizer.lr", value: "0.01"), SweepSetting(keyPath: "train.batch_size", value: "32")]
        #expect(spec.label == "sgd [optimizer.lr=0.01, train.batch_size=32] seed 0")
    }
}
