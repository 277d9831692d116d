import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
import ExptManifest
import ExptStore
@testable import ExptReport

/// The learning-rate, sensitivity and trajectory charts, parsed as XML.
@Suite struct NewChartsTests {
    typealias C = ChartTests

    /// The rate is drawn over epochs like every other curve of a data experiment (one x unit),
    /// each epoch's value being the rate of its last step.
    @Test func theLearningRateIsPlottedOverEpochs() throws {
        let chart = try #require(Fixture.report.charts.first { $0.file == "lr.svg" })
        let root = try C.parse(chart.svg)
        let texts = C.elements(root, named: "text").map { $0.stringValue ?? "" }
        #expect(texts.contains("Learning rate at each epoch's last step (median over seeds)") && texts.contains("epoch"))
        #expect(!texts.contains("step"))
        let adam = try #require(C.elements(root, named: "path").first { C.attribute($0, "data-series") == "adam" })
        // x axis 1…3 over 72…550: epochs 1, 2, 3.
        #expect(C.points(adam).map(\.0) == [72, 311, 550])
    }

    /// From TuningTests' records: final val_accuracy 0.91 at lr 0.01 and 0.86 at lr 0.1, on a log x axis.
    @Test func sensitivityIsTheScoreAgainstTheSweptValue() throws {
        let chart = try #require(TuningTests.report(.final).charts.first { $0.file == "sensitivity_optimizer_lr.svg" })
        let root = try C.parse(chart.svg)
        let paths = C.elements(root, named: "path")
        #expect(paths.map { C.attribute($0, "data-series") } == ["adam"])
        let points = C.points(paths[0])
        // Log axis 0.01…0.1: the ends of the plot, 72 and 550; the higher score is higher up.
        #expect(points.map(\.0) == [72, 550])
        #expect(points[0].1 < points[1].1)
        let texts = C.elements(root, named: "text").map { $0.stringValue ?? "" }
        #expect(texts.contains("Sensitivity to optimizer.lr (final val_accuracy, mean over seeds)"))
        #expect(texts.contains("0.01") && texts.contains("0.02") && texts.contains("0.05") && texts.contains("0.1"))
    }

    /// A 2x2 grid [[0, 1], [1, 2]] crosses 0.5 on its lower edge at x = 0.5 and its left edge at y = 0.5.
    @Test func contoursCrossEdgesByInterpolation() {
        let segments = Contours.segments(level: 0.5, values: [[0, 1], [1, 2]], xs: [0, 1], ys: [0, 1])
        #expect(segments.count == 1)
        #expect(segments[0].0 == (0.5, 0) && segments[0].1 == (0, 0.5))
        // 1, 10, 100, 1000: three decades -> log-spaced levels 10^(3·k/4), k = 1…3.
        let levels = Contours.levels([1, 10, 100, 1000], count: 3)
        #expect(zip(levels, [pow(10, 0.75), pow(10, 1.5), pow(10, 2.25)]).allSatisfy { abs($0 - $1) < 1e-9 })
    }

    @Test func trajectoriesOverContoursWithStartAndEnd() throws {
        func path(_ points: [(Double, Double)]) -> [TrajectoryPoint] {
            points.enumerated().map { TrajectoryPoint(step: $0.offset, x: $0.element.0, y: $0.element.1, f: 0) }
        }
        var sgd = Fixture.sgd0, adam = Fixture.adam0
        sgd.trajectory = path([(-1, 1), (-0.5, 0.5), (0, 0)])
        adam.trajectory = path([(1, 1), (0.5, 0.2), (0.1, 0.1), (0, 0)])
        let report = Report(experiment: Fixture.experiment(), records: [sgd, adam], context: Fixture.context,
                            surface: { x, y in x * x + y * y })
        let chart = try #require(report.charts.first { $0.file == "trajectories.svg" })
        let root = try C.parse(chart.svg)
        let paths = C.elements(root, named: "path")
        let series = paths.filter { C.attribute($0, "data-series") != nil }
        #expect(series.map { C.attribute($0, "data-series") } == ["sgd (seed 0)", "adam (seed 0)"])
        #expect(series.map { C.points($0).count } == [3, 4])
        #expect(paths.filter { C.attribute($0, "class") == "contour" }.count == 12)
        // The plot spans x 72…550 and y 40…468; every point of every path lies inside it.
        for path in paths {
            for (x, y) in C.points(path) { #expect((72...550).contains(x) && (40...468).contains(y)) }
        }
        // Each path's start and end markers sit on its first and last points.
        let circles = C.elements(root, named: "circle")
        for (path, index) in zip(series, [0, 1]) {
            let points = C.points(path)
            let markers = circles.filter { C.attribute($0, "data-marker") != nil }[(2 * index)...(2 * index + 1)]
            let centres = markers.map { (Double(C.attribute($0, "cx")!)!, Double(C.attribute($0, "cy")!)!) }
            #expect(markers.map { C.attribute($0, "data-marker") } == ["start", "end"])
            #expect(centres.first! == points.first! && centres.last! == points.last!)
        }
        // Without trajectories there is no such chart.
        #expect(!Fixture.report.charts.contains { $0.file == "trajectories.svg" })
    }
}
