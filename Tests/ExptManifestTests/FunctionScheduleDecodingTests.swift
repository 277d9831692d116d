import ExptOptim
import Testing
@testable import ExptManifest

/// `schedule` and `clip` reach a 2D-function run's configuration; `param_groups`, and a plateau
/// schedule watching an accuracy, are refused there.
struct FunctionScheduleDecodingTests {
    static let manifest = """
        name: bowl
        data: {dataset: quadratic, start: [1.0, 1.0], condition_number: 2}
        train: {steps: 3}
        optimizer: {name: sgd, lr: 0.1}
        schedule: {name: step, step_size: 1, gamma: 0.5}
        clip: {norm: 10}
        variants:
          sgd: {}
        """

    @Test func scheduleAndClippingAreKept() throws {
        let config = try ManifestLoader.decode(text: Self.manifest, path: "x.yaml").variants[0].config
        #expect(config.schedule?.kind == .step(stepSize: 1, gamma: 0.5))
        #expect(config.clipping == GradientClipping(maxNorm: 10))
    }

    @Test func parameterGroupsAreRefused() {
        let text = edit(Self.manifest, "clip: {norm: 10}", "param_groups: [{layers: [0], lr: 0.1}]")
        #expect(errorText(text) == """
            x.yaml:6:15: error: param_groups: expected no param_groups for function quadratic, which has no layers, found a sequence
            param_groups: [{layers: [0], lr: 0.1}]
                          ^
            """)
    }

    @Test func aPlateauOnAccuracyIsRefused() {
        let text = edit(Self.manifest, "schedule: {name: step, step_size: 1, gamma: 0.5}", "schedule: {name: plateau, metric: val_accuracy}")
        #expect(errorText(text) == """
            x.yaml:5:35: error: schedule.metric: expected train_loss or val_loss for a function, which has no accuracy, found val_accuracy
            schedule: {name: plateau, metric: val_accuracy}
                                              ^
            """)
    }
}
