import ExptManifest
import ExptStore
import Foundation
import Synchronization
import Testing

@testable import ExptRunner
import ExptTestSupport

/// The data cache keeps a data setting only while runs still need it: each setting is loaded
/// when its first run starts and dropped after its last one, and a batch holds at most as
/// many settings as runs train at once.
@Suite struct DataCacheTests {
    /// The tiny manifest (`storeManifest`: sgd and adam, seeds 0 and 1) with the data seed swept
    /// over three points: twelve runs over three data settings, in manifest order sgd's six runs
    /// (point 0, 0, 1, 1, 2, 2), then adam's six.
    static let sweep = storeManifest.replacingOccurrences(of: "variants:", with: "sweep:\n  grid: {data.seed: [5, 6, 7]}\nvariants:")

    static func experiment() throws -> Experiment {
        try ManifestLoader.decode(text: sweep, path: "x.yaml")
    }

    @Test func anEntryIsDroppedAfterItsLastExpectedRun() throws {
        let runs = try Self.experiment().runs
        let pointFive = runs.filter { $0.config.data.seed == 5 }
        #expect(pointFive.count == 4)
        let cache = DataCache()
        cache.expect(pointFive)
        _ = cache.splits(for: pointFive[0].config.data)
        #expect(cache.entries == 1 && cache.loads == 1)
        cache.release(pointFive[0..<3])
        // One run to come: the entry stays, and asking again loads nothing.
        _ = cache.splits(for: pointFive[3].config.data)
        #expect(cache.entries == 1 && cache.loads == 1)
        cache.release([pointFive[3]])
        #expect(cache.entries == 0)
        // Asked for again without being expected (a run trained alone): loaded again, and kept.
        _ = cache.splits(for: pointFive[0].config.data)
        cache.release([pointFive[0]])
        #expect(cache.entries == 1 && cache.loads == 2)
    }

    @Test func runsSharingTheirDataTrainOneAfterAnother() throws {
        let runs = try Self.experiment().runs
        #expect(runs.map(\.config.data.seed) == [5, 5, 6, 6, 7, 7, 5, 5, 6, 6, 7, 7])
        let grouped = runs.groupedByData()
        #expect(grouped.map(\.config.data.seed) == [5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7])
        #expect(grouped.map(\.variant) == ["sgd", "sgd", "adam", "adam", "sgd", "sgd", "adam", "adam", "sgd", "sgd", "adam", "adam"])
        #expect(grouped.map(\.seed) == [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1])
        // A single data setting keeps the manifest's order.
        let single = runs.filter { $0.config.data.seed == 6 }
        #expect(single.groupedByData() == single)
    }

    /// In manifest order every point's data would stay from sgd's runs until adam's: three at
    /// once. Grouped, one job holds one setting at a time, two jobs at most two, and none is
    /// left when the batch ends.
    @Test(arguments: [1, 2])
    func aBatchHoldsAtMostOneSettingPerJob(jobs: Int) throws {
        let folder = try TemporaryFolder("end-to-end")
        defer { folder.remove() }
        let experiment = try Self.experiment()
        let cache = DataCache()
        let results = try ResultsFolder(out: folder.path, experimentName: experiment.name)
        let summary = try ExperimentRunner().run(experiment, into: results, data: cache, jobs: jobs)
        #expect(summary.trained == 12)
        #expect(cache.loads == 3)
        #expect(cache.peakEntries >= 1 && cache.peakEntries <= jobs)
        #expect(cache.entries == 0)
    }

    @Test func aBatchThatStopsEarlyReleasesTheRunsItNeverTrained() throws {
        let folder = try TemporaryFolder("end-to-end")
        defer { folder.remove() }
        let experiment = try Self.experiment()
        let cache = DataCache()
        let results = try ResultsFolder(out: folder.path, experimentName: experiment.name)
        // Stops once the third run is stored: three trained (all on data seed 5), nine never handed out.
        let stop = Mutex(false)
        let summary = try ExperimentRunner().run(
            experiment, into: results, data: cache, shouldStop: { stop.withLock { $0 } },
            progress: { index, _, _ in if index == 3 { stop.withLock { $0 = true } } })
        #expect(summary.stopped && summary.trained == 3)
        #expect(cache.entries == 0 && cache.loads == 1)
    }

    @Test func checkingTheFilesOfGeneratedDataRecordsNothing() throws {
        #expect(try RecordedData.reading(Self.experiment()) == RecordedData(datasets: []))
    }
}
