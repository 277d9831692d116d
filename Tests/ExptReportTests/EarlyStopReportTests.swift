import ExptManifest
import ExptStore
import Testing
@testable import ExptReport

/// report.md names the runs that early stopping ended, and only when there are some.
struct EarlyStopReportTests {
    @Test func listsTheRunsThatStoppedEarly() {
        var adam = Fixture.adam
        adam.config.train.earlyStop = EarlyStopConfig(metric: .validationAccuracy, patience: 1, restoreBest: true)
        var sgd = Fixture.sgd
        sgd.config.train.earlyStop = EarlyStopConfig(patience: 1)
        var adam0 = Fixture.record(adam, seed: 0, stepsPerEpoch: 3, lr: 0.01, [(0.4, 0.4, 0.85), (0.2, 0.2, 0.95), (0.15, 0.25, 0.9)],
                                   seconds: 2.0)
        adam0.earlyStop = EarlyStopOutcome(epoch: 3, bestEpoch: 2)
        var sgd1 = Fixture.record(sgd, seed: 1, stepsPerEpoch: 1, lr: 0.1, [(0.72, 0.68, 0.6), (0.65, 0.7, 0.7)], seconds: 1.0)
        sgd1.earlyStop = EarlyStopOutcome(epoch: 2, bestEpoch: 1)
        let report = Report(experiment: Fixture.experiment(variants: [sgd, adam]), records: [Fixture.sgd0, sgd1, adam0, Fixture.adam1],
                            context: Fixture.context)
        // The variants differ in it: a column of the Setup table.
        #expect(tableRows(report.markdown(), after: "## Setup").first?.last == "early stopping")
        #expect(report.markdown().contains("""
            ## Early stopping

            Runs that `train.early_stop` ended when their metric stopped improving; their last epoch is their final one in the tables above.

            - **sgd**, seed 1: stopped after epoch 2 of 3; best val_loss at epoch 1
            - **adam**, seed 0: stopped after epoch 3 of 3; best val_accuracy at epoch 2 (its weights restored for the test set)

            """))
    }

    @Test func theSetupNamesTheSetting() {
        #expect(RunSetup.earlyStopText(EarlyStopConfig(patience: 5)) == "val_loss, patience 5")
        #expect(RunSetup.earlyStopText(EarlyStopConfig(metric: .validationAccuracy, patience: 2, minDelta: 0.01, restoreBest: true))
                == "val_accuracy, patience 2, min_delta 0.01, best epoch restored")
    }

    @Test func saysNothingWhenNoRunStoppedEarly() {
        #expect(!Fixture.report.markdown().contains("Early stopping"))
        #expect(!Fixture.report.markdown().contains("early stop"))
    }
}
