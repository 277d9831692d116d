import ExptConfig
import ExptEngine
import Testing

/// A network's weights as torch's `state_dict`: names, torch shapes and layouts (a dense weight
/// transposed from expt's [in, out] storage), batch normalisation's running statistics after
/// its parameters; and `load`, which writes them back, checks every shape first and writes
/// nothing on a mismatch.
struct NamedArraysTests {
    /// dense 2 → 3, batch norm, flatten (no index), dense 3 → 1; parameters 0, 1, 2, … in storage order.
    static func network() -> Network {
        var generator = SeededGenerator(seed: 1)
        let network = Network(inputShape: [2], layers: [.dense(.init(units: 3)), .batchNorm(BatchNormSpec()), .flatten, .dense(.init(units: 1))],
                              loss: .meanSquaredError, maxBatchSize: 1, generator: &generator)
        for index in 0..<network.parameters.count { network.parameters.pointer[index] = Float(index) }
        return network
    }

    @Test func arraysFollowTorchsStateDict() {
        let arrays = Self.network().namedArrays()
        #expect(arrays == [
            // Stored [in, out] = [[0, 1, 2], [3, 4, 5]]; torch's [out, in] is its transpose.
            NamedArray(name: "0.weight", shape: [3, 2], values: [0, 3, 1, 4, 2, 5]),
            NamedArray(name: "0.bias", shape: [3], values: [6, 7, 8]),
            NamedArray(name: "1.weight", shape: [3], values: [9, 10, 11]),
            NamedArray(name: "1.bias", shape: [3], values: [12, 13, 14]),
            NamedArray(name: "1.running_mean", shape: [3], values: [0, 0, 0]),
            NamedArray(name: "1.running_var", shape: [3], values: [1, 1, 1]),
            NamedArray(name: "3.weight", shape: [1, 3], values: [15, 16, 17]),
            NamedArray(name: "3.bias", shape: [1], values: [18]),
        ])
    }

    @Test func loadWritesTorchLayoutsBackAndSkipsTheBatchCount() throws {
        let network = Self.network()
        try network.load([
            NamedArray(name: "0.weight", shape: [3, 2], values: [10, 13, 11, 14, 12, 15]),
            NamedArray(name: "1.running_var", shape: [3], values: [2, 3, 4]),
            NamedArray(name: "1.num_batches_tracked", shape: [], values: [5]),
        ])
        #expect(Array(network.parameters.buffer) == [10, 11, 12, 13, 14, 15] + (6...18).map(Float.init))
        #expect(network.namedArrays()[5] == NamedArray(name: "1.running_var", shape: [3], values: [2, 3, 4]))
    }

    @Test func loadChecksEveryArrayBeforeWritingAny() {
        let network = Self.network()
        let good = NamedArray(name: "0.bias", shape: [3], values: [-1, -1, -1])
        #expect(throws: WeightsMismatch.shape(name: "3.weight", expected: [1, 3], found: [3, 1])) {
            try network.load([good, NamedArray(name: "3.weight", shape: [3, 1], values: [1, 2, 3])])
        }
        #expect(throws: WeightsMismatch.unknown(name: "2.weight")) {
            try network.load([good, NamedArray(name: "2.weight", shape: [1], values: [1])])
        }
        #expect(throws: WeightsMismatch.duplicate(name: "0.bias")) { try network.load([good, good]) }
        #expect(Array(network.parameters.buffer) == (0...18).map(Float.init))
        #expect(WeightsMismatch.shape(name: "3.weight", expected: [1, 3], found: [3, 1]).description
                == "the array '3.weight' has the shape [3, 1], the model's tensor is [1, 3]")
    }
}
