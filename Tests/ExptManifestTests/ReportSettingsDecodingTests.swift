import Testing
@testable import ExptManifest

/// `report:`: what the results folder holds beyond the report, and its messages word for word.
/// Each case adds one line (line 12) after the top-level optimizer of ``baseManifest``.
struct ReportSettingsDecodingTests {
    static let anchor = "optimizer: {name: sgd, lr: 0.1}"

    static func decoded(_ line: String?) throws -> Experiment {
        try ManifestLoader.decode(text: line.map { edit(baseManifest, anchor, anchor + "\n" + $0) } ?? baseManifest, path: "x.yaml")
    }

    @Test func tensorboardIsOffUnlessAsked() throws {
        #expect(try Self.decoded(nil).report == ReportSettings(tensorboard: false))
        #expect(try Self.decoded("report: {}").report == ReportSettings(tensorboard: false))
        #expect(try Self.decoded("report: {tensorboard: false}").report == ReportSettings(tensorboard: false))
        #expect(try Self.decoded("report: {tensorboard: true}").report == ReportSettings(tensorboard: true))
    }

    /// The report's settings are no run's: the runs (and so their ids) are those of the manifest without them.
    @Test func theRunsDoNotDependOnIt() throws {
        #expect(try Self.decoded("report: {tensorboard: true}").runs == Self.decoded(nil).runs)
    }

    @Test func theSchemaListsTheKeysTheDecoderReads() {
        #expect(ManifestSchema.report.keys == ManifestDecoder.reportKeys)
    }

    static let cases: [ErrorCase] = [
        ErrorCase("tensorboard not a bool", replacing: anchor, with: anchor + "\n" + "report: {tensorboard: 1}", #"""
            x.yaml:12:23: error: report.tensorboard: expected true or false, found 1
            report: {tensorboard: 1}
                                  ^
            """#),
        ErrorCase("unknown report key", replacing: anchor, with: anchor + "\n" + "report: {tensorbord: true}", #"""
            x.yaml:12:10: error: report.tensorbord: unknown key "tensorbord"; did you mean "tensorboard"?
            report: {tensorbord: true}
                     ^
            """#),
        ErrorCase("report as a scalar", replacing: anchor, with: anchor + "\n" + "report: tensorboard", #"""
            x.yaml:12:9: error: report: expected a mapping, found "tensorboard"
            report: tensorboard
                    ^
            """#),
    ]

    @Test(arguments: cases)
    func message(_ errorCase: ErrorCase) {
        #expect(errorText(errorCase.text) == errorCase.expected)
    }
}
