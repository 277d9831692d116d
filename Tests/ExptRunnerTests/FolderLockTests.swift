import Foundation
import Testing

@testable import ExptStore
import ExptTestSupport

@Suite struct FolderLockTests {
    @Test func aSecondLockIsRefusedAtOnceNamingTheHolder() throws {
        let scratch = try TemporaryFolder("runner")
        defer { scratch.remove() }
        let first = try FolderLock(folder: scratch.path, wait: false)
        // flock(2) locks belong to an open file, so a second open in the same process conflicts too.
        let expected = StoreError(
            "\(scratch.path) is in use by another expt process (pid \(getpid())); wait for it to end, or pass --wait to queue behind it",
            isBusy: true)
        #expect(throws: expected) { try FolderLock(folder: scratch.path, wait: false) }
        first.release()
        let second = try FolderLock(folder: scratch.path, wait: false)
        second.release()
    }

    @Test func aWaitingLockGetsTheFolderWhenTheHolderReleasesIt() async throws {
        let scratch = try TemporaryFolder("runner")
        defer { scratch.remove() }
        let first = try FolderLock(folder: scratch.path, wait: false)
        let path = scratch.path
        let waiter = Task.detached { () -> Bool in
            let lock = try FolderLock(folder: path, wait: true)
            lock.release()
            return true
        }
        try await Task.sleep(for: .milliseconds(100))
        first.release()
        #expect(try await waiter.value)
    }
}
