import Foundation
import Testing

/// `expt run` of an experiment whose runs are all stored trains nothing and changes no byte
/// of the results folder (a fresh clone stays clean after its first command).
@Suite struct RunTwiceTests {
    @Test func theSecondRunChangesNoByteOfTheFolder() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        #expect(try fixture.run() == 0)
        let first = try folderSnapshot(fixture.folder.path)
        // A later second, so that a date written anew would differ.
        sleep(1)
        #expect(try fixture.run() == 0)
        #expect(try folderSnapshot(fixture.folder.path) == first)
        #expect(first.keys.contains("context.json") && first.keys.contains("data.json"))
    }
}
