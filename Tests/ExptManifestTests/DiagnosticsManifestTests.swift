import ExptData
import ExptStore
import Testing
@testable import ExptManifest

/// The switches of the diagnostics (`train.layer_stats`, `train.evaluate_train`,
/// `data.label_noise`, `data.input_noise`): what they decode to, that a run without them keeps
/// its canonical JSON, and their errors word for word.
@Suite struct DiagnosticsManifestTests {
    static func decode(_ text: String) throws -> Experiment {
        try ManifestLoader.decode(text: text, path: "x.yaml")
    }

    @Test func switchesDecode() throws {
        var text = edit(baseManifest, "  epochs: 10", "  epochs: 10\n  layer_stats: true\n  evaluate_train: true")
        text = edit(text, "  classes: 3", "  classes: 3\n  label_noise: 0.2\n  input_noise: 0.1")
        let config = try Self.decode(text).variants[0].config
        #expect(config.train.layerStatistics)
        #expect(config.train.evaluateTraining)
        #expect(config.data.labelNoise == 0.2)
        #expect(config.data.inputNoise == 0.1)
    }

    /// Off, or zero, the switches leave the canonical JSON as it was before they existed.
    @Test func switchesOffKeepTheCanonicalJSON() throws {
        let plain = try Self.decode(baseManifest)
        var text = edit(baseManifest, "  epochs: 10", "  epochs: 10\n  layer_stats: false\n  evaluate_train: false")
        text = edit(text, "  classes: 3", "  classes: 3\n  label_noise: 0\n  input_noise: 0")
        let off = try Self.decode(text)
        let spec = RunSpec(variant: "sgd", seed: 0, config: plain.variants[0].config)
        #expect(RunSpec(variant: "sgd", seed: 0, config: off.variants[0].config).canonicalJSON() == spec.canonicalJSON())
        #expect(!spec.canonicalJSON().contains("layerStatistics"))
        #expect(!spec.canonicalJSON().contains("labelNoise"))
        let on = try Self.decode(edit(baseManifest, "  epochs: 10", "  epochs: 10\n  layer_stats: true"))
        let json = RunSpec(variant: "sgd", seed: 0, config: on.variants[0].config).canonicalJSON()
        #expect(json.contains("\"layerStatistics\" : true"))
    }

    static let regression = """
        name: demo
        data:
          dataset: linear
          label_noise: 0.2
        model:
          - dense: 1
        loss: mse
        train: {epochs: 2}
        optimizer: {name: sgd, lr: 0.1}
        variants:
          sgd: {}
        """

    @Test(arguments: [
        (edit(baseManifest, "  classes: 3", "  classes: 3\n  label_noise: 1"), """
            x.yaml:5:16: error: data.label_noise: expected a number in [0, 1), found 1
              label_noise: 1
                           ^
            """),
        (edit(baseManifest, "  classes: 3", "  classes: 3\n  label_noise: -0.1"), """
            x.yaml:5:16: error: data.label_noise: expected a number in [0, 1), found -0.1
              label_noise: -0.1
                           ^
            """),
        (regression, """
            x.yaml:4:16: error: data.label_noise: expected no label_noise for the regression dataset linear, which has no labels, found 0.2
              label_noise: 0.2
                           ^
            """),
        (edit(baseManifest, "  classes: 3", "  classes: 3\n  input_noise: -1"), """
            x.yaml:5:16: error: data.input_noise: expected a non-negative number, found -1
              input_noise: -1
                           ^
            """),
        (edit(baseManifest, "  epochs: 10", "  epochs: 10\n  layer_stats: yes please"), """
            x.yaml:11:16: error: train.layer_stats: expected true or false, found "yes please"
              layer_stats: yes please
                           ^
            """),
        (edit(baseManifest, "variants:", "compare: {metric: train_accuracy}\nvariants:"), """
            x.yaml:12:19: error: compare.metric: compare.metric is train_accuracy, but in variant "sgd" train_accuracy needs train.evaluate_train: true
            compare: {metric: train_accuracy}
                              ^
            """),
        (edit(baseManifest, "variants:", "expect: adam.train_eval_loss < 1\nvariants:"), """
            x.yaml:12:9: error: expect: adam.train_eval_loss: in variant "adam" train_eval_loss needs train.evaluate_train: true
            expect: adam.train_eval_loss < 1
                    ^
            """),
    ])
    func errors(text: String, expected: String) {
        #expect(errorText(text) == expected)
    }
}
