import ExptData
import ExptManifest
import ExptOptim
import ExptStore
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import ExptReport

/// The report of a 2D test function: steps, not epochs; no validation loss (the function's
/// value again); no word of unresolved seeds for deterministic runs; the minimum marked; the
/// learning rate off the frame.
@Suite struct FunctionReportTests {
    typealias C = ChartTests

    static func variant(_ name: String, _ optimizer: OptimizerConfig) -> Variant {
        let data = DataConfig(dataset: DatasetConfig(FunctionSettings(function: .rosenbrock)))
        return Variant(name: name, config: RunConfig(data: data, model: [], loss: .crossEntropy,
                                                     train: TrainConfig(epochs: 4, batchSize: .full), optimizer: optimizer))
    }

    static let sgd = variant("sgd", .sgd(SGDHyperparameters(lr: 0.001)))
    static let adam = variant("adam", .adam(AdamHyperparameters(lr: 0.01)))

    /// Four recorded steps whose value falls to `final`, at a constant rate `lr`, along a path
    /// from the start (-1.5, 2) towards (1, 1).
    static func record(_ variant: Variant, lr: Double, final: Double) -> RunRecord {
        let values = [4.0, 2.0, 1.0, final]
        var record = RunRecord(
            spec: RunSpec(variant: variant.name, seed: 0, config: variant.config), status: .complete,
            epochs: values.enumerated().map { index, value in
                EpochMetrics(epoch: index + 1, step: index + 1, trainLoss: value, validationLoss: value, validationAccuracy: nil,
                             learningRate: lr, elapsedSeconds: 0.001 * Double(index + 1))
            }, seconds: 0.004)
        record.trajectory = [(-1.5, 2.0), (-0.5, 1.0), (0.5, 0.5), (0.9, 0.8)].enumerated().map {
            TrajectoryPoint(step: $0.offset, x: $0.element.0, y: $0.element.1, f: values[$0.offset])
        }
        return record
    }

    static let report = Report(
        experiment: Experiment(name: "bowl", description: "", seeds: [0], variants: [sgd, adam],
                               compare: Comparison(metric: .trainLoss), sourcePath: "f.yaml", sourceText: "name: bowl\n"),
        records: [record(sgd, lr: 0.001, final: 0.5), record(adam, lr: 0.01, final: 0.01)], context: Fixture.context)

    @Test func theReportSpeaksOfStepsAndOfDeterministicRuns() {
        let markdown = Self.report.markdown()
        #expect(markdown.contains("- **Steps:** 4\n"))
        #expect(!markdown.contains("Epochs") && !markdown.contains("val_loss") && !markdown.contains("not resolved"))
        #expect(markdown.contains("""
            **adam** has the best final train_loss, 0.01000, ahead of sgd at 0.5000; the runs are deterministic \
            (a fixed start on a 2D test function), so another seed would give the same values.
            """))
        #expect(markdown.contains("| rank | variant | 95% CI | diverged |\n"))
        #expect(Self.report.charts.map(\.file) == ["train_loss.svg", "lr.svg", "trajectories.svg"])
    }

    @Test func theMinimumIsMarkedOnTheTrajectories() throws {
        let chart = try #require(Self.report.charts.first { $0.file == "trajectories.svg" })
        let root = try C.parse(chart.svg)
        let texts = C.elements(root, named: "text").map { $0.stringValue ?? "" }
        #expect(texts.contains("Optimizer trajectories (start ○, end ●, minimum ✕)") && texts.contains("minimum"))
        let crosses = C.elements(root, named: "line").filter { C.attribute($0, "stroke") == "#000000" }
        #expect(crosses.count == 4)
        // The first cross is centred on (1, 1); both its strokes cross there, inside the plot (x 72…550, y 40…468).
        let centres = crosses.prefix(2).map { line in
            ((Double(C.attribute(line, "x1")!)! + Double(C.attribute(line, "x2")!)!) / 2,
             (Double(C.attribute(line, "y1")!)! + Double(C.attribute(line, "y2")!)!) / 2)
        }
        #expect(centres[0] == centres[1])
        #expect((72...550).contains(centres[0].0) && (40...468).contains(centres[0].1))
    }

    @Test func theLearningRatesStayOffTheFrame() throws {
        let chart = try #require(Self.report.charts.first { $0.file == "lr.svg" })
        let root = try C.parse(chart.svg)
        let texts = C.elements(root, named: "text").map { $0.stringValue ?? "" }
        #expect(texts.contains("step") && !texts.contains("epoch"))
        let lines = C.elements(root, named: "path").filter { C.attribute($0, "data-series") != nil }
        #expect(lines.count == 2)
        // The plot spans y 40…368; constant rates 0.001 and 0.01 on a padded log axis lie strictly inside.
        for line in lines {
            for (_, y) in C.points(line) { #expect(y > 40 && y < 368) }
        }
    }

    /// With a target, the time to reach it is in steps: adam's values 4, 2, 1, 0.01 first reach
    /// 1.5 at step 3; sgd's 4, 2, 1, 0.5 at step 3 too.
    @Test func timeToTargetIsInSteps() {
        let experiment = Experiment(name: "bowl", description: "", seeds: [0], variants: [Self.sgd, Self.adam],
                                    compare: Comparison(metric: .trainLoss, target: 1.5), sourcePath: "f.yaml", sourceText: "")
        let markdown = Report(experiment: experiment, records: [Self.record(Self.sgd, lr: 0.001, final: 0.5),
                                                                Self.record(Self.adam, lr: 0.01, final: 0.01)],
                              context: Fixture.context).markdown()
        #expect(markdown.contains("| variant | final train_loss | median | best train_loss | steps to 1.5 | seconds | seeds |\n"))
        #expect(markdown.contains("| rank | variant | 95% CI | diverged | reached target | steps | seconds to target |\n"))
        #expect(markdown.contains("| 1 | adam | — | 0 of 1 | 1 of 1 | 3 | 0.00 |\n"))
    }

    /// A run left out of the means is described in steps: this one recorded steps 1 to 4 of 4
    /// and then failed.
    @Test func aRunLeftOutIsDescribedInSteps() {
        var failed = Self.record(Self.sgd, lr: 0.001, final: 0.5)
        failed.status = .failed(reason: "no memory")
        let markdown = Report(experiment: Self.report.experiment, records: [failed, Self.record(Self.adam, lr: 0.01, final: 0.01)],
                              context: Fixture.context).markdown()
        #expect(markdown.contains("- **sgd**, seed 0: failed after 4 of 4 steps: no memory\n"))
    }
}
