import Testing

@testable import ExptReport

/// Text from stored files reaches report.md as literal text: no HTML tag, no Markdown markup.
@Suite struct MarkdownEscapingTests {
    @Test func aFailureReasonHoldingHTMLIsEscaped() {
        let failed = Fixture.record(Fixture.sgd, seed: 0, stepsPerEpoch: 1, lr: 0.1, [], seconds: 0.5,
                                    status: .failed(reason: "<script>alert(\"x\")</script> & *bold* [link](http://x) `a|b`"))
        let markdown = Report(experiment: Fixture.experiment(variants: [Fixture.sgd]), records: [failed], context: Fixture.context)
            .markdown()
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains(#"""
            - **sgd**, seed 0: failed after 0 of 3 epochs: &lt;script&gt;alert("x")&lt;/script&gt; &amp; \*bold\* \[link\](http://x) \`a\|b\`

            """#))
    }

    @Test func aVariantNameIsLiteralInEveryTable() {
        var variant = Fixture.sgd
        variant.name = "<b>x</b>_y"
        let record = Fixture.record(variant, seed: 0, stepsPerEpoch: 1, lr: 0.1, [(0.5, 0.5, 0.5)], seconds: 1)
        let markdown = Report(experiment: Fixture.experiment(variants: [variant]), records: [record], context: Fixture.context)
            .markdown()
        #expect(!markdown.contains("<b>"))
        #expect(markdown.contains("| &lt;b&gt;x&lt;/b&gt;_y | sgd |"))
    }

    @Test(arguments: [
        ("expt run x.yaml", "`expt run x.yaml`"),
        ("echo `a`", "`` echo `a` ``"),
        ("a `` <b>", "``` a `` <b> ```"),
    ])
    func codeSpansAreNeverEndedByTheirText(text: String, expected: String) {
        #expect(Markdown.code(text) == expected)
    }
}
