import ExptManifest
import ExptRunner
import ExptStore
import Foundation
import Testing

/// The built `expt` stopped by a signal part-way through a batch, then resumed. One case at a
/// time, and waiting with blocking sleeps, so no other test starves the wait for the moment
/// to send the signal.
@Suite(.serialized) struct SignalTests {
    /// A quick run (40 steps), a long one (20 000 steps: seconds in a debug build, so still in
    /// flight when the signal comes 0.2 s after the quick run is stored), and one never started.
    /// The long run is as short as that allows: the resumed batch trains it in full.
    static let manifest = """
        name: signals
        seeds: [0]
        data: {dataset: spirals, samples: 400}
        model:
          - {dense: 8, activation: relu}
          - {dense: 2}
        train: {epochs: 2, batch_size: 16}
        optimizer: {name: sgd, lr: 0.1}
        variants:
          quick: {}
          long:
            train: {epochs: 1000}
          later: {}
        """

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143)), (SIGKILL, Int32(-1))])
    func aSignalStopsTheRunInFlightAndTheNextRunContinues(signal: Int32, exitCode: Int32) throws {
        let fixture = try StoreFixture(manifest: Self.manifest)
        defer { fixture.remove() }
        let process = fixture.process()
        try process.run()

        // Wait for the quick run to be stored, then give the long one time to start.
        let quickStatus = fixture.runFolder(0) + "/status.json"
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: quickStatus) && Date() < deadline {
            usleep(10_000)
        }
        usleep(200_000)
        // Meanwhile the folder is locked, in the name of the process that trains.
        let busy = StoreError("\(fixture.folder.path) is in use by another expt process (pid \(process.processIdentifier)); "
                              + "wait for it to end, or pass --wait to queue behind it", isBusy: true)
        #expect(throws: busy) { try FolderLock(folder: fixture.folder.path, wait: false) }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()

        let results = fixture.folder.results(for: fixture.experiment)
        #expect(results.records.first?.status == .complete)
        if signal == SIGKILL {
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
            // Killed at once: the long run left nothing usable, and no report was written.
            #expect(results.records.count == 1)
            #expect(results.missing.map(\.variant) == ["long", "later"])
        } else {
            #expect(process.terminationReason == .exit && process.terminationStatus == exitCode)
            guard results.records.count == 2, case .interrupted(let step) = results.records[1].status else {
                Issue.record("the long run was not stored as interrupted: \(results.records.map(\.status))")
                return
            }
            #expect(step > 0 && step < 1000 * 20)
            #expect(results.missing.map(\.variant) == ["later"])
            let report = try fixture.read("report.md")
            #expect(report.contains("- **long**, seed 0: interrupted at step \(step), after \(results.records[1].epochs.count) of 1000 epochs\n"))
            #expect(report.contains("1 of 3 declared runs have no result;"))
            #expect(report.contains("- **later**, seed 0\n"))
        }

        // The next run keeps the quick run and trains the other two.
        let inode = try fixture.statusInode(0)
        #expect(try ExperimentRunner().run(fixture.experiment, into: fixture.folder)
                == ExperimentRunner.BatchSummary(reused: 1, trained: 2, stopped: false))
        #expect(try fixture.statusInode(0) == inode)
        #expect(fixture.folder.results(for: fixture.experiment).records.map(\.status) == [.complete, .complete, .complete])
    }
}
