import ExptManifest
@testable import ExptRunner
@testable import ExptStore
import Testing
@testable import expt

/// The closing line after an interrupt counts the interrupted run.
struct InterruptedSummaryTests {
    @Test func anInterruptedRunIsCounted() throws {
        let spec = RunSpec(variant: "sgd", seed: 0, config: try ManifestLoader.decode(text: storeManifest, path: "x.yaml").variants[0].config)
        var results = StoredResults()
        results.records = [
            RunRecord(spec: spec, status: .complete, epochs: [], seconds: 1),
            RunRecord(spec: spec, status: .interrupted(step: 7), epochs: [], seconds: 1),
        ]
        results.missing = [spec, spec]
        #expect(batchSummary(results: results, batch: .init(reused: 0, trained: 2))
                == "4 runs: 1 complete, 1 interrupted, 2 without a result (trained 2, reused 0)")
    }
}
