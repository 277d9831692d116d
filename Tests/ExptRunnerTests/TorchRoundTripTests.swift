import ExptData
import ExptConfig
import ExptEngine
import ExptTestSupport
import Foundation
import Testing

@testable import ExptStore

/// expt's networks against PyTorch on the same weights and data (Tests/weights/
/// reference_torch_roundtrip.py): torch's initial state_dict, read from the .npz torch wrote
/// and loaded by name, then 4 full-batch SGD steps (lr 0.1), give torch's loss before every
/// step, for an MLP, a CNN, a GRU and an LSTM. That checks the names, shapes and layouts of
/// ``Network/load(_:)`` (a dense weight transposed, torch's gate order), the forward pass and
/// the gradients at once.
///
/// Tolerance: relative 5e-7 (about 4 float32 ulps; the losses found differ by at most one ulp,
/// 1.2e-7 near 1, and most are equal). Both sides compute in float32 but sum in different
/// orders (expt's blocked matrix multiply against torch's), which moves a result by an ulp or
/// so, and three steps carry that into the weights. A wrong layout or gate order is off by far
/// more (the first loss alone differs in the first or second digit).
@Suite struct TorchRoundTripTests {
    static func arrays(_ name: String) throws -> [NamedArray] {
        let url = FixtureFile.repository.appendingPathComponent("Tests/weights/\(name).npz")
        return try NumpyArchive.decode([UInt8](try Data(contentsOf: url)), file: name + ".npz")
    }

    static let models: [(String, [Int], [LayerSpec])] = [
        ("mlp", [4], [.dense(DenseSpec(units: 8, activation: .relu)), .dense(DenseSpec(units: 3))]),
        ("cnn", [1, 6, 6], [.conv2d(Conv2DSpec(filters: 2, kernel: 3, activation: .relu)), .flatten, .dense(DenseSpec(units: 3))]),
        ("gru", [5, 3], [.recurrent(RecurrentSpec(cell: .gru, units: 4)), .dense(DenseSpec(units: 3))]),
        ("lstm", [5, 3], [.recurrent(RecurrentSpec(cell: .lstm, units: 4)), .dense(DenseSpec(units: 3))]),
    ]

    @Test(arguments: models.indices)
    func lossesEqualTorchsStepByStep(model index: Int) throws {
        let (name, inputShape, layers) = Self.models[index]
        var generator = SeededGenerator(seed: 1)
        let network = Network(inputShape: inputShape, layers: layers, loss: .crossEntropy, maxBatchSize: 8, generator: &generator)
        let weights = try Self.arrays("torch_\(name)")
        #expect(weights.map(\.name) == network.namedArrays().map(\.name))
        try network.load(weights)
        let run = Dictionary(uniqueKeysWithValues: try Self.arrays("torch_\(name)_run").map { ($0.name, $0.values) })
        let inputs = try #require(run["inputs"]), labels = try #require(run["labels"]), torchLosses = try #require(run["losses"])
        var losses: [Float] = []
        for _ in 0..<4 {
            let loss = inputs.withUnsafeBufferPointer { x in
                labels.withUnsafeBufferPointer { y in network.trainStep(inputs: x, targets: y, batchSize: 8) }
            }
            losses.append(loss)
            for i in 0..<network.parameters.count { network.parameters.pointer[i] -= 0.1 * network.gradients.pointer[i] }
        }
        for (loss, torchLoss) in zip(losses, torchLosses) {
            #expect(abs(loss - torchLoss) <= 5e-7 * abs(torchLoss), "\(name): expt \(losses), torch \(torchLosses)")
        }
    }
}
