import ExptManifest
import ExptStore
import Foundation
import Testing

@testable import ExptReport

/// The learning curves of a swept variant show the runs of its chosen sweep point only.
@Suite struct SweptCurveTests {
    /// sgd swept over two rates, two seeds each: lr 0.1 reaches val_accuracy 0.9 (chosen),
    /// lr 0.01 stays at 0.5 with a training loss forty times higher.
    static func record(lr: String, seed: UInt64, train: Double, accuracy: Double) -> RunRecord {
        var record = Fixture.record(Fixture.sgd, seed: seed, stepsPerEpoch: 1, lr: 0.1,
                                    [(train * 2, 0.6, accuracy - 0.1), (train, 0.5, accuracy)], seconds: 1)
        record.spec.sweep = [SweepSetting(keyPath: "optimizer.lr", value: lr)]
        return record
    }

    static let chosen = [record(lr: "0.1", seed: 0, train: 0.1, accuracy: 0.9), record(lr: "0.1", seed: 1, train: 0.12, accuracy: 0.88)]
    static let other = [record(lr: "0.01", seed: 0, train: 4, accuracy: 0.5), record(lr: "0.01", seed: 1, train: 5, accuracy: 0.52)]

    static func charts(_ records: [RunRecord]) -> [String: Chart] {
        let report = Report(experiment: Fixture.experiment(variants: [Fixture.sgd]), records: records, context: Fixture.context)
        return Dictionary(uniqueKeysWithValues: report.charts.map { ($0.file, $0) })
    }

    @Test func theCurvesAreThoseOfTheChosenPointAlone() {
        let all = Self.charts(Self.chosen + Self.other), chosenOnly = Self.charts(Self.chosen)
        for file in ["train_loss.svg", "val_loss.svg", "val_accuracy.svg", "lr.svg"] {
            #expect(all[file]?.svg != nil && all[file]?.svg == chosenOnly[file]?.svg, "\(file)")
        }
        // The other point is in the sensitivity chart, with its caption-free title.
        #expect(all["sensitivity_optimizer_lr.svg"]?.caption == nil && all["sensitivity_optimizer_lr.svg"] != nil)
    }

    @Test func theReportSaysSoUnderEachCurve() {
        let markdown = Report(experiment: Fixture.experiment(variants: [Fixture.sgd]), records: Self.chosen + Self.other,
                              context: Fixture.context).markdown()
        #expect(markdown.contains("""
            ![Training loss](charts/train_loss.svg)

            Swept variants are drawn with the runs of their chosen sweep point only (sgd at optimizer.lr 0.1); \
            the sensitivity chart shows every point.

            """))
        #expect(markdown.components(separatedBy: "Swept variants are drawn").count - 1 == 4)
    }
}
