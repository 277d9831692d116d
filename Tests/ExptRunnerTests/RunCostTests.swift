import ExptData
import ExptEngine
import ExptManifest
import ExptOptim
import Testing

@testable import ExptRunner

struct RunCostTests {
    /// 60 spirals, validation 0.2: 12 held out, 48 train. Dense 2 → 8: 2·8 + 8 = 24 parameters;
    /// dense 8 → 2: 8·2 + 2 = 18; so 42 multiply-adds per example, and 3 epochs × 48 × 42 = 6048.
    @Test func aDenseNetworkCostsEpochsTimesExamplesTimesParameters() {
        #expect(RunCost.expected(sampleSpec().config) == 6048)
    }

    static let mnist1d = DataConfig(dataset: DatasetConfig(MNIST1DSettings()))

    /// MNIST-1D examples are 40 values. conv2d of 4 filters, kernel 3, padding 1 on [1, 1, 40]:
    /// 4·1·9 + 4 = 40 parameters at 1 x 40 positions = 1600; flatten: 0; dense 160 → 10:
    /// 1610. A gru of 8 units over 40 steps of 1 feature: 3·8·(1 + 8) + 2·3·8 = 264 parameters
    /// for each of 40 steps = 10560; dense 8 → 10: 90. Dropout on 8 values: 8.
    @Test(arguments: [
        ([LayerSpec.conv2d(Conv2DSpec(filters: 4, kernel: 3, padding: 1)), .flatten, .dense(DenseSpec(units: 10))], 3210.0),
        ([.recurrent(RecurrentSpec(cell: .gru, units: 8)), .dropout(DropoutSpec(rate: 0.5)), .dense(DenseSpec(units: 10))], 10658.0),
    ])
    func perExampleCountsPositionsAndSteps(model: [LayerSpec], multiplyAdds: Double) {
        let config = RunConfig(data: Self.mnist1d, model: model, loss: .crossEntropy, train: TrainConfig(epochs: 2),
                               optimizer: .sgd(SGDHyperparameters(lr: 0.1)))
        #expect(RunCost.perExample(config) == multiplyAdds)
        // 5000 samples, 4000 in the package's train split, 800 held out for validation: 3200.
        #expect(RunCost.expected(config) == 2 * 3200 * multiplyAdds)
    }

    /// A 2D test function moves one point per step: its cost is its steps.
    @Test func aTestFunctionCostsItsSteps() {
        let function = DataConfig(dataset: DatasetConfig(FunctionSettings(function: .rosenbrock)))
        let config = RunConfig(data: function, model: [], loss: .meanSquaredError, train: TrainConfig(epochs: 2000),
                               optimizer: .adam(AdamHyperparameters()))
        #expect(RunCost.expected(config) == 2000)
    }
}
