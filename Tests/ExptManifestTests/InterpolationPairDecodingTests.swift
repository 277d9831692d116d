import Testing
@testable import ExptManifest

/// `analysis.interpolate.between`: the pairs it decodes to, and its messages word for word. Each
/// case adds one line (line 12) after the top-level optimizer of ``baseManifest`` (variants sgd, adam).
struct InterpolationPairDecodingTests {
    static let anchor = AnalysisDecodingTests.anchor

    /// The pair is the experiment's; its variants store their final weights, which leaves the run ids alone.
    @Test func aPairMakesBothVariantsStoreTheirFinalWeights() throws {
        let experiment = try AnalysisDecodingTests.decode("analysis: {interpolate: {between: [[adam, sgd]]}}")
        #expect(experiment.interpolationPairs == [VariantPair("adam", "sgd")])
        #expect(experiment.runs.map(\.config.train.saveWeights) == [[.final], [.final]])
        let unpaired = try AnalysisDecodingTests.decode("analysis: {interpolate: {}}")
        #expect(unpaired.interpolationPairs == [])
        #expect(experiment.runs.map(\.id) == unpaired.runs.map(\.id))
    }

    static func line(_ between: String) -> String {
        anchor + "\n" + "analysis: {interpolate: {between: \(between)}}"
    }

    static let cases: [ErrorCase] = [
        ErrorCase("unknown variant", replacing: anchor, with: line("[[adam, sdg]]"), #"""
            x.yaml:12:43: error: analysis.interpolate.between[0][1]: expected the name of a variant (sgd, adam), found "sdg"
            analysis: {interpolate: {between: [[adam, sdg]]}}
                                                      ^
            """#),
        ErrorCase("a variant with itself", replacing: anchor, with: line("[[sgd, sgd]]"), #"""
            x.yaml:12:42: error: analysis.interpolate.between[0][1]: expected two different variants, found sgd twice
            analysis: {interpolate: {between: [[sgd, sgd]]}}
                                                     ^
            """#),
        ErrorCase("not a pair", replacing: anchor, with: line("[adam, sgd]"), #"""
            x.yaml:12:36: error: analysis.interpolate.between[0]: expected a pair of variant names ([adam, sgd]), found "adam"
            analysis: {interpolate: {between: [adam, sgd]}}
                                               ^
            x.yaml:12:42: error: analysis.interpolate.between[1]: expected a pair of variant names ([adam, sgd]), found "sgd"
            analysis: {interpolate: {between: [adam, sgd]}}
                                                     ^
            """#),
        ErrorCase("a pair twice", replacing: anchor, with: line("[[adam, sgd], [adam, sgd]]"), #"""
            x.yaml:12:49: error: analysis.interpolate.between[1]: the pair adam, sgd is listed twice
            analysis: {interpolate: {between: [[adam, sgd], [adam, sgd]]}}
                                                            ^
            """#),
        ErrorCase("other models", text: edit(edit(baseManifest, "optimizer: {name: adam, lr: 0.01}",
                                                  "optimizer: {name: adam, lr: 0.01}\n    model: [{dense: 3}]"),
                                             anchor, line("[[adam, sgd]]")), #"""
            x.yaml:12:36: error: analysis.interpolate.between[0]: expected two variants with the same model, data and loss, found adam and sgd, which differ in model
            analysis: {interpolate: {between: [[adam, sgd]]}}
                                               ^
            """#),
    ]

    @Test(arguments: cases)
    func message(_ errorCase: ErrorCase) {
        #expect(errorText(errorCase.text) == errorCase.expected)
    }
}
