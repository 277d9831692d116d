import Foundation
import Testing

@testable import ExptReport
@testable import ExptStore

/// The report's files are replaced as one set: a write that fails leaves the old set whole.
@Suite struct ReportSetReplacementTests {
    static func scratchDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("expt-report-set-\(UUID().uuidString)").path
    }

    static func contents(_ directory: String) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: directory) {
            var isDirectory: ObjCBool = false
            let path = directory + "/" + name
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[name] = try String(contentsOfFile: path, encoding: .utf8)
        }
        return files
    }

    @Test func aFailedWriteLeavesTheOldReportWhole() throws {
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let old = Report(experiment: Fixture.experiment(), records: [], context: Fixture.context)
        try old.write(to: directory)
        let before = try Self.contents(directory)

        // The disk fills up at the fourth file: summary.csv, metrics.csv and variants.csv are written.
        var written: [String] = []
        #expect {
            try Fixture.report.write(to: directory) { (text: String, path: String) throws(AtomicWrite.Failure) in
                guard written.count < 3 else { throw AtomicWrite.Failure(path: path, operation: "write", reason: "No space left on device") }
                written.append((path as NSString).lastPathComponent)
                try AtomicWrite.write(text, to: path)
            }
        } throws: { error in
            (error as? AtomicWrite.Failure)?.description == "cannot write \(directory)/.report-new/manifest.yaml: write: No space left on device"
        }
        #expect(written == ["summary.csv", "metrics.csv", "variants.csv"])
        #expect(try Self.contents(directory) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
                == ["manifest.yaml", "metrics.csv", "report.html", "report.md", "summary.csv", "variants.csv"])
    }

    @Test func chartsNoLongerDrawnAreRemoved() throws {
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Fixture.report.write(to: directory)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/charts").count == 4)

        try Report(experiment: Fixture.experiment(), records: [], context: Fixture.context).write(to: directory)
        #expect(!FileManager.default.fileExists(atPath: directory + "/charts"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
                == ["manifest.yaml", "metrics.csv", "report.html", "report.md", "summary.csv", "variants.csv"])
    }
}
