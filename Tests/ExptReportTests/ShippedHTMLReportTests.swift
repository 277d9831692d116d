import ExptTestSupport
import Foundation
import Testing

/// The report.html committed with results/adam-vs-sgd: its tables are report.md's, cell by
/// cell, and its charts' data are the curves whose last points report.md's tables state.
@Suite struct ShippedHTMLReportTests {
    static func read(_ name: String) throws -> String {
        try String(contentsOf: FixtureFile.repository.appendingPathComponent("results/adam-vs-sgd/" + name), encoding: .utf8)
    }

    @Test func theTablesAreReportMarkdownsCellByCell() throws {
        let tables = HTMLReportTests.htmlTables(try Self.read("report.html"))
        #expect(tables == HTMLReportTests.markdownTables(try Self.read("report.md")))
        #expect(tables.count == 4)
        #expect(tables[1][1] == ["momentum", "0.9767 ± 0.0143", "0.9800", "0.9800 ± 0.0000", "0.08469 ± 0.03089", "0.02 ± 0.00", "3"])
        #expect(tables[3][4] == ["4", "full-batch-gd", "[0.5925, 0.6442]", "0.02237 ± 0.00621", "0 of 3"])
    }

    @Test func theAccuracyCurvesEndAtTheTablesMediansAndRanges() throws {
        let charts = try HTMLReportTests.chartData(try Self.read("report.html"))
        #expect(charts.count == 4)
        let accuracy = try #require(charts.first { $0["y"] as? String == "val_accuracy" })
        let series = try #require(accuracy["series"] as? [[String: Any]])
        #expect(series.map { $0["name"] as? String } == ["full-batch-gd", "sgd", "momentum", "adam"])
        for entry in series {
            #expect(entry["x"] as? [Double] == (1...40).map(Double.init))
        }
        // The Details table: median, min and max of the final val_accuracy over the 3 seeds.
        #expect(series.map { ($0["y"] as? [Double])?.last } == [0.615, 0.645, 0.98, 0.975])
        #expect(series.map { ($0["low"] as? [Double])?.last } == [0.61, 0.64, 0.97, 0.97])
        #expect(series.map { ($0["high"] as? [Double])?.last } == [0.63, 0.65, 0.98, 0.975])
    }
}
