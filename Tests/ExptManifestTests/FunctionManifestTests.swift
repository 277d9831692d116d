import ExptData
import ExptOptim
import Testing
@testable import ExptManifest

/// Manifests of experiments on 2D test functions.
struct FunctionManifestTests {
    static let manifest = """
        name: on-rosenbrock
        data: {dataset: rosenbrock, start: [-1.5, 2.0]}
        train: {steps: 500}
        optimizer: {name: sgd, lr: 0.001}
        variants:
          sgd: {}
          adam: {optimizer: {name: adam, lr: 0.05}}
          bowl: {data: {dataset: quadratic, condition_number: 100}}
        """

    @Test func decodes() throws {
        let experiment = try ManifestLoader.decode(text: Self.manifest, path: "x.yaml")
        #expect(experiment.compare == Comparison(metric: .trainLoss, goal: .minimize))
        let sgd = experiment.variants[0].config
        #expect(sgd.data.dataset == DatasetConfig(FunctionSettings(function: .rosenbrock, start: [-1.5, 2.0])))
        #expect(sgd.model.isEmpty)
        #expect(sgd.train == TrainConfig(epochs: 500, batchSize: .full, threads: 1))
        #expect(sgd.optimizer == .sgd(.init(lr: 0.001)))
        #expect(experiment.variants[1].config.optimizer == .adam(.init(lr: 0.05)))
        // Another function keeps nothing of the top-level data: the quadratic's own default start.
        #expect(experiment.variants[2].config.data.dataset
                == DatasetConfig(FunctionSettings(function: .quadratic, start: [2.0, 1.0], conditionNumber: 100)))
    }

    static let errors: [ErrorCase] = [
        ErrorCase("a model for a function", text: Self.manifest.replacingOccurrences(of: "train: {steps: 500}", with: "model: [{dense: 2}]\ntrain: {steps: 500}"), #"""
            x.yaml:3:8: error: model: expected no model for function rosenbrock, which is optimized directly, found a sequence
            model: [{dense: 2}]
                   ^
            x.yaml:3:8: error: model: expected no model for function quadratic, which is optimized directly, found a sequence (in variant "bowl")
            model: [{dense: 2}]
                   ^
            """#),
        ErrorCase("zero steps", text: Self.manifest.replacingOccurrences(of: "steps: 500", with: "steps: 0"), #"""
            x.yaml:3:16: error: train.steps: expected a positive integer, found 0
            train: {steps: 0}
                           ^
            """#),
        ErrorCase("epochs for a function", text: Self.manifest.replacingOccurrences(of: "steps: 500", with: "epochs: 500"), #"""
            x.yaml:3:8: error: train: missing required key "steps"
            train: {epochs: 500}
                   ^
            x.yaml:3:9: error: train.epochs: unknown key "epochs"; expected one of: record_every, steps
            train: {epochs: 500}
                    ^
            """#),
        ErrorCase("a start of three numbers", text: Self.manifest.replacingOccurrences(of: "[-1.5, 2.0]", with: "[1, 2, 3]"), #"""
            x.yaml:2:36: error: data.start: expected a point [x, y] of two numbers, found a sequence of 3
            data: {dataset: rosenbrock, start: [1, 2, 3]}
                                               ^
            """#),
        ErrorCase("a start that is not a number", text: Self.manifest.replacingOccurrences(of: "[-1.5, 2.0]", with: "[-1.5, .nan]"), #"""
            x.yaml:2:43: error: data.start[1]: expected a number, found .nan
            data: {dataset: rosenbrock, start: [-1.5, .nan]}
                                                      ^
            """#),
        ErrorCase("condition number below 1", text: Self.manifest.replacingOccurrences(of: "condition_number: 100", with: "condition_number: 0.5"), #"""
            x.yaml:8:55: error: variants.bowl.data.condition_number: expected a number of at least 1, found 0.5
              bowl: {data: {dataset: quadratic, condition_number: 0.5}}
                                                                  ^
            """#),
        ErrorCase("condition number of rosenbrock", text: Self.manifest.replacingOccurrences(of: "start: [-1.5, 2.0]", with: "condition_number: 3"), #"""
            x.yaml:2:29: error: data.condition_number: unknown key "condition_number"; expected one of: dataset, start
            data: {dataset: rosenbrock, condition_number: 3}
                                        ^
            """#),
        ErrorCase("accuracy of a function", text: Self.manifest + "\ncompare: {metric: val_accuracy}", #"""
            x.yaml:9:19: error: compare.metric: expected train_loss or val_loss for a function, which has no accuracy, found val_accuracy
            compare: {metric: val_accuracy}
                              ^
            """#),
    ]

    @Test(arguments: errors)
    func message(_ errorCase: ErrorCase) {
        #expect(errorText(errorCase.text) == errorCase.expected)
    }
}
