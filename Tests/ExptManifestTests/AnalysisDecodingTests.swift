import ExptEngine
import Testing
@testable import ExptManifest

/// `analysis:`: what it decodes to, and its messages word for word. Each error case adds one
/// line (line 12) after the top-level optimizer of ``baseManifest``.
struct AnalysisDecodingTests {
    static let anchor = "optimizer: {name: sgd, lr: 0.1}"

    static func decode(_ line: String) throws -> Experiment {
        try ManifestLoader.decode(text: edit(baseManifest, anchor, anchor + "\n" + line), path: "x.yaml")
    }

    /// Every variant gets the analysis, with the defaults for the keys it leaves out.
    @Test func everyVariantMeasuresWithTheDefaults() throws {
        let experiment = try Self.decode("analysis: {sharpness: {iterations: 5}, interpolate: {}}")
        let expected = AnalysisConfig(sharpness: SharpnessSettings(examples: 1000, iterations: 5, every: 0),
                                      interpolation: InterpolationSettings(points: 25, from: -0.5, to: 1.5))
        #expect(experiment.variants.map(\.config.analysis) == [expected, expected])
        #expect(experiment.runs.map(\.config.analysis) == [expected, expected])
    }

    /// `analysis: {}` measures nothing: the runs' settings, and so their ids, stay as without it.
    @Test func anEmptyAnalysisLeavesTheRunsAlone() throws {
        let experiment = try Self.decode("analysis: {}")
        let plain = try ManifestLoader.decode(text: baseManifest, path: "x.yaml")
        #expect(experiment.runs.map(\.config) == plain.runs.map(\.config))
        #expect(experiment.variants.allSatisfy { $0.config.analysis == nil })
    }

    /// α from −0.5 to 1.5 in 5 points: steps of 2 / 4 = 0.5.
    @Test func interpolationPoints() {
        #expect(InterpolationSettings(points: 5, from: -0.5, to: 1.5).alphas == [-0.5, 0, 0.5, 1, 1.5])
    }

    static let cases: [ErrorCase] = [
        ErrorCase("unknown analysis", replacing: anchor, with: anchor + "\n" + "analysis: {sharpnes: {}}", #"""
            x.yaml:12:12: error: analysis.sharpnes: unknown key "sharpnes"; did you mean "sharpness"?
            analysis: {sharpnes: {}}
                       ^
            """#),
        ErrorCase("sharpness values", replacing: anchor, with: anchor + "\n" + "analysis: {sharpness: {examples: 0, iterations: 1001, every: -1}}", #"""
            x.yaml:12:34: error: analysis.sharpness.examples: expected a positive integer, found 0
            analysis: {sharpness: {examples: 0, iterations: 1001, every: -1}}
                                             ^
            x.yaml:12:49: error: analysis.sharpness.iterations: expected a positive integer up to 1000, found 1001
            analysis: {sharpness: {examples: 0, iterations: 1001, every: -1}}
                                                            ^
            x.yaml:12:62: error: analysis.sharpness.every: expected a non-negative integer, found -1
            analysis: {sharpness: {examples: 0, iterations: 1001, every: -1}}
                                                                         ^
            """#),
        ErrorCase("interpolation values", replacing: anchor, with: anchor + "\n" + "analysis: {interpolate: {points: 1, from: low}}", #"""
            x.yaml:12:34: error: analysis.interpolate.points: expected an integer of at least 2, found 1
            analysis: {interpolate: {points: 1, from: low}}
                                             ^
            x.yaml:12:43: error: analysis.interpolate.from: expected a number, found "low"
            analysis: {interpolate: {points: 1, from: low}}
                                                      ^
            """#),
        ErrorCase("interpolation backwards", replacing: anchor, with: anchor + "\n" + "analysis: {interpolate: {from: 1, to: 0}}", #"""
            x.yaml:12:39: error: analysis.interpolate.to: expected a number greater than from (1.0), found 0
            analysis: {interpolate: {from: 1, to: 0}}
                                                  ^
            """#),
        ErrorCase("interpolation from beyond the default to", replacing: anchor, with: anchor + "\n" + "analysis: {interpolate: {from: 2}}", #"""
            x.yaml:12:25: error: analysis.interpolate: expected a number greater than from (2.0), found the default 1.5
            analysis: {interpolate: {from: 2}}
                                    ^
            """#),
        ErrorCase("sharpness with dropout", text: edit(edit(baseManifest, "  - dense: 3", "  - dropout: 0.5\n  - dense: 3"),
                                                        anchor, anchor + "\nanalysis: {sharpness: {}}"), #"""
            x.yaml:13:23: error: analysis.sharpness: expected a model without dropout and batchnorm for sharpness (their training-mode gradients are random or move running statistics), found dropout in variant sgd
            analysis: {sharpness: {}}
                                  ^
            """#),
    ]

    @Test(arguments: cases)
    func message(_ errorCase: ErrorCase) {
        #expect(errorText(errorCase.text) == errorCase.expected)
    }
}
