import Foundation
import Testing

import ExptManifest
import ExptStore
@testable import ExptReport

/// report.html: its tables hold report.md's cells, its charts' data is one JSON object with
/// each variant's points, and text from stored files cannot end its script or add a tag.
@Suite struct HTMLReportTests {
    /// Each `<table>` of the page as rows of cell texts (tags removed, entities decoded).
    static func htmlTables(_ html: String) -> [[[String]]] {
        html.components(separatedBy: "<table>").dropFirst().map { table in
            let body = table.components(separatedBy: "</table>")[0]
            return body.components(separatedBy: "<tr>").dropFirst().map { row in
                row.components(separatedBy: "</tr>")[0].components(separatedBy: "</t").dropLast().map { cell in
                    decode(String(cell[cell.range(of: ">")!.upperBound...]).replacingOccurrences(
                        of: "<[^>]*>", with: "", options: .regularExpression))
                }
            }
        }
    }

    /// Each table of report.md as rows of cell texts (the alignment row left out, backslash
    /// escapes and entities decoded).
    static func markdownTables(_ markdown: String) -> [[[String]]] {
        var tables: [[[String]]] = []
        var current: [[String]] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("| ") else {
                if !current.isEmpty { tables.append(current) }
                current = []
                continue
            }
            let cells = line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
            if cells.allSatisfy({ $0 == "---" || $0 == "--:" }) { continue }
            current.append(cells.map { decode($0.replacingOccurrences(of: "\\\\(.)", with: "$1", options: .regularExpression)) })
        }
        return tables
    }

    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The JSON object of `#expt-data`.
    static func chartData(_ html: String) throws -> [[String: Any]] {
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"expt-data\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let object = try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))
        return try #require((object as? [String: Any])?["charts"] as? [[String: Any]])
    }

    @Test func theTablesHoldReportMarkdownsCellsCellByCell() {
        let html = Fixture.report.html()
        let htmlTables = Self.htmlTables(html)
        #expect(htmlTables == Self.markdownTables(Fixture.report.markdown()))
        #expect(htmlTables.count == 4)
        // The comparison table, as MarkdownReportTests computes it by hand.
        #expect(htmlTables[1] == [
            ["variant", "final val_accuracy", "median", "best val_accuracy", "final val_loss", "seconds", "seeds"],
            ["adam", "0.9200 ± 0.2541", "0.9200", "0.9450 ± 0.0635", "0.2300 ± 0.2541", "2.50 ± 6.35", "2"],
            ["sgd", "0.7750 ± 0.3177", "0.7750", "0.7750 ± 0.3177", "0.5650 ± 0.1906", "1.50 ± 3.18", "2"],
        ])
        #expect(html.contains("<tr><td>adam</td><td class=\"num\">0.9200 ± 0.2541</td><td class=\"num\">0.9200</td>"))
    }

    @Test func theChartDataHoldsEachVariantsPoints() throws {
        let charts = try Self.chartData(Fixture.report.html())
        #expect(charts.map { $0["y"] as? String } == ["train_loss", "val_loss", "val_accuracy", "lr"])
        let loss = charts[0]
        #expect(loss["title"] as? String == "Training loss (median over seeds, band: min–max)")
        #expect(loss["x"] as? String == "epoch")
        #expect(loss["ylog"] as? Bool == false)
        let series = try #require(loss["series"] as? [[String: Any]])
        #expect(series.map { $0["name"] as? String } == ["sgd", "adam"])
        #expect(series.map { $0["colour"] as? String } == ["#0072B2", "#E69F00"])
        // sgd's training losses: seeds 0 and 1 at epochs 1-3 are (0.7, 0.72), (0.6, 0.65), (0.5, 0.52).
        #expect(series[0]["x"] as? [Double] == [1, 2, 3])
        #expect(series[0]["y"] as? [Double] == [0.71, 0.625, 0.51])
        #expect(series[0]["low"] as? [Double] == [0.7, 0.6, 0.5])
        #expect(series[0]["high"] as? [Double] == [0.72, 0.65, 0.52])
        // adam's: (0.4, 0.35), (0.2, 0.25), (0.15, 0.125).
        #expect(series[1]["y"] as? [Double] == [0.375, 0.225, 0.1375])
        #expect(series[1]["dash"] as? String == "6 3")
        let html = Fixture.report.html()
        #expect(html.contains("<figure class=\"chart\" id=\"chart-train_loss\" data-chart=\"0\">"))
        #expect(html.contains("<figure class=\"chart\" id=\"chart-lr\" data-chart=\"3\">"))
    }

    @Test func aHostileVariantNameStaysText() throws {
        let name = "</script><b>\"&"
        let variant = Variant(name: name, config: Fixture.sgd.config)
        let records = [Fixture.sgd0, Fixture.sgd1].map { record in
            RunRecord(spec: RunSpec(variant: name, seed: record.spec.seed, config: record.spec.config),
                      status: record.status, epochs: record.epochs, seconds: record.seconds)
        }
        let report = Report(experiment: Fixture.experiment(variants: [variant, Fixture.adam]),
                            records: records + [Fixture.adam0, Fixture.adam1], context: Fixture.context)
        let html = report.html()
        #expect(!html.contains("<b>"))
        #expect(html.components(separatedBy: "</script>").count == 3)  // the JSON's and the script's ends
        #expect(html.contains("<tr><td>&lt;/script&gt;&lt;b&gt;\"&amp;</td>"))
        #expect(html.contains("\"name\":\"\\u003c/script\\u003e\\u003cb\\u003e\\\"\\u0026\""))
        let series = try #require(try Self.chartData(html)[0]["series"] as? [[String: Any]])
        #expect(series[0]["name"] as? String == name)
    }

    @Test func inlineMarkdown() {
        #expect(MarkdownHTML.inline("**Date:** 2026") == "<strong>Date:</strong> 2026")
        #expect(MarkdownHTML.inline("`expt run <x>`") == "<code>expt run &lt;x&gt;</code>")
        #expect(MarkdownHTML.inline("``` a `` b ```") == "<code>a `` b</code>")
        #expect(MarkdownHTML.inline("padding \\[36, 60\\], a \\| b, x_y") == "padding [36, 60], a | b, x_y")
        #expect(MarkdownHTML.inline("&lt;b&gt; stays, <i> does not") == "&lt;b&gt; stays, &lt;i&gt; does not")
        #expect(MarkdownHTML.cells("| a \\| b | 1 |") == ["a \\| b", "1"])
    }
}

/// Only the report's own charts are images in report.html: an image the description names
/// stays text, so the page fetches nothing.
@Suite struct HTMLReportImageTests {
    @Test func anImageOfTheDescriptionStaysText() {
        let experiment = Experiment(name: "demo", description: "![tracker](https://example.com/pixel.png)", seeds: [0, 1],
                                    variants: [Fixture.sgd, Fixture.adam], compare: Comparison(metric: .validationAccuracy),
                                    sourcePath: "experiments/demo.yaml", sourceText: "name: demo\n")
        let html = Report(experiment: experiment, records: Fixture.records, context: Fixture.context).html()
        #expect(html.contains("<p>![tracker](https://example.com/pixel.png)</p>"))
        #expect(!html.contains("<img src=\"https:"))
        #expect(html.contains("<noscript><img src=\"charts/train_loss.svg\" alt=\"Training loss\"></noscript>"))
    }
}
