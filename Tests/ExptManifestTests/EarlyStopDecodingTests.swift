import ExptStore
import Testing
@testable import ExptManifest

/// `train.early_stop` and `train.checkpoint`: their values, defaults and errors, and which of
/// them is part of the run id.
struct EarlyStopDecodingTests {
    private static func manifest(train: String) -> String {
        edit(baseManifest, "train:\n  epochs: 10\n", "train:\n  epochs: 10\n" + train)
    }

    @Test func decodesEveryKey() throws {
        let text = Self.manifest(train: "  early_stop: {metric: val_accuracy, patience: 3, min_delta: 0.01, restore_best: true}\n  checkpoint: {every: 2}\n")
        let train = try ManifestLoader.decode(text: text, path: "x.yaml").variants[0].config.train
        #expect(train.earlyStop == EarlyStopConfig(metric: .validationAccuracy, patience: 3, minDelta: 0.01, restoreBest: true))
        #expect(train.checkpointEvery == 2)
    }

    @Test func defaultsToValidationLossWithoutDeltaOrRestore() throws {
        let text = Self.manifest(train: "  early_stop: {patience: 5}\n")
        let train = try ManifestLoader.decode(text: text, path: "x.yaml").variants[0].config.train
        #expect(train.earlyStop == EarlyStopConfig(metric: .validationLoss, patience: 5, minDelta: 0, restoreBest: false))
        #expect(train.checkpointEvery == nil)
    }

    /// Early stopping changes what a run records, so it is in the run id; a checkpoint does not.
    @Test func earlyStopIsInTheRunIDAndCheckpointIsNot() throws {
        let plain = try ManifestLoader.decode(text: baseManifest, path: "x.yaml").runs[0]
        let checkpointed = try ManifestLoader.decode(text: Self.manifest(train: "  checkpoint: {every: 3}\n"), path: "x.yaml").runs[0]
        let stopping = try ManifestLoader.decode(text: Self.manifest(train: "  early_stop: {patience: 2}\n"), path: "x.yaml").runs[0]
        #expect(checkpointed.canonicalJSON() == plain.canonicalJSON())
        #expect(checkpointed.id == plain.id)
        #expect(stopping.id != plain.id)
        #expect(stopping.canonicalJSON().contains("""
                  "earlyStop" : {
                    "metric" : "val_loss",
                    "minDelta" : 0,
                    "patience" : 2,
                    "restoreBest" : false
                  },
                  "epochs" : 10,
            """))
        #expect(!plain.canonicalJSON().contains("earlyStop"))
    }

    /// The JSON Schema accepts both mappings, and refuses an early stop without patience or a key of neither.
    @Test func theSchemaKnowsBothMappings() throws {
        let valid = Self.manifest(train: "  early_stop: {metric: val_accuracy, patience: 3, min_delta: 0.01, restore_best: true}\n  checkpoint: {every: 2}\n")
        #expect(try ManifestJSONSchemaTests.failures(valid) == [])
        #expect(try !ManifestJSONSchemaTests.failures(Self.manifest(train: "  early_stop: {metric: val_loss}\n")).isEmpty)
        #expect(try !ManifestJSONSchemaTests.failures(Self.manifest(train: "  checkpoint: {every: 2, keep: 3}\n")).isEmpty)
    }

    @Test func patienceIsRequired() {
        #expect(errorText(Self.manifest(train: "  early_stop: {metric: val_loss}\n")) == """
            x.yaml:11:15: error: train.early_stop: missing required key "patience"
              early_stop: {metric: val_loss}
                          ^
            """)
    }

    @Test func refusesAnUnknownMetric() {
        #expect(errorText(Self.manifest(train: "  early_stop: {metric: test_loss, patience: 2}\n")) == """
            x.yaml:11:24: error: train.early_stop.metric: unknown metric "test_loss"; expected one of: train_accuracy, train_eval_loss, train_loss, val_accuracy, val_loss
              early_stop: {metric: test_loss, patience: 2}
                                   ^
            """)
    }

    @Test func refusesANegativeDelta() {
        #expect(errorText(Self.manifest(train: "  early_stop: {patience: 2, min_delta: -1}\n")) == """
            x.yaml:11:40: error: train.early_stop.min_delta: expected a non-negative number, found -1
              early_stop: {patience: 2, min_delta: -1}
                                                   ^
            """)
    }

    @Test func refusesACheckpointEveryZeroEpochs() {
        #expect(errorText(Self.manifest(train: "  checkpoint: {every: 0}\n")) == """
            x.yaml:11:23: error: train.checkpoint.every: expected a positive integer, found 0
              checkpoint: {every: 0}
                                  ^
            """)
    }

    @Test func aValidationMetricNeedsAValidationSet() {
        let text = edit(Self.manifest(train: "  early_stop: {metric: val_accuracy, patience: 2}\n"), "  classes: 3\n", "  classes: 3\n  validation: 0\n")
        #expect(errorText(edit(text, "variants:\n", "compare: {metric: train_loss}\nvariants:\n")) == """
            x.yaml:12:24: error: train.early_stop.metric: early_stop watches val_accuracy, but there is no validation set (data.validation is 0); set early_stop.metric: train_loss
              early_stop: {metric: val_accuracy, patience: 2}
                                   ^
            """)
    }
}
