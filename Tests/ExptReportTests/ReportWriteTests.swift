import Foundation
import Testing
import ExptReport
import ExptStore
import ExptTestSupport

@Suite struct ReportWriteTests {
    @Test func writesTheFiveFilesAndNoTemporaries() throws {
        let scratch = try TemporaryFolder("report")
        defer { scratch.remove() }
        let directory = scratch.file("results/demo")
        let report = Fixture.report
        try report.write(to: directory)  // creates results/demo and its parents
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(names == ["charts", "manifest.yaml", "metrics.csv", "report.html", "report.md", "summary.csv", "variants.csv"])
        let charts = try FileManager.default.contentsOfDirectory(atPath: directory + "/charts").sorted()
        #expect(charts == ["lr.svg", "train_loss.svg", "val_accuracy.svg", "val_loss.svg"])
        func read(_ name: String) throws -> String { try String(contentsOfFile: directory + "/" + name, encoding: .utf8) }
        #expect(try read("summary.csv") == report.summaryCSV())
        #expect(try read("metrics.csv") == report.metricsCSV())
        #expect(try read("variants.csv") == report.variantsCSV())
        #expect(try read("report.md") == report.markdown())
        #expect(try read("manifest.yaml") == "name: demo\nseeds: [0, 1]\n")
    }

    @Test func rewritingReplacesTheFiles() throws {
        let scratch = try TemporaryFolder("report")
        defer { scratch.remove() }
        let directory = scratch.file("results/demo")
        try Report(experiment: Fixture.experiment(), records: [], context: Fixture.context).write(to: directory)
        try Fixture.report.write(to: directory)
        #expect(try String(contentsOfFile: directory + "/summary.csv", encoding: .utf8) == Fixture.report.summaryCSV())
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).count == 7)
    }

    @Test func failureNamesThePath() throws {
        let scratch = try TemporaryFolder("report")
        defer { scratch.remove() }
        let directory = scratch.file("results/demo")
        // A directory where summary.csv should go: the rename over it fails.
        try FileManager.default.createDirectory(atPath: directory + "/summary.csv", withIntermediateDirectories: true)
        #expect {
            try Fixture.report.write(to: directory)
        } throws: { error in
            (error as? AtomicWrite.Failure)?.description.hasPrefix("cannot write \(directory)/summary.csv: rename: ") == true
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["summary.csv"])
    }

    @Test func currentContextDescribesThisMachine() {
        let context = ReportContext.current(exptVersion: "0.1.0", command: "expt run x.yaml", jobs: 1)
        #expect(context.date.count == 20 && context.date.hasSuffix("Z"))
        #expect(context.machine.hasSuffix("\(ProcessInfo.processInfo.activeProcessorCount) CPUs"))
    }
}
