import ExptStore
import ExptManifest
import Foundation
import Testing

@testable import ExptRunner

/// `expt run --jobs 2` over runs that ask for different `train.threads`: they train side by side,
/// each on its own threads, within the cores, and store what each stores when trained alone.
@Suite struct JobsWithThreadsTests {
    /// One run with 1 thread, one with 2; the 256 x 256 products are large enough to be shared out.
    static let manifest = """
        name: threads
        seeds: [3]
        data: {dataset: spirals, samples: 96, noise: 0.1}
        model: [{dense: 256, activation: relu}, {dense: 256, activation: relu}, {dense: 2}]
        optimizer: {name: sgd, lr: 0.05}
        train: {epochs: 2, batch_size: 64}
        variants:
          one: {train: {threads: 1}}
          two: {train: {threads: 2}}
        """

    /// The stored epochs of every run of `fixture`, without their clock readings.
    static func storedEpochs(_ fixture: StoreFixture) throws -> [[EpochMetrics]] {
        try fixture.experiment.runs.map { spec in
            guard case .stored(let record, _) = fixture.folder.runs.load(spec) else {
                throw CocoaError(.fileReadNoSuchFile)
            }
            return record.epochs.map { epoch in
                var timeless = epoch
                timeless.elapsedSeconds = 0
                return timeless
            }
        }
    }

    @Test func twoJobsWithOneAndTwoThreadsStoreWhatEachStoresAlone() throws {
        let alone = try StoreFixture(manifest: Self.manifest)
        defer { alone.remove() }
        #expect(alone.experiment.runs.map(\.config.train.threads) == [1, 2])
        // One job: each run trains alone, one after the other.
        _ = try ExperimentRunner().run(alone.experiment, into: alone.folder, jobs: 1)
        let together = try StoreFixture(manifest: Self.manifest)
        defer { together.remove() }
        // Three cores hold both runs' threads: 1 + 2.
        #expect(ExperimentRunner.concurrency(jobs: 2, runs: together.experiment.runs, cores: 3) == 2)
        let summary = try ExperimentRunner().run(together.experiment, into: together.folder, jobs: 2, cores: 3)
        #expect(summary == ExperimentRunner.BatchSummary(reused: 0, trained: 2))
        let epochs = try Self.storedEpochs(together)
        #expect(epochs.map(\.count) == [2, 2])
        #expect(epochs == (try Self.storedEpochs(alone)))
    }

    /// The queue starts a run when its threads fit beside those in flight: 1 + 2 threads in 3
    /// cores at once, the second run without waiting for the first to end.
    @Test func theQueueStartsRunsWhoseThreadsFitTogether() throws {
        let fixture = try StoreFixture(manifest: Self.manifest)
        defer { fixture.remove() }
        let queue = RunQueue(pending: fixture.experiment.runs, summary: .init(), cores: 3)
        let first = queue.take(shouldStop: { false }, started: { _, _, _ in })
        let second = queue.take(shouldStop: { false }, started: { _, _, _ in })
        #expect(first?.0 == 0 && second?.0 == 1)
    }

    /// In 2 cores the 2-thread run starts only after the 1-thread run has ended; a run that asks
    /// for more threads than there are cores still starts when nothing else trains.
    @Test func theQueueKeepsTheThreadsInFlightWithinTheCores() async throws {
        let fixture = try StoreFixture(manifest: Self.manifest)
        defer { fixture.remove() }
        let queue = RunQueue(pending: fixture.experiment.runs, summary: .init(), cores: 2)
        let events = Events()
        let record = { (index: Int) in RunRecord(spec: fixture.experiment.runs[index], status: .complete, epochs: [], seconds: 0) }
        _ = queue.take(shouldStop: { false }, started: { index, _, _ in events.add("started \(index)") })
        let waiting = Task.detached {
            queue.take(shouldStop: { false }, started: { index, _, _ in events.add("started \(index)") })?.0
        }
        queue.finish(record(0), at: 0, failFast: false) { index, _, _ in events.add("finished \(index)") }
        #expect(await waiting.value == 1)
        #expect(events.all == ["started 1", "finished 1", "started 2"])

        let wide = RunQueue(pending: Array(fixture.experiment.runs.suffix(1)), summary: .init(), cores: 1)
        #expect(wide.take(shouldStop: { false }, started: { _, _, _ in })?.0 == 0)
    }

    /// What the queue's callbacks told, in order (they run under the queue's lock).
    final class Events: @unchecked Sendable {
        private(set) var all: [String] = []
        func add(_ event: String) { all.append(event) }
    }
}
