import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
import ExptStore

@testable import ExptReport

/// The charts' SVG parsed as XML and checked: the title, one path per series, every point
/// inside the plot, the legend, and the median and band computed over seeds.
@Suite struct ChartTests {
    static func parse(_ svg: String) throws -> XMLElement {
        try #require(try XMLDocument(xmlString: svg).rootElement())
    }

    /// Every element below `root` with this local name, in document order.
    static func elements(_ root: XMLElement, named name: String) -> [XMLElement] {
        (root.children ?? []).compactMap { $0 as? XMLElement }.flatMap { child in
            (child.localName == name ? [child] : []) + elements(child, named: name)
        }
    }

    /// The value of the attribute `name` of `element`.
    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attributes?.first { $0.localName == name || $0.name == name }?.stringValue
    }

    /// The (x, y) pairs of an SVG path `d="M1,2 L3,4 …"`.
    static func points(_ path: XMLElement) -> [(Double, Double)] {
        let d = attribute(path, "d") ?? ""
        return d.split(separator: " ").map { token in
            let pair = token.dropFirst().split(separator: ",").map { Double($0)! }
            return (pair[0], pair[1])
        }
    }

    @Test func aLineChartHasItsTitleAxesOnePathPerSeriesAndALegend() throws {
        let chart = LineChart(
            title: "Validation loss", xLabel: "epoch", yLabel: "val_loss",
            series: [
                .init(name: "sgd", line: [(1, 0.9), (2, 0.5), (3, 0.3)], band: [(1, 0.8, 1.0), (2, 0.4, 0.6), (3, 0.2, 0.4)]),
                .init(name: "adam", line: [(1, 0.7), (2, 0.2), (3, 0.1)], band: []),
            ],
            yScale: .logarithmic)
        let root = try Self.parse(chart.svg)
        #expect(root.localName == "svg")
        #expect(Self.attribute(root, "viewBox") == "0 0 720 420")
        let texts = Self.elements(root, named: "text").map { $0.stringValue ?? "" }
        #expect(texts.contains("Validation loss") && texts.contains("epoch") && texts.contains("val_loss"))
        #expect(texts.contains("sgd") && texts.contains("adam"))
        // The y axis runs from 0.1 to 1 on a log scale, marked at 0.1, 0.2, 0.5 and 1.
        for label in ["0.1", "0.2", "0.5", "1"] { #expect(texts.contains(label), "no tick label \(label)") }

        let paths = Self.elements(root, named: "path")
        #expect(paths.map { Self.attribute($0, "data-series") } == ["sgd", "adam"])
        try #require(paths.count == 2)
        // The plot spans x 72…550 and y 40…368; every point lies inside it.
        for path in paths {
            let points = Self.points(path)
            #expect(points.count == 3)
            for (x, y) in points { #expect((72...550).contains(x) && (40...368).contains(y)) }
        }
        // Epoch 1 at the left edge, epoch 3 at the right; 0.1 at the bottom, 1 at the top.
        let adam = Self.points(paths[1])
        #expect(adam.first!.0 == 72 && adam.last!.0 == 550)
        #expect(adam.last!.1 == 368)
        // One band (sgd's), as a polygon of 6 points: upper edge forward, lower edge back.
        let bands = Self.elements(root, named: "polygon")
        try #require(bands.count == 1)
        #expect(Self.attribute(bands[0], "points")?.split(separator: " ").count == 6)
    }

    @Test func curvesAreTheMedianAndRangeOverSeeds() throws {
        let runs = [0.5, 0.9, 0.6].enumerated().map { seed, loss in
            Fixture.record(Fixture.sgd, seed: UInt64(seed), stepsPerEpoch: 1, lr: 0.1,
                           [(loss, loss, 0.5), (loss / 2, loss / 2, 0.6)], seconds: 1)
        }
        let series = try #require(TrainingLossChart.series(name: "sgd", runs: runs) { $0.trainLoss })
        // Epoch 1: losses 0.5, 0.9, 0.6 -> median 0.6, band 0.5…0.9; epoch 2 halves them.
        #expect(series.line.map(\.x) == [1, 2])
        #expect(series.line.map(\.y) == [0.6, 0.3])
        #expect(series.band.map(\.low) == [0.5, 0.25] && series.band.map(\.high) == [0.9, 0.45])
        #expect(TrainingLossChart.series(name: "sgd", runs: runs) { _ in nil } == nil)
    }

    @Test func theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        #expect(Statistics.median([4, 1, 3, 2]) == 2.5)
        #expect(Statistics.median([3, 1, 2]) == 2)
        #expect(Statistics.median([]).isNaN)
    }

    @Test func svgTextIsEscaped() {
        #expect(SVG.escape("a<b & \"c\">") == "a&lt;b &amp; &quot;c&quot;&gt;")
        #expect(SVG.number(1.0) == "1" && SVG.number(2.345) == "2.35" && SVG.number(-0.5) == "-0.50")
    }
}

/// Consecutive series differ in dash as well as colour, and no two of 32 look the same.
@Suite struct PaletteTests {
    @Test func theNinthSeriesIsDashed() {
        #expect(Palette.colour(0) == Palette.colour(8))
        #expect(Palette.dash(0) == nil && Palette.dash(1) == "6 3" && Palette.dash(2) == "2 3" && Palette.dash(7) == "8 3 2 3")
        #expect(Palette.dash(8) == "6 3" && Palette.dash(16) == "2 3")
        let pairs = (0..<32).map { "\(Palette.colour($0)) \(Palette.dash($0) ?? "solid")" }
        #expect(Set(pairs).count == 32)
    }
}
