import ExptManifest
import ExptStore
import Testing
@testable import ExptReport

/// What the report makes of `analysis`: sharpness in summary.csv, metrics.csv and report.md,
/// the interpolated loss in landscape.csv and its chart. The records are the fixture's, with
/// the sharpness of the last epoch set and two points of landscape per run.
@Suite struct LandscapeReportTests {
    static func measured(_ record: RunRecord, sharpness: Double, landscape: [(Double, Double)]) -> RunRecord {
        var record = record
        record.epochs[record.epochs.count - 1].sharpness = sharpness
        record.landscape = landscape.map { LandscapePoint(alpha: $0.0, trainLoss: $0.1, validationLoss: $0.1 + 0.5) }
        return record
    }

    static let records = [
        measured(Fixture.sgd0, sharpness: 2, landscape: [(0, 0.75), (1, 0.5)]),
        measured(Fixture.sgd1, sharpness: 4, landscape: [(0, 0.75), (1, 0.5)]),
        measured(Fixture.adam0, sharpness: 30, landscape: [(0, 0.75), (1, 0.125)]),
        measured(Fixture.adam1, sharpness: 50, landscape: [(0, 0.75), (1, 0.25)]),
    ]
    static let report = Report(experiment: Fixture.experiment(), records: records, context: Fixture.context)

    /// Per variant, best first (adam: accuracy 0.92 against 0.775): mean ± std of the final
    /// sharpness, (30 + 50) / 2 = 40 ± 14.14 (std √200) and (2 + 4) / 2 = 3 ± 1.41 (std √2),
    /// beside the final training loss (adam (0.15 + 0.125) / 2 = 0.1375 ± 0.0177; sgd 0.51 ± 0.01).
    @Test func reportMdShowsTheSharpnessPerVariant() {
        let rows = tableRows(Self.report.markdown(), after: "## Sharpness")
        #expect(rows == [
            ["variant", "runs", "sharpness λ_max", "final train loss"],
            ["---", "--:", "--:", "--:"],
            ["adam", "2", "40.00 ± 14.14", "0.1375 ± 0.0177"],
            ["sgd", "2", "3.000 ± 1.414", "0.5100 ± 0.0141"],
        ])
    }

    @Test func summaryAndMetricsHaveTheSharpness() {
        let summary = Self.report.summaryCSV().split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let column = summary[0].firstIndex(of: "sharpness")!
        #expect(summary.dropFirst().map { $0[column] } == ["2.0", "4.0", "30.0", "50.0"])
        let sharpnessRows = Self.report.metricsCSV().split(separator: "\n").filter { $0.contains(",sharpness,") }
        #expect(sharpnessRows.map { $0.split(separator: ",").suffix(3).joined(separator: ",") }
                == ["3,sharpness,2.0", "3,sharpness,4.0", "9,sharpness,30.0", "9,sharpness,50.0"])
    }

    @Test func landscapeCSVHasEveryRunAlphaAndSplit() {
        let lines = Self.report.landscapeCSV()!.split(separator: "\n")
        #expect(lines[0] == "run_id,variant,seed,path,alpha,split,loss")
        #expect(lines.count == 1 + 4 * 2 * 2)
        let id = RunSpec(variant: "adam", seed: 1, config: Fixture.adam.config).id
        #expect(lines.suffix(4) == ["\(id),adam,1,initial-final,0.0,train,0.75", "\(id),adam,1,initial-final,0.0,val,1.25",
                                    "\(id),adam,1,initial-final,1.0,train,0.25", "\(id),adam,1,initial-final,1.0,val,0.75"])
        #expect(Fixture.report.landscapeCSV() == nil)
    }

    @Test func theLandscapeChartIsDrawnWhenSomeRunInterpolated() {
        #expect(ChartRegistryTests.applying(Self.report) == ["train_loss", "val_loss", "val_accuracy", "lr", "landscape"])
        let chart = Self.report.charts.last!
        #expect(chart.file == "landscape.svg")
        #expect(chart.caption == "θ(α) = (1 − α) θ₀ + α θ₁; the values are in landscape.csv.")
    }
}

/// On a 2D test function, the line of the interpolation is drawn on the contour chart: from
/// θ(−0.5) = 1.5 (−1.5, 2) − 0.5 (0.9, 0.8) = (−2.7, 2.6) to θ(1.5) = −0.5 (−1.5, 2) + 1.5 (0.9, 0.8)
/// = (2.1, 0.2), for the path from (−1.5, 2) to (0.9, 0.8); the axes reach both ends.
@Suite struct FunctionLandscapeChartTests {
    @Test func theLineIsDashedOnTheContours() {
        var adam = FunctionReportTests.record(FunctionReportTests.adam, lr: 0.01, final: 0.01)
        adam.landscape = [LandscapePoint(alpha: -0.5, trainLoss: 30), LandscapePoint(alpha: 1.5, trainLoss: 3)]
        let report = Report(
            experiment: Experiment(name: "bowl", description: "", seeds: [0], variants: [FunctionReportTests.sgd, FunctionReportTests.adam],
                                   compare: Comparison(metric: .trainLoss), sourcePath: "f.yaml", sourceText: "name: bowl\n"),
            records: [FunctionReportTests.record(FunctionReportTests.sgd, lr: 0.001, final: 0.5), adam], context: Fixture.context)
        let svg = report.charts.first { $0.file == "trajectories.svg" }!.svg
        let dashed = svg.components(separatedBy: "\n").filter { $0.contains("<line") && $0.contains("stroke-dasharray=\"2 3\"") }
        #expect(dashed.count == 1)
        #expect(dashed.first?.contains("stroke=\"\(Palette.colour(1))\"") == true)
        // x ticks every 2 from −4 to 4, to hold −2.7 and 2.1 (the paths alone span −1.5 to 1).
        #expect(svg.contains(">-4</text>") && svg.contains(">4</text>"))
        #expect(report.charts.map(\.file) == ["train_loss.svg", "lr.svg", "trajectories.svg", "landscape.svg"])
    }
}
