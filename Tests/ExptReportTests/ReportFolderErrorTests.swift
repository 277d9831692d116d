import ExptReport
import ExptStore
import ExptTestSupport
import Foundation
import Testing

/// A report written where a file stands in the way: the error names the file, in expt's words,
/// and nothing is written.
@Suite struct ReportFolderErrorTests {
    @Test func aFileInThePathIsNamed() throws {
        let scratch = try TemporaryFolder("report")
        defer { scratch.remove() }
        try Data("x".utf8).write(to: URL(fileURLWithPath: scratch.file("out")))
        #expect {
            try Fixture.report.write(to: scratch.file("out/demo"))
        } throws: { error in
            (error as? AtomicWrite.Failure)?.description
                == "cannot write \(scratch.file("out/demo")): create the folder: \(scratch.file("out")) is a file, not a folder"
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["out"])
    }
}
