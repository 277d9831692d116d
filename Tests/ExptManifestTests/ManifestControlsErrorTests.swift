import Testing
@testable import ExptManifest

/// The messages of `schedule`, `clip` and `param_groups`, word for word. Each case adds one
/// line (line 12) after the top-level optimizer of ``baseManifest``, whose model has 2 layers.
struct ManifestControlsErrorTests {
    static let anchor = "optimizer: {name: sgd, lr: 0.1}"

    static let cases: [ErrorCase] = [
        ErrorCase("unknown schedule", replacing: anchor, with: anchor + "\n" + "schedule: {name: cosin}", #"""
            x.yaml:12:18: error: schedule.name: unknown schedule "cosin"; expected one of: constant, cosine, cosine_restarts, exponential, inverse_time, multistep, onecycle, plateau, polynomial, step
            schedule: {name: cosin}
                             ^
            """#),
        ErrorCase("schedule key did you mean", replacing: anchor, with: anchor + "\n" + "schedule: {name: cosine, t_maxx: 4}", #"""
            x.yaml:12:26: error: schedule.t_maxx: unknown key "t_maxx"; did you mean "t_max"?
            schedule: {name: cosine, t_maxx: 4}
                                     ^
            """#),
        ErrorCase("schedule missing its required key", replacing: anchor, with: anchor + "\n" + "schedule: {name: step}", #"""
            x.yaml:12:11: error: schedule: missing required key "step_size"
            schedule: {name: step}
                      ^
            """#),
        ErrorCase("schedule values out of range", replacing: anchor, with: anchor + "\n" + "schedule: {name: step, step_size: 0, gamma: -1}", #"""
            x.yaml:12:35: error: schedule.step_size: expected a positive integer, found 0
            schedule: {name: step, step_size: 0, gamma: -1}
                                              ^
            x.yaml:12:45: error: schedule.gamma: expected a positive number, found -1
            schedule: {name: step, step_size: 0, gamma: -1}
                                                        ^
            """#),
        ErrorCase("milestones out of order", replacing: anchor, with: anchor + "\n" + "schedule: {name: multistep, milestones: [5, 3]}", #"""
            x.yaml:12:45: error: schedule.milestones[1]: expected milestones in increasing order, found 3 after 5
            schedule: {name: multistep, milestones: [5, 3]}
                                                        ^
            """#),
        ErrorCase("onecycle per epoch", replacing: anchor, with: anchor + "\n" + "schedule: {name: onecycle, max_lr: 1, interval: epoch}", #"""
            x.yaml:12:49: error: schedule.interval: expected step: onecycle is stepped after every batch, found "epoch"
            schedule: {name: onecycle, max_lr: 1, interval: epoch}
                                                            ^
            """#),
        ErrorCase("plateau per step", replacing: anchor, with: anchor + "\n" + "schedule: {name: plateau, interval: step}", #"""
            x.yaml:12:37: error: schedule.interval: expected epoch: plateau is stepped once per epoch, found "step"
            schedule: {name: plateau, interval: step}
                                                ^
            """#),
        ErrorCase("plateau names", replacing: anchor, with: anchor + "\n" + "schedule: {name: plateau, metric: accuracy, mode: up, threshold_mode: relative}", #"""
            x.yaml:12:35: error: schedule.metric: unknown metric "accuracy"; expected one of: train_accuracy, train_eval_loss, train_loss, val_accuracy, val_loss
            schedule: {name: plateau, metric: accuracy, mode: up, threshold_mode: relative}
                                              ^
            x.yaml:12:51: error: schedule.mode: unknown mode "up"; expected one of: max, min
            schedule: {name: plateau, metric: accuracy, mode: up, threshold_mode: relative}
                                                              ^
            x.yaml:12:71: error: schedule.threshold_mode: unknown threshold_mode "relative"; expected one of: abs, rel
            schedule: {name: plateau, metric: accuracy, mode: up, threshold_mode: relative}
                                                                                  ^
            """#),
        ErrorCase("unknown interval", replacing: anchor, with: anchor + "\n" + "schedule: {name: cosine, interval: batch}", #"""
            x.yaml:12:36: error: schedule.interval: unknown interval "batch"; expected one of: epoch, step
            schedule: {name: cosine, interval: batch}
                                               ^
            """#),
        ErrorCase("schedule as a sequence", replacing: anchor, with: anchor + "\n" + "schedule: [cosine]", #"""
            x.yaml:12:11: error: schedule: expected a schedule name or a mapping, found a sequence
            schedule: [cosine]
                      ^
            """#),
        ErrorCase("warm-up in steps per epoch", replacing: anchor, with: anchor + "\n" + "schedule: {name: cosine, warmup: {steps: 5}}", #"""
            x.yaml:12:42: error: schedule.warmup.steps: a warm-up in steps needs interval: step; use epochs with a schedule stepped per epoch
            schedule: {name: cosine, warmup: {steps: 5}}
                                                     ^
            """#),
        ErrorCase("warm-up without a length", replacing: anchor, with: anchor + "\n" + "schedule: {name: cosine, warmup: {}}", #"""
            x.yaml:12:34: error: schedule.warmup: missing required key "epochs" or "steps"
            schedule: {name: cosine, warmup: {}}
                                             ^
            """#),
        ErrorCase("warm-up in steps and epochs", replacing: anchor, with: anchor + "\n" + "schedule: {name: cosine, warmup: {epochs: 2, steps: 3}, interval: step}", #"""
            x.yaml:12:53: error: schedule.warmup.steps: expected either epochs or steps, not both
            schedule: {name: cosine, warmup: {epochs: 2, steps: 3}, interval: step}
                                                                ^
            """#),
        ErrorCase("warm-up start factor", replacing: anchor, with: anchor + "\n" + "schedule: {name: exponential, gamma: 0.9, warmup: {epochs: 2, start_factor: 2}}", #"""
            x.yaml:12:77: error: schedule.warmup.start_factor: expected a number in [0, 1], found 2
            schedule: {name: exponential, gamma: 0.9, warmup: {epochs: 2, start_factor: 2}}
                                                                                        ^
            """#),
        ErrorCase("clip without a bound", replacing: anchor, with: anchor + "\n" + "clip: {}", #"""
            x.yaml:12:7: error: clip: missing required key "norm" or "value"
            clip: {}
                  ^
            """#),
        ErrorCase("clip values", replacing: anchor, with: anchor + "\n" + "clip: {norm: 0, value: big}", #"""
            x.yaml:12:14: error: clip.norm: expected a positive number, found 0
            clip: {norm: 0, value: big}
                         ^
            x.yaml:12:24: error: clip.value: expected a positive number, found "big"
            clip: {norm: 0, value: big}
                                   ^
            """#),
        ErrorCase("layer index out of range", replacing: anchor, with: anchor + "\n" + "param_groups: [{layers: [2], optimizer: {name: adam}}]", #"""
            x.yaml:12:26: error: param_groups[0].layers[0]: expected a layer index from 0 to 1 (the model has 2 layers), found 2
            param_groups: [{layers: [2], optimizer: {name: adam}}]
                                     ^
            """#),
        ErrorCase("layer in two groups", replacing: anchor, with: anchor + "\n" + "param_groups: [{layers: [0], optimizer: {lr: 0.5}}, {layers: [1, 0], optimizer: {lr: 0.2}}]", #"""
            x.yaml:12:66: error: param_groups[1].layers[1]: layer 0 is already in param_groups[0]
            param_groups: [{layers: [0], optimizer: {lr: 0.5}}, {layers: [1, 0], optimizer: {lr: 0.2}}]
                                                                             ^
            """#),
        ErrorCase("param_groups as a mapping", replacing: anchor, with: anchor + "\n" + "param_groups: {layers: 0}", #"""
            x.yaml:12:15: error: param_groups: expected a sequence of parameter groups, found a mapping
            param_groups: {layers: 0}
                          ^
            """#),
        ErrorCase("group without layers", replacing: anchor, with: anchor + "\n" + "param_groups: [{layers: [], optimizer: adam}]", #"""
            x.yaml:12:25: error: param_groups[0].layers: expected at least one layer index, found an empty sequence
            param_groups: [{layers: [], optimizer: adam}]
                                    ^
            """#),
        ErrorCase("group key did you mean", replacing: anchor, with: anchor + "\n" + "param_groups: [{layer: [0]}]", #"""
            x.yaml:12:16: error: param_groups[0]: missing required key "layers"
            param_groups: [{layer: [0]}]
                           ^
            x.yaml:12:16: error: param_groups[0]: missing required key "optimizer"
            param_groups: [{layer: [0]}]
                           ^
            x.yaml:12:17: error: param_groups[0].layer: unknown key "layer"; did you mean "layers"?
            param_groups: [{layer: [0]}]
                            ^
            """#),
        ErrorCase("key of another optimizer in a group", replacing: anchor, with: anchor + "\n" + "param_groups: [{layers: [1], optimizer: {name: adam, momentum: 0.9}}]", #"""
            x.yaml:12:54: error: param_groups[0].optimizer.momentum: unknown key "momentum"; expected one of: amsgrad, betas, eps, lr, name, weight_decay
            param_groups: [{layers: [1], optimizer: {name: adam, momentum: 0.9}}]
                                                                 ^
            """#),
    ]

    @Test(arguments: cases)
    func message(_ errorCase: ErrorCase) {
        #expect(errorText(errorCase.text) == errorCase.expected)
    }
}
