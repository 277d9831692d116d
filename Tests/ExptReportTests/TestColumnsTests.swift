import Testing
import ExptManifest
import ExptStore
import ExptReport

/// Test-set metrics in summary.csv and in the comparison table.
@Suite struct TestColumnsTests {
    static func records() -> [RunRecord] {
        var a = Fixture.record(Fixture.adam, seed: 0, stepsPerEpoch: 3, lr: 0.01, [(0.4, 0.5, 0.8)], seconds: 1)
        a.test = TestMetrics(loss: 0.25, accuracy: 0.75)
        var b = Fixture.record(Fixture.adam, seed: 1, stepsPerEpoch: 3, lr: 0.01, [(0.4, 0.5, 0.9)], seconds: 1)
        b.test = TestMetrics(loss: 0.35, accuracy: 0.85)
        return [a, b]
    }

    @Test func summaryHasTestColumnsAfterTheFinalValues() {
        let lines = Report(experiment: Fixture.experiment(variants: [Fixture.adam]), records: Self.records(), context: Fixture.context)
            .summaryCSV().split(separator: "\n").map(String.init)
        #expect(lines[0].contains("final_val_accuracy,test_loss,test_accuracy,best_val_accuracy"))
        #expect(lines[1] == "6d1d4d6de830d58c,adam,0,adam,32,3,0.01,0.9,0.999,1e-08,0.0,false,0.4,0.5,0.8,0.25,0.75,0.8,1,3,1.0,complete")
    }

    @Test func comparisonTableShowsTheMeanTestValues() {
        let report = Report(experiment: Fixture.experiment(variants: [Fixture.adam]), records: Self.records(), context: Fixture.context)
            .markdown()
        // Means 0.3 and 0.8; half-widths 12.706205·0.1/2 = 0.6353; the val_loss values are equal (± 0).
        #expect(report.contains("| final val_loss | test_loss | test_accuracy | seconds | seeds |"))
        #expect(report.contains("| 0.5000 ± 0.0000 | 0.3000 ± 0.6353 | 0.8000 ± 0.6353 |"))
    }
}
