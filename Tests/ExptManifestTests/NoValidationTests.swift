import Testing
@testable import ExptManifest

/// `data.validation: 0`: no validation set, so nothing may rank on or watch a `val_*` metric.
struct NoValidationTests {
    private static let manifest = """
        name: demo
        data:
          dataset: spirals
          classes: 3
          validation: 0
        model:
          - dense: 3
        train:
          epochs: 2
        optimizer: {name: sgd, lr: 0.1}
        compare:
          metric: train_loss
        variants:
          sgd: {}
        """

    @Test func zeroIsAcceptedWhenTheComparisonRanksOnTrainingLoss() throws {
        let experiment = try ManifestLoader.decode(text: Self.manifest, path: "x.yaml")
        #expect(experiment.variants[0].config.data.validation == 0)
        #expect(experiment.compare.metric == .trainLoss)
    }

    @Test func aComparisonOnAValidationMetricIsRefused() {
        let text = edit(Self.manifest, "metric: train_loss", "metric: val_accuracy")
        #expect(errorText(text) == """
            x.yaml:12:11: error: compare.metric: expected train_loss, found val_accuracy: variant "sgd" has no validation set (data.validation is 0)
              metric: val_accuracy
                      ^
            """)
    }

    @Test func theDefaultComparisonIsRefusedAtTheValidationSetting() {
        let text = edit(Self.manifest, "compare:\n  metric: train_loss\n", "")
        #expect(errorText(text) == """
            x.yaml:5:15: error: data.validation: variant "sgd" has no validation set, and compare.metric is val_accuracy by default; set compare.metric: train_loss
              validation: 0
                          ^
            """)
    }

    @Test func aPlateauScheduleWatchingValidationLossIsRefused() {
        let text = edit(Self.manifest, "variants:\n", "schedule: {name: plateau}\nvariants:\n")
        #expect(errorText(text) == """
            x.yaml:15:3: error: variants.sgd: schedule plateau watches val_loss, but variant "sgd" has no validation set (data.validation is 0); set schedule.metric: train_loss
              sgd: {}
              ^
            """)
    }

    @Test func aNegativeFractionIsRefusedWithTheNewRange() {
        let text = edit(Self.manifest, "validation: 0", "validation: -0.5")
        #expect(errorText(text) == """
            x.yaml:5:15: error: data.validation: expected a number in [0, 1), found -0.5
              validation: -0.5
                          ^
            """)
    }
}

/// An expectation that names a validation metric of a variant without a validation set.
struct NoValidationExpectationTests {
    @Test func anExpectationOnValidationAccuracyIsRefused() {
        let text = """
            name: demo
            data: {dataset: spirals, classes: 3, validation: 0}
            model: [{dense: 3}]
            train: {epochs: 2}
            optimizer: {name: sgd, lr: 0.1}
            compare: {metric: train_loss}
            variants:
              sgd: {}
            expect:
              - sgd.train_loss < 2
              - sgd.val_accuracy > 0.5
            """
        #expect(errorText(text) == """
            x.yaml:11:5: error: expect[1]: sgd.val_accuracy: variant "sgd" has no validation set (data.validation is 0); expected train_loss, test_loss or test_accuracy
              - sgd.val_accuracy > 0.5
                ^
            """)
    }
}
