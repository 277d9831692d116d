import Testing
import ExptEngine
import ExptManifest
import ExptOptim
import ExptRunner
import ExptReport

@Suite struct MarkdownReportTests {
    static let comparison = "## Comparison"

    /// Worked by hand from the fixture (sample std of two values = |a − b| / √2):
    ///
    ///     adam final acc  0.9, 0.94   -> 0.92  ± 0.04/√2 = 0.02828
    ///     adam best acc   0.95, 0.94  -> 0.9450 ± 0.0100/√2 = 0.007071
    ///     adam val_loss   0.25, 0.21  -> 0.23  ± 0.04/√2 = 0.02828
    ///     adam seconds    2.0, 3.0    -> 2.50  ± 1/√2    = 0.71
    ///     sgd  final acc  0.8, 0.75   -> 0.7750 ± 0.0500/√2 = 0.03536
    ///     sgd  best acc   0.8, 0.75   -> 0.7750 ± 0.0354
    ///     sgd  val_loss   0.55, 0.58  -> 0.5650 ± 0.0300/√2 = 0.02121
    ///     sgd  seconds    1.75, 1.25  -> 1.50  ± 0.5/√2  = 0.35
    ///
    /// adam comes first although the manifest lists sgd first: accuracy is maximised.
    @Test func comparisonTableCellByCell() {
        let rows = tableRows(Fixture.report.markdown(), after: Self.comparison)
        #expect(rows.count == 4)
        #expect(rows[0] == ["variant", "final val_accuracy", "best val_accuracy", "final val_loss", "seconds", "seeds"])
        #expect(rows[1] == ["---", "--:", "--:", "--:", "--:", "--:"])
        #expect(rows[2] == ["adam", "0.9200 ± 0.0283", "0.9450 ± 0.0071", "0.2300 ± 0.0283", "2.50 ± 0.71", "2"])
        #expect(rows[3] == ["sgd", "0.7750 ± 0.0354", "0.7750 ± 0.0354", "0.5650 ± 0.0212", "1.50 ± 0.35", "2"])
    }

    /// The gap 0.92 − 0.775 = 0.145 exceeds both standard deviations (0.028, 0.035).
    @Test func winnerSentence() {
        #expect(paragraphAfterTable(Fixture.report.markdown(), after: Self.comparison) ==
            "**adam** reaches the best final val_accuracy, 0.9200 ± 0.0283 over 2 seeds; "
            + "the runner-up sgd is at 0.7750 ± 0.0354 over 2 seeds.")
    }

    /// sgd's final accuracies become 0.9 and 0.93: mean 0.9150 ± 0.0300/√2 = 0.02121. The gap to
    /// adam, 0.92 − 0.915 = 0.005, is within adam's 0.02828.
    @Test func notResolvedWhenTheGapIsWithinOneStandardDeviation() {
        let sgd0 = Fixture.record(Fixture.sgd, seed: 0, stepsPerEpoch: 1, lr: 0.1, [(0.5, 0.3, 0.9)], seconds: 1)
        let sgd1 = Fixture.record(Fixture.sgd, seed: 1, stepsPerEpoch: 1, lr: 0.1, [(0.5, 0.3, 0.93)], seconds: 1)
        let report = Report(experiment: Fixture.experiment(), records: [sgd0, sgd1, Fixture.adam0, Fixture.adam1],
                            context: Fixture.context)
        let markdown = report.markdown()
        #expect(tableRows(markdown, after: Self.comparison).map { $0[0] } == ["variant", "---", "adam", "sgd"])
        #expect(paragraphAfterTable(markdown, after: Self.comparison) ==
            "**adam** has the best mean final val_accuracy, 0.9200 ± 0.0283 over 2 seeds, but the runner-up sgd, "
            + "at 0.9150 ± 0.0212 over 2 seeds, is within one standard deviation: the difference is not resolved by these seeds.")
    }

    /// sgd/1 diverges and adam/1 fails: each mean covers one seed, ± 0, and the runs are listed.
    @Test func excludedRunsAreListedAndLeftOutOfTheMeans() {
        let diverged = Fixture.record(Fixture.sgd, seed: 1, stepsPerEpoch: 1, lr: 0.1, [(0.9, 0.8, 0.5)],
                                      seconds: 0.25, status: .diverged(step: 2))
        let failed = Fixture.record(Fixture.adam, seed: 1, stepsPerEpoch: 3, lr: 0.01, [], seconds: 0.5,
                                    status: .failed(reason: "cannot allocate\n4 GB | out of memory"))
        let report = Report(experiment: Fixture.experiment(), records: [Fixture.sgd0, diverged, Fixture.adam0, failed],
                            context: Fixture.context)
        let markdown = report.markdown()
        let rows = tableRows(markdown, after: Self.comparison)
        #expect(rows[2] == ["adam", "0.9000 ± 0.0000", "0.9500 ± 0.0000", "0.2500 ± 0.0000", "2.00 ± 0.00", "1 of 2"])
        #expect(rows[3] == ["sgd", "0.8000 ± 0.0000", "0.8000 ± 0.0000", "0.5500 ± 0.0000", "1.75 ± 0.00", "1 of 2"])
        #expect(paragraphAfterTable(markdown, after: Self.comparison) ==
            "**adam** has the best final val_accuracy, 0.9000 ± 0.0000 over 1 seed, ahead of the runner-up sgd at 0.8000 ± 0.0000 over 1 seed, "
            + "but a single seed gives no estimate of the spread: the difference is not resolved by these seeds.")
        #expect(markdown.contains("""
            ## Runs left out of the means

            - **sgd**, seed 1: diverged at step 2, after 1 of 3 epochs
            - **adam**, seed 1: failed after 0 of 3 epochs: cannot allocate 4 GB \\| out of memory

            """))
    }

    @Test func noExcludedSectionWhenEveryRunCompleted() {
        #expect(!Fixture.report.markdown().contains("## Runs left out"))
    }

    /// With val_loss compared (minimised), sgd's 0.565 loses to adam's 0.23, and final
    /// accuracy becomes an extra column.
    @Test func lossComparisonSortsAscending() {
        let report = Report(experiment: Fixture.experiment(compare: Comparison(metric: .validationLoss)),
                            records: Fixture.records, context: Fixture.context)
        let rows = tableRows(report.markdown(), after: Self.comparison)
        #expect(rows[0] == ["variant", "final val_loss", "best val_loss", "final val_accuracy", "seconds", "seeds"])
        // adam's best losses: 0.2 (epoch 2) and 0.21 (epoch 3) -> 0.2050 ± 0.0100/√2 = 0.007071.
        #expect(rows[2] == ["adam", "0.2300 ± 0.0283", "0.2050 ± 0.0071", "0.9200 ± 0.0283", "2.50 ± 0.71", "2"])
        #expect(rows[3][0] == "sgd")
    }

    @Test func aVariantWithoutCompletedRunsSortsLastWithDashes() {
        let failed = Fixture.record(Fixture.sgd, seed: 0, stepsPerEpoch: 1, lr: 0.1, [], seconds: 0.1,
                                    status: .failed(reason: "boom"))
        let markdown = Report(experiment: Fixture.experiment(), records: [failed, Fixture.adam0, Fixture.adam1],
                              context: Fixture.context).markdown()
        let rows = tableRows(markdown, after: Self.comparison)
        #expect(rows[2][0] == "adam")
        #expect(rows[3] == ["sgd", "—", "—", "—", "—", "0 of 2"])
        #expect(paragraphAfterTable(markdown, after: Self.comparison) ==
            "**adam** is the only variant with results to compare: final val_accuracy 0.9200 ± 0.0283 over 2 seeds.")
    }

    /// A mean that is not a number (a complete run whose last loss is NaN) ranks last and
    /// is never named as the winner or the runner-up.
    @Test func aMeanThatIsNotANumberRanksLast() {
        let broken = Fixture.record(Fixture.sgd, seed: 0, stepsPerEpoch: 1, lr: 0.1, [(0.5, .nan, 0.5)], seconds: 1)
        let report = Report(experiment: Fixture.experiment(compare: Comparison(metric: .validationLoss)),
                            records: [broken, Fixture.adam0], context: Fixture.context)
        let markdown = report.markdown()
        #expect(tableRows(markdown, after: Self.comparison).map { $0[0] } == ["variant", "---", "adam", "sgd"])
        #expect(paragraphAfterTable(markdown, after: Self.comparison) ==
            "**adam** is the only variant with results to compare: final val_loss 0.2500 ± 0.0000 over 1 seed.")
    }

    @Test func noWinnerWithoutCompletedRuns() {
        let markdown = Report(experiment: Fixture.experiment(), records: [], context: Fixture.context).markdown()
        #expect(paragraphAfterTable(markdown, after: Self.comparison) == "No variant has a completed run, so there is no winner.")
    }

    @Test func setupShowsSharedFieldsOnceAndWhatDiffersPerVariant() {
        var deeper = Fixture.adam
        deeper.config.model = [.dense(DenseSpec(units: 8, activation: .tanh, initializer: .zeros)), .dense(DenseSpec(units: 2))]
        deeper.config.train.threads = 2
        let markdown = Report(experiment: Fixture.experiment(variants: [Fixture.sgd, deeper]), records: [],
                              context: Fixture.context).markdown()
        #expect(markdown.contains("- **Data:** spirals (samples 100, classes 2, noise 0.1, turns 1.5), validation 0.2, data seed 0\n"))
        #expect(!markdown.contains("- **Model:**"))
        #expect(markdown.contains("- **Threads:** BLAS threads per run differ by variant (see Setup); 2 runs at a time\n"))
        let rows = tableRows(markdown, after: "## Setup")
        #expect(rows[0] == ["variant", "optimizer", "hyperparameters", "batch size", "model", "blas threads per run"])
        // Full batch over 100 examples with 20% held out: 80 training examples.
        #expect(rows[2] == ["sgd", "sgd", "lr 0.1, momentum 0.9",
                            "full (80 examples)", "dense 16 relu → dense 2", "1"])
        #expect(rows[3] == ["adam", "adam", "lr 0.01",
                            "32", "dense 8 tanh (zeros init) → dense 2", "2"])
    }

    /// The whole report for the fixture, as a reader sees it.
    @Test func wholeReport() {
        #expect(Fixture.report.markdown() == """
            # demo

            Adam against momentum SGD on two spirals.

            - **Date:** 2026-01-02T03:04:05Z
            - **expt version:** 0.1.0
            - **Reproduce:** `expt run experiments/demo.yaml`
            - **Machine:** Ubuntu 22.04, x86_64, 2 CPUs
            - **Threads:** 1 BLAS thread per run; 2 runs at a time

            ## Setup

            - **Data:** spirals (samples 100, classes 2, noise 0.1, turns 1.5), validation 0.2, data seed 0
            - **Model:** dense 16 relu → dense 2
            - **Loss:** cross_entropy
            - **Epochs:** 3

            | variant | optimizer | hyperparameters | batch size |
            | --- | --- | --- | --- |
            | sgd | sgd | lr 0.1, momentum 0.9 | full (80 examples) |
            | adam | adam | lr 0.01 | 32 |

            ## Comparison

            Mean ± sample standard deviation over seeds, best first by final val_accuracy (higher is better). \
            Diverged and failed runs are left out of the means.

            | variant | final val_accuracy | best val_accuracy | final val_loss | seconds | seeds |
            | --- | --: | --: | --: | --: | --: |
            | adam | 0.9200 ± 0.0283 | 0.9450 ± 0.0071 | 0.2300 ± 0.0283 | 2.50 ± 0.71 | 2 |
            | sgd | 0.7750 ± 0.0354 | 0.7750 ± 0.0354 | 0.5650 ± 0.0212 | 1.50 ± 0.35 | 2 |

            **adam** reaches the best final val_accuracy, 0.9200 ± 0.0283 over 2 seeds; the runner-up sgd is at 0.7750 ± 0.0354 over 2 seeds.

            ## Charts

            ![Training loss](charts/train_loss.svg)

            ![Validation loss](charts/val_loss.svg)

            ![Validation accuracy](charts/val_accuracy.svg)

            ![Learning rate](charts/lr.svg)

            """)
    }

    @Test func commandWithBackticksGetsALongerFence() {
        var context = Fixture.context
        context.command = "expt run `pwd`/x.yaml"
        let markdown = Report(experiment: Fixture.experiment(), records: [], context: context).markdown()
        #expect(markdown.contains("- **Reproduce:** `` expt run `pwd`/x.yaml ``\n"))
    }
}
