import ExptConfig
import ExptEngine
import Testing

/// A network's parameter tensors: torch's `state_dict` names and shapes, in storage order,
/// covering the buffer.
struct ParameterLayoutTests {
    @Test func everyLayerWithParametersNamesItsTensorsAsTorch() {
        var generator = SeededGenerator(seed: 1)
        let network = Network(inputShape: [2, 6, 6], layers: [
            .conv2d(Conv2DSpec(filters: 3, kernel: 3)),
            .batchNorm(BatchNormSpec()),
            .flatten,
            .dense(.init(units: 5)),
        ], loss: .crossEntropy, maxBatchSize: 1, generator: &generator)
        let tensors = network.parameterLayout.tensors
        #expect(tensors.map(\.name) == ["0.weight", "0.bias", "1.weight", "1.bias", "3.weight", "3.bias"])
        #expect(tensors.map(\.shape) == [[3, 2, 3, 3], [3], [3], [3], [5, 48], [5]])
        #expect(tensors.map(\.range) == [0..<54, 54..<57, 57..<60, 60..<63, 63..<303, 303..<308])
        #expect(tensors.map(\.storedTransposed) == [false, false, false, false, true, false])
        #expect(network.parameterLayout.count == network.parameters.count)
        #expect(tensors[0].matrixShape! == (3, 18))
        #expect(tensors[1].matrixShape == nil)
    }

    @Test(arguments: [(RecurrentSpec.Cell.gru, 3), (.lstm, 4), (.rnn, 1)])
    func recurrentLayersHaveTorchsFourTensors(_ cell: RecurrentSpec.Cell, _ gates: Int) {
        var generator = SeededGenerator(seed: 1)
        let network = Network(inputShape: [4, 3], layers: [.recurrent(RecurrentSpec(cell: cell, units: 2)), .dense(.init(units: 2))],
                              loss: .crossEntropy, maxBatchSize: 1, generator: &generator)
        let tensors = network.parameterLayout.tensors
        #expect(tensors.map(\.name) == ["0.weight_ih_l0", "0.weight_hh_l0", "0.bias_ih_l0", "0.bias_hh_l0", "1.weight", "1.bias"])
        #expect(tensors.map(\.shape) == [[2 * gates, 3], [2 * gates, 2], [2 * gates], [2 * gates], [2, 2], [2]])
    }

    /// A parameter group's slice keeps its whole tensors, counted from the slice's start.
    @Test func sliceRebasesWholeTensors() {
        let layout = ParameterLayout(tensors: [
            ParameterTensor(name: "0.weight", range: 0..<6, shape: [3, 2], storedTransposed: true),
            ParameterTensor(name: "0.bias", range: 6..<9, shape: [3]),
            ParameterTensor(name: "1.weight", range: 9..<11, shape: [2]),
        ])
        let slice = layout.slice(6..<11)
        #expect(slice.count == 5)
        #expect(slice.tensors.map(\.name) == ["0.bias", "1.weight"])
        #expect(slice.tensors.map(\.range) == [0..<3, 3..<5])
        #expect(ParameterLayout.vector(4).tensors.map(\.shape) == [[4]])
    }
}
