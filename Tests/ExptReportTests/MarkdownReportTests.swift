import Testing
import ExptEngine
import ExptManifest
import ExptOptim
import ExptStore
import ExptReport

@Suite struct MarkdownReportTests {
    static let comparison = "## Comparison"

    /// Worked by hand from the fixture. For two values the sample std is |a − b|/√2, so the 95%
    /// half-width t(0.975, 1)·s/√2 is 12.706205·|a − b|/2:
    ///
    ///     adam final acc  0.9, 0.94   -> 0.92   ± 12.706205·0.02  = 0.2541
    ///     adam best acc   0.95, 0.94  -> 0.9450 ± 12.706205·0.005 = 0.0635
    ///     adam val_loss   0.25, 0.21  -> 0.23   ± 0.2541
    ///     adam seconds    2.0, 3.0    -> 2.50   ± 12.706205·0.5   = 6.35
    ///     sgd  final acc  0.8, 0.75   -> 0.7750 ± 12.706205·0.025 = 0.3177
    ///     sgd  val_loss   0.55, 0.58  -> 0.5650 ± 12.706205·0.015 = 0.1906
    ///     sgd  seconds    1.75, 1.25  -> 1.50   ± 12.706205·0.25  = 3.18
    ///
    /// The median of two values is their mean. adam comes first although the manifest lists
    /// sgd first: accuracy is maximised.
    @Test func comparisonTableCellByCell() {
        let rows = tableRows(Fixture.report.markdown(), after: Self.comparison)
        #expect(rows.count == 4)
        #expect(rows[0] == ["variant", "final val_accuracy", "median", "best val_accuracy", "final val_loss", "seconds", "seeds"])
        #expect(rows[1] == ["---", "--:", "--:", "--:", "--:", "--:", "--:"])
        #expect(rows[2] == ["adam", "0.9200 ± 0.2541", "0.9200", "0.9450 ± 0.0635", "0.2300 ± 0.2541", "2.50 ± 6.35", "2"])
        #expect(rows[3] == ["sgd", "0.7750 ± 0.3177", "0.7750", "0.7750 ± 0.3177", "0.5650 ± 0.1906", "1.50 ± 3.18", "2"])
    }

    /// With two seeds each, the gap 0.92 − 0.775 = 0.145 exceeds both standard deviations
    /// (0.028, 0.035), but the intervals [0.6659, 1.1741] and [0.4573, 1.0927] overlap.
    @Test func winnerSentence() {
        #expect(paragraphAfterTable(Fixture.report.markdown(), after: Self.comparison) ==
            "adam has the best mean final val_accuracy, 0.9200 ± 0.2541 over 2 seeds, but its 95% confidence interval "
            + "overlaps that of sgd, at 0.7750 ± 0.3177 over 2 seeds: the difference is not resolved by these seeds.")
    }

    /// Three seeds per variant with final accuracies `adam` and `sgd`.
    static func threeSeeds(adam: [Double], sgd: [Double]) -> String {
        let records = [(Fixture.adam, adam), (Fixture.sgd, sgd)].flatMap { variant, finals in
            finals.enumerated().map { seed, accuracy in
                Fixture.record(variant, seed: UInt64(seed), stepsPerEpoch: 1, lr: 0.1, [(0.5, 0.3, accuracy)], seconds: 1)
            }
        }
        var experiment = Fixture.experiment()
        experiment.seeds = [0, 1, 2]
        return Report(experiment: experiment, records: records, context: Fixture.context).markdown()
    }

    /// t(0.975, 2) = 4.302653. adam 0.90, 0.92, 0.94: s = 0.02, half-width 4.302653·0.02/√3 = 0.0497,
    /// interval [0.8703, 0.9697]; sgd 0.68, 0.73, 0.78: s = 0.05, half-width 0.1242, [0.6058, 0.8542].
    @Test func theWinnerIsNamedWhenTheIntervalsDoNotOverlap() {
        #expect(paragraphAfterTable(Self.threeSeeds(adam: [0.90, 0.92, 0.94], sgd: [0.68, 0.73, 0.78]), after: Self.comparison) ==
            "**adam** wins on final val_accuracy with 0.9200 ± 0.0497 over 3 seeds; the runner-up sgd is at "
            + "0.7300 ± 0.1242 over 3 seeds, and the 95% confidence intervals do not overlap.")
    }

    /// sgd 0.70, 0.75, 0.80: [0.6258, 0.8742] reaches past adam's lower end 0.8703 by 0.004.
    @Test func intervalsThatJustOverlapAreNotResolved() {
        #expect(paragraphAfterTable(Self.threeSeeds(adam: [0.90, 0.92, 0.94], sgd: [0.70, 0.75, 0.80]), after: Self.comparison)?
            .hasSuffix("the difference is not resolved by these seeds.") == true)
    }

    /// sgd 0.80, 0.85, 0.90: mean 0.85, s = 0.05, interval [0.7258, 0.9742], which overlaps adam's
    /// [0.8703, 0.9697], although the gap 0.07 exceeds both standard deviations (0.02, 0.05).
    @Test func notResolvedWhenTheIntervalsOverlap() {
        let markdown = Self.threeSeeds(adam: [0.90, 0.92, 0.94], sgd: [0.80, 0.85, 0.90])
        #expect(tableRows(markdown, after: Self.comparison).map { $0[0] } == ["variant", "---", "adam", "sgd"])
        #expect(paragraphAfterTable(markdown, after: Self.comparison) ==
            "adam has the best mean final val_accuracy, 0.9200 ± 0.0497 over 3 seeds, but its 95% confidence interval "
            + "overlaps that of sgd, at 0.8500 ± 0.1242 over 3 seeds: the difference is not resolved by these seeds.")
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
        #expect(rows[2] == ["adam", "0.9000", "0.9000", "0.9500", "0.2500", "2.00", "1 of 2"])
        #expect(rows[3] == ["sgd", "0.8000", "0.8000", "0.8000", "0.5500", "1.75", "1 of 2"])
        #expect(paragraphAfterTable(markdown, after: Self.comparison) ==
            "adam has the best mean final val_accuracy, 0.9000 over 1 seed, ahead of sgd at 0.8000 over 1 seed, "
            + "but a single seed gives no confidence interval: the difference is not resolved by these seeds.")
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
        #expect(rows[0] == ["variant", "final val_loss", "median", "best val_loss", "final val_accuracy", "seconds", "seeds"])
        // adam's best losses: 0.2 (epoch 2) and 0.21 (epoch 3) -> 0.2050 ± 12.706205·0.005 = 0.0635.
        #expect(rows[2] == ["adam", "0.2300 ± 0.2541", "0.2300", "0.2050 ± 0.0635", "0.9200 ± 0.2541", "2.50 ± 6.35", "2"])
        #expect(rows[3][0] == "sgd")
    }

    @Test func aVariantWithoutCompletedRunsSortsLastWithDashes() {
        let failed = Fixture.record(Fixture.sgd, seed: 0, stepsPerEpoch: 1, lr: 0.1, [], seconds: 0.1,
                                    status: .failed(reason: "boom"))
        let markdown = Report(experiment: Fixture.experiment(), records: [failed, Fixture.adam0, Fixture.adam1],
                              context: Fixture.context).markdown()
        let rows = tableRows(markdown, after: Self.comparison)
        #expect(rows[2][0] == "adam")
        #expect(rows[3] == ["sgd", "—", "—", "—", "—", "—", "0 of 2"])
        #expect(paragraphAfterTable(markdown, after: Self.comparison) ==
            "**adam** is the only variant with results to compare: final val_accuracy 0.9200 ± 0.2541 over 2 seeds.")
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
            "**adam** is the only variant with results to compare: final val_loss 0.2500 over 1 seed.")
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
        #expect(markdown.contains("- **Threads:** threads per run differ by variant (see Setup); 2 runs at a time\n"))
        let rows = tableRows(markdown, after: "## Setup")
        #expect(rows[0] == ["variant", "optimizer", "hyperparameters", "batch size", "model", "threads per run"])
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
            - **Threads:** 1 thread per run; 2 runs at a time

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

            Mean ± half-width of the 95% confidence interval of the mean over seeds (Student t; one \
            seed shows the mean alone), and the median of the final value; best first by mean final \
            val_accuracy (higher is better). Diverged and failed runs are left out of the means.

            | variant | final val_accuracy | median | best val_accuracy | final val_loss | seconds | seeds |
            | --- | --: | --: | --: | --: | --: | --: |
            | adam | 0.9200 ± 0.2541 | 0.9200 | 0.9450 ± 0.0635 | 0.2300 ± 0.2541 | 2.50 ± 6.35 | 2 |
            | sgd | 0.7750 ± 0.3177 | 0.7750 | 0.7750 ± 0.3177 | 0.5650 ± 0.1906 | 1.50 ± 3.18 | 2 |

            adam has the best mean final val_accuracy, 0.9200 ± 0.2541 over 2 seeds, but its 95% confidence interval \
            overlaps that of sgd, at 0.7750 ± 0.3177 over 2 seeds: the difference is not resolved by these seeds.

            ## Details

            Final val_accuracy over the completed seeds: mean, sample standard deviation, median and range; \
            then the 95% confidence interval of the mean. Generalisation gap: final validation (or test) loss \
            minus the final epoch's mean training loss, mean ± 95% CI half-width.

            | rank | variant | seeds | mean | std | median | min | max |
            | --: | --- | --: | --: | --: | --: | --: | --: |
            | 1 | adam | 2 | 0.9200 | 0.0283 | 0.9200 | 0.9000 | 0.9400 |
            | 2 | sgd | 2 | 0.7750 | 0.0354 | 0.7750 | 0.7500 | 0.8000 |

            | rank | variant | 95% CI | val − train loss | diverged |
            | --: | --- | --: | --: | --: |
            | 1 | adam | [0.6659, 1.1741] | 0.09250 ± 0.09530 | 0 of 2 |
            | 2 | sgd | [0.4573, 1.0927] | 0.05500 ± 0.06353 | 0 of 2 |

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
