import Foundation
import Testing

@testable import ExptStore
import ExptTestSupport

@Suite struct ResultsFolderTests {
    @Test func aNewFolderGetsTheLayoutFile() throws {
        let scratch = try TemporaryFolder("runner")
        defer { scratch.remove() }
        let folder = try ResultsFolder(out: scratch.path, experimentName: "x")
        try folder.create()
        #expect(try String(contentsOfFile: folder.file("layout"), encoding: .utf8) == "expt results layout 1\n")
        try folder.create()
    }

    @Test func aFolderOfAnotherLayoutIsExplainedAndLeftAlone() throws {
        let scratch = try TemporaryFolder("runner")
        defer { scratch.remove() }
        let folder = try ResultsFolder(out: scratch.path, experimentName: "x")
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        try "expt results layout 2\n".write(toFile: folder.file("layout"), atomically: true, encoding: .utf8)
        let message = "\(folder.path) was written with another results layout (\"expt results layout 2\"); "
            + "this expt reads \"expt results layout 1\". Use the expt that wrote it, or move the folder away and run again"
        #expect(throws: StoreError(message)) { try folder.create() }
        #expect(try String(contentsOfFile: folder.file("layout"), encoding: .utf8) == "expt results layout 2\n")
    }

    @Test func storedRunsWithoutALayoutFileAreNotMisread() throws {
        let scratch = try TemporaryFolder("runner")
        defer { scratch.remove() }
        let folder = try ResultsFolder(out: scratch.path, experimentName: "x")
        try FileManager.default.createDirectory(atPath: folder.file("runs"), withIntermediateDirectories: true)
        let message = "\(folder.path) has no layout file, so it was not written by this expt (which writes layout 1); move it away or choose another --out"
        #expect(throws: StoreError(message)) { try folder.create() }
    }

    @Test func aFolderOfTheOldLayoutWithoutRunsIsAdopted() throws {
        let scratch = try TemporaryFolder("runner")
        defer { scratch.remove() }
        let folder = try ResultsFolder(out: scratch.path, experimentName: "x")
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        try "old".write(toFile: folder.file("report.md"), atomically: true, encoding: .utf8)
        try folder.create()
        try folder.checkLayout()
    }
}
