import Testing
import ExptManifest
/// Testing has an `Expectation` too.
typealias Assertion = ExptManifest.Expectation
import ExptStore
@testable import ExptReport

/// Time to target, expectations, variants.csv and the step summary, worked by hand from
/// ``Fixture`` (see its table; adam's accuracies per epoch are 0.85, 0.95, 0.9 and 0.9, 0.92, 0.94).
@Suite struct StatisticsReportTests {
    static func experiment(target: Double? = nil, expectations: [Assertion] = []) -> Experiment {
        var experiment = Fixture.experiment(compare: Comparison(metric: .validationAccuracy, target: target))
        experiment.expectations = expectations
        return experiment
    }

    /// Target 0.9: adam/0 first reaches it at epoch 2 (step 6, 1.0 s), adam/1 at epoch 1 (step 3,
    /// 0.5 s): medians 1.5 epochs, 4.5 steps, 0.75 s. sgd (at most 0.8) never does.
    @Test func timeToTargetIsTheMedianOverTheRunsThatReachedIt() throws {
        let report = Report(experiment: Self.experiment(target: 0.9), records: Fixture.records, context: Fixture.context)
        let markdown = report.markdown()
        let comparison = tableRows(markdown, after: "## Comparison")
        #expect(comparison[0] == ["variant", "final val_accuracy", "median", "best val_accuracy", "final val_loss",
                                  "epochs to 0.9", "seconds", "seeds"])
        #expect(comparison[2][5] == "1.5 (2 of 2)" && comparison[3][5] == "not reached (0 of 2)")
        #expect(tableRows(markdown, after: "## Details")[0] == ["rank", "variant", "seeds", "mean", "std", "median", "min", "max"])
        let details = tableRows(markdown, after: "| rank | variant | 95% CI | val − train loss | diverged | reached target | epochs | steps | seconds to target |")
        #expect(Array(details[2].suffix(4)) == ["2 of 2", "1.5", "4.5", "0.75"])
        #expect(Array(details[3].suffix(4)) == ["0 of 2", "not reached", "—", "—"])
        // A minimised metric reaches its target from above: val_loss at most 0.6 -> sgd/0 at
        // epoch 2 (0.6), sgd/1 at epoch 3 (0.58).
        let loss = VariantResult(name: "sgd", runs: [Fixture.sgd0, Fixture.sgd1].map { RunOutcome($0, comparing: Comparison(metric: .validationLoss)) },
                                 declaredSeeds: 2)
        let times = loss.timeToTarget(0.6, compare: Comparison(metric: .validationLoss))
        #expect(times.reached == 2 && times.epochs == 2.5 && times.steps == 2.5 && times.seconds == 1.25)
    }

    /// Each side is the mean final value: adam val_accuracy 0.92 > sgd 0.775 holds; sgd
    /// val_loss 0.565 < 0.5 does not; no run has a test set, so adam.test_loss has no value.
    @Test func expectationsAreCheckedAndListed() {
        let expectations = [
            Assertion(text: "", left: .init(variant: "adam", metric: .validationAccuracy), relation: .greater,
                        right: .operand(.init(variant: "sgd", metric: .validationAccuracy))),
            Assertion(text: "", left: .init(variant: "sgd", metric: .validationLoss), relation: .less, right: .number(0.5)),
            Assertion(text: "", left: .init(variant: "adam", metric: .testLoss), relation: .lessOrEqual, right: .number(1)),
        ]
        let report = Report(experiment: Self.experiment(expectations: expectations), records: Fixture.records, context: Fixture.context)
        let results = report.expectationResults()
        #expect(results.map(\.passed) == [true, false, false])
        #expect(abs(results[0].left! - 0.92) < 1e-12 && abs(results[0].right! - 0.775) < 1e-12)
        #expect(abs(results[1].left! - 0.565) < 1e-12 && results[1].right == 0.5)
        #expect(results[2].left == nil)
        #expect(report.markdown().contains("""
            ## Expectations

            1 of 3 hold (each side: the mean final value over completed seeds).

            - **passed** `adam.val_accuracy > sgd.val_accuracy`: 0.9200 > 0.7750
            - **FAILED** `sgd.val_loss < 0.5`: 0.5650 < 0.5
            - **FAILED** `adam.test_loss <= 1.0`: no value <= 1.0

            """))
        let summary = report.stepSummary()
        #expect(summary.hasPrefix("# demo\n\n## Comparison\n"))
        #expect(summary.contains("| adam | 0.9200 ± 0.2541 |") && summary.hasSuffix("no value <= 1.0\n"))
        #expect(!summary.contains("## Setup"))
    }

    /// One row per variant, best first; the values of the Details table at full precision.
    @Test func variantsCSV() {
        let report = Report(experiment: Self.experiment(target: 0.9), records: Fixture.records, context: Fixture.context)
        let lines = report.variantsCSV().split(separator: "\n").map(String.init)
        let header = ["rank", "variant", "runs", "completed", "diverged", "failed"]
            + ["mean", "std", "median", "min", "max", "ci_low", "ci_high"].map { "final_val_accuracy_\($0)" }
            + ["best_val_accuracy_mean", "final_train_loss_mean", "final_val_loss_mean",
               "test_loss_mean", "test_accuracy_mean", "val_gap_mean", "test_gap_mean", "seconds_mean",
               "target_reached", "epochs_to_target", "steps_to_target", "seconds_to_target", "sweep_points", "chosen"]
        #expect(lines[0] == header.joined(separator: ","))
        let adam = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 3 && adam.count == 27)
        #expect(Set(lines[0].split(separator: ",")).count == 27)
        #expect(Array(adam[0..<6]) == ["1", "adam", "2", "2", "0", "0"])
        // mean 0.92, s = 0.04/√2, interval 0.92 ∓ 12.706205·0.02.
        #expect(abs(Double(adam[6])! - 0.92) < 1e-12 && abs(Double(adam[7])! - 0.04 / 2.0.squareRoot()) < 1e-12)
        #expect(adam[9] == "0.9" && adam[10] == "0.94")
        #expect(abs(Double(adam[11])! - (0.92 - 0.2541241)) < 1e-6 && abs(Double(adam[12])! - (0.92 + 0.2541241)) < 1e-6)
        #expect(adam[16] == "" && adam[17] == "" && adam[19] == "")
        #expect(Array(adam[21...]) == ["2", "1.5", "4.5", "0.75", "", ""])
        #expect(lines[2].hasPrefix("2,sgd,2,2,0,0,"))
    }

    /// A diverged run counts in `diverged` and the generalisation gap covers completed runs:
    /// sgd/0's 0.55 − 0.5 = 0.05 alone.
    @Test func divergedShareAndGap() {
        let diverged = Fixture.record(Fixture.sgd, seed: 1, stepsPerEpoch: 1, lr: 0.1, [(0.9, 0.8, 0.5)],
                                      seconds: 0.25, status: .diverged(step: 2))
        let report = Report(experiment: Fixture.experiment(), records: [Fixture.sgd0, diverged, Fixture.adam0, Fixture.adam1],
                            context: Fixture.context)
        let markdown = report.markdown()
        #expect(tableRows(markdown, after: "## Details")[3] == ["2", "sgd", "1", "0.8000", "0.0000", "0.8000", "0.8000", "0.8000"])
        #expect(tableRows(markdown, after: "| rank | variant | 95% CI | val − train loss | diverged |")[3]
                == ["2", "sgd", "—", "0.05000", "1 of 2"])
    }
}
