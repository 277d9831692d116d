import ExptManifest
import ExptReport
import Foundation
import Testing

@testable import expt
import ExptTestSupport

/// `expect:` through the command line: the exit code of each outcome, the report's section,
/// and the GitHub step summary.
@Suite struct ExpectationExitCodeTests {
    /// Runs the tiny manifest of `RunCommandTests` with `expect`, after replacing `old` with `new`.
    func run(expect: String, replacing old: String = "", with new: String = "") throws -> (code: Int32, report: String) {
        var manifest = RunCommandTests.manifest + "\nexpect:\n" + expect
        if !old.isEmpty { manifest = manifest.replacingOccurrences(of: old, with: new) }
        let fixture = try StoreFixture(manifest: manifest)
        defer { fixture.remove() }
        let code = try fixture.run()
        return (code, try fixture.read("report.md"))
    }

    /// Accuracies lie in [0, 1] and losses are positive, so these hold or fail whatever the training did.
    @Test func zeroWhenEveryExpectationHolds() throws {
        let result = try run(expect: "  - adam.val_accuracy >= 0\n  - sgd.val_loss > 0\n")
        #expect(result.code == 0)
        #expect(result.report.contains("2 of 2 hold"))
    }

    @Test func fiveWhenAnExpectationFails() throws {
        let result = try run(expect: "  - adam.val_accuracy > 1\n  - sgd.val_loss > 0\n")
        #expect(result.code == 5)
        #expect(result.report.contains("1 of 2 hold") && result.report.contains("- **FAILED** `adam.val_accuracy > 1.0`: "))
    }

    /// Runs that diverge take precedence over failed expectations.
    @Test func threeWhenRunsDivergeEvenIfExpectationsFail() throws {
        let result = try run(expect: "  - adam.val_accuracy > 1\n", replacing: "lr: 0.1}", with: "lr: 1.0e+30}")
        #expect(result.code == 3)
    }

    @Test func twoWhenAnExpectationIsInvalid() throws {
        let folder = try TemporaryFolder("end-to-end")
        defer { folder.remove() }
        let path = try folder.write(RunCommandTests.manifest + "\nexpect: [adamw.val_accuracy > 0]\n", to: "tiny.yaml")
        #expect(try runExpt(["validate", path]) == 2)
    }

    @Test func theStepSummaryIsAppended() throws {
        let folder = try TemporaryFolder("end-to-end")
        defer { folder.remove() }
        let summaryPath = try folder.write("earlier step\n", to: "summary.md")
        let manifestPath = try folder.write(RunCommandTests.manifest + "\nexpect: [adam.val_accuracy >= 0]\n", to: "m.yaml")
        let experiment = try ManifestLoader.load(path: manifestPath)
        let report = Report(experiment: experiment, records: [], context: ReportContext(
            date: "d", exptVersion: "v", command: "c", machine: "m", jobs: 1))
        try StepSummary.append(report, environment: ["GITHUB_STEP_SUMMARY": summaryPath])
        let text = try String(contentsOfFile: summaryPath, encoding: .utf8)
        #expect(text == "earlier step\n" + report.stepSummary() + "\n")
        #expect(text.contains("# tiny\n\n## Comparison\n") && text.contains("## Expectations"))
        // Unset or empty: nothing is written anywhere.
        try StepSummary.append(report, environment: ["GITHUB_STEP_SUMMARY": ""])
        try StepSummary.append(report, environment: [:])
        #expect(try String(contentsOfFile: summaryPath, encoding: .utf8) == text)
    }
}
