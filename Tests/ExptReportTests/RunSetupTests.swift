import ExptData
import ExptManifest
import ExptOptim
import Testing
@testable import ExptReport

/// The setup table's hyperparameters: only those that differ from the optimizer's defaults.
struct RunSetupTests {
    @Test(arguments: [
        (OptimizerConfig.adam(.init()), "defaults"),
        (.sgd(.init(lr: 0.1, momentum: 0.9)), "lr 0.1, momentum 0.9"),
        // AdamW's default weight decay is 0.01, so 0 is a change, and 0.01 is not.
        (.adamw(.init(weightDecay: 0)), "weight_decay 0.0"),
        (.adamw(.init(lr: 0.01, weightDecay: 0.01)), "lr 0.01"),
        (.rmsprop(.init(centered: true)), "centered true"),
    ])
    func hyperparametersShowOnlyWhatDiffers(_ optimizer: OptimizerConfig, _ expected: String) {
        #expect(RunSetup(config: Fixture.config(optimizer, batchSize: .size(8))).hyperparameters == expected)
    }
}

/// A function run's setup names the function and its start, and no split, loss or batch.
struct FunctionRunSetupTests {
    @Test func functionSetup() {
        let data = DataConfig(dataset: DatasetConfig(FunctionSettings(function: .rosenbrock)))
        let config = RunConfig(data: data, model: [], loss: .crossEntropy, train: TrainConfig(epochs: 10, batchSize: .full),
                               optimizer: .adam(.init()))
        let setup = RunSetup(config: config)
        #expect(setup.sharedFields.map { "\($0.label): \($0.text)" }
                == ["Data: rosenbrock (start [-1.5, 2.0])", "Model: no layers", "Loss: the function", "Steps: 10", "Threads per run: 1",
                    "Schedule: ", "Gradient clipping: ", "Parameter groups: ", "Early stopping: "])
        #expect(setup.batchSize == "—")
    }
}
