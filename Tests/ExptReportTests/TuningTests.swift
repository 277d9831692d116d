import Testing
import ExptManifest
import ExptStore
@testable import ExptReport

/// The tuning protocol on hand-built sweep records: adam at lr 0.01 and 0.1, two seeds each.
///
///     point     val accuracy per epoch        final  best   test accuracy
///     lr 0.01   (0.88, 0.90), (0.89, 0.92)    0.91   0.91   0.70, 0.72
///     lr 0.1    (0.96, 0.85), (0.95, 0.87)    0.86   0.955  0.95, 0.97
///
/// By final validation accuracy lr 0.01 wins, although the test set prefers lr 0.1; by the best
/// epoch lr 0.1 wins.
@Suite struct TuningTests {
    static func records() -> [RunRecord] {
        let points: [(lr: String, runs: [(Double, Double, test: Double)])] = [
            ("0.01", [(0.88, 0.90, 0.70), (0.89, 0.92, 0.72)]),
            ("0.1", [(0.96, 0.85, 0.95), (0.95, 0.87, 0.97)]),
        ]
        return points.flatMap { point in
            point.runs.enumerated().map { seed, run in
                var record = Fixture.record(Fixture.adam, seed: UInt64(seed), stepsPerEpoch: 3, lr: Double(point.lr)!,
                                            [(0.4, 0.3, run.0), (0.3, 0.25, run.1)], seconds: 1)
                record.spec.sweep = [SweepSetting(keyPath: "optimizer.lr", value: point.lr)]
                record.test = TestMetrics(loss: 0.5, accuracy: run.test)
                return record
            }
        }
    }

    static func report(_ selection: Selection) -> Report {
        Report(experiment: Fixture.experiment(variants: [Fixture.adam],
                                              compare: Comparison(metric: .validationAccuracy, selection: selection)),
               records: records(), context: Fixture.context)
    }

    @Test func theChoiceIsByValidationNeverByTest() {
        let markdown = Self.report(.final).markdown()
        #expect(tableRows(markdown, after: "## Tuning") == [
            ["variant", "chosen", "points tried", "final val_accuracy"],
            ["---", "---", "--:", "--:"],
            // 0.91 ± 12.706205·0.01 = 0.1271
            ["adam", "optimizer.lr 0.01", "2", "0.9100 ± 0.1271"],
        ])
        // The comparison covers the chosen point's seeds only: test accuracy 0.71, not 0.96.
        let row = tableRows(markdown, after: "## Comparison")[2]
        #expect(row[0] == "adam" && row[1] == "0.9100 ± 0.1271" && row[6] == "0.7100 ± 0.1271")
        #expect(Self.report(.final).variantsCSV().split(separator: "\n")[1].hasSuffix(",2,optimizer.lr 0.01"))
    }

    @Test func theBestEpochCanDecide() {
        let rows = tableRows(Self.report(.best).markdown(), after: "## Tuning")
        // lr 0.1's best epochs, 0.96 and 0.95: 0.955 ± 12.706205·0.005 = 0.0635.
        #expect(rows[2] == ["adam", "optimizer.lr 0.1", "2", "0.9550 ± 0.0635"])
    }

    @Test func noTuningWithoutSweepSettings() {
        #expect(!Fixture.report.markdown().contains("## Tuning"))
        #expect(TuningChoice(runs: Fixture.records.map { RunOutcome($0, comparing: Fixture.experiment().compare) },
                             compare: Fixture.experiment().compare) == nil)
    }
}
